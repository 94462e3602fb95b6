"""Whole crawls of the replica, checked against its ground truth, as a user would check them."""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from parsel import Selector

from newsbot.items import EXPORT_FIELDS
from newsbot.profiles import load_profile
from newsbot.timestamps import older_than, to_iso_z
from tests.conftest import ROOT, run_crawl, start_paths

SCHEMA = json.loads((ROOT / "newsbot" / "article.schema.json").read_text())
PROFILE = load_profile("daily8")
TRUNCATE = {"second": 19, "minute": 16, "hour": 13, "day": 10, "month": 7, "year": 4}


# Theme a is read by a worker process, theme b by the crawl process: both must match the truth.
@pytest.fixture(scope="module")
def crawl_a(replica, truth, tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl_a")
    return run_crawl(replica, start_paths(truth), out, settings={"NEWSBOT_WORKERS": 1})


@pytest.fixture(scope="module")
def crawl_b(replica_b, truth, tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl_b")
    return run_crawl(replica_b, start_paths(truth), out, settings={"NEWSBOT_WORKERS": 0})


# Theme react: the same site as a server-rendered React/Next.js site sends it (issue 18).
@pytest.fixture(scope="module")
def crawl_react(replica_react, truth, tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl_react")
    return run_crawl(replica_react, start_paths(truth), out, settings={"NEWSBOT_WORKERS": 1})


@pytest.fixture(params=["a", "b", "react"])
def crawl(request):
    return request.getfixturevalue(f"crawl_{request.param}")


def test_crawl_exits_cleanly_and_exports_exactly_the_expected_articles(crawl, site, truth):
    assert crawl.returncode == 0, crawl.log[-3000:]
    expected = site.expected_ids(start_paths(truth), 1)
    ids = [item["id"] for item in crawl.items]
    assert len(ids) == len(set(ids)), "an article was exported twice"
    assert set(ids) == expected


def test_pages_and_bodies_went_through_the_worker_only_where_asked(crawl_a, crawl_b):
    # every article page and every body: one task each, none lost or failed (robots.txt is a
    # 200 response too, read by Scrapy, not by a worker; small listing pages are read in the
    # crawl process, on the critical path; the replica's article made of page chrome only has
    # no body to clean and is dropped before cleaning)
    tasks = re.search(r"'newsbot/workers/tasks': (\d+)", crawl_a.log)
    pages = re.search(r"'downloader/response_status_count/200': (\d+)", crawl_a.log)
    robots = re.search(r"'robotstxt/response_status_count/200': (\d+)", crawl_a.log)
    listings = re.search(r"'newsbot/listing/pages': (\d+)", crawl_a.log)
    assert tasks and pages and robots and listings, crawl_a.log[-3000:]
    assert int(listings.group(1)) > 0
    read = int(pages.group(1)) - int(robots.group(1)) - int(listings.group(1))
    # while the worker is behind, the crawl process reads some article pages itself
    shared = re.search(r"'newsbot/workers/shared': (\d+)", crawl_a.log)
    assert int(tasks.group(1)) + int(shared.group(1) if shared else 0) == read + len(crawl_a.items)
    assert "'newsbot/workers/died'" not in crawl_a.log
    assert "'newsbot/workers/peak_memory_mb'" in crawl_a.log
    assert "newsbot/workers/" not in crawl_b.log


def test_every_line_matches_the_schema_and_field_order(crawl):
    assert crawl.lines
    for line in crawl.lines:
        record = json.loads(line)
        jsonschema.validate(record, SCHEMA)
        assert list(record)[: len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)
        assert "\\u" not in line  # UTF-8, not escapes


def test_every_field_equals_the_ground_truth(crawl, truth, replica):
    for item in crawl.items:
        true = truth["articles"][item["id"]]
        assert item["aggregator"] == "daily8"
        assert item["url"].endswith(true["path"])
        for field in ("source", "title", "category", "hashtags", "language", "related"):
            assert item[field] == true[field], (item["id"], field, item[field], true[field])
        assert item["body"] == true["body"], item["id"]


def test_published_at_equals_the_truth_at_its_precision(crawl, truth):
    for item in crawl.items:
        true = truth["articles"][item["id"]]
        assert item["published_precision"] == true["published_precision"], item["id"]
        if true["published_at"] is None:
            assert item["published_at"] is None
            continue
        got = datetime.fromisoformat(item["published_at"].replace("Z", "+00:00"))
        want = datetime.fromisoformat(true["published_at"].replace("Z", "+00:00"))
        cut = TRUNCATE[item["published_precision"]]
        assert got.isoformat()[:cut] == want.isoformat()[:cut], item["id"]
        assert got == want, item["id"]


def test_an_outlet_ending_in_a_digit_glued_to_its_age_is_split_as_the_site_prints(
    crawl, site, replica
):
    """``Channel 410 hours ago`` on the page: ``Channel 4``, published 10 hours before."""
    (article,) = [a for a in site.articles.values() if a.source == "Channel 4"]
    with urllib.request.urlopen(replica.base_url + article.path, timeout=10) as reply:
        page = Selector(text=reply.read().decode())
    header = "".join(page.css(".meta ::text").getall())
    age = re.fullmatch(r"Channel 4(\d+ hours ago)", header)
    assert age, header  # the glue the site prints, with two ways to read the digits
    (item,) = [i for i in crawl.items if i["id"] == article.id]
    assert (item["source"], item["published_raw"]) == ("Channel 4", age[1])
    hours = int(age[1].split()[0])
    assert item["published_at"] == to_iso_z(site.clock - timedelta(hours=hours))


def test_crawled_at_is_the_replicas_date_header(crawl, truth):
    assert {item["crawled_at"] for item in crawl.items} == {truth["clock"].replace("+00:00", "Z")}


def test_no_chrome_or_noise_line_in_any_exported_text(crawl):
    chrome = {line.casefold() for c in PROFILE.chrome.values() for line in c.block}
    chrome |= {"logo", "orange background", "#", "time", "link copied", "article content"}
    glued = re.compile(
        r"opens new tab|advertisement[A-Z]|\.advertisement|Show all \d+|%3C|podcastchoices"
    )
    for item in crawl.items:
        for text in (item["title"], item["body"]):
            for line in text.split("\n"):
                assert line.strip().casefold() not in chrome, (item["id"], line)
                assert not glued.search(line), (item["id"], line)
        assert not item["title"].endswith("(cloned)")


def test_found_via_names_a_page_that_links_to_the_article(crawl, truth):
    for item in crawl.items:
        via = item["found_via"]
        assert via["kind"] in ("listing", "related")
        if via["kind"] == "related":
            referrer = via["url"].rsplit("/", 1)[-1]
            assert item["id"] in truth["articles"][referrer]["related"]


def test_missing_parts_are_handled(crawl_a, truth):
    dropped = [a for a in truth["articles"].values() if a.get("expect_dropped")]
    exported = {item["id"] for item in crawl_a.items}
    assert dropped and not exported & {a["id"] for a in dropped}
    assert crawl_a.summary["dropped_by_reason"].get("missing_body", 0) >= 1
    unreadable = [i for i in crawl_a.items if i["published_raw"] == "Invalid date"]
    assert unreadable and all(i["published_at"] is None for i in unreadable)
    assert crawl_a.summary["times_unreadable"] >= len(unreadable)
    assert "Invalid date" in crawl_a.log


@pytest.mark.parametrize("depth", [0, 2])
def test_related_articles_are_followed_to_the_depth_and_no_further(
    depth, replica, site, truth, tmp_path
):
    result = run_crawl(replica, start_paths(truth), tmp_path, args={"related_depth": depth})
    assert result.returncode == 0, result.log[-3000:]
    assert {i["id"] for i in result.items} == site.expected_ids(start_paths(truth), depth)


def test_default_export_lands_under_exports_with_a_summary(replica, truth, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports"), "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "daily8",
        "-s",
        "NEWSBOT_ENV=test",
        "-a",
        f"start_urls={replica.base_url}/en",
        "-a",
        "related_depth=0",
        "-a",
        "max_articles=5",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
    ]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = tmp_path / "exports" / "daily8"
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2, files
    export, summary = folder / files[0], folder / files[1]
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}\.jsonl", export.name)  # time-run id
    assert summary.name == export.name.replace(".jsonl", ".summary.json")
    assert len(export.read_text(encoding="utf-8").splitlines()) == 5
    meta = json.loads(summary.read_text())
    assert meta["items"] == 5 and meta["finish_reason"] == "finished"
    started = datetime.strptime(export.name[:16], "%Y%m%dT%H%M%SZ")
    assert started.year >= 2026


def test_since_skips_older_articles(replica, site, truth, tmp_path):
    since = datetime(2026, 11, 25, 0, 0, tzinfo=timezone.utc)
    result = run_crawl(
        replica, start_paths(truth), tmp_path, args={"since": "2026-11-25T00:00:00Z"}
    )
    assert result.returncode == 0
    assert result.items
    for item in result.items:
        if item["published_at"]:
            at = datetime.fromisoformat(item["published_at"].replace("Z", "+00:00"))
            assert not older_than(at, item["published_precision"], since), item
    everything = site.expected_ids(start_paths(truth), 1)
    assert len(result.items) < len(everything)
