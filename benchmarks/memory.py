"""Peak memory of a crawl of huge pages (issue 11, item 7): crawl process plus workers.

    python -m benchmarks.memory [--articles 100] [--size-mib 7.9] [--kind mixed]

Serves a replica (from its own process, so the server's memory is not counted) whose article
pages are each padded to just under 8 MiB (``DOWNLOAD_MAXSIZE``), then runs ``scrapy crawl
daily8`` over every article and prints: the crawl process's peak RSS (``wait4``), the
workers' peak (from the crawl's stats), their sum, the time taken and the articles exported.
Target: under 400 MB for 100 articles of 8 MiB.

``--kind`` says what fills a page: ``comment`` (an HTML comment), ``script`` (an inline
script, as pages with embedded data are), ``text`` (visible paragraphs, the worst case: the
body itself is megabytes), or ``mixed`` (one third each, the default).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.crawl import ROOT, _env, _measure, _stat
from newsbot.replica import build_site
from newsbot.replica.faults import FaultServer, Mode

KINDS = ("comment", "script", "text")


@dataclass
class HugePages(Mode):
    """Article pages padded to ``size`` bytes; ``kind`` says with what (see the module)."""

    size: int = 8 << 20
    kind: str = "mixed"

    def transform(self, server, req, key, reply):  # type: ignore[no-untyped-def]
        if "/article/" not in key:
            return reply
        missing = self.size - len(reply.body) - 64
        if missing <= 0:
            return reply
        kind = self.kind
        if kind == "mixed":
            kind = KINDS[sum(key.encode()) % len(KINDS)]
        if kind == "comment":
            pad = b"<!--" + b"x" * missing + b"-->"
        elif kind == "script":
            pad = b"<script>var d='" + b"A" * missing + b"';</script>"
        else:
            words = b"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            para = b"<p>" + words * 12 + b"</p>\n"
            pad = para * (missing // len(para))
        at = reply.body.rfind(b"</body>")
        reply.body = reply.body[:at] + pad + reply.body[at:]
        return reply


def serve(articles: int, size: int, kind: str) -> None:
    """The replica with huge article pages, until stdin closes (run as a child process)."""
    site = build_site(seed=8, articles=articles)
    with FaultServer(site, [HugePages(["*"], size=size, kind=kind)], mirror=False) as server:
        print(server.base_url, flush=True)
        sys.stdin.read()


def crawl(base: str, tmp: Path, settings: list[str]) -> dict[str, float]:
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8",
               "-a", f"start_urls={base}/en", "-a", "related_depth=1000",
               "-s", "NEWSBOT_ENV=test", "-s", "NEWSBOT_MAX_PAGES=1000",
               "-s", f"NEWSBOT_SEEN_STORE={tmp / 'seen.sqlite'}",
               "-s", f"LOG_FILE={tmp / 'crawl.log'}", "-s", "LOG_FILE_APPEND=False",
               "-s", "STATS_DUMP=True",  # the figures below are read from the stats
               "-O", str(tmp / "out.jsonl"), *settings]  # fmt: skip
    cpu, rss, wall = _measure(command, _env(tmp), tmp / "crawl.out")
    log = (tmp / "crawl.log").read_text(errors="replace")
    return {
        "crawl_mb": rss,
        "workers_mb": _stat(log, "newsbot/workers/peak_memory_mb"),
        "workers": _stat(log, "newsbot/workers/started"),
        "added": _stat(log, "newsbot/workers/added"),
        "restarted": _stat(log, "newsbot/workers/restarts"),
        "wall_s": wall,
        "cpu_s": cpu,
        "articles": _stat(log, "item_scraped_count"),
        "too_large": _stat(log, "newsbot/pages/failed/too_large"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--size-mib", type=float, default=7.9)
    parser.add_argument("--kind", default="mixed", choices=(*KINDS, "mixed"))
    parser.add_argument("-s", dest="settings", action="append", default=[],
                        help="a Scrapy setting for the crawl, NAME=VALUE (repeatable)")  # fmt: skip
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    size = int(args.size_mib * (1 << 20))
    if args.serve:
        serve(args.articles, size, args.kind)
        return 0
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.memory", "--serve", "--articles",
         str(args.articles), "--size-mib", str(args.size_mib), "--kind", args.kind],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        base = server.stdout.readline().strip()
        settings = [part for s in args.settings for part in ("-s", s)]
        with tempfile.TemporaryDirectory(prefix="newsbot-memory-") as tmp:
            started = time.perf_counter()
            result = crawl(base, Path(tmp), settings)
            result["wall_s"] = time.perf_counter() - started
    finally:
        if server.stdin:
            server.stdin.close()
        server.wait(timeout=30)
    total = result["crawl_mb"] + result["workers_mb"]
    print(f"{args.articles} articles of {args.size_mib} MiB ({args.kind}), "
          f"settings {args.settings or 'default'}")  # fmt: skip
    print(f"  peak RSS: crawl process {result['crawl_mb']:.0f} MB + workers "
          f"{result['workers_mb']:.0f} MB ({result['workers']:.0f} started: "
          f"{result['added']:.0f} added, {result['restarted']:.0f} restarts) = {total:.0f} MB "
          "(target < 400 MB)")  # fmt: skip
    print(f"  {result['articles']:.0f} articles exported, {result['too_large']:.0f} too large, "
          f"in {result['wall_s']:.1f} s ({result['cpu_s']:.1f} CPU s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
