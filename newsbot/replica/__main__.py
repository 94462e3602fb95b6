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
    if not raw:
        return DEFAULT_CLOCK
    dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.replica", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "truth"):
        p = sub.add_parser(name)
        p.add_argument("--seed", type=int, default=8)
        p.add_argument("--articles", type=int, default=120)
        p.add_argument("--body-paragraphs", type=int, default=0, help="longer bodies")
        p.add_argument("--clock", help="ISO instant the site's clock shows (default %(default)s)")
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
        print(server.base_url, flush=True)
        print(server.mirror_url or "", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.ttl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
