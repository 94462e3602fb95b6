"""Build the ``parsel.Selector`` every page kind is read from, keeping all of a page's text.

libxml2's HTML parser stops at a nesting depth of 2048 elements (even with ``huge_tree``)
and drops everything after that point: 100,000 nested ``<b>`` would leave the body's first
word. When the parser reports that limit, the page is parsed again with the formatting
tags beyond a safe depth removed (their text kept), so the text a reader sees survives.
"""

from __future__ import annotations

import re

from lxml import etree
from parsel import Selector

from newsbot.extract.frames import has_inline_frames, place_inline_frames
from newsbot.extract.positioned import has_positioned_parts, read_positioned_in_order
from newsbot.extract.streamed import has_streamed_parts, place_streamed_parts
from newsbot.extract.text import safe_urljoin

SAFE_DEPTH = 1000  # tags nested deeper than this are dropped (their text is kept)
# Runs of invisible characters: Sanity's and Vercel's "stega" encoding (visual editing left on
# in production) hides source-map data after titles, names and paragraphs as long runs of
# zero-width characters (blind site 70), which would glue to every word they follow. A single
# one is kept: Persian and Indic text join or part letters with one ZWNJ or ZWJ, emoji
# sequences with one ZWJ.
_INVISIBLE_MARKS = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE_MARKS}]{{2,}}")
_STEGA_MARKS = "\u200b\u200c\u200d\ufeff"  # every zero-width alphabet holds one of these
# A document's closing tags: libxml2 drops whatever follows `</html>`; a browser reads it into
# the body (HTML's "after after body" mode). Blazor streams its late components there (blind
# site 72); servers and proxies append scripts, banners and whole documents there.
_DOCUMENT_END = re.compile(r"</(?:html|body)\s*>", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def page_selector(text: str, url: str, selector_type: str | None = "html") -> Selector:
    """The page ``text`` as a selector of ``selector_type`` ("html" by default; others are
    built as parsel builds them)."""
    if selector_type not in (None, "html"):
        return Selector(text=text, type=selector_type, base_url=url)
    text = text.strip().replace("\x00", "")
    if any(mark in text for mark in _STEGA_MARKS):  # (a scan per mark: cheaper than the sub)
        text = _INVISIBLE_RUN.sub("", text)
    text = _ended_as_browsers_end(text)
    root, too_deep = _parse(text.encode("utf-8", "replace"), url)  # a lone surrogate: "?"
    if too_deep:
        root, _ = _parse(flatten_deep_nesting(text).encode("utf-8", "replace"), url)
    if root is None:
        return Selector(text="<html/>", type="html", base_url=url)
    if has_streamed_parts(text):
        place_streamed_parts(root)  # a streamed React page's late parts, where they show
    if has_inline_frames(text):
        place_inline_frames(root)  # a frame's own document, where the frame shows it
    if has_positioned_parts(text):
        read_positioned_in_order(root)  # a free-form block's parts, as they show
    return Selector(root=root, type="html", base_url=url)


def _ended_as_browsers_end(text: str) -> str:
    """``text`` without its ``</body>`` and ``</html>`` when anything follows the first
    ``</html>``, so that what follows is read into the body, as browsers read it."""
    ends = [at for at in (text.find("</html"), text.find("</HTML")) if at >= 0]
    if not ends:
        return text
    close = text.find(">", min(ends))
    if close < 0 or not text[close + 1 :].strip():
        return text
    return _DOCUMENT_END.sub("", text)


def link_base(root: etree._Element, url: str) -> str:
    """The URL the page's relative links resolve against, as a browser resolves them: its
    ``<base href>`` (itself resolved against the page's URL) when it names an http(s) one,
    else the page's own URL (site 55: `<base href="/news/">` under every page)."""
    base = root.find("head/base[@href]")
    if base is None:
        return url
    resolved = safe_urljoin(url, base.get("href"))
    return resolved or url


def _parse(body: bytes, url: str) -> tuple[etree._Element | None, bool]:
    # lxml's own elements, not lxml.html's: those call a Python class lookup for every
    # element the reader walks (7% of reading a 290 KB page); nothing here uses their methods
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    try:
        root = etree.fromstring(body or b"<html/>", parser=parser, base_url=url or None)
    except (etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


def flatten_deep_nesting(text: str, limit: int = SAFE_DEPTH) -> str:
    """``text`` with every tag that opens or closes deeper than ``limit`` removed."""
    out: list[str] = []
    depth, pos = 0, 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _VOID:
            continue
        if closing:
            depth = max(depth - 1, 0)
            drop = depth >= limit
        else:
            drop = depth >= limit
            depth += 1
        if drop:
            out.append(text[pos : match.start()])
            pos = match.end()
    out.append(text[pos:])
    return "".join(out)
