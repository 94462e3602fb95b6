"""Where the cleaner finds its data: the site profile and ``settings/noise.toml``.

File resolution is the shared profile loader's (:func:`newsbot.profiles.settings_dir`).
"""

from __future__ import annotations

from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import tomllib

from newsbot.profiles import load_toml, settings_dir


def settings_path(name: str) -> Path | Traversable:
    """The file ``name`` under ``settings/`` (checkout, ``$NEWSBOT_SETTINGS_DIR`` or package)."""
    return settings_dir() / name


def read_toml(path: str | Path | Traversable) -> dict[str, Any]:
    if isinstance(path, str):
        path = Path(path)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def default_profile() -> dict[str, Any]:
    """The Daily8 profile as a plain dict (as ``tomllib`` parses it)."""
    return load_toml("daily8.toml")


def default_noise_path() -> Path | Traversable:
    return settings_path("noise.toml")


def default_kinds_path() -> Path | Traversable:
    return settings_path("noise_kinds.toml")
