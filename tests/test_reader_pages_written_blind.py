"""tests/data/pages_written_blind: 664 made-up article pages in 664 publishers' kinds of markup
(WordPress, Arc XP, Next.js, Drupal, a React app with generated class names, a newswire,
Substack, AMP, Ghost, Squarespace, live blogs, a table layout, an obituary, Arabic, French,
Spanish, German, Portuguese, Dutch, Italian, Polish, Ukrainian, Hindi, Japanese, Korean,
Hungarian, Greek, Swedish, Danish, Slovak, Lithuanian, Turkish, Estonian, Slovenian, Serbian,
Norwegian, Croatian, Hebrew, Bengali, Czech, Urdu, Thai, Finnish, Tamil, Swahili, Tagalog,
Catalan and Sorani Kurdish sites ...), written by helpers who never saw the reader, with the
body a person would mark. What the ``article`` spider exports (the generic reader, then the
cleaner) is scored line by line, as benchmarks.noise_heldout scores fundus-eval: every story
line kept, what the page shows around and inside the article left out.
Their scores on arrival are in the folder's README; the reader was fixed on some of their pages
since, so this is a regression check, not a blind measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.noise_heldout import load_fundus, read_and_clean_pages, score_pages
from newsbot.cleaning import load_noise_rules
from newsbot.profiles import load_profile

PAGES = Path(__file__).parent / "data" / "pages_written_blind"


@pytest.fixture(scope="module")
def read():
    pages = load_fundus(PAGES)
    return pages, read_and_clean_pages(pages, load_noise_rules(load_profile("daily8")))


def test_every_story_line_is_exported_and_the_noise_inside_the_article_is_not(read):
    pages, outcomes = read
    assert len(pages) == 664
    scores = score_pages(pages, outcomes, "article")
    assert scores.content >= 500 and scores.noise >= 500
    assert scores.content_kept >= 0.99, scores.render("article")
    assert scores.recall >= 0.95, scores.render("article")


# Known misses, each bounded (round 51): a results widget's table (`div[role=table]` in a box
# with its title, status, search form and source) and a recipe card's ingredients (in the
# card's own wrappers beside its meta lines): the reader leaves both boxes out, as it leaves
# out the widgets around them. Widening what a box between the body's parts may hold cost
# noise on other pages, so it was not done.
KNOWN_MISSES = {"AlbionBroadcasting_0.html.gz": 7, "LarderAndLane_0.html.gz": 9}


@pytest.mark.parametrize("scope", ["article", "page"])
def test_no_page_loses_more_than_one_story_line(read, scope):
    pages, outcomes = read
    for page in pages:
        scores = score_pages([page], outcomes, scope)
        allowed = KNOWN_MISSES.get(page.name, 1)
        assert sum(scores.content_by.values()) <= allowed, (page.name, scores.render(page.name))


def test_a_body_rendered_once_per_screen_width_is_exported_once():
    """Round 53: a Framer page ships its story twice (desktop and phone copies, one hidden by
    a media query the reader cannot apply); the export holds each paragraph once."""
    from newsbot.extract.page import page_selector
    from newsbot.extract.reader import read_article

    page = next(p for p in load_fundus(PAGES) if p.name == "LanternhookReview_0.html.gz")
    body = read_article(page_selector(page.html, page.url, None), page.url).body_blocks
    assert len(body) >= 9
    assert len(body) == len(set(body)), body
