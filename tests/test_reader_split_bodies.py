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
