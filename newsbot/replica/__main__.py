"""``python -m newsbot.replica serve|truth``: run the replica or print its ground truth."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from datetime import datetime, timezone

from newsbot.replica.content import DEFAULT_CLOCK, build_site
from newsbot.replica.server import THEMES, ReplicaServer


def _clock(raw: str | None) -> datetime:
    """``--clock``: an ISO instant, ``now`` (the real clock), or the fixed default."""
    if not raw:
        return DEFAULT_CLOCK
    if raw.strip().lower() == "now":
        return datetime.now(timezone.utc).replace(microsecond=0)
    dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def serve_banner(server: ReplicaServer, clock: datetime, args: argparse.Namespace) -> str:
    """What ``serve`` prints: each URL labelled (the first word of a line is its label, the
    second the URL), the clock, and the command that crawls it."""
    stamp = clock.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [f"site:   {server.base_url}   (the replica of www.daily8.com; listings at /en)"]
    crawl = f"scrapy crawl daily8 -s NEWSBOT_ENV=test -a start_urls={server.base_url}/en"
    if server.mirror_url:
        mirror = server.mirror_url.split("//", 1)[1]
        lines.append(f"mirror: {server.mirror_url}   (its test.daily8.com mirror: -a mirror_hosts)")
        crawl += f" -a mirror_hosts={mirror}"
    lines.append(
        f"clock:  {stamp}   (the pages' Date header; the matching ground truth: "
        f"python -m newsbot.replica truth --seed {args.seed} --articles {args.articles} "
        f"--clock {stamp})"
    )
    lines.append(f"crawl:  {crawl}")
    lines.append(f"stops:  after {args.ttl:g} s (--ttl), or Ctrl-C")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.replica", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "truth"):
        p = sub.add_parser(name)
        p.add_argument("--seed", type=int, default=8)
        p.add_argument("--articles", type=int, default=120)
        p.add_argument("--body-paragraphs", type=int, default=0, help="longer bodies")
        p.add_argument(
            "--clock",
            default="now" if name == "serve" else None,
            help="the instant the site's clock shows (its pages' Date header; ages count back"
            " from it): an ISO time or 'now'. serve: the real clock by default, so -a since=2h"
            f" works; truth: {DEFAULT_CLOCK.isoformat()} by default, as the tests use",
        )
    serve = sub.choices["serve"]
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8008)
    serve.add_argument("--mirror-port", type=int, default=0)
    serve.add_argument("--theme", default="a", choices=sorted(THEMES))
    serve.add_argument("--no-mirror", action="store_true")
    serve.add_argument(
        "--page-kb", type=int, default=0, help="theme react: real-size pages of about this many KB"
    )
    serve.add_argument("--ttl", type=float, default=3600.0, help="stop after this many seconds")
    args = parser.parse_args(argv)

    site = build_site(
        seed=args.seed,
        articles=args.articles,
        clock=_clock(args.clock),
        body_paragraphs=args.body_paragraphs,
    )
    if args.command == "truth":
        json.dump(site.truth(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    server = ReplicaServer(
        site,
        theme=args.theme,
        host=args.host,
        port=args.port,
        mirror=not args.no_mirror,
        mirror_port=args.mirror_port,
        page_kb=args.page_kb,
    )
    with server:
        print(serve_banner(server, site.clock, args), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.ttl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
