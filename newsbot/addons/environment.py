"""Applies the environment overlay ``settings/environments/<NEWSBOT_ENV>.toml``.

An add-on runs after command-line settings are known, so ``-s NEWSBOT_ENV=production``
works as well as the environment variable. Overlay values are written at "project"
priority after settings.py was read, so they replace its values, while anything given
on the command line (``-s``, ``-o``/``-O``) still wins.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from scrapy.settings import BaseSettings

from newsbot.exitcodes import UsageError
from newsbot.profiles import load_settings_toml, settings_dir
from newsbot.usage import did_you_mean, one_of

logger = logging.getLogger(__name__)


def active_environment(settings: BaseSettings) -> str:
    from_cmdline = settings.getpriority("NEWSBOT_ENV") or 0
    if from_cmdline >= 40:  # cmdline priority: an explicit -s wins over the variable
        return str(settings.get("NEWSBOT_ENV"))
    return os.environ.get("NEWSBOT_ENV") or str(settings.get("NEWSBOT_ENV") or "development")


def apply_overlay(settings: BaseSettings, overlay: dict[str, Any]) -> None:
    for key, value in overlay.items():
        current = settings.get(key)
        if isinstance(value, dict) and isinstance(current, BaseSettings):
            current.update(value, priority="project")
        else:
            settings.set(key, value, priority="project")


def add_default_feed(settings: BaseSettings) -> None:
    """``exports/<spider>/<UTC start time>-<run id>.jsonl`` unless the user named feeds
    (-o/-O, FEEDS)."""
    if settings.getdict("FEEDS"):
        return
    folder = (
        os.environ.get("NEWSBOT_EXPORTS_DIR") or settings.get("NEWSBOT_EXPORTS_DIR") or "exports"
    )
    options = dict(settings.getdict("NEWSBOT_DEFAULT_FEED") or {"format": "jsonlines"})
    settings.set(
        "FEEDS", {f"{folder}/%(name)s/%(time)s-%(run_id)s.jsonl": options}, priority="project"
    )


def available_environments() -> list[str]:
    """Names of the overlays under ``settings/environments/``."""
    try:
        folder = settings_dir() / "environments"
        return sorted(e.name[: -len(".toml")] for e in folder.iterdir() if e.name.endswith(".toml"))
    except OSError:
        return []


def load_environment(name: str) -> dict[str, Any]:
    """The overlay ``settings/environments/<name>.toml``; :class:`UsageError` naming the
    valid environments when there is none, or when it cannot be read."""
    where = f"NEWSBOT_ENV={name!r}"
    try:
        return load_settings_toml(f"environments/{name}.toml", where)
    except FileNotFoundError:
        known = available_environments()
        raise UsageError(
            f"{where}: unknown environment{did_you_mean(name, known)}; "
            f"{one_of(known)} (files in settings/environments/)"
        ) from None


class EnvironmentAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        name = active_environment(settings)
        overlay = load_environment(name)
        apply_overlay(settings, overlay.get("settings", overlay))
        settings.set("NEWSBOT_ENV", name, priority="addon")
        add_default_feed(settings)
        logger.info(
            "newsbot environment: %s (%d settings from settings/environments/%s.toml)",
            name,
            len(overlay.get("settings", overlay)),
            name,
        )
