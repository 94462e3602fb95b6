"""Spellings seen around the forms Daily8 prints: trailing stops, RTL marks, other Arabic."""

from datetime import datetime, timezone

import pytest

from newsbot.timestamps import parse_timestamp, split_trailing_age

ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("14 hours ago.", "2026-11-24T22:00:00Z", "hour"),
        ("19/05/2025.", "2025-05-19T00:00:00Z", "day"),
        ("قبل ساعة", "2026-11-25T11:00:00Z", "hour"),
        ("قبل 3 ساعات", "2026-11-25T09:00:00Z", "hour"),
        ("منذ ساعة واحدة\u200f", "2026-11-25T11:00:00Z", "hour"),
        ("\u200fمنذ يوم واحد", "2026-11-24T12:00:00Z", "day"),
        ("time\xa03 hours ago", "2026-11-25T09:00:00Z", "hour"),
        ("4 HOURS AGO", "2026-11-25T08:00:00Z", "hour"),
    ],
)
def test_variants_read_like_the_plain_form(text, iso, precision):
    parsed = parse_timestamp(text, ANCHOR)
    assert parsed is not None and (parsed.iso(), parsed.precision) == (iso, precision)


def test_glued_source_with_a_trailing_stop():
    prefix, parsed, age = split_trailing_age("Yahoo14 hours ago.", ANCHOR)
    assert (prefix, age, parsed.iso()) == ("Yahoo", "14 hours ago", "2026-11-24T22:00:00Z")


@pytest.mark.parametrize("text", ["Full story.", "...", "قبل الاجتماع", "قبل 3 ساعات من الاجتماع"])
def test_stops_and_arabic_before_are_not_ages_by_themselves(text):
    assert parse_timestamp(text, ANCHOR) is None
