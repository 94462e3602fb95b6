"""Whole crawls against a replica that misbehaves: each fault is switched on, the crawl must
finish, export every good article exactly once, count each failure by kind, log its URL and
fetch nothing outside the replica.

What a fault makes unreachable is computed from the site (``faults.reachable``), never taken
from the crawl itself.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from newsbot.replica import build_site
from newsbot.replica import faults as F
from tests.conftest import run_crawl

CLOCK = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
START = ["/en"]
MEMORY_LIMIT = 250 * 1024 * 1024  # bytes of RSS for a 40-article crawl, bombs included


@pytest.fixture(scope="module")
def small_site():
    return build_site(seed=8, articles=40, clock=CLOCK)


def home_ids(site) -> list[str]:
    """Ordinary listed articles, the faults' targets."""
    return [i for i in site.listings["/en"] if site.articles[i].role == "home"]


def path(site, article_id: str) -> str:
    return site.articles[article_id].path


def crawl(server, tmp_path, *, depth: int = 0, settings: dict | None = None):
    result = run_crawl(
        server,
        START,
        tmp_path,
        args={"related_depth": depth},
        settings={"DOWNLOAD_TIMEOUT": 15, **(settings or {})},
        env={"NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports")},
    )
    assert result.returncode == 0, result.log[-3000:]
    ids = [item["id"] for item in result.items]
    assert len(ids) == len(set(ids)), "an article was exported twice"
    return result


def stat(log: str, key: str) -> int:
    found = re.findall(rf"'{re.escape(key)}': (\d+)", log)
    return int(found[-1]) if found else 0


def failed_urls(log: str, kind: str) -> set[str]:
    return set(re.findall(rf"Failed (\S+): {re.escape(kind)}\b", log))


def assert_bounded_and_local(result, server) -> None:
    """Memory bounded; every request the crawler made reached the replica (no other host)."""
    # the crawl's own peak (VmHWM): Scrapy's memusage/max is ru_maxrss, which a subprocess
    # inherits from the (large) pytest process that started it
    assert 0 < result.summary["peak_memory_mb"] * 1024 * 1024 < MEMORY_LIMIT
    assert stat(result.log, "downloader/request_count") == len(server.log)
    assert "example.invalid" not in "\n".join(
        line for line in result.log.splitlines() if "Crawled" in line or "Failed" in line
    )


def test_5xx_bursts_and_429_follow_retry_settings_and_retry_after(small_site, tmp_path):
    site = small_site
    ids = home_ids(site)
    burst, dead, limited, capped = ids[0:3], ids[3], ids[4], ids[5]
    modes = [
        F.ServerErrors([*(path(site, i) for i in burst), "/en?page=2"], times=2),
        F.ServerErrors([path(site, dead)], statuses=(500, 503), times=None),
        F.TooManyRequests([path(site, limited)], retry_after="1"),
        F.TooManyRequests([path(site, capped)], retry_after="3600", status=503),
    ]
    with F.FaultServer(site, modes) as server:
        result = crawl(server, tmp_path, settings={"RETRY_TIMES": 3, "NEWSBOT_RETRY_AFTER_MAX": 1})
    expected = F.reachable(site, START, 0, dead_articles={dead})
    assert {item["id"] for item in result.items} == expected
    # RETRY_TIMES=3 from the command line: the dead page is asked 1 + 3 times, then given up
    assert len(server.hits(path(site, dead))) == 4
    assert result.summary["failed_by_kind"] == {"http_503": 1}  # its last answer
    assert failed_urls(result.log, "http_503") == {server.base_url + path(site, dead)}
    for key in [*(path(site, i) for i in burst), "/en?page=2"]:
        assert len(server.hits(key)) == 3, key  # two 5xx, then the page
    # Retry-After: 1 is waited for; Retry-After: 3600 is capped by NEWSBOT_RETRY_AFTER_MAX=1
    for key in (path(site, limited), path(site, capped)):
        (first, *_), (second, *_) = server.hits(key)[:2]
        assert 0.9 <= second - first < 10, (key, second - first)
    assert "Retry-After: 3600" in result.log
    assert_bounded_and_local(result, server)


def test_slow_pages_timeouts_and_resets_mid_body(small_site, tmp_path):
    site = small_site
    ids = home_ids(site)
    slow, timeout, timeout_once, reset, reset_once = ids[0:2], ids[2], ids[3], ids[4], ids[5]
    modes = [
        F.Slow([path(site, i) for i in slow], delay=0.3),
        F.Stall([path(site, timeout)], delay=6),
        F.Stall([path(site, timeout_once)], delay=6, times=1),
        F.ResetMidBody([path(site, reset)]),
        F.ResetMidBody([path(site, reset_once)], times=1),
    ]
    with F.FaultServer(site, modes) as server:
        result = crawl(server, tmp_path, settings={"DOWNLOAD_TIMEOUT": 2})
    expected = F.reachable(site, START, 0, dead_articles={timeout, reset})
    assert {item["id"] for item in result.items} == expected
    assert result.summary["failed_by_kind"] == {"timeout": 1, "connection_reset": 1}
    assert failed_urls(result.log, "timeout") == {server.base_url + path(site, timeout)}
    assert failed_urls(result.log, "connection_reset") == {server.base_url + path(site, reset)}
    assert len(server.hits(path(site, timeout))) == 3  # RETRY_TIMES=2: three attempts
    assert_bounded_and_local(result, server)


def test_broken_html_wrong_charsets_empty_and_huge_pages_parse(small_site, tmp_path):
    site = small_site
    ids = home_ids(site)
    cut, cut_early, wrong, no_charset, cp1252, empty, huge = ids[0:7]
    modes = [
        F.Truncated([path(site, cut)], fraction=0.6),
        F.Truncated([path(site, cut_early)], fraction=0.05),
        F.Charset([path(site, wrong)], header="iso-8859-1"),
        F.Charset([path(site, no_charset)], header=None, strip_meta=True),
        F.Charset([path(site, cp1252)], header=None, encoding="cp1252"),
        F.Empty([path(site, empty)]),
        F.Huge([path(site, huge)], size=3 << 20),  # above DOWNLOAD_WARNSIZE, below MAXSIZE
    ]
    with F.FaultServer(site, modes) as server:
        result = crawl(server, tmp_path)
    truth = site.truth()["articles"]
    exported = {item["id"]: item for item in result.items}
    dropped = set(re.findall(r"Dropped (\S+): ", result.log))
    reachable = F.reachable(site, START, 0)
    # nothing crashed the extraction; every page is exported or dropped with its URL logged
    assert result.summary["pages_unparseable"] == 0
    assert result.summary["pages_failed"] == 0
    assert set(exported) - reachable == set()
    for i in reachable - set(exported):
        assert server.base_url + path(site, i) in dropped, i
    assert empty not in exported and cut_early not in exported
    # every other article is good: exported, and where the bytes allow it, exactly right
    assert reachable - {empty, cut_early, cut} <= set(exported)
    for i in (no_charset, cp1252, huge):
        assert exported[i]["title"] == truth[i]["title"], i
        assert exported[i]["body"] == truth[i]["body"], i
    assert exported[wrong]["title"] and exported[wrong]["body"]
    assert_bounded_and_local(result, server)


def test_oversized_pages_gzip_bombs_redirect_loops_and_robots(small_site, tmp_path):
    site = small_site
    ids = home_ids(site)
    bomb, huge, cycle, chain, forbidden, away = ids[0:6]
    modes = [
        F.GzipBomb([path(site, bomb)], size=64 << 20),
        F.Huge([path(site, huge)], size=9 << 20),  # above DOWNLOAD_MAXSIZE (8 MiB)
        F.RedirectLoop([path(site, cycle)], kind="cycle"),
        F.RedirectLoop([path(site, chain)], kind="chain"),
        F.RedirectLoop([path(site, away)], kind="offsite"),
        F.RobotsDisallow(["/robots.txt"], disallow=(path(site, forbidden),)),
    ]
    with F.FaultServer(site, modes) as server:
        result = crawl(server, tmp_path)
    dead = {bomb, huge, cycle, chain, forbidden, away}
    expected = F.reachable(site, START, 0, dead_articles=dead)
    assert {item["id"] for item in result.items} == expected
    assert result.summary["failed_by_kind"] == {
        "too_large": 2,
        "redirect_loop": 2,
        "robots": 1,
        "offsite": 1,
    }
    assert failed_urls(result.log, "too_large") == {
        server.base_url + path(site, bomb),
        server.base_url + path(site, huge),
    }
    looped = failed_urls(result.log, "redirect_loop")
    assert {u.split("?")[0] for u in looped} == {
        server.base_url + path(site, cycle),
        server.base_url + path(site, chain),
    }
    hops = {query for _, query, _ in server.hits(path(site, chain))}
    assert len(hops) == 6  # REDIRECT_MAX_TIMES=5: the page and 5 redirects, then it stops
    assert failed_urls(result.log, "robots") == {server.base_url + path(site, forbidden)}
    assert server.hits(path(site, forbidden)) == []  # robots.txt obeyed: never fetched
    assert failed_urls(result.log, "offsite") == {server.base_url + path(site, away)}
    assert_bounded_and_local(result, server)


def test_foreign_links_are_never_fetched_and_missing_related_are_counted(tmp_path):
    site = build_site(seed=8, articles=40, clock=CLOCK)
    site.per_page = 1000  # one listing page: each article's related depth is its BFS depth
    reachable = sorted(F.reachable(site, START, 1))
    missing = ("0" * 31 + "1", "0" * 31 + "2")
    articles = [a.path for a in site.articles.values()]
    modes = [
        # in related blocks: links to real, reachable articles on other hosts and schemes
        F.ForeignLinks(articles, ids=tuple(reachable[:6])),
        # on the listing: other schemes, and article links on other hosts
        F.ForeignLinks(["/en"], ids=(), fake_ids=("f" * 32, "e" * 32)),
        F.MissingRelated(["*"], missing=missing),
    ]
    with F.FaultServer(site, modes) as server:
        result = crawl(server, tmp_path, depth=1)
    assert {item["id"] for item in result.items} == site.expected_ids(START, 1)
    assert result.summary["failed_by_kind"] == {"http_404": len(missing)}
    assert failed_urls(result.log, "http_404") == {
        f"{server.base_url}/en/article/{i}" for i in missing
    }
    assert stat(result.log, "newsbot/skipped/offsite") > 0
    assert_bounded_and_local(result, server)
