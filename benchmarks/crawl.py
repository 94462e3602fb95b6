"""Crawl speed: newsbot's ``daily8`` against a bare Scrapy spider fetching the same pages.

    python -m benchmarks.crawl [--sizes 2000,10000] [--real-size 2000] [--rounds 3] [--profile]

For each size it serves a replica of that many articles from a separate process (so the
server's CPU is not counted), then crawls it, one after the other, with (a) the bare spider
(``benchmarks/bare_spider.py``: fetch and follow links, nothing else) and (b)
``scrapy crawl daily8`` with every pipeline, the seen-store and the JSONL export. Both use the
same concurrency (16), robots.txt and no HTTP cache; every listing and every hop of related
articles, so both fetch every page of the site. Each crawl is one child process;
its CPU time and peak RSS come from ``os.wait4``; pages/s is Scrapy's
``downloader/response_count`` over its ``elapsed_time_seconds``. On a shared machine one pair
of crawls moves by a tenth from run to run (another process takes a core for a few seconds),
so each site is crawled in ``--rounds`` pairs (default 3), bare then newsbot each time; every
pair's ratio is printed, and the ratio reported is their median.

The replica's pages (theme ``a``) are 5-7 KB; real article pages are ~290 KB (median of the
fundus-eval set). ``--real-size N`` (default 2000 articles; 0 skips it) adds a run on real-size
pages: the replica's ``react`` theme at ``--page-kb`` (290) with bodies lengthened to a real
article's length (20 more paragraphs: 3.6 KB median body text), and prints its ratio to bare
Scrapy beside the small-page one. newsbot's CPU time
includes its worker processes (reaped children count in ``wait4``); its memory is the crawl
process's peak plus the workers' peak (from its stats). ``--profile`` adds a cProfile run
(CPU clock) of newsbot's crawl process on the first size and prints where its time goes
(the workers' time is not in it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from newsbot.replica import build_site

ROOT = Path(__file__).resolve().parents[1]
# no real bound: both crawls fetch every page of the site, the same pages whatever order the
# links are found in (a page's depth is the hop count it was first found at, so with a small
# bound which pages lie within it depends on timing)
RELATED_DEPTH = 1000
CONCURRENCY = 16
# real-size pages: bodies of a real article's length (3.6 KB median text; fundus-eval: 3.9 KB)
REAL_BODY_PARAGRAPHS = 20


@dataclass
class Run:
    name: str
    size: int
    pages: int
    articles: int
    elapsed: float
    cpu: float
    peak_rss_mb: float  # the crawl process (wait4 gives the largest of it and its children)
    wall: float
    workers_rss_mb: float = 0.0  # newsbot's worker processes, from its stats
    page_kb: int = 0  # 0: the replica's small pages (theme a); else react pages of ~page_kb
    round: int = 1  # which pair of crawls of this site (bare, then newsbot)

    @property
    def pages_label(self) -> str:
        return f"react ~{self.page_kb} KB" if self.page_kb else "a (5-7 KB)"

    @property
    def total_rss_mb(self) -> float:
        return self.peak_rss_mb + self.workers_rss_mb

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.elapsed if self.elapsed else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.elapsed if self.elapsed else 0.0

    @property
    def pages_per_cpu_s(self) -> float:
        return self.pages / self.cpu if self.cpu else 0.0

    @property
    def cpu_per_1000(self) -> float:
        return self.cpu / self.articles * 1000 if self.articles else 0.0


def _env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "NEWSBOT_EXPORTS_DIR": str(tmp / "exports"),
        "NEWSBOT_ENV": "test",
    }


def _measure(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, float]:
    """Run ``command``; its (CPU seconds, peak RSS in MB, wall seconds), from ``wait4``."""
    started = time.perf_counter()
    with log.open("ab") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        tail = log.read_text(errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(command[:6])}... exited {proc.returncode}:\n{tail}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall


def _stat(text: str, key: str) -> float:
    found = re.findall(rf"'{re.escape(key)}': ([0-9.]+)", text)
    return float(found[-1]) if found else 0.0


# ``scrapy ...`` under cProfile with a CPU clock, so waiting for the network is not counted.
PROFILE = """
import cProfile, sys, time
from scrapy.cmdline import execute
out, argv = sys.argv[1], ["scrapy", *sys.argv[2:]]
profiler = cProfile.Profile(time.process_time)
try:
    profiler.runcall(execute, argv)
except SystemExit as exc:
    code = exc.code
else:
    code = 0
profiler.dump_stats(out)
sys.exit(code)
"""


class Replica:
    """``python -m newsbot.replica serve`` in its own process."""

    def __init__(self, size: int, page_kb: int = 0) -> None:
        self.size = size
        self.page_kb = page_kb

    def __enter__(self) -> Replica:
        command = [sys.executable, "-m", "newsbot.replica", "serve", "--articles", str(self.size),
                   "--port", "0", "--no-mirror", "--ttl", "7200"]  # fmt: skip
        if self.page_kb:
            command += ["--theme", "react", "--page-kb", str(self.page_kb),
                        "--body-paragraphs", str(REAL_BODY_PARAGRAPHS)]  # fmt: skip
        self.proc = subprocess.Popen(
            command, cwd=ROOT, env=_env(Path(tempfile.gettempdir())), stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().split()  # "site:   http://127.0.0.1:PORT ..."
        self.base_url = first[1] if len(first) > 1 else ""
        if not self.base_url.startswith("http"):
            self.proc.kill()
            raise SystemExit("the replica did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def bare(base: str, starts: list[str], size: int, tmp: Path, page_kb: int = 0) -> Run:
    stats_file = tmp / "bare-stats.json"
    command = [sys.executable, "-m", "benchmarks.bare_spider",
               ",".join(base + p for p in starts), "--related-depth", str(RELATED_DEPTH),
               "--stats", str(stats_file), "-s", f"LOG_FILE={tmp / 'bare.log'}"]  # fmt: skip
    cpu, rss, wall = _measure(command, _env(tmp), tmp / "bare.out")
    stats = json.loads(stats_file.read_text())
    return Run("bare scrapy", size, int(stats.get("downloader/response_count", 0)),
               int(stats.get("bare/article_pages", 0)), float(stats["elapsed_time_seconds"]),
               cpu, rss, wall, page_kb=page_kb)  # fmt: skip


def newsbot_command(base: str, starts: list[str], tmp: Path) -> list[str]:
    return ["-m", "scrapy", "crawl", "daily8",
            "-a", "start_urls=" + ",".join(base + p for p in starts),
            "-a", f"related_depth={RELATED_DEPTH}",
            "-s", "NEWSBOT_ENV=test", "-s", "NEWSBOT_MAX_PAGES=100000",
            "-s", f"CONCURRENT_REQUESTS={CONCURRENCY}",
            "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={CONCURRENCY}",
            "-s", f"NEWSBOT_SEEN_STORE={tmp / 'seen.sqlite'}",
            "-s", f"LOG_FILE={tmp / 'newsbot.log'}", "-s", "LOG_FILE_APPEND=False",
            "-s", "STATS_DUMP=True"]  # fmt: skip


def newsbot(base: str, starts: list[str], size: int, tmp: Path, page_kb: int = 0) -> Run:
    command = [sys.executable, *newsbot_command(base, starts, tmp)]
    cpu, rss, wall = _measure(command, _env(tmp), tmp / "newsbot.out")
    log = (tmp / "newsbot.log").read_text(errors="replace")
    items = _stat(log, "item_scraped_count")
    return Run("newsbot daily8", size, int(_stat(log, "downloader/response_count")), int(items),
               _stat(log, "elapsed_time_seconds"), cpu, rss, wall,
               _stat(log, "newsbot/workers/peak_memory_mb"), page_kb)  # fmt: skip


def profile(base: str, starts: list[str], tmp: Path, top: int = 25) -> str:
    prof = tmp / "newsbot.prof"
    command = [sys.executable, "-c", PROFILE, str(prof)] + newsbot_command(base, starts, tmp)[2:]
    _measure(command, _env(tmp), tmp / "profile.out")
    stats = pstats.Stats(str(prof))
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    for (filename, _, _), row in stats.stats.items():  # type: ignore[attr-defined]
        by_package[_package(filename)] = by_package.get(_package(filename), 0.0) + row[2]
    lines = [f"cProfile (CPU clock) of newsbot: {total:.1f} CPU s, by package"]
    for name, own in sorted(by_package.items(), key=lambda kv: -kv[1])[:14]:
        lines.append(f"  {own:7.2f} s {own / total:6.1%}  {name}")
    lines.append(f"top {top} functions by own time:")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    for (filename, line, func), row in rows:
        lines.append(f"  {row[2]:7.2f} s  {row[1]:>9} calls  {_short(filename)}:{line} {func}")
    return "\n".join(lines)


def _package(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C: lxml, re, json, sqlite...)"
    path = filename.replace("\\", "/")
    for marker in ("/newsbot/", "/site-packages/"):
        if marker in path:
            rest = path.split(marker, 1)[1].split("/")
            if marker == "/newsbot/":
                return "newsbot." + (rest[0].removesuffix(".py") if len(rest) > 1 else rest[0])
            return rest[0].removesuffix(".py")
    return "python stdlib"


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/work/main/", "/lib/python3.11/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    python = platform.python_version()
    return f"{os.cpu_count()} cores ({cpu}), Python {python}, {platform.system()}"


def table(runs: list[Run]) -> str:
    head = ("| articles | pages (theme) | round | crawler | pages | pages/s | articles/s | ratio | "
            "pages per CPU s | ratio (CPU) | CPU s / 1000 articles | "
            "peak RSS MB (crawl + workers) |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|")  # fmt: skip
    rows = [head]
    for run in runs:
        base = _baseline(runs, run)
        ratio = run.pages_per_s / base.pages_per_s if base.pages_per_s else 0.0
        cpu_ratio = run.pages_per_cpu_s / base.pages_per_cpu_s if base.pages_per_cpu_s else 0.0
        rows.append(
            f"| {run.size} | {run.pages_label} | {run.round} | {run.name} | {run.pages} | "
            f"{run.pages_per_s:.0f} | "
            f"{run.articles_per_s:.0f} | {ratio:.2f} | {run.pages_per_cpu_s:.0f} | "
            f"{cpu_ratio:.2f} | {run.cpu_per_1000:.2f} | {_rss(run)} |"
        )
    return "\n".join(rows)


def _baseline(runs: list[Run], run: Run) -> Run:
    """The bare Scrapy run of the same pair as ``run``."""
    return next(
        r
        for r in runs
        if r.size == run.size
        and r.page_kb == run.page_kb
        and r.round == run.round
        and r.name == "bare scrapy"
    )


def speed_ratio(runs: list[Run], run: Run) -> float:
    base = _baseline(runs, run)
    return run.pages_per_s / base.pages_per_s if base.pages_per_s else 0.0


def median_ratio(runs: list[Run], size: int, page_kb: int) -> tuple[float, list[float]]:
    """The median of the pairs' pages/s ratios on one site, and each pair's ratio."""
    ratios = [
        speed_ratio(runs, r)
        for r in runs
        if r.name == "newsbot daily8" and r.size == size and r.page_kb == page_kb
    ]
    return statistics.median(ratios), ratios


def _rss(run: Run) -> str:
    if not run.workers_rss_mb:
        return f"{run.peak_rss_mb:.0f}"
    return f"{run.total_rss_mb:.0f} ({run.peak_rss_mb:.0f} + {run.workers_rss_mb:.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crawl", description=__doc__)
    parser.add_argument("--sizes", default="2000,10000", help="articles per replica (%(default)s)")
    parser.add_argument(
        "--real-size", type=int, default=2000, help="articles on real-size pages (0: skip)"
    )
    parser.add_argument("--page-kb", type=int, default=290, help="real-size page (%(default)s)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="pairs of crawls per site (%(default)s)"
    )
    parser.add_argument("--profile", action="store_true", help="also profile newsbot (1st size)")
    parser.add_argument("--keep", help="keep logs and exports in this folder")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs: list[Run] = []
    report = ""
    print(f"machine: {machine()}", flush=True)
    plan = [(size, 0) for size in sizes]
    if args.real_size > 0:
        plan.append((args.real_size, args.page_kb))
    for n, (size, page_kb) in enumerate(plan):
        site = build_site(articles=size)
        starts = sorted(site.listings)  # /en and every hashtag listing
        del site
        with tempfile.TemporaryDirectory() as tmp_name, Replica(size, page_kb) as replica:
            label = f"size-{size}" + (f"-{page_kb}kb" if page_kb else "")
            tmp = Path(args.keep) / label if args.keep else Path(tmp_name)
            tmp.mkdir(parents=True, exist_ok=True)
            pairs = [(c, r) for r in range(1, max(args.rounds, 1) + 1) for c in (bare, newsbot)]
            for crawl, round_ in pairs:
                folder = tmp / f"round-{round_}"  # each pair starts from nothing
                folder.mkdir(exist_ok=True)
                run = crawl(replica.base_url, starts, size, folder, page_kb)
                run.round = round_
                runs.append(run)
                print(
                    f"{size:>6} articles, {run.pages_label:<12} {round_} {run.name:<15} "
                    f"{run.pages:>6} pages in "
                    f"{run.elapsed:6.1f} s: {run.pages_per_s:6.0f} pages/s, "
                    f"{run.articles_per_s:6.0f} articles/s, CPU {run.cpu:6.1f} s "
                    f"({run.cpu_per_1000:.2f} s/1000 articles), peak RSS {_rss(run)} MB",
                    flush=True,
                )
            if args.profile and n == 0:
                (tmp / "profile").mkdir(exist_ok=True)
                report = profile(replica.base_url, starts, tmp / "profile")
    print()
    print(table(runs))
    print()
    for run in runs:
        if run.name == "newsbot daily8" and run.round == 1:
            middle, ratios = median_ratio(runs, run.size, run.page_kb)
            each = ", ".join(f"{r:.2f}" for r in ratios)
            print(
                f"newsbot / bare Scrapy, {run.size} articles, pages {run.pages_label}: "
                f"{middle:.2f} (pages/s, median of {len(ratios)} pairs: {each})"
            )
    news = {
        r.size: r for r in runs if r.name == "newsbot daily8" and not r.page_kb and r.round == 1
    }
    if len(news) > 1:
        small, large = news[min(news)], news[max(news)]
        growth = large.total_rss_mb - small.total_rss_mb
        print(f"\nnewsbot peak RSS growth {small.size} -> {large.size} articles: "
              f"{growth:+.0f} MB (crawl process + workers)")  # fmt: skip
    if report:
        print()
        print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
