"""A site someone else wrote, served on loopback from a snapshot of its pages.

``tests/data/sites/<name>/pages.json.gz`` maps each request path (with its query) to the
page's HTML; ``truth.json`` says what a correct crawl reads from them. Any other path is a
404, as on the site it was taken from. A page may hold ``@AGO:<seconds>@`` where its site
printed a machine-readable time (``<relative-time datetime>``) that many seconds before it
was served: it is filled in when served, as that site did. Beside an age such as ``4 hours
ago`` only: a page that prints a calendar date keeps that day's machine time as written.
An optional ``served_as.json`` gives a path's ``Content-Type`` header and the encoding its
bytes are sent in (``{"/article/...": {"content_type": "text/html", "encoding":
"windows-1256"}}``), or that it redirects (``{"/story/...": {"redirect": [301,
"/en/article/..."]}}``); any other page is UTF-8 ``text/html; charset=utf-8``."""

from __future__ import annotations

import gzip
import json
import re
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newsbot.replica.server import Reply, ServedOnThreads, not_found, send_reply

SITES = Path(__file__).resolve().parents[1] / "data" / "sites"
_AGO = re.compile(r"@AGO:(\d+)@")


def served(html: str) -> str:
    """The page as its site served it now: its ``@AGO:<seconds>@`` times filled in."""
    now = datetime.now(UTC)
    return _AGO.sub(
        lambda m: (now - timedelta(seconds=int(m[1]))).strftime("%Y-%m-%dT%H:%M:%S.000Z"), html
    )


def load_site(name: str) -> tuple[dict[str, str], dict[str, Any]]:
    """(pages by request path, truth) of the snapshot ``name``."""
    folder = SITES / name
    with gzip.open(folder / "pages.json.gz", "rt", encoding="utf-8") as f:
        pages = json.load(f)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return pages, truth


def served_as(name: str) -> dict[str, dict[str, str]]:
    """How the snapshot ``name`` sends some of its pages (``served_as.json``), or nothing."""
    path = SITES / name / "served_as.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


class SnapshotServer(ServedOnThreads):
    """The snapshot's pages on 127.0.0.1, on a free port; stops with the ``with`` block."""

    def __init__(self, pages: dict[str, str], sent_as: dict[str, dict[str, str]] | None = None):
        ways = sent_as or {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                way = ways.get(self.path, {})
                if "redirect" in way:  # an old address the site sends on: [status, location]
                    status, location = way["redirect"]
                    reply = Reply(int(status), b"", headers={"Location": str(location)})
                    send_reply(self, reply, send_body=True)
                    return
                html = pages.get(self.path)
                if html is None:
                    send_reply(self, not_found(), send_body=True)
                    return
                body = served(html).encode(way.get("encoding", "utf-8"), "xmlcharrefreplace")
                reply = Reply(body=body)
                if "content_type" in way:
                    reply.content_type = way["content_type"]
                send_reply(self, reply, send_body=True)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._httpd = [ThreadingHTTPServer(("127.0.0.1", 0), Handler)]
        self._threads = []
        self.base_url = f"http://127.0.0.1:{self._httpd[0].server_address[1]}"
        self.mirror_url = None
