"""The main job on the replica: serve the made-up Daily8 on loopback, crawl it, show the export.

    python -m newsbot.demo [--articles 120] [--seed 8] [--theme a]

Runs the real command, ``scrapy crawl daily8``, against the replica and prints where the
JSONL and its summary went.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from newsbot.replica import ReplicaServer, build_site

ROOT = Path(__file__).resolve().parent.parent


def newest_export(folder: Path, before: set[Path]) -> Path | None:
    fresh = [p for p in folder.glob("*.jsonl") if p not in before]
    return max(fresh, key=lambda p: p.stat().st_mtime) if fresh else None


def start_paths(truth: dict) -> list[str]:
    """The home listing and the hashtag listings of the replica."""
    hashtags = sorted(p for p in truth["listings"] if "/hashtag/" in p)
    return ["/en", *hashtags]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--theme", default="a", choices=["a", "b", "react"])
    parser.add_argument("--related-depth", type=int, default=1)
    args = parser.parse_args(argv)

    site = build_site(seed=args.seed, articles=args.articles)
    exports = ROOT / "exports" / "daily8"
    before = set(exports.glob("*.jsonl")) if exports.exists() else set()
    with ReplicaServer(site, theme=args.theme) as server:
        listings = [server.base_url + path for path in start_paths(site.truth())]
        command = [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "daily8",
            "-a",
            "start_urls=" + ",".join(listings),
            "-a",
            f"related_depth={args.related_depth}",
            "-a",
            "mirror_hosts=" + urlsplit(server.mirror_url).netloc,
            "-s",
            "NEWSBOT_ENV=test",
            # the replica shows the same articles every run: export them all, not just
            # what is new since the last run (see "Incremental runs")
            "-a",
            "fresh=1",
        ]
        print(f"Replica of Daily8 at {server.base_url} (mirror {server.mirror_url})")
        print("Running:", " ".join(command), flush=True)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        print(f"scrapy crawl exited with {result.returncode}", file=sys.stderr)
        return result.returncode
    export = newest_export(exports, before)
    if export is None:
        print("No export was written", file=sys.stderr)
        return 1
    lines = export.read_text(encoding="utf-8").splitlines()
    print(f"\nExported {len(lines)} articles to {export.relative_to(ROOT)}")
    summary = export.with_name(export.name.removesuffix(".jsonl") + ".summary.json")
    if summary.exists():
        print(f"Run summary: {summary.relative_to(ROOT)}")
    if lines:
        first = json.loads(lines[0])
        print(
            "First record:",
            json.dumps(
                {k: first[k] for k in ("id", "source", "title", "published_at")}, ensure_ascii=False
            ),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
