"""Rendering cost: pages per second and the crawl's peak memory while Chromium renders pages.

    python -m benchmarks.render --pages 500 [--every 100] [--browser-pages 4]
                                        [--mode always|auto]

Serves the browser-only replica (theme ``script``: every page is an empty shell that a
script fills from JSON after a delay, its "Related Articles" later still) with at least
``--pages`` articles, then runs ``scrapy crawl daily8 -s NEWSBOT_BROWSER=always`` (or
``auto``: each page fetched plainly first, until the host is known to need the browser) on
that many article pages (``related_depth=0``), so each is rendered by Chromium (images,
fonts, media and trackers blocked) and waited for until it settles. While it runs, the memory of
the whole crawl (Scrapy, Playwright's driver and every Chromium process: the sum of their PSS
from ``/proc/<pid>/smaps_rollup``) is sampled, with the number of article pages the replica
has served so far. It prints pages per second (pages over the time from the first to the last
page served) and the peak memory reached by every ``--every`` pages: a crawl that closes its
pages keeps that peak flat instead of growing with the number of pages rendered.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsbot.replica import build_site
from newsbot.replica.browser_site import script_server

ROOT = Path(__file__).resolve().parents[1]
_ARTICLE = re.compile(r"^(/en)?/article/[0-9a-f]{32}/?$")
# Each rendered article page asks for its data once: the renders, whether or not a plain
# fetch of the same page came first (auto mode).
_RENDERED = "/api/article"


@dataclass
class Served:
    """Article pages rendered (their data requests), with when; and article pages served."""

    times: list[float] = field(default_factory=list)
    pages: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, req) -> None:
        with self.lock:
            if req.path == _RENDERED:
                self.times.append(time.monotonic())
            elif _ARTICLE.match(req.path):
                self.pages += 1
        return None

    @property
    def count(self) -> int:
        return len(self.times)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _group(pid: int, root: int) -> str:
    if pid == root:
        return "scrapy"
    try:
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
    except OSError:
        return "other"
    return "driver" if comm.startswith("node") else "chromium" if "chrom" in comm else "other"


def tree_memory_mb(root: int) -> tuple[dict[str, float], int]:
    """PSS (MB) of ``root`` and its descendants, by group, and how many processes that is."""
    tree = _children()
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(tree.get(pid, ()))
    groups: dict[str, float] = {"scrapy": 0.0, "driver": 0.0, "chromium": 0.0, "other": 0.0}
    for pid in pids:
        groups[_group(pid, root)] += _pss_kb(pid) / 1024
    groups["total"] = sum(groups.values())
    return groups, len(pids)


def run(pages: int, every: int, browser_pages: int, workdir: Path, mode: str = "always") -> int:
    site = build_site(seed=8, articles=max(pages + 20, 120))
    paths = [a.path for a in site.articles.values()][:pages]
    served = Served()
    samples: list[tuple[int, dict[str, float], int]] = []  # (pages rendered, MB by group, procs)
    with script_server(site, mirror=False) as server:
        server.fault_hook = served
        urls = ",".join(server.base_url + p for p in paths)
        out = workdir / "items.jsonl"
        log = workdir / "crawl.log"
        command = [
            sys.executable, "-m", "scrapy", "crawl", "daily8", "-O", str(out),
            "-s", "NEWSBOT_ENV=test", "-s", f"LOG_FILE={log}", "-s", "LOG_FILE_APPEND=False",
            "-s", f"NEWSBOT_SEEN_STORE={workdir / 'seen.sqlite'}",
            "-s", f"NEWSBOT_BROWSER={mode}", "-s", f"NEWSBOT_BROWSER_PAGES={browser_pages}",
            "-a", f"start_urls={urls}", "-a", "related_depth=0",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        proc = subprocess.Popen(command, cwd=ROOT, env=env)
        while proc.poll() is None:
            mb, procs = tree_memory_mb(proc.pid)
            if mb["total"]:
                samples.append((served.count, mb, procs))
            time.sleep(0.2)
        wall = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    rendered = re.findall(r"'newsbot/browser/rendered': (\d+)", text)
    empty = re.findall(r"'newsbot/browser/empty_after_bound': (\d+)", text)
    open_max = re.findall(r"'playwright/page_count/max_concurrent': (\d+)", text)
    items = sum(1 for _ in out.open()) if out.exists() else 0
    span = served.times[-1] - served.times[0] if len(served.times) > 1 else 0.0
    print(f"render benchmark: {pages} article pages, browser-only replica, NEWSBOT_BROWSER={mode}")
    print(f"  exit code {proc.returncode}; article pages served {served.pages} "
          f"(plain and to the browser); rendered in the browser {served.count} "
          f"(stat {rendered[-1] if rendered else 0}); items exported {items}; "
          f"open pages at most {open_max[-1] if open_max else '?'}; "
          f"still empty after the bound {empty[-1] if empty else 0}")  # fmt: skip
    print(f"  {served.count / span if span else 0:.2f} pages/s rendered "
          f"({span:.1f} s first to last render; {wall:.1f} s wall incl. start-up)")  # fmt: skip
    print("  peak memory of the crawl, PSS in MB (Scrapy process, Playwright driver, Chromium):")
    print("                      total   scrapy   driver chromium")
    peaks = []
    for mark in [*range(every, pages, every), pages]:
        upto = [mb for n, mb, _ in samples if n <= mark]
        if upto:
            peak = {k: max(s[k] for s in upto) for k in ("total", "scrapy", "driver", "chromium")}
            peaks.append((mark, peak["total"]))
            print(f"    after {mark:5d} pages: {peak['total']:7.1f}  {peak['scrapy']:7.1f}  "
                  f"{peak['driver']:7.1f}  {peak['chromium']:7.1f}")  # fmt: skip
    if samples:
        print(f"    ({max(p for _, _, p in samples)} processes at most)")
    if len(peaks) >= 2:
        first, last = peaks[0][1], peaks[-1][1]
        growth = (last / first - 1) * 100 if first else 0.0
        print(f"  growth of the total peak from {peaks[0][0]} to {peaks[-1][0]} pages: "
              f"{last - first:+.1f} MB ({growth:+.0f}%)")  # fmt: skip
    return proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="article pages to render")
    parser.add_argument("--every", type=int, default=100, help="report peak memory every N pages")
    parser.add_argument("--browser-pages", type=int, default=4, help="browser pages open at once")
    parser.add_argument("--mode", choices=("always", "auto"), default="always")
    args = parser.parse_args(argv)
    if args.pages > 1500:
        parser.error("--pages: at most 1500 (start URLs go on the command line)")
    with tempfile.TemporaryDirectory(prefix="newsbot-render-") as tmp:
        return run(args.pages, args.every, args.browser_pages, Path(tmp), args.mode)


if __name__ == "__main__":
    raise SystemExit(main())
