"""Regenerate the golden extraction files (tests/support/golden.py describes them).

    python -m tests.golden                       # expected records of every site's pages
    python -m tests.golden --site daily8         # of one site's pages
    python -m tests.golden --site daily8 --capture NAME URL --as https://www.daily8.com
        # store the page at URL (a replica on 127.0.0.1) as case NAME, the server's own
        # scheme and host replaced by --as, then write its expected records

Review the diff of the .json files before committing: a change there is a change in what
users get.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from urllib.parse import urlsplit

from tests.support.golden import GOLDEN, cases, golden_sites, write_expected


def capture(site: str, name: str, url: str, as_host: str | None, note: str | None) -> None:
    with urllib.request.urlopen(url, timeout=30) as reply:  # noqa: S310 (loopback replica)
        body = reply.read()
        date = reply.headers.get("Date")
        content_type = reply.headers.get("Content-Type") or "text/html; charset=utf-8"
        final = reply.geturl()
    if as_host:
        parts = urlsplit(final)
        served = f"{parts.scheme}://{parts.netloc}"
        body = body.replace(served.encode(), as_host.rstrip("/").encode())
        final = as_host.rstrip("/") + final[len(served) :]
    folder = GOLDEN / site
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_bytes(body)
    meta = {"url": final, "date": date, "content_type": content_type}
    if note:
        meta["captured_from"] = note
    text = json.dumps(meta, ensure_ascii=False, indent=1)
    (folder / f"{name}.meta.json").write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--site", help="one registered site (default: every site with goldens)")
    parser.add_argument("--capture", nargs=2, metavar=("NAME", "URL"))
    parser.add_argument("--as", dest="as_host", help="scheme://host the page is stored as from")
    parser.add_argument("--note", help="captured_from: where the page came from")
    args = parser.parse_args(argv)
    if args.capture:
        if not args.site:
            parser.error("--capture needs --site")
        capture(args.site, *args.capture, args.as_host, args.note)
        print(write_expected(args.site, args.capture[0]))
        return 0
    for site in [args.site] if args.site else golden_sites():
        for case in cases(site):
            print(write_expected(site, case))
    return 0


if __name__ == "__main__":
    sys.exit(main())
