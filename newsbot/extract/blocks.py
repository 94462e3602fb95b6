"""Turn an HTML page into the text blocks a reader sees, in reading order.

Extraction keys on visible structure, not on class names: a block is the inline text of
one block-level element (a paragraph, a heading, a list item...), with the links it carries.
Image alt text is not visible and is left out. Hidden parts (scripts, styles, templates,
``hidden`` elements) are skipped. The walk is iterative, so hostile nesting cannot blow
the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "title",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Block:
    """One visible line of text."""

    text: str
    tag: str
    segments: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    datetimes: list[str] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._links: list[str] = []
        self._datetimes: list[str] = []
        self._tag = "body"
        self.visible = 0  # pieces of visible text added so far

    def add(self, text: str | None, href: str | None) -> None:
        if not text:
            return
        self._parts.append(text)
        if text.strip():
            self.visible += 1
            if href and href not in self._links:
                self._links.append(href)

    def adopt(self, href: str) -> None:
        """A link with no visible text (an image link) belongs to the next line of text."""
        if href not in self._links:
            self._links.append(href)

    def add_datetime(self, value: str) -> None:
        self._datetimes.append(value)

    def flush(self, next_tag: str) -> None:
        # " ".join(x.split()) == _SPACE.sub(" ", x).strip() (both split on str.isspace), faster
        text = " ".join("".join(self._parts).split()) if self._parts else ""
        if text:
            segments = [s for s in (" ".join(p.split()) for p in self._parts) if s]
            self.blocks.append(Block(text, self._tag, segments, self._links, self._datetimes))
            self._links = []
            self._datetimes = []
        self._parts = []
        self._tag = next_tag


_TAG_NAMES: dict[str, str] = {}


def _tag(element: etree._Element) -> str:
    tag = element.tag
    name = _TAG_NAMES.get(tag)  # comments and processing instructions have callables here
    if name is not None:
        return name
    if not isinstance(tag, str):
        return ""
    name = tag.rsplit("}", 1)[-1].lower()
    if len(_TAG_NAMES) < 4096:  # hostile pages may invent any number of tag names
        _TAG_NAMES[tag] = name
    return name


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def page_blocks(root: etree._Element) -> list[Block]:
    """Visible text blocks of the document under ``root`` (an lxml element)."""
    builder = _Builder()
    links: list[str | None] = []
    link_starts: list[int] = []
    skipping = 0
    block_stack: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if skipping:
                skipping += 1
                continue
            tag = _tag(element)
            if not tag or tag in SKIP_TAGS or _hidden(element):
                skipping += 1
                continue
            if tag in BLOCK_TAGS:
                builder.flush(tag)
                block_stack.append(tag)
            elif tag == "br":
                builder.flush(block_stack[-1] if block_stack else "body")
            if tag == "a":
                links.append(element.get("href"))
                link_starts.append(builder.visible)
            if tag == "time" and element.get("datetime"):
                builder.add_datetime(element.get("datetime", ""))
            builder.add(element.text, links[-1] if links else None)
        else:
            if skipping:
                skipping -= 1
                if not skipping:
                    # the skipped element's tail is visible text of its parent
                    builder.add(element.tail, links[-1] if links else None)
                continue
            tag = _tag(element)
            if tag == "a" and links:
                href = links.pop()
                if href and link_starts.pop() == builder.visible:
                    builder.adopt(href)
            if tag in BLOCK_TAGS:
                if block_stack:
                    block_stack.pop()
                builder.flush(block_stack[-1] if block_stack else "body")
            builder.add(element.tail, links[-1] if links else None)
    builder.flush("body")
    return builder.blocks
