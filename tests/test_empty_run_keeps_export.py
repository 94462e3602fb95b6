"""``-O`` onto yesterday's export with the site down (or a wrong address): the run reads
nothing, so the good file is kept as it was, and the report and summary say so. So is it
after an incremental run that found nothing new: the seen-store would never export those
articles again. A run that exported something replaces the file as ``-O`` says."""

from __future__ import annotations

import json
import socket
from types import SimpleNamespace

import pytest

from newsbot import stats as names
from newsbot.feeds import dropped_everything, found_no_article, read_nothing
from newsbot.replica import ReplicaServer
from tests.conftest import ROOT, run_crawl


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_run_that_reads_nothing_keeps_the_previous_export(tmp_path):
    dead = SimpleNamespace(base_url=f"http://127.0.0.1:{closed_port()}", mirror_url=None)
    previous = '{"id": "a1", "title": "Yesterday"}\n{"id": "b2", "title": "Also yesterday"}\n'
    (tmp_path / "items.jsonl").write_text(previous, encoding="utf-8")
    result = run_crawl(dead, ["/en"], tmp_path, settings={"RETRY_TIMES": 0})
    assert result.returncode == 4, result.log[-3000:]
    assert (tmp_path / "items.jsonl").read_text(encoding="utf-8") == previous
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
    assert "Exported nothing: kept the previous" in result.log
    assert result.summary["export_kept_previous"] is True
    assert "Traceback" not in result.log  # a refused connection is one line


def test_a_run_that_read_something_replaces_the_export(replica, tmp_path):
    (tmp_path / "items.jsonl").write_text('{"id": "old"}\n', encoding="utf-8")
    result = run_crawl(replica, ["/en"], tmp_path, args={"max_articles": 3})
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == 3 and all(item["id"] != "old" for item in result.items)
    assert result.summary["export_kept_previous"] is False


def test_an_incremental_run_with_nothing_new_keeps_the_previous_export(replica, tmp_path):
    """ops round 7: the second run of `-O latest.jsonl` skipped every article as seen and
    replaced the first run's records with an empty file, exit 0; the seen-store would never
    export them again. The file stays, exit 0, and the report and summary say why."""
    as_json = tmp_path / "latest.json"  # a second feed, a format that writes `[]` when empty
    feeds = {str(as_json): {"format": "json", "overwrite": True}}
    incremental = {"NEWSBOT_INCREMENTAL": True, "FEEDS": json.dumps(feeds)}
    first = run_crawl(replica, ["/en"], tmp_path, args={"max_articles": 4}, settings=incremental)
    assert first.returncode == 0 and len(first.items) == 4, first.log[-3000:]
    exported = (tmp_path / "items.jsonl").read_bytes()
    assert len(json.loads(as_json.read_text(encoding="utf-8"))) == 4
    exported_json = as_json.read_bytes()
    again = run_crawl(replica, ["/en"], tmp_path, args={"max_articles": 4}, settings=incremental)
    assert again.returncode == 0, again.log[-3000:]
    assert (tmp_path / "items.jsonl").read_bytes() == exported
    assert as_json.read_bytes() == exported_json  # not `[]`
    assert "found nothing new (4 skipped as seen" in again.log
    assert again.summary["export_kept_previous"] is True and again.summary["items"] == 0
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_a_run_whose_listings_lead_to_no_article_keeps_the_previous_export(site, tmp_path):
    """ops round 8: the pages answered but their listings held no links (built by script, or
    the wrong site for the spider): 103 records were replaced by an empty file, exit 4."""
    previous = '{"id": "a1", "title": "Yesterday"}\n'
    (tmp_path / "items.jsonl").write_text(previous, encoding="utf-8")
    with ReplicaServer(site, theme="script") as script_only:
        result = run_crawl(script_only, ["/en"], tmp_path)
    assert result.returncode == 4, result.log[-3000:]  # "articles found" fails the run
    assert (tmp_path / "items.jsonl").read_text(encoding="utf-8") == previous
    assert "its listings led to no article" in result.log
    assert result.summary["export_kept_previous"] is True
    found = {names.LISTING_PAGES: 1, "downloader/response_count": 2}
    assert found_no_article(found, 1) and not found_no_article(found, 0)
    assert not found_no_article({**found, names.ARTICLES_SCHEDULED: 3}, 1)
    assert not found_no_article({**found, names.SKIPPED_SEEN: 3}, 1)  # nothing new, not none
    assert not found_no_article({}, 1)  # no page answered: not this case


def test_what_counts_as_reading_nothing():
    failed = {names.PAGES_FAILED: 2}
    assert read_nothing(failed)
    # nothing failed and its pages answered: an empty site, the empty file is its answer
    assert not read_nothing({"downloader/response_count": 3})
    assert read_nothing({})  # no page answered and none failed: stopped before the first
    assert not read_nothing({**failed, "item_scraped_count": 1})
    assert not read_nothing({**failed, "item_dropped_count": 1})
    assert not read_nothing({**failed, names.SKIPPED_SEEN: 4})  # all seen: nothing new
    assert not read_nothing({**failed, names.INCREMENTAL + "unchanged": 4})
    # stopped (a CLOSESPIDER_* limit, Ctrl-C) before any article it asked for was read
    asked = {names.ARTICLES_SCHEDULED: 30}
    assert read_nothing(asked)
    assert not read_nothing({**asked, names.key("skipped/older_than_since"): 30})


@pytest.mark.parametrize(
    "limit",
    [{"CLOSESPIDER_PAGECOUNT": 1}, {"CLOSESPIDER_TIMEOUT": 0.001}],
    ids=["stopped-before-any-article", "stopped-before-any-page-answered"],
)
def test_a_run_stopped_before_it_read_anything_keeps_the_previous_export(replica, tmp_path, limit):
    """The blind operator's `-O latest.jsonl -s CLOSESPIDER_PAGECOUNT=1`: the run read the
    listing, asked for its articles and was stopped before any. Operator round 10's
    `-s CLOSESPIDER_TIMEOUT=0.3` on a busy machine ended before any page answered (0 pages
    failed, 0 articles asked for) and was taken for an empty site: yesterday's 103 records
    became an empty file. In both, yesterday's file stays."""
    previous = '{"id": "a1", "title": "Yesterday"}\n'
    (tmp_path / "items.jsonl").write_text(previous, encoding="utf-8")
    result = run_crawl(replica, ["/en"], tmp_path, settings=limit)
    assert result.returncode == 4, result.log[-3000:]
    assert (tmp_path / "items.jsonl").read_text(encoding="utf-8") == previous
    assert result.summary["export_kept_previous"] is True
    assert "Exported nothing: kept the previous" in result.log


def test_a_rule_that_drops_every_article_keeps_the_export_and_is_named(replica, tmp_path):
    """An operator's noise rule written too wide (`.+`) empties every body: each drop names
    the rule that emptied it (not "missing body"), and yesterday's file is not blanked."""
    noise = tmp_path / "noise.toml"
    wide = '\n[[rule]]\nid = "everything"\nkind = "line"\npatterns = [".+"]\n'
    noise.write_text((ROOT / "settings" / "noise.toml").read_text(encoding="utf-8") + wide)
    previous = '{"id": "a1", "title": "Yesterday"}\n'
    (tmp_path / "items.jsonl").write_text(previous, encoding="utf-8")
    result = run_crawl(
        replica,
        ["/en"],
        tmp_path,
        args={"max_articles": 4},
        settings={"NEWSBOT_NOISE_FILE": noise, "NEWSBOT_HEALTH_MIN_SAMPLE": 1},
    )
    assert result.returncode == 4, result.log[-3000:]
    assert (tmp_path / "items.jsonl").read_text(encoding="utf-8") == previous
    assert result.summary["export_kept_previous"] is True
    assert "dropped every article it read" in result.log
    assert "body all noise (lines removed by outlet:everything: " in result.log
    assert result.summary["dropped_by_reason"].get("body_all_noise", 0) >= 4
    assert "missing_body" not in result.summary["dropped_by_reason"]


def test_a_run_that_dropped_every_article_it_read():
    dropped = {"item_dropped_count": 3}
    assert dropped_everything(dropped)
    assert not dropped_everything({})  # read nothing: read_nothing's case
    assert not dropped_everything({**dropped, "item_scraped_count": 1})
    assert not dropped_everything({**dropped, names.SKIPPED_SEEN: 2})  # the rest was seen
    assert not dropped_everything({**dropped, names.key("skipped/older_than_since"): 2})
