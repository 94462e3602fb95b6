"""String helpers shared by the cleaning layers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# the reader or the outlet addressed (`you`, `our`, `us`): a line in that voice is the
# outlet's, not a story's report
ADDRESSED = re.compile(r"\b(?:you|your|we|our|us)\b", re.I)
# citation markers after a sentence, as wikis print them (`... expand it.[2]`: blind site 76)
_CITATIONS = re.compile(r"(?:\[\d{1,3}\])+$")


def without_citations(text: str) -> str:
    """``text`` without the citation markers after its last sentence (``.[2]`` -> ``.``)."""
    return _CITATIONS.sub("", text.rstrip())


# (a list item's number is no sentence: `2. Install the app on your device.` is one, nor is a
# number's label: `a registered charity (no. 1048213)`, nor a stop a lower-case word follows:
# `Kernow Crust Pasty Co. and Treverran Holiday Parks`, `e.g. the`; a closing
# quotation mark after the stop ends the sentence when a capital follows: `... a boot.' READ
# MORE: ...`, not in `“Why?” she asked.`)
# a stop that is an abbreviation's before a number: `No. 5`, `on Oct. 21`, `Fig. 2`, `Vol. 3`
_BEFORE_A_NUMBER = (
    r"(?<=\b[Nn]o\.)|(?<=\bSept\.)"
    r"|(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Fig|Vol|Art|Nos)\.)"
)
_SENTENCE_END = re.compile(
    r"(?<!^\d\.)(?<!^\d\d\.)(?:(?<=[.!?؟…])(?!" + _BEFORE_A_NUMBER + r"\s+\d)\s+(?=[^\sa-z])"
    r"|(?<=[.!?؟…][\"'”’»])\s+(?=[A-Z\"“‘'«\u0600-\u06ff])"
    # two sentences glued with no space, as a page's markup left them (`... open in
    # January.For the best coverage on the go, download the app.`): a stop between two
    # lower-case letters and a capitalised word (`U.S.Army`, `Mr.Smith`, `bbc.co.uk` are not),
    # or a word in capitals (`... once the airport reopens.SIGNAL BAR TIP: ...`: set 356)
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]|[A-Z]{3,}\b)"
    # after a number's stop, a capitalised word and a small one (`... in court on Oct. 21.We'll
    # be covering this ...`: noise set 339; not a date's month, `21.November 2025`, `21.Mai`)
    # (and after a share, `... below 35%.WhatsApp us your story ...`: set 353)
    r"|(?<=[\d%][.!?])(?=(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[A-Z][A-Za-z'’]*\s+[a-z])"
    # an emoji glued after a stop opens the next sentence (`... المتورطين.📲 حمّل تطبيق ...`)
    r"|(?<=[a-z\u0621-\u064a]{2}[.!?؟])(?=[\u2600-\u27bf\U0001f300-\U0001faff])"
    # the same in Arabic (no capitals): a stop after a word of three letters or more and a
    # word glued to it (`د.محمد`, `ص.ب` are abbreviations of one letter)
    r"|(?<=[\u0621-\u064a]{3}[.!؟])(?=[\u0621-\u064a]{2})"
    # a quotation closed before the stop, and a sentence glued to it (`... ورثنا حكاية».شاركوا
    # المقال`, `... was "great".Share this`: set 344)
    r"|(?<=[\"”’»][.!?؟])(?=[A-Z][a-z]|[\u0621-\u064a]{2}))"
)
#: "1. Log in", "٢) ...": a step of a numbered list
NUMBERED_STEP = re.compile(r"[\d\u0660-\u0669]{1,2}\s*[.)-]\s")
BULLETS = "•·‣◦▪▫●○-–—*►▸"
# Arabic diacritics (fathatan..sukun, superscript alef) and tatweel: optional in writing
_ARABIC_MARKS = dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x0640])


# a no-break space a template printed as text (Contao's `[nbsp]` insert tag, an entity left
# escaped: `Ms[nbsp]Niamh Daly`, blind site 86): a space
_SPACE_AS_TEXT = re.compile(r"\[nbsp\]|&nbsp;|&#160;|&#xa0;", re.I)


def normalise(text: str) -> str:
    """Single spaces, stripped; quotes and punctuation left exactly as they are."""
    if "nbsp" in text or "&#" in text:
        text = _SPACE_AS_TEXT.sub(" ", text)
    return " ".join(text.split())


def lines_of(blocks: Iterable[str]) -> Iterator[str]:
    """Non-empty, normalised lines of the blocks, in reading order."""
    for block in blocks:
        if not isinstance(block, str):
            continue
        for line in block.splitlines():
            text = normalise(line)
            if text:
                yield text


def sentences(text: str) -> list[str]:
    """Split a paragraph at sentence ends (a terminator followed by a space)."""
    return [s for s in _SENTENCE_END.split(text) if s]


def several_sentences(text: str) -> bool:
    """``len(sentences(text)) > 1``, without splitting (a sentence end has text on both
    sides)."""
    return _SENTENCE_END.search(text) is not None


def repeated_unit(text: str, min_len: int = 1) -> str | None:
    """``X`` when ``text`` is ``X`` written two or three times (glued or space-separated)."""
    n = len(text)
    for times in (2, 3):
        for sep in ("", " "):
            size = n - len(sep) * (times - 1)
            if size <= 0 or size % times:
                continue
            unit = text[: size // times]
            if len(unit) >= min_len and unit.strip() == unit and sep.join([unit] * times) == text:
                return unit
    return None


def strip_bullet(text: str) -> tuple[str, bool]:
    """The text without a leading list bullet, and whether there was one."""
    stripped = text.lstrip(BULLETS)
    if stripped != text and (stripped[:1].isspace() or text[:1] in "•·‣◦▪▫●○►▸"):
        return stripped.strip(), True
    return text, False


def fold_arabic_marks(text: str) -> str:
    """``text`` without Arabic diacritics and tatweel (``حمّل`` -> ``حمل``), for matching."""
    return text.translate(_ARABIC_MARKS)


def fold_arabic_marks_with_positions(text: str) -> tuple[str, list[int]]:
    """:func:`fold_arabic_marks` of ``text``, and for each of its characters the position of
    that character in ``text`` (to cut from the text as written what matched folded)."""
    kept = [i for i, ch in enumerate(text) if ord(ch) not in _ARABIC_MARKS]
    return "".join(text[i] for i in kept), kept


_OPEN_QUOTES = frozenset("“«„")
_CLOSE_QUOTES = frozenset("”»“")  # `„...“`: German quotes close on “
_STRAIGHT_QUOTE = '"'
QUOTE_MARK = re.compile('["“”«»„]')  # any quotation mark, opening or closing
_SINGLE_MARK = re.compile("['‘’]")  # a single mark: a quotation's, or an apostrophe


def _single_quote(part: str, k: int) -> str | None:
    """Whether the single quotation mark at ``part[k]`` opens (``"open"``) or closes
    (``"close"``) a quotation, or is an apostrophe (None): British copy quotes with ' and ‘’,
    which also spell `don't` and `the players' union`. A mark opens after a space or a colon
    and before a letter; it closes after a letter or a stop and before a space or a stop."""
    before = part[k - 1] if k else " "
    after = part[k + 1] if k + 1 < len(part) else " "
    char = part[k]
    if char in "'‘" and (before.isspace() or before in "(:[—–") and after.isalpha():
        return "open"
    if (
        char in "'’"
        and (after.isspace() or after in ".,;:!?)]—–")
        and (before.isalpha() or before in ".,!?")
    ):
        return "close"
    return None


def quotes_someone(part: str) -> bool:
    """Whether a sentence holds a quotation mark (single marks only where they open a
    quotation: `'We are trying to find a space.'`, not `don't`)."""
    return QUOTE_MARK.search(part) is not None or any(opens for opens, _ in _single_marks(part))


def _double_marks(part: str) -> list[tuple[bool, bool]]:
    """(opens, closes) for each double quotation mark of ``part``, in order (a straight one
    may do either: which, depends on whether a quotation is open)."""
    return [
        (
            m.group() in _OPEN_QUOTES or m.group() == _STRAIGHT_QUOTE,
            m.group() in _CLOSE_QUOTES or m.group() == _STRAIGHT_QUOTE,
        )
        for m in QUOTE_MARK.finditer(part)
    ]


def _single_marks(part: str) -> list[tuple[bool, bool]]:
    """(opens, closes) for each single mark of ``part`` that is a quotation's."""
    roles = (_single_quote(part, m.start()) for m in _SINGLE_MARK.finditer(part))
    return [(role == "open", role == "close") for role in roles if role is not None]


def in_quotation(parts: list[str]) -> list[bool]:
    """For each sentence of a paragraph, whether it belongs to a quotation that spans several
    of its sentences (it opens or closes there, or lies between): someone's words, the
    story's, whatever they say (`“A newsletter lands in your inbox. People read it,” she
    said.`, `said: 'We wanted ... You don't need to be an expert to join us.'`)."""
    result = [False] * len(parts)
    for marks_of in (_double_marks, _single_marks):
        opened_at: int | None = None
        for i, part in enumerate(parts):
            for opens, closes in marks_of(part):
                if opened_at is None:
                    if opens:
                        opened_at = i
                elif closes:
                    for j in range(opened_at, i + 1) if opened_at < i else ():
                        result[j] = True
                    opened_at = None
    return result
