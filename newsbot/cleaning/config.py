"""Where the cleaner finds its data: the site profile and ``settings/noise.toml``.

All file resolution goes through :func:`settings_path`, so the whole package follows the
shared profile loader when it is present (``newsbot.profiles.settings_dir``).
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import tomllib

import newsbot


def settings_path(name: str) -> Path | Traversable:
    """The file ``name`` under ``settings/`` (checkout first, then the shipped package)."""
    try:
        from newsbot.profiles import settings_dir
    except ImportError:  # pragma: no cover - the shared loader is optional
        pass
    else:
        return settings_dir() / name
    checkout = Path(newsbot.__file__).resolve().parent.parent / "settings"
    if (checkout / name).is_file():
        return checkout / name
    return resources.files("newsbot.site_config") / name


def read_toml(path: str | Path | Traversable) -> dict[str, Any]:
    if isinstance(path, str):
        path = Path(path)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def default_profile() -> dict[str, Any]:
    """The Daily8 profile as a plain dict (as ``tomllib`` parses it)."""
    return read_toml(settings_path("daily8.toml"))


def default_noise_path() -> Path | Traversable:
    return settings_path("noise.toml")
