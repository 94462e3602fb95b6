"""dateparser fallback, imported lazily, only for short date-like strings."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

from .clock import TIME, WEEKDAY
from .model import UTC, ParsedTime

MAX_FALLBACK_LEN = 100

# Strings that look like times but are not an article's timestamp.
_TRAP_RE = re.compile(
    r"^(?:at\s+)?(?:" + TIME + r")(?:\s*[a-z]{2,4})?$"  # 10.51am, 01:10, 22:00 GMT
    r"|^\d{3,4}\s*[a-z]{2,4}$"  # 0645 GMT
    r"|^(?:on\s+)?(?:last\s+|this\s+|next\s+)?" + WEEKDAY + r"$"  # on Thursday
    r"|^(?:last|this|next)\s+(?:week|month|year|night|time)$"
    r"|^in\s|\bfrom\s+now\b|\blater\b|\btomorrow\b|\bnext\b",
    re.I,
)
# the same in Arabic: a time of day alone (`الساعة ١٠:٣٠ صباحاً`, `10:30 م`) is no date either
# (ages round 48; an English `10:30 am` was already none)
_AR_CLOCK_TRAP_RE = re.compile(
    r"^\s*(?:الساعة|الساعه)?\s*[\d٠-٩۰-۹]{1,2}\s*[:.٫]\s*[\d٠-٩۰-۹]{2}\s*"
    r"(?:ص|م|صباحا|صباحاً|صباحًا|مساء|مساءً|مساءا|ظهرا|ظهراً|عصرا|عصراً|ليلا|ليلاً)?\s*"
    r"(?:بتوقيت\s+\S+(?:\s+\S+)?)?\s*$"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_CJK = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"}

_KNOWN_WORDS_TEXT = (
    "hoje ontem anteontem oggi ieri altroieri hier avant-hier aujourd'hui aujourdhui "
    "heute gestern vorgestern hoy ayer anteayer vandaag gisteren eergisteren dzisiaj "
    "wczoraj przedwczoraj idag igår dnes včera danas jučer jucer azi alaltăieri "
    "tänään eilen bugün dün hace vor il fa há geleden temu sedan siden önce prije "
    "pre sekunden minuten stunde stunden tag tagen woche wochen monat monaten jahr "
    "jahren seconde secondes heure heures jour jours semaine semaines mois an ans "
    "année années segundo segundos minuto minutos hora horas día días dia dias "
    "semana semanas mes meses año años ano anos secondi minuti ore giorno giorni "
    "settimana settimane mese mesi anno anni uur uren dag dagen week weken maand "
    "maanden jaar jaren godzin godziny godzinę dni dzień tygodni miesięcy lat rok "
    "saat saniye dakika gün hafta ay yıl timer timme timmar dagar veckor månader år "
    "tuntia päivää tage wochen second seconds sec secs minute minutes min mins hour "
    "jam menit detik hari minggu bulan tahun lalu kemarin baru saja "
    "hours hr hrs day days week weeks month months year years decade decades before "
    "now date "
)
# Words (ASCII or not) worth a dateparser call: day words and time units.
KNOWN_WORDS = frozenset(_KNOWN_WORDS_TEXT.split())
# dateparser's language detection over every locale is slow: shortlist by script.
_SCRIPT_LANGUAGES = {
    "LATIN": ["en", "fr", "de", "es", "pt", "it", "nl", "pl", "tr", "ro", "cs", "sv", "da",
              "nb", "fi", "id", "hr", "hu", "sk", "sl", "sr", "bs", "az", "uz", "ms"],
    "CYRILLIC": ["ru", "uk", "bg", "sr", "be", "mk", "kk", "bs", "uz"],
    "ARABIC": ["ar", "fa", "ur"],
    "CJK": ["zh", "ja", "ko"],
    "GREEK": ["el"],
    "HEBREW": ["he"],
    "DEVANAGARI": ["hi", "mr", "ne"],
    "BENGALI": ["bn"],
    "THAI": ["th"],
    "GEORGIAN": ["ka"],
    "ARMENIAN": ["hy"],
    "TAMIL": ["ta"],
    "GURMUKHI": ["pa"],
}  # fmt: skip
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['ʼʻʹ-][^\W\d_]+)?")


def has_known_word(text: str) -> bool:
    return any(tok.lower() in KNOWN_WORDS for tok in _TOKEN_RE.findall(text))


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "LATIN"
    if 0x2B0 <= code <= 0x36F:  # modifier letters (apostrophe look-alikes), combining marks
        return ""
    name = unicodedata.name(ch, "")
    word = name.split(" ", 1)[0]
    return "CJK" if word in _CJK else word


def candidate_script(text: str) -> str | None:
    """The one script of a text worth asking dateparser about, else None.

    Short, has letters, a single script, not a known trap.
    """
    if len(text) > MAX_FALLBACK_LEN or not _HAS_LETTER.search(text):
        return None
    if _TRAP_RE.search(text) or _AR_CLOCK_TRAP_RE.match(text):
        return None
    scripts = {_script(ch) for ch in text if ch.isalpha()} - {""}
    return scripts.pop() if len(scripts) == 1 else None


def is_candidate(text: str) -> bool:
    return candidate_script(text) is not None


def languages_for(script: str) -> list[str] | None:
    return _SCRIPT_LANGUAGES.get(script)


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # type: ignore[import-untyped]  # heavy: imported on first need
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    return dateparser, DateDataParser


_PERIOD = {"time": "minute", "day": "day", "week": "day", "month": "month", "year": "year"}
_ABSOLUTE_HINT = re.compile(r"\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2}")


def parse_fallback(
    text: str,
    anchor: datetime,
    zone_name: str,
    zone: tzinfo,
    languages: list[str] | None,
    day_first: bool,
) -> ParsedTime | None:
    _, date_data_parser = _dateparser()
    base = anchor.astimezone(zone).replace(tzinfo=None)
    settings = {
        "RELATIVE_BASE": base,
        "TIMEZONE": zone_name,
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",  # `حزيران 2025`: a month alone is its first day
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "DMY" if day_first else "MDY",
    }
    langs = [code for code in languages or () if "-" not in code] or None
    locales = [code for code in languages or () if "-" in code] or None
    try:
        parser = date_data_parser(languages=langs, locales=locales, settings=settings)
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    at = data.date_obj if data else None
    if at is None:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    precision = _PERIOD.get(data.period or "day", "day")
    if precision == "minute" and at.second:
        precision = "second"
    kind = "absolute" if _ABSOLUTE_HINT.search(text) else "relative"
    return ParsedTime(at.astimezone(UTC), precision, kind)
