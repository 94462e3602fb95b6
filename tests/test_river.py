"""The headline river (issue 14): its pages read from links and text, and whole crawls of the
river replica (`scrapy crawl river` over loopback) checked against its ground truth."""

from __future__ import annotations

import ast
import json
import re
import shutil
import signal
import subprocess
from datetime import datetime, timezone

import jsonschema
import pytest
from parsel import Selector
from scrapy.utils.test import get_crawler

from newsbot.extract.river import RiverEntry, RiverRules, continue_link, read_river_page
from newsbot.profiles import load_profile
from newsbot.publisher import normalized_url, page_id
from newsbot.replica.river import RiverServer, build_river
from newsbot.replica.river.pages import PUBLISHER_CHROME
from newsbot.spiders.river import RiverSpider, river_rules
from tests.conftest import ROOT, require_binary, run_crawl
from tests.support.scheduled_runs import ScheduledRuns, kill, part_lines, wait_for
from tests.test_distributed import redis_url
from tests.test_scrapyd import _get, _post, _project_copy, _tool, scrapyd

SCHEMA = json.loads((ROOT / "newsbot" / "article.schema.json").read_text())
PATHS = ["/", "/topic/world", "/topic/business", "/topic/science", "/topic/sport"]
ANCHOR = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


# -- river pages read from links and text (pure) -----------------------------------------------
# A river with other markup, other URLs and other labels than the replica's: a table per
# story, the outlet after the age, links through /out/<n> and /go?to=, "Full coverage".
OTHER_RIVER = """<html><body><div id=top><a href="/">Headlines</a> <a href="/sec/tech">Tech</a>
<a href="https://twitter.com/share?u=x">Share</a></div>
<table>
 <tr><td><b><a href="/out/77">Ferry firm doubles weekend sailings to the islands</a></b>
   <small>2h</small> <small>Island Gazette</small></td></tr>
 <tr><td>&nbsp;&nbsp;<a href="https://bay.example/n/99?utm_source=hl">Bay council backs ferry
   timetable after vote</a> — Bay Daily · Yesterday 09:30</td></tr>
 <tr><td><a href="/cluster/abc-1">Full coverage</a></td></tr>
</table>
<table>
 <tr><td><a href="/go?to=https%3A%2F%2Fhill.example%2Fstory%2F5">Hill town opens new library
 wing</a><br><span>Hill Post</span><span>28 Nov</span>
 <p>The library wing cost less than planned, the council said on Monday.</p></td></tr>
</table>
<p><a href="/sec/tech?p=2">Older</a> <a href="/about">About us</a></p></body></html>"""


def other_rules() -> RiverRules:
    return RiverRules(
        hosts=frozenset({"hl.example"}),
        listing=(re.compile(r"^/(sec/[^/]+)?$"),),
        story=re.compile(r"^/cluster/(?P<story>[^/]+)$"),
        redirects=(re.compile(r"^/out/\d+$"), re.compile(r"^/go$")),
        redirect_params=("to",),
        story_labels=frozenset({"full coverage"}),
        pagination_labels=frozenset({"older"}),
        continue_labels=frozenset({"proceed"}),
        timezone="Europe/London",
    )


def test_a_river_with_other_markup_is_read_from_its_rules_alone():
    page = read_river_page(
        Selector(text=OTHER_RIVER), "https://hl.example/sec/tech", other_rules(), ANCHOR
    )
    got = [(e.url, e.title, e.source, e.age, e.story) for e in page.entries]
    story = "https://hl.example/cluster/abc-1"
    assert got == [
        ("https://hl.example/out/77", "Ferry firm doubles weekend sailings to the islands",
         "Island Gazette", "2h", story),
        ("https://bay.example/n/99?utm_source=hl", "Bay council backs ferry timetable after vote",
         "Bay Daily", "Yesterday 09:30", story),
        ("https://hl.example/go?to=https%3A%2F%2Fhill.example%2Fstory%2F5",
         "Hill town opens new library wing", "Hill Post", "28 Nov", None),
    ]  # fmt: skip
    assert page.stories == [story]
    assert page.next_pages == ["https://hl.example/sec/tech?p=2"]
    assert "https://hl.example/" in page.listings
    # the redirect's query names the publisher; an opaque redirect does not
    rules = other_rules()
    assert rules.target(page.entries[2].url) == "https://hill.example/story/5"
    assert rules.target(page.entries[0].url) is None


def test_a_consent_page_goes_on_by_its_label_or_its_only_way_out():
    rules = other_rules()
    labelled = '<p>Cookies?</p><a href="/privacy">Settings</a> <a href="/out/5">Proceed</a>'
    assert continue_link(Selector(text=labelled), "https://hl.example/c", rules) == (
        "https://hl.example/out/5"
    )
    unlabelled = '<a href="/privacy">Settings</a> <a href="https://x.example/a">Yes, fine</a>'
    assert continue_link(Selector(text=unlabelled), "https://hl.example/c", rules) == (
        "https://x.example/a"
    )
    assert continue_link(Selector(text="<p>nothing</p>"), "https://hl.example/c", rules) is None


def test_the_river_profile_gives_the_rules():
    rules = river_rules(load_profile("river"), ["http://127.0.0.1:8014/"])
    assert rules.on_river("http://127.0.0.1:8014/topic/world")
    assert not rules.on_river("http://127.0.0.1:8015/harbour/news/x")
    assert rules.is_story("http://127.0.0.1:8014/story/s3")
    assert rules.story_key("http://127.0.0.1:8014/story/s3") == "s3"
    assert rules.is_outlink("http://127.0.0.1:8014/r/e4")
    assert rules.is_outlink("http://127.0.0.1:8014/consent?next=%2Fr%2Fe4")
    assert not rules.is_outlink("http://127.0.0.1:8014/privacy")
    assert rules.timezone == "America/New_York"


# -- whole crawls --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def river():
    site = build_river()
    with RiverServer(site) as server:
        yield server


@pytest.fixture(scope="module")
def river_truth(river):
    return river.truth()["articles"]


@pytest.fixture(scope="module", params=[1, 0], ids=["worker", "no-worker"])
def river_crawl(request, river, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"river{request.param}")
    return run_crawl(river, PATHS, out, spider="river", settings={"NEWSBOT_WORKERS": request.param})


def _by_url(truth):
    return {t["url"]: t for t in truth.values()}


def test_every_truth_article_is_exported_once_with_the_truth(river_crawl, river_truth):
    assert river_crawl.returncode == 0, river_crawl.log[-3000:]
    urls = [item["url"] for item in river_crawl.items]
    assert len(urls) == len(set(urls)), "an article was exported twice"
    ids = [item["id"] for item in river_crawl.items]
    assert len(ids) == len(set(ids))
    truth = _by_url(river_truth)
    assert set(urls) == set(truth)
    wrong = []
    for item in river_crawl.items:
        true = truth[item["url"]]
        for field in ("id", "source", "title", "body", "published_at", "published_precision"):
            if item[field] != true[field]:
                wrong.append((item["url"], field, item[field], true[field]))
        if sorted(item["related"]) != sorted(true["related"]):
            wrong.append((item["url"], "related", item["related"], true["related"]))
        assert item["aggregator"] == "river"
    assert not wrong, wrong


def test_every_link_kind_and_age_form_was_crawled(river_crawl, river_truth):
    # the truth covers what river.md describes; each kind must have come out right above
    links = {t["link"] for t in river_truth.values()}
    assert links == {"direct", "r", "click", "consent"}
    raws = {
        t["published_raw"] for t in river_truth.values() if t["published_precision"] != "second"
    }
    assert any(re.fullmatch(r"\d+m", r) for r in raws)
    assert any(re.fullmatch(r"\d+h", r) for r in raws)
    assert any(r.startswith("Yesterday ") for r in raws)
    assert any(re.fullmatch(r"\d+ [A-Z][a-z]{2}", r) for r in raws)
    stats = river_crawl.log
    assert "'newsbot/river/interstitials'" in stats
    # two entries (a listing's /r/ link and a story page's /click link) reached one article
    assert "'newsbot/river/same_article_again'" in stats


def test_records_match_the_schema_and_say_where_they_were_found(river_crawl, river):
    for line in river_crawl.lines:
        record = json.loads(line)
        jsonschema.validate(record, SCHEMA)
        assert record["found_via"]["kind"] in ("listing", "related")
        assert record["found_via"]["url"].startswith(river.base_url)
        if record["found_via"]["kind"] == "related":
            assert "/story/" in record["found_via"]["url"]
        assert "utm_" not in record["url"]
        assert record["crawled_at"] == "2026-11-30T12:00:00Z"  # the Date header


def test_bodies_carry_none_of_the_publishers_chrome(river_crawl):
    for item in river_crawl.items:
        for chrome in PUBLISHER_CHROME:
            assert chrome not in item["body"], (item["url"], chrome)


# -- a second river, crawled with its own profile only -------------------------------------------
# Headline Desk: the same stories and publishers behind other URLs (/section/<name>?p=N,
# /cluster/<id>, /go/<id>, /out?url=, /interstitial?to=), other markup (table rows, the age
# before the outlet), other labels ("Older", "Full coverage (3)", "Proceed to story") and
# another clock (Europe/Berlin). A profile of its own, settings/headlinedesk.toml, and no code:
# the spider loader makes `scrapy crawl headlinedesk` from the profile's kind.
HEADLINE_DESK = """
name = "headlinedesk"
kind = "river"
start_urls = ["https://headlinedesk.example/"]
allowed_domains = ["headlinedesk.example"]
timezone = "Europe/Berlin"
day_first = true
browser = "never"

[urls]
listing = ['^/$', '^/section/[^/]+/?$']
story = '^/cluster/(?P<story>[^/?#]+)/?$'
redirect = ['^/go/[^/]+/?$', '^/out/?$']
redirect_params = ["url"]
interstitial = ['^/interstitial/?$']

[pagination]
labels = ["Older"]
max_pages = 10

[river]
story_labels = []
continue_labels = ["Proceed to story"]
min_headline_words = 3
follow_listings = true
"""


def test_a_river_with_other_urls_markup_and_labels_is_crawled_with_its_profile_only(tmp_path):
    settings = tmp_path / "settings"
    shutil.copytree(ROOT / "settings", settings)
    (settings / "headlinedesk.toml").write_text(HEADLINE_DESK)
    site = build_river(zone="Europe/Berlin")
    with RiverServer(site, style="b") as server:
        truth = _by_url(server.truth()["articles"])
        crawl = run_crawl(
            server,
            ["/"],  # the sections come from the front page's links
            tmp_path / "out",
            spider="headlinedesk",
            env={"NEWSBOT_SETTINGS_DIR": str(settings)},
        )
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert sorted(i["url"] for i in crawl.items) == sorted(truth)
    for item in crawl.items:
        true = truth[item["url"]]
        for field in ("id", "source", "title", "body", "published_at", "published_precision"):
            assert item[field] == true[field], (item["url"], field, item[field], true[field])
        assert sorted(item["related"]) == sorted(true["related"]), item["url"]
        assert item["aggregator"] == "headlinedesk"


# -- incremental runs and crash recovery ---------------------------------------------------------
class RiverRuns(ScheduledRuns):
    """ScheduledRuns of ``scrapy crawl river``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.command[self.command.index("daily8")] = "river"

    def folder(self):
        return self.exports / "river"


def test_a_second_run_exports_nothing_new(river, river_truth, tmp_path):
    runs = RiverRuns(river, PATHS, tmp_path)
    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert set(runs.ids()) == {t["id"] for t in river_truth.values()}
    first = runs.finished()
    code, log = runs.run()
    assert code == 0, log[-3000:]
    second = [p for p in runs.finished() if p not in first]
    assert len(second) == 1
    assert second[0].read_text() == "", "the second run exported an article again"
    assert runs.ids()  # the first run's export is still there
    assert max(runs.ids().values()) == 1


def test_sigkill_halfway_then_the_same_command_finishes_the_job(river_truth, tmp_path):
    site = build_river()
    with RiverServer(site) as server:
        server.article_delay = 0.3
        runs = RiverRuns(
            server,
            PATHS,
            tmp_path,
            settings={"CONCURRENT_REQUESTS": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 2},
        )
        proc, _ = runs.start()
        assert wait_for(lambda: part_lines(runs.folder()) >= 8, timeout=90), "never halfway"
        assert proc.poll() is None, "the crawl finished before it could be stopped"
        kill(proc, signal.SIGKILL)
        assert runs.finished() == []
        server.article_delay = 0.0
        code, log = runs.run()
        assert code == 0, log[-3000:]
        expected = {t["id"] for t in server.truth()["articles"].values()}
    counts = runs.ids()
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == expected
    assert runs.parts() == []


# -- scrapyd -------------------------------------------------------------------------------------
@pytest.mark.scrapyd
def test_scrapyd_schedules_the_river_and_its_export_is_the_truth(
    request, river, river_truth, tmp_path
):
    url, home = request.getfixturevalue(scrapyd.__name__)  # the fixture of test_scrapyd
    project = _project_copy(tmp_path, url)
    deploy = subprocess.run(
        [_tool("scrapyd-deploy"), "-v", "r1"], cwd=project, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert "river" in _get(url + "listspiders.json?project=newsbot")["spiders"]
    job = _post(
        url + "schedule.json",
        [
            ("project", "newsbot"),
            ("spider", "river"),
            ("setting", "NEWSBOT_ENV=test"),
            ("start_urls", ",".join(river.base_url + p for p in PATHS)),
        ],
    )
    assert job["status"] == "ok", job

    def finished() -> bool:
        jobs = _get(url + "listjobs.json?project=newsbot")
        return any(j["id"] == job["jobid"] for j in jobs.get("finished", []))

    assert wait_for(finished, timeout=180, interval=0.5), _get(url + "listjobs.json")
    log = next((home / "logs").rglob(f"{job['jobid']}.log")).read_text()
    exports = sorted((home / "exports" / "river").glob("*.jsonl"))
    assert len(exports) == 1, log[-3000:]
    items = [json.loads(line) for line in exports[0].read_text().splitlines()]
    truth = _by_url(river_truth)
    assert sorted(i["url"] for i in items) == sorted(truth)
    for item in items:
        assert sorted(item["related"]) == sorted(truth[item["url"]]["related"])
        assert item["source"] == truth[item["url"]]["source"]


# -- Redis: two workers share one crawl -----------------------------------------------------------
@pytest.mark.redis
def test_two_workers_share_the_river_and_export_the_truth_once(request, tmp_path):
    url = request.getfixturevalue(redis_url.__name__)  # test_distributed's
    site = build_river()
    with RiverServer(site) as server:
        server.article_delay = 0.1  # slow enough for both workers to take pages
        truth = _by_url(server.truth()["articles"])
        workers = [
            RiverRuns(
                server,
                PATHS,
                tmp_path / name,
                settings={
                    "NEWSBOT_REDIS_URL": url,
                    "NEWSBOT_REDIS_WORKER_TIMEOUT": 5,
                    "CONCURRENT_REQUESTS": 4,
                    "USER_AGENT": f"newsbot-test/{name}",
                },
            )
            for name in ("worker1", "worker2")
        ]
        procs = [worker.start() for worker in workers]
        for proc, log in procs:
            proc.communicate(timeout=240)
            assert proc.returncode == 0, log.read_text()[-3000:]
    items = [
        json.loads(line)
        for worker in workers
        for path in worker.finished()
        for line in path.read_text().splitlines()
    ]
    assert "River ledger shared through Redis" in procs[0][1].read_text()
    assert all(sum(worker.ids().values()) > 0 for worker in workers), "one worker did all"
    urls = [item["url"] for item in items]
    assert sorted(urls) == sorted(truth), "an article missing or exported twice"
    for item in items:
        true = truth[item["url"]]
        assert sorted(item["related"]) == sorted(true["related"]), item["url"]
        for field in ("id", "source", "title", "body", "published_at"):
            assert item[field] == true[field], (item["url"], field)


# -- browser mode ------------------------------------------------------------------------------
@pytest.mark.browser
def test_browser_mode_renders_every_page_and_exports_the_truth(river, river_truth, tmp_path):
    exe = require_binary("chromium", "/usr/bin/chromium")
    crawl = run_crawl(
        river,
        PATHS,
        tmp_path,
        spider="river",
        settings={"NEWSBOT_BROWSER": "always"},
        env={"NEWSBOT_CHROMIUM": exe},
    )
    assert crawl.returncode == 0, crawl.log[-3000:]
    rendered = re.findall(r"'newsbot/browser/rendered/always': (\d+)", crawl.log)
    # every river page and publisher page went through Chromium (not robots.txt)
    pages = len(re.findall(r"'newsbot/river/article_pages': (\d+)", crawl.log))
    assert rendered and int(rendered[-1]) > len(river_truth), crawl.log[-3000:]
    assert pages
    # a river listing settles on its entries (links leaving the river), not at the bound
    assert "'newsbot/browser/empty_after_bound" not in crawl.log
    truth = _by_url(river_truth)
    assert sorted(i["url"] for i in crawl.items) == sorted(truth)
    for item in crawl.items:
        true = truth[item["url"]]
        for field in ("id", "source", "title", "body", "published_at", "published_precision"):
            assert item[field] == true[field], (item["url"], field, item[field], true[field])
        assert sorted(item["related"]) == sorted(true["related"]), item["url"]


def test_graceful_stop_and_resume_with_jobdir_exports_every_article_once(tmp_path):
    site = build_river()
    with RiverServer(site) as server:
        # story pages come late: the records of articles fetched meanwhile wait for them
        server.article_delay, server.story_delay = 0.2, 4.0
        runs = RiverRuns(
            server,
            PATHS,
            tmp_path,
            settings={
                "CONCURRENT_REQUESTS": 3,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 3,
                "JOBDIR": str(tmp_path / "job"),
            },
        )
        proc, _ = runs.start()
        fetched = lambda: sum(1 for outlet, _ in list(server.hits) if outlet)  # noqa: E731
        assert wait_for(lambda: fetched() >= 8, timeout=90), "never halfway"
        kill(proc, signal.SIGINT)  # one Ctrl-C: Scrapy's graceful stop
        (stopped,) = runs.summaries()
        assert stopped["finish_reason"] == "shutdown"
        first_log = (runs.logs / "run1.log").read_text()
        # records that waited for their story pages were not exported by the stopped run
        assert re.search(r"River: [1-9]\d* record\(s\) still waited", first_log), first_log
        server.article_delay = server.story_delay = 0.0
        code, log = runs.run()
        assert code == 0, log[-3000:]
        assert "Resuming crawl" in log
        truth = _by_url(server.truth()["articles"])
    items = [json.loads(line) for p in runs.finished() for line in p.read_text().splitlines()]
    assert sorted(i["url"] for i in items) == sorted(truth), "an article lost or exported twice"
    for item in items:
        assert sorted(item["related"]) == sorted(truth[item["url"]]["related"]), item["url"]


def test_a_sibling_skipped_as_seen_is_related_by_the_id_its_request_carried():
    """An incremental run may drop a sibling's request (seen, unchanged): the records of its
    story wait for it until the crawl runs dry, then name it by the id its request carried
    (the MD5 of the publisher URL the link names, as the seen record's id was)."""
    spider = RiverSpider.from_crawler(
        get_crawler(RiverSpider, {"NEWSBOT_WORKERS": 0}),
        start_urls="http://127.0.0.1:8014/",
    )
    anchor = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
    seen = "http://127.0.0.1:8016/northgate/news/a-seen-article"
    opaque = "http://127.0.0.1:8014/r/e9"
    fetched = "http://127.0.0.1:8015/harbour/news/a-new-article"
    spider.ledger.set_story("s1", [fetched, seen, opaque])
    for key in (fetched, seen, opaque):
        spider.ledger.associate(key, "s1")
    requests = list(
        spider._follow(RiverEntry(seen, "A seen article here", "Northgate"), {"kind": "related",
                       "url": "http://127.0.0.1:8014/story/s1"}, 1, anchor)
    )  # fmt: skip
    carried = requests[0].meta["newsbot_article"]["id"]
    item = {"id": page_id(fetched), "found_via": {}, "time_candidates": [], "title": "New"}
    spider._take(fetched, item, {})
    assert list(spider._release()) == []  # waits for the other two
    spider.ledger.resolve(opaque, None)  # its page failed
    assert list(spider._release()) == []
    (released,) = spider._release(force=True)  # the crawl ran dry
    assert released["related"] == [carried] == [page_id(seen)]


def test_the_outlet_named_by_an_entry_read_after_the_page_wins_over_the_publishers_name():
    """A publisher page may be read before the entry that names its outlet (a story page read
    later): the record goes out with the outlet as the river names it, not the page's own
    site name."""
    spider = RiverSpider.from_crawler(
        get_crawler(RiverSpider, {"NEWSBOT_WORKERS": 0}),
        start_urls="http://127.0.0.1:8014/",
    )
    anchor = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
    link = "http://127.0.0.1:8015/quarry/2026/11/a-new-article.html"
    listing = {"kind": "listing", "url": "http://127.0.0.1:8014/"}
    story = {"kind": "related", "url": "http://127.0.0.1:8014/story/s1"}
    list(spider._follow(RiverEntry(link, "A new article about chips", None), listing, 0, anchor))
    item = {"id": page_id(link), "found_via": {}, "time_candidates": [], "title": "New",
            "source": "Quarry"}  # fmt: skip
    spider._take(link, item, {})
    list(spider._follow(RiverEntry(link, "A new article about chips", "Quarry Tech"), story, 1,
                        anchor))  # fmt: skip
    (released,) = spider._release(force=True)
    assert released["source"] == "Quarry Tech"


def test_two_releases_interleaved_send_each_record_once_and_never_fail():
    """Scrapy reads a callback's output lazily: while one release waits at a yield, another
    (the next callback's, the idle one) may send the records it had listed. Seen on a
    held-out river as a KeyError in a story page's callback."""
    spider = RiverSpider.from_crawler(
        get_crawler(RiverSpider, {"NEWSBOT_WORKERS": 0}),
        start_urls="http://127.0.0.1:8014/",
    )
    links = [f"http://127.0.0.1:8015/quarry/2026/11/article-{n}.html" for n in range(3)]
    for link in links:
        item = {"id": page_id(link), "found_via": {}, "time_candidates": [], "title": link}
        spider._take(link, item, {})
    first = spider._release(force=True)
    sent = [next(first)]  # the first callback's release waits at its first yield
    sent += spider._release(force=True)  # another release sends the rest
    sent += first  # the first one resumes
    assert sorted(i["id"] for i in sent) == sorted(page_id(link) for link in links)


# -- real publisher pages --------------------------------------------------------------------------
FUNDUS = ROOT.parent / "shared" / "reference" / "extraction" / "fundus-eval"
REAL = ("APNews_0", "CNBC_1", "TheGuardian_0", "Reuters_0")


def test_a_story_of_real_publisher_pages_is_crawled_like_the_made_up_ones(tmp_path):
    """Four real pages (fundus-eval, read where they are) as one story's articles: each
    record is the page's canonical URL once, credited to the outlet as the river names it,
    with the page's own headline and text and the other three as related."""
    if not FUNDUS.is_dir():
        pytest.skip("../shared/reference/extraction/fundus-eval is not there")
    truth_file = json.loads((FUNDUS / "ground_truth.json").read_text())
    real = {stem: truth_file[f"{stem}.html.gz"]["url"] for stem in REAL}
    site = build_river(real_pages=real)
    with RiverServer(site, real_folder=FUNDUS / "html") as server:
        truth = _by_url(server.truth()["articles"])
        crawl = run_crawl(server, PATHS, tmp_path, spider="river")
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert sorted(i["url"] for i in crawl.items) == sorted(truth)
    real_items = [i for i in crawl.items if truth[i["url"]]["real"]]
    assert len(real_items) == len(REAL)
    for item in real_items:
        true = truth[item["url"]]
        assert item["source"] == "Wire Desk"
        assert sorted(item["related"]) == sorted(true["related"]), item["url"]
        stem = next(s for s, u in real.items() if item["url"] == normalized_url(u))
        paragraphs = eval_paragraphs(truth_file[f"{stem}.html.gz"]["body"])
        assert item["title"] and item["body"], item["url"]
        found = [p for p in paragraphs if p[:50] in item["body"]]
        assert len(found) >= len(paragraphs) / 2, (item["url"], len(found), len(paragraphs))
        assert item["published_precision"] in ("second", "minute"), item["url"]  # the page's
    for item in crawl.items:  # the made-up ones are still exactly right
        true = truth[item["url"]]
        if not true["real"]:
            assert (item["title"], item["body"]) == (true["title"], true["body"])
            assert sorted(item["related"]) == sorted(true["related"])


def eval_paragraphs(body: object) -> list[str]:
    """fundus-eval's human-marked body: its paragraphs, without the brackets that mark
    summary and sub-heading lines."""
    raw = body if isinstance(body, list) else ast.literal_eval(str(body))
    return [text for p in raw if len(text := str(p).strip("[] ")) >= 50]
