"""Election and parliament pages (pages round 73): a results or breaking-news ticker's box is no
part of the story (a share's symbol in a sentence stays), a fact box set in the story stays, and
an Arabic member's question in guillemets is the story's, not a dateline."""

from __future__ import annotations

from newsbot.cleaning import load_noise_rules
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


def _read(html: str) -> list[str]:
    url = "https://www.example.com/news/1"
    return list(read_article(page_selector(html, url, None), url).body_blocks)


STORY = [
    "Turnout in the Harrowfield North by-election fell to its lowest level in three decades.",
    "The winning candidate thanked volunteers who had knocked on doors through the cold night.",
    "Counting in the second seat was suspended shortly after midnight for a recount of ballots.",
]


def test_a_ticker_box_is_no_part_of_the_story_and_a_shares_symbol_in_a_sentence_stays():
    html = f"""<html><body><article><h1>By-election night</h1>
    <div class="ticker" role="marquee" aria-live="polite"><span class="ticker__label">Live
    results</span><p class="ticker__item">Harrowfield North: DECLARED – Kestrel GAIN</p>
    <p class="ticker__item">Next declaration expected 04:30</p></div>
    <p>{STORY[0]}</p><div class="live-ticker"><p>Turnout 31.4% (down 22.9 points)</p></div>
    <p>{STORY[1]} Shares of <span class="ticker">HRWD</span> rose on the result.</p>
    <marquee>عاجل: إعلان النتائج الأولية خلال ساعة</marquee><p>{STORY[2]}</p>
    </article></body></html>"""
    body = _read(html)
    assert body == [STORY[0], f"{STORY[1]} Shares of HRWD rose on the result.", STORY[2]]


def test_a_fact_box_set_in_the_story_as_an_infobox_div_stays():
    html = f"""<html><body><article><h1>Pool stays shut</h1><p>{STORY[0]}</p>
    <div class="infobox infobox--facts"><h3>The pool</h3><ul><li>Opened: July 1962</li>
    <li>Visitors before closing: 61,000 a season</li></ul></div><p>{STORY[1]}</p>
    </article></body></html>"""
    body = _read(html)
    assert "Opened: July 1962" in body and STORY[1] in body


def test_a_members_question_in_guillemets_is_no_dateline_and_an_outlets_name_is():
    assert_kept_in_flood_story("العضو فيصل المنصوري: «ومن يضمن حماية بياناته على منصتكم؟»", RULES)
    assert_removed_from_flood_story("بيروت - «صدى الأسواق»", RULES)


def test_a_court_reports_live_embed_and_prefixed_ticker_are_no_part_of_the_story():
    """Pages round 74: a live page's latest entries set above a sentencing report
    (`c-live-embed`) and a verdict's ticker under a prefixed name (`id-Article-ticker`)."""
    html = f"""<html><body><article><h1>Sentenced</h1>
    <div class="c-live-embed" data-embed="liveblog"><ol><li><time>12:31</time><p>The judge
    has passed a sentence of four years. He showed no reaction.</p></li></ol></div>
    <p>{STORY[0]}</p><div class="id-Article-ticker"><ul><li>11:48 Uhr Die Verhandlung ist
    geschlossen.</li></ul></div><p>{STORY[1]}</p></article></body></html>"""
    assert _read(html) == STORY[:2]
