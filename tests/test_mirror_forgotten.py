"""An operator forgets ``-a mirror_hosts``: the site's links lead to the same articles on a
second host. Every article is still exported once, and the run's counts agree with its
file: ``new`` counts exported records, the health check's "due" does not count the copies,
and the log names the host to pass as ``mirror_hosts``."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest

from newsbot.replica import ReplicaServer, build_site
from newsbot.replica.slow import make_slow
from tests.conftest import CLOCK, run_crawl


@pytest.fixture(scope="module")
def mirrored():
    # 150 articles: enough related links through the mirror that some copies are fetched. A
    # copy is fetched when a shorter path to an article, through the mirror, turns up while
    # its first request is on its way: slow article pages keep requests on their way (the
    # crawl process once stalled at its worker's start, which hid how rare this was)
    with ReplicaServer(build_site(seed=8, articles=150, clock=CLOCK), theme="a") as server:
        make_slow(server, 0.25)
        yield server


def test_forgotten_mirror_keeps_one_record_per_article_and_counts_that_agree(mirrored, tmp_path):
    for attempt in range(3):  # until copies are fetched: the situation this test is about
        result = run_crawl(mirrored, ["/en"], tmp_path / str(attempt), args={"mirror_hosts": ""})
        assert result.returncode == 0, result.log[-3000:]
        summary = result.summary
        copies = summary["dropped_by_reason"].get("duplicate", 0)
        if copies:
            break
    assert copies > 0, "no copy was fetched in three crawls"
    ids = Counter(item["id"] for item in result.items)
    assert ids and max(ids.values()) == 1
    mirror = urlsplit(mirrored.mirror_url).netloc
    # the summary's incremental counts describe the exported file
    assert summary["incremental"]["new"] + summary["incremental"]["updated"] == len(result.items)
    share = next(c for c in summary["health"] if c["check"] == "exported share")
    exported, due = (int(word) for word in share["detail"].split()[:3:2])
    assert exported == len(result.items)
    assert exported <= due  # never "129 of 128 due"
    hints = [line for line in result.log.splitlines() if "The same article came from" in line]
    assert len(hints) == 1, hints
    assert f"-a mirror_hosts={mirror}" in hints[0]
