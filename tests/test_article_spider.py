"""``scrapy crawl article``: any publisher's article pages, crawled as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from parsel import Selector

from newsbot.items import EXPORT_FIELDS
from newsbot.publisher import (
    canonical_page_url,
    host_name,
    language_code,
    normalized_url,
    page_id,
    publisher_item,
)
from newsbot.spiders.arguments import ArgumentError, parse_page_arguments
from tests.conftest import ROOT
from tests.publisher_site import CLOCK, PAGES, PublisherServer, gazette_page

SCHEMA = json.loads((ROOT / "newsbot" / "article.schema.json").read_text())
FUNDUS = ROOT.parent / "shared" / "reference" / "extraction" / "fundus-eval" / "html"


def crawl(
    tmp: Path,
    args: dict[str, str],
    *,
    export: bool = True,
    timeout: int = 300,
    settings: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    tmp.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "scrapy", "crawl", "article", "-s", "NEWSBOT_ENV=test",
               "-s", f"NEWSBOT_SEEN_STORE={tmp / 'seen.sqlite'}",
               "-s", f"LOG_FILE={tmp / 'crawl.log'}"]  # fmt: skip
    if export:
        command += ["-O", str(tmp / "items.jsonl")]
    for key, value in args.items():
        command += ["-a", f"{key}={value}"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(tmp / "exports")}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def publishers():
    with PublisherServer() as server:
        yield server


@pytest.fixture(scope="module")
def start_crawl(publishers, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("article")
    given = [publishers.base_url + page["path"] for page in PAGES.values()]
    given += [publishers.base_url + "/files/report.pdf", publishers.base_url + "/gone.html"]
    proc = crawl(tmp, {"start_urls": ",".join(given)})
    log = (tmp / "crawl.log").read_text(encoding="utf-8") if (tmp / "crawl.log").exists() else ""
    items = records(tmp / "items.jsonl") if (tmp / "items.jsonl").exists() else []
    summary_file = tmp / "items.summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {}
    return proc, items, log + proc.stderr, summary


def _by_title(items: list[dict]) -> dict[str, dict]:
    return {item["title"]: item for item in items}


def test_crawl_reads_every_article_page_once(start_crawl):
    proc, items, log, _ = start_crawl
    assert proc.returncode == 0, log[-3000:]
    assert sorted(i["title"] for i in items) == sorted(p["title"] for p in PAGES.values())
    assert "Traceback" not in log


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_field_of_a_record(start_crawl, publishers, name):
    _, items, log, _ = start_crawl
    page = PAGES[name]
    item = _by_title(items).get(page["title"])
    assert item is not None, (name, [i["title"] for i in items], log[-2000:])
    base = publishers.base_url
    assert item["url"] == base + page["url"]
    assert item["id"] == page_id(base + page["url"])
    assert re.fullmatch(r"[0-9a-f]{32}", item["id"])
    assert item["aggregator"] is None
    assert item["source"] == page["source"]
    assert item["body"] == "\n\n".join(page["body"]), item["body"]
    assert item["category"] == page["category"]
    assert item["hashtags"] == [] and item["related"] == []
    assert item["language"] == page["language"]
    assert item["crawled_at"] == "2026-11-25T12:00:00Z"  # the response's Date
    assert item["found_via"] == {"kind": "start", "url": base + page["path"]}


# the time a page states: JSON-LD, microdata <time datetime>, a printed date line
@pytest.mark.parametrize("name", sorted(PAGES))
def test_published_time_of_a_record(start_crawl, name):
    _, items, _, _ = start_crawl
    page = PAGES[name]
    item = _by_title(items)[page["title"]]
    assert item["published_at"] == page["published_at"], item["published_raw"]
    assert item["published_precision"] == page["published_precision"]
    assert item["published_raw"]


def test_records_match_the_schema_and_field_order(start_crawl):
    _, items, _, _ = start_crawl
    assert items
    for record in items:
        jsonschema.validate(record, SCHEMA)
        assert list(record)[: len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)


def test_unreadable_and_failed_pages_are_counted_and_logged(start_crawl, publishers):
    _, _, log, summary = start_crawl
    assert summary["pages_unparseable"] == 1
    assert summary["failed_by_kind"] == {"http_404": 1}
    pdf = publishers.base_url + "/files/report.pdf"
    assert re.search(rf"Could not parse {re.escape(pdf)}: not an HTML page", log)
    assert re.search(rf"Failed {re.escape(publishers.base_url)}/gone.html: http_404", log)


def test_urls_file_and_default_export(publishers, tmp_path):
    base = publishers.base_url
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# pages to read\n\n"
        f"{base}{PAGES['gazette']['path']}\n"
        f"   {base}{PAGES['courier']['path']}   \n"
        "# the same gazette article, from another newsletter: one record\n"
        f"{base}/news/2026/11/council-delays-vote-on-harbour-toll?utm_medium=email\n",
        encoding="utf-8",
    )
    proc = crawl(tmp_path, {"urls_file": str(listing)}, export=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    folder = tmp_path / "exports" / "article"
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2 and re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}\.jsonl", files[0]), files
    got = records(folder / files[0])
    assert sorted(r["title"] for r in got) == sorted(
        [PAGES["gazette"]["title"], PAGES["courier"]["title"]]
    )
    summary = json.loads((folder / files[1]).read_text())
    assert summary["items"] == 2 and summary["dropped_by_reason"] == {"duplicate": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({}, "start_urls: no URL given"),
        ({"start_urls": " , "}, "start_urls: empty item"),
        ({"start_urls": "file:///etc/passwd"}, "start_urls: 'file:///etc/passwd'"),
        ({"urls_file": "/nonexistent/urls.txt"}, "urls_file: cannot read"),
    ],
)
def test_bad_arguments_stop_before_any_request(publishers, tmp_path, args, message):
    before = len(publishers.requests)
    proc = crawl(tmp_path, args)
    assert proc.returncode != 0
    log = tmp_path / "crawl.log"
    assert message in proc.stderr + (log.read_text() if log.exists() else "")
    assert len(publishers.requests) == before


def test_urls_file_names_a_bad_line(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# ok\nhttps://example.org/a\nexample.org/b\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match=r"urls_file: 'example.org/b'.*line 3"):
        parse_page_arguments(start_urls=None, urls_file=str(listing))
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match=r"urls_file: '.*empty.txt' holds no URL"):
        parse_page_arguments(start_urls=None, urls_file=str(empty))  # the file is named
    args = parse_page_arguments(start_urls="https://example.org/a", urls_file=str(empty))
    assert args.start_urls == ("https://example.org/a",)  # an empty file beside start_urls
    with pytest.raises(ArgumentError, match="urls_file: cannot read"):
        parse_page_arguments(start_urls="https://example.org/a", urls_file=str(tmp_path))


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("https://example.org/a https://example.org/b", "holds a space"),
        ("https://example.org/a,https://example.org/b", "holds more than one URL"),
        ("https://editor:s3cret@example.org/a", "a URL with a user name or password"),
    ],
)
def test_urls_file_names_a_line_that_is_not_one_plain_url(tmp_path, line, said):
    """ops round 12: two URLs on a line were fetched as one mangled URL (a 404, exit 4); a URL
    with a password failed at download with the password in the log and the summary."""
    listing = tmp_path / "urls.txt"
    listing.write_text(f"https://example.org/c\n{line}\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match="line 2") as refused:
        parse_page_arguments(start_urls=None, urls_file=str(listing))
    assert said in str(refused.value) and "s3cret" not in str(refused.value)


def test_urls_file_takes_a_note_after_a_url(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.org/a  # the council story\n", encoding="utf-8")
    args = parse_page_arguments(start_urls=None, urls_file=str(listing))
    assert args.start_urls == ("https://example.org/a",)


def test_arguments_combine_start_urls_and_file_once(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.org/b\nhttps://example.org/a\n", encoding="utf-8")
    args = parse_page_arguments(
        start_urls="https://example.org/a", urls_file=str(listing), max_articles="5"
    )
    assert args.start_urls == ("https://example.org/a", "https://example.org/b")
    assert args.max_articles == 5


def test_page_identity_helpers():
    assert (
        normalized_url("HTTPS://News.Example.COM:443/a/b?utm_source=x&id=7&fbclid=1#c")
        == "https://news.example.com/a/b?id=7"
    )
    assert (
        normalized_url("http://example.com:8080/x?b=1&a=2") == "http://example.com:8080/x?b=1&a=2"
    )
    page = "https://example.com/story?id=7&utm_campaign=z"
    assert canonical_page_url("/story/7", page) == "https://example.com/story/7"
    assert canonical_page_url("javascript:void(0)", page) == "https://example.com/story?id=7"
    assert canonical_page_url(None, page) == "https://example.com/story?id=7"
    # a template's home-page canonical is not the article's address
    assert canonical_page_url("https://example.com/", page) == "https://example.com/story?id=7"
    assert canonical_page_url("/", "https://example.com/?p=1") == "https://example.com/"
    assert page_id("https://example.com/story/7#x") == page_id("HTTPS://EXAMPLE.com/story/7")
    assert page_id("https://example.com/story/7") != page_id("https://example.com/story/8")
    assert host_name("https://www.example.co.uk/x") == "example.co.uk"
    assert language_code("en-GB") == "en" and language_code("pt_BR") == "pt"
    assert language_code("") is None and language_code("english please") is None


def test_the_page_to_item_path_needs_no_crawler():
    url = "http://127.0.0.1:9/news/2026/11/council-delays-vote-on-harbour-toll?utm_source=x"
    item = publisher_item(
        Selector(text=gazette_page()), url, anchor=CLOCK, found_via={"kind": "listing", "url": "u"}
    )
    assert item["url"] == "http://127.0.0.1:9/news/2026/11/council-delays-vote-on-harbour-toll"
    assert item["title"] == PAGES["gazette"]["title"]
    assert item["source"] == "Harbour Gazette" and item["aggregator"] is None
    assert item["time_candidates"] and item["crawled_at"] == "2026-11-25T12:00:00Z"
    assert item["found_via"] == {"kind": "listing", "url": "u"}


def test_real_pages_through_loopback(tmp_path):
    """A few real pages (fundus-eval), served gzipped as stored, read where they are."""
    if not FUNDUS.is_dir():
        pytest.skip(f"{FUNDUS} is absent (the shared reference material is not here)")
    stored = sorted(FUNDUS.glob("*.html.gz"))
    names = [p.name.removesuffix(".html.gz") for p in stored][::9]  # ~9 pages, several sites
    assert len(names) >= 5
    with PublisherServer(pages={}, gzip_dir=FUNDUS) as server:
        given = [f"{server.base_url}/real/{name}" for name in names]
        proc = crawl(tmp_path, {"start_urls": ",".join(given)})
    log = (tmp_path / "crawl.log").read_text(encoding="utf-8")
    assert proc.returncode == 0, log[-3000:]
    assert "Traceback" not in log and "Could not parse" not in log
    got = records(tmp_path / "items.jsonl")
    by_via = {r["found_via"]["url"]: r for r in got}
    assert set(by_via) == set(given), sorted(set(given) - set(by_via))
    for url, record in by_via.items():
        assert record["title"].strip(), url
        assert len(record["body"]) > 200, (url, record["body"][:300])
        jsonschema.validate(record, SCHEMA)


def _charset_page(title: str, body: list[str]) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        "<!doctype html><html lang='en'><head><title>" + title + "</title></head><body>"
        "<main><article><h1>" + title + "</h1>" + paras + "</article></main></body></html>"
    )


CHARSET_TITLE = "Café owners ‘delighted’ with the naïve bridge design"
CHARSET_BODY = [
    "The café on the quay will reopen its terrace in March, after the council approved the "
    "footbridge’s “naïve” design by nine votes to two.",
    "Owners said the crossing would bring walkers from the station straight to the old "
    "harbour, where trade has fallen since the ferry stopped running.",
]


def test_pages_that_lie_about_their_charset_are_read_as_the_bytes_say(tmp_path):
    """ops round 5: the article spider read pages by the charset they declared, so a
    Windows-1252 page served as UTF-8 came out full of U+FFFD and a UTF-8 page served as
    ISO-8859-1 as mojibake (`CafÃ©`), with nothing logged. They are decoded as the aggregator
    spiders decode theirs: corrected, counted and logged."""
    from tests.publisher_site import routes

    html = _charset_page(CHARSET_TITLE, CHARSET_BODY)
    pages = {
        **routes(),
        "/cp1252-as-utf8": (200, "text/html; charset=utf-8", html.encode("cp1252"), {}),
        "/utf8-as-latin1": (200, "text/html; charset=iso-8859-1", html.encode("utf-8"), {}),
    }
    with PublisherServer(pages) as server:
        given = [server.base_url + "/cp1252-as-utf8", server.base_url + "/utf8-as-latin1"]
        proc = crawl(tmp_path, {"start_urls": ",".join(given)}, settings={"STATS_DUMP": "True"})
    log = (tmp_path / "crawl.log").read_text(encoding="utf-8")
    assert proc.returncode == 0, log[-3000:] + proc.stderr[-2000:]
    items = records(tmp_path / "items.jsonl")
    assert len(items) == 2
    for item in items:
        assert item["title"] == CHARSET_TITLE, item["url"]
        assert item["body"] == "\n\n".join(CHARSET_BODY), item["url"]
    assert log.count("Text damage in") == 2
    assert "'newsbot/text/damaged_pages': 2" in log


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/en;https://example.org/en/hashtag/Politics",
        "https://example.org/en|https://example.org/ar",
        "https://example.org/enhttps://example.org/ar",
    ],
)
def test_two_urls_written_as_one_are_refused(value):
    """ops round 7: `URL1;URL2` was crawled as one URL with the second in its path (a 404)."""
    with pytest.raises(ArgumentError, match=r"holds two URLs: one URL each \(commas between"):
        parse_page_arguments(start_urls=value, urls_file=None)


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/go?u=https://example.org/a",  # a query's value
        "https://web.archive.org/web/2026/https://example.org/a",  # a path that holds one
    ],
)
def test_a_url_holding_another_as_a_value_or_a_path_is_kept(value):
    assert parse_page_arguments(start_urls=value, urls_file=None).start_urls == (value,)
