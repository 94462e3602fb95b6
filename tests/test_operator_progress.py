"""Progress while crawling, as an operator sees it: log lines every few seconds, a live bar
only on a terminal; and ``max_articles`` stops listing pagination."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from urllib.parse import urlsplit

from newsbot.extensions.progress import progress_line
from newsbot.replica import build_site
from newsbot.replica.faults import FaultServer
from tests.conftest import CLOCK, ROOT


def _command(server, tmp_path, *extra):
    return [sys.executable, "-m", "scrapy", "crawl", "daily8", "-s", "NEWSBOT_ENV=test",
            "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
            "-O", str(tmp_path / "out.jsonl"), "-a", f"start_urls={server.base_url}/en",
            "-a", f"mirror_hosts={urlsplit(server.mirror_url).netloc}", *extra]  # fmt: skip


def _env():
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_progress_line_counts_and_rates():
    before = {"pages": 10, "articles": 5, "dropped": 0, "failed": 0, "waiting": 3}
    now = {"pages": 1234, "articles": 1105, "dropped": 2, "failed": 1, "waiting": 40}
    line = progress_line(now, before, 10.0)
    assert line == ("Progress: 1,234 pages (122.4/s), 1,105 articles exported (110.0/s), "
                    "2 dropped, 1 failed, 40 requests waiting")  # fmt: skip


def test_progress_lines_during_a_short_crawl_and_no_bar_without_a_terminal(tmp_path):
    site = build_site(seed=8, articles=60, clock=CLOCK)
    with FaultServer(site) as server:
        proc = subprocess.run(
            _command(server, tmp_path, "-s", "NEWSBOT_PROGRESS_INTERVAL=0.5",
                     "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS=1"),
            cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [line for line in proc.stderr.splitlines() if "Progress: " in line]
    assert len(lines) >= 2, proc.stderr[-3000:]
    pages = [int(re.search(r"Progress: ([\d,]+) pages", x)[1].replace(",", "")) for x in lines]
    assert pages == sorted(pages) and pages[-1] > 0
    assert "Crawled 0 pages" not in proc.stderr  # Scrapy's LogStats is replaced
    assert "\r" not in proc.stderr  # no bar: stderr is not a terminal


def test_live_bar_when_stderr_is_a_terminal(tmp_path):
    site = build_site(seed=8, articles=40, clock=CLOCK)
    with FaultServer(site) as server:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 120 columns
        proc = subprocess.Popen(
            _command(server, tmp_path, "-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS=1"),
            cwd=ROOT, env=_env(), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=slave,
        )  # fmt: skip
        os.close(slave)
        seen = b""
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        proc.wait(timeout=120)
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, text[-3000:]
    exported = len((tmp_path / "out.jsonl").read_text().splitlines())
    assert f"{exported} articles" in text and "pages" in text  # the bar's last state
    assert "\r" in text  # redrawn in place
    assert "[scrapy.core.engine] INFO: Spider closed" in text  # log lines still shown


def test_max_articles_stops_listing_pagination(tmp_path):
    site = build_site(seed=8, articles=400, clock=CLOCK)
    with FaultServer(site) as server:
        proc = subprocess.run(
            _command(server, tmp_path, "-a", "max_articles=5", "-a", "related_depth=0"),
            cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        paths = [key for _, key, _, _ in server.log]
    listing_pages = [p for p in paths if p.startswith("/en") and "/article/" not in p]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 5
    assert listing_pages == ["/en"], listing_pages  # the first page held enough entries
    assert sum("/article/" in p for p in paths) == 5
    assert "Stopping" in proc.stderr and "max_articles=5" in proc.stderr


def test_dropped_counts_what_the_report_counts_not_unchanged_articles():
    """ops round 9: an incremental re-run showed "174 dropped" (its unchanged articles,
    which Scrapy counts as dropped items) while the report said "Dropped 1"."""
    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.test import get_crawler

    from newsbot import stats as names
    from newsbot.extensions.progress import Counts

    stats = MemoryStatsCollector(get_crawler())
    stats.set_value("item_dropped_count", 175)
    stats.set_value("item_dropped_reasons_count/DropItem", 175)
    stats.set_value(names.DROPPED + "/missing body", 1)
    assert Counts(stats).read()["dropped"] == 1


def test_a_progress_interval_that_would_flood_the_log_is_one_line(tmp_path):
    with FaultServer(build_site(seed=8, articles=12, clock=CLOCK)) as server:
        proc = subprocess.run(
            _command(server, tmp_path, "-s", "NEWSBOT_PROGRESS_INTERVAL=0.001"),
            cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert proc.returncode == 2, proc.stderr[-2000:]
    last = proc.stderr.strip().splitlines()[-1]
    assert "NEWSBOT_PROGRESS_INTERVAL='0.001'" in last and "floods the log" in last, last
    assert "Traceback" not in proc.stderr
