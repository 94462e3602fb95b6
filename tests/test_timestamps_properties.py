"""Hypothesis properties: parse_timestamp never raises and never returns the future."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
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
        "EST", "ET", "IST", "CST", "BST", "GMT+1", "UTC-05:00", "(ET)", "Nov", "Jun", "Sept.",
        "28", "29", "28th", "Thu", "Fri,", "AM", "PM", "p.m.", "2:05", "14:05", ",", "in",
        "Published", "Updated:", "from", "hrs", "Uhr", "um", "28.11.2025", "11/28/2025",
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


MONTH_NAMES = ["Jan", "Feb", "March", "Apr", "May", "June", "Jul", "Aug", "Sept", "Oct", "Nov",
               "Dec"]  # fmt: skip
dates = st.dates(min_value=date(2001, 1, 1), max_value=date(2089, 12, 31))


@settings(max_examples=200, deadline=None)
@given(anchors, dates, zones, st.booleans())
def test_a_yearless_date_is_the_latest_such_day_not_in_the_future(
    anchor: datetime, day: date, zone: str, day_before_month: bool
) -> None:
    name = MONTH_NAMES[day.month - 1]
    text = f"{day.day} {name}" if day_before_month else f"{name} {day.day}"
    got = parse_timestamp(text, anchor, timezone=zone)
    today = anchor.astimezone(ZoneInfo(zone)).date()
    assert got is not None, text
    read = got.at.astimezone(ZoneInfo(zone))
    assert (read.month, read.day, read.hour, read.minute) == (day.month, day.day, 0, 0)
    assert read.date() <= today
    # no later year would do: the same day one leap cycle later is in the future
    later = [y for y in range(read.year + 1, read.year + 9) if _valid(y, day.month, day.day)]
    assert later and date(later[0], day.month, day.day) > today


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["m", "h", "d", "min", "mins", "hrs", "minutes", "hours", "days", "weeks"]),
    st.sampled_from(["in ", "In ", "in about ", "within ", "Reuters · in ", "Starts in "]),
    anchors,
)
def test_in_n_units_is_never_read(n: int, unit: str, lead: str, anchor: datetime) -> None:
    assert parse_timestamp(f"{lead}{n} {unit}", anchor) is None
    assert parse_timestamp(f"{lead}{n}{unit}", anchor) is None


clock_times = st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2089, 1, 1))


@settings(max_examples=200, deadline=None)
@given(clock_times, st.sampled_from(["ET", "PT", "CT", "MT", "AET", "NZT", "UK"]))
def test_generic_zones_are_the_zones_daylight_or_standard_time(local: datetime, abbr: str) -> None:
    iana = {"ET": "America/New_York", "PT": "America/Los_Angeles", "CT": "America/Chicago",
            "MT": "America/Denver", "AET": "Australia/Sydney", "NZT": "Pacific/Auckland",
            "UK": "Europe/London"}[abbr]  # fmt: skip
    hour12 = local.hour % 12 or 12
    ampm = "AM" if local.hour < 12 else "PM"
    text = f"{local:%b} {local.day}, {local.year} {hour12}:{local:%M} {ampm} {abbr}"
    got = parse_timestamp(text, datetime(2090, 1, 1, tzinfo=UTC))
    expected = local.replace(second=0, microsecond=0, tzinfo=ZoneInfo(iana)).astimezone(UTC)
    # a wall-clock time the spring-forward gap skips names no instant: no page prints one
    assume(
        expected.astimezone(ZoneInfo(iana)).replace(tzinfo=None)
        == local.replace(second=0, microsecond=0)
    )
    assert got is not None and got.at == expected, text
    first = parse_timestamp(
        f"{hour12}:{local:%M} {ampm} {abbr}, {local:%a} {local.day} {local:%B} {local.year}",
        datetime(2090, 1, 1, tzinfo=UTC),
    )
    assert first is not None and first.at == expected
