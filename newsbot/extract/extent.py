"""Where an article is on its page: which heading is its title, which blocks are its body.

Decided from the page's structure and metadata, never from one site's class names or
labels, so it holds for any publisher:

- title: the heading that agrees with the metadata titles (``title_index``);
- body: the block-level element that holds most of the page's prose (``prose`` blocks:
  paragraphs with few links, outside page chrome), then every block inside it after the
  title, minus chrome, link lists, bare labels and the teaser (``body_range``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbot.extract.blocks import Block
from newsbot.extract.metadata import PageMetadata
from newsbot.extract.text import fold

PROSE_MIN_CHARS = 60  # a paragraph of prose: at least this long...
PROSE_MAX_LINK_DENSITY = 0.35  # ...and mostly not link text
LINK_LIST_DENSITY = 0.5  # a block this much link text is navigation, not prose
CONTAINER_SHARE = 0.6  # the body's element holds at least this share of the prose
_WORD = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ")", ":")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def agreement(heading: str, title: str) -> float:
    """How well a heading agrees with a metadata title: 1.0 same text, 0.0 nothing shared."""
    a, b = fold(heading), fold(title)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return 0.9 * min(len(a), len(b)) / max(len(a), len(b)) + 0.1
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def title_index(blocks: Sequence[Block], meta: PageMetadata) -> int | None:
    """The block that is the article's title.

    The ``<h1>`` (else ``<h2>``/``<h3>``) that agrees best with the metadata titles; with no
    metadata, or none agreeing, the ``<h1>`` outside page chrome that is followed by the most
    prose (an ad-blocker notice or a site name in an ``<h1>`` has no prose after it).
    """
    titles = [t for t in meta.titles if t]
    if titles:
        best, best_score = None, 0.0
        for level in ("h1", "h2", "h3"):
            for i, block in enumerate(blocks):
                if block.tag != level:
                    continue
                score = max(agreement(block.text, t) for t in titles)
                if score > best_score:
                    best, best_score = i, score
            if best is not None and best_score >= 0.6:
                return best
        # no heading agrees: a line repeating the title (a styled <div> or <p>)
        for i, block in enumerate(blocks):
            if len(block.text) <= 300 and max(agreement(block.text, t) for t in titles) >= 0.9:
                return i
    h1s = [i for i, block in enumerate(blocks) if block.tag == "h1"]
    if len(h1s) == 1:
        return h1s[0]
    if h1s:
        return max(h1s, key=lambda i: (not blocks[i].chrome, _prose_after(blocks, i)))
    return next((i for i, block in enumerate(blocks) if block.is_heading), None)


def _prose_after(blocks: Sequence[Block], start: int, window: int = 40) -> int:
    return sum(len(b.text) for b in blocks[start + 1 : start + 1 + window] if is_prose(b))


def is_prose(block: Block) -> bool:
    """A paragraph of running text: long enough, few links, outside page chrome."""
    if block.chrome or block.is_heading or len(block.text) < PROSE_MIN_CHARS:
        return False
    if block.link_density > PROSE_MAX_LINK_DENSITY:
        return False
    return block.tag == "p" or block.text.rstrip().endswith(_SENTENCE_END)


def _container(blocks: Sequence[Block], prose: list[int], start: int) -> int | None:
    """The deepest block-level element holding ``CONTAINER_SHARE`` of the prose after
    ``start``: the article body's element."""
    weight: dict[int, int] = {}
    depth: dict[int, int] = {}
    total = 0
    for i in prose:
        if i < start:
            continue
        size = len(blocks[i].text)
        total += size
        for d, element in enumerate(blocks[i].path[:-1]):  # the paragraph's ancestors
            weight[element] = weight.get(element, 0) + size
            depth[element] = d
    if not total:
        return None
    best = None
    for element, w in weight.items():
        if w >= CONTAINER_SHARE * total and (best is None or depth[element] > depth[best]):
            best = element
    return best


def body_range(
    blocks: Sequence[Block],
    title_at: int | None,
    meta: PageMetadata,
    chrome_labels: set[str],
) -> list[int]:
    """Indexes of the blocks that make the article's body, in order."""
    prose = [i for i, b in enumerate(blocks) if is_prose(b)]
    start = 0 if title_at is None else title_at + 1
    if not any(i >= start for i in prose):
        start = 0  # a title after the text (or a wrong one): read the whole page
    container = _container(blocks, prose, start)
    inside = [
        i for i in range(start, len(blocks)) if container is None or container in blocks[i].path
    ]
    teaser = fold(meta.description) if meta.description else ""
    kept: list[int] = []
    for n, i in enumerate(inside):
        block = blocks[i]
        text = fold(block.text).rstrip(":")
        if block.chrome or block.tag == "h1":
            continue
        if text in chrome_labels:
            if not any(j > i for j in prose if j in set(inside[n + 1 :])):
                break  # a chrome label with no prose after it: the article has ended
            continue
        if block.link_density >= LINK_LIST_DENSITY:
            continue  # a link list: navigation, tags, an inline related box
        if not kept and teaser and len(text) > 20 and (text in teaser or teaser in text):
            continue  # the teaser the metadata repeats, printed before the body
        if _label_of_link_list(blocks, inside, n):
            continue
        kept.append(i)
    return _trim(blocks, kept, prose)


def _label_of_link_list(blocks: Sequence[Block], inside: list[int], n: int) -> bool:
    """A short line whose following lines are link lists: the label of a related box."""
    block = blocks[inside[n]]
    if len(block.text.split()) > 6 or block.text.rstrip().endswith((".", "!", "?")):
        return False
    following = [blocks[i] for i in inside[n + 1 : n + 4]]
    return bool(following) and all(b.link_density >= LINK_LIST_DENSITY for b in following)


def _trim(blocks: Sequence[Block], kept: list[int], prose: list[int]) -> list[int]:
    """Drop short non-prose lines before the first and after the last prose paragraph
    (bylines, datelines, share prompts, tag lists)."""
    prose_set = set(prose)
    first = next((n for n, i in enumerate(kept) if i in prose_set), None)
    if first is None:
        return kept
    last = max(n for n, i in enumerate(kept) if i in prose_set)
    head = [i for i in kept[:first] if _sentence_like(blocks[i])]
    tail = [i for i in kept[last + 1 :] if _sentence_like(blocks[i])]
    return head + kept[first : last + 1] + tail


def _sentence_like(block: Block) -> bool:
    text = block.text.rstrip()
    return block.is_heading or (len(text.split()) >= 6 and text.endswith(_SENTENCE_END))
