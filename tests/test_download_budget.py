"""A site of big pages is downloaded a few pages at a time (newsbot/extensions/download_budget.py):
its pages then wait for the workers one budget's worth at a time, not sixteen at once. The
memory figure itself is a benchmark (python -m benchmarks.memory), not a test."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from scrapy.utils.test import get_crawler

from newsbot.exitcodes import UsageError
from newsbot.extensions.download_budget import WARMUP, DownloadBudget, PageSizes
from newsbot.replica import build_site
from newsbot.replica.faults import FaultServer, Mode
from tests.conftest import CLOCK, run_crawl

MIB = 1 << 20


def test_a_slot_of_big_pages_gets_the_budget_over_their_size():
    sizes = PageSizes(budget=32 * MIB)
    for _ in range(WARMUP):
        sizes.seen("site", 8 * MIB)
    assert sizes.concurrency("site", limit=16) == 4
    sizes.seen("site", 40 * MIB)  # bigger than the budget: still one at a time
    assert sizes.concurrency("site", limit=16) == 1


def test_a_slot_of_small_pages_keeps_its_limit_after_the_first_pages():
    sizes = PageSizes(budget=32 * MIB)
    assert sizes.concurrency("site", limit=16) == WARMUP  # nothing known yet
    for _ in range(WARMUP):
        sizes.seen("site", 290_000)
    assert sizes.concurrency("site", limit=16) == 16
    assert sizes.concurrency("other", limit=2) == 2  # never above what the slot was given


def test_the_estimate_follows_a_big_page_at_once_and_small_pages_slowly():
    sizes = PageSizes(budget=32 * MIB)
    for _ in range(WARMUP):
        sizes.seen("site", 100_000)
    sizes.seen("site", 16 * MIB, whole=False)  # its headers announce 16 MiB
    assert sizes.concurrency("site", limit=16) == 2
    narrow = 0
    while sizes.concurrency("site", limit=16) < 16:
        sizes.seen("site", 100_000)
        narrow += 1
    assert 5 <= narrow <= 15  # a few pages narrow, then the site is back at full speed


@pytest.mark.parametrize("bad", ["lots", "-1", "1.5"])
def test_a_budget_that_is_not_a_byte_count_is_refused_in_one_line(bad):
    with pytest.raises(UsageError, match="NEWSBOT_DOWNLOAD_BUDGET"):
        DownloadBudget.from_crawler(get_crawler(settings_dict={"NEWSBOT_DOWNLOAD_BUDGET": bad}))


@dataclass
class BigSlowArticles(Mode):
    """Article pages padded to ``size`` bytes, each answered after ``delay`` seconds (so that
    the downloads the crawler runs at once show in when their requests arrive)."""

    size: int = 3 * MIB // 2  # under DOWNLOAD_WARNSIZE
    delay: float = 0.3

    def transform(self, server, req, key, reply):
        if "/article/" not in key:
            return reply
        pad = b"<!--" + b"x" * max(0, self.size - len(reply.body)) + b"-->"
        at = reply.body.rfind(b"</body>")
        reply.body = reply.body[:at] + pad + reply.body[at:]
        reply.delay = max(reply.delay, self.delay)
        return reply


def _most_at_once(arrivals: list[float], window: float) -> int:
    """The most requests that arrived within ``window`` seconds of one another."""
    most = 0
    for i, start in enumerate(arrivals):
        most = max(most, sum(1 for t in arrivals[i:] if t - start < window))
    return most


def _article_arrivals(server: FaultServer) -> list[float]:
    return sorted(t for t, key, _, _ in server.log if "/article/" in key)


@pytest.mark.parametrize("budget", [3 * MIB, 0])
def test_big_article_pages_are_fetched_two_at_a_time_with_a_budget_of_two(tmp_path, budget):
    mode = BigSlowArticles(["*"])
    site = build_site(seed=8, articles=24, clock=CLOCK)
    with FaultServer(site, [mode], mirror=False) as server:
        result = run_crawl(server, ["/en"], tmp_path, args={"related_depth": "0"},
                           settings={"NEWSBOT_DOWNLOAD_BUDGET": budget})  # fmt: skip
        arrivals = _article_arrivals(server)
        asked = {key for _, key, _, _ in server.log if "/article/" in key}
    assert result.returncode == 0, result.log[-2000:]
    assert len(asked) >= 10
    # every article asked for arrives, whole, once (the replica drops some on purpose)
    paths = {a["path"]: a for a in site.truth()["articles"].values()}
    kept = sorted(p for p in asked if not paths[p]["expect_dropped"])
    assert sorted(urlsplit(item["url"]).path for item in result.items) == kept
    later = arrivals[WARMUP:]  # once the first pages told their size
    at_once = _most_at_once(later, window=mode.delay * 0.9)
    if budget:
        assert _most_at_once(arrivals, window=mode.delay * 0.9) <= WARMUP
        assert at_once <= 2, arrivals
    else:  # without a budget the test setting's 16 per site: the check above can fail
        assert at_once > 2, arrivals
