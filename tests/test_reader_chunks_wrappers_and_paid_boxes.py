"""What blind pages 12 and 13 showed the reader, in other markup: a body rendered in chunks
(one grid per chunk, ads between) with a "Read more" card inside a chunk; a body whose every
part sits in its own `<div>`, a list too; a betting-odds table and a shop card whose links are
paid (`rel="sponsored"`) beside a story paragraph with an affiliate link; a review's header
(standfirst, disclosure, verdict) in the element that holds the body; social embeds of
networks other than X and Instagram."""

from __future__ import annotations

from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

MORE = [
    "The bridge will close for three weekends in March while engineers replace the joints "
    "on the northern span, the highways department said.",
    "Buses will run a shuttle between the two ends of the bridge every twenty minutes on the "
    "closure weekends, and cyclists will be able to walk their bikes across.",
]
STORY = PROSE + MORE


def _article(inside: str) -> str:
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8))
    return (
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>Council delays vote</h1>{inside}</article></main>"
        "<footer><p>Copyright Example Times. All rights reserved.</p></footer>"
    )


def _chunk(inner: str) -> str:
    return (
        "<div class='GridWrapper-x1 grid'><div class='GridItem-x2'><div class='BodyWrapper-x3'>"
        f"<div class='container'><div class='body__inner-container'>{inner}</div></div>"
        "</div></div><div class='GridItem-x4 aside'><div class='ad ad--rail'></div></div></div>"
    )


def test_a_body_in_chunks_keeps_the_chunk_that_holds_a_read_more_card():
    card = (
        "<div class='Recirc-x5'><div>Read More</div>"
        "<h3><a href='/how-to-fix-a-bridge'>How Old Bridges Are Kept Standing</a></h3>"
        "<div>Steel, paint and a great deal of patience.</div></div>"
    )
    ad = "<div class='AdWrapper-x6'><div class='ad__slot'></div></div>"
    inside = (
        _chunk(paragraphs(STORY[:2]))
        + ad
        + _chunk(paragraphs(STORY[2:4]) + card)
        + ad
        + _chunk(paragraphs(STORY[4:]))
    )
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == STORY


def test_a_list_in_its_own_wrapper_is_part_of_a_body_in_wrappers():
    def part(html: str) -> str:
        return f"<div class='mc-column content-text'>{html}</div>"

    items = ["Northgate, with 112 homes damaged;", "Riverside, with 87 homes;"]
    related = (
        "<div class='mc-column content-unordered-list--related'><ul>"
        "<li><a href='/a'>Cold front to bring frost by Wednesday</a></li>"
        "<li><a href='/b'>River rises a metre in a day</a></li></ul></div>"
    )
    inside = (
        "<div class='content-body'>"
        + "".join(part(f"<p>{p}</p>") for p in STORY[:3])
        + related
        + part(f"<p>{STORY[3]}</p>")
        + part("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        + "".join(part(f"<p>{p}</p>") for p in STORY[4:])
        + "</div>"
    )
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == STORY[:4] + items + STORY[4:]


def test_paid_boxes_stay_out_and_a_paragraph_with_an_affiliate_link_stays():
    odds = (
        "<div class='odds-widget'><div><span>Match odds</span> <span>Odds correct at time of "
        "publishing</span></div><table><tr><th>Harbour Town</th><th>Draw</th><th>Kelby</th>"
        "</tr><tr>"
        + "".join(
            f"<td><a rel='sponsored nofollow' href='https://bet.example/{i}'>{odds}</a></td>"
            for i, odds in enumerate(["6/5", "12/5", "11/5"])
        )
        + "</tr></table><a rel='sponsored' href='https://bet.example/'>Bet now</a>"
        "<p>18+ | Gamble responsibly | <a href='https://help.example/'>BetHelp.example</a> | New "
        "customers only. Terms and conditions apply.</p></div>"
    )
    affiliate = (
        "The club shop sells the new away shirt for £55, and it is also stocked by "
        "<a rel='sponsored' href='https://shop.example/shirt'>Kitbag Direct</a> online."
    )
    inside = (
        "<div class='entry-content'>"
        + paragraphs(STORY[:3])
        + odds
        + f"<p>{affiliate}</p>"
        + paragraphs(STORY[3:])
        + "</div>"
    )
    body = read_article(page(_article(inside)), URL).body_blocks
    shirt = "The club shop sells the new away shirt for £55, and it is also stocked by Kitbag "
    assert body == STORY[:3] + [shirt + "Direct online."] + STORY[3:]


def test_a_body_of_br_lines_with_shop_cards_is_the_story_and_its_cards_are_not():
    """Blind pages round 61 (Blogger): the story is text between `<br><br>` in the post body,
    with no `<p>`, and three product cards with a paid link each sit inside it. The whole
    body was taken for a paid box (its links mostly paid, no `<p>` of prose in it); now the
    body's bare prose (and its articleBody mark) keeps it, and each card goes."""
    card = (
        "<div class='product-box'><span>Best overall</span><h4>Breezewell H{n}</h4>"
        "<p>Covers rooms up to 320 sq ft, quiet enough for bedrooms.</p><p>${n} at time of "
        "writing</p><a rel='nofollow sponsored' href='https://shop.example/{n}'>Check price</a>"
        "</div>"
    )
    inside = (
        "<div class='post-body entry-content' itemprop='description articleBody'>"
        + "<br /><br />".join(STORY[:3])
        + "<br /><br />"
        + "".join(card.format(n=n) for n in (189, 79, 249))
        + "<br /><br />".join(STORY[3:])
        + "</div>"
    )
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == STORY


def test_a_reviews_header_beside_its_body_is_not_read_as_a_summary():
    header = (
        "<p class='standfirst'>The new tram line is quick, quiet and already late for its "
        "second phase.</p>"
        "<p>When you buy through links on our site, we may earn an affiliate commission.</p>"
        "<div class='verdict'><h2>Our verdict</h2><p>A fine first line that the city will "
        "need to extend before it changes how most people get to work.</p></div>"
    )
    long_story = STORY + [f"{p[:-1]}, the report added." for p in STORY]
    inside = header + f"<div class='article-body'>{paragraphs(long_story)}</div>"
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == long_story


def test_social_embeds_of_other_networks_are_not_the_story():
    embeds = (
        "<blockquote class='telegram-post' data-telegram-post='city/2231'><p>We opened the "
        "new school today. Thanks to everyone who helped build it!</p>"
        "<a href='https://t.me/city/2231'>City council, 10.03.2025</a></blockquote>"
        "<blockquote class='bluesky-embed'><p>Huge turnout at the council meeting tonight, "
        "the gallery was full an hour before it started.</p></blockquote>"
        # Facebook's video embed code (blind pages round 35): its fallback quote is the post
        "<div class='fb-video' data-href='https://www.facebook.com/citycouncil/videos/1/'>"
        "<blockquote cite='https://www.facebook.com/citycouncil/videos/1/'><p>We are open! "
        "Thank you to everyone who came to the ribbon cutting.</p></blockquote></div>"
    )
    inside = f"<div class='body'>{paragraphs(STORY[:3])}{embeds}{paragraphs(STORY[3:])}</div>"
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == STORY


def test_a_page_named_for_its_kind_is_not_chrome_and_its_boxes_are():
    """A newsletter's web edition: `<body class="layout-newsletter">` says what the page is;
    the sponsor's message between its items and its sources list are boxes."""
    sponsor = (
        "<div class='story-text__sponsor'><p>SPONSORED</p><p>A message from Gridwell: the "
        "power grid was built for the last century, and we are investing to modernise it.</p>"
        "</div>"
    )
    sources = (
        "<section id='sources'><h2>Sources</h2><ol><li>Harbour Council. Toll study, interim "
        "report. 2025.</li><li>Interview with the council's transport officer, March 2025."
        "</li></ol></section>"
    )
    inside = f"<div class='story-text'>{paragraphs(STORY[:3])}{sponsor}{paragraphs(STORY[3:])}"
    html = _article(inside + f"</div>{sources}")
    document = f"<html><body class='layout-newsletter newsletter-morning'>{html}</body></html>"
    body = read_article(page_selector(document, URL), URL).body_blocks
    assert body == STORY


def test_a_closing_credit_written_as_the_pages_paragraphs_are_stays():
    """Paragraphs as `<div class="e-p">`: the credit after the last one is one of them."""
    paras = "".join(f"<div class='e-p'>{p}</div>" for p in STORY)
    credit = "<div class='e-p'><em>Avec les informations de La Presse canadienne</em></div>"
    inside = f"<div class='e-body'>{paras}{credit}</div>"
    body = read_article(page(_article(inside)), URL).body_blocks
    assert body == [*STORY, "Avec les informations de La Presse canadienne"]


def test_a_live_commentary_entry_of_the_comment_kind_is_the_story():
    """`lt-entry--comment`: a BEM modifier names a variant of its block (an entry); the
    readers' comments (`section.comments`) are still chrome."""
    minutes = [
        "90' The fourth official shows five minutes of added time at the end of the match.",
        "88' The visitors throw everything forward, but the shot from the edge is blocked.",
        "84' GOAL! The hosts lead 2-1 after a header from the corner at the far post.",
    ]
    kinds = ["comment", "comment", "goal"]
    entries = "".join(
        f"<li class='lt-entry lt-entry--{kind}'><span class='lt-entry__minute'>"
        f"{text.split(' ', 1)[0]}</span> {text.split(' ', 1)[1]}</li>"
        for kind, text in zip(kinds, minutes, strict=True)
    )
    comments = (
        "<section class='comments'><h2>Comments</h2><p>What a game, the referee was awful "
        "though and should never have given that corner in the first place.</p></section>"
    )
    inside = f"<div class='body'>{paragraphs(STORY)}<ol class='lt-feed'>{entries}</ol></div>"
    body = read_article(page(_article(inside + comments)), URL).body_blocks
    assert body == STORY + minutes


def test_paragraphs_in_divs_end_with_the_full_stops_of_other_scripts():
    """Blind pages round 37: a Hindi daily's paragraphs are nested `div`s ending with `।`;
    a `div` is a paragraph when it ends like a sentence, and `।` was not a sentence's end, so
    the first two paragraphs, before the first ending in a quote, were lost."""
    hindi = [
        "रेवतपुर जिले के भैरवपुरा गांव में करीब तीन सौ साल पुरानी बावड़ी को महिलाओं ने फिर से "
        "जिंदा कर दिया है और इस साल गर्मियों में गांव को टैंकर नहीं मंगाना पड़ा।",
        "बावड़ी पिछले करीब चालीस साल से कचरे और मिट्टी से पटी हुई थी और लोगों ने धीरे-धीरे "
        "इसकी ओर ध्यान देना बंद कर दिया था।",
        "अभियान की शुरुआत पिछली गर्मियों में हुई, जब गांव की महिलाओं ने तय किया कि वे "
        "इंतजार करने के बजाय खुद कुछ करेंगे और हर रविवार श्रमदान करेंगे।",
    ]
    japanese = [
        "町は来年度から、終点の浜石駅に充電設備を置き、電気バスの試験運行を始めると発表した。"
        "運行は一日八便で、運賃は現行と同じになる見込みだ。",
        "署名は三か月で二千筆を超え、その八割は町外の利用者から寄せられたという。"
        "町は次の議会で補正予算案を提出し、来年春の運行開始を目指す方針だ。",
    ]
    for story in (hindi, japanese):
        inside = "".join(f"<div class='txt'><div>{p}</div></div>" for p in story)
        body = read_article(page(_article(f"<div class='story'>{inside}</div>")), URL).body_blocks
        assert body == story


def test_a_body_named_for_its_reading_time_script_is_the_story():
    """Blind pages round 44: `<div class="news-content readingTime">` holding the story as bare
    text split by `<br><br>` (a Turkish daily): the reading-time script's hook in the name of
    the element it counts, no `property="articleBody"` on it; the widget that shows the
    minutes is still chrome."""
    text = "<br><br>".join(STORY)
    html = _article(
        "<div class='reading-time'>4 min read</div>"
        f"<div class='news-content readingTime' data-reading-time='4'><div>{text}</div></div>"
    )
    article = read_article(page(html), URL)
    assert article.body_blocks == STORY
