"""The zone abbreviation table (settings/timezones.toml): what it says is what is read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tomllib

from newsbot.timestamps import parse_timestamp
from newsbot.timestamps.zones import (
    TABLE_FILE,
    Meaning,
    ZoneTableError,
    load_table,
    parse_table,
    settle,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = tomllib.loads((ROOT / "settings" / TABLE_FILE).read_text(encoding="utf-8"))
ANCHOR = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)


def _offset(raw: str) -> timedelta:
    sign = -1 if raw[0] == "-" else 1
    hours, minutes = raw[1:].split(":")
    return sign * timedelta(hours=int(hours), minutes=int(minutes))


def _meanings() -> list[tuple[str, dict, str | None]]:
    """(abbreviation, meaning, a site where it applies or None for everywhere else)."""
    out = []
    for abbr, meanings in SHIPPED["abbreviations"].items():
        for meaning in meanings:
            sites = [s for s in meaning.get("sites", []) if "*" not in s]
            out.append((abbr, meaning, sites[0] if sites else None))
    return out


@pytest.mark.parametrize(
    ("abbr", "meaning", "site"), _meanings(), ids=lambda v: v if isinstance(v, str) else None
)
def test_every_meaning_in_the_table_is_read_as_it_says(abbr, meaning, site) -> None:
    if site is None and meaning.get("sites"):
        pytest.skip("applies only to an area pattern")
    for month in (1, 7):  # standard and daylight time in both hemispheres
        text = f"{month}/15/2025 10:15 PM {abbr}"
        got = parse_timestamp(text, ANCHOR, timezone=site or "UTC", day_first=False)
        local = datetime(2025, month, 15, 22, 15)
        if "offset" in meaning:
            expected = (local - _offset(meaning["offset"])).replace(tzinfo=timezone.utc)
        else:
            expected = local.replace(tzinfo=ZoneInfo(meaning["zone"])).astimezone(timezone.utc)
        assert got is not None, text
        assert got.at == expected, (text, meaning)


def test_ambiguous_abbreviations_have_no_default() -> None:
    for abbr in ("IST", "CST", "AST", "SST"):
        meanings = SHIPPED["abbreviations"][abbr]
        assert len(meanings) > 1 and all(m.get("sites") for m in meanings)
        assert parse_timestamp(f"Nov 28, 2025 10:15 PM {abbr}", ANCHOR) is None


def test_the_us_generic_zones_name_the_us_zones() -> None:
    table = SHIPPED["abbreviations"]
    assert [m["zone"] for m in table["ET"]] == ["America/New_York"]
    assert [m["zone"] for m in table["PT"]] == ["America/Los_Angeles"]
    assert [m["zone"] for m in table["CT"]] == ["America/Chicago"]
    assert [m["zone"] for m in table["MT"]] == ["America/Denver"]


def _m(hours: int, *sites: str) -> Meaning:
    return Meaning(timezone(timedelta(hours=hours)), f"UTC{hours:+}", tuple(sites))


def test_settle_prefers_an_exact_site_then_a_pattern_then_the_default() -> None:
    meanings = (_m(1), _m(-6, "America/*"), _m(-5, "America/Havana"))
    assert settle(meanings, "America/Havana") is meanings[2]
    assert settle(meanings, "America/Chicago") is meanings[1]
    assert settle(meanings, "Europe/Paris") is meanings[0]
    assert settle(meanings, None) is meanings[0]
    tie = (_m(1, "Europe/Dublin"), _m(2, "Europe/Dublin"))
    assert settle(tie, "Europe/Dublin") is None
    assert settle(tie, None) is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("[abbreviations]\nXST = [{ offset = '+5' }]", "HH:MM"),
        ("[abbreviations]\nXST = [{ offset = '+05:00', zone = 'Europe/Paris' }]", "exactly one"),
        ("[abbreviations]\nXST = [{ zone = 'Mars/Olympus' }]", "XST"),
        ("[abbreviations]\nxst = [{ offset = '+05:00' }]", "upper-case"),
        ("[abbreviations]\nXST = { offset = '+05:00' }", "list"),
        ("[abbreviations]\nXST = [{ offset = '+05:00', sites = 'Asia/Tokyo' }]", "sites"),
        ("XST = [", "Invalid"),
        ("[other]", "abbreviations"),
    ],
)
def test_a_wrong_table_is_reported(text: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_table(text)


def test_an_operators_settings_folder_brings_its_own_table(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSBOT_SETTINGS_DIR", str(tmp_path))
    assert "EST" in load_table()  # no table in the folder: the shipped one
    (tmp_path / TABLE_FILE).write_text(
        "[abbreviations]\nXST = [{ offset = '+05:00', name = 'Example' }]\n", encoding="utf-8"
    )
    table = load_table()
    assert list(table) == ["XST"] and table["XST"][0].zone.utcoffset(None) == timedelta(hours=5)
    (tmp_path / TABLE_FILE).write_text("[abbreviations]\nXST = [{ offset = 'x' }]\n")
    with pytest.raises(ZoneTableError, match=TABLE_FILE):
        load_table()
