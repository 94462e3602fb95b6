"""What blind pages round 47 showed the reader: bodies set in pieces. Brightspot sets the
story's first paragraph above the lead picture, in an element of the body's own kind
(`div.RichTextBody > p`), apart from the rest; Joomla's Word-pasted bodies run as lines
between `<br>`s in one `<div>`, with the story's list and an ad module among them."""

from __future__ import annotations

from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

LEDE = (
    "A private company that drives about 11,000 children to school each day billed taxpayers "
    "for more than 4,800 bus trips that never happened, according to a state audit."
)
DEK = "Auditors say the contractor charged three districts for trips that never ran."
# a body of a real story's length, beside which the lede is a small part
STORY = [*PROSE, *(f"Later that week, {p[0].lower()}{p[1:]}" for p in PROSE)]


def _brightspot(lede_class: str) -> str:
    return (
        "<main><div class='ArticlePage-content'><h1>Audit finds bus trips that never ran</h1>"
        f"<div class='ArticlePage-dek'><p>{DEK}</p></div>"
        f"<div class='ArticlePage-lede-text'><div class='{lede_class}'><p>{LEDE}</p></div></div>"
        "<figure><img src='bus.jpg' alt=''><figcaption>Buses in the yard.</figcaption></figure>"
        "<div class='ArticlePage-articleBody'><div class='RichTextArticleBody RichTextBody'>"
        f"{paragraphs(STORY)}</div></div></div></main>"
    )


def test_the_storys_first_paragraph_set_above_the_picture_in_the_bodys_kind_is_read_first():
    body = read_article(page(_brightspot("RichTextArticleBody RichTextBody")), URL).body_blocks
    assert body == [LEDE, *STORY]


def test_a_lone_paragraph_above_in_another_kind_of_element_stays_a_standfirst():
    body = read_article(page(_brightspot("ArticlePage-summary")), URL).body_blocks
    assert body == STORY


ITEMS = ["£1.1 million from the high streets fund", "£650,000 from the sale of the old site"]


def test_a_list_among_lines_between_brs_is_the_storys():
    lines = "<br><br>".join(PROSE[:2])
    items = "".join(f"<li><span>{item}</span></li>" for item in ITEMS)
    html = (
        "<main><article><h1>Mill to become the library</h1><div class='article-body'>"
        f"<div class='item-text'>{lines}<br><br><ul>{items}</ul>{PROSE[2]}<br><br>"
        f"<div class='moduletable'><p>Advertisement</p></div>{PROSE[3]}"
        "</div></div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    # (the ad label is the cleaner's to remove, as everywhere in a body)
    assert [line for line in body if line != "Advertisement"] == [*PROSE[:2], *ITEMS, *PROSE[2:4]]


def test_a_standfirst_in_a_layout_column_like_the_bodys_stays_out():
    # a grid's column around the standfirst and another around the body: a layout, not the
    # body's own kind of element
    html = (
        "<main><h1>Audit finds bus trips that never ran</h1>"
        f"<div class='col-md-8'><p>{DEK}</p></div>"
        f"<div class='col-md-8'><div class='article-body'>{paragraphs(STORY)}</div></div></main>"
    )
    assert read_article(page(html), URL).body_blocks == STORY


# Blind pages round 48: a metered BLOX page shows its free paragraphs in their own element,
# then the offer, then the rest of the story in another element beside the first.
OFFER = (
    "<div class='tncms-region'><div class='tnt-offer-box'><h3>Support local journalism</h3>"
    "<p>Subscribe now for unlimited access to the Valley Times. Only $1 for your first 3 "
    "months.</p><a href='/subscribe/'>Subscribe</a></div></div>"
)


# the rest of a long story, beside which the free paragraphs are a small part
REST = [*STORY, *(f"By the spring, {p[0].lower()}{p[1:]}" for p in STORY)]


def _metered(free: list[str]) -> str:
    return (
        "<main><h1>Audit finds bus trips that never ran</h1><div id='article-body'>"
        f"<div class='subscriber-preview'>{paragraphs(free)}</div>{OFFER}"
        f"<div class='subscriber-only'>{paragraphs(REST)}</div></div></main>"
    )


def test_a_metered_pages_free_paragraphs_before_the_offer_are_the_storys_start():
    body = read_article(page(_metered([LEDE, DEK])), URL).body_blocks
    assert body[:2] == [LEDE, DEK]
    assert body[-len(REST) :] == REST  # (the offer is the cleaner's: its rules take it)


def test_one_paragraph_before_the_body_in_an_element_of_its_own_stays_out():
    body = read_article(page(_metered([DEK])), URL).body_blocks
    assert body == REST


FACTS = [
    "Case: Ellison v. Gullwing Brewing Co., U.S. District Court",
    "Filed: March 2024",
    "Ruling: Summary judgment for Ellison on liability",
]


def _drupal(box: str) -> str:
    def part(inner: str) -> str:
        return f"<div class='field__item'><div class='paragraph'>{inner}</div></div>"

    return (
        "<main><h1>Brewery loses lighthouse photo case</h1><div class='field--name-body'>"
        + part(paragraphs(STORY[:3]))
        + part(box)
        + part(paragraphs(STORY[3:]))
        + "</div></main>"
    )


def test_an_aside_of_facts_between_the_bodys_parts_is_the_storys():
    items = "".join(
        f"<li><strong>{f.split(':')[0]}:</strong>{f[f.index(':') + 1 :]}</li>" for f in FACTS
    )
    box = f"<aside class='factbox'><h3>The case at a glance</h3><ul>{items}</ul></aside>"
    body = read_article(page(_drupal(box)), URL).body_blocks
    assert body == [*STORY[:3], "The case at a glance", *FACTS, *STORY[3:]]


def test_an_aside_of_links_between_the_bodys_parts_stays_out():
    items = "".join(f"<li><a href='/a{n}'>{f}</a></li>" for n, f in enumerate(FACTS))
    box = f"<aside class='related'><h3>Related</h3><ul>{items}</ul></aside>"
    body = read_article(page(_drupal(box)), URL).body_blocks
    assert body == STORY
