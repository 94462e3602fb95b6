"""Applies the environment overlay ``settings/environments/<NEWSBOT_ENV>.toml``.

An add-on runs after command-line settings are known, so ``-s NEWSBOT_ENV=production``
works as well as the environment variable. Overlay values are written at "project"
priority after settings.py was read, so they replace its values, while anything given
on the command line (``-s``, ``-o``/``-O``) still wins.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.utils.conf import closest_scrapy_cfg

from newsbot.component_paths import check_component_paths, check_shapes
from newsbot.exitcodes import UsageError
from newsbot.feeds import NEW_FILE
from newsbot.profiles import load_settings_toml, settings_dir, shown_path
from newsbot.settings_check import (
    TYPED_SETTINGS,
    check_http_cache,
    check_log_file,
    check_names,
    check_values,
    checked_log_level,
    cmdline_names,
    normalise_log_level,
    warn_count_limits,
    warn_depth_limit,
)
from newsbot.usage import check_numeric_settings, did_you_mean, one_of

logger = logging.getLogger(__name__)


def active_environment(settings: BaseSettings) -> str:
    from_cmdline = settings.getpriority("NEWSBOT_ENV") or 0
    if from_cmdline >= SETTINGS_PRIORITIES["cmdline"]:  # an explicit -s wins over the variable
        return str(settings.get("NEWSBOT_ENV"))
    variable = os.environ.get("NEWSBOT_ENV")
    if variable is not None and not variable.strip():  # `NEWSBOT_ENV=` is not "development"
        raise UsageError(
            f"NEWSBOT_ENV is set but empty; unset it for development or name one of: "
            f"{', '.join(available_environments())}"
        )
    return variable or str(settings.get("NEWSBOT_ENV") or "development")


# the variables newsbot reads from the environment; any other NEWSBOT_* there is a setting
# that only -s (or an overlay) sets
READ_FROM_ENVIRONMENT = frozenset(
    ["NEWSBOT_ENV", "NEWSBOT_SETTINGS_DIR", "NEWSBOT_EXPORTS_DIR", "NEWSBOT_REDIS_URL",
     "NEWSBOT_CHROMIUM"]
)  # fmt: skip


def check_set_variables(environ: dict[str, str] | os._Environ[str]) -> None:
    """A variable newsbot reads that is set but empty (`NEWSBOT_EXPORTS_DIR=` in a unit
    file) is refused, as `-s NAME=` is, instead of silently meaning its default."""
    for name in sorted(READ_FROM_ENVIRONMENT - {"NEWSBOT_ENV"}):
        value = environ.get(name)
        if value is not None and not value.strip():
            raise UsageError(
                f"the environment variable {name} is set but empty; unset it for the "
                "default, or give it a value"
            )


def warn_unread_variables(environ: dict[str, str] | os._Environ[str]) -> None:
    """A ``NEWSBOT_*`` environment variable newsbot does not read is said once, with the
    way to set it, instead of being ignored in silence."""
    for name in sorted(environ):
        if name.startswith("NEWSBOT_") and name not in READ_FROM_ENVIRONMENT:
            logger.warning(
                "The environment variable %s is not read; set it with -s %s=... or in "
                "settings/environments/<env>.toml",
                name,
                name,
            )


def apply_overlay(settings: BaseSettings, overlay: dict[str, Any]) -> None:
    for key, value in overlay.items():
        current = settings.get(key)
        if isinstance(value, dict) and isinstance(current, BaseSettings):
            current.update(value, priority="project")
        else:
            settings.set(key, value, priority="project")


def project_root() -> Path | None:
    """The folder of the project's ``scrapy.cfg`` when the command was typed in another one
    below it (``cd settings && scrapy crawl ...``), or outside the project with newsbot run
    from a source checkout (``SCRAPY_SETTINGS_MODULE=newsbot.settings`` in another folder
    made a second seen-store there: ops round 7); None in the project's folder or when
    newsbot is no checkout's (scrapyd runs an egg)."""
    found = closest_scrapy_cfg()
    root = Path(found).parent.resolve() if found else checkout_root()
    if root is None:
        return None
    return None if root == Path.cwd().resolve() else root


def checkout_root() -> Path | None:
    """The source checkout this newsbot package is imported from (its ``scrapy.cfg`` beside
    the package), or None (an installed wheel, an egg)."""
    try:
        root = Path(__file__).resolve().parents[2]
    except (IndexError, OSError):
        return None
    return root if (root / "scrapy.cfg").is_file() and (root / "newsbot").is_dir() else None


def anchor_to_project(settings: BaseSettings, root: Path | None) -> None:
    """The seen-store's path and the overlay's ``JOBDIR``, read from the project's folder
    wherever the command was typed: one store and one job per project, not one per folder
    (a job stopped from ``settings/`` is resumed from the project's folder). A path given
    on the command line is the operator's, read from where it was typed."""
    if root is None:
        return
    for key in ("NEWSBOT_SEEN_STORE", "JOBDIR"):
        if (settings.getpriority(key) or 0) >= SETTINGS_PRIORITIES["cmdline"]:
            continue
        path = str(settings.get(key) or "")
        if path and "://" not in path and not os.path.isabs(path):
            settings.set(key, str(root / path), priority=settings.getpriority(key) or "project")


def add_default_feed(settings: BaseSettings, root: Path | None = None) -> None:
    """``exports/<spider>/<UTC start time>-<run id>.jsonl`` unless the user named feeds
    (-o/-O, FEEDS, or Scrapy's older FEED_URI); its folder, ``NEWSBOT_EXPORTS_DIR`` or
    ``exports``, is read from the project's folder when relative, as the seen-store and the
    JOBDIR are (ops round 9: typed from ``settings/``, the export went into the settings
    folder); given with ``-s`` it is the operator's, read from where it was typed."""
    if settings.getdict("FEEDS") or settings.get("FEED_URI"):
        return
    folder = os.environ.get("NEWSBOT_EXPORTS_DIR") or settings.get("NEWSBOT_EXPORTS_DIR")
    if folder:  # `~/exports` as a shell would read it (systemd's Environment= does not)
        folder = os.path.expanduser(str(folder))
        typed = (settings.getpriority("NEWSBOT_EXPORTS_DIR") or 0) >= SETTINGS_PRIORITIES[
            "cmdline"
        ] and not os.environ.get("NEWSBOT_EXPORTS_DIR")
        if root is not None and not typed and "://" not in folder and not os.path.isabs(folder):
            folder = str(root / folder)
    else:
        folder = str(root / "exports") if root is not None else "exports"
    options = dict(settings.getdict("NEWSBOT_DEFAULT_FEED") or {"format": "jsonlines"})
    options[NEW_FILE] = True  # never appended to: its name is this run's
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
        folder = shown_path("environments/")  # NEWSBOT_SETTINGS_DIR's, when it is set
        if not known:  # ops round 9: "one of: (files in settings/environments/)"
            raise UsageError(
                f"{where}: unknown environment; {folder} holds no environment files "
                "(<name>.toml): copy the project's settings/environments/ there"
            ) from None
        raise UsageError(
            f"{where}: unknown environment{did_you_mean(name, known)}; "
            f"{one_of(known)} (files in {folder})"
        ) from None


# paths whose empty value would silently fall back to the default (an unset shell variable)
# (not JOBDIR or LOG_FILE: `-s JOBDIR=` is how a run leaves the production overlay's job out)
NOT_EMPTY = ("NEWSBOT_SEEN_STORE", "NEWSBOT_EXPORTS_DIR", "NEWSBOT_SETTINGS_DIR")


def check_not_empty(settings: BaseSettings) -> None:
    """``-s NEWSBOT_SEEN_STORE=`` (``$STORE`` unset): one line, as an empty ``-a`` is; so is an
    empty number or yes/no (``-s CONCURRENT_REQUESTS=``: ops round 17, which ran on the
    default without a word)."""
    given = set(cmdline_names(settings))
    for name in sorted(given):
        value = settings.get(name)
        if not isinstance(value, str) or value.strip():
            continue  # (a value given as False, 0 or None is a value)
        if name in NOT_EMPTY:
            raise UsageError(
                f"-s {name}: empty value (an unset shell variable?); give a path or leave "
                "the setting out"
            )
        if name in TYPED_SETTINGS:
            raise UsageError(
                f"-s {name}: empty value (an unset shell variable?); give a value or leave "
                "the setting out"
            )


def overlay_settings(overlay: dict[str, Any], where: str) -> dict[str, Any]:
    """The settings of an overlay file: its ``[settings]`` table (or, without one, its top
    level). Another table is a mistake (``[setting]``) that would drop every setting in it
    without a word: :class:`UsageError` naming it."""
    found = overlay.get("settings", overlay)
    if not isinstance(found, dict):
        raise UsageError(f"{where}: settings must be a table, [settings]")
    for chooser in ("NEWSBOT_ENV", "NEWSBOT_SETTINGS_DIR"):
        if chooser in found:  # ops round 9: counted as a setting, without any effect
            raise UsageError(
                f"{where}: {chooser} cannot be set in an environment file (the file is "
                f"already chosen by then); set it in the environment or with -s {chooser}=..."
            )
    for key, value in overlay.items():
        if key == "settings" or ("settings" not in overlay and key.isupper()):
            continue  # a file without a [settings] table holds its settings at the top
        if isinstance(value, dict):
            raise UsageError(
                f"{where}: unknown table [{key}]{did_you_mean(key, ['settings'])}; "
                "settings go in [settings]"
            )
        if "settings" in overlay:
            raise UsageError(f"{where}: {key} is outside the [settings] table; move it into it")
    return found


class EnvironmentAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        name = active_environment(settings)
        check_set_variables(os.environ)
        warn_unread_variables(os.environ)
        where = shown_path(f"environments/{name}.toml")
        overlay = overlay_settings(load_environment(name), where)
        check_names(cmdline_names(settings), "-s")
        check_not_empty(settings)
        check_names(overlay, where)
        check_shapes(overlay)  # a table written as a list fails as Scrapy stores it
        if "LOG_LEVEL" in overlay:
            # checked here, as written: `scrapy reprocess` and an -L shadow the overlay's level
            # (ops round 26: `LOG_LEVEL = "VERBOSE"` under reprocess ran)
            try:
                checked_log_level(overlay["LOG_LEVEL"])
            except UsageError as error:
                raise UsageError(f"{where}: {error}") from None
        apply_overlay(settings, overlay)
        # `LOG_LEVEL = "debug"` in the overlay: read as -L debug is (ops round 8: a traceback)
        normalise_log_level(settings)
        if not settings.get("ITEM_PIPELINES"):  # `ITEM_PIPELINES = []`, `-s ITEM_PIPELINES={}`
            logger.warning(
                "ITEM_PIPELINES is empty: records are exported as the spider read them, with "
                "no validation, no noise removed, no ages turned into times and no duplicates "
                "dropped (newsbot's pipelines are in newsbot/settings.py)"
            )
        check_values(settings.get)  # -s and the overlay, before any request
        if (settings.getpriority("LOG_FILE") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            check_log_file(settings)  # the overlay's (the crawl command checked -s's)
        warn_depth_limit(settings.get)
        warn_count_limits(settings.get)
        check_component_paths(settings)
        check_http_cache(settings)
        check_numeric_settings(settings.get)
        settings.set("NEWSBOT_ENV", name, priority="addon")
        root = project_root()
        anchor_to_project(settings, root)
        add_default_feed(settings, root)
        logger.info(
            "newsbot environment: %s (%d settings from %s)",
            name,
            len(overlay),
            where,
        )
