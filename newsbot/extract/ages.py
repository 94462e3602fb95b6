"""The age reader the extractors use: timestamps.split_trailing_age with the site's rules."""

from __future__ import annotations

from datetime import datetime

from newsbot.extract.text import AgeReader
from newsbot.profiles import SiteProfile
from newsbot.timestamps import split_trailing_age


def age_reader(profile: SiteProfile, anchor: datetime) -> AgeReader:
    """Find the age at the end of a line, reading it from the right as the site prints it."""
    unreadable = tuple(u for u in profile.unreadable_ages if u)

    def read(text: str) -> tuple[str, str] | None:
        stripped = text.strip()
        for marker in unreadable:
            if stripped.endswith(marker):
                return stripped[: -len(marker)], marker
        found = split_trailing_age(
            stripped, anchor, timezone=profile.timezone, day_first=profile.day_first
        )
        if found is None:
            return None
        return found[0], found[2]

    return read
