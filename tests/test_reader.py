"""The generic reader on strings: what a person sees on a page, whatever the markup."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from parsel import Selector

from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.blocks import page_blocks
from newsbot.extract.metadata import read_metadata
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from newsbot.profiles import load_profile

URL = "https://news.example.org/2026/11/25/council-delays-vote"
PROSE = [
    "The council voted on Tuesday to delay the toll decision until the spring, citing the "
    "need for a fuller study of traffic on the eastern approach roads.",
    "Residents who packed the public gallery had asked for more time to respond, and several "
    "speakers said the consultation had been too short for families to take part.",
    "The mayor said the delay would cost little, because the toll could not be collected "
    "before the new gantries are installed next summer in any case.",
    "Opponents welcomed the vote but warned that they would keep campaigning until the plan "
    "was dropped altogether, and promised a petition before the next meeting.",
]


def texts(html: str) -> list[str]:
    return [b.text for b in page_blocks(Selector(text=html).root)]


def page(body: str, head: str = "") -> Selector:
    return page_selector(f"<html><head>{head}</head><body>{body}</body></html>", URL)


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


# -- the text walk ------------------------------------------------------------------------
def test_comments_and_processing_instructions_keep_the_text_around_them():
    html = (
        "<h1>Council delays<!-- --> vote on toll</h1>"
        "<p>4<!-- --> hours ago</p><p>When <!-- -->President<!-- --> Trump's advisers met"
        "<?php echo 1 ?> on Monday</p>"
    )
    assert texts(html) == [
        "Council delays vote on toll",
        "4 hours ago",
        "When President Trump's advisers met on Monday",
    ]


def test_cdata_in_html_is_invisible_and_keeps_what_follows():
    assert texts("<p>before<![CDATA[ x ]]> after</p>") == ["before after"]


@pytest.mark.parametrize(
    "hidden",
    [
        "<template><p>t</p></template>",
        "<noscript><p>enable javascript</p></noscript>",
        "<p hidden>h</p>",
        '<p aria-hidden="true">a</p>',
        '<p style="color: red; display : none">d</p>',
        '<span class="sr-only">, opens new tab</span>',
        '<script id="__NEXT_DATA__" type="application/json">{"props":{"title":"x"}}</script>',
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>',
    ],
)
def test_hidden_parts_and_script_payloads_are_not_text(hidden):
    assert texts(f"<div><p>seen</p>{hidden}<p>also seen</p></div>") == ["seen", "also seen"]


def test_line_breaks_and_block_boundaries_make_lines():
    html = "<div>first<br>second<p>third</p>fourth</div>"
    assert texts(html) == ["first", "second", "third", "fourth"]


def test_hundred_thousand_nested_tags_keep_all_their_text():
    html = "<div>" + "<b>word " * 100_000 + "</div><p>after</p>"
    blocks = page_blocks(page_selector(html, URL).root)
    text = " ".join(b.text for b in blocks)
    assert text.count("word") == 100_000
    assert text.endswith("after")


def test_cookie_banner_and_dialogs_are_chrome():
    html = (
        "<div class='cookie-notice'><p>We use cookies to improve your experience.</p></div>"
        "<div role='dialog'><p>Subscribe now</p></div><p>Article text.</p>"
    )
    blocks = page_blocks(Selector(text=html).root)
    assert [(b.text, b.chrome) for b in blocks] == [
        ("We use cookies to improve your experience.", "named"),
        ("Subscribe now", "dialog"),
        ("Article text.", ""),
    ]


def test_blocks_know_their_chrome_and_link_share():
    html = (
        "<nav><a href='/a'>Home</a></nav><article><p>Plain text with "
        "<a href='/x'>a link</a></p></article><footer>Contact</footer>"
    )
    blocks = page_blocks(Selector(text=html).root)
    assert [(b.text, b.chrome) for b in blocks] == [
        ("Home", "nav"),
        ("Plain text with a link", ""),
        ("Contact", "footer"),
    ]
    assert blocks[1].link_chars == len("a link")


# -- the title ----------------------------------------------------------------------------
def test_title_is_the_h1_agreeing_with_the_metadata_not_the_longest():
    head = (
        '<meta property="og:title" content="Council delays vote on toll">'
        "<title>Council delays vote on toll | The Example Times</title>"
    )
    body = (
        "<h1>We noticed you are using an ad blocker, please consider supporting us</h1>"
        "<header><h1>The Example Times</h1></header>"
        f"<article><h1>Council delays<!-- --> vote on toll</h1>{paragraphs(PROSE)}</article>"
    )
    article = read_article(page(body, head), URL)
    assert article.title == "Council delays vote on toll"


def test_title_without_metadata_is_the_h1_followed_by_the_article():
    body = (
        "<div><h1>Please disable your ad blocker to continue</h1></div>"
        f"<article><h1>Council delays vote</h1>{paragraphs(PROSE)}</article>"
    )
    assert read_article(page(body), URL).title == "Council delays vote"


def test_title_from_the_html_title_without_the_site_name():
    head = '<meta property="og:site_name" content="Example Times">'
    head += "<title>Council delays vote on toll - Example Times</title>"
    body = f"<h2>Latest</h2><h2>Council delays vote on toll</h2>{paragraphs(PROSE)}"
    assert read_article(page(body, head), URL).title == "Council delays vote on toll"


# -- the body's extent --------------------------------------------------------------------
def _real_page(article_inside: str) -> str:
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8))
    rail = "".join(
        f"<li><a href='/r{i}'>Most read story number {i} about something else</a></li>"
        for i in range(6)
    )
    return (
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<div class='layout'><main><article>{article_inside}</article></main>"
        f"<div role='complementary'><h2>Most read</h2><ul>{rail}</ul></div></div>"
        "<section id='comments'><h2>Comments</h2><p>I think the council is completely wrong "
        "about this and should have voted the toll down at once, frankly.</p></section>"
        "<footer><p>Copyright Example Times. All rights reserved. Terms and privacy.</p>"
        "</footer>"
    )


def test_body_ends_by_structure_rails_comments_footer_stay_out():
    html = _real_page(f"<h1>Council delays vote</h1><div class='body'>{paragraphs(PROSE)}</div>")
    assert read_article(page(html), URL).body_blocks == PROSE


def test_inline_related_box_inside_the_first_paragraphs_does_not_end_the_body():
    related = (
        "<div class='box'><h3>Related articles</h3><ul>"
        "<li><a href='/1'>Bridge repairs to start in March</a></li>"
        "<li><a href='/2'>Toll plan explained in five charts</a></li></ul></div>"
    )
    inside = (
        f"<h1>Council delays vote</h1><div class='body'><p>{PROSE[0]}</p>{related}"
        f"{paragraphs(PROSE[1:])}</div>"
    )
    body = read_article(page(_real_page(inside)), URL).body_blocks
    assert body == PROSE


def test_a_chrome_label_is_one_signal_it_ends_the_body_only_without_prose_after():
    inside = (
        f"<h1>Council delays vote</h1><div class='body'>{paragraphs(PROSE[:2])}"
        f"<p>Read more</p>{paragraphs(PROSE[2:])}<p>Read more</p><p>Sign in to comment</p></div>"
    )
    article = read_article(page(inside), URL, chrome_labels=["Read more"])
    assert article.body_blocks == PROSE


def test_subheadings_lists_and_repeated_table_cells_stay():
    inside = (
        f"<h1>Council delays vote</h1><div class='body'><p>{PROSE[0]}</p>"
        "<h2>What happens next</h2>"
        "<ul><li>A study of traffic on the eastern approach</li><li>A second consultation"
        "</li></ul>"
        "<table><tr><td>Yes</td><td>Yes</td></tr><tr><td>No</td><td>No</td></tr></table>"
        f"{paragraphs(PROSE[1:])}</div>"
    )
    body = read_article(page(inside), URL).body_blocks
    assert (
        body
        == [
            PROSE[0],
            "What happens next",
            "A study of traffic on the eastern approach",
            "A second consultation",
            "Yes | Yes",  # a data table's row is one line, its cells between bars
            "No | No",
            *PROSE[1:],
        ]
    )


def test_sign_up_form_and_author_box_are_not_body():
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"NewsArticle","headline":"Council delays vote","author":{"@id":"#a"}},'
        '{"@type":"Person","@id":"#a","name":"Jo Writer"}]}</script>'
    )
    inside = (
        f"<h1>Council delays vote</h1><div class='body'>{paragraphs(PROSE[:2])}"
        "<div class='signup'><div>Get the morning briefing</div><div>Sent to your inbox "
        "every weekday morning, free of charge.</div><form><input type='email'></form></div>"
        f"{paragraphs(PROSE[2:])}</div>"
        "<div class='bio'><div>Jo Writer</div><div>Jo Writer covers local politics and "
        "transport for the Example Times, from the city hall newsroom.</div></div>"
    )
    article = read_article(page(inside, head), URL)
    assert article.author == "Jo Writer"
    assert article.body_blocks == PROSE


# -- times and names from markup ----------------------------------------------------------
@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="article:published_time" content="2026-11-25T08:15:00Z">',
        '<meta name="date" content="2026-11-25T08:15:00Z">',
        '<meta name="DC.date.issued" content="2026-11-25T08:15:00Z">',
        '<meta name="sailthru.date" content="2026-11-25T08:15:00Z">',
        '<meta name="parsely-pub-date" content="2026-11-25T08:15:00Z">',
        '<meta itemprop="datePublished" content="2026-11-25T08:15:00Z">',
        '<span itemprop="datePublished" content="2026-11-25T08:15:00Z">Nov 25</span>',
        '<time itemprop="datePublished" datetime="2026-11-25T08:15:00Z">Nov 25</time>',
        '<time datetime="2026-11-25T08:15:00Z">25 November</time>',
        '<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},'
        '{"@type":"NewsArticle","datePublished":"2026-11-25T08:15:00Z"}]}</script>',
        '<script type="application/ld+json">[{"@type":["NewsArticle"],'
        '"datePublished":["2026-11-25T08:15:00Z"]}]</script>',
    ],
)
def test_publication_time_from_markup(markup):
    article = read_article(page(f"<h1>T</h1>{markup}{paragraphs(PROSE)}"), URL)
    assert article.published_raw == "2026-11-25T08:15:00Z"


def test_modified_time_site_name_language_canonical():
    head = (
        '<meta property="article:modified_time" content="2026-11-26T10:00:00Z">'
        '<meta property="og:site_name" content="Example Times">'
        '<link rel="canonical" href="https://news.example.org/a/1">'
    )
    html = (
        f'<html lang="en-GB"><head>{head}</head><body><h1>T</h1>{paragraphs(PROSE)}</body></html>'
    )
    article = read_article(page_selector(html, URL), URL)
    assert article.modified_raw == "2026-11-26T10:00:00Z"
    assert article.site_name == "Example Times"
    assert article.language == "en"
    assert article.canonical_url == "https://news.example.org/a/1"


def test_jsonld_publisher_names_the_site():
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"T",'
        '"publisher":{"@type":"Organization","name":"Example Times"}}</script>'
    )
    meta = read_metadata(page("<h1>T</h1>", head))
    assert meta.site_name == "Example Times"


@pytest.mark.parametrize(
    "html",
    ["", "<html>", "<p>", "\x00\x00", "<h1></h1>", "<!-- only a comment -->", "<<<>>>", "text"],
)
def test_read_article_never_raises(html):
    article = read_article(page_selector(html, URL), URL)
    assert isinstance(article.body_blocks, list)


# -- Daily8's header line -----------------------------------------------------------------
def test_unreadable_age_in_the_header_stays_out_of_the_body_and_is_kept_raw():
    profile = load_profile("daily8")
    read_age = age_reader(profile, datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc))
    html = (
        "<h1>Markets rally</h1><div><span>Reuters</span><span>99999999999 hours ago</span>"
        "</div><p>Shares rose on Monday as investors returned.</p>"
    )
    article = parse_article(
        Selector(text=html), "https://www.daily8.com/en/article/" + "a" * 32, profile, read_age
    )
    assert article.source == "Reuters"
    assert article.age == "99999999999 hours ago"
    assert article.body_blocks == ["Shares rose on Monday as investors returned."]


def test_fast_rouge_lsum_gives_the_packages_own_scores():
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    from benchmarks.fast_lcs import fast_scorer

    reference = "\n".join(PROSE)
    candidate = "\n".join([PROSE[2], "Share this on social media", PROSE[0], "the council"])
    package = rouge_scorer.RougeScorer(["rougeLsum"]).score(reference, candidate)
    fast = fast_scorer().score(reference, candidate)
    assert fast["rougeLsum"] == package["rougeLsum"]


def test_printed_date_line_by_the_title_is_the_time_without_metadata():
    body = (
        "<h1>Council delays vote</h1><div>By Jo Writer</div>"
        "<div>Published November 19, 2019, 07:47 PM EST</div>"
        f"{paragraphs(PROSE)}"
    )
    article = read_article(page(body), URL)
    assert article.published_raw == "November 19, 2019, 07:47 PM EST"
    assert article.body_blocks == PROSE


def test_a_time_in_a_teaser_elsewhere_is_not_the_articles():
    body = (
        f"<h1>Council delays vote</h1>{paragraphs(PROSE)}<aside><h2>More</h2>"
        + "".join(f"<p>filler line {i}</p>" for i in range(12))
        + '<a href="/other">Other story <time datetime="2020-01-01T00:00:00Z">2020</time></a>'
        "</aside>"
    )
    assert read_article(page(body), URL).published_raw is None


def test_daily8_inline_related_box_does_not_end_the_body():
    profile = load_profile("daily8")
    read_age = age_reader(profile, datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc))
    other = "/en/article/" + "b" * 32
    html = (
        "<h1>Council delays vote</h1><div><span>Reuters</span><span>3 hours ago</span></div>"
        f"<div class='content'><p>{PROSE[0]}</p>"
        f"<div class='box'><h3>Related Articles</h3><a href='{other}'>Bridge repairs</a></div>"
        f"{paragraphs(PROSE[1:])}</div>"
        "<section><h2>Related Articles</h2><div class='cards'>"
        f"<a href='/en/article/{'c' * 32}'><h3>Night trains return</h3></a>"
        "<p>Irish Times</p><p>an hour ago</p></div></section>"
    )
    article = parse_article(
        Selector(text=html), "https://www.daily8.com/en/article/" + "a" * 32, profile, read_age
    )
    assert article.body_blocks == PROSE
    assert [e.article_id for e in article.related] == ["c" * 32]


def test_author_note_and_datelines_in_the_body_are_not_text():
    head = '<meta name="author" content="Jo Writer">'
    inside = (
        "<h1>Council delays vote</h1><div class='body'>"
        "<p>Jo is transport correspondent at the Example Times and has covered the council for "
        "ten years.</p><p>Example Reporters 2 March 2024 • 9:08pm</p>"
        f"{paragraphs(PROSE)}<p>Easter trail 23 March and 14 April 2024. example.org</p></div>"
    )
    body = read_article(page(inside, head), URL).body_blocks
    assert body == [*PROSE, "Easter trail 23 March and 14 April 2024. example.org"]


def test_a_title_that_is_only_the_site_name_does_not_make_the_logo_the_title():
    html = (
        "<html><head><title>Example Times</title></head><body>"
        "<div role='banner'><a href='/'><span>Example Times</span></a></div>"
        f"<div role='main'><h1>Council delays vote</h1>{paragraphs(PROSE)}</div></body></html>"
    )
    assert read_article(page_selector(html, URL), URL).title == "Council delays vote"


def test_a_sign_up_form_after_the_body_inside_the_article_leaves_the_body_whole():
    """An <article> holding a header, the body's own element and a newsletter form after it:
    the form's box is the form, never the article around the body. (Held-out site: every
    article of one publisher came out with no body.)"""
    html = (
        "<article><h1>Council delays toll vote</h1>"
        "<p class='x-dek'>A vote on the toll is put off until the spring.</p>"
        "<div class='x-meta'><span class='x-byline'>Jo Writer</span> "
        "<span class='x-rt'>4 min read</span></div>"
        f"<div class='x-copy'>{paragraphs(PROSE)}</div>"
        "<div class='x-bio'><p>Jo Writer covers the city for the paper and has done so for "
        "ten years, from the council chamber to the courts.</p></div>"
        "<form><h3>Get the morning brief</h3><p>Five stories, every weekday.</p>"
        "<input type='email'><button>Subscribe</button></form></article>"
    )
    article = read_article(page(html), URL)
    assert article.body_blocks == PROSE


def test_pull_quotes_and_promos_set_between_the_paragraphs_are_left_out():
    html = (
        f"<article><h1>Council delays toll vote</h1><div>{paragraphs(PROSE[:2])}"
        "<aside class='pullquote'>The consultation had been too short for families</aside>"
        "<div class='inline-promo'>Enjoying this? Become a member from 5 a month.</div>"
        f"{paragraphs(PROSE[2:])}</div></article>"
    )
    assert read_article(page(html), URL).body_blocks == PROSE


@pytest.mark.parametrize(
    "caption",
    [
        "<div class='legende'>La digue vue du ciel. (Photo Gazette/Anne Le Goff)</div>",
        "<p class='article__legend'>La digue, en octobre 2026. JEAN MARC POUR LE JOURNAL</p>",
        "<div class='embed-carte__legende'>Recul moyen du trait de côte, en mètres par an.</div>",
        "<span class='didascalia'>Il cantiere del ponte nel mese di ottobre.</span>",
        "<div class='bildunterschrift'>Die Baustelle im Oktober. Foto: Archiv</div>",
    ],
)
def test_a_caption_named_in_another_language_is_left_out(caption):
    """`legende`, `legend`, `didascalia`, `bildunterschrift`: what French, Portuguese,
    Italian and German CMSs call a caption or a chart's key (blind pages round 65; every
    such name in the blind pages held a caption)."""
    html = (
        f"<article><h1>Council delays toll vote</h1><div>{paragraphs(PROSE[:2])}"
        f"{caption}{paragraphs(PROSE[2:])}</div></article>"
    )
    assert read_article(page(html), URL).body_blocks == PROSE


def test_a_label_inside_a_sentence_goes_without_cutting_its_paragraph():
    """Blind site 71: `...novel.<span class="ad-slot__label">advertisement</span> "I got it
    wrong ..."` was read as three lines; the label goes and the paragraph stays one. A link's
    words stay the sentence's, whatever its class says."""
    glued = (
        "<p>The council met on Tuesday.<span class='ad-slot__label'>advertisement</span> "
        "Members voted to delay the toll by a year.</p>"
    )
    linked = "<p>As <a class='related-link' href='/x'>reported last week</a>, fares rise.</p>"
    html = f"<article><h1>Council delays toll vote</h1><div>{glued}{linked}</div></article>"
    texts_read = [b.text for b in page_blocks(page(html).root)]
    assert "The council met on Tuesday. Members voted to delay the toll by a year." in texts_read
    assert "advertisement" not in " ".join(texts_read)
    assert "reported last week" in " ".join(texts_read)


def test_stega_runs_of_invisible_characters_are_dropped_single_joiners_kept():
    """Blind site 70: Sanity's visual editing left on in production appends source-map data
    to titles, names and paragraphs as long runs of zero-width characters. They go before the
    page is parsed; a single ZWNJ (Persian `می‌خواهد`) or an emoji's ZWJ stays."""
    stega = "\u200c\u200d\u200d\u200b\u200c\u200d\ufeff\u200c" * 6
    persian = "او می\u200cخواهد به خانه برگردد و کارش را در شهر ادامه دهد."
    html = (
        f"<article><h1>Council delays toll vote{stega}</h1><div>"
        f"{paragraphs([p + stega for p in PROSE[:2]])}<p>{persian}</p>"
        f"{paragraphs(PROSE[2:])}</div></article>"
    )
    article = read_article(page(html, f"<title>Council delays toll vote{stega}</title>"), URL)
    assert article.title == "Council delays toll vote"
    assert article.body_blocks == PROSE[:2] + [persian] + PROSE[2:]


# the last section's own paragraphs (a body that repeats a run of paragraphs word for word is a
# builder's second copy of it, newsbot/extract/repeats.py)
NEXT = [
    "The council will hold two more public sessions in March, one in each ward on the eastern "
    "side of the river, before officers write their final report.",
    "Officers said the traffic study would count vehicles on the approach roads for six weeks, "
    "including the school holidays, so that quieter weeks are not mistaken for normal ones.",
    "A cross-party working group will look at discounts for carers and for residents on low "
    "incomes, which several speakers asked for during the debate.",
    "The final decision is now expected in May, after the local elections, when the new "
    "council will be asked to vote on the scheme as a whole.",
]


def _sectioned(middle: str, after: str = "") -> str:
    """A piece cut into numbered sections, each its own element with a heading outside the
    element that holds its paragraphs (a letters page, a listicle)."""
    first = paragraphs(PROSE + PROSE[::-1])
    return (
        "<article><h1>Council delays toll vote</h1><div class='sections'>"
        f"<section><div class='n'>1</div><h3>The vote</h3><div class='copy'>{first}</div></section>"
        f"<section><div class='n'>2</div><h3>A word from the gallery</h3><div class='copy'>{middle}"
        "</div></section>"
        f"<section><div class='n'>3</div><h3>What comes next</h3><div class='copy'>"
        f"{paragraphs(NEXT)}</div></section>{after}</div></article>"
    )


def test_a_short_section_between_longer_ones_and_the_later_headings_stay():
    """A section with one short letter is part of the piece when the sections on both sides
    of it are; each later section keeps its heading (the first one's stays out: a heading
    right above the copy may be a standfirst)."""
    letter = "The gallery was full, and nobody there wanted the toll at all."
    html = _sectioned(f"<p>{letter}</p><p>Jo Resident</p>")
    body = read_article(page(html), URL).body_blocks
    assert body == [
        *(PROSE + PROSE[::-1]),
        "A word from the gallery",
        letter,
        "Jo Resident",
        "What comes next",
        *NEXT,
    ]


def test_a_short_box_after_the_sections_is_not_pulled_in():
    note = "This piece was updated on Tuesday evening to add the mayor's comments on costs."
    html = _sectioned(
        "<p>The gallery was full, and nobody there wanted the toll at all.</p>",
        after=f"<div class='editors-note'><p>{note}</p></div>",
    )
    body = read_article(page(html), URL).body_blocks
    assert note not in body
    assert body[-len(NEXT) :] == NEXT


AUTHOR_HEAD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
    '"LiveBlogPosting","headline":"Council toll vote: live","author":{"name":"Jo Writer"}}'
    "</script>"
)


def _live_page(summary: str) -> str:
    """A live page: the title, a summary beside the posts, then posts that each carry their
    time stamp, their writer's name, a heading and a paragraph."""
    posts = "".join(
        f"<article class='block'><header><time datetime='2026-11-25T1{n}:00:00Z'>1{n}:00 GMT"
        f"</time></header><div class='contributor'>Jo Writer</div><h2>Update {n}</h2>"
        f"<div class='elements'><p>{text}</p></div><footer><a href='#b{n}'>Share</a></footer>"
        "</article>"
        for n, text in enumerate(PROSE)
    )
    return (
        "<main><h1>Council toll vote: live</h1><div class='column'>"
        f"<section class='summary'><h2>Summary</h2><ul>{summary}</ul></section>"
        "<div class='toolbar'><button>Newest first</button></div>"
        f"<div class='live-body'>{posts}</div></div></main>"
    )


def test_a_live_page_keeps_every_post_and_its_summary_but_not_the_stamps():
    """Each post names its writer above its heading and paragraphs: that is not the author's
    box after the article, so the posts after it stay. The posts' time stamps stay out; the
    summary above the posts is the page's own text."""
    summary = [
        "The council delayed its toll vote until the spring after a packed meeting",
        "Opponents promised a petition before the next meeting of the full council",
    ]
    html = _live_page("".join(f"<li>{s}</li>" for s in summary))
    body = read_article(page(html, AUTHOR_HEAD), URL).body_blocks
    assert [b for b in body if b in PROSE] == PROSE
    assert body[:2] == summary
    assert not [b for b in body if "GMT" in b]


def test_key_points_that_say_the_body_again_stay_out():
    """Key points above the body that repeat its sentences add nothing to it."""
    points = [PROSE[0][:-1], PROSE[2][:-1]]
    html = _live_page("".join(f"<li>{s}</li>" for s in points))
    body = read_article(page(html, AUTHOR_HEAD), URL).body_blocks
    assert not [b for b in body if b in points]
    assert [b for b in body if b in PROSE] == PROSE


def test_a_newsletter_post_is_the_article_not_a_newsletter_box():
    """Substack renders a post as `<article class="newsletter-post post">`: the word names
    the publication's kind, not a sign-up box."""
    html = (
        "<div class='single-post'><article class='typography newsletter-post post'>"
        f"<h1>Council delays toll vote</h1><div class='available-content'>"
        f"<div class='body markup'>{paragraphs(PROSE)}</div></div></article>"
        "<div class='newsletter-signup'><p>Get every post of The Toll Road Report in your "
        "inbox, free, every Thursday morning.</p></div></div>"
    )
    assert read_article(page(html), URL).body_blocks == PROSE


def test_camel_case_names_paywall_boxes_and_embed_placeholders_are_chrome():
    """Older CMSs name boxes in camel case (`RelatedTable`, `CommentItem`); a paywall's own
    box (`paywall__message`) and a consent platform's embed placeholder (`cmp-placeholder`)
    and a component named for a sign-up card (`data-component="newsletter-signup-card"`) are
    not the story, while `class="paywall"` on the story's paragraphs (as many sites mark the
    text behind the wall) is."""
    story = "".join(f"<p class='paywall'>{p}</p>" for p in PROSE[:2])
    html = (
        f"<article><h1>Council delays toll vote</h1><div class='ArticleBody'>{story}"
        "<div class='cmp-placeholder'><p>Este contenido está alojado en YouTube. Para verlo "
        "necesitas aceptar las cookies de terceros.</p><button>Aceptar y ver contenido"
        "</button></div>"
        f"{paragraphs(PROSE[2:])}"
        "<div data-component='newsletter-signup-card'><p>The week's most important stories "
        "about roads, tolls and the people who pay them, from our transport desk.</p></div>"
        "<section class='paywall js-paywall'><p class='paywall__message'>You have 62% of "
        "this article left to read. The rest is for subscribers.</p></section></div></article>"
        "<table class='RelatedTable'><tr><td class='RelatedItem'><a href='/a'>Ring road "
        "works begin</a> The council said the work would take two years to finish in full."
        "</td></tr></table>"
        "<table class='CommentsTable'><tr><td class='CommentItem'>A fine decision, and long "
        "overdue for everyone who drives the eastern approach every single day.</td></tr>"
        "</table>"
    )
    assert read_article(page(html), URL).body_blocks == PROSE


def test_a_paragraph_that_is_one_linked_sentence_stays_a_related_headline_does_not():
    letter = "<p><a href='/docs/letter.pdf'>The full letter is here.</a></p>"
    headline = "<p><a href='/2026/11/20/bridge'>Bridge repairs to start in March</a></p>"
    inside = (
        f"<h1>Council delays vote</h1><div class='body'>{paragraphs(PROSE[:2])}{letter}"
        f"{headline}{paragraphs(PROSE[2:])}</div>"
    )
    body = read_article(page(_real_page(inside)), URL).body_blocks
    assert body == [*PROSE[:2], "The full letter is here.", *PROSE[2:]]


def test_the_notes_and_sources_under_a_piece_and_a_paywalls_offer_are_not_its_text():
    notes = (
        "<div class='field--name-field-references'><div class='field__label'>References</div>"
        "<ul class='footnotes'><li>1. Roe, J. Toll roads and traffic. Transport Review 4, "
        "1-9 (2024).</li><li>2. Council of Kelby. Traffic survey of the eastern approach "
        "(2025).</li></ul></div>"
    )
    offer = (
        "<div class='paywall'><h3 class='paywall__title'>Keep reading with a subscription</h3>"
        "<ul class='paywall__benefits'><li>Unlimited articles on every device</li>"
        "<li>Live traffic alerts for your street</li></ul></div>"
    )
    inside = (
        f"<h1>Council delays vote</h1><div class='body'>{paragraphs(PROSE[:2])}{offer}"
        f"<div class='paywall'>{paragraphs(PROSE[2:])}</div>{notes}</div>"
    )
    assert read_article(page(_real_page(inside)), URL).body_blocks == PROSE


def test_a_box_in_an_aside_written_in_the_storys_own_paragraphs_is_the_story():
    def story(items: list[str]) -> str:
        return "".join(f"<p class='Paragraph_p__x1'>{p}</p>" for p in items)

    method = (
        "<aside class='MethodBox_box__q2'><h2>How we reported this story</h2>"
        f"{story(['We read 2,300 pages of council minutes and toll studies from 2019 on.'])}"
        "</aside>"
    )
    donate = (
        "<aside class='Donate_box__k9'><p class='Donate_text__z3'>We are a nonprofit newsroom "
        "funded by readers like you, and we never take money from the councils we cover.</p>"
        "<a href='/donate'>Donate now</a></aside>"
    )
    inside = (
        f"<h1>Council delays vote</h1><div class='body'>{story(PROSE[:2])}{method}{donate}"
        f"{story(PROSE[2:])}</div>"
    )
    body = read_article(page(_real_page(inside)), URL).body_blocks
    assert body == [
        *PROSE[:2],
        "How we reported this story",
        "We read 2,300 pages of council minutes and toll studies from 2019 on.",
        *PROSE[2:],
    ]
