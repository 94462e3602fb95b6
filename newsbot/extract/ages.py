"""The age reader the extractors use: timestamps.split_trailing_age with the site's rules."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from newsbot.extract.text import AgeReader, fold
from newsbot.profiles import SiteProfile
from newsbot.timestamps import split_trailing_age
from newsbot.timestamps.ranges import in_range

# Ages that are a single everyday word: after a space they end names more often than not.
BARE_WORDS = frozenset({"today", "now", "just now", "yesterday", "tonight", "this morning"})


def _space_before(text: str, age: str) -> bool:
    head = text[: len(text) - len(age)]
    return not head or head[-1].isspace()


# what any site may print before it moves to the next unit: `The Independent45 minutes ago`
# on a site that prints 45 minutes, but never `Sky News 2430 minutes ago` (ages round 51:
# `Sky News 24` + `30 minutes ago`)
_CLOCK = {"seconds": (1, 59), "minutes": (1, 59), "hours": (1, 47)}


@lru_cache(maxsize=8)
def _folded_names(names: tuple[str, ...]) -> frozenset[str]:
    """The site's known source names, folded: once per profile, not once per page."""
    return frozenset(fold(name) for name in names)


def age_reader(profile: SiteProfile, anchor: datetime) -> AgeReader:
    """Find the age at the end of a line, reading it from the right as the site prints it."""
    unreadable = tuple(u for u in profile.unreadable_ages if u)
    age_ranges = profile.age_ranges
    known = _folded_names(tuple(profile.known_sources))

    def read(text: str) -> tuple[str, str] | None:
        stripped = text.strip()
        for marker in unreadable:
            if stripped.endswith(marker):
                return stripped[: -len(marker)], marker
        found = split_trailing_age(
            stripped,
            anchor,
            timezone=profile.timezone,
            day_first=profile.day_first,
            age_ranges=age_ranges,
        )
        if found is None:
            return None
        prefix, _, age = found
        if age_ranges and prefix[-1:].isdigit() and fold(prefix) not in known:
            # `The Independent45 minutes ago` on a site that prints 45 minutes (Django's
            # naturaltime): the site's range would cut `The Independent4`; a known source
            # name before the whole number settles it
            whole = split_trailing_age(
                stripped, anchor, timezone=profile.timezone, day_first=profile.day_first
            )
            if whole is not None and fold(whole[0]) in known and in_range(whole[2], _CLOCK):
                prefix, _, age = whole
        if prefix.strip() and _space_before(stripped, age) and fold(age) in BARE_WORDS:
            return None  # "India Today", "News Now": a name, not a name glued to an age
        return prefix, age

    return read
