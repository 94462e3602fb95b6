"""A whole crawl of real-size React pages (~290 KB: mega menu, inline CSS and scripts, ad slots,
most-read rail, footer link columns; 3.6 KB bodies), checked against the replica's truth."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsbot.replica import ReplicaServer, build_site
from tests.conftest import ARTICLES, CLOCK, SEED, run_crawl, start_paths

PAGE_KB = 290
BODY_PARAGRAPHS = 20


@pytest.fixture(scope="module")
def big_site():
    return build_site(seed=SEED, articles=ARTICLES, clock=CLOCK, body_paragraphs=BODY_PARAGRAPHS)


@pytest.fixture(scope="module")
def big_crawl(big_site, tmp_path_factory):
    truth = big_site.truth()
    with ReplicaServer(big_site, theme="react", page_kb=PAGE_KB) as server:
        out = tmp_path_factory.mktemp("crawl_react_big")
        return run_crawl(server, start_paths(truth), out, settings={"NEWSBOT_WORKERS": 1})


def test_every_expected_article_once(big_crawl, big_site):
    assert big_crawl.returncode == 0, big_crawl.log[-3000:]
    ids = [item["id"] for item in big_crawl.items]
    assert len(ids) == len(set(ids))
    assert set(ids) == big_site.expected_ids(start_paths(big_site.truth()), 1)


def test_fields_equal_the_truth(big_crawl, big_site):
    truth = big_site.truth()
    assert big_crawl.items
    for item in big_crawl.items:
        true = truth["articles"][item["id"]]
        for field in ("source", "title", "hashtags", "language", "related", "body"):
            assert item[field] == true[field], (item["id"], field, item[field], true[field])
        assert item["published_precision"] == true["published_precision"], item["id"]
        if true["published_at"] is None:
            assert item["published_at"] is None
        else:
            got = datetime.fromisoformat(item["published_at"].replace("Z", "+00:00"))
            assert got == datetime.fromisoformat(true["published_at"]), item["id"]


def test_category_equals_the_truth(big_crawl, big_site):
    truth = big_site.truth()
    wrong = [
        (i["id"], i["category"])
        for i in big_crawl.items
        if i["category"] != truth["articles"][i["id"]]["category"]
    ]
    assert not wrong
