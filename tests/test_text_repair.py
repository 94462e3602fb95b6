"""Damaged text is read as its page meant it (newsbot/text_repair.py, blind site 60): the strings
are what an old portal moved between servers serves; whole crawls of such a site are in
tests/test_crawl_sites_written_blind.py (``php_text_damage``)."""

from __future__ import annotations

import pytest
from lxml import html

from newsbot.extract.blocks import page_blocks
from newsbot.text_repair import repair, suspect


@pytest.mark.parametrize(
    ("damaged", "meant"),
    [
        # UTF-8 read as Windows-1252 and saved again, once and twice
        ("Copper minerâ€™s shares slide", "Copper miner’s shares slide"),
        ("backbench revolt over cafÃ© licensing", "backbench revolt over café licensing"),
        ("A new â‚¬38 million maternity wing", "A new €38 million maternity wing"),
        ("Operator SeÃ¡n Ã“ GallchÃ³ir said", "Operator Seán Ó Gallchóir said"),
        ("played cafÃƒÂ© owner RenÃƒÂ©e Walsh", "played café owner Renée Walsh"),
        ("Ø£Ù…Ø§Ù†Ø© Ø¬Ø¯Ø©", "أمانة جدة"),
        # entities encoded twice, so the browser shows them
        ("union &amp; city reach a deal", "union & city reach a deal"),
        ("Pensioner&#8217;s vegetable patch", "Pensioner’s vegetable patch"),
        ("لتحلية &#1575;&#1604;&#1605;&#1610;&#1575;&#1607;", "لتحلية المياه"),
        # invisible marks inside words
        ("night mar\u00adket ven\u00addors", "night market vendors"),
        ("warnings for Mar\u200brabee and Tarrin", "warnings for Marrabee and Tarrin"),
        ("\ufeffThe council met on Tuesday.", "The council met on Tuesday."),
    ],
)
def test_damaged_text_reads_as_meant(damaged, meant):
    assert suspect(damaged)
    assert repair(damaged) == meant


@pytest.mark.parametrize(
    "clean",
    [
        "SÃO PAULO (Reuters) - Brazil's central bank held rates.",  # Portuguese in capitals
        "Ørsted said its Danish wind farms produced a record.",
        "The café’s owner said “no” — twice.",  # curly quotes stay curly
        "Ævar Þór Benediktsson won the prize.",
        "می‌خواهم به خانه بروم",  # the zero-width non-joiner shapes Persian: it stays
        "Use <b>&amp;</b> in the template.",  # text that shows markup keeps its entities
        "Plain ASCII text with no damage at all.",
    ],
)
def test_clean_text_is_left_as_it_is(clean):
    assert repair(clean) == clean


def test_clean_text_is_the_same_object_and_mostly_not_looked_at_twice():
    text = "The mayor said the works would finish before the end of the year."
    assert not suspect(text)
    assert repair(text) is text


def test_a_page_is_read_repaired_and_a_title_set_on_two_lines_is_one_title():
    page = html.fromstring(
        "<html><body><h1>Harbour council approves £40m<br>waterfront plan</h1>"
        "<p>Councillors voted 31 to 12 for the cafÃ© and the re\u00addevel\u00adopment.</p>"
        "<p>First line<br>second line of a paragraph</p></body></html>"
    )
    texts = [b.text for b in page_blocks(page)]
    assert texts == [
        "Harbour council approves £40m waterfront plan",
        "Councillors voted 31 to 12 for the café and the redevelopment.",
        "First line",
        "second line of a paragraph",  # in a paragraph a <br> still parts lines
    ]
