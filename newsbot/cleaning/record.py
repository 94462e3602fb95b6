"""Record shapes: boilerplate recognised by where a line sits among the record's other lines.

The other layers judge one line at a time. Some boilerplate looks like prose line by line and
gives itself away only next to the rest of the record, in any language:

- a pull quote repeats a passage of the article word for word (``record:pull_quote``);
- an embedded post ends with its signature line, ``— Jane Roe (@janeroe) May 2, 2024``, and
  the lines right before it are the post's text (``record:embed``);
- a byline or contributor line without the word "By" is nothing but names, at the top or the
  bottom of the copy (``record:byline``);
- a note about the writer at the bottom: a name, then what they do for a newsroom
  (``Jane Roe is a senior reporter ...``, ``Sam has been testing phones since 2018.``,
  ``record:author_bio``);
- a press release's standing description, under its removed ``About <Name>`` label and
  starting with that name (``record:about_block``);
- short lines that are not sentences above the first paragraph of copy or below the last
  (a byline with a desk, a date line, a section label, a related headline, a button): the
  copy is its sentences, and what frames it is the page's (``record:before_copy``,
  ``record:after_copy``);
- a line that opens with a pictograph (``📢``, ``🎧``, ``👉``) among lines that do not: a
  promo set apart by its emoji; a run of them is a list of the copy's
  (``record:emoji_line``);
- a call to comment as the copy's last line (``Do you agree with the increase? Let us know in
  the comments.``): the outlet's footer. Between paragraphs, a live blog's reporter talking
  to readers, it stays (``record:comment_prompt``).

Each check reads the lines still kept and marks the ones it removes; rule names start with
``record:`` so that stats and ``removed`` say which layer took them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Protocol

from newsbot.cleaning.text import BULLETS, NUMBERED_STEP, without_citations

LAYER = "record"
PULL_QUOTE = f"{LAYER}:pull_quote"
CUT_TEASER = f"{LAYER}:cut_teaser"
EMBED = f"{LAYER}:embed"
BYLINE = f"{LAYER}:byline"
AUTHOR_BIO = f"{LAYER}:author_bio"
ABOUT_BLOCK = f"{LAYER}:about_block"
BEFORE_COPY = f"{LAYER}:before_copy"
AFTER_COPY = f"{LAYER}:after_copy"
EMOJI_LINE = f"{LAYER}:emoji_line"
COMMENT_PROMPT = f"{LAYER}:comment_prompt"

_NOT_WORD = re.compile(r"[^\w’']+")
_OPENING = "\"'“‘«„‚"
_CLOSING = "\"'”’»"
_PULL_PARTS = re.compile(r"(?<=[.!?؟…])\s+|\s*(?:…|\.\.\.)\s*")
_PULL_PART_MIN_WORDS = 3
_ADDRESS = re.compile(
    r"\b[\w-]+\.(?:[a-z]{2,3}\.)?(?:com|org|net|uk|gov|edu|info|io)\b|https?://|@", re.I
)
_PULL_MIN_WORDS = 8
_PULL_MAX_CHARS = 400
_PULL_AFTER = 3  # kept lines at the top that may repeat the copy: a summary, key points
_PULL_REACH = 8  # kept lines either side where the repeated passage is looked for
# A post's text is at most 280 characters (X), plus its link.
_EMBED_TEXT_MAX = 300
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# `— Jane Roe (@janeroe) February 28, 2024`, `— Outlet (@outlet) 28 February 2024`
_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*[^()\n]{1,80}?\s*\(@[\w.]{1,30}\)\s*"
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?)?"
    # the embed's counts and button after the date: `· 14.2K reposts · Follow`
    r"(?:\s*[·•|]\s*(?:[\d.,]+[KkMm]?\s+(?:reposts?|retweets?|likes?|replies|views|shares|"
    r"comments)|Follow|Reply|Repost|Share|Copy link|Read \d+ replies)){0,4}",
    re.I,
)
# `A post shared by Jane Roe (@janeroe)`: Instagram's embed footer
_SHARED_BY = re.compile(r"A (?:post|photo|video|reel) shared by .{1,80}\(@[\w.]{1,30}\)", re.I)
# a reported sentence of the story (`Several vendors said they ...`), not a post's text: a
# speech verb, and none of a post's marks (a tag, a handle, a link, an emoji) (set 305)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to)\b")
# Pictographs: misc symbols and dingbats, and the emoji planes. Ticks and crosses (a list's
# marks), a match report's goals and cards, and keycaps are not among them.
_PICTOGRAPHS = ((0x2600, 0x27BF), (0x1F300, 0x1FAFF))
_POST_MARKS = re.compile(
    r"[#@]\w|https?://|www\.|[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _PICTOGRAPHS) + "]"
)
_POST_LINK = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/\w+", re.I)
# A personal name: two to four capitalised words (initials, particles and hyphens allowed).
_NAME = (
    r"(?:[A-Z][^\W\d_’'-]*(?:[’'-][^\W\d_]+)*\.?|[A-Z]\.)"
    r"(?:\s+(?:(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|dos|ter)\s+)?"
    r"(?:[A-Z][^\W\d_’'-]*(?:[’'-][^\W\d_]+)*\.?|[A-Z]\.)){1,3}"
)
_NAMES_LINE = re.compile(rf"{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME}){{0,3}}")
_BYLINE_REACH = 2  # lines from either end of the record
# Capitalised words a subheading or label starts with, never a name.
_NOT_NAME_WORDS = (
    "the a an how why what when where who which this these those our my your his her their "
    "key more top new latest live watch read related about editor editors news world "
    "breaking update updates analysis opinion comment comments sponsored advertisement "
    "share follow sign subscribe listen video photo photos gallery "
    "highlights summary overview background results outlook timeline contacts notes facts "
    "figures quarter annual financial review preview statement guidance agenda schedule "
    "details information"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


class Outcome(Protocol):
    """What the record checks read and mark on each line (a ``LineOutcome``)."""

    text: str
    kept: str | None
    rule: str | None
    caption: str | None


def mark_record_shapes(out: Sequence[Outcome]) -> None:
    """Mark the record's lines that are boilerplate by their place among the others."""
    for check in _CHECKS:
        check(out)


def mark_record_ends(out: Sequence[Outcome]) -> None:
    """Only the checks that read where a line sits among the kept ones (its ends, the lines
    above the first paragraph and below the last): what changes when a later layer takes a
    line. A pull quote or an embed is what it is wherever its neighbours have gone."""
    for check in _END_CHECKS:
        check(out)


def _kept(out: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in out if o.rule is None and o.kept]


def _remove(item: Outcome, rule: str) -> None:
    item.rule, item.kept, item.caption = rule, None, None


def _quote_key(text: str) -> str:
    """Words only: a pull quote changes the quotation marks and the last comma of its passage."""
    return " ".join(_NOT_WORD.sub(" ", text).casefold().split())


def mark_pull_quotes(out: Sequence[Outcome]) -> None:
    """A line that repeats a passage of a nearby line is a pull quote.

    The passage may be cut where the article names the speaker (``"I don't build to a plan,"
    she says. "The wood tells you..."``): each sentence of a quoted pull quote is looked for.
    An unquoted pull quote is one sentence (several sentences said again in other company
    are the article's own prose). An unquoted line among the first lines is left alone: a
    summary or key points above the copy repeat its sentences too, and are the article's own.
    A whole paragraph said twice further down keeps the copy that reads as the article's (a
    full stop, no quotation marks around it), else the first.
    """
    kept = _kept(out)
    keys = [f" {_quote_key(o.kept or '')} " for o in kept]  # spaces: whole words only
    where: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        where.setdefault(key, []).append(n)
    for n, item in enumerate(kept):
        text = item.kept or ""
        key = keys[n]
        if len(text) > _PULL_MAX_CHARS or key.count(" ") <= _PULL_MIN_WORDS:
            continue
        if getattr(item, "in_table", False):
            continue  # a table's rows repeat their cells by nature (and were kept whole)
        if _ADDRESS.search(text):
            continue  # a listing's practical line (dates, a web address) repeats by nature
        lo, hi = max(0, n - _PULL_REACH), n + _PULL_REACH + 1
        twin = next((m for m in where[key] if m != n and lo <= m < hi), None)
        if twin is not None:
            mine, theirs = _styled(text), _styled(kept[twin].kept or "")
            if mine > theirs or (mine == theirs and twin < n and twin >= _PULL_AFTER):
                _remove(item, PULL_QUOTE)  # key points above the copy said again in it stay
            continue
        quoted = _quoted(text)
        if n < _PULL_AFTER and not quoted:
            continue
        near = [other for other in keys[lo:hi] if len(other) > len(key) + 10]
        if not near:
            continue
        parts = [f" {k} " for k in map(_quote_key, _PULL_PARTS.split(text)) if k]
        if not quoted and len(parts) > 1:
            continue  # sentences the article says twice in other company: its own prose
        if any(key in other for other in near):
            _remove(item, PULL_QUOTE)
            _remove_credit(kept, n, near)
            continue
        whole = len(parts) > 1 and all(p.count(" ") > _PULL_PART_MIN_WORDS for p in parts)
        if whole and any(all(p in other for p in parts) for other in near):
            _remove(item, PULL_QUOTE)
            _remove_credit(kept, n, near)


_CREDIT_MAX_CHARS = 80
_CREDIT_DASH = re.compile(r"^\s*[—–-]+\s*")


def _remove_credit(kept: Sequence[Outcome], n: int, near: list[str]) -> None:
    """The line naming who said the pull quote at ``n``, right after it (`Matthias Orrell,
    Greens leader`, `— Jane Roe`: blind site 65): short, not a sentence, and the name before
    its comma is one the passage the quote repeats names too."""
    if n + 1 >= len(kept):
        return
    item = kept[n + 1]
    text = (item.kept or "").strip()
    if not text or len(text) > _CREDIT_MAX_CHARS or text.endswith((".", "!", "?", "؟", ":")):
        return
    name = _quote_key(_CREDIT_DASH.sub("", text).split(",")[0])
    if not name or name.count(" ") > 3 or not any(f" {name} " in other for other in near):
        return
    _remove(item, PULL_QUOTE)


_CUT_ENDS = ("…", "...")
_CUT_MIN_WORDS = 6


def mark_cut_teasers(out: Sequence[Outcome]) -> None:
    """A line cut off with an ellipsis whose words open another line of the record: the
    page's excerpt of that paragraph (Ghost's ``article-excerpt``, a card's teaser), said
    again in full below or above it."""
    kept = _kept(out)
    cut = [(item.kept or "").rstrip().endswith(_CUT_ENDS) for item in kept]
    if not any(cut):
        return  # most records: no line ends with an ellipsis, no key to make
    keys = [_quote_key(o.kept or "") for o in kept]
    for n, item in enumerate(kept):
        if not cut[n] or keys[n].count(" ") < _CUT_MIN_WORDS - 1:
            continue
        stem = keys[n]
        reach = keys[max(0, n - _PULL_REACH) : n] + keys[n + 1 : n + _PULL_REACH + 1]
        if any(len(other) > len(stem) and other.startswith(stem) for other in reach):
            _remove(item, CUT_TEASER)


def _quoted(text: str) -> bool:
    """Quotation marks open and close the line."""
    return text[:1] in _OPENING and text[-1:] in _CLOSING


def _styled(text: str) -> int:
    """How much a line looks set apart from the copy: quotation marks around it, no full stop."""
    return int(_quoted(text)) + int(not text.rstrip(_CLOSING).endswith((".", "!", "?", "؟", "…")))


def mark_embeds(out: Sequence[Outcome]) -> None:
    """An embedded post: its signature line, and the line of the post's text right before it.

    A post of several lines shows them as several lines of the copy, like the article's own
    short paragraphs: only the one next to the signature is sure to be the post's.
    """
    kept = _kept(out)
    at = {id(item): i for i, item in enumerate(out)}
    for n, item in enumerate(kept):
        text = item.kept or ""
        if not (_SIGNATURE.fullmatch(text) or _SHARED_BY.fullmatch(text)):
            continue
        _remove(item, EMBED)
        i = at[id(item)]
        if i and (out[i - 1].rule or "").endswith(":widget"):
            continue  # `View this post on Instagram` right above: the post shows no text
        before = kept[n - 1] if n else None
        if before is None or before.rule is not None or not before.kept:
            continue
        body = before.kept
        if _REPORTED.search(body) and not _POST_MARKS.search(body):
            continue  # the story's reported sentence above a post that shows no text
        if not body.endswith(":") and len(_POST_LINK.sub("", body)) <= _EMBED_TEXT_MAX:
            _remove(before, EMBED)


def _is_names(text: str) -> bool:
    if len(text) > 80 or not _NAMES_LINE.fullmatch(text):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return not any(w.casefold() in _NOT_NAMES for w in words)


# the rules that take a date stamp or a dateline: `Sat 2 Mar 2024 17.07 CET`, `Updated 6:01 am`
_STAMP_RULES = frozenset({"rail_date", "dateline", "stamp", "age"})


def _is_stamp_rule(rule: str | None) -> bool:
    return rule is not None and rule.rpartition(":")[2] in _STAMP_RULES


def mark_bylines(out: Sequence[Outcome]) -> None:
    """A line of names only (``Jane Roe, Sam Lee``) at the top or the bottom of the copy, or
    anywhere right above a date stamp the cleaner removed (``Edward Helmore`` / ``Sat 2 Mar
    2024 17.07 CET``: a byline and its stamp, under a page's standfirst)."""
    kept = _kept(out)
    if len(kept) <= 2 * _BYLINE_REACH:
        return  # a short record: a name alone may be all there is to it
    names = [_is_names(o.kept or "") for o in kept]
    ends = (*range(_BYLINE_REACH), *range(len(kept) - _BYLINE_REACH, len(kept)))
    if _signed_throughout(kept):
        ends = ()  # the last name line is one of the copy's signatures, not a byline
    for n in ends:
        # a run of name lines is a list of the copy's (nominees, exhibitors), not a byline
        in_run = (n > 0 and names[n - 1]) or (n + 1 < len(kept) and names[n + 1])
        # at the bottom, under a list's entry (`RAYE, My 21st Century Blues`): its last entry
        closes_list = n >= len(kept) - _BYLINE_REACH and _is_list_entry(kept[n - 1].kept or "")
        if names[n] and not in_run and not closes_list:
            _remove(kept[n], BYLINE)
    for item, below in zip(out, out[1:], strict=False):
        if item.rule is None and _is_stamp_rule(below.rule) and _is_names(item.kept or ""):
            _remove(item, BYLINE)


# a letter's signature: the writer's name, then where they live (`Harold Vance, Dunmore`)
_LETTER_SIGNATURE = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+(?:(?:and|&|de|van|von|al|el|bin)\s+)?){1,4}[A-Z][\w’'.-]*"
    r",\s+[\w’' .-]{2,40}"
)


def _is_signature(text: str) -> bool:
    return len(text.split()) <= 8 and _LETTER_SIGNATURE.fullmatch(text.strip()) is not None


def _signed_throughout(kept: Sequence[Outcome]) -> bool:
    """Name lines through the copy, more than a byline at each end could be: a letters
    page's signatures (`Harold Vance, Dunmore` under each letter: blind pages round 70)."""
    signed = 0
    for item in kept:
        text = item.kept or ""
        signed += _is_names(text) or _is_signature(text)
    return signed >= 3


_ENTRY_MAX_WORDS = 8
_ENTRY_SEPARATOR = re.compile(r",|\s[-–—:]\s|:\s")


def _is_list_entry(text: str) -> bool:
    """A short line of two parts, not a sentence: an entry of the copy's list
    (`Blur, The Ballad of Darren`, `Producer of the Year – Chase & Status`)."""
    return (
        len(text.split()) <= _ENTRY_MAX_WORDS
        and not text.rstrip().endswith(_COPY_ENDS)
        and _ENTRY_SEPARATOR.search(text) is not None
    )


# `Jane Roe is a senior reporter at ...`, `Sam covers ...`, `Kai has been testing phones ...`
_BIO = re.compile(
    r"(?!(?:He|She|They|It|We|I|You|This|That|There|Here|Who|What|Which|The|A|An)\b)"
    rf"(?:{_NAME}|[A-Z][a-z’'-]+)\s+(?:"
    r"(?:is|has been)\s+(?:an?|the|our|"
    r"(?:[A-Z][\w&.-]*\s+(?:(?:&|and|of)\s+)?){0,3}[A-Z][\w&.-]*(?:’|')s)"
    r"\s+(?:[\w’'-]+\s+){0,6}?"
    r"(?:reporter|correspondent|editor|writer|journalist|columnist|producer|contributor|critic|"
    r"photographer|photojournalist|presenter|anchor|host|analyst|reviewer|fellow|intern)s?\b"
    r"|(?:covers|has covered|reports on|writes (?:about|on)|has written (?:about|for)|"
    r"has (?:been|spent \w+ years) (?:covering|reporting|writing|testing|reviewing|editing)|"
    r"has (?:tested|reviewed|covered|reported on|written about) [^.]{1,60} for [A-Z]|"
    r"is (?:employed|funded) by|joined (?:the )?[A-Z][\w&’' -]{1,40} in (?:19|20)\d\d)\b"
    r")(?![^\n]*\b(?:said|says|told|according to)\b)[^\n]{0,400}"  # a source quoted: news
)
_BIO_REACH = 3  # lines from the bottom of the record


def mark_author_bios(out: Sequence[Outcome]) -> None:
    """A note about the writer among the last lines: a name, then their newsroom work; or at
    the top, right under the byline the cleaner removed (an author box above the copy)."""
    kept = _kept(out)
    if len(kept) <= _BIO_REACH + 1:
        return
    for item in kept[-_BIO_REACH:]:
        text = item.kept or ""
        if len(text) <= _PULL_MAX_CHARS and _BIO.fullmatch(text):
            _remove(item, AUTHOR_BIO)
    for n, item in enumerate(out[1 : _BIO_REACH + 1], 1):
        above = out[n - 1]
        if item.rule is not None or not item.kept or not _is_byline_rule(above.rule):
            continue
        if len(item.kept) <= _PULL_MAX_CHARS and _BIO.fullmatch(item.kept):
            _remove(item, AUTHOR_BIO)


def _is_byline_rule(rule: str | None) -> bool:
    return rule is not None and ("byline" in rule or "dateline" in rule)


# `About Verandi Systems` (a press release's boilerplate label, already removed as a line)
_ABOUT = re.compile(r"About ((?:[A-Z0-9][\w&.’'-]*\s*){1,6})")


def mark_about_blocks(out: Sequence[Outcome]) -> None:
    """The paragraph under a removed ``About <Name>`` label that starts with that name: the
    company's or the outlet's standing description (``Verandi Systems Ltd. builds ...``)."""
    for n, item in enumerate(out):
        m = _ABOUT.fullmatch(item.text) if item.rule is not None else None
        if m is None:
            continue
        first = m.group(1).split()[0]
        for after in out[n + 1 : n + 3]:
            if after.rule is not None:
                continue
            if (after.kept or "").startswith(first):
                _remove(after, ABOUT_BLOCK)
            break


# A paragraph of copy: a sentence of some length, ended as sentences end.
_COPY_MIN_WORDS = 8
_COPY_ENDS = (".", "!", "?", "؟", "…", '"', "”", "’", "'", "»", ")")
_FRAME_MAX_WORDS = 12
_FRAME_MAX_LINES = 3  # more short lines in a row are a list of the copy's (nominees, facts)
_FRAME_MIN_RECORD = 5  # kept lines: in a shorter record a short line may be all it says


def is_copy(text: str) -> bool:
    """A paragraph of the story: eight words or more, ended as a sentence ends."""
    return len(text.split()) >= _COPY_MIN_WORDS and without_citations(text).endswith(_COPY_ENDS)


# `Carrowbeg Gaels 1-14 Kilbrannagh 0-12`, `مولودية الساحل 3 - 1 وفاق القصر`: a result
_SCORE = re.compile(r"[^\W\d]\S*\s+\d{1,3}\s?[-–]\s?\d{1,3}(?:\s*\(\d+\))?\s+[^\W\d]")
# a result written team, points, team, points: `Bodwin 17 Porthallow Saints 20`
_SCORE_LINE = re.compile(
    r"[^\W\d](?:[^\W\d]|[ .'’&-]){1,40}?\s\d{1,3}\s+[^\W\d](?:[^\W\d]|[ .'’&-]){1,40}?\s\d{1,3}"
)


def _glued_onto(line: Outcome) -> bool:
    """A sentence that lost its end to a notice glued onto it (`... الشباك الممنوعة حقوق
    النشر محفوظة لوكالة ...`, no stop between): what is left is the copy's, stop or not."""
    kept = (line.kept or "").strip()
    text = line.text.strip()
    return len(kept.split()) >= _COPY_MIN_WORDS and len(text) > len(kept) and text.startswith(kept)


def _is_frame(text: str) -> bool:
    """Short, not a sentence, not a list item, not a list's heading (``Key facts:``)."""
    text = text.strip()
    return (
        len(text.split()) <= _FRAME_MAX_WORDS
        and not text.endswith((*_COPY_ENDS, ":", "،", ","))
        and not text.startswith(tuple(BULLETS))
        and NUMBERED_STEP.match(text) is None
    )


_LABEL_MAX_WORDS = 3
# who else reported the story, under its last paragraph: `Contributing: Erin Duval, The
# Courier`, `With files from The Canadian Press`, `Avec les informations de La Presse
# canadienne`, `Con información de EFE` (human-marked bodies keep these lines)
_CREDIT_LINE = re.compile(
    r"(?:[-–—]\s*)?(?:Contributing|Contributors?|Additional reporting|(?:Reporting|Writing|"
    r"Editing|Research) by|With (?:files|reporting|reports|additional reporting|material) "
    r"(?:from|by)|Avec (?:les |des )?informations (?:de|d['’])|Con (?:información|"
    r"informaciones) de|Com informações d[aeo]s?|Mit Material (?:von|der|des)|Con "
    r"informazioni (?:di|da))\b",
    re.I,
)
# `Tuesday to Saturday: 10am to 5pm`: a fact box's entry, its label and its value
_FACT = re.compile(r"[^:]{2,40}:\s+\S.*")


def _is_fact_box(zone: Sequence[Outcome]) -> bool:
    """Entries, with or without their heading (``Opening hours`` / ``Tuesday to Saturday:
    10am to 5pm`` / ...): the copy's box of facts below its last paragraph, not the page's
    frame. Two entries at least: one alone is as often a related headline's ``Place: what``."""
    texts = [o.kept or "" for o in zone]
    if texts and ":" not in texts[0]:
        texts = texts[1:]
    return len(texts) >= 2 and _all_facts(texts)


def _all_facts(texts: Sequence[str]) -> bool:
    return all(_FACT.fullmatch(t) is not None for t in texts)


def _ends_fact_box(zone: Sequence[Outcome], before: str) -> bool:
    """The last entries of a box of facts whose earlier entry reads as copy (``Target: Lorong
    Letters (86,000 subscribers, ...)`` / ``Price: undisclosed; paid in cash``)."""
    texts = [o.kept or "" for o in zone]
    return bool(texts) and _all_facts([before, *texts])


# `What to bring`, `How to apply`: the copy's own heading over its list (a rail's label speaks
# for the outlet: `What we're reading`)
_WH_HEADING = re.compile(
    r"(?:What|How|Where|When|Who|Which)\b(?![^\n]*\b(?:we|our|us)\b)[^.!?:]{0,40}$"
)
_SEPARATORS = re.compile(r"[,|·•/›»:–—]|\s-\s|\d")
_LIST_HEADING_MAX_WORDS = 6


def _is_headed_list(zone: Sequence[Outcome]) -> bool:
    """A short heading, then items that read as sentences without their stops (``What to
    watch`` / ``Whether carriers announce further rate increases`` / ...) or names: the
    copy's own list below its last paragraph. A rail of related headlines comes under a label the
    rules take (``Related stories``), so what stays of it has no heading of its own."""
    texts = [o.kept or "" for o in zone]
    if len(texts) < 3 or len(texts[0].split()) > _LIST_HEADING_MAX_WORDS or _is_names(texts[0]):
        return False
    items = texts[1:]
    if all(_may_be_a_standfirst(t) for t in items) or _WH_HEADING.match(texts[0]):
        return True
    # `Among the confirmed exhibitors` / `Kaarlela Nonwovens` / ...: names under a heading
    # that reads as words of a sentence (a rail's label is the rules' to take)
    heading = texts[0].rstrip()
    return (heading.endswith(":") or _may_be_a_standfirst(heading)) and all(
        _is_names(t) for t in items
    )


def _may_be_a_standfirst(text: str) -> bool:
    """``Police say the suspect fled on foot``: a sentence without its full stop, in words
    mostly in lower case, no separator; a byline or a label is names, capitals, a bar or a
    comma (a script without capitals: only the length tells, up to three words)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) <= _LABEL_MAX_WORDS or _SEPARATORS.search(text) or _MADE_BY.match(text):
        return False
    cased = [w for w in words if w[:1].isupper() or w[:1].islower()]
    if not cased:
        return True  # no capitals to read: a line of more than three words is left alone
    return sum(w[:1].islower() for w in cased) * 2 > len(cased)


# `Prepared by the Bulletin desk`, `Compiled by staff`: who made the page, not its standfirst
_MADE_BY = re.compile(
    r"(?:Prepared|Compiled|Written|Edited|Produced|Reported|Curated|Put together|Presented|"
    r"Assembled|Collated) by\b"
)
_SECTION_MAX_WORDS = 6
_BYLINE_BY = re.compile(r"\b(?:by|By|BY)\b")  # `Report by Callum Ashworth at Quarry Lane`
_DIGITS = re.compile(r"\d")  # a date in a dek is the story's, not a stamp's separator


def _is_title_case_dek(text: str) -> bool:
    """``The Story Behind the New York Times October 7 Exposé``: a standfirst in title case,
    longer than a section's name and without a byline's or a stamp's separators."""
    words = [w for w in text.split() if w[:1].isalpha()]
    capitals = sum(w[:1].isupper() for w in words)
    return (
        len(text.split()) > _SECTION_MAX_WORDS
        and capitals * 5 >= len(words) * 3  # title case: three words in five or more
        and _SEPARATORS.search(_DIGITS.sub("", text)) is None
        and _BYLINE_BY.search(text) is None
        and not _is_names(text)
    )


def mark_frame_lines(out: Sequence[Outcome]) -> None:
    """The lines above the first paragraph of copy, and those below the last, when there are
    at most three of them and every one is short and not a sentence (``Staff Correspondent,
    Chattogram``, ``Written by Kate Ferreira | 6 min read``, a related headline at the end).
    A longer run is the copy's own list, a sentence there keeps the whole run, and so does a
    lower-case standfirst alone above the copy. A title-case line alone above the first
    paragraph is the page's section (``Ports & Terminals``, ``Library News``): a story's
    subheadings sit between its paragraphs, and a heading above a list keeps its list."""
    kept = _kept(out)
    if len(kept) < _FRAME_MIN_RECORD:
        return
    copy = [n for n, o in enumerate(kept) if is_copy(o.kept or "") or _glued_onto(o)]
    if not copy:
        return
    head, tail = kept[: copy[0]], kept[copy[-1] + 1 :]
    if len(head) == 1 and (
        _may_be_a_standfirst(head[0].kept or "") or _is_title_case_dek(head[0].kept or "")
    ):
        head = []  # a standfirst opens the copy: it is the copy's
    last_copy = kept[copy[-1]].kept or ""
    signed = bool(tail) and _signed_throughout(kept)
    for zone, rule in ((head, BEFORE_COPY), (tail, AFTER_COPY)):
        if rule == AFTER_COPY and (
            _is_fact_box(zone) or _is_headed_list(zone) or _ends_fact_box(zone, last_copy)
        ):
            continue
        if 0 < len(zone) <= _FRAME_MAX_LINES and all(_is_frame(o.kept or "") for o in zone):
            for item in zone:
                text = item.kept or ""
                if _SCORE.search(text) is None and _SCORE_LINE.fullmatch(text) is None:
                    if rule == AFTER_COPY and _CREDIT_LINE.match(text):
                        continue  # the copy's own credit, as marked bodies keep it
                    if rule == AFTER_COPY and signed and (_is_names(text) or _is_signature(text)):
                        continue  # the last letter's signature
                    _remove(item, rule)  # (a match's result is the copy's)


_LIST_MARKS = frozenset("✓✔✅☑✗✘❌❎⚽🏀🏈⚾🎾🏐🏉🥅🟨🟥")
_EMOJI_LINE_MAX_WORDS = 60


def _opens_with_pictograph(text: str) -> bool:
    first = text[:1]
    if not first or first in _LIST_MARKS:
        return False
    code = ord(first)
    return any(lo <= code <= hi for lo, hi in _PICTOGRAPHS) and (
        unicodedata.category(first) == "So"
    )


def mark_emoji_lines(out: Sequence[Outcome]) -> None:
    """A line that opens with a pictograph while the lines next to it do not: an outlet's
    promo (``📢 Enter our monthly contest``, ``🎧 Catch the show every Sunday``). Two or more
    in a row are the copy's own list (key points, a live blog's goals)."""
    kept = _kept(out)
    marked = [_opens_with_pictograph(o.kept or "") for o in kept]
    for n, item in enumerate(kept):
        if not marked[n] or (n and marked[n - 1]) or (n + 1 < len(kept) and marked[n + 1]):
            continue
        if len((item.kept or "").split()) <= _EMOJI_LINE_MAX_WORDS:
            _remove(item, EMOJI_LINE)


# `What do you think? Let us know in the comments.`, `شاركونا رأيكم في التعليقات`
_COMMENT_PROMPT = re.compile(
    r"(?:[^.!?؟]{1,120}[?؟]\s*)?(?:(?:Let us know|Tell us)\b[^.!?]{0,80}\bin the comments?\b"
    r"|(?:شاركونا|شاركنا|أخبرونا|أخبرنا|اكتبوا|اكتب|اتركوا|اترك)\s[^.!؟]{0,60}\bالتعليقات?\b)"
    r"[^.!?؟]{0,30}[.!]?",
    re.I,
)


def mark_comment_prompt(out: Sequence[Outcome]) -> None:
    """The copy's last kept line when it asks the reader to comment."""
    kept = _kept(out)
    if len(kept) >= 2 and _COMMENT_PROMPT.fullmatch((kept[-1].kept or "").strip()):
        _remove(kept[-1], COMMENT_PROMPT)


_CHECKS: tuple[Callable[[Sequence[Outcome]], None], ...] = (
    mark_embeds,
    mark_pull_quotes,
    mark_cut_teasers,
    mark_bylines,
    mark_author_bios,
    mark_about_blocks,
    mark_frame_lines,
    mark_emoji_lines,
    mark_comment_prompt,
)
_END_CHECKS: tuple[Callable[[Sequence[Outcome]], None], ...] = (
    mark_bylines,
    mark_author_bios,
    mark_frame_lines,
    mark_emoji_lines,
    mark_comment_prompt,
)
