"""Hypothesis properties: parse_timestamp never raises and never returns the future."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbot.timestamps import parse_timestamp, split_trailing_age

UTC = timezone.utc
TOLERANCE = timedelta(minutes=5)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

anchors = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
)
zones = st.sampled_from(["UTC", "Europe/London", "Asia/Riyadh", "America/New_York"])
words = st.sampled_from(
    [
        "a", "an", "few", "seconds", "minute", "minutes", "hour", "hours", "hrs", "h", "m",
        "d", "day", "days", "week", "weeks", "month", "months", "year", "years", "ago",
        "just", "now", "about", "over", "Updated", "yesterday", "today", "at", "last",
        "Monday", "in", "time", "News", "·", "-", "/", ":", "منذ", "ساعة", "واحدة",
        "دقائق", "يوم", "يومين", "٣", "May", "March", "2025", "1900", "1899", "pm", "GMT",
        "Z", "T", "+02:00", "99999", "0", "12", "31", "Independent", "vor", "Stunden",
    ]
)  # fmt: skip
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
tokens = st.lists(st.one_of(words, numbers), max_size=8)
phrases = st.tuples(tokens, st.sampled_from(["", " ", "-", "/"])).map(
    lambda t: t[1].join(t[0]) if t[1] else " ".join(t[0])
)


def _check(text: str, anchor: datetime, zone: str) -> None:
    got = parse_timestamp(text, anchor, timezone=zone)
    if got is not None:
        assert got.at.tzinfo is not None
        assert got.at.utcoffset() == timedelta(0)
        assert got.at <= anchor + TOLERANCE
        assert got.at.year >= 1900
        assert got.precision in ("second", "minute", "hour", "day", "month", "year")
        assert got.kind in ("relative", "absolute")
    split = split_trailing_age(text, anchor, timezone=zone)
    if split is not None:
        prefix, parsed, age = split
        assert age and age in text
        assert parsed.at <= anchor + TOLERANCE


@SETTINGS
@given(st.text(max_size=80), anchors)
def test_any_text_never_raises(text: str, anchor: datetime) -> None:
    _check(text, anchor, "UTC")


@SETTINGS
@given(phrases, anchors, zones)
def test_date_like_phrases_never_raise_or_lie(text: str, anchor: datetime, zone: str) -> None:
    _check(text, anchor, zone)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(
        ["seconds", "minutes", "hours", "days", "weeks", "months", "years", "h", "m", "d"]
    ),
    anchors,
)
def test_n_units_ago_is_in_the_past(n: int, unit: str, anchor: datetime) -> None:
    got = parse_timestamp(f"{n} {unit} ago", anchor)
    if got is not None:
        assert got.at <= anchor
