"""Where the cleaner finds its data: ``settings/noise.toml`` and ``settings/noise_kinds.toml``.

File resolution is the shared profile loader's (:func:`newsbot.profiles.settings_dir`).
"""

from __future__ import annotations

from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import tomllib

from newsbot.profiles import settings_dir
from newsbot.usage import operator_text


def settings_path(name: str) -> Path | Traversable:
    """The file ``name`` under ``settings/`` (checkout, ``$NEWSBOT_SETTINGS_DIR`` or package)."""
    return settings_dir() / name


def read_toml(path: str | Path | Traversable) -> dict[str, Any]:
    if isinstance(path, str):
        path = Path(path)
    return tomllib.loads(operator_text(path.read_bytes()))  # an editor's BOM is not TOML


def default_noise_path() -> Path | Traversable:
    return settings_path("noise.toml")


def default_kinds_path() -> Path | Traversable:
    return settings_path("noise_kinds.toml")
