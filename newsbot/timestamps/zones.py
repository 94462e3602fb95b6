"""Zones printed after a clock time: ``EST``, ``ET``, ``GMT+1``, ``UTC-05:00``, ``+0100``.

What each abbreviation means is data (``settings/timezones.toml``), not code. A meaning is a
fixed offset (``EST``) or an IANA zone whose daylight or standard time follows the date
(``ET``). Ambiguous abbreviations (``IST``, ``CST``) are settled by the site's timezone, or
refused.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from fnmatch import fnmatchcase
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomllib

from newsbot.profiles import settings_dir

from .model import UTC

TABLE_FILE = "timezones.toml"

_OFFSET = r"[+\-\u2212]\s?\d{1,2}(?::?\d{2})?(?!\d)"
_NUMERIC_RE = re.compile(r"(?:UTC|GMT|UT)?\s?([+\-\u2212])\s?(\d{1,2})(?::?(\d{2}))?", re.I)
_ABBREVIATION_RE = re.compile(r"[A-Z]{2,5}")


class ZoneTableError(RuntimeError):
    """``settings/timezones.toml`` is missing or says something that cannot be used."""


@dataclass(frozen=True)
class Meaning:
    """One meaning of an abbreviation: a fixed offset or an IANA zone, and where it applies."""

    zone: tzinfo
    name: str
    sites: tuple[str, ...] = ()


def _table_text() -> tuple[str, str]:
    """(where, text) of the table in the settings folder; the shipped one when an operator's
    folder has none."""
    places: list[Any] = [settings_dir()]
    if os.environ.get("NEWSBOT_SETTINGS_DIR"):
        checkout = Path(__file__).resolve().parents[2] / "settings"
        places.append(checkout if (checkout / TABLE_FILE).is_file() else None)
        with contextlib.suppress(ModuleNotFoundError):
            places.append(resources.files("newsbot.site_config"))
    for place in places:
        if place is None:
            continue
        try:
            text = (place / TABLE_FILE).read_text(encoding="utf-8-sig")
        except OSError:
            continue
        except UnicodeDecodeError as exc:  # saved in another encoding: one line, no traceback
            raise ZoneTableError(
                f"{place / TABLE_FILE}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
            ) from None
        return str(place / TABLE_FILE), str(text)
    raise ZoneTableError(f"{TABLE_FILE} not found in the settings folder ({places[0]})")


def _fixed(raw: str) -> tzinfo:
    m = re.fullmatch(r"([+-])(\d{2}):(\d{2})", raw)
    if not m or int(m[2]) > 14 or int(m[3]) > 59:
        raise ValueError(f"offset {raw!r} is not +HH:MM")
    delta = timedelta(hours=int(m[2]), minutes=int(m[3]))
    return timezone(-delta if m[1] == "-" else delta) if delta else UTC


def _meaning(abbr: str, raw: Any) -> Meaning:
    if not isinstance(raw, dict) or ("offset" in raw) == ("zone" in raw):
        raise ValueError(f"{abbr}: each meaning needs exactly one of offset or zone")
    zone = _fixed(str(raw["offset"])) if "offset" in raw else ZoneInfo(str(raw["zone"]))
    sites = raw.get("sites", [])
    if not isinstance(sites, list) or not all(isinstance(s, str) and s for s in sites):
        raise ValueError(f"{abbr}: sites must be a list of timezone names or patterns")
    return Meaning(zone, str(raw.get("name", abbr)), tuple(sites))


def parse_table(text: str) -> dict[str, tuple[Meaning, ...]]:
    """Read a table in the format of ``settings/timezones.toml``; ValueError when it is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from None
    entries = data.get("abbreviations")
    if not isinstance(entries, dict):
        raise ValueError("no [abbreviations] table")
    table: dict[str, tuple[Meaning, ...]] = {}
    for abbr, meanings in entries.items():
        if not _ABBREVIATION_RE.fullmatch(abbr):
            raise ValueError(f"{abbr!r}: abbreviations are 2 to 5 upper-case letters")
        if not isinstance(meanings, list) or not meanings:
            raise ValueError(f"{abbr}: a list of meanings is expected")
        try:
            table[abbr] = tuple(_meaning(abbr, raw) for raw in meanings)
        except Exception as exc:  # ZoneInfoNotFoundError, ValueError, KeyError
            raise ValueError(f"{abbr}: {exc}") from None
    return table


def load_table() -> dict[str, tuple[Meaning, ...]]:
    """Read the table from the settings folder. ZoneTableError names a missing or bad file
    (its path) and what is wrong with it."""
    where, text = _table_text()
    try:
        return parse_table(text)
    except ValueError as exc:
        raise ZoneTableError(f"{where}: {exc}") from None


@lru_cache(maxsize=1)
def abbreviation_table() -> dict[str, tuple[Meaning, ...]]:
    """The table, read once per process (parsers compile its names into their patterns)."""
    return load_table()


@lru_cache(maxsize=1)
def zone_pattern() -> str:
    """A regex (for re.I patterns) of a zone printed after a time, from the table's names.

    ``GMT+1``, ``UTC-05:00``, ``+0100``, ``EST``, ``(ET)``. Abbreviations match in upper
    case only (``et`` is French for "and").
    """
    names = sorted(abbreviation_table(), key=len, reverse=True)
    abbr = "(?-i:" + "|".join(names) + ")(?![A-Za-z])" if names else "(?!)"
    one = r"(?:(?:UTC|GMT|UT)\s?" + _OFFSET + r"|(?:UTC|GMT)(?![A-Za-z])|" + abbr + ")"
    return r"(?:" + one + r"|\(" + one + r"\)|[+\-\u2212]\d{2}:?\d{2}(?!\d))"


def settle(meanings: tuple[Meaning, ...], site: str | None) -> Meaning | None:
    """The meaning for a site: its exact timezone, else an area pattern, else the default.

    None when two meanings tie, or when none is the default and the site does not settle it.
    """
    if site:
        for exact in (True, False):
            hits = [
                m
                for m in meanings
                if any(
                    (p == site) if exact else ("*" in p and fnmatchcase(site, p)) for p in m.sites
                )
            ]
            if hits:
                return hits[0] if len(hits) == 1 else None
    defaults = [m for m in meanings if not m.sites]
    return defaults[0] if len(defaults) == 1 else None


def site_name(site: tzinfo) -> str | None:
    """The IANA name of a site zone (None for UTC and fixed offsets)."""
    key = getattr(site, "key", None)
    return key if isinstance(key, str) else None


@lru_cache(maxsize=512)
def zone_for(printed: str, site: str | None) -> tzinfo | None:
    """The zone a printed ``EST``/``GMT+1``/``+0100`` stands for on a site, or None (refused)."""
    text = printed.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    upper = text.upper()
    if upper in ("Z", "UTC", "GMT", "UT"):
        return UTC
    m = _NUMERIC_RE.fullmatch(text)
    if m:
        hours, minutes = int(m[2]), int(m[3] or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(delta if m[1] == "+" else -delta) if delta else UTC
    meanings = abbreviation_table().get(text)
    if not meanings:
        return None  # an unknown abbreviation: the offset cannot be known
    found = settle(meanings, site)
    return None if found is None else found.zone


# A city's or a country's time named in words after a clock (`07:30 Mecca time`, `10:00 ص
# بتوقيت القاهرة`): the zone whose offset the date gives (Cairo and Beirut keep summer time).
_ZONE_WORD_NAMES = (
    ("Asia/Riyadh", "Mecca|Makkah|Riyadh|Jeddah|Saudi|Saudi Arabia|KSA"),
    ("Asia/Dubai", "UAE|Dubai|Abu Dhabi|Gulf Standard"),
    ("Asia/Qatar", "Doha|Qatar"),
    ("Asia/Kuwait", "Kuwait"),
    ("Asia/Bahrain", "Bahrain|Manama"),
    ("Asia/Baghdad", "Baghdad|Iraq"),
    ("Asia/Muscat", "Muscat|Oman"),
    ("Africa/Cairo", "Cairo|Egypt"),
    ("Asia/Beirut", "Beirut|Lebanon"),
    ("Asia/Amman", "Amman|Jordan"),
    ("Asia/Damascus", "Damascus|Syria"),
    ("Africa/Casablanca", "Rabat|Casablanca|Morocco"),
    ("Africa/Tunis", "Tunis|Tunisia"),
    ("Africa/Algiers", "Algiers|Algeria"),
)
_ZONE_WORDS_EN = re.compile(
    r"\s*[,(]?\s*(?:"
    + "|".join(f"(?P<z{n}>{names})" for n, (_, names) in enumerate(_ZONE_WORD_NAMES))
    + r")(?:\s+local)?\s+time\s*\)?\s*$",
    re.I,
)
# the Arabic words for the zones that keep summer time (the fixed ones are offsets already:
# newsbot.timestamps.arabic.named_zones)
_ZONE_WORDS_AR = (
    (re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:القاهرة|مصر)\s*$"), "Africa/Cairo"),
    (re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:بيروت|لبنان)\s*$"), "Asia/Beirut"),
    (re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:دمشق|سوريا)\s*$"), "Asia/Damascus"),
    (re.compile(r"\s*(?:بتوقيت|توقيت)\s+(?:الرباط|المغرب)\s*$"), "Africa/Casablanca"),
)


def zone_in_words(text: str) -> tuple[str, str] | None:
    """(``text`` without it, the IANA zone) for a zone named in words at the end of a time
    (`Friday 20 November 2026 07:30 Mecca time`), or None."""
    if "time" in text.lower():
        m = _ZONE_WORDS_EN.search(text)
        if m is not None and m.start() > 0:
            n = next(int(k[1:]) for k, v in m.groupdict().items() if v)
            return text[: m.start()], _ZONE_WORD_NAMES[n][0]
    if "توقيت" in text:
        for pattern, zone in _ZONE_WORDS_AR:
            m = pattern.search(text)
            if m is not None and m.start() > 0:
                return text[: m.start()], zone
    return None
