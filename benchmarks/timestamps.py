"""Speed and agreement of parse_timestamp vs dateparser on aggregator ages.

    python -m benchmarks.timestamps [--repeat N]

Runs both over the same corpus in one process (timing rounds interleaved, best round
kept, so a busy machine skews both alike), prints per-call time for each, the ratio,
and every input where the two disagree (compared at our precision, in UTC).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from newsbot.timestamps import ParsedTime, parse_timestamp, to_iso_z
from newsbot.timestamps.model import truncate

ANCHOR = datetime(2025, 5, 20, 12, 0, tzinfo=timezone.utc)

#: Ages and dates as printed by Daily8 and other aggregators (see daily8.md).
CORPUS = [
    "a few seconds ago", "a minute ago", "2 minutes ago", "17 minutes ago", "44 minutes ago",
    "an hour ago", "2 hours ago", "14 hours ago", "21 hours ago", "a day ago", "2 days ago",
    "4 days ago", "6 days ago", "time3 hours ago", "timean hour ago", "time09-05-2025",
    "Independent14 hours ago", "9 News6 days ago", "The National16-05-2025", "16-05-2025",
    "16/05/2025", "Mon 19 May Mon 19 May Mon 19 May 2025 at 10:28pm", "just now", "now",
    "11 hrs ago", "5 mins ago", "3h ago", "3h", "1h 20m ago", "about 12 hours ago",
    "over a year ago", "71 Hours Ago · Canada", "2 days ago News desk", "Updated 3 mins ago",
    "Published 4 hours ago", "yesterday", "yesterday at 11:30", "today at 05:55",
    "last Monday", "3 weeks ago", "2 months ago", "5 years ago", "on 2024-06-15 at 00:24",
    "6 March 2025 at 05:55", "March 6, 2025", "2025-05-19T10:28:00Z",
    "2025-05-19T10:28:00+02:00", "Mon, 19 May 2025 22:28:00 +0000",
    "منذ ساعة واحدة", "منذ يوم واحد", "منذ 3 دقائق", "منذ ساعتين", "عكاظمنذ ساعة واحدة",
    "42", "01:10", "in 3 hours", "garbage text here",
]  # fmt: skip

#: What headline rivers and publisher pages print (see river.md): compact ages, dates
#: without a year, zone abbreviations, time-first forms, and their traps.
RIVER_CORPUS = [
    "12m", "Reuters · 45m", "BBC News3h", "2d", "2h ago • 3 min read", "Yesterday 14:05",
    "Updated 2 hrs ago", "28 Nov", "Nov 28", "June 28th", "Thu, Nov 28", "Nov 28, 2024",
    "Jun 28, 14:05", "28 Apr 2:05 PM", "Sept. 4, 2024", "28.11.2024", "11/28/2024",
    "Nov. 28, 2024 at 2:05 p.m. ET", "November 19, 2019, 07:47 PM EST",
    "3 July 2024 18:30 BST", "Jul 3, 2024 10:15 PM ET", "Fri 4 Jul 2024 11.45 BST",
    "Published 4:02 AM EDT, Fri July 4, 2024", "Updated 11:45 AM GMT+1, Fri 4 July 2024",
    "10:15 PM ET, Jan 3", "2024-11-28 14:05:00 +0100", "Fri, 29 Nov 2024 14:05:00 EST",
    "Last updated: 2 hours ago", "in 5m", "3 min read", "Page 2 of 5", "14:05",
    "Nov 28, 2024 2:05 PM IST",
]  # fmt: skip
CORPORA = {"daily8": CORPUS, "river": RIVER_CORPUS, "all": CORPUS + RIVER_CORPUS}


def _dateparser_call(text: str, languages: list[str] | None = None) -> datetime | None:
    import dateparser  # type: ignore[import-untyped]

    settings = {
        "RELATIVE_BASE": ANCHOR.replace(tzinfo=None),
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }
    result: datetime | None = dateparser.parse(text, languages=languages, settings=settings)
    return result


def _per_call(fn: Callable[[str], Any], corpus: list[str], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        for text in corpus:
            fn(text)
    return (time.perf_counter() - t0) / (repeat * len(corpus))


def _time_interleaved(
    fns: list[Callable[[str], Any]], corpus: list[str], rounds: int, repeats: list[int]
) -> tuple[list[float], list[list[Any]]]:
    """Best per-call time of each function over interleaved rounds (robust to a busy box)."""
    results = [[fn(text) for text in corpus] for fn in fns]  # warm-up + compared results
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], _per_call(fn, corpus, repeats[i]))
    return best, results


def _agree(mine: ParsedTime | None, other: datetime | None) -> bool:
    if mine is None or other is None:
        return mine is None and other is None
    other = other.astimezone(timezone.utc)
    return truncate(mine.at, mine.precision) == truncate(other, mine.precision)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds")
    parser.add_argument("--repeat", type=int, default=1, help="dateparser passes per round")
    parser.add_argument(
        "--corpus", choices=sorted(CORPORA), default="all", help="which forms (default: all)"
    )
    args = parser.parse_args(argv)
    corpus = CORPORA[args.corpus]
    (ours_t, dp_t, dp_en_t), (ours, theirs, _) = _time_interleaved(
        [
            lambda t: parse_timestamp(t, ANCHOR),
            _dateparser_call,
            lambda t: _dateparser_call(t, ["en", "ar"]),
        ],
        corpus,
        args.rounds,
        [args.repeat * 20, args.repeat, args.repeat],
    )
    anchor = to_iso_z(ANCHOR)
    print(f"corpus: {len(corpus)} aggregator ages and dates ({args.corpus}), anchor {anchor}")
    print(f"parse_timestamp : {ours_t * 1e6:9.1f} us/call")
    print(f"dateparser.parse: {dp_t * 1e6:9.1f} us/call")
    print(f"dateparser.parse: {dp_en_t * 1e6:9.1f} us/call  (languages=['en', 'ar'])")
    print(f"speedup         : {dp_t / ours_t:9.1f}x  ({dp_en_t / ours_t:.1f}x vs en+ar)")
    differ = 0
    print("\nwhere they differ (ours vs dateparser, compared at our precision):")
    for text, mine, other in zip(corpus, ours, theirs, strict=True):
        if _agree(mine, other):
            continue
        differ += 1
        mine_s = f"{to_iso_z(mine.at)} {mine.precision}" if mine else "None"
        other_s = to_iso_z(other) if other is not None else "None"
        print(f"  {text!r:55} ours={mine_s:28} dateparser={other_s}")
    print(f"{differ} of {len(corpus)} differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
