"""What blind pages 16 showed the reader: a review's spec table inside a scrolling wrapper
(`div.table__wrapper > div.table__container > table`) between its sections, and its verdict
box closing the piece with lists of pros and cons under their own headings. Both are the
review's text; a price widget and a tag list after them are not. And what blind pages 46
showed: a fact box's list with its title and source line beside it, between two paragraphs."""

from __future__ import annotations

from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

SPECS = [("Processor", "Tamarind T7 Pro, 10 cores"), ("Display", "14-inch OLED, 90Hz")]
PROS = ["Superb keyboard with full-size arrow keys", "Completely silent fanless design"]
CONS = ["Performance throttles under sustained load", "Only two USB-C ports"]


def _review(after: str = "") -> str:
    rows = "".join(f"<tr><th scope='row'>{k}</th><td>{v}</td></tr>" for k, v in SPECS)
    table = (
        "<div class='table__wrapper table__wrapper--sticky'><div class='table__container'>"
        f"<table class='table--specs'><tbody>{rows}</tbody></table></div></div>"
    )
    verdict = (
        "<div class='verdict'><h3>Verdict</h3>"
        f"<div class='verdict__text'><p>{PROSE[3]}</p></div>"
        "<div class='pro-con'>"
        "<div class='pro-con__pros'><h4>Pros</h4><ul>"
        + "".join(f"<li>{p}</li>" for p in PROS)
        + "</ul></div><div class='pro-con__cons'><h4>Cons</h4><ul>"
        + "".join(f"<li>{c}</li>" for c in CONS)
        + "</ul></div></div></div>"
    )
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8))
    return (
        f"<header><nav><ul>{nav}</ul></nav></header><main><article>"
        "<h1>Kestrel Book 14 review</h1><div class='article-body'>"
        f"{paragraphs(PROSE[:2])}<h2>Specs</h2>{table}<h2>Design</h2>{paragraphs(PROSE[2:3])}"
        f"{verdict}{after}</div></article></main>"
        "<footer><p>Copyright Example Reviews. All rights reserved.</p></footer>"
    )


def test_a_spec_table_in_a_scrolling_wrapper_stays_in_the_review():
    body = read_article(page(_review()), URL).body_blocks
    for _name, value in SPECS:
        assert any(value in line for line in body), (value, body)
    assert body.index(PROSE[1]) < body.index(next(b for b in body if SPECS[0][1] in b))
    assert body.index(PROSE[2]) > body.index(next(b for b in body if SPECS[-1][1] in b))


def test_the_verdicts_pros_and_cons_close_the_review():
    body = read_article(page(_review()), URL).body_blocks
    assert body[body.index(PROSE[3]) :][-len(CONS) :] == CONS
    for point in PROS + CONS:
        assert point in body


def test_a_short_tag_list_and_a_price_widget_after_the_verdict_stay_out():
    after = (
        "<div class='price-widget'><ul><li><a href='https://shop.example/kb14'>VoltBox $1,129"
        "</a></li><li><a href='https://shop.example/kb14-2'>ShopMart $1,149</a></li></ul></div>"
        "<div class='tags'><ul><li>Laptops</li><li>Reviews</li><li>Kestrel</li></ul></div>"
    )
    body = read_article(page(_review(after)), URL).body_blocks
    assert body[-1] == CONS[-1]
    assert not any("VoltBox" in line or line in ("Laptops", "Reviews") for line in body)


FACTS = ["120 solar-powered sirens in 14 towns", "Battery backup of up to 72 hours"]


def test_a_fact_boxs_list_with_its_title_and_source_is_the_storys():
    # blind pages 46: `div.fact-box > (h4, p title, ul, p source)` between two paragraphs
    box = (
        "<div class='fact-box'><h4 class='fact-box__label'>AT A GLANCE</h4>"
        "<p class='fact-box__title'>The siren network</p><ul class='fact-box__list'>"
        + "".join(f"<li>{f}</li>" for f in FACTS)
        + "</ul><p class='fact-box__source'>Source: the provincial office</p></div>"
    )
    html = (
        "<main><article><h1>Towns install solar sirens</h1><div class='article-content'>"
        f"{paragraphs(PROSE[:2])}{box}{paragraphs(PROSE[2:4])}</div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert body.index(PROSE[1]) < body.index(FACTS[0]) < body.index(FACTS[1]) < body.index(PROSE[2])


def test_a_box_of_several_paragraphs_beside_a_list_is_not_waved_through():
    # three notes beside the list: a box of its own (a sign-up's pitch), not a fact box
    box = (
        "<div class='offer'><p>Join today.</p><p>Cancel any time.</p><p>Members save more.</p>"
        "<ul><li>Unlimited access</li><li>Weekly puzzles</li></ul></div>"
    )
    html = (
        "<main><article><h1>Towns install solar sirens</h1><div class='article-content'>"
        f"{paragraphs(PROSE[:2])}{box}{paragraphs(PROSE[2:4])}</div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert "Unlimited access" not in body


def test_a_table_whose_cells_hold_one_paragraph_each_is_read_a_row_a_line():
    """Pages round 62: a press-release wire sets each cell's text in a `<p>`
    (`<td><p class="bwcellpmargin">1,421</p></td>`); the table was read a cell a line
    (`Revenue`, `1,421`, `1,247`, `14%`), now a row a line as other data tables are."""
    figures = [("Revenue", "1,421", "1,247", "14%"), ("Gross profit", "823", "704", "17%")]
    rows = "".join(
        "<tr>" + "".join(f"<td><p class='bwcellpmargin'>{c}</p></td>" for c in row) + "</tr>"
        for row in figures
    )
    head = "<tr><td><b>NOK million</b></td><td><b>Q3 2027</b></td><td><b>Q3 2026</b></td>"
    table = f"<table><thead>{head}<td><b>Change</b></td></tr></thead><tbody>{rows}</tbody></table>"
    html = (
        "<main><article><h1>Keldermark reports third quarter</h1><div class='article-body'>"
        f"{paragraphs(PROSE[:3])}<p><b>Key figures</b></p>{table}{paragraphs(PROSE[3:4])}"
        "</div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert "Revenue | 1,421 | 1,247 | 14%" in body, body
    assert "Gross profit | 823 | 704 | 17%" in body
    assert "NOK million | Q3 2027 | Q3 2026 | Change" in body
    assert "Revenue" not in body and "14%" not in body
    assert body.index(PROSE[2]) < body.index("Revenue | 1,421 | 1,247 | 14%") < body.index(PROSE[3])
