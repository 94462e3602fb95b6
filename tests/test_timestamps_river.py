"""Times as rivers and publishers print them: year-less dates, zones, time-first, future forms.

Expected values are worked out by hand (UTC offsets of the day), not by the code under test.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsbot.timestamps import parse_timestamp, split_trailing_age

UTC = timezone.utc
JULY = datetime(2025, 7, 15, 12, 0, tzinfo=UTC)  # a Tuesday
DECEMBER = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)  # a Monday


def read(text: str, anchor: datetime = JULY, **kw: object) -> tuple[str, str, str] | None:
    got = parse_timestamp(text, anchor, **kw)  # type: ignore[arg-type]
    return None if got is None else (got.iso(), got.precision, got.kind)


# --- dates without a year: the most recent such day that is not in the future -------------

YEARLESS = [
    ("28 Jun", "2025-06-28T00:00:00Z"),
    ("Jun 28", "2025-06-28T00:00:00Z"),
    ("28 June", "2025-06-28T00:00:00Z"),
    ("June 28th", "2025-06-28T00:00:00Z"),
    ("28th June", "2025-06-28T00:00:00Z"),
    ("28th of June", "2025-06-28T00:00:00Z"),
    ("Jun. 28", "2025-06-28T00:00:00Z"),
    ("JUN 28", "2025-06-28T00:00:00Z"),
    ("1 Jan", "2025-01-01T00:00:00Z"),
    ("Mar 3", "2025-03-03T00:00:00Z"),
    ("Sept 4", "2024-09-04T00:00:00Z"),
    ("Nov 28", "2024-11-28T00:00:00Z"),  # November is still to come in July: last year's
    ("Dec 31", "2024-12-31T00:00:00Z"),
    ("Jul 15", "2025-07-15T00:00:00Z"),  # today
    ("Jul 16", "2024-07-16T00:00:00Z"),  # tomorrow: a year ago
    ("Feb 29", "2024-02-29T00:00:00Z"),  # the last leap day
    ("Mon, Jul 14", "2025-07-14T00:00:00Z"),
    ("Thu, Nov 28", "2024-11-28T00:00:00Z"),
    ("Updated 28 Jun", "2025-06-28T00:00:00Z"),
]


@pytest.mark.parametrize(("text", "iso"), YEARLESS)
def test_yearless_dates_are_the_latest_past_such_day(text: str, iso: str) -> None:
    assert read(text) == (iso, "day", "absolute")


def test_a_weekday_picks_the_year_it_falls_in() -> None:
    # 28 Nov 2025 is a Friday, 28 Nov 2024 a Thursday: read on 1 Dec 2025
    assert read("Fri, Nov 28", DECEMBER) == ("2025-11-28T00:00:00Z", "day", "absolute")
    assert read("Thu, Nov 28", DECEMBER) == ("2024-11-28T00:00:00Z", "day", "absolute")


@pytest.mark.parametrize("text", ["Fri, Nov 28", "Wed, Jul 16", "Sun, Jun 28"])
def test_a_weekday_that_fits_no_recent_year_is_refused(text: str) -> None:
    # read on Tue 15 Jul 2025: 28 Nov 2024 was a Thursday, 2023 a Tuesday...
    assert read(text) is None


def test_yearless_dates_turn_the_year_in_the_sites_timezone() -> None:
    new_year_utc = datetime(2026, 1, 1, 0, 30, tzinfo=UTC)  # still 31 Dec in New York
    assert read("Dec 31", new_year_utc)[0] == "2025-12-31T00:00:00Z"
    assert read("Jan 1", new_year_utc)[0] == "2026-01-01T00:00:00Z"
    ny = read("Jan 1", new_year_utc, timezone="America/New_York")
    assert ny == ("2025-01-01T05:00:00Z", "day", "absolute")
    assert read("Dec 31", new_year_utc, timezone="America/New_York")[0] == ("2025-12-31T05:00:00Z")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jun 28, 14:05", "2025-06-28T14:05:00Z"),
        ("28 Jun 2:05 PM", "2025-06-28T14:05:00Z"),
        ("28 Jun, 14:05", "2025-06-28T14:05:00Z"),
        ("Jun 28 at 2:05pm", "2025-06-28T14:05:00Z"),
        ("28 Jun 14:05 BST", "2025-06-28T13:05:00Z"),
        ("Nov 28, 9:30 AM ET", "2024-11-28T14:30:00Z"),
        ("Jun 28, 9:30 AM ET", "2025-06-28T13:30:00Z"),
        ("10:15 PM ET, Jul 3", "2025-07-04T02:15:00Z"),
        ("14:05, 28 Jun", "2025-06-28T14:05:00Z"),
    ],
)
def test_yearless_dates_with_a_time_are_read_to_the_minute(text: str, iso: str) -> None:
    assert read(text) == (iso, "minute", "absolute")


def test_yearless_dates_in_the_sites_timezone() -> None:
    assert read("28 Jun", timezone="Europe/London")[0] == "2025-06-27T23:00:00Z"
    assert read("Jun 28, 14:05", timezone="Europe/London")[0] == "2025-06-28T13:05:00Z"
    assert read("Jan 28, 14:05", timezone="Europe/London")[0] == "2025-01-28T14:05:00Z"


def test_a_time_later_today_is_not_read_as_a_year_ago() -> None:
    assert read("Jul 15, 14:05") is None  # 2 hours in the future: an error, not 2024


@pytest.mark.parametrize(
    ("line", "prefix", "age"),
    [
        ("BBC News28 Jun", "BBC News", "28 Jun"),
        ("Reuters · Jun 28", "Reuters", "Jun 28"),
        ("The Guardian28 Jun 2025", "The Guardian", "28 Jun 2025"),
        ("CNN4:02 AM EDT, Fri July 4, 2025", "CNN", "4:02 AM EDT, Fri July 4, 2025"),
    ],
)
def test_glued_sources_before_dates(line: str, prefix: str, age: str) -> None:
    found = split_trailing_age(line, JULY)
    assert found is not None and (found[0], found[2]) == (prefix, age)


@pytest.mark.parametrize(
    "text",
    [
        "The summit opens on June 28",
        "Top 10 of Jun",
        "28",
        "Jun",
        "32 Jun",
        "Jun 31",
    ],
)
def test_not_yearless_dates(text: str) -> None:
    assert parse_timestamp(text, JULY) is None


def test_a_month_and_year_alone_is_read_to_the_month() -> None:
    """`Jun 2025` is no year-less date (June 20, 2025); it is the month, read from its first
    day at month precision (blind ages round 41)."""
    parsed = parse_timestamp("Jun 2025", JULY)
    assert parsed is not None and (parsed.iso(), parsed.precision) == (
        "2025-06-01T00:00:00Z",
        "month",
    )


# --- zones printed after the time ----------------------------------------------------------

ZONED = [
    ("November 19, 2019, 07:47 PM EST", "2019-11-20T00:47:00Z"),
    ("3 July 2025 18:30 BST", "2025-07-03T17:30:00Z"),
    ("Jul 3, 2025 10:15 PM ET", "2025-07-04T02:15:00Z"),  # EDT in July
    ("Jan 3, 2025 10:15 PM ET", "2025-01-04T03:15:00Z"),  # EST in January
    ("Jul 3, 2025 10:15 PM PT", "2025-07-04T05:15:00Z"),
    ("Jan 3, 2025 10:15 PM PT", "2025-01-04T06:15:00Z"),
    ("Jul 3, 2025 10:15 PM CT", "2025-07-04T03:15:00Z"),
    ("Jan 3, 2025 10:15 PM MT", "2025-01-04T05:15:00Z"),
    ("Jul 3, 2025 10:15 PM GMT+1", "2025-07-03T21:15:00Z"),
    ("Jul 3, 2025 10:15 PM UTC-05:00", "2025-07-04T03:15:00Z"),
    ("Jul 3, 2025 10:15 PM GMT+5:30", "2025-07-03T16:45:00Z"),
    ("Jul 3, 2025 10:15 PM (GMT+8)", "2025-07-03T14:15:00Z"),
    ("Jul 3, 2025 10:15 PM (ET)", "2025-07-04T02:15:00Z"),
    ("Jul 3, 2025 10:15 PM EST", "2025-07-04T03:15:00Z"),  # EST is UTC-5 whatever the date
    ("Jul 3, 2025 10:15 PM EDT", "2025-07-04T02:15:00Z"),
    ("Jul 3, 2025 22:15 CEST", "2025-07-03T20:15:00Z"),
    ("Jan 3, 2025 22:15 CET", "2025-01-03T21:15:00Z"),
    ("Jul 3, 2025 22:15 EEST", "2025-07-03T19:15:00Z"),
    ("Jul 3, 2025 22:15 MSK", "2025-07-03T19:15:00Z"),
    ("Jul 3, 2025 22:15 JST", "2025-07-03T13:15:00Z"),
    ("Jul 3, 2025 22:15 KST", "2025-07-03T13:15:00Z"),
    ("Jul 3, 2025 22:15 HKT", "2025-07-03T14:15:00Z"),
    ("Jul 3, 2025 22:15 SGT", "2025-07-03T14:15:00Z"),
    ("Jul 3, 2025 22:15 AEST", "2025-07-03T12:15:00Z"),
    ("Jan 3, 2025 22:15 AEDT", "2025-01-03T11:15:00Z"),
    ("Jul 3, 2025 22:15 AWST", "2025-07-03T14:15:00Z"),
    ("Jul 3, 2025 22:15 NZST", "2025-07-03T10:15:00Z"),
    ("Jan 3, 2025 22:15 NZDT", "2025-01-03T09:15:00Z"),
    ("Jul 3, 2025 22:15 SAST", "2025-07-03T20:15:00Z"),
    ("Jul 3, 2025 22:15 GST", "2025-07-03T18:15:00Z"),
    ("Jul 3, 2025 22:15 WEST", "2025-07-03T21:15:00Z"),
    ("Fri 4 Jul 2025 11.45 BST", "2025-07-04T10:45:00Z"),
    ("Friday 28 February 2025 14:05, UK", "2025-02-28T14:05:00Z"),
    ("Friday 4 July 2025 14:05, UK", "2025-07-04T13:05:00Z"),
    ("Fri, 27 Jun 2025 14:05:00 EST", "2025-06-27T19:05:00Z"),
    ("2025-06-28T14:05:00 EDT", "2025-06-28T18:05:00Z"),
    ("Posted: Jun 28, 2025 / 02:05 PM EDT", "2025-06-28T18:05:00Z"),
]


@pytest.mark.parametrize(("text", "iso"), ZONED)
def test_zones_after_the_time(text: str, iso: str) -> None:
    got = parse_timestamp(text, JULY)
    assert got is not None and got.iso() == iso and got.kind == "absolute"
    assert got.precision in ("minute", "second")


US_EASTERN_DST_EDGES = [
    # 2025: clocks go forward on 9 March at 2:00, back on 2 November at 2:00
    ("Mar 8, 2025 11:00 PM ET", "2025-03-09T04:00:00Z"),
    ("Mar 9, 2025 1:30 AM ET", "2025-03-09T06:30:00Z"),
    ("Mar 9, 2025 3:30 AM ET", "2025-03-09T07:30:00Z"),
    ("Nov 1, 2025 11:00 PM ET", "2025-11-02T03:00:00Z"),
    ("Nov 2, 2025 12:30 AM ET", "2025-11-02T04:30:00Z"),
    ("Nov 2, 2025 3:30 AM ET", "2025-11-02T08:30:00Z"),
    # UK: forward on 30 March at 1:00 GMT, back on 26 October at 2:00 BST
    ("Mar 30, 2025 00:30 UK", "2025-03-30T00:30:00Z"),
    ("Mar 30, 2025 02:30 UK", "2025-03-30T01:30:00Z"),
    ("Oct 26, 2025 00:30 UK", "2025-10-25T23:30:00Z"),
    ("Oct 26, 2025 03:00 UK", "2025-10-26T03:00:00Z"),
    # Sydney: back on 6 April at 3:00 AEDT, forward on 5 October at 2:00 AEST
    ("Apr 5, 2025 10:00 PM AET", "2025-04-05T11:00:00Z"),
    ("Apr 6, 2025 10:00 PM AET", "2025-04-06T12:00:00Z"),
    ("Oct 5, 2025 10:00 PM AET", "2025-10-05T11:00:00Z"),
]


@pytest.mark.parametrize(("text", "iso"), US_EASTERN_DST_EDGES)
def test_generic_zones_follow_daylight_saving_edges(text: str, iso: str) -> None:
    got = parse_timestamp(text, DECEMBER)
    assert got is not None and got.iso() == iso


@pytest.mark.parametrize(
    ("text", "site", "iso"),
    [
        ("Jul 3, 2025 10:15 PM IST", "Asia/Kolkata", "2025-07-03T16:45:00Z"),
        ("Jul 3, 2025 10:15 PM IST", "Asia/Calcutta", "2025-07-03T16:45:00Z"),
        ("Jul 3, 2025 10:15 PM IST", "Europe/Dublin", "2025-07-03T21:15:00Z"),
        ("Jul 3, 2025 10:15 PM IST", "Asia/Jerusalem", "2025-07-03T20:15:00Z"),
        ("Jan 3, 2025 10:15 PM CST", "America/Chicago", "2025-01-04T04:15:00Z"),
        ("Jan 3, 2025 10:15 PM CST", "America/Toronto", "2025-01-04T04:15:00Z"),
        ("Jan 3, 2025 10:15 PM CST", "America/Havana", "2025-01-04T03:15:00Z"),
        ("Jan 3, 2025 10:15 PM CST", "Asia/Shanghai", "2025-01-03T14:15:00Z"),
        ("Jan 3, 2025 10:15 PM CST", "Asia/Taipei", "2025-01-03T14:15:00Z"),
        ("Jan 3, 2025 10:15 PM AST", "Asia/Riyadh", "2025-01-03T19:15:00Z"),
        ("Jan 3, 2025 10:15 PM AST", "America/Halifax", "2025-01-04T02:15:00Z"),
        ("Jan 3, 2025 10:15 PM SST", "Asia/Singapore", "2025-01-03T14:15:00Z"),
        ("Jul 3, 2025 10:15 PM BST", "Asia/Dhaka", "2025-07-03T16:15:00Z"),
        ("Jul 3, 2025 10:15 PM BST", "America/New_York", "2025-07-03T21:15:00Z"),
        ("Jan 3, 2025 10:15 PM PST", "Asia/Manila", "2025-01-03T14:15:00Z"),
        ("Jan 3, 2025 10:15 PM PST", "America/Los_Angeles", "2025-01-04T06:15:00Z"),
        ("Jan 3, 2025 10:15 PM MST", "Asia/Kuala_Lumpur", "2025-01-03T14:15:00Z"),
        ("Nov 28, 2024 14:05 hrs IST", "Asia/Kolkata", "2024-11-28T08:35:00Z"),
        ("Updated: 2:05 PM IST, 28 Nov 2024", "Asia/Kolkata", "2024-11-28T08:35:00Z"),
    ],
)
def test_the_sites_timezone_settles_ambiguous_abbreviations(text: str, site: str, iso: str) -> None:
    got = parse_timestamp(text, JULY, timezone=site)
    assert got is not None and got.iso() == iso


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Jul 3, 2025 10:15 PM IST", "UTC"),
        ("Jul 3, 2025 10:15 PM IST", "Europe/London"),
        ("Jul 3, 2025 10:15 PM IST", "America/New_York"),
        ("Jan 3, 2025 10:15 PM CST", "UTC"),
        ("Jan 3, 2025 10:15 PM CST", "Europe/Berlin"),
        ("Jan 3, 2025 10:15 PM AST", "UTC"),
        ("Jan 3, 2025 10:15 PM SST", "UTC"),
        ("Updated 10:15 PM IST, Jul 3", "UTC"),
        ("Yesterday at 10:15 PM IST", "UTC"),
        ("2025-07-03T22:15:00 IST", "UTC"),
        ("Jul 3, 2025 10:15 PM XYZ", "UTC"),  # not in the table: the offset is unknown
        ("Jul 3, 2025 10:15 PM et", "UTC"),  # upper case only
        ("Jul 3, 2025 10:15 PM GMT+15", "UTC"),
    ],
)
def test_abbreviations_the_site_cannot_settle_are_refused(text: str, site: str) -> None:
    # never guessed at (dateparser would read IST as India anywhere)
    assert parse_timestamp(text, JULY, timezone=site) is None


# --- time first ----------------------------------------------------------------------------

TIME_FIRST = [
    ("Published 4:02 AM EDT, Fri July 4, 2025", "2025-07-04T08:02:00Z"),
    ("Updated 11:45 AM GMT+1, Fri 4 July 2025", "2025-07-04T10:45:00Z"),
    ("4:02 AM EDT Fri, July 4, 2025", "2025-07-04T08:02:00Z"),
    ("Updated 2:05 PM EST, January 28, 2025", "2025-01-28T19:05:00Z"),
    ("14:05, 28 June 2025", "2025-06-28T14:05:00Z"),
    ("2:05pm, 28 June 2025", "2025-06-28T14:05:00Z"),
    ("14:05 GMT, 28 June 2025", "2025-06-28T14:05:00Z"),
    ("14:05 28/06/2025", "2025-06-28T14:05:00Z"),
    ("2:05 PM ET Jun 28, 2025", "2025-06-28T18:05:00Z"),
    ("Published: 2:05pm, 28 Jun 2025", "2025-06-28T14:05:00Z"),
    ("10:15 PM ET, Jan 3", "2025-01-04T03:15:00Z"),
]


@pytest.mark.parametrize(("text", "iso"), TIME_FIRST)
def test_time_first_forms_keep_the_minute(text: str, iso: str) -> None:
    assert read(text) == (iso, "minute", "absolute")


def test_time_first_and_date_first_agree() -> None:
    for zone in ("EDT", "ET", "BST", "GMT+1", "UTC-05:00", "CEST", "JST"):
        a = parse_timestamp(f"4:02 AM {zone}, Fri July 4, 2025", JULY)
        b = parse_timestamp(f"Fri July 4, 2025 4:02 AM {zone}", JULY)
        assert a is not None and b is not None and a.at == b.at, zone


# --- future forms are never read as past ones ----------------------------------------------

FUTURE = [
    "in 5m",
    "In 5m",
    "in 3 hours",
    "in 2h 30m",
    "in about 2 hours",
    "in a few minutes",
    "within 5 minutes",
    "in 2 days",
    "Reuters · in 5m",
    "Starts in 45m",
    "5 minutes from now",
    "3h from now",
    "in 2 Minuten",
    "dans 5 minutes",
    "en 5 minutos",
]


@pytest.mark.parametrize("text", FUTURE)
def test_future_forms_are_refused(text: str) -> None:
    assert parse_timestamp(text, JULY) is None
    assert split_trailing_age(text, JULY) is None


# --- what already worked keeps working; its neighbours too ---------------------------------

KEPT = [
    ("12m", "2025-07-15T11:48:00Z", "minute"),
    ("Reuters · 45m", "2025-07-15T11:15:00Z", "minute"),
    ("BBC News3h", "2025-07-15T09:00:00Z", "hour"),
    ("2h ago • 3 min read", "2025-07-15T10:00:00Z", "hour"),
    ("Yesterday 14:05", "2025-07-14T14:05:00Z", "minute"),
    ("Yesterday, 2:05 PM", "2025-07-14T14:05:00Z", "minute"),
    ("Yesterday at 10:15 PM ET", "2025-07-15T02:15:00Z", "minute"),
    ("Today at 4:30 AM PT", "2025-07-15T11:30:00Z", "minute"),
    ("Updated 2 hrs ago", "2025-07-15T10:00:00Z", "hour"),
    ("Last updated: 2 hours ago", "2025-07-15T10:00:00Z", "hour"),
    ("1 day ago", "2025-07-14T12:00:00Z", "day"),
    ("an hour ago", "2025-07-15T11:00:00Z", "hour"),
    ("a day ago", "2025-07-14T12:00:00Z", "day"),
    ("3 mins", "2025-07-15T11:57:00Z", "minute"),
    ("2d", "2025-07-13T12:00:00Z", "day"),
    ("منذ ساعتين", "2025-07-15T10:00:00Z", "hour"),
    ("3 hr. ago", "2025-07-15T09:00:00Z", "hour"),
    ("5 min. ago", "2025-07-15T11:55:00Z", "minute"),
    ("2 mos. ago", "2025-05-15T12:00:00Z", "month"),
    ("1 hour and 20 minutes ago", "2025-07-15T10:40:00Z", "minute"),  # "and" is not "an d"
    ("2 days and 3 hours ago", "2025-07-13T09:00:00Z", "hour"),
    ("3h • Reuters", "2025-07-15T09:00:00Z", "hour"),
    ("Reuters · 45m · 3 min read", "2025-07-15T11:15:00Z", "minute"),
]


@pytest.mark.parametrize(("text", "iso", "precision"), KEPT)
def test_river_ages(text: str, iso: str, precision: str) -> None:
    got = parse_timestamp(text, JULY)
    assert got is not None and (got.iso(), got.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("text", "language", "iso"),
    [
        ("vor 3 Stunden", "de", "2025-07-15T09:00:00Z"),
        ("il y a 2 jours", "fr", "2025-07-13T12:00:00Z"),
        ("hace una hora", "es", "2025-07-15T11:00:00Z"),
    ],
)
def test_other_languages_still_read(text: str, language: str, iso: str) -> None:
    for languages in (None, [language]):
        got = parse_timestamp(text, JULY, languages=languages)
        assert got is not None and got.iso() == iso


@pytest.mark.parametrize(
    "text",
    [
        "3 min read",
        "5 minute read",
        "Lesezeit 3 Min",
        "Reading time: 4 minutes",
        "Reuters • 2 min read",
        # a player's label and its length: no age (a reading time is cut only with its number)
        "Watch · 3 min",
        # an Arabic time of day alone, as `14:05` (blind ages round 48)
        "الساعة ١٠:٣٠ صباحاً",
        "10:30 م",
        # `هادي` opening a sentence is "this", not an age
        "هادي السيارة الجديدة",
        "Listen · 5 min",
        "Page 2 of 5",
        "14:05",
        "2:05 PM ET",
        "10:15 PM EST",
        "42",
        "2025",
        "Jun",
        "1.5.25",  # a version number as often as a date
        "Firmware 2.10.24",
    ],
)
def test_still_not_times(text: str) -> None:
    assert parse_timestamp(text, JULY) is None


OTHER_FORMS = [
    # (text, kwargs, iso, precision) read on 1 December 2025
    ("Sept. 4, 2025", {}, "2025-09-04T00:00:00Z", "day"),
    ("4 Sept 2025", {}, "2025-09-04T00:00:00Z", "day"),
    ("Thu, Nov 28", {}, "2024-11-28T00:00:00Z", "day"),
    ("2025-11-28 14:05:00 +0100", {}, "2025-11-28T13:05:00Z", "second"),
    ("2025-11-28T14:05:00.000+05:30", {}, "2025-11-28T08:35:00Z", "second"),
    ("2025-11-28T14:05+01", {}, "2025-11-28T13:05:00Z", "minute"),
    ("28.11.2025", {}, "2025-11-28T00:00:00Z", "day"),
    ("28.11.25", {}, "2025-11-28T00:00:00Z", "day"),
    ("28-Nov-2025", {}, "2025-11-28T00:00:00Z", "day"),
    ("2025/11/28 14:05", {}, "2025-11-28T14:05:00Z", "minute"),
    ("2025.11.28", {}, "2025-11-28T00:00:00Z", "day"),
    ("11/28/2025", {"day_first": False}, "2025-11-28T00:00:00Z", "day"),
    ("11/28/2025", {}, "2025-11-28T00:00:00Z", "day"),  # only one reading is a date
    ("05/11/2025", {"day_first": False}, "2025-05-11T00:00:00Z", "day"),
    ("05/11/2025", {}, "2025-11-05T00:00:00Z", "day"),
    ("Nov. 28, 2025 at 2:05 p.m. ET", {}, "2025-11-28T19:05:00Z", "minute"),
    ("Last updated: Nov 28, 2025 at 2:05 p.m. ET", {}, "2025-11-28T19:05:00Z", "minute"),
    ("Nov 28, 2025, at 2:05 PM", {}, "2025-11-28T14:05:00Z", "minute"),
    ("Friday, November 28, 2025 at 2:05 PM", {}, "2025-11-28T14:05:00Z", "minute"),
    ("Nov 28, 2025 | 2:05 PM ET", {}, "2025-11-28T19:05:00Z", "minute"),
    ("28 Nov 2025 — 14:05", {}, "2025-11-28T14:05:00Z", "minute"),
    ("28.11.2025, 14:05 Uhr", {}, "2025-11-28T14:05:00Z", "minute"),
    ("28.11.2025 um 14:05 Uhr", {}, "2025-11-28T14:05:00Z", "minute"),
    ("Sat, 29 Nov 2025 14:05:00 PST", {}, "2025-11-29T22:05:00Z", "second"),
    ("Yesterday at 10:15 PM ET", {}, "2025-12-01T03:15:00Z", "minute"),
    ("28 Nov", {"timezone": "Asia/Tokyo"}, "2025-11-27T15:00:00Z", "day"),
    ("NOV 28, 2025", {}, "2025-11-28T00:00:00Z", "day"),
    ("2:05 PM · Nov 27, 2025", {}, "2025-11-27T14:05:00Z", "minute"),
    (
        "Fri Nov 28 2025 09:05:00 GMT-0500 (Eastern Standard Time)",
        {},
        "2025-11-28T14:05:00Z",
        "second",
    ),
    (
        "Updated - November 28, 2025 02:05 pm IST",
        {"timezone": "Asia/Kolkata"},
        "2025-11-28T08:35:00Z",
        "minute",
    ),
]


@pytest.mark.parametrize(("text", "kw", "iso", "precision"), OTHER_FORMS)
def test_other_printed_forms(text: str, kw: dict, iso: str, precision: str) -> None:
    got = parse_timestamp(text, DECEMBER, **kw)
    assert got is not None and (got.iso(), got.precision) == (iso, precision)


# --- every slot: header line, <time datetime>, metadata, related entries -------------------


def test_the_same_forms_in_every_slot_of_an_article_page() -> None:
    from parsel import Selector

    from newsbot.extract.ages import age_reader
    from newsbot.extract.article import parse_article
    from newsbot.profiles import load_profile

    profile = load_profile("daily8")
    base = "https://www.daily8.com/en/article/"
    html = f"""<html><head>
      <meta property="article:published_time" content="2025-07-04 04:02:00 -0400">
      <script type="application/ld+json">
        {{"@type": "NewsArticle", "datePublished": "Fri, 04 Jul 2025 04:02:00 EDT"}}
      </script></head><body>
      <h1>Harbour ferry fares frozen for winter</h1>
      <div><span>CNN</span><span>4:02 AM EDT, Fri July 4, 2025</span>
        <time datetime="2025-07-04T04:02:00-04:00"></time></div>
      <p>Commuters on the northern harbour routes will pay the same fares all winter.</p>
      <h2>Related Articles</h2>
      <div><a href="{base}{"a" * 32}"><h3>Tram line extension approved</h3></a>
        <p>Reuters · 28 Jun</p></div>
      <div><a href="{base}{"b" * 32}"><h3>Bridge reopens after repairs</h3></a>
        <p>BBC News10:15 PM ET, Jul 3</p></div>
      <div><a href="{base}{"c" * 32}"><h3>Port strike called off</h3></a>
        <p>Sky News · in 5m</p></div>
    </body></html>"""
    page = parse_article(Selector(text=html), base + "0" * 32, profile, age_reader(profile, JULY))
    assert (page.source, page.age) == ("CNN", "4:02 AM EDT, Fri July 4, 2025")
    slots = [page.age, page.age_datetime] + [text for _, text in page.metadata.published]
    assert [read(text)[0] for text in slots] == ["2025-07-04T08:02:00Z"] * 4
    related = {e.title: e for e in page.related}
    reuters = related["Tram line extension approved"]
    assert (reuters.source, reuters.age) == ("Reuters", "28 Jun")
    assert read(reuters.age) == ("2025-06-28T00:00:00Z", "day", "absolute")
    bbc = related["Bridge reopens after repairs"]
    assert (bbc.source, read(bbc.age)[0]) == ("BBC News", "2025-07-04T02:15:00Z")
    assert related["Port strike called off"].age is None  # a time to come is no age


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        (
            "Published: 14:05 GMT, 28 June 2025 | Updated: 16:22 GMT, 28 June 2025",
            "2025-06-28T14:05:00Z",
            "minute",
        ),
        (
            "Published Jun. 28, 2025 Updated Jun. 29, 2025, 4:02 a.m. ET",
            "2025-06-28T00:00:00Z",
            "day",
        ),
        (
            "Posted Fri 28 Jun 2025 at 2:05pm, updated Fri 28 Jun 2025 at 4:15pm",
            "2025-06-28T14:05:00Z",
            "minute",
        ),
        ("2 hours ago | Updated 1 hour ago", "2025-07-15T10:00:00Z", "hour"),
        ("Reuters Updated 3 mins ago", "2025-07-15T11:57:00Z", "minute"),
        ("Last modified: 28 Jun 2025", "2025-06-28T00:00:00Z", "day"),
    ],
)
def test_a_published_time_beats_the_update_printed_after_it(
    text: str, iso: str, precision: str
) -> None:
    got = parse_timestamp(text, JULY)
    assert got is not None and (got.iso(), got.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("line", "prefix", "age", "iso"),
    [
        (
            "CNN Published: 14:05 GMT, 28 June 2025 | Updated: 16:22 GMT, 28 June 2025",
            "CNN",
            "Published: 14:05 GMT, 28 June 2025",
            "2025-06-28T14:05:00Z",
        ),
        (
            "The Guardian2 hours ago | Updated 1 hour ago",
            "The Guardian",
            "2 hours ago",
            "2025-07-15T10:00:00Z",
        ),
        ("Reuters Updated 28 Jun 2025", "Reuters", "Updated 28 Jun 2025", "2025-06-28T00:00:00Z"),
        (
            "CNN Updated on: Jun 28, 2025 2:05 PM",
            "CNN",
            "Updated on: Jun 28, 2025 2:05 PM",
            "2025-06-28T14:05:00Z",
        ),
    ],
)
def test_header_lines_keep_labels_with_the_time_and_the_publication_first(
    line: str, prefix: str, age: str, iso: str
) -> None:
    found = split_trailing_age(line, JULY)
    assert found is not None and (found[0], found[2], found[1].iso()) == (prefix, age, iso)
