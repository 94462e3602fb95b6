"""English relative ages: ``3 hours ago``, ``3h``, ``1h 20m ago``, ``yesterday at 11:30``."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache

from .clock import TIME, WEEKDAY, WEEKDAYS, parse_clock
from .model import ParsedTime, local_datetime, local_midnight, minus_months
from .zones import site_name, zone_for, zone_pattern

#: (start index, result); a None result is a form that must not be read (``in 5m``).
Found = tuple[int, ParsedTime | None]

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# `a couple of hours ago`: two
_COUPLE = r"a\s+couple\s+of"
# unit spelling -> (canonical unit, is_abbreviation)
_UNITS = {
    "seconds": ("s", False), "second": ("s", False), "secs": ("s", True),
    "sec": ("s", True), "s": ("s", True),
    "minutes": ("m", False), "minute": ("m", False), "mins": ("m", True),
    # typed in a hurry (`5 minuts ago`: blind ages round 47)
    "minuts": ("m", False), "mintues": ("m", False), "minits": ("m", False),
    "minites": ("m", False),
    "min": ("m", True), "mn": ("m", True), "m": ("m", True),
    "hours": ("h", False), "hour": ("h", False), "hrs": ("h", True), "hr": ("h", True),
    "h": ("h", True),
    "days": ("d", False), "day": ("d", False), "d": ("d", True),
    "weeks": ("w", False), "week": ("w", False), "wks": ("w", True), "wk": ("w", True),
    "w": ("w", True),
    "months": ("mo", False), "month": ("mo", False), "mons": ("mo", True), "mos": ("mo", True),
    "mon": ("mo", True), "mths": ("mo", True), "mth": ("mo", True), "mo": ("mo", True),
    "years": ("y", False), "year": ("y", False), "yrs": ("y", True), "yr": ("y", True),
    "y": ("y", True),
    "decades": ("dec", False), "decade": ("dec", False),
}  # fmt: skip
_PRECISION = {
    "s": "second", "m": "minute", "h": "hour", "d": "day", "w": "day",
    "mo": "month", "y": "year", "dec": "year",
}  # fmt: skip
_ORDER = ["dec", "y", "mo", "w", "d", "h", "m", "s"]

# "3 hr. ago", "5 min. ago": an abbreviation may keep its full stop; `12 minutesago`: a unit
# glued to its `ago`
_UNIT = (
    "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")(?:(?=ago(?![a-z]))|(?![a-z])\.?)"
)
# (?<!\d): a number starts at the start of a digit run (keeps long digit runs linear).
# (?=...): the first letters of the number words, checked before trying each word.
_NUM = (
    r"(?=\d|[aefnost])(?:(?<!\d)(?<!\d[.,])\d{1,9}(?:[.,]\d{1,3})?\s*|(?:"
    + _COUPLE
    + "|"
    + "|".join(_WORDS)
    + r")\s+)"
)
_COMP = _NUM + _UNIT
# A number word stands apart from its unit ("an hour"; "and" is not "an d").
_COMP_RE = re.compile(
    r"(?:(?P<n>\d{1,9}(?:[.,]\d{1,3})?)\s*|(?<![a-z])(?P<w>"
    + _COUPLE
    + r"|[a-z]+)\s+)(?P<u>"
    + _UNIT
    + ")",
    re.I,
)
_QUAL = (
    r"(?:(?:about|over|almost|nearly|around|approximately|approx\.?|more\s+than|"
    r"less\s+than|last\s+updated|updated|published|posted|edited)\s+)*"
)
_AT_TIME = r"(?:\s*(?:at|@|,|by)?\s*(?P<time>" + TIME + "))"

_QUAL_TAIL_RE = re.compile(_QUAL.replace(")*", ")+", 1) + r"$", re.I)
_REL_RE = re.compile(
    r"(?P<comp>"
    + _COMP
    + r"(?:(?:\s*,\s*|\s+)?(?:and\s+)?"  # unambiguous separators: no backtracking blow-up
    + _COMP
    + r"){0,7})\s*(?P<ago>ago|back)?(?:"
    + _AT_TIME
    + r")?\s*$",
    re.I,
)
_NOW_RE = re.compile(
    r"(?:just\s+now|right\s+now|now|moments?\s+ago|(?:a\s+)?few\s+seconds\s+ago|"
    r"seconds\s+ago|less\s+than\s+a\s+minute\s+ago|a\s+moment\s+ago)\s*$",
    re.I,
)
# `a few minutes ago`: within the hour, no more exact (ages round 50)
_FEW_MINUTES_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?|several)\s+min(?:ute)?s\s+ago\s*$",
    re.I,
)
# a part of the day (`yesterday evening`, `this morning`, `late last night`: blind ages round
# 53) is that day; a weekday alone is no time (`on Thursday`: the body's phrases), one with a
# clock is the last such day before today (`Friday at 18:30`)
_DAY = (
    r"(?:(?P<dby>(?:the\s+)?day\s+before\s+yesterday)"
    r"|(?P<yday>yesterday(?:\s+(?:morning|afternoon|evening|night))?|(?:late\s+)?last\s+night)"
    r"|(?P<today>today|earlier\s+today|(?:earlier\s+)?this\s+(?:morning|afternoon|evening)"
    r"|tonight)"
    r"|last\s+(?P<wd>" + WEEKDAY + ")"
    r"|(?:on\s+)?(?P<wdc>" + WEEKDAY + r")(?=\s*(?:at|@|,)?\s*\d))"
)
_WEEKDAY_CLOCK = re.compile(WEEKDAY + r"\s*(?:at|@|,)?\s*\d", re.I)
# "in 5m", "within about 2 hours": a time to come, never a publication time.
_FUTURE_LEAD_RE = re.compile(
    r"(?<![^\W\d_])(?:in|within)\s+(?:(?:about|around|over|under|nearly|almost|just|only|"
    r"approx\.?|approximately|less\s+than|more\s+than)\s+)*$",
    re.I,
)
# a full unit's name glued to the next number (`7Days3`): not two parts of one age
# the units' whole names (`hours`, `day`), which are never glued to their number in an age
UNIT_NAMES = (
    "(?:" + "|".join(sorted((u for u, (_, a) in _UNITS.items() if not a), key=len)[::-1]) + ")"
)
_GLUED_UNIT = re.compile(UNIT_NAMES + r"(?=\d)", re.I)
# a number and its unit joined by a hyphen (`5-hours ago`)
_HYPHENED = re.compile(r"\d-[a-z]", re.I)
_FROM_NOW_RE = re.compile(r"\bfrom\s+$", re.I)
# `half an hour ago`, `an hour and a half ago`: minutes (the plain reading takes `an hour ago`)
_HALF_HOUR_RE = re.compile(
    r"(?<![^\W\d_])(?:(?P<half>half\s+an\s+hour)|(?:an|one)\s+hour\s+and\s+a\s+half)\s+ago\s*$",
    re.I,
)


@lru_cache(maxsize=1)
def _day_re() -> re.Pattern[str]:
    """``yesterday at 10:15 PM ET``: compiled on first use (zone names come from a table)."""
    at_time = _AT_TIME[:-1] + r"(?:\s*,?\s*(?P<tz>" + zone_pattern() + r"))?)"
    return re.compile(_DAY + at_time + r"?\s*$", re.I)


@lru_cache(maxsize=1)
def _labelled_clock_re() -> re.Pattern[str]:
    """``Last updated 07:42 GMT``, ``Published: 9.15am``: a time of day alone in the slot
    after a published/updated label. Without one it is no time: body text is full of clock
    times that are not the article's (``10.51am``, ``0645 GMT``; see daily8.md)."""
    return re.compile(
        r"^\s*(?:(?:last\s+)?(?:updated|modified)|published|posted)\s*:?\s*(?:at\s+)?"
        r"(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)"
        r"(?:\s*,?\s*(?P<tz>" + zone_pattern() + r"))?\s*$",
        re.I,
    )


# a labelled clock is today's, the day before when today's would be later than the page
_CLOCK_AHEAD = timedelta(minutes=5)


def _labelled_clock(text: str, anchor: datetime, site: tzinfo) -> ParsedTime | None:
    m = _labelled_clock_re().match(text)
    if m is None:
        return None
    zone = zone_for(m["tz"], site_name(site)) if m["tz"] else site
    if zone is None:
        return None
    local_day = anchor.astimezone(zone).date()
    noon = datetime(local_day.year, local_day.month, local_day.day, 12, tzinfo=zone)
    res = _with_clock(noon, m["time"], zone)
    if res is not None and res[0] > anchor + _CLOCK_AHEAD:
        res = _with_clock(noon - timedelta(days=1), m["time"], zone)
    return None if res is None else ParsedTime(res[0], res[1], "relative")


def unit_of(spelling: str) -> str | None:
    """The canonical unit (``h``) of a unit as printed (``hours``, ``hrs``, ``h``), or None."""
    found = _UNITS.get(spelling.lower().rstrip("."))
    return None if found is None else found[0]


def _number(raw: str) -> float | None:
    raw = raw.lower()
    if raw.startswith("a") and re.fullmatch(_COUPLE, raw):
        return 2
    if raw in _WORDS:
        return _WORDS[raw]
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def _with_clock(day_at: datetime, clock: str | None, zone: tzinfo) -> tuple[datetime, str] | None:
    """Local date of ``day_at`` at midnight (day) or at ``clock`` (minute/second)."""
    local_day = day_at.astimezone(zone).date()
    if clock is None:
        return local_midnight(local_day, zone), "day"
    parsed = parse_clock(clock)
    if parsed is None:
        return None
    hour, minute, second, has_seconds = parsed
    at = local_datetime(local_day, hour, minute, second, zone)
    return None if at is None else (at, "second" if has_seconds else "minute")


# a fraction of a unit, as decimals the amounts read (`2½ hours ago`, `2 1/2 hrs ago`, `¾ hour
# ago`, `half a day ago`: blind ages round 58; `2 1/2` was read as `2` after a name `2 1/`).
# Each replacement starts where the amount does, so the age's start index stays the text's.
_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75", "1/2": ".5", "1/4": ".25", "3/4": ".75"}
_FRACTION_RE = re.compile(
    r"(?P<whole>\d)\s?(?P<glyph>[½¼¾])|(?P<lone>(?<![\d/.])[½¼¾])"
    r"|(?P<w2>\d) (?P<slash>[13]/[24])(?=\s*[a-z])"
    r"|(?<![\d/.])(?P<alone>[13]/[24])(?=\s*[a-z])"
    r"|(?P<half>\bhalf\s+an?\s+)(?=(?:day|week|month|year|minute)\b)",
    re.I,
)


# the same said in words, each as its amount: `a quarter of an hour`, `three quarters of an
# hour`, `a minute and a half`, `a fortnight`
_SPOKEN_PARTS = (
    (re.compile(r"\ba\s+quarter\s+of\s+an\s+hour\b", re.I), "0.25 hour"),
    (re.compile(r"\bthree\s+quarters\s+of\s+an\s+hour\b", re.I), "0.75 hour"),
    (
        re.compile(r"\b(?:a|one)\s+(minute|day|week|month|year)\s+and\s+a\s+half\b", re.I),
        r"1.5 \1",
    ),
    (re.compile(r"\b(?:a|one)\s+fortnight\b", re.I), "2 weeks"),
)


def _as_decimals(text: str) -> str:
    for spoken, amount in _SPOKEN_PARTS:
        text = spoken.sub(amount, text)

    def one(m: re.Match[str]) -> str:
        if m["whole"]:
            return m["whole"] + _FRACTIONS[m["glyph"]]
        if m["lone"]:
            return "0" + _FRACTIONS[m["lone"]]
        if m["w2"]:
            return m["w2"] + _FRACTIONS[m["slash"]]
        if m["alone"]:
            return "0" + _FRACTIONS[m["alone"]]
        return "0.5 "

    return _FRACTION_RE.sub(one, text)


def match_relative(text: str, anchor: datetime, zone: tzinfo) -> Found | None:
    """Find an English age at the end of ``text``: (start index, result)."""
    best: Found | None = None
    low = text.lower()
    if any(mark in low for mark in ("½", "¼", "¾", "/", "half", "quarter", "fortnight")):
        text = _as_decimals(text)
        low = text.lower()
    if low.endswith(("now", "ago")):
        m = _NOW_RE.search(text)
        if m:
            future = _FROM_NOW_RE.search(text, max(0, m.start() - 10), m.start())
            best = (m.start(), None if future else ParsedTime(anchor, "minute", "relative"))
        m = None if best else _FEW_MINUTES_RE.search(text)
        if m:
            best = (m.start(), ParsedTime(anchor, "hour", "relative"))
    if (
        "yesterday" in low
        or "today" in low
        or "last" in low
        or "this " in low
        or "tonight" in low
        or _WEEKDAY_CLOCK.search(text)
    ):
        m = _day_re().search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), _day_word(m, anchor, zone))
            if best[1] is None and not m["tz"]:
                best = None  # a clock out of range: not a time at all
    if best is None and (":" in text or "." in text) and any(c.isdigit() for c in text[-12:]):
        clock = _labelled_clock(text, anchor, zone)
        if clock is not None:
            return 0, clock
    half = _HALF_HOUR_RE.search(text) if "half" in low else None
    if half and (best is None or half.start() < best[0]):
        minutes = 30 if half["half"] else 90
        best = (half.start(), ParsedTime(anchor - timedelta(minutes=minutes), "minute", "relative"))
    spaced = text.replace("-", " ") if "-" in text else text  # `5-hours ago` as `5 hours ago`
    m = _REL_RE.search(spaced)
    glued = _GLUED_UNIT.search(m.group("comp")) if m else None
    if m and glued:
        # `7Days3 hours ago`: a source whose name ends in a unit, glued to its age; one age
        # with two parts is printed with a space between them (`1 day 3 hours ago`)
        m = _REL_RE.search(spaced, m.start() + glued.end() - 1)
    coarser = _coarser_part(m) if m else None
    if coarser is not None:
        # `Zone 5m2 hours ago`: an age's parts run from the coarsest unit down (`2h 5m`); a
        # coarser one after a finer one starts the age, what is before it is a name
        m = _REL_RE.search(spaced, coarser)
    if m and "-" in text and _HYPHENED.search(text, m.start(), m.end()) and not m.group("ago"):
        m = None  # `a 5-hour drive`: a length; `5-hours ago` is an age
    if m and _glued_number_word(text, m):
        m = None
    if m and (best is None or m.start() < best[0]):
        res = _relative(m, anchor, zone)
        if res is not None:
            best = (m.start(), res)
    if best is not None and best[0]:
        lead = max(0, best[0] - 40)
        if _FUTURE_LEAD_RE.search(text, lead, best[0]):
            return best[0], None  # "in 5m", "in about 3 hours": to come, not past
        # Qualifiers (``about``, ``Updated``...) belong to the age.
        q = _QUAL_TAIL_RE.search(text, lead, best[0])
        if q:
            best = (q.start(), best[1])
    return best


def _coarser_part(m: re.Match[str]) -> int | None:
    """Where a part of the age ``m`` has a coarser unit than the part before it, or None."""
    last = -1
    for comp in _COMP_RE.finditer(m.group("comp")):
        rank = _ORDER.index(_UNITS[comp.group("u").lower().rstrip(".")][0])
        if rank <= last:
            return m.start("comp") + comp.start()
        last = rank
    return None


def _glued_number_word(text: str, m: re.Match[str]) -> bool:
    """The age's first number is a word glued to the letters before it: part of another
    word (`NaN minutes ago` is not "an" minutes, a blind round's case), except the article
    of a singular unit after a glued source name (`Independentan hour ago`)."""
    start = m.start()
    if start == 0 or not text[start - 1].isalpha():
        return False
    first = _COMP_RE.match(m.group("comp"))
    if first is None or first.group("w") is None:
        return False
    word, unit = first.group("w").lower(), first.group("u").lower().rstrip(".")
    return not (word in ("a", "an") and _UNITS[unit][0] != "s" and not unit.endswith("s"))


def _day_word(m: re.Match[str], anchor: datetime, site: tzinfo) -> ParsedTime | None:
    zone = zone_for(m["tz"], site_name(site)) if m["tz"] else site
    if zone is None:
        return None  # a zone the table refuses
    local_day = anchor.astimezone(zone).date()
    if m.group("dby"):
        day = local_day - timedelta(days=2)
    elif m.group("yday"):
        day = local_day - timedelta(days=1)
    elif m.group("today"):
        day = local_day
    else:
        wd = WEEKDAYS[(m.group("wd") or m.group("wdc")).lower().rstrip(".")]
        back = (local_day.weekday() - wd) % 7 or 7
        day = local_day - timedelta(days=back)
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=zone)  # safely inside `day`
    res = _with_clock(noon, m.group("time"), zone)
    return None if res is None else ParsedTime(res[0], res[1], "relative")


def _capital_letter_units(comp: str) -> bool:
    """Every unit printed as one capital letter (`3D`, `4H`): a label's, not an age's."""
    units = [c.group("u").rstrip(".") for c in _COMP_RE.finditer(comp)]
    return bool(units) and all(len(u) == 1 and u.isupper() for u in units)


def _after_a_word(m: re.Match[str]) -> bool:
    """Whether a word and a space come right before the match (`iPhone 5s`, `Galaxy S24 5s`)."""
    before = m.string[: m.start()]
    return bool(re.search(r"[^\W_]\s+$", before))


def _relative(m: re.Match[str], anchor: datetime, zone: tzinfo) -> ParsedTime | None:
    amounts: dict[str, float] = {}
    all_abbrev = True
    for comp in _COMP_RE.finditer(m.group("comp")):
        value = _number(comp.group("n") or comp.group("w"))
        unit, abbrev = _UNITS[comp.group("u").lower().rstrip(".")]
        if value is None or unit in amounts:
            return None
        amounts[unit] = value
        all_abbrev = all_abbrev and abbrev
    if not amounts:
        return None
    if not m.group("ago") and not all_abbrev:
        return None  # "3 days" on its own is left to the fallback
    if not m.group("ago") and set(amounts) == {"s"} and amounts["s"] >= 60:
        return None  # `1990s`, `the 90s`: a decade; a widget counts seconds up to 59
    if not m.group("ago") and _capital_letter_units(m.group("comp")):
        return None  # `3D`, `4K`-like labels: a widget prints its compact units in small letters
    if not m.group("ago") and set(amounts) == {"s"} and _after_a_word(m):
        return None  # `iPhone 5s`: a model's name, not five seconds (blind ages round 55)
    finest = max(amounts, key=_ORDER.index)
    try:
        months = amounts.get("dec", 0) * 120 + amounts.get("y", 0) * 12 + amounts.get("mo", 0)
        if months != int(months):
            return None
        at = minus_months(anchor, int(months)) if months else anchor
        at -= timedelta(
            weeks=amounts.get("w", 0),
            days=amounts.get("d", 0),
            hours=amounts.get("h", 0),
            minutes=amounts.get("m", 0),
            seconds=amounts.get("s", 0),
        )
    except (OverflowError, ValueError):
        return None
    precision = _PRECISION[finest]
    clock = m.group("time")
    if clock is not None:
        if finest not in ("d", "w"):
            return None
        res = _with_clock(at, clock, zone)
        if res is None:
            return None
        at, precision = res
    return ParsedTime(at, precision, "relative")
