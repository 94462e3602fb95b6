"""Inline frames whose document is in the page: ``<iframe srcdoc="...">``.

A browser shows the ``srcdoc`` document in the frame's place (a story's timeline or
interactive set apart from the page's styles, pages round 52); the reader reads it there,
as a ``<div>`` holding the frame document's body. A frame that loads another address
(``src``) stays out: its document is not in the page.
"""

from __future__ import annotations

from lxml import etree

SRCDOC_MAX_CHARS = 500_000  # a frame document past this is no part of the story


def has_inline_frames(html: str) -> bool:
    return "srcdoc" in html


def place_inline_frames(root: etree._Element) -> int:
    """Replace each ``<iframe srcdoc>`` under ``root`` with its document's body; how many."""
    placed = 0
    for frame in list(root.iter("iframe")):
        source = frame.get("srcdoc")
        parent = frame.getparent()
        if not source or len(source) > SRCDOC_MAX_CHARS or parent is None:
            continue
        parser = etree.HTMLParser(recover=True, encoding="utf-8")
        try:
            document = etree.fromstring(source.encode("utf-8", "replace"), parser=parser)
        except (etree.XMLSyntaxError, ValueError):
            continue
        body = document.find("body") if document is not None else None
        if body is None:
            continue
        holder = etree.Element("div", {"class": "inline-frame"})
        holder.text = body.text
        for child in list(body):
            holder.append(child)
        holder.tail = frame.tail
        parent.replace(frame, holder)
        placed += 1
    return placed
