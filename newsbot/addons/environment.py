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

from newsbot.profiles import load_toml

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


class EnvironmentAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        name = active_environment(settings)
        try:
            overlay = load_toml(f"environments/{name}.toml")
        except FileNotFoundError:
            raise ValueError(
                f"NEWSBOT_ENV={name!r}: no settings/environments/{name}.toml"
            ) from None
        apply_overlay(settings, overlay.get("settings", overlay))
        settings.set("NEWSBOT_ENV", name, priority="addon")
        add_default_feed(settings)
        logger.info(
            "newsbot environment: %s (%d settings from settings/environments/%s.toml)",
            name,
            len(overlay.get("settings", overlay)),
            name,
        )
