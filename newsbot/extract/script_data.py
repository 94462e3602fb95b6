"""A story that a page ships only as data for its scripts to render.

A page built by script (a Next.js, Nuxt, Apollo, Arc XP, Redux, Angular or Gatsby front end)
may reach a crawler without a browser as an app shell: a header, a loading skeleton, a
footer, and the story in a ``<script>``: ``__NEXT_DATA__``'s typed blocks, Nuxt's payload
function, Apollo's normalised entities, Arc's ``content_elements``, a Redux store's HTML
string, Angular's transfer state, Contentful's rich-text JSON. Whatever the shape, the
story's paragraphs are its strings that read as prose, in the order the data gives them.

:func:`script_body` reads them without knowing the platform: every string literal of every
data script (JSON, or JavaScript holding JSON-like literals), HTML strings taken apart at
their paragraphs, kept where a string is a sentence of prose; the script holding the most
prose is the story's. It is a fallback for a page whose markup shows no body at all: what
it returns still goes through the cleaner, which takes the promos the data carries too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from lxml import etree

# a string literal in double quotes, escapes kept (decoded with json.loads), and the key
# it is the value of, where it is one
_STRING = re.compile(r'(?:"(\w{1,40})"\s*:\s*)?"((?:[^"\\\n]|\\.){40,})"')
# what a story's data holds beside the story: its summary, its pictures' captions and
# credits, its writer's note, readers' comments (under these names, on most platforms)
_BESIDE_THE_STORY = frozenset(
    {
        "alt", "bio", "biography", "blurb", "caption", "comment", "credit", "credits",
        "dek", "description", "excerpt", "seoDescription", "standfirst", "subheadline",
        "subtitle", "summary", "teaser", "metaDescription", "ogDescription",
    }
)  # fmt: skip
_TAG = re.compile(r"<[^>]+>")
_BLOCK_BREAK = re.compile(
    r"<\s*(?:/?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|aside|table|tr)"
    r"\b[^>]*|br\s*/?)>",
    re.I,
)
# a sentence's end, or a list's lead-in (`... will focus on:`); not `;`, which a string of
# code has (`_NOT_PROSE`)
_SENTENCE_END = (".", "!", "?", "؟", "…", '"', "”", "’", "»", ")", ":")
PARAGRAPH_MIN_CHARS = 60
PARAGRAPH_MIN_WORDS = 8
BODY_MIN_PARAGRAPHS = 3
# a story's paragraph is text, not a URL, code, CSS or an identifier list
_NOT_PROSE = re.compile(r"https?://\S+$|[{};]|\b(?:function|var|const|return)\b|^\S+$")


def shows_a_body(blocks: list[str]) -> bool:
    """Whether a body read from the markup holds a paragraph at all (a footer's copyright
    line, a `Loading...` line are no story). The browser's auto mode asks the same of a
    page (:func:`newsbot.browser.needs.generic_missing`): the data is read where a browser
    would be asked for."""
    return any(
        len(text) >= PARAGRAPH_MIN_CHARS and len(text.split()) >= PARAGRAPH_MIN_WORDS
        for text in blocks
    )


def script_body(root: etree._Element) -> list[str]:
    """The story's paragraphs from the page's data scripts; empty when none holds a story
    (at least ``BODY_MIN_PARAGRAPHS`` paragraphs of prose)."""
    best: list[str] = []
    best_size = 0
    for script in root.iter("script"):
        text = script.text or ""
        if len(text) < PARAGRAPH_MIN_CHARS * BODY_MIN_PARAGRAPHS or '"' not in text:
            continue
        found = _dedupe(_prose(_strings(text)))
        size = sum(len(p) for p in found)
        if len(found) >= BODY_MIN_PARAGRAPHS and size > best_size:
            best, best_size = found, size
    return best


def _strings(script: str, depth: int = 0) -> Iterable[str]:
    for match in _STRING.finditer(script):
        key, literal = match.group(1), match.group(2)
        if key in _BESIDE_THE_STORY:
            continue
        try:
            value = json.loads(f'"{literal}"')
        except ValueError:
            continue
        if not isinstance(value, str):
            continue
        if value.lstrip()[:1] in ("{", "[") and depth < 2:
            yield from _strings(value, depth + 1)  # JSON in a string (Contentful's `raw`)
        else:
            yield value


def _prose(values: Iterable[str]) -> Iterable[str]:
    for value in values:
        if "<" in value and _TAG.search(value):
            parts = _TAG.sub("", _BLOCK_BREAK.sub("\n", value)).split("\n")
        else:
            parts = value.split("\n")
        for part in parts:
            paragraph = " ".join(html.unescape(part).split())
            if _is_paragraph(paragraph):
                yield paragraph


def _is_paragraph(text: str) -> bool:
    return (
        len(text) >= PARAGRAPH_MIN_CHARS
        and len(text.split()) >= PARAGRAPH_MIN_WORDS
        and text.endswith(_SENTENCE_END)
        and _NOT_PROSE.search(text) is None
    )


def _dedupe(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph once, where it first comes (a payload repeats a teaser, a store holds
    the story twice)."""
    seen: set[str] = set()
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph not in seen:
            seen.add(paragraph)
            out.append(paragraph)
    return out
