"""Glued source + age read with the ranges of N the site prints (profile ``[ages]``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.extract.ages import age_reader
from newsbot.profiles import load_profile, load_toml, profile_from_dict
from newsbot.timestamps import split_trailing_age, to_iso_z
from newsbot.timestamps.ranges import age_amount, in_range, read_age_ranges

ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
MOMENT = {"minutes": (2, 44), "hours": (2, 21), "days": (2, 25)}


def ago(**kw: float) -> str:
    return to_iso_z(ANCHOR - timedelta(**kw))


# (line, prefix, age, published) with the moment.js ranges
WITH_RANGES = [
    ("Channel 45 hours ago", "Channel 4", "5 hours ago", ago(hours=5)),
    ("Channel 45h ago", "Channel 4", "5h ago", ago(hours=5)),
    ("Channel 412 minutes ago", "Channel 4", "12 minutes ago", ago(minutes=12)),
    ("Channel 421 hours ago", "Channel 4", "21 hours ago", ago(hours=21)),  # longest in range
    ("Channel 422 hours ago", "Channel 42", "2 hours ago", ago(hours=2)),  # 22 h is "a day ago"
    ("Channel 46 days ago", "Channel 4", "6 days ago", ago(days=6)),
    ("Radio 1005 minutes ago", "Radio 100", "5 minutes ago", ago(minutes=5)),
    ("7 Today2 hours ago", "7 Today", "2 hours ago", ago(hours=2)),
    ("9 News6 days ago", "9 News", "6 days ago", ago(days=6)),
    ("Independent14 hours ago", "Independent", "14 hours ago", ago(hours=14)),
    ("Channel 4a day ago", "Channel 4", "a day ago", ago(days=1)),
    ("Channel 4an hour ago", "Channel 4", "an hour ago", ago(hours=1)),
    # ambiguous both ways and 42 minutes is printed: the longest in range stands
    ("Channel 42 minutes ago", "Channel", "42 minutes ago", ago(minutes=42)),
    # nothing in range (the site prints neither 41 nor 1 hours): the longest, as without ranges
    ("Channel 41 hours ago", "Channel", "41 hours ago", ago(hours=41)),
    # "05 hours ago" is never printed: a leading zero is not where an age starts
    ("Channel 405 hours ago", "Channel 40", "5 hours ago", ago(hours=5)),
    # a unit without a range is not checked
    ("Channel 45 weeks ago", "Channel", "45 weeks ago", ago(weeks=45)),
]


@pytest.mark.parametrize(("text", "prefix", "age", "iso"), WITH_RANGES)
def test_split_prefers_the_longest_age_the_site_prints(
    text: str, prefix: str, age: str, iso: str
) -> None:
    got = split_trailing_age(text, ANCHOR, age_ranges=MOMENT)
    assert got is not None
    assert (got[0], got[2], got[1].iso()) == (prefix, age, iso)


@pytest.mark.parametrize("ranges", [None, {}])
def test_without_ranges_the_longest_suffix_wins(ranges: dict | None) -> None:
    got = split_trailing_age("Channel 45 hours ago", ANCHOR, age_ranges=ranges)
    assert got is not None
    assert (got[0], got[2], got[1].iso()) == ("Channel", "45 hours ago", ago(hours=45))


def test_ranges_never_turn_a_sentence_into_a_header() -> None:
    assert (
        split_trailing_age("the club was founded 45 years ago", ANCHOR, age_ranges=MOMENT) is None
    )
    assert split_trailing_age("45 hours ago", ANCHOR, age_ranges=MOMENT)[0] == ""  # type: ignore[index]


def test_ranges_follow_the_publication_before_an_update() -> None:
    got = split_trailing_age(
        "Channel 45 hours ago | Updated 2 hours ago", ANCHOR, age_ranges=MOMENT
    )
    assert got is not None
    assert (got[0], got[2]) == ("Channel 4", "5 hours ago")


def test_age_amount_reads_one_number_and_one_unit() -> None:
    assert age_amount("45 hours ago") == ("hours", 45)
    assert age_amount("45 hrs. ago") == ("hours", 45)
    assert age_amount("3m ago") == ("minutes", 3)
    assert age_amount("an hour ago") is None
    assert age_amount("1h 20m ago") is None
    assert age_amount("16-05-2025") is None
    assert not in_range("45 hours ago", MOMENT)
    assert in_range("21 hours ago", MOMENT) and in_range("a day ago", MOMENT)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"hour": [2, 21]}, "unknown unit"),
        ({"hours": [21, 2]}, "lowest <= highest"),
        ({"hours": [2]}, "expected [lowest, highest]"),
        ({"hours": "2-21"}, "expected [lowest, highest]"),
        ({"hours": [2.5, 21]}, "expected [lowest, highest]"),
    ],
)
def test_a_wrong_ages_table_is_refused_with_what_is_wrong(table: dict, message: str) -> None:
    with pytest.raises(ValueError, match="ages"):
        read_age_ranges(table)
    data = {**load_toml("daily8.toml"), "ages": table}
    with pytest.raises(ValueError) as err:
        profile_from_dict(data)
    assert message in str(err.value)


def test_daily8_profile_states_the_moment_ranges() -> None:
    profile = load_profile("daily8")
    assert profile.age_ranges == {"minutes": (2, 44), "hours": (2, 21), "days": (2, 25)}


def test_profile_without_ages_table_reads_as_before() -> None:
    data = {k: v for k, v in load_toml("daily8.toml").items() if k != "ages"}
    read = age_reader(profile_from_dict(data), ANCHOR)
    assert read("Channel 45 hours ago") == ("Channel", "45 hours ago")


def test_daily8_age_reader_splits_glued_outlets_ending_in_digits() -> None:
    read = age_reader(load_profile("daily8"), ANCHOR)
    assert read("Channel 45 hours ago") == ("Channel 4", "5 hours ago")
    assert read("7 Today2 hours ago") == ("7 Today", "2 hours ago")
    assert read("9 News6 days ago") == ("9 News", "6 days ago")
    assert read("India Today") is None


names = st.sampled_from(["Channel 4", "9 News", "7 Today", "Independent", "Radio 100", "عكاظ", ""])
ages = st.one_of(
    st.tuples(st.integers(0, 500), st.sampled_from(["minutes", "hours", "days", "h", "weeks"])).map(
        lambda t: f"{t[0]} {t[1]} ago"
    ),
    st.sampled_from(["a day ago", "an hour ago", "16-05-2025", "a few seconds ago", "منذ يومين"]),
)


@settings(max_examples=300, deadline=None)
@given(names, ages, st.sampled_from(["", " "]))
def test_with_ranges_a_split_still_rebuilds_the_line(name: str, age: str, glue: str) -> None:
    """Never raises; prefix and age are the line's own text, and an age the site prints
    after a name that does not end in a digit is read exactly as printed."""
    line = name + glue + age
    got = split_trailing_age(line, ANCHOR, age_ranges=MOMENT)
    if got is None:
        return
    prefix, _, read = got
    assert line.endswith(read) and line[: len(line) - len(read)].rstrip() == prefix
    if in_range(age, MOMENT) and not name[-1:].isdigit():
        assert (prefix, read) == (name, age)


@pytest.mark.parametrize(
    ("line", "source", "age"),
    [
        # a site that prints 45 minutes (Django's naturaltime): the known source before the
        # whole number settles the split the ranges would make (`The Independent4`)
        ("The Independent45 minutes ago", "The Independent", "45 minutes ago"),
        ("Sky News AU45 minutes ago", "Sky News AU", "45 minutes ago"),
        # ... but not a number no site prints before its next unit: `Sky News 24` is glued to
        # `30 minutes ago`, never `Sky News` to 2,430 minutes (blind ages round 51)
        ("Sky News 2430 minutes ago", "Sky News 24", "30 minutes ago"),
        # no known source either way: the site's ranges decide, as before
        ("Channel 45 hours ago", "Channel 4", "5 hours ago"),
        ("9 News6 days ago", "9 News", "6 days ago"),
    ],
)
def test_a_known_source_name_settles_a_split_out_of_the_sites_range(
    line: str, source: str, age: str
) -> None:
    read = age_reader(load_profile("daily8"), ANCHOR)
    assert read(line) == (source, age)
