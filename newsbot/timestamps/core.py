"""``parse_timestamp`` and ``split_trailing_age``: fast regex paths, dateparser fallback."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, tzinfo

from newsbot.text_repair import repair

from .absolute import Found, match_absolute, parse_unix
from .arabic import match_arabic, named_date_start, named_zones, names_no_age, standard_months
from .clock import MONTH, WEEKDAY
from .english import UNIT_NAMES, match_relative
from .fallback import candidate_script, has_known_word, languages_for, parse_fallback
from .model import UTC, ParsedTime, aware, get_zone, validate
from .ranges import AgeRanges, in_range
from .zones import zone_in_words

#: Longest slot text looked at by parse_timestamp (a slot is a short line).
MAX_SLOT_LEN = 300
#: Header lines: only this many trailing characters can hold the age.
TAIL_LEN = 200

_FAST_LANGS = {"en", "ar"}
_SEPARATORS = " \t\r\n·|•–—-:,;/"
# Words allowed in lower case in a glued prefix (everything else must look like a name).
_PREFIX_WORDS = {
    "time", "on", "of", "the", "and", "de", "du", "la", "le", "el", "al", "at", "by", "&",
    "updated", "published", "posted", "modified", "edited", "last", "first",
}  # fmt: skip
_WORD_RE = re.compile(r"[^\s·|•–—\-:,;/()]+")
_REPEATED_DATE_RE = re.compile(
    r"^(?:\s*" + WEEKDAY + r",?\s+\d{1,2}\s+" + MONTH + r",?)+\s*$", re.I
)
# `منذ 3 ساعات UTC`, `16-05-2025 (GMT)`: the zone named after an age or a date
_UTC_AFTER = re.compile(r"\s*[(\[]?(?:UTC|GMT)[)\]]?\s*$")
# embedding and isolate marks around an age (`\u202bمنذ ٤ ساعات\u202c`): invisible, never part
# of it (the directional marks U+200E/U+200F are dropped where the readers look)
_BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")  # and Arabic's letter mark
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# "14 hours ago." : a full stop (or an RTL mark) after an age is not part of it.
_TRAILING_STOP = re.compile(r"(?<=[^.\s])[.\u200e\u200f]+\s*$")
_ENCLOSED = re.compile(r"[(\[（]\s*([^()\[\]（）]+?)\s*[)\]）]")
_DIGITS_RE = re.compile(r"\d+")
# an Arabic age's unit with a category glued on (`منذ 9 ساعاتسياسة`): the age is the text up
# to the unit (longer spellings first: `ساعات` before `ساعة`)
_AR_AGE = (
    r"(?:منذ|قبل)\s*\S*\s*(?:ساعات|ساعتين|ساعة|دقائق|دقيقتين|دقيقة|أيام|ايام|يومين|يوما|يوم|"
    r"أسابيع|اسابيع|أسبوعين|اسبوعين|أسبوع|اسبوع|أشهر|اشهر|شهرين|شهر|سنوات|سنتين|سنة|أعوام|"
    r"اعوام|عامين|عاما|عام)"
)
_AR_GLUED_UNIT_RE = re.compile(_AR_AGE + r"(?=[\u0621-\u064a][\u0621-\u064a ]{1,29}$)")
# an Arabic age, then a source's name in Latin letters (`منذ ساعتين Zawya`: ages round 48)
_AR_LATIN_TAIL_RE = re.compile(_AR_AGE + r"(?=\s+(?-i:[A-Z])[\w&.\x27’ -]{0,29}$)", re.ASCII)
# `ago` then a decoration: `3 hours ago · World`, or a category glued on (`3 hours agoWorld`),
# or an entry's counter (`The Star18 hours ago3`: ages round 45)
_AGO_TAIL_RE = re.compile(r"\bago(?:\b|(?=(?-i:[A-Z]))|(?=\d{1,3}\s*$))", re.I)
_AGO_COUNTER_RE = re.compile(r"(?<=\bago)\d{1,3}$", re.I)
_MAYBE_DECORATED_RE = re.compile(r"[·|•–—-]|ago\b.|ago(?-i:[A-Z])|ago\d{1,3}\s*$", re.I)
_CUT_RE = re.compile(r"\s+[·|•–—-]\s+|\s*[·|•]\s*")
# "... | Updated: 16:22 GMT, 28 June 2025", "... Last updated Nov. 29": a later time.
_UPDATE_RE = re.compile(
    r"(?<=\S)\s*(?:[|·•–—,;-]\s*)?(?<![^\W\d_])(?:last\s+)?(?:updated|modified)(?![^\W\d_])",
    re.I,
)
_LABEL_TAIL_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:first|last)\s+)?(?:published|updated|posted|modified|edited)"
    r"(?:\s+on)?\s*:?\s*$",
    re.I,
)
_UPDATE_BEFORE_RE = re.compile(_UPDATE_RE.pattern + r"[\s:·|•–—-]*$", re.I)
_UPDATE_START_RE = re.compile(r"\s*(?:last\s+)?(?:updated|modified)(?![^\W\d_])", re.I)
_PUBLISHED_AFTER_RE = re.compile(
    r"\s[|·•,;–—-]\s*(?:first\s+)?(?:published|posted)(?![^\W\d_])(?:\s+on)?\s*:?\s*", re.I
)
# Reading, listening and running times ("3 min read", "Lesezeit 3 Min", "2:10 video"): a
# length, not an age.
_LENGTH_RE = re.compile(
    r"(?<![^\W\d_])(?:read|reading|listen|listening|watch|video|duration|runtime|lesezeit|"
    r"lesedauer|dauer|lecture|durée|lectura|lettura|leitura|leestijd|lästid|"
    r"قراءة|للقراءة|القراءة|استماع)(?![^\W\d_])",
    re.I,
)
_LENGTH_STEMS = ("rea", "list", "watch", "vid", "dur", "runtime", "lese", "dauer", "lect", "lett",
                 "leit", "leestijd", "lästid", "قراءة", "استماع")  # fmt: skip
# a card's counters beside its age (`12 comments · 3 hours ago`, `4K views`, `٣ تعليقات`)
_COUNT_RE = re.compile(
    r"\s*[\d\u0660-\u0669][\d\u0660-\u0669.,]*\s*[KkMm]?\s*(?:comments?|views?|shares?|likes?|"
    r"replies|reactions?|reads|تعليقات?|تعليقا|مشاهدات?|مشاهدة|إعجابا?ت?|مشاركات?)\s*",
    re.I,
)


# `7Days`, `24Hours`: a name (a source, a show), not an age; an age's number and unit word
# are printed apart (`7 days ago`), and only abbreviations are glued (`7d`)
_GLUED_COUNT = re.compile(r"\s*\d{1,3}" + UNIT_NAMES, re.I)


# `7 days a week`, `24 hours a day`, `£5 a month`, `twice per year`: a rate, never an age (the
# fallback read `a week` as a week ago: blind ages round 58)
_RATE_RE = re.compile(
    r"(?<![^\W\d_])(?:a|an|per|each|every)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|night|week"
    r"|fortnight|month|year|yr)s?\.?\s*$",
    re.I,
)


# the word before the amount that makes an age in French, Spanish, German, Portuguese
# (`il y a 5 min`, `hace 2 h`, `vor 5 Min.`, `há 4 h`): the English count after it is theirs
_OTHER_AGO_LEAD = re.compile(r"(?<![^\W\d_])(?:il y a|hace|vor|há|ha|desde hace)\s*$", re.I)


def _is_length(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _LENGTH_STEMS) and _LENGTH_RE.search(text) is not None


def _lengths_dropped(text: str) -> str | None:
    """``text`` without the reading times before its last separator (`The Guardian | 7 min
    read | 40 minutes ago`: the line's decoration between the source and the age; `4 min read
    · 2 hours ago`: a card's, before it), or None when there is none there or the last piece
    is one. A first piece goes only when it is a whole length, with its number (`Watch · 3
    min` is a player's label and its duration)."""
    pieces = _CUT_RE.split(text)
    dropped = [
        n
        for n, piece in enumerate(pieces[:-1])
        if (_is_length(piece) and (n or any(ch.isdigit() for ch in piece)))
        or _COUNT_RE.fullmatch(piece)
    ]
    if not dropped or _is_length(pieces[-1]) or _COUNT_RE.fullmatch(pieces[-1]):
        return None
    return " · ".join(p for n, p in enumerate(pieces) if n not in dropped)


def _prefix_ok(prefix: str) -> bool:
    """A glued source name, a ``time`` label, a qualifier... but not a sentence."""
    words = _WORD_RE.findall(prefix)
    if len(words) <= 1:
        return len(prefix) <= 60
    if len(prefix) > 80 or len(words) > 8:
        return False
    for word in words:
        first = word[0]
        if first.isupper() or first.isdigit() or not first.isascii():
            continue
        if word.lower() in _PREFIX_WORDS or not first.isalnum():
            continue
        return False
    return True


def _credit(rest: str) -> bool:
    """``by Reuters``, ``by Jane Doe`` after an age: who the slot credits (blind ages round 54);
    ``by police`` is a sentence going on."""
    return rest[:3].lower() == "by " and rest[3:4].isupper() and len(rest.split()) <= 5


def _candidates(text: str) -> list[str]:
    """The text, then the text with trailing decorations cut (``· Canada``, ``News desk``).

    ``Published 14:05 GMT, 28 June 2025 | Updated: 16:22 GMT...``: the part before the
    update comes first, since the slot stands for the publication time.
    """
    out = [text]
    update = _UPDATE_RE.search(text, 1) if "pdate" in text or "odified" in text else None
    if update:
        head = text[: update.start()].rstrip(_SEPARATORS)
        if head and any(ch.isdigit() for ch in head):
            out.insert(0, head)
    if _UPDATE_START_RE.match(text):
        # `Updated 1 hour ago | Published 5 hours ago`: the publication time, printed second
        published = _PUBLISHED_AFTER_RE.search(text)
        if published is not None:
            out.insert(0, text[published.end() :].strip())
    if "منذ" in text or "قبل" in text:
        glued = _AR_GLUED_UNIT_RE.search(text) or _AR_LATIN_TAIL_RE.search(text)
        if glued is not None:
            out.append(text[: glued.end()])
    if not _MAYBE_DECORATED_RE.search(text):
        return out
    shorter = _lengths_dropped(text)
    if shorter is not None:
        out.append(shorter)
    for m in reversed(list(_AGO_TAIL_RE.finditer(text))):
        rest = text[m.end() :].strip()
        if (
            rest
            and len(rest) <= 40
            and (rest[0] in _SEPARATORS or rest[0].isupper() or rest.isdigit() or _credit(rest))
        ):
            out.append(text[: m.end()])
        break
    for m in list(_CUT_RE.finditer(text))[-3:]:  # only the last few separators
        head = text[: m.start()].rstrip()
        rest = text[m.end() :]
        first = rest[:1]
        decoration = not any(ch.isdigit() for ch in rest) and (
            first.isupper() or not first.isascii()
        )
        if not decoration and not _is_length(rest):  # "· 3 min read" is cut too
            continue
        if head and head not in out:
            out.append(head)
    return out


def _fast_match(
    text: str, anchor: datetime, zone: tzinfo, day_first: bool, english: bool, arabic: bool
) -> Found | None:
    """The form that starts first at the end of ``text``; a None result is refused."""
    best = match_absolute(text, anchor, zone, day_first)
    if best is not None and best[0]:
        # "Published: 4:02 AM EDT, ...": the label belongs to the date, not to the source
        label = _LABEL_TAIL_RE.search(text, max(0, best[0] - 30), best[0])
        if label:
            best = (label.start(), best[1])
    if english:
        rel = match_relative(text, anchor, zone)
        if rel is not None and (best is None or rel[0] < best[0]):
            best = rel
    if arabic:
        ar = match_arabic(text, anchor, zone)
        if ar is not None and (best is None or ar[0] < best[0]):
            best = ar
    return best


def _setup(
    anchor: datetime, timezone: str, languages: Sequence[str] | None
) -> tuple[datetime, tzinfo, bool, bool, list[str] | None]:
    zone = get_zone(timezone)
    langs = [lang for lang in languages if isinstance(lang, str)] if languages else None
    base = {lang.split("-")[0].lower() for lang in langs or ()}
    # the two fast paths read only their own words: an English page may print an Arabic
    # age and the reverse (a blind round's mixed pages); other languages go to dateparser
    both = langs is None or bool(base & {"en", "ar"})
    english = both
    arabic = both
    return aware(anchor), zone, english, arabic, langs


# the text a scraper takes from a slot, as the page showed it (blind ages round 59): markup
# left as text (`<time datetime="...">4 hours ago</time>`, escaped or not), full-width forms
# (`４ｈ`), and the screen reader's copy glued after the visible one (`4 hours ago4 hours
# ago`); entities, mojibake and invisible marks are text_repair's
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e]")
# (the copy holds a letter or a date's separator: `2020` is no `20` twice)
_DOUBLED_RE = re.compile(r"((?=[^<>]*[^\W\d_]|\d+[-./]\d)\S.{2,148}?)\s?\1")
_NEGATIVE_AGE_RE = re.compile(r"(?:^|\s)[-−]\d[^<>]{0,20}\bago\b", re.I)


def _as_shown(text: str) -> str:
    text = repair(text)
    if "&" in text:
        text = repair(text)  # an entity escaped twice (`&amp;nbsp;`)
    if "<" in text and ">" in text:
        text = _TAG_RE.sub(" ", text)
    if _FULL_WIDTH_RE.search(text):
        text = unicodedata.normalize("NFKC", text)
    text = " ".join(text.split()) if "\n" not in text else text
    doubled = _DOUBLED_RE.fullmatch(text) if len(text) >= 7 and text.find(text[:3], 3) > 0 else None
    return doubled.group(1) if doubled is not None else text


def parse_timestamp(
    text: str,
    anchor: datetime,
    *,
    languages: Sequence[str] | None = None,
    timezone: str = "UTC",
    day_first: bool = True,
) -> ParsedTime | None:
    """Parse an age or date printed in a timestamp slot. Never raises on any ``text``.

    ``anchor`` is the aware moment the page was served; ``timezone`` (IANA) is the site's
    zone, used for dates without a zone and for calendar days. Returns None for garbage,
    future times (beyond 5 minutes) and dates before 1900.
    """
    if not isinstance(text, str) or len(text) > MAX_SLOT_LEN:
        return None
    text = _as_shown(text)
    if _NEGATIVE_AGE_RE.search(text):
        return None  # `-1 hours ago`: a clock gone wrong, no time
    text = _BIDI_MARKS.sub("", text)
    if _ARABIC_LETTER.search(text):
        text = named_zones(text)
    text = _TRAILING_STOP.sub("", text.strip())
    enclosed = _ENCLOSED.fullmatch(text)
    if enclosed:  # `(منذ يوم واحد)`: the slot's brackets (a blind round's case)
        text = enclosed.group(1)
    if not text:
        return None
    worded = zone_in_words(text)
    if worded is not None:  # `07:30 Mecca time`, `10:00 ص بتوقيت القاهرة`: that zone's clock
        text, timezone = worded[0].rstrip(" ,|-–—"), worded[1]
    anchor, zone, english, arabic, langs = _setup(anchor, timezone, languages)
    try:
        found = _parse(text, anchor, zone, timezone, english, arabic, langs, day_first)
        last = None if found or enclosed else _ENCLOSED.search(text, max(0, len(text) - 40))
        if last is not None and last.end() == len(text) and last.start() > 0:
            # `Irish Times (5h)`: the age in brackets after the source (blind ages round 32)
            text = f"{text[: last.start()].rstrip()} {last.group(1)}"
            found = _parse(text, anchor, zone, timezone, english, arabic, langs, day_first)
        zoned = None if found else _UTC_AFTER.search(text)
        if zoned is not None and zoned.start() > 0:
            # `منذ 3 ساعات UTC`, `16-05-2025 UTC`: the zone named after the age or the date
            head = text[: zoned.start()]
            found = _parse(head, anchor, UTC, "UTC", english, arabic, langs, day_first)
        if found is None and "\n" in text:
            # `Independent14 hours ago` over `Show all 7` or the category: a slot's text
            # taken with the line under it (blind ages round 37); the first line read
            for line in filter(None, (part.strip() for part in text.splitlines())):
                found = _parse(line, anchor, zone, timezone, english, arabic, langs, day_first)
                if found is not None:
                    break
        return found
    except (ValueError, OverflowError, KeyError, IndexError):  # pragma: no cover - safety net
        return None


def _parse(
    text: str,
    anchor: datetime,
    zone: tzinfo,
    zone_name: str,
    english: bool,
    arabic: bool,
    langs: list[str] | None,
    day_first: bool,
) -> ParsedTime | None:
    unix = parse_unix(text)
    if unix is not None:
        return validate(unix, anchor)
    matched = False
    for cand in _candidates(text):
        if _is_length(cand):
            continue  # "2h ago • 3 min read": the age is in a shorter candidate
        found = _fast_match(cand, anchor, zone, day_first, english, arabic)
        if found is None:
            continue
        start, result = found
        if _OTHER_AGO_LEAD.search(cand, 0, start):
            continue  # `il y a 5 min`: another language's age, for the fallback
        matched = True
        if result is None:
            return None  # "in 5m", a zone the table refuses: never guessed at by the fallback
        if _prefix_ok(cand[:start]):
            return validate(result, anchor)
    if matched:
        return None  # an age inside a sentence: body text, not a slot
    other_langs = langs is not None and not {x.split("-")[0].lower() for x in langs} <= _FAST_LANGS
    if _is_length(text) or _GLUED_COUNT.fullmatch(text) or _RATE_RE.search(text):
        return None
    script = candidate_script(text)
    if script is None:
        return None
    if langs is None:
        # ASCII needs a known date word (a digit alone is not enough: "Hello world 3").
        if text.isascii() and not has_known_word(text):
            return None
        langs = languages_for(script)
        if langs is None:
            return None
    elif not other_langs and text.isascii() and not has_known_word(text):
        return None
    if script == "ARABIC":
        text = standard_months(text)  # the Levant's and the Maghreb's names: dateparser's
    read = parse_fallback(text, anchor, zone_name, zone, langs, day_first)
    if read is None and script == "ARABIC":
        named_at = named_date_start(text)  # `هسبريس 14 نوفمبر 2026`: the source's name first
        if named_at is not None:
            read = parse_fallback(text[named_at:], anchor, zone_name, zone, langs, day_first)
    if read is not None and read.kind == "relative" and read.at > anchor:
        return None  # "in 2 Minuten", "dans 5 minutes": a time to come
    if read is not None and read.kind == "relative" and script == "ARABIC" and names_no_age(text):
        return None  # `خلال ساعتين`: within two hours, read by dateparser as an age
    return validate(read, anchor)


def split_trailing_age(
    text: str,
    anchor: datetime,
    *,
    timezone: str = "UTC",
    day_first: bool = True,
    languages: Sequence[str] | None = None,
    age_ranges: AgeRanges | None = None,
) -> tuple[str, ParsedTime, str] | None:
    """Split ``Independent14 hours ago`` into (``Independent``, parsed, ``14 hours ago``).

    Parses from the right: the age is the longest suffix that parses. With ``age_ranges``
    (the N a site prints per unit, e.g. ``{"hours": (2, 21)}``), the longest suffix whose
    N is in range wins: ``Channel 45 hours ago`` gives ``Channel 4`` + ``5 hours ago``;
    when no suffix is in range the longest one stands. The prefix has
    trailing whitespace and separators stripped (``time`` prefixes are returned as is;
    a date repeated by responsive markup is dropped). None if no suffix parses, or if
    the prefix reads like a sentence rather than a source name.
    """
    if not isinstance(text, str):
        return None
    stripped = _TRAILING_STOP.sub("", _BIDI_MARKS.sub("", text).rstrip())
    stripped = _AGO_COUNTER_RE.sub("", stripped)  # `The Star18 hours ago3`: a card's counter
    if not stripped:
        return None
    head_len = max(0, len(stripped) - TAIL_LEN)
    tail = stripped[head_len:]
    anchor, zone, english, arabic, langs = _setup(anchor, timezone, languages)
    try:
        found = _fast_match(tail, anchor, zone, day_first, english, arabic)
        if found is None:
            unix = parse_unix(tail.strip())
            if unix is None:
                return None
            found = (len(tail) - len(tail.lstrip()), unix)
        start, result = found
        checked = None if result is None else validate(result, anchor)
    except (ValueError, OverflowError, KeyError, IndexError):  # pragma: no cover
        return None
    if checked is None:
        return None
    start += head_len
    # "CNN Published 14:05 GMT, 28 June 2025 | Updated: 16:22 GMT...": the publication
    update = _UPDATE_BEFORE_RE.search(stripped, 0, start) if start else None
    cut = update.start() if update else (start if _UPDATE_START_RE.match(stripped, start) else 0)
    if cut:
        earlier = split_trailing_age(
            stripped[:cut].rstrip(_SEPARATORS),
            anchor,
            timezone=timezone,
            day_first=day_first,
            languages=languages,
            age_ranges=age_ranges,
        )
        if earlier is not None:
            return earlier
    head = stripped[:start]
    if _is_length(_CUT_RE.split(head)[-1]):
        return None  # "Lesezeit 3 Min", "Reading time: 4 min": a length
    head = _lengths_dropped(head) or head
    prefix = head.rstrip(_SEPARATORS)
    if _REPEATED_DATE_RE.match(prefix):
        prefix = ""
    elif not _prefix_ok(head):
        return None  # a sentence ending in an age ("founded 40 years ago"): not a header
    age = stripped[start:].strip()
    if age_ranges and not in_range(age, age_ranges):
        shorter = _shorter_in_range(stripped, start, anchor, zone, day_first, age_ranges)
        if shorter is not None:
            return shorter
    return prefix, checked, age


def _shorter_in_range(
    text: str, start: int, anchor: datetime, zone: tzinfo, day_first: bool, ranges: AgeRanges
) -> tuple[str, ParsedTime, str] | None:
    """``Channel 45 hours ago`` read at ``45``: the longest ``5 hours ago`` the site prints."""
    begin = len(text) - len(text[start:].lstrip())
    digits = _DIGITS_RE.match(text, begin)
    if digits is None:
        return None
    for cut in range(begin + 1, digits.end()):
        age, head = text[cut:], text[:cut]
        if age.startswith("0") or not in_range(age, ranges) or not _prefix_ok(head):
            continue
        if not any(ch.isalpha() for ch in head):
            break  # "45 hours ago" on its own: no name to glue digits to
        found = _fast_match(age, anchor, zone, day_first, True, False)
        if found is None or found[0] != 0 or found[1] is None:
            continue
        checked = validate(found[1], anchor)
        if checked is not None:
            return head.rstrip(_SEPARATORS), checked, age.strip()
    return None
