"""A metered page whose JSON-LD holds the whole story, and a tabloid's unstopped key points.

Found by blind pages round 20 (a business site shows three paragraphs and a "subscribe to
continue" box; its ``articleBody`` has all thirteen: recall 0.275; a tabloid's key points,
list items without a full stop above the first paragraph, were dropped as a byline would
be). Every page here is made up.
"""

from __future__ import annotations

import json

from parsel import Selector

from newsbot.extract.full_text import fuller_body, paragraphs
from newsbot.extract.reader import read_article

STORY = [
    "Shares of Tarnby Mills fell sharply on Tuesday after the flour miller cut its annual "
    "profit forecast for the second time, blaming the cost of wheat and energy.",
    "The stock dropped as much as 12% in early trading before recovering some ground, while "
    "its rival Osterholm Grain edged higher.",
    "Tarnby now expects operating profit of between 410 million and 440 million crowns, down "
    "from a range of 500 million to 540 million crowns given in August.",
    "Chief executive Mette Lindqvist said a poor harvest in the Baltic region had pushed up "
    "the price of the milling wheat the company buys.",
    "“We have passed on what we could, but bakeries have pushed back hard,” she told analysts "
    "on a call.",
    "The company said it would close a small mill near Aarvik and cut about 120 jobs, most of "
    "them in logistics.",
    "Analysts at Fjellby Securities said the warning raised doubts about the company’s "
    "pricing power and cut their target price.",
    "Third-quarter revenue rose 3% to 2.9 billion crowns, slightly below expectations.",
]


def _page(shown: list[str], article_body: str | None, extra: str = "") -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tarnby Mills shares slide after second profit warning",
        "isAccessibleForFree": False,
    }
    if article_body is not None:
        data["articleBody"] = article_body
    paras = "".join(f'<div class="body-para"><p>{p}</p></div>' for p in shown)
    return f"""<!doctype html><html lang="en"><head>
<title>Tarnby Mills shares slide after second profit warning | Kroner Daily</title>
<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
<main><article><h1>Tarnby Mills shares slide after second profit warning</h1>
<div class="article-body">{paras}{extra}
<div class="paywall"><p>You have read all 3 of your free articles this month.</p>
<a class="button" href="/subscribe">Subscribe to continue reading</a></div></div>
</article></main><footer><p>© 2026 Kroner Daily</p></footer></body></html>"""


def _body(html: str) -> list[str]:
    return read_article(
        Selector(text=html), "https://kronerdaily.example/markets/tarnby"
    ).body_blocks


def test_a_metered_page_is_read_whole_from_its_article_body():
    shown = [STORY[0].replace("Tarnby Mills", "Tarnby Mills-8.2%"), STORY[1], STORY[2]]
    body = _body(_page(shown, "\n\n".join(STORY)))
    assert body == STORY  # the publisher's own paragraphs: no ticker chip, no paywall box


def test_the_page_stands_where_the_article_body_is_not_the_rest_of_it():
    shown = STORY[:3]
    # one line: no paragraphs to read
    assert _body(_page(shown, " ".join(STORY)))[:3] == shown
    # a summary, shorter than what the page shows
    assert _body(_page(shown, STORY[0]))[:3] == shown
    # another text, longer: the series' blurb or another article
    other = [
        "Kroner Daily’s markets desk follows the companies listed in Aarvik every trading day.",
        "Our reporters cover earnings, deals and the people who run the region’s businesses.",
        "Readers can reach the desk with tips and questions through the contact page.",
        "Every weekday morning the desk sends a briefing on what moved the market overnight.",
        "Our coverage of commodities looks at grain, timber, fish and energy prices.",
    ] * 2
    assert _body(_page(shown, "\n".join(other)))[:3] == shown
    # the whole story, but the page shows all of it already
    assert _body(_page(STORY, "\n\n".join(STORY)))[: len(STORY)] == STORY


def test_an_article_body_written_as_html_is_read_by_its_paragraphs():
    marked = "".join(f"<p>{p.replace('’', '&rsquo;')}</p>" for p in STORY)
    assert paragraphs(marked) == STORY
    assert fuller_body(STORY[:2], marked) == STORY


def test_key_points_above_the_first_paragraph_are_read_without_full_stops():
    points = (
        '<ul class="summary__list"><li>Fire crews fought a blaze at the Kelsey Street bakery '
        "for six hours</li><li>Forty residents of the flats above were moved to a hotel "
        "overnight</li><li>The bakery’s owners say they will rebuild within a year</li></ul>"
    )
    html = _page(STORY[:3], None).replace(
        '<div class="article-body">',
        f'<div class="article-body"><div class="summary">{points}</div>',
    )
    body = _body(html)
    assert body[:3] == [
        "Fire crews fought a blaze at the Kelsey Street bakery for six hours",
        "Forty residents of the flats above were moved to a hotel overnight",
        "The bakery’s owners say they will rebuild within a year",
    ]
    assert body[3:6] == STORY[:3]
    # one unstopped line above the text is a byline or a label, not key points
    one = _page(STORY[:3], None).replace(
        '<div class="article-body">',
        '<div class="article-body"><ul><li>Reporting from the Kelsey Street fire scene</li></ul>',
    )
    assert _body(one)[:3] == STORY[:3]


def test_a_picture_note_under_an_image_is_not_the_text():
    """Blind pages round 21: a Chinese portal writes the caption as `<p class="pic-desc">`
    under a paragraph that holds only the image."""
    story = [
        "本网讯 3月14日，青岚市首条有轨电车线路正式开通运营，全长约9公里，设站点12个。",
        "据青岚市交通局介绍，线路运营时间为每日6:30至22:00，发车间隔约10分钟。",
        "不少市民当天排队体验，车辆运行平稳，车内屏幕实时显示到站信息。",
    ]
    html = _page(story[:1], None).replace(
        '<div class="body-para"><p>' + story[0] + "</p></div>",
        f"<p>{story[0]}</p><p style='text-align:center'><img src='/t.jpg' alt=''></p>"
        "<p class='pic-desc' style='text-align:center'>3月14日，市民在站台等候有轨电车。 "
        f"记者 李明 摄</p><p>{story[1]}</p><p>{story[2]}</p>",
    )
    body = _body(html)
    assert body[:3] == story
    assert not any("记者 李明 摄" in line for line in body)


# -- the subscriber's part shipped hidden (blind pages round 22) ---------------------------------
def _hidden_rest_page(part: dict | None, rest_attrs: str) -> str:
    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle",
                  "headline": "Tarnby Mills shares slide after second profit warning",
                  "isAccessibleForFree": False}  # fmt: skip
    if part is not None:
        data["hasPart"] = part
    shown = "".join(f"<p>{p}</p>" for p in STORY[:3])
    rest = "".join(f"<p>{p}</p>" for p in STORY[3:])
    return f"""<!doctype html><html lang="en"><head>
<title>Tarnby Mills shares slide | Kroner Daily</title>
<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>
</head><body><main><article><h1>Tarnby Mills shares slide after second profit warning</h1>
<div class="article__body">{shown}</div>
<div class="paywall" id="paywall"><div class="paywall__box">
<p class="paywall__headline">Read on with Kroner Plus</p>
<p>Every story from the markets desk, the e-paper and our newsletters for 1 crown a month.</p>
<a href="/subscribe">Try it now</a></div></div>
<div class="article__body--paid" {rest_attrs}>{rest}</div>
<div class="mobile-copy" hidden>{rest}</div>
</article></main><footer><p>© 2026 Kroner Daily</p></footer></body></html>"""


PAID_PART = {"@type": "WebPageElement", "isAccessibleForFree": False,
             "cssSelector": ".article__body--paid"}  # fmt: skip


def test_the_hidden_part_the_json_ld_names_as_paywalled_is_read():
    hidden = 'hidden aria-hidden="true" style="display:none"'
    assert _body(_hidden_rest_page(PAID_PART, hidden)) == STORY
    assert _body(_hidden_rest_page([PAID_PART], hidden)) == STORY  # a list of parts
    as_text = {**PAID_PART, "isAccessibleForFree": "False"}
    assert _body(_hidden_rest_page(as_text, hidden)) == STORY


def test_hidden_parts_the_json_ld_does_not_name_stay_hidden():
    hidden = 'hidden aria-hidden="true" style="display:none"'
    assert _body(_hidden_rest_page(None, hidden)) == STORY[:3]
    free = {**PAID_PART, "isAccessibleForFree": True}
    assert _body(_hidden_rest_page(free, hidden)) == STORY[:3]
    other = {**PAID_PART, "cssSelector": ".no-such-part"}
    assert _body(_hidden_rest_page(other, hidden)) == STORY[:3]
    broken = {**PAID_PART, "cssSelector": "div[[["}
    assert _body(_hidden_rest_page(broken, hidden)) == STORY[:3]
