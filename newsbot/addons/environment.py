"""Applies the environment overlay ``settings/environments/<NEWSBOT_ENV>.toml``.

An add-on runs after command-line settings are known, so ``-s NEWSBOT_ENV=production``
works as well as the environment variable. Overlay values take "addon" priority: above
the project's settings.py, below anything given on the command line.
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
            current.update(value, priority="addon")
        else:
            settings.set(key, value, priority="addon")


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
        logger.info(
            "newsbot environment: %s (%d settings from settings/environments/%s.toml)",
            name,
            len(overlay.get("settings", overlay)),
            name,
        )
