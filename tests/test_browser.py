"""Pages that need a browser: the browser-only replica, ``auto`` mode, loading more, no browser.

Crawls run ``scrapy crawl daily8`` with the same daily8 profile, ``-s NEWSBOT_BROWSER=auto``,
in the development environment (HTTP cache on), against the plain replica (theme ``a``), its
browser-only variant (theme ``script``, a single-page app) and a second script-built site
written apart from the replica (``tests/spa_site.py``).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import pytest
from parsel import Selector

from newsbot.browser.cache import RenderAwareFingerprinter, render_aware_storage
from newsbot.browser.config import (
    CHROMIUM_FLAGS,
    find_chromium,
    is_blocked,
    js_regex,
    launch_options,
    page_plan,
    resolve_mode,
)
from newsbot.browser.needs import has_script, missing_parts, render_reason
from newsbot.profiles import load_profile
from newsbot.replica import ReplicaServer, build_site
from newsbot.replica.browser_site import script_server
from tests.conftest import ARTICLES, CLOCK, SEED, require_binary, run_crawl, start_paths
from tests.spa_site import SpaServer, SpaSite

PROFILE = load_profile("daily8")
AUTO = {"NEWSBOT_BROWSER": "auto"}
FIELDS = ("source", "title", "category", "hashtags", "language", "related", "body")


NO_MIRROR = {"mirror_hosts": ""}


def development(tmp: Any) -> dict[str, str]:
    """Auto mode in the default environment, HTTP cache on (kept in ``tmp``)."""
    return {**AUTO, "NEWSBOT_ENV": "development", "HTTPCACHE_DIR": str(tmp / "httpcache")}


def chromium() -> str:
    return require_binary("chromium", "/usr/bin/chromium")


def stat(log: str, key: str) -> int:
    """The last value of a stat in a crawl log's stats dump (0 when absent)."""
    found = re.findall(rf"'{re.escape(key)}': (\d+)", log)
    return int(found[-1]) if found else 0


class Hits:
    """Counts the paths a replica server answers (installed as its fault_hook)."""

    def __init__(self, server: ReplicaServer) -> None:
        self.paths: Counter[str] = Counter()
        self.queries: list[str] = []
        server.fault_hook = self

    def __call__(self, req: Any) -> None:
        self.paths[req.path] += 1
        if req.path.startswith("/api/"):
            self.queries.append(f"{req.path}?{sorted(req.query.items())}")
        return None

    def count(self, prefix: str) -> int:
        return sum(n for path, n in self.paths.items() if path.startswith(prefix))


def normalized(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Items by id, with the replica's host:port left out of URLs.

    ``found_via`` is left out: it records which page led to an article first, and that
    depends on the crawl's order (a listing's second page arrives later over plain HTTP
    than when a browser loads it into the first), not on what the pages say.
    """
    out = {}
    for item in items:
        item = dict(item)
        item["url"] = urlsplit(item["url"]).path
        assert item.pop("found_via")["kind"] in ("listing", "related", "start")
        out[item["id"]] = item
    return out


# -- pure parts: no browser needed ----------------------------------------------------------------
def test_mode_comes_from_the_setting_else_the_profile():
    assert resolve_mode("", PROFILE) == PROFILE.browser == "never"
    assert resolve_mode("AUTO", PROFILE) == "auto"
    assert resolve_mode(None, None) == "never"
    with pytest.raises(ValueError, match="NEWSBOT_BROWSER"):
        resolve_mode("sometimes", PROFILE)


def test_chromium_is_found_where_debian_puts_it_or_named_explicitly(tmp_path):
    exe, how = find_chromium(str(tmp_path / "missing"))
    assert (exe, how) == (str(tmp_path / "missing"), "NEWSBOT_CHROMIUM")  # reported, not replaced
    exe, how = find_chromium(None)
    if exe is not None:
        assert how == "system" and exe.startswith("/usr/bin/")
    options = launch_options("/usr/bin/chromium")
    assert options["executable_path"] == "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-background-networking"):
        assert flag in options["args"] and flag in CHROMIUM_FLAGS
    assert "executable_path" not in launch_options(None)  # Playwright's own browser


def test_images_fonts_media_and_trackers_are_blocked_pages_and_data_are_not():
    assert is_blocked("image", "http://127.0.0.1/img/a.jpg")
    assert is_blocked("font", "http://127.0.0.1/f.woff2")
    assert is_blocked("media", "http://127.0.0.1/v.mp4")
    assert is_blocked("script", "https://www.googletagmanager.com/gtm.js")
    assert is_blocked("other", "http://127.0.0.1/static/logo.svg")
    assert not is_blocked("document", "http://127.0.0.1/en")
    assert not is_blocked("fetch", "http://127.0.0.1/api/listing?path=/en")
    assert not is_blocked("script", "http://127.0.0.1/app.js")


def test_python_article_patterns_become_javascript_regexes():
    source = PROFILE.article_patterns[0].regex.pattern
    assert "(?P<" in source and "(?P<" not in js_regex(source)
    assert js_regex(r"(?P<x>a)(?P=x)") == r"(?<x>a)\k<x>"


def test_only_pages_whose_plain_html_lacks_what_the_profile_expects_need_rendering():
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as plain, script_server(site) as script:
        import urllib.request

        def get(server: ReplicaServer, path: str) -> Selector:
            with urllib.request.urlopen(server.base_url + path) as reply:
                return Selector(text=reply.read().decode())

        articles = [a for a in site.articles.values() if not a.dropped and a.related]
        for server in (plain, script):
            home = server.base_url + "/en"
            reason = render_reason(get(server, "/en"), home, "listing", PROFILE)
            assert reason == (None if server is plain else "no_article_links")
            for a in articles[:12]:
                url = server.base_url + a.path
                for kind in ("article", "related"):
                    reason = render_reason(get(server, a.path), url, kind, PROFILE)
                    if server is plain:
                        assert reason is None, (a.id, reason)
                    else:  # an empty shell: no title unless its head carries one; no body
                        assert reason in ("no_title", "no_body"), (a.id, reason)
        # plain pages that are simply empty (no body) carry no script: never rendered
        empty = next(a for a in site.articles.values() if a.dropped)
        page = get(plain, empty.path)
        assert "no_body" in missing_parts(page, plain.base_url + empty.path, "article", PROFILE)
        assert not has_script(page)
        assert render_reason(page, plain.base_url + empty.path, "article", PROFILE) is None


ARTICLE_URL = "http://news.test/en/article/" + "cd" * 16
PARAGRAPH = "The harbour council agreed on Tuesday to extend the ferry timetable through winter."


def _page(body: str, head: str = "", script: bool = True) -> Selector:
    js = '<script src="/app.js"></script>' if script else ""
    return Selector(text=f"<html><head>{head}{js}</head><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("body", "head", "reason"),
    [
        ('<div id="root"></div>', "", "no_title"),
        ('<div id="root">Loading...</div>', '<meta property="og:title" content="T">', "no_body"),
        (f"<h1>A title</h1><p>{PARAGRAPH}</p>", "", None),
        # the Related block is there, its entries are not (yet)
        (f"<h1>A title</h1><p>{PARAGRAPH}</p><h2>Related Articles</h2><div></div>", "",
         "empty_related"),
        (f'<h1>A title</h1><p>{PARAGRAPH}</p><h2>Related Articles</h2><div><a href="/en/article/'
         f'{"ab" * 16}">Other story</a><span>Reuters</span></div>', "", None),
    ],
)  # fmt: skip
def test_an_article_page_needs_rendering_when_its_title_body_or_related_block_is_missing(
    body, head, reason
):
    assert render_reason(_page(body, head), ARTICLE_URL, "article", PROFILE) == reason
    # the same page without script: a browser could not add anything
    assert render_reason(_page(body, head, script=False), ARTICLE_URL, "article", PROFILE) is None
    # JSON-LD is data, not script
    ld = '<script type="application/ld+json">{"headline": "A title"}</script>'
    assert not has_script(_page(body, ld, script=False))


def test_rendered_requests_are_cached_apart_from_plain_ones():
    from scrapy import Request
    from scrapy.utils.test import get_crawler

    fingerprinter = get_crawler().request_fingerprinter
    keyed = RenderAwareFingerprinter(fingerprinter)
    plain = Request("http://news.test/en")
    rendered = Request("http://news.test/en", meta={"playwright": True})
    assert keyed.fingerprint(plain) == fingerprinter.fingerprint(plain)
    assert keyed.fingerprint(rendered) != keyed.fingerprint(plain)
    scrapy_fs = "scrapy.extensions.httpcache.FilesystemCacheStorage"
    assert render_aware_storage(scrapy_fs) == "newsbot.browser.cache.FilesystemCacheStorage"
    assert render_aware_storage("some.CustomStorage") is None  # rendered: not cached at all


def test_a_listing_plan_carries_the_bound_and_the_labels():
    plan = page_plan(PROFILE, "listing", max_pages=3)
    assert plan["max_pages"] == 3 and "load more" in plan["labels"] and plan["kind"] == "listing"
    article = page_plan(PROFILE, "related", max_pages=3, settle_timeout_ms=2_000)
    assert article["max_pages"] == 1 and article["kind"] == "article"
    assert article["fill"] == ['[data-fill="related"]'] and article["settle_timeout_ms"] == 2_000
    assert "related articles" in article["related_labels"]


@pytest.mark.parametrize(
    ("executable", "mode"),
    [("missing", "always"), ("/bin/false", "auto")],  # not installed / fails to launch
)
def test_no_browser_the_crawl_says_so_once_and_goes_on_with_plain_http(tmp_path, mode, executable):
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    exe = str(tmp_path / "no-such-chromium") if executable == "missing" else executable
    with script_server(site) as server:
        crawl = run_crawl(
            server,
            ["/en"],
            tmp_path,
            args={"related_depth": 0},
            settings={"NEWSBOT_BROWSER": mode},
            env={"NEWSBOT_CHROMIUM": exe},
            timeout=120,
        )
    # the crawl goes on, but finds no article without a browser: its health checks fail
    assert crawl.returncode == 4, crawl.log[-3000:]
    assert "FAILED articles found: 0 article(s)" in crawl.log
    needs = [line for line in crawl.log.splitlines() if "needs a browser" in line]
    assert len(needs) == 1 and "ERROR" in needs[0] and "continuing with plain HTTP" in needs[0]
    if executable == "missing":
        assert "no-such-chromium does not exist" in needs[0]
    assert stat(crawl.log, "newsbot/browser/unavailable") >= 1
    assert stat(crawl.log, "newsbot/browser/rendered") == 0
    # the closing line does not call the pages it could not render "none needed" (ops round 5)
    closing = next(line for line in crawl.log.splitlines() if "mode): rendered 0 page(s)" in line)
    assert "needed one but none was available" in closing and "none needed" not in closing
    assert "Traceback" not in crawl.log
    assert crawl.items == []  # the plain listing has no entries; nothing invented


def test_without_the_browser_a_script_built_site_is_named_as_such_in_the_health_report(
    tmp_path,
):
    # the default mode (never): nothing found, and the report says why that may be
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with script_server(site) as server:
        crawl = run_crawl(server, ["/en"], tmp_path, args={"related_depth": 0}, timeout=120)
    assert crawl.returncode == 4, crawl.log[-3000:]
    failed = next(line for line in crawl.log.splitlines() if "FAILED articles found" in line)
    assert "1 of the empty ones carry script a browser would run" in failed
    assert "NEWSBOT_BROWSER=auto" in failed
    assert stat(crawl.log, "newsbot/listing/empty_with_script") == 1


# -- with the real browser ------------------------------------------------------------------
class WithAnalytics:
    """Serves a replica's pages with the script tags real sites carry (analytics), so that
    auto mode has to read them to know they are complete."""

    TAGS = (
        b'<script async src="/static/analytics.js"></script>'
        b"<script>window.dataLayer = window.dataLayer || [];</script></head>"
    )

    def __init__(self, server: ReplicaServer) -> None:
        self.server = server
        server.fault_hook = self

    def __call__(self, req: Any) -> Any:
        for pattern, handler in self.server.routes:
            found = pattern.fullmatch(req.path)
            if found:
                reply = handler(self.server, req, found)
                if reply.content_type.startswith("text/html"):
                    reply.body = reply.body.replace(b"</head>", self.TAGS, 1)
                return reply
        return None


@pytest.fixture(scope="module")
def twin_sites():
    """The same made-up site served plainly, plainly with analytics scripts, and browser-only,
    with request counters."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with (
        ReplicaServer(site, theme="a") as plain,
        ReplicaServer(site, theme="a") as scripted,
        ReplicaServer(site, theme="script") as script,
    ):
        WithAnalytics(scripted)
        yield site, (plain, Hits(plain)), (script, Hits(script)), scripted


@pytest.fixture(scope="module")
def auto_crawls(twin_sites, tmp_path_factory):
    """The replicas crawled in auto mode in the development environment, cache on."""
    chromium()
    site, (plain, plain_hits), (script, script_hits), scripted = twin_sites
    paths = start_paths(site.truth())
    crawls = {}
    for name, server, hits in (
        ("plain", plain, plain_hits),
        ("script", script, script_hits),
        ("scripted", scripted, None),
    ):
        tmp = tmp_path_factory.mktemp(f"auto_{name}")
        crawls[name] = (run_crawl(server, paths, tmp, settings=development(tmp)), hits)
    return crawls


def assert_matches_truth(items: list[dict[str, Any]], truth: dict[str, Any]) -> None:
    clock = truth["clock"].replace("+00:00", "Z")
    for item in items:
        true = truth["articles"][item["id"]]
        assert item["url"].endswith(true["path"])
        for field in FIELDS:
            assert item[field] == true[field], (item["id"], field, item[field], true[field])
        assert item["published_precision"] == true["published_precision"], item["id"]
        if true["published_at"] is None:
            assert item["published_at"] is None, item["id"]
        else:
            got = datetime.fromisoformat(item["published_at"].replace("Z", "+00:00"))
            assert got == datetime.fromisoformat(true["published_at"]), item["id"]
        assert item["crawled_at"] == clock  # the Date header, through the browser too


@pytest.mark.browser
def test_browser_only_replica_yields_the_same_articles_and_fields_as_the_plain_one(
    auto_crawls, twin_sites
):
    site = twin_sites[0]
    plain, _ = auto_crawls["plain"]
    script, _ = auto_crawls["script"]
    for crawl in (plain, script):
        assert crawl.returncode == 0, crawl.log[-3000:]
        assert "httpcache.HttpCacheMiddleware" in crawl.log  # development: the cache is on
        assert stat(crawl.log, "httpcache/store") > 0
    expected = site.expected_ids(start_paths(site.truth()), 1)
    ids = [item["id"] for item in script.items]
    assert len(ids) == len(set(ids)), "an article was exported twice"
    assert set(ids) == expected
    plain_items, script_items = normalized(plain.items), normalized(script.items)
    assert set(plain_items) == set(script_items)
    for article_id, item in script_items.items():
        assert item == plain_items[article_id], article_id
    # and both match the ground truth, every field of every article
    assert_matches_truth(script.items, site.truth())


@pytest.mark.browser
def test_auto_renders_only_the_pages_that_need_it(auto_crawls, twin_sites):
    plain, plain_hits = auto_crawls["plain"]
    script, script_hits = auto_crawls["script"]
    # plain pages are never rendered: no browser page, no script endpoint hit
    assert stat(plain.log, "newsbot/browser/rendered") == 0
    assert stat(plain.log, "playwright/page_count") == 0
    assert plain_hits.count("/api/") == 0
    assert "rendered 0 page(s)" in plain.log
    # the browser-only site: its listings had no links and its articles no title or body;
    # then the host went to the browser for each group of pages
    rendered = stat(script.log, "newsbot/browser/rendered")
    assert stat(script.log, "newsbot/browser/rendered/no_article_links") >= 1
    assert (
        stat(script.log, "newsbot/browser/rendered/no_title")
        + stat(script.log, "newsbot/browser/rendered/no_body")
    ) >= 1
    assert stat(script.log, "newsbot/browser/hosts") == 2  # listings, article pages
    assert stat(script.log, "newsbot/browser/rendered_in_vain") == 0
    assert rendered == sum(
        stat(script.log, f"newsbot/browser/rendered/{why}")
        for why in ("no_article_links", "no_title", "no_body", "empty_related", "script_filled",
                    "host", "always")
    )  # fmt: skip
    assert rendered >= len(script.items)
    assert re.search(r"Rendering \S+ in a browser \(no_article_links\)", script.log)
    assert f"rendered {rendered} page(s)" in script.log
    # no rendered request was answered by the plain page cached a moment before
    assert stat(script.log, "httpcache/hit") == 0
    # an article whose Related block stays empty waited for the bound and was logged
    site = twin_sites[0]
    lacking = re.findall(r"Rendered page \S+/article/(\w+) still lacks related", script.log)
    assert lacking and stat(script.log, "newsbot/browser/empty_after_bound") == len(lacking)
    assert all(not site.articles[i].related for i in lacking)
    # pages were closed and bounded; images and the like were never fetched
    assert stat(script.log, "playwright/page_count/closed") == stat(
        script.log, "playwright/page_count"
    )
    assert stat(script.log, "playwright/page_count/max_concurrent") <= 4
    assert script_hits.count("/img/") == 0 and script_hits.count("/static/") == 0
    assert script_hits.count("/api/listing") >= 1 and script_hits.count("/api/article") >= 1
    assert script_hits.count("/api/related") >= 1


@pytest.mark.browser
def test_complete_pages_that_carry_script_are_read_but_not_rendered(auto_crawls, twin_sites):
    site = twin_sites[0]
    plain, _ = auto_crawls["plain"]
    scripted, _ = auto_crawls["scripted"]
    assert scripted.returncode == 0, scripted.log[-3000:]
    # only pages that truly lack something were tried: an article without a body, one
    # whose Related block is empty; rendering showed nothing more, the host stayed plain
    tried = re.findall(r"Rendering \S+/article/(\w+) in a browser \((\w+)\)", scripted.log)
    assert len(tried) == stat(scripted.log, "newsbot/browser/rendered") <= 2
    for article_id, why in tried:
        article = site.articles[article_id]
        assert (why, bool(article.dropped or not article.related)) in (
            ("no_body", True),
            ("empty_related", True),
        ), (article_id, why)
    assert stat(scripted.log, "newsbot/browser/rendered_in_vain") == len(tried)
    assert stat(scripted.log, "newsbot/browser/hosts") == 0
    assert normalized(scripted.items) == normalized(plain.items)


@pytest.mark.browser
@pytest.mark.parametrize("habits", ["fetch", "xhr-lazy"])
def test_a_script_built_site_written_apart_is_crawled_whole_and_replayed_from_the_cache(
    tmp_path, habits
):
    """tests/spa_site.py: data after 300-1500 ms, related later (or when scrolled into view),
    ARIA divs, "Load more"."""
    chromium()
    site = SpaSite(habits=habits)
    truth = site.truth()
    cache = {"HTTPCACHE_DIR": str(tmp_path / "httpcache")}
    with SpaServer(site) as server:
        runs = []
        for run in ("first", "replay"):
            out = tmp_path / run
            settings = {**development(tmp_path), **cache}
            runs.append(run_crawl(server, ["/en"], out, settings=settings, args=NO_MIRROR))
    first, replay = runs
    for crawl in runs:
        assert crawl.returncode == 0, crawl.log[-3000:]
        assert sorted(i["id"] for i in crawl.items) == sorted(truth), crawl.log[-3000:]
        for item in crawl.items:
            true = truth[item["id"]]
            assert urlsplit(item["url"]).path == true["path"]
            for field, value in true.items():
                if field != "path":
                    assert item[field] == value, (item["id"], field, item[field], value)
    assert stat(first.log, "newsbot/browser/rendered") >= len(truth)
    assert stat(first.log, "httpcache/hit") == 0
    # the second run is answered by the cache, rendered pages by rendered ones
    assert stat(replay.log, "newsbot/browser/rendered/from_cache") >= len(truth)
    assert stat(replay.log, "playwright/page_count") == 0


@pytest.mark.browser
def test_an_article_start_url_that_is_a_script_shell_is_rendered(tmp_path):
    chromium()
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    truth = site.truth()
    start = next(
        a for a in site.articles.values()
        if a.lang == "en" and not a.dropped and len(a.related) >= 2
    )  # fmt: skip
    with script_server(site) as server:
        crawl = run_crawl(
            server,
            [start.path],
            tmp_path,
            args={"related_depth": 0},
            settings=development(tmp_path),
        )
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert (
        stat(crawl.log, "newsbot/browser/rendered/no_title")
        + stat(crawl.log, "newsbot/browser/rendered/no_body")
    ) == 1
    [item] = crawl.items
    assert_matches_truth([item], truth)


@pytest.mark.browser
def test_a_page_still_empty_after_the_bound_is_counted_and_logged(tmp_path):
    chromium()
    site = SpaSite(broken=(2,))  # its data API fails: the page never fills
    broken, fine = site.stories[2], site.stories[3]
    settings = {**development(tmp_path), "NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS": 2500}
    with SpaServer(site) as server:
        crawl = run_crawl(
            server,
            [broken.path, fine.path],
            tmp_path,
            args={"related_depth": 0, **NO_MIRROR},
            settings=settings,
        )
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert stat(crawl.log, "newsbot/browser/empty_after_bound") == 1
    assert stat(crawl.log, "newsbot/browser/empty_after_bound/article") == 1
    [line] = [x for x in crawl.log.splitlines() if "still lacks" in x]
    assert "WARNING" in line and broken.path in line and "2.5 s" in line
    assert "title" in line and "body" in line
    assert [i["id"] for i in crawl.items] == [fine.id]  # the empty page yields nothing


def _settle(base_url: str, path: str, max_pages: int) -> tuple[dict[str, Any], int]:
    from playwright.async_api import async_playwright

    from newsbot.browser.config import abort_request
    from newsbot.browser.pagework import WATCH_JS, settle

    async def run() -> tuple[dict[str, Any], int]:
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options(chromium()))
            try:
                page = await browser.new_page()
                await page.add_init_script(WATCH_JS)
                await page.route(
                    "**",
                    lambda route, req: route.abort() if abort_request(req) else route.continue_(),
                )
                await page.goto(base_url + path, timeout=20_000)
                report = await settle(page, page_plan(PROFILE, "listing", max_pages=max_pages))
                html = await page.content()
            finally:
                await browser.close()
        ids = {
            PROFILE.article_id(base_url + h)
            for h in Selector(text=html).css("a::attr(href)").getall()
        }
        return report, len(ids - {None})

    return asyncio.run(run())


@pytest.mark.browser
@pytest.mark.parametrize("how", ["button", "scroll"])
def test_loading_more_stops_at_the_bound_or_when_nothing_new_appears(how):
    chromium()
    site = build_site(seed=SEED, articles=600, clock=CLOCK)
    path = "/en" if how == "button" else max(
        (p for p in site.listings if "/hashtag/" in p), key=lambda p: len(site.listings[p])
    )  # fmt: skip
    total = len(site.listings[path])
    pages = -(-total // site.per_page)
    assert pages >= 3
    with script_server(site) as server:
        hits = Hits(server)
        report, found = _settle(server.base_url, path, max_pages=2)
        assert report["stopped"] == "bound" and report["rounds"] == 2
        assert found == 2 * site.per_page
        assert hits.count("/api/listing") == 2  # nothing fetched beyond the bound
        hits.paths.clear()
        report, found = _settle(server.base_url, path, max_pages=50)
        assert report["stopped"] == "no_more" and report["rounds"] == pages
        assert found == total
        assert hits.count("/api/listing") == pages
        assert hits.count("/img/") == 0


def test_the_middleware_rerenders_empty_pages_remembers_the_host_and_falls_back():
    from types import SimpleNamespace

    from scrapy import Request
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from newsbot.browser.middleware import BrowserMiddleware

    crawler = get_crawler(settings_dict={"NEWSBOT_BROWSER": "auto", "NEWSBOT_MAX_PAGES": 3})
    crawler.stats.open_spider()
    crawler.spider = SimpleNamespace(profile=PROFILE)
    mw = BrowserMiddleware.from_crawler(crawler)
    article = "/en/article/" + "ab" * 16
    app = '<script src="/app.js"></script>'

    def page(url: str, kind: str, body: str, flags: list[str] | None = None):
        request = Request(url, meta={"newsbot_kind": kind})
        html = f"<html><head>{app}</head><body><main>{body}</main></body></html>".encode()
        return request, HtmlResponse(url, body=html, request=request, flags=flags)

    # a plain listing with entries: untouched, its host never rendered
    request, response = page("http://plain.test/en", "listing", f'<a href="{article}">A</a>')
    assert mw.process_response(request, response) is response
    # an empty listing: fetched again through the browser, loading at most 3 pages
    request, response = page("http://script.test/en", "listing", "<h1>Latest news</h1>")
    again = mw.process_response(request, response)
    assert isinstance(again, Request) and again.dont_filter
    assert again.meta["playwright"] is True and again.meta["newsbot_browser"] == "no_article_links"
    assert again.meta["playwright_page_init_callback"] == "newsbot.browser.pagework.watch"
    [method] = again.meta["playwright_page_methods"]
    assert method.args[0]["max_pages"] == 3
    # the rendered page shows entries: counted, and the host is remembered for listings
    body = f'<html><body><a href="{article}">A</a></body></html>'.encode()
    rendered = HtmlResponse(again.url, body=body, request=again, flags=["playwright"])
    assert mw.process_response(again, rendered) is rendered
    assert crawler.stats.get_value("newsbot/browser/rendered/no_article_links") == 1
    assert crawler.stats.get_value("newsbot/browser/hosts") == 1
    # later listings of that host go straight to the browser; its articles, other hosts not
    later = Request("http://script.test/en/hashtag/Politics", meta={"newsbot_kind": "listing"})
    assert mw.process_request(later) is None and later.meta["newsbot_browser"] == "host"
    assert later.meta["playwright_page_methods"][0].args[0]["kind"] == "listing"
    for url, kind in (
        ("http://script.test" + article, "article"),
        ("http://plain.test/en", "listing"),
    ):
        other = Request(url, meta={"newsbot_kind": kind})
        assert mw.process_request(other) is None and "playwright" not in other.meta
    # an article page rendered from a plain cached answer in an earlier run counts as rendered
    request, response = page("http://script.test" + article, "article", "")
    again = mw.process_response(request, response)
    assert again.meta["newsbot_browser"] == "no_title"
    cached = HtmlResponse(
        again.url,
        body=f"<html><body><h1>T</h1><p>{PARAGRAPH}</p></body></html>".encode(),
        request=again,
        flags=["cached"],
    )
    assert mw.process_response(again, cached) is cached
    assert crawler.stats.get_value("newsbot/browser/rendered/from_cache") == 1
    assert ("script.test", "article") in mw.browser_hosts
    # a render that shows part of what the plain page lacked helps: here the body, while
    # the title stays out of the reader's reach (the listing's entry supplies one)
    request, response = page("http://partly.test" + article, "article", "")
    again = mw.process_response(request, response)
    assert again.meta["newsbot_lacked"] == ["no_title", "no_body"]
    partly = HtmlResponse(
        again.url,
        body=f'<html><body><div role="heading">T</div><p>{PARAGRAPH}</p></body></html>'.encode(),
        request=again,
        flags=["playwright"],
    )
    assert mw.process_response(again, partly) is partly
    assert ("partly.test", "article") in mw.browser_hosts
    # a host whose pages are just empty: rendered twice in vain, then left plain
    for n in range(3):
        request, response = page(f"http://empty.test/en?page={n}", "listing", "")
        again = mw.process_response(request, response)
        if n == 2:
            assert again is response
            break
        empty = HtmlResponse(again.url, body=b"<html></html>", request=again, flags=["playwright"])
        assert mw.process_response(again, empty) is empty
    assert crawler.stats.get_value("newsbot/browser/rendered_in_vain") == 2
    assert ("empty.test", "listing") not in mw.browser_hosts
    # the browser cannot start: the plain page goes through, later pages stay plain
    request, response = page("http://script2.test/en", "listing", "")
    again = mw.process_response(request, response)
    failure = Exception("BrowserType.launch: Executable doesn't exist at /nowhere")
    assert mw.process_exception(again, failure) is response
    assert "could not launch" in mw.problem
    later = Request("http://script.test/en/hashtag/Health", meta={"newsbot_kind": "listing"})
    assert mw.process_request(later) is None and "playwright" not in later.meta
    assert crawler.stats.get_value("newsbot/browser/unavailable") == 2


def test_the_middleware_takes_the_site_from_the_request():
    """Every component takes the site from what it handles: a request names its site
    (``newsbot_site``, the request contract); the spider's profile is only the fallback."""
    from types import SimpleNamespace

    from scrapy import Request
    from scrapy.utils.test import get_crawler

    from newsbot.browser.config import page_plan
    from newsbot.browser.middleware import BrowserMiddleware
    from newsbot.profiles import load_profile

    crawler = get_crawler(settings_dict={"NEWSBOT_BROWSER": "always"})
    crawler.stats.open_spider()
    crawler.spider = SimpleNamespace()  # a spider without a profile
    mw = BrowserMiddleware.from_crawler(crawler)
    plans = {}
    for site in ("daily8", "river"):
        request = Request("http://any.test/page", meta={"newsbot_kind": "listing"})
        request.meta["newsbot_site"] = site
        assert mw.process_request(request) is None and request.meta["playwright"] is True
        [method] = request.meta["playwright_page_methods"]
        profile = load_profile(site)
        expected = page_plan(profile, "listing", max_pages=profile.max_pages, **mw.timeouts)
        assert method.args[0] == expected
        plans[site] = method.args[0]
    assert plans["daily8"] != plans["river"]
    # a request that names no site, from a spider without a profile: left alone
    plain = Request("http://any.test/other", meta={"newsbot_kind": "listing"})
    assert mw.process_request(plain) is None and "playwright" not in plain.meta
    # the spider's profile when the request does not say
    crawler.spider = SimpleNamespace(profile=load_profile("river"))
    assert mw.process_request(plain) is None and plain.meta["playwright"] is True
    assert plain.meta["playwright_page_methods"][0].args[0] == plans["river"]


# -- the article spider: publishers' pages, no site profile ------------------------------------
def _script_shell(title: str, body: list[str]) -> bytes:
    """A publisher's article page whose title and paragraphs a script puts in after 300 ms."""
    data = json.dumps({"title": title, "body": body})
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Valley Courier</title>"
        "</head><body><header><a href='/'>Valley Courier</a></header>"
        "<main id='app'><p>Loading…</p></main><script>"
        f"const story = {data};"
        "setTimeout(() => {const app = document.getElementById('app');"
        "app.innerHTML = '<article><h1></h1></article>';"
        "app.querySelector('h1').textContent = story.title;"
        "for (const text of story.body) {const p = document.createElement('p');"
        "p.textContent = text; app.querySelector('article').appendChild(p);}}, 300);"
        "</script></body></html>"
    ).encode()


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["auto", "always"])
def test_the_article_spider_renders_a_script_built_publisher_page(tmp_path, mode):
    from tests.publisher_site import COURIER_BODY, HTML, PublisherServer, routes
    from tests.test_article_spider import crawl as article_crawl
    from tests.test_article_spider import records

    chromium()
    title = "Footbridge reopens to walkers after storm repairs"
    pages = {**routes(), "/shell/footbridge": (200, HTML, _script_shell(title, COURIER_BODY), {})}
    complete = "/news/2026/11/council-delays-vote-on-harbour-toll"
    with PublisherServer(pages) as server:
        given = [server.base_url + "/shell/footbridge", server.base_url + complete]
        proc = article_crawl(
            tmp_path,
            {"start_urls": ",".join(given)},
            settings={
                "NEWSBOT_BROWSER": mode,
                "NEWSBOT_CHROMIUM": chromium(),
                "STATS_DUMP": "True",
            },
        )
    log = (tmp_path / "crawl.log").read_text(encoding="utf-8")
    assert proc.returncode == 0, log[-3000:] + proc.stderr[-2000:]
    items = {urlsplit(i["url"]).path: i for i in records(tmp_path / "items.jsonl")}
    assert set(items) == {"/shell/footbridge", complete}
    shell = items["/shell/footbridge"]
    assert shell["title"] == title
    assert shell["body"] == "\n\n".join(COURIER_BODY)
    if mode == "auto":  # only the shell lacked what a reader needs; the complete page stays plain
        assert stat(log, "newsbot/browser/rendered") == 1
        reasons = ("no_title", "no_body")
        assert sum(stat(log, f"newsbot/browser/rendered/{why}") for why in reasons) == 1
    else:
        assert stat(log, "newsbot/browser/rendered/always") == 2
    assert "none needed" not in log


def test_a_folder_as_the_browser_is_named_a_folder(tmp_path):
    """ops6: NEWSBOT_CHROMIUM=/usr/lib/chromium (the folder) was reported as missing."""
    from newsbot.browser.config import executable_problem

    assert "is a directory, not the browser's program" in executable_problem(str(tmp_path))
    assert executable_problem(str(tmp_path / "nope")).endswith("does not exist")


def test_a_page_the_browser_never_gives_fails_after_the_bound_and_is_not_waited_for(
    monkeypatch,
):
    """ops6: Chromium killed mid-run left its pages waiting forever (the graceful stop too).
    A rendering that never ends, and whose clean-up never ends either, fails after
    NEWSBOT_BROWSER_PAGE_TIMEOUT; the browser middleware then fetches the page plainly."""
    import asyncio

    from scrapy import Request
    from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

    from newsbot.browser.handler import BrowserPageTimeout, SharedPlaywrightDownloadHandler

    async def hangs(self, request, spider=None):
        try:
            await asyncio.Event().wait()
        finally:  # a page.close() on a dead browser: never returns
            await asyncio.shield(asyncio.Event().wait())

    monkeypatch.setattr(ScrapyPlaywrightDownloadHandler, "_download_request", hangs)
    # (built without Scrapy's reactor check: only the bound is under test here)
    handler = SharedPlaywrightDownloadHandler.__new__(SharedPlaywrightDownloadHandler)
    handler.page_timeout = 0.2
    request = Request("http://127.0.0.1/x", meta={"playwright": True})

    async def fetch():
        started = asyncio.get_running_loop().time()
        with pytest.raises(BrowserPageTimeout, match="NEWSBOT_BROWSER_PAGE_TIMEOUT"):
            await handler._download_request(request)
        return asyncio.get_running_loop().time() - started

    assert asyncio.run(fetch()) < 5
