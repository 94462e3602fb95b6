"""``python -m newsbot.replica.river serve|truth``: run the river replica or print its truth.

``serve`` prints the river's URL, each publisher's URL and the crawl command; ``truth`` needs
the publishers' ports to give the ids a crawl gives (``--port`` of ``serve`` fixes the river's
port; publisher ports follow it: ``--port 8014`` serves publishers on 8015, 8016...).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from datetime import datetime, timezone

from newsbot.replica.river.content import DEFAULT_CLOCK, OUTLETS, build_river
from newsbot.replica.river.server import RiverServer


def _clock(raw: str | None) -> datetime:
    if not raw:
        return DEFAULT_CLOCK
    if raw.strip().lower() == "now":
        return datetime.now(timezone.utc).replace(microsecond=0)
    moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.replica.river", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "truth"):
        p = sub.add_parser(name)
        p.add_argument("--seed", type=int, default=14)
        p.add_argument("--stories", type=int, default=14)
        p.add_argument("--clock", default=None, help="ISO instant or 'now' (default: fixed)")
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8014, help="the river's port")
    sub.choices["serve"].add_argument("--ttl", type=float, default=3600.0)
    args = parser.parse_args(argv)
    site = build_river(seed=args.seed, stories=args.stories, clock=_clock(args.clock))
    outlet_urls = {o.key: f"http://{args.host}:{args.port + 1 + i}" for i, o in enumerate(OUTLETS)}
    if args.command == "truth":
        json.dump(site.truth(outlet_urls), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    server = RiverServer(site, host=args.host, port=args.port, outlet_ports=True)
    with server:
        print(f"river:  {server.base_url}   (a headline river; topics at /topic/<name>)")
        for key, url in server.outlet_urls.items():
            print(f"outlet: {url}   ({key})")
        print(f"clock:  {site.clock.isoformat()}   (every page's Date header)")
        print(f"crawl:  scrapy crawl river -s NEWSBOT_ENV=test -a start_urls={server.base_url}/")
        print(f"stops:  after {args.ttl:g} s (--ttl), or Ctrl-C", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.ttl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
