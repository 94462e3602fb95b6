"""tests/data/pages_script_built: eight made-up app-shell pages whose story is only in their
scripts' data (Next.js, Nuxt, Apollo, Arc XP, Redux, Angular, JSON-LD, Contentful), written by
a helper who never saw the reader. What the ``article`` spider exports without a browser (the
generic reader, then the cleaner) keeps the story's lines; the markup alone has none of them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article

DATA = Path(__file__).parent / "data" / "pages_script_built"
TRUTH = json.loads((DATA / "ground_truth.json").read_text(encoding="utf-8"))
RULES = load_noise_rules(None)


def _story(name: str) -> list[str]:
    return [line for line in TRUTH[name]["body"] if not line.startswith("[")]


def _exported(name: str, *, from_data: bool = True) -> list[str]:
    html = gzip.decompress((DATA / "html" / name).read_bytes()).decode("utf-8")
    read = read_article(
        page_selector(html, TRUTH[name]["url"]), TRUTH[name]["url"], from_data=from_data
    )
    return clean_blocks(read.body_blocks, RULES).kept


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_each_pages_story_is_read_from_its_data(name):
    story = _story(name)
    kept = _exported(name)
    assert sum(line in kept for line in story) >= 0.75 * len(story)
    assert not any(line in _exported(name, from_data=False) for line in story)


def test_nine_story_lines_in_ten_are_kept_over_all_pages():
    found = sum(line in _exported(name) for name in TRUTH for line in _story(name))
    assert found >= 0.9 * sum(len(_story(name)) for name in TRUTH)
