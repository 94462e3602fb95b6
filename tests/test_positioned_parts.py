"""A free-form block places its parts by coordinates, in any order in the HTML (Tilda's Zero
Block, blind site 80): the article's first paragraph came before its title in the markup and
was lost. The parts are read as they show, top to bottom."""

from __future__ import annotations

from newsbot.extract.page import page_selector

ZERO_BLOCK = """<html><body><div class="t396"><div class="t396__artboard">
<div class="t396__carrier"></div><div class="t396__filter"></div>
<div class="t396__elem" data-field-top-value="330" data-field-left-value="20"><div>First
paragraph of the story.</div></div>
<div class="t396__elem" data-field-top-value="260" data-field-left-value="20"><div>Sky News an
hour ago</div></div>
<div class="t396__elem" data-field-top-value="180" data-field-left-value="20"><div>The
title</div></div>
</div></div></body></html>"""


def _texts(html: str) -> list[str]:
    selector = page_selector(html, "https://example.invalid/")
    return [" ".join(t.split()) for t in selector.xpath("//body//text()").getall() if t.strip()]


def test_a_free_form_blocks_parts_are_read_top_to_bottom():
    assert _texts(ZERO_BLOCK) == [
        "The title",
        "Sky News an hour ago",
        "First paragraph of the story.",
    ]


def test_hand_placed_layers_by_inline_top_are_read_top_to_bottom():
    html = (
        '<html><body><div><p style="position:absolute;top:200px">Second</p>'
        '<p style="position:absolute;top:40px">First</p></div></body></html>'
    )
    assert _texts(html) == ["First", "Second"]


def test_a_box_with_one_unplaced_part_keeps_its_order():
    html = (
        '<html><body><div><p data-field-top-value="300">Placed low</p>'
        "<p>Not placed</p></div></body></html>"
    )
    assert _texts(html) == ["Placed low", "Not placed"]
