"""The whole story from the page's metadata, where the page shows only its start.

A metered or subscriber-only page often prints its first paragraphs and a "subscribe to
continue" box, while its JSON-LD ``articleBody`` holds the whole text (for search engines,
flagged or not with ``isAccessibleForFree: false``). Where that text begins with what the
page shows and goes on well past it, it is the body: the publisher's own paragraphs, without
the page's widgets. Everywhere else the page's paragraphs stand; ``articleBody`` is often a
summary, a copy of the same paragraphs, or run into one line.
"""

from __future__ import annotations

import html
import re

from newsbot.extract.text import says_again, word_triples

_TAG_BREAK = re.compile(r"</p\s*>|<br\s*/?>|</h[1-6]\s*>|</li\s*>|</div\s*>", re.I)
_TAG = re.compile(r"<[^>]{0,500}>")
_LINES = re.compile(r"\s*\n\s*")

MIN_GAIN = 1.5  # the full text has at least this many times the shown words...
MIN_EXTRA_WORDS = 60  # ...and this many more
SHOWN_FOUND = 0.7  # of the shown words, the share in paragraphs the full text says too
PARAGRAPH_FOUND = 0.5  # (a paragraph's word triples the full text holds: a ticker chip or
# a link's label glued into the shown one breaks a few; a paywall box's are not there at all)
OPENING_SHOWN = 0.5  # of the full text's first paragraph's word triples, the share shown


def paragraphs(article_body: str) -> list[str]:
    """``articleBody`` as paragraphs: its line breaks (or its HTML's, where a CMS wrote
    markup into it), each paragraph's whitespace collapsed."""
    text = article_body
    if "<" in text and _TAG.search(text):
        text = _TAG.sub(" ", _TAG_BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    return [" ".join(p.split()) for p in _LINES.split(text) if p.strip()]


def fuller_body(shown: list[str], article_body: str | None) -> list[str] | None:
    """``articleBody``'s paragraphs where they are the whole of what the page shows the
    start of (``shown``: the body read from the markup); None where the page's own body
    stands."""
    if not article_body or not shown:
        return None
    full = paragraphs(article_body)
    if len(full) <= len(shown):  # one long line, or no more paragraphs than shown
        return None
    shown_words = sum(len(p.split()) for p in shown)
    full_words = sum(len(p.split()) for p in full)
    if full_words < max(MIN_GAIN * shown_words, shown_words + MIN_EXTRA_WORDS):
        return None
    full_triples = word_triples(" ".join(full))
    found = [p for p in shown if says_again(p, full_triples, PARAGRAPH_FOUND, min_triples=3)]
    if sum(len(p.split()) for p in found) < SHOWN_FOUND * shown_words:
        return None  # another text: a summary, the series' blurb, another article
    shown_triples = word_triples(" ".join(shown))
    opening = word_triples(full[0])
    if opening and len(opening & shown_triples) < OPENING_SHOWN * len(opening):
        return None  # it does not start where the page starts
    return full
