"""The README's "Adding an aggregator", followed literally: a third, tiny site is registered
with a profile only (in a copy of settings/ named by NEWSBOT_SETTINGS_DIR; no code changes)
and crawled with ``scrapy crawl <name>`` in a subprocess. The profile is the README's own text.

The tiny site ("Lantern Wire") is made up and served by this test on 127.0.0.1 with markup of
its own: listings of cards with "Older stories" pagination, article pages with a byline line,
its own interface text ("Share this story", "Pin for later", ...), a "Keep reading" related
section, ids such as ``lw-0007`` (not hex), and times printed in Tokyo time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT

NAME = "lanternwire"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)  # the Date every response carries
CHROME = ["Share this story", "Pin for later", "Write to the desk", "Keep reading"]
# id -> (title, outlet, printed time, published_at expected, paragraphs, related ids)
STORIES = {
    f"lw-{n:04d}": (
        title,
        outlet,
        printed,
        expected,
        [
            f"{title} was the talk of the harbour district on {day} morning.",
            f"Officials from {outlet} said the plan would be reviewed within the month.",
            "Residents who spoke at the meeting asked for more notice next time.",
        ],
        related,
    )
    for n, (title, outlet, printed, expected, day, related) in enumerate(
        [
            ("Ferry timetable changes for winter", "Harbour Gazette", "3 hours ago",
             "2026-11-25T09:00:00Z", "Tuesday", ["lw-0002", "lw-0003"]),
            ("New lamps for the old pier", "Coastline Daily", "45 minutes ago",
             "2026-11-25T11:15:00Z", "Wednesday", ["lw-0001"]),
            ("Market hall roof repaired", "Harbour Gazette", "2026/11/20 09:30",
             "2026-11-20T00:30:00Z", "Thursday", ["lw-0004"]),
            ("Library opens a night reading room", "Bayside Post", "2 days ago",
             "2026-11-23T12:00:00Z", "Friday", []),
            ("Lighthouse keeper retires after forty years", "Coastline Daily", "5 hours ago",
             "2026-11-25T07:00:00Z", "Monday", ["lw-0001"]),
        ],
        1,
    )
}  # fmt: skip
PAGES = [["lw-0001", "lw-0002", "lw-0003"], ["lw-0004", "lw-0005"]]


def _listing(page: int) -> str:
    cards = "".join(
        f'<div class="card"><a class="headline" href="/story/{sid}">{STORIES[sid][0]}</a>'
        f'<div class="meta">{STORIES[sid][1]} &middot; {STORIES[sid][2]}</div></div>'
        for sid in PAGES[page - 1]
    )
    more = (
        f'<a class="more" href="/wire?p={page + 1}">Older stories</a>' if page < len(PAGES) else ""
    )
    return (
        "<!doctype html><html><head><title>Lantern Wire</title></head><body>"
        '<div class="top"><a href="/wire">Lantern Wire</a></div>'
        f'<section class="stream"><h2>On the wire</h2>{cards}</section>{more}'
        "<div class='bottom'>© Lantern Wire</div></body></html>"
    )


def _article(sid: str) -> str:
    title, outlet, printed, _, paragraphs, related = STORIES[sid]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    links = "".join(
        f'<div class="tease"><a href="/story/{r}">{STORIES[r][0]}</a>'
        f'<div class="meta">{STORIES[r][1]} &middot; {STORIES[r][2]}</div></div>'
        for r in related
    )
    keep = f'<div class="more-box"><h3>Keep reading</h3>{links}</div>' if related else ""
    return (
        f"<!doctype html><html><head><title>{title} | Lantern Wire</title></head><body>"
        '<div class="top"><a href="/wire">Lantern Wire</a></div>'
        f'<div class="story"><h1>{title}</h1>'
        f'<div class="byline">{outlet} &middot; {printed}</div>'
        f'<div class="text">{body}</div>'
        '<div class="tools"><div>Share this story</div><div>Pin for later</div>'
        "<div>Write to the desk</div></div>"
        f"{keep}</div>"
        "<div class='bottom'>© Lantern Wire</div></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, query = self.path.partition("?")
        if path == "/wire":
            page = int(query.split("=")[1]) if query.startswith("p=") else 1
            self._send(200, _listing(page))
        elif path.startswith("/story/") and path[len("/story/") :] in STORIES:
            self._send(200, _article(path[len("/story/") :]))
        else:
            self._send(404, "<html><body>not here</body></html>")

    def _send(self, status: int, html: str) -> None:
        body = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(NOW, usegmt=True)  # a fixed clock: ages have one right answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def profile_text(base_url: str) -> str:
    """The profile exactly as the README's "Adding an aggregator" shows it, with the host this
    test serves the site on in place of ``lanternwire.example``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Adding an aggregator") :]
    block = section[section.index("```toml\n") + len("```toml\n") :]
    block = block[: block.index("```")]
    assert f'name = "{NAME}"' in block and "lanternwire.example" in block
    block = block.replace("https://lanternwire.example", base_url)
    return block.replace('"lanternwire.example"', '"127.0.0.1"')


@pytest.fixture(scope="module")
def settings_dir(site, tmp_path_factory) -> Path:
    """A copy of the shipped settings/ plus the new profile: no code, no shipped file edited."""
    folder = tmp_path_factory.mktemp("settings")
    shutil.copytree(ROOT / "settings", folder, dirs_exist_ok=True)
    (folder / f"{NAME}.toml").write_text(profile_text(site), encoding="utf-8")
    return folder


def scrapy(settings_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "NEWSBOT_SETTINGS_DIR": str(settings_dir),
        "NEWSBOT_EXPORTS_DIR": str(tmp_path / "exports"),
        "NEWSBOT_ENV": "test",
    }
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_new_profile_is_a_spider(settings_dir, tmp_path):
    listed = scrapy(settings_dir, tmp_path, "list")
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert NAME in listed.stdout.split() and "daily8" in listed.stdout.split()
    # a misspelt name still gets the one-line error, now suggesting the new site
    wrong = scrapy(settings_dir, tmp_path, "crawl", "lanternwyre")
    assert wrong.returncode == 2
    assert f"did you mean '{NAME}'" in wrong.stderr.strip().splitlines()[-1]


def test_scrapy_crawl_exports_the_sites_records(settings_dir, tmp_path):
    # the README's check, step 2: scrapy crawl <name> -a max_articles=20 -O /tmp/check.jsonl
    check = tmp_path / "check.jsonl"
    done = scrapy(
        settings_dir,
        tmp_path,
        *("crawl", NAME, "-a", "max_articles=20", "-O", str(check)),
        *("-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in check.read_text().splitlines()]
    by_id = {r["id"]: r for r in records}
    assert sorted(by_id) == sorted(STORIES)  # every story once, ids by the site's own pattern
    for sid, (title, outlet, printed, expected, paragraphs, related) in STORIES.items():
        record = by_id[sid]
        assert record["aggregator"] == NAME
        assert record["url"].endswith(f"/story/{sid}")
        assert record["title"] == title
        assert record["source"] == outlet
        assert record["body"] == "\n\n".join(paragraphs)  # the site's chrome labels are gone
        assert not any(label in record["body"] for label in CHROME)
        assert record["published_raw"] == printed
        assert record["published_at"] == expected  # ages at the Date header, dates in Tokyo
        assert record["related"] == related
