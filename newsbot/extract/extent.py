"""Where an article is on its page: which heading is its title, which blocks are its body.

Decided from the page's structure and metadata, never from one site's class names or
labels, so it holds for any publisher:

- title: the heading that agrees with the metadata titles (``title_index``);
- body: the block-level element that holds most of the page's prose (``prose`` blocks:
  paragraphs with few links, outside page chrome), then every block inside it after the
  title, minus chrome, link lists, bare labels, stamps and the teaser, plus a summary of
  two or more paragraphs or items set above it that does not repeat it (``body_range``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from newsbot.extract.blocks import Block, Layout
from newsbot.extract.metadata import PageMetadata
from newsbot.extract.text import fold, says_again, word_triples

PROSE_MIN_CHARS = 60  # a paragraph of prose: at least this long...
PROSE_MAX_LINK_DENSITY = 0.35  # ...and mostly not link text
LINK_LIST_DENSITY = 0.5  # a block this much link text is navigation, not prose
TAIL_LINK_DENSITY = 0.3  # after the last paragraph, a line this much link text points elsewhere
CONTAINER_SHARE = 0.85  # the body's element holds at least this share of the prose
GROUP_SHARE = 0.4  # paragraphs are grouped by an ancestor holding this share of the prose
GROUP_MIN_SHARE = 0.1  # a part of the body holds this share of the largest part's prose
CARD_MAX_PROSE = 400  # a story card's teaser is at most this long
TABLE_NOTE_MAX_CHARS = 160  # a note beside a table in its wrapper (`Source: ...`), not prose
LIST_NOTES_MAX = 2  # a list's short notes in its wrapper: a fact box's title and source
WRAPPED_TAGS = frozenset(["ul", "ol", "dl", "table"])  # in its own wrapper: a part of the body
HEADING_TAGS = frozenset(["h2", "h3", "h4", "h5", "h6"])
# a wrapped list's or table's own label: a heading, a table set as a figure's caption
LABEL_TAGS = HEADING_TAGS | {"figcaption", "caption"}
STRUCTURE_TAGS = frozenset(
    ["ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th"]
    + ["blockquote", "pre", "center", "details", "summary", "p", "hgroup"]
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)|all rights reserved", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# a sentence's end in the scripts pages are written in: Latin, Arabic and Urdu (`؟`, `۔`),
# Devanagari (`।`, `॥`), Chinese and Japanese (`。`, `！`, `？`, `」`), and closing quotes
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ")", ":", "؟", "۔", "।", "॥", "。",
                 "！", "？", "」", "』", "»")  # fmt: skip


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "November 19, 2019, 07:47 PM EST", "19 Nov 2019 19:47", "Updated 2 March 2024 • 8:58pm"
_DATE_LINE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)\b",
    re.IGNORECASE,
)
DATE_LINE_MAX_CHARS = 80
# a byline's date as Central Europe prints it: `Von Jana Roth 09.04.2025, 18:30 Uhr` (for the
# byline only: a day-first date is not read as the article's time from here)
_DOTTED_DATE_LINE = re.compile(r"^.{0,60}\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b.{0,20}$")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)


def printed_date(text: str) -> str | None:
    """The date a short line prints, from the date on ("Published November 19, 2019,
    07:47 PM EST" -> "November 19, 2019, 07:47 PM EST"); ``None`` for prose or no date."""
    if len(text) > DATE_LINE_MAX_CHARS:
        return None
    found = _DATE_LINE.search(text)
    return text[found.start() :].strip() if found else None


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
        # no heading agrees: a line repeating the title (a styled <div> or <p>), outside the
        # page's chrome (a <title> that is only the site's name repeats the logo's line)
        for i, block in enumerate(blocks):
            if block.chrome or len(block.text) > 300:
                continue
            if max(agreement(block.text, t) for t in titles) >= 0.9:
                return i
    h1s = [i for i, block in enumerate(blocks) if block.tag == "h1"]
    if len(h1s) == 1:
        return h1s[0]
    if h1s:
        return max(h1s, key=lambda i: (not blocks[i].chrome, _prose_after(blocks, i)))
    return next((i for i, block in enumerate(blocks) if block.is_heading), None)


def _prose_after(blocks: Sequence[Block], start: int, window: int = 40) -> int:
    """Prose right after the heading at ``start``, up to the next ``<h1>``."""
    size = 0
    for block in blocks[start + 1 : start + 1 + window]:
        if block.tag == "h1":
            break
        if is_prose(block):
            size += len(block.text)
    return size


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


def _groups(blocks: Sequence[Block], prose: list[int], container: int | None) -> set[int]:
    """The elements inside ``container`` that hold the article's own paragraphs.

    Prose is grouped by its parent element (its grandparent, and so on, while the largest
    group holds under ``GROUP_SHARE`` of the prose: paragraphs each in their own wrapper).
    A group is the body's when it holds at least ``GROUP_MIN_SHARE`` of the largest group's
    prose: a body cut in two by a box keeps both parts, a teaser card or an author's note
    with a sentence or two is left out.
    """
    total = sum(len(blocks[i].text) for i in prose)
    if not total:
        return set()
    for level in range(2, 64):
        weight: dict[int, int] = {}
        keys: dict[int, int] = {}  # prose block -> its group at this level
        for i in prose:
            path = blocks[i].path
            if len(path) < level:
                continue
            key = path[-level]
            if (
                container is not None
                and container in path
                and path.index(container) > len(path) - level
            ):
                key = container  # never above the body's element
            keys[i] = key
            weight[key] = weight.get(key, 0) + len(blocks[i].text)
        if not weight:
            break
        top = max(weight.values())
        if top >= GROUP_SHARE * total:
            chosen = {g for g, w in weight.items() if w >= GROUP_MIN_SHARE * top}
            return chosen | _sandwiched(prose, keys, chosen) | _leading(blocks, prose, keys, chosen)
    return {container} if container is not None else set()


def _sandwiched(prose: list[int], keys: dict[int, int], chosen: set[int]) -> set[int]:
    """Smaller groups of paragraphs that sit between the body's own groups in reading order
    (a short section of a piece cut into sections): a box after or before the article's
    text is not between them."""
    order = [keys[i] for i in prose if i in keys]
    at = [n for n, g in enumerate(order) if g in chosen]
    if len(at) < 2:
        return set()
    between = {order[n] for n in range(at[0] + 1, at[-1]) if order[n] not in chosen}
    # a group whose paragraphs all lie between the body's: not one that also runs outside
    outside = {order[n] for n in range(len(order)) if n < at[0] or n > at[-1]}
    return between - outside


def _with_its_start(
    blocks: Sequence[Block], prose: list[int], start: int, container: int | None
) -> int | None:
    """The element around the body's when the story's first paragraphs stand in an element
    right before it, beside it (a metered page's free paragraphs in `subscriber-preview`,
    an offer box, the rest in `subscriber-only`): the story starts there."""
    if container is None:
        return None
    first = next((i for i in prose if i >= start and container in blocks[i].path), None)
    if first is None:
        return container
    parent = _parent(blocks[first], container)
    if parent is None:
        return container
    beside = []  # the element beside the body's holding each paragraph before it, going back
    for i in reversed([i for i in prose if start <= i < first]):
        path = blocks[i].path
        if parent not in path or container in path:
            break
        beside.append(path[path.index(parent) + 1])
    return parent if _start_of_story(beside) is not None else container


def _leading(
    blocks: Sequence[Block], prose: list[int], keys: dict[int, int], chosen: set[int]
) -> set[int]:
    """The group of paragraphs right before the body's, in an element beside the body's own
    (the same parent), when it holds two paragraphs or more, with at most boxes of one
    paragraph between: the story's start, cut off by a box (a metered page's free paragraphs,
    then the offer, then the rest in a `subscriber-only` div). One paragraph there may be a
    standfirst or a note (the lede check's, :func:`_lead_in`)."""
    order = [i for i in prose if i in keys]
    first = next((n for n, i in enumerate(order) if keys[i] in chosen), None)
    if not first:
        return set()
    back = [keys[i] for i in reversed(order[:first])]
    group = _start_of_story(back)
    if group is None:
        return set()
    member = next(i for i in reversed(order[:first]) if keys[i] == group)
    body = keys[order[first]]
    same_parent = _parent(blocks[member], group) == _parent(blocks[order[first]], body)
    return {group} if same_parent else set()


def _start_of_story(back: list[int]) -> int | None:
    """Of the elements holding the paragraphs before the body's, nearest first: the one
    holding ``_LEADING_MIN_PARAGRAPHS`` or more in a row, with only runs of one paragraph (a
    box's) between it and the body, and none of its paragraphs further back; None where
    there is no such element."""
    runs: list[tuple[int, int]] = []  # (element, paragraphs in a row)
    for element in back:
        if runs and runs[-1][0] == element:
            runs[-1] = (element, runs[-1][1] + 1)
        else:
            runs.append((element, 1))
    for n, (element, count) in enumerate(runs):
        if count < _LEADING_MIN_PARAGRAPHS:
            continue
        if any(e == element for e, _ in runs[n + 1 :]):
            return None
        return element
    return None


_LEADING_MIN_PARAGRAPHS = 2


def _parent(block: Block, element: int) -> int | None:
    """The element around ``element`` on ``block``'s path."""
    at = block.path.index(element) if element in block.path else -1
    return block.path[at - 1] if at > 0 else None


def body_range(
    layout: Layout,
    title_at: int | None,
    chrome_labels: set[str],
    meta_author: str | None = None,
) -> list[int]:
    """Indexes of the blocks that make the article's body, in order."""
    blocks = layout.blocks
    prose = [i for i, b in enumerate(blocks) if is_prose(b)]
    start = 0 if title_at is None else title_at + 1
    if not any(i >= start for i in prose):
        start = 0  # a title after the text (or a wrong one): read the whole page
    container = _container(blocks, prose, start)
    container = _with_its_start(blocks, prose, start, container)
    inside = [
        i for i in range(start, len(blocks)) if container is None or container in blocks[i].path
    ]
    around = _around(blocks, inside, container)
    boxes = {f for f in layout.form_holders if f != container and f not in around}
    inside_prose = [
        i
        for i in prose
        if i >= start
        and (container is None or container in blocks[i].path)
        and not (boxes and any(f in blocks[i].path for f in boxes))
    ]
    boxes -= _ancestors(blocks, inside_prose)  # a form around the article is not a box
    teasers = _teaser_cards(blocks, inside, inside_prose)
    if teasers:
        boxes |= teasers
        inside_prose = [i for i in inside_prose if not any(t in blocks[i].path for t in teasers)]
    groups = _groups(blocks, inside_prose, container)
    # (and an element whose own text is the prose: `<div>` lines between `<br>`s, a list
    # among them)
    holds_prose = _ancestors(blocks, inside_prose) | {blocks[i].path[-1] for i in inside_prose}
    # the elements around a linked heading, short of one that holds the story's paragraphs
    # too (a body in chunks, one with a "Read more" card among its paragraphs)
    cards = _ancestors(
        blocks, [i for i in inside if blocks[i].is_heading and blocks[i].link_density >= 0.5]
    ) - _holding_prose(blocks, inside_prose)
    # wrappers of a single line (a subheading in its own <div>) pass like prose holders
    # (a button beside the line is not a second line: a transcript's turn, `0:42` and its text)
    counts = Counter(e for i in inside if blocks[i].tag != "button" for e in blocks[i].path[:-1])
    solo = {e for e, n in counts.items() if n == 1}
    solo |= _list_wrappers(blocks, inside, layout.tags)
    in_parts = [i for i in inside_prose if _in_groups(blocks[i], groups, holds_prose, cards, {})]
    span = (in_parts[0], in_parts[-1]) if in_parts else (0, 0)
    kept: list[int] = []
    later_prose = set(inside_prose)
    author = fold(meta_author or "")
    author_lines = {author, f"about {author}", f"by {author}"}
    bio_box: int | None = None
    for n, i in enumerate(inside):
        block = blocks[i]
        later_prose.discard(i)
        text = fold(block.text).rstrip(":")
        if block.chrome or block.tag in ("h1", "button"):
            continue  # (a button's label, `Copy`, `Show more`, is the page's, not the text's)
        if boxes and any(f in block.path for f in boxes):
            continue  # a sign-up or search form and what it says
        if (
            groups
            and not _in_groups(block, groups, holds_prose | solo, cards, layout.tags)
            and not (span[0] < i < span[1] and _list_box(block, container, solo, layout.tags))
        ):
            continue  # a box beside or inside the article's paragraphs (not a list box of facts)
        if text in chrome_labels:
            if not later_prose:
                break  # a chrome label with no prose after it: the article has ended
            continue
        if _link_list(block):
            continue  # a link list: navigation, tags, an inline related box
        if author and _author_bio(block.text, author):
            continue  # "Jo Writer is a political correspondent for ..."
        if _dateline(block.text) or _time_stamp(block):
            continue  # a byline or dateline: "Telegraph Reporters 2 March 2024 • 9:08pm"
        if author and kept and fold(block.text) in author_lines and len(block.path) > 1:
            if _author_box(blocks, inside, n, later_prose):
                bio_box = block.path[-2]  # the author's box after the article: name and bio
            continue
        if bio_box is not None and bio_box in block.path:
            continue
        if _label_of_link_list(blocks, inside, n):
            continue
        kept.append(i)
    kept = _with_section_headings(blocks, inside, kept)
    kept = _trim(blocks, kept, prose)
    pulled = pull_quotes(blocks, kept, layout.tags)
    kept = [i for i in kept if i not in pulled]
    return _lead_in(blocks, start, kept, container, layout.classes) + kept


PULL_QUOTE_MIN_CHARS = 30  # a quote shorter than this may repeat the text by chance
_NOT_WORDS = re.compile(r"[\W_]+")


def _bare(text: str) -> str:
    return _NOT_WORDS.sub(" ", fold(text)).strip()


def pull_quotes(blocks: Sequence[Block], kept: list[int], tags: dict[int, str]) -> set[int]:
    """The blocks of a pull quote inside the body: a ``<blockquote>`` whose first line says
    again what the story's own paragraphs say, with the line naming who said it
    (`<blockquote><p>"..."</p><span>Jane Roe, mayor</span></blockquote>`). A quote that
    says something the paragraphs do not (a post, a statement) is the story's."""
    quotes: dict[int, list[int]] = {}
    for i in kept:
        held = [e for e in blocks[i].path if tags.get(e) == "blockquote"]
        if held:
            quotes.setdefault(held[-1], []).append(i)
    if not quotes:
        return set()
    inside = {i for members in quotes.values() for i in members}
    story = _bare(" ".join(blocks[i].text for i in kept if i not in inside))
    pulled: set[int] = set()
    for quote, members in quotes.items():
        said = _bare(blocks[members[0]].text)
        if len(said) >= PULL_QUOTE_MIN_CHARS and said in story:
            pulled.update(members)
            credit = _credit_after(blocks, kept, quote, members[-1])
            if credit is not None:
                pulled.add(credit)
    return pulled


PULL_CREDIT_MAX_CHARS = 80


def _credit_after(blocks: Sequence[Block], kept: list[int], quote: int, last: int) -> int | None:
    """The line naming who said a pull quote, set after its ``<blockquote>`` in the box
    that holds both (Brightspot's `div.Quote > blockquote.Quote-body +
    div.Quote-attribution`: blind site 65): short, no sentence, in the quote's parent."""
    at = kept.index(last) + 1
    if at >= len(kept):
        return None
    path = blocks[last].path
    depth = path.index(quote)
    box = path[depth - 1] if depth > 0 else None
    after = blocks[kept[at]]
    text = after.text.strip()
    if (
        box is None
        or box not in after.path
        or quote in after.path
        or len(text) > PULL_CREDIT_MAX_CHARS
        or text.endswith((".", "!", "?"))
    ):
        return None
    return kept[at]


LEAD_IN_MIN_BLOCKS = 2  # a lone paragraph above the body is a standfirst
LEAD_IN_MIN_CHARS = 40


def _lead_in(
    blocks: Sequence[Block],
    start: int,
    kept: list[int],
    container: int | None,
    classes: dict[int, str] | None = None,
) -> list[int]:
    """Paragraphs or list items of text between the title and the body's element, in one
    element of their own beside it: a live page's summary or introduction above its posts
    (``<section class="summary"><ul><li>...``). Two or more, text not links, outside page
    chrome; a lone paragraph there is a standfirst and stays out, unless the element holding
    it is of the body's own kind (Brightspot's lede above the lead picture: `div.RichTextBody
    > p`, as the body's `div.RichTextBody`): the story's first paragraph, set apart."""
    if not kept or container is None:
        return []
    first = kept[0]
    lines = [
        i
        for i in range(start, first)
        if not blocks[i].chrome
        and container not in blocks[i].path
        and blocks[i].tag in ("p", "li")
        and len(blocks[i].text) >= LEAD_IN_MIN_CHARS
        and blocks[i].link_density <= PROSE_MAX_LINK_DENSITY
        and not _dateline(blocks[i].text)
        and not _time_stamp(blocks[i])
    ]
    own = [i for i in lines if _of_the_bodys_kind(blocks, i, first, container, classes or {})]
    if own:
        return own  # the story's own paragraphs, set apart from the rest (not a standfirst)
    if len(lines) < LEAD_IN_MIN_BLOCKS:
        return []
    group = _common(blocks[i].path[:-1] for i in lines)
    if group is None or group in blocks[first].path:
        return []  # their element holds the body too: the article's header, not a summary
    # one group of their own: no paragraph of another kind sits among them
    members = [i for i in range(lines[0], lines[-1] + 1) if group in blocks[i].path]
    if any(i not in lines and is_prose(blocks[i]) for i in members):
        return []
    # key points that say again what the body says add nothing to it
    body = word_triples(" ".join(blocks[i].text for i in kept))
    fresh = [i for i in lines if not says_again(blocks[i].text, body, REPEAT_SHARE)]
    return fresh if len(fresh) >= LEAD_IN_MIN_BLOCKS else []


REPEAT_SHARE = 0.6  # of a line's word triples found in the body: it says the body again


def _of_the_bodys_kind(
    blocks: Sequence[Block], line: int, first: int, container: int, classes: dict[int, str]
) -> bool:
    """Whether the element holding ``line`` has the class names of the body's element or of
    one inside it that holds the body's first paragraph (not a layout column around both)."""
    path = blocks[line].path
    holder = path[-2] if len(path) > 1 else None
    named = classes.get(holder) if holder is not None else None
    body_path = blocks[first].path
    if not named or holder in body_path or container not in body_path:
        return False
    return any(classes.get(e) == named for e in body_path[body_path.index(container) : -1])


def _common(paths: Iterable[tuple[int, ...]]) -> int | None:
    """The deepest element every path passes through."""
    shared: tuple[int, ...] | None = None
    for path in paths:
        if shared is None:
            shared = path
            continue
        n = 0
        while n < min(len(shared), len(path)) and shared[n] == path[n]:
            n += 1
        shared = shared[:n]
    return shared[-1] if shared else None


def _author_box(blocks: Sequence[Block], inside: list[int], n: int, later_prose: set[int]) -> bool:
    """Whether the author's name at ``inside[n]`` opens the author's box after the article
    (the name, then a note about them), not one post of a live blog, which names its writer
    above its own heading and paragraphs, with more posts after it."""
    box = blocks[inside[n]].path[-2]
    if any(box not in blocks[i].path for i in later_prose):
        return False  # the article's prose goes on after the box
    after = [blocks[i] for i in inside[n + 1 :] if box in blocks[i].path]
    return not any(b.is_heading for b in after)


def _with_section_headings(
    blocks: Sequence[Block], inside: list[int], kept: list[int]
) -> list[int]:
    """``kept`` with the headings of the body's later sections: a heading between body
    lines, outside the paragraphs' own element but in the element that holds the section
    it opens (``<section><h3>…</h3><div><p>…``), followed at once by a body line. The first
    section's heading stays out (a standfirst or kicker set as a heading is not body)."""
    if len(kept) < 2:
        return kept
    chosen = set(kept)
    order = {i: n for n, i in enumerate(inside)}
    added = []
    for i in inside:
        if not kept[0] < i < kept[-1] or i in chosen:
            continue
        block = blocks[i]
        if not block.is_heading or block.tag == "h1" or block.chrome or block.link_density >= 0.5:
            continue
        n = order[i] + 1
        after = inside[n] if n < len(inside) else None
        if after is None or after not in chosen or len(block.path) < 2:
            continue
        if block.path[-2] in blocks[after].path[:-1]:
            added.append(i)
    return sorted(chosen.union(added)) if added else kept


def _teaser_cards(blocks: Sequence[Block], inside: list[int], prose: list[int]) -> set[int]:
    """Elements holding a linked headline and at most a short paragraph: a story card
    (another article's teaser), not a section of this one."""
    parents = {
        blocks[i].path[-2]
        for i in inside
        if blocks[i].is_heading and blocks[i].link_density >= 0.5 and len(blocks[i].path) > 1
    }
    if not parents:
        return set()
    size: dict[int, int] = {}
    for i in prose:
        for element in blocks[i].path[:-1]:
            if element in parents:
                size[element] = size.get(element, 0) + len(blocks[i].text)
    return {p for p in parents if size.get(p, 0) <= CARD_MAX_PROSE}


def _in_groups(
    block: Block, groups: set[int], holds_prose: set[int], cards: set[int], tags: dict[int, str]
) -> bool:
    """Whether ``block`` is part of one of the body's groups of paragraphs: in the group's
    element, or inside it through elements that hold prose themselves (a paragraph's own
    wrapper) or give text its structure (lists, tables, quotes), never through a box
    without prose or a teaser card (an element with a linked heading). Preformatted text
    (a guide's code, a poem) passes whatever wraps it there."""
    path = block.path
    for k in range(len(path) - 1, -1, -1):
        if path[k] in groups:
            if block.tag == "pre":
                return True  # code or verse in its highlighter's wrappers and toolbar
            between = path[k + 1 : -1]
            return all(
                tags.get(w) in STRUCTURE_TAGS or (w in holds_prose and w not in cards)
                for w in between
            )
    return False


def _list_box(block: Block, container: int | None, solo: set[int], tags: dict[int, str]) -> bool:
    """A list (or table) between the body's parts, in wrappers of its own right under the
    body's element (a Drupal paragraph holding `aside.factbox > (h3, ul)` between the text
    paragraphs): the story's box of facts. A box of links does not wrap lists only."""
    path = block.path
    if (
        container is None
        or container not in path
        or block.tag not in ("li", "td", "th", "dt", "dd")
    ):
        return False
    between = path[path.index(container) + 1 : -1]
    return bool(between) and all(w in solo or tags.get(w) in STRUCTURE_TAGS for w in between)


def _around(blocks: Sequence[Block], inside: list[int], container: int | None) -> set[int]:
    """The elements around the body's element (an ``<article>`` with a sign-up form after
    the body holds the form and the body both: it is not the form's box)."""
    if container is None:
        return set()
    for i in inside:
        path = blocks[i].path
        if container in path:
            return set(path[: path.index(container)])
    return set()


def _ancestors(blocks: Sequence[Block], indexes: list[int]) -> set[int]:
    return {element for i in indexes for element in blocks[i].path[:-1]}


def _list_wrappers(blocks: Sequence[Block], inside: list[int], tags: dict[int, str]) -> set[int]:
    """Elements that only wrap lists or tables, with at most their own headings or captions: a
    body whose every part sits in its own ``<div>`` (`div > p`, `div > h2`, `div > ul`), a
    table in a scrolling wrapper (`div.table__wrapper > div > table`) or set as a figure
    with its title and source note (`figure > (figcaption, div > table, p)`), a review's pros
    and cons (`div > div > (h4, ul)`) pass through them."""
    children: dict[int, set[int]] = {}
    text: Counter[int] = Counter()
    linked: Counter[int] = Counter()
    own: Counter[int] = Counter()  # a block's element: the length of its own text
    for i in inside:
        path = blocks[i].path
        own[path[-1]] += len(blocks[i].text)
        for k in range(len(path) - 1):
            children.setdefault(path[k], set()).add(path[k + 1])
        if not blocks[i].is_heading:
            for element in path[:-1]:
                text[element] += len(blocks[i].text)
                linked[element] += round(len(blocks[i].text) * blocks[i].link_density)
    passing: dict[int, bool] = {}
    labelling: dict[int, bool] = {}

    def labels(element: int) -> bool:  # a heading in wrappers of its own (an AMP story's)
        if element not in labelling:
            below = children.get(element, set())
            labelling[element] = (
                bool(below)
                and not own[element]
                and all(tags.get(c) in LABEL_TAGS or labels(c) for c in below)
            )
        return labelling[element]

    def wraps(element: int) -> bool:  # only lists, tables, headings and such wrappers
        if linked[element] >= LINK_LIST_DENSITY * text[element]:
            return False  # a box of links under its label: "Related articles", a tag list
        if element not in passing:
            below = children.get(element, set())
            holds = any(tags.get(c) in WRAPPED_TAGS or wraps(c) for c in below)
            # a table set as a figure passes with its title and source note beside it, and
            # so does a table in its scrolling wrapper with a short note (`Source: ...`), and
            # a fact box's list with its title and source (`div > (h4, p, ul, p)`)
            table = any(tags.get(c) == "table" for c in below)
            notes = [c for c in below if tags.get(c) == "p" and own[c] <= TABLE_NOTE_MAX_CHARS]
            noted = table or (
                len(notes) <= LIST_NOTES_MAX and any(tags.get(c) in WRAPPED_TAGS for c in below)
            )
            passing[element] = holds and (
                tags.get(element) == "figure"
                or all(
                    tags.get(c) in WRAPPED_TAGS
                    or tags.get(c) in LABEL_TAGS
                    or labels(c)
                    or wraps(c)
                    or (noted and c in notes)
                    for c in below
                )
            )
        return passing[element]

    return {e for e in children if tags.get(e) not in WRAPPED_TAGS and wraps(e)}


def _holding_prose(blocks: Sequence[Block], prose: list[int]) -> set[int]:
    """The elements holding more of the paragraphs ``prose`` than a story card's teaser: two
    paragraphs or more, or over ``CARD_MAX_PROSE`` characters."""
    size: Counter[int] = Counter()
    count: Counter[int] = Counter()
    for i in prose:
        for element in blocks[i].path[:-1]:
            size[element] += len(blocks[i].text)
            count[element] += 1
    return {e for e in size if count[e] >= 2 or size[e] > CARD_MAX_PROSE}


def _dateline(text: str) -> bool:
    """A short line printing a date and a clock time, not a sentence: the article's (or a
    post's) time stamp, not its text."""
    return (
        (printed_date(text) is not None or _DOTTED_DATE_LINE.search(text) is not None)
        and _CLOCK.search(text) is not None
        and not text.rstrip().endswith((".", "!", "?"))
    )


TIME_STAMP_MAX_CHARS = 40
LINKED_SENTENCE_MIN_WORDS = 4


def _time_stamp(block: Block) -> bool:
    """A short line around a ``<time datetime>``, not a sentence: a live post's or an
    update's stamp (``16:50 BST 90+4 min``, ``Updated 2 hours ago``)."""
    text = block.text.rstrip()
    return (
        bool(block.datetimes)
        and len(text) <= TIME_STAMP_MAX_CHARS
        and not text.endswith((".", "!", "?"))
    )


def _author_bio(text: str, author: str) -> bool:
    """A short note about the article's author: "<name or first name> is ..."."""
    if len(text) > 500:
        return False
    folded = fold(text)
    first = author.split()[0] if author.split() else ""
    names = (author, first) if len(first) >= 2 else (author,)
    return any(folded.startswith(f"{name} is ") for name in names)


def _link_list(block: Block) -> bool:
    """Mostly link text: a line of navigation or tags, a related headline; not a sentence
    with one linked name ("From WECT News:")."""
    density = block.link_density
    if density >= 0.8:
        return not _linked_sentence(block)
    sentence = len(block.text.split()) >= 12 and block.text.rstrip().endswith(_SENTENCE_END)
    return density >= LINK_LIST_DENSITY and len(block.links) >= 2 and not sentence


def _linked_sentence(block: Block) -> bool:
    """A paragraph that is one linked sentence of the story (`The full letter is here.`,
    its document behind the link), which a related headline (no full stop) is not."""
    text = block.text.rstrip()
    return (
        block.tag == "p"
        and len(block.links) == 1
        and text.endswith(".")
        and len(text.split()) >= LINKED_SENTENCE_MIN_WORDS
    )


def _label_of_link_list(blocks: Sequence[Block], inside: list[int], n: int) -> bool:
    """A short line whose following lines are link lists: the label of a related box."""
    block = blocks[inside[n]]
    if len(block.text.split()) > 6 or block.text.rstrip().endswith((".", "!", "?")):
        return False
    following = [blocks[i] for i in inside[n + 1 : n + 4]]
    return bool(following) and all(_link_list(b) for b in following)


def _trim(blocks: Sequence[Block], kept: list[int], prose: list[int]) -> list[int]:
    """Drop short non-prose lines before the first and after the last prose paragraph
    (bylines, datelines, share prompts, tag lists)."""
    prose_set = set(prose)
    first = next((n for n, i in enumerate(kept) if i in prose_set), None)
    if first is None:
        return kept
    last = max(n for n, i in enumerate(kept) if i in prose_set)
    # before it: sentences, and a list of points (a tabloid's key points, often unstopped)
    points = [i for i in kept[:first] if _list_point(blocks[i])]
    if len(points) < LEAD_IN_MIN_BLOCKS:
        points = []
    # (and a short sentence in a paragraph beside the first prose one: a tabloid's opening
    # beats, `Then Wexley Town happened.`, blind pages round 57)
    opening = blocks[kept[first]]
    head = [
        i
        for i in kept[:first]
        if _sentence_like(blocks[i]) or i in points or _beat(blocks[i], opening)
    ]
    # a paragraph after the text, as the page writes its paragraphs (a `<p>`, or the `<div>`
    # its paragraphs are, beside them): `Avec les informations de La Presse canadienne`
    paragraph = blocks[kept[last]]
    tail = [
        i
        for i in kept[last + 1 :]
        if (
            _sentence_like(blocks[i])
            or blocks[i].tag == "p"
            or (blocks[i].tag == paragraph.tag and blocks[i].path[:-1] == paragraph.path[:-1])
            or _list_point(blocks[i])  # a review's pros and cons, a closing list of dates
            or blocks[i].tag == "pre"  # a guide's last command
        )
        and blocks[i].link_density < TAIL_LINK_DENSITY  # after the text: a pointer elsewhere
        and not _COPYRIGHT.search(blocks[i].text)
    ]
    return head + kept[first : last + 1] + tail


LIST_POINT_MIN_WORDS = 4  # a list item this long says something (`Climate change` is a tag)


def _beat(block: Block, paragraph: Block) -> bool:
    """A short sentence of its own, a ``<p>`` beside ``paragraph`` (same parent), stopped."""
    return (
        block.tag == "p"
        and paragraph.tag == "p"
        and block.path[:-1] == paragraph.path[:-1]
        and len(block.text.split()) >= 2
        and block.text.rstrip().endswith(_SENTENCE_END)
        and not block.links
    )


def _list_point(block: Block) -> bool:
    return block.tag == "li" and len(block.text.split()) >= LIST_POINT_MIN_WORDS


def _sentence_like(block: Block) -> bool:
    text = block.text.rstrip()
    return block.is_heading or (len(text.split()) >= 6 and text.endswith(_SENTENCE_END))
