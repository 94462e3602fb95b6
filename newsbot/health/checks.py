"""Pure health checks over a run's stats: each returns whether it passed and a short line.

Thresholds are settings (defaults in ``newsbot/settings.py``):

- ``NEWSBOT_HEALTH_MIN_ARTICLES_FOUND``: listings and related entries led to at least this
  many articles (scheduled or skipped as already seen);
- ``NEWSBOT_HEALTH_MIN_EXPORTED_SHARE``: of the articles this run should export (found,
  minus those skipped or unchanged since an earlier run, claimed by a concurrent run, too
  old for ``since``, or duplicates), at least this share was exported;
- ``NEWSBOT_HEALTH_MAX_FAILED_PAGES_SHARE``: at most this share of the pages handled failed
  (HTTP errors, timeouts...) or could not be parsed;
- ``NEWSBOT_HEALTH_MAX_UNREADABLE_TIMES_SHARE``: at most this share of exported articles has
  a publication time that could not be read.

A run stopped on purpose (finish reason ``shutdown``: Ctrl-C, SIGTERM; it resumes later) and
a worker of a distributed crawl (whose finds other workers export) are not judged on
completeness (articles found, exported share).

A share over fewer than ``NEWSBOT_HEALTH_MIN_SAMPLE`` articles says little (1 of 2 is 50%):
below it, the exported share and unreadable times pass (the failed pages share counts
listings too and is always judged, so a site where every page fails still fails).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from newsbot import stats as names

# Drops and skips that are a run doing its job, not losing articles.
NOT_EXPECTED = (
    names.SKIPPED_SEEN,
    names.INCREMENTAL + "unchanged",
    names.INCREMENTAL + "expand_only",
    names.INCREMENTAL + "claimed",
    names.DROPPED + "/duplicate",
    names.DROPPED + "/older_than_since",
)
ARTICLES_SCHEDULED = names.ARTICLES_SCHEDULED
# entries whose age says they are older than -a since: listed, not fetched
SKIPPED_OLDER_THAN_SINCE = names.key("skipped/older_than_since")


@dataclass(frozen=True)
class Thresholds:
    min_articles_found: int
    min_exported_share: float
    max_failed_pages_share: float
    max_unreadable_times_share: float
    min_sample: int = 20
    distributed: bool = False  # a worker's finds are exported by any worker: not judged

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        return cls(
            min_articles_found=settings.getint("NEWSBOT_HEALTH_MIN_ARTICLES_FOUND"),
            min_exported_share=settings.getfloat("NEWSBOT_HEALTH_MIN_EXPORTED_SHARE"),
            max_failed_pages_share=settings.getfloat("NEWSBOT_HEALTH_MAX_FAILED_PAGES_SHARE"),
            max_unreadable_times_share=settings.getfloat(
                "NEWSBOT_HEALTH_MAX_UNREADABLE_TIMES_SHARE"
            ),
            min_sample=settings.getint("NEWSBOT_HEALTH_MIN_SAMPLE"),
            distributed=bool(settings.get("NEWSBOT_REDIS_URL")),
        )


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _n(stats: Mapping[str, Any], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def _not_judged(stats: Mapping[str, Any], limits: Thresholds) -> str | None:
    """Why completeness is not judged for this run, if it is not."""
    if stats.get("finish_reason") == "shutdown":
        return "stopped before the end (Ctrl-C, SIGTERM): completeness not judged"
    if limits.distributed:
        return "one worker of a distributed crawl: completeness not judged per worker"
    if _n(stats, names.RESUMED_JOB):
        return (
            "resumed a stopped job (JOBDIR): the run it continues read the listings; "
            "completeness not judged"
        )
    return None


def articles_found(stats: Mapping[str, Any], limits: Thresholds) -> Check:
    if (why := _not_judged(stats, limits)) is not None:
        return Check("articles found", True, why)
    # every article a spider asks for, those the incremental middleware then skips included
    found = _n(stats, ARTICLES_SCHEDULED)
    listings = _n(stats, names.LISTING_PAGES)
    detail = (
        f"{found} article(s) found on {listings} listing page(s) "
        f"({_n(stats, names.LISTING_EMPTY)} without entries); minimum "
        f"{limits.min_articles_found}"
    )
    older = _n(stats, SKIPPED_OLDER_THAN_SINCE)
    if older:  # the listings were read and showed articles, all of them older than -a since
        detail += f"; {older} more entries older than -a since, not fetched"
        found += older
    scripted = _n(stats, names.LISTING_EMPTY_SCRIPTED)
    if scripted:
        detail += (
            f"; {scripted} of the empty ones carry script a browser would run: the site may "
            "build its listings in the browser (try -s NEWSBOT_BROWSER=auto)"
        )
    return Check("articles found", found >= limits.min_articles_found, detail)


def exported_share(stats: Mapping[str, Any], limits: Thresholds) -> Check:
    if (why := _not_judged(stats, limits)) is not None:
        return Check("exported share", True, why)
    # every article a spider asks for, those the incremental middleware then skips included
    found = _n(stats, ARTICLES_SCHEDULED)
    expected = found - sum(_n(stats, key) for key in NOT_EXPECTED)
    # a copy from another host was never scheduled on its own (the article was, by id)
    expected += _n(stats, names.DUPLICATES_OTHER_HOST)
    exported = _n(stats, "item_scraped_count")
    if expected <= 0:
        return Check("exported share", True, f"{exported} exported; nothing else was due")
    share = exported / expected
    detail = (
        f"{exported} of {expected} due article(s) exported ({share:.0%}); minimum "
        f"{limits.min_exported_share:.0%}"
    )
    if expected < limits.min_sample:
        return Check("exported share", True, detail + " (too few to judge)")
    return Check("exported share", share >= limits.min_exported_share, detail)


def failed_pages_share(stats: Mapping[str, Any], limits: Thresholds) -> Check:
    failed = _n(stats, names.PAGES_FAILED) + _n(stats, names.PAGES_UNPARSEABLE)
    handled = (
        failed
        + _n(stats, names.LISTING_PAGES)
        + _n(stats, "item_scraped_count")
        + _n(stats, "item_dropped_count")
    )
    share = failed / handled if handled else 0.0
    detail = (
        f"{failed} of {handled} page(s) failed or unparseable ({share:.0%}); maximum "
        f"{limits.max_failed_pages_share:.0%}"
    )
    return Check("failed pages", share <= limits.max_failed_pages_share, detail)


def unreadable_times_share(stats: Mapping[str, Any], limits: Thresholds) -> Check:
    unreadable = _n(stats, names.TIMES_UNREADABLE)
    exported = _n(stats, "item_scraped_count")
    share = unreadable / exported if exported else 0.0
    detail = (
        f"{unreadable} of {exported} exported article(s) with an unreadable time "
        f"({share:.0%}); maximum {limits.max_unreadable_times_share:.0%}"
    )
    if exported < limits.min_sample:
        return Check("unreadable times", True, detail + " (too few to judge)")
    return Check("unreadable times", share <= limits.max_unreadable_times_share, detail)


CHECKS: tuple[Callable[[Mapping[str, Any], Thresholds], Check], ...] = (
    articles_found,
    exported_share,
    failed_pages_share,
    unreadable_times_share,
)
