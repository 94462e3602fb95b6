"""The class paths a crawl's settings name, checked before Scrapy builds anything.

A misspelt path in ``-s ITEM_PIPELINES=...``, an ``EXTENSIONS`` entry or
``HTTPCACHE_STORAGE`` was Scrapy's ``NameError`` or ``ModuleNotFoundError`` traceback and
exit 1, once the crawler was half built (ops round 10). :func:`check_component_paths` loads
each path the way Scrapy will and names the first that fails in one line, with the closest
name the module does define, as a :class:`~newsbot.exitcodes.UsageError` (exit 2).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from scrapy.settings import BaseSettings

from newsbot.exitcodes import UsageError
from newsbot.usage import did_you_mean, short

# {path: order} settings: a key with the value None is switched off, never loaded
COMPONENT_DICTS = (
    "ITEM_PIPELINES",
    "EXTENSIONS",
    "SPIDER_MIDDLEWARES",
    "DOWNLOADER_MIDDLEWARES",
    "ADDONS",
)
# {scheme or format: path} settings
PATH_VALUE_DICTS = ("DOWNLOAD_HANDLERS", "FEED_STORAGES", "FEED_EXPORTERS")
# settings whose value is one path
PATH_SETTINGS = (
    "HTTPCACHE_STORAGE",
    "HTTPCACHE_POLICY",
    "SCHEDULER",
    "SCHEDULER_PRIORITY_QUEUE",
    "SCHEDULER_DISK_QUEUE",
    "SCHEDULER_MEMORY_QUEUE",
    "DUPEFILTER_CLASS",
    "STATS_CLASS",
    "LOG_FORMATTER",
    "REQUEST_FINGERPRINTER_CLASS",
)


def _named_paths(settings: BaseSettings) -> Iterator[tuple[str, str]]:
    """(setting, path) for every class path the settings name."""
    for name in COMPONENT_DICTS:
        for path, order in _as_dict(settings, name).items():
            if isinstance(path, str) and order is not None:
                yield name, path
    for name in PATH_VALUE_DICTS:
        for path in _as_dict(settings, name).values():
            if isinstance(path, str) and path:
                yield name, path
    for name in PATH_SETTINGS:
        value = settings.get(name)
        if isinstance(value, str) and value:
            yield name, value


def _as_dict(settings: BaseSettings, name: str) -> dict[Any, Any]:
    try:
        return dict(settings.getdict(name))
    except (TypeError, ValueError):
        return {}  # not a dict: Scrapy's own error, or check_values'


def check_component_paths(settings: BaseSettings) -> None:
    """Every class path the settings name can be loaded; else :class:`UsageError` naming
    the setting, the path and what is wrong with it."""
    check_shapes(settings)
    for name, path in _named_paths(settings):
        problem = path_problem(path)
        if problem is not None:
            raise UsageError(f"{name}: {path!r} {problem}")


def check_shapes(settings: BaseSettings | Mapping[str, Any]) -> None:
    """A table setting written as a list or a number, a class path written as a number:
    :class:`UsageError` naming it (ops round 13: ``FEEDS = ["x.jsonl"]`` in an overlay was
    ``ValueError: too many values to unpack``, ``SCHEDULER_PRIORITY_QUEUE = 7`` a
    ``RuntimeError`` from the engine, both exit 1)."""
    for name in (*COMPONENT_DICTS, *PATH_VALUE_DICTS, "FEEDS"):
        value = settings.get(name)
        if value is None or isinstance(value, (BaseSettings, Mapping)):
            continue
        if isinstance(value, str):
            try:
                parsed = json.loads(value) if value.strip() else {}
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                continue
        shape = "a list" if isinstance(value, (list, tuple)) else short(value)
        raise UsageError(
            f"{name}: expected a table of entries (in a settings file: a [settings.{name}] "
            f"table, one key per entry; with -s: a JSON object), got {shape}"
        )
    for name in PATH_SETTINGS:
        value = settings.get(name)
        if value is None or isinstance(value, str) or callable(value):
            continue
        raise UsageError(
            f"{name}={short(value)}: expected a class's import path (package.module.ClassName)"
        )


def path_problem(path: str) -> str | None:
    """Why ``path`` (``package.module.Name``) cannot be loaded, or None."""
    module_name, dot, attribute = path.strip().rpartition(".")
    if not dot or not module_name or not attribute:
        return "is not a full class path (package.module.ClassName)"
    problem = module_problem(module_name)
    if problem is not None:
        return problem
    module = importlib.import_module(module_name)
    if not hasattr(module, attribute):
        names = [n for n in dir(module) if not n.startswith("_")]
        return f"cannot be loaded: {module_name} has no {attribute!r}" + did_you_mean(
            attribute, names
        )
    return None


def module_problem(module_name: str) -> str | None:
    """Why the module ``module_name`` cannot be imported, or None."""
    try:
        importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or module_name
        parent, _, last = missing.rpartition(".")
        hint = ""
        if parent:
            try:
                siblings = _submodules(importlib.import_module(parent))
            except ImportError:
                siblings = []
            hint = did_you_mean(last, siblings)
        return f"cannot be loaded: no module named {missing!r}{hint}"
    except Exception as exc:  # the module itself fails on import: its own error, named
        return f"cannot be loaded: importing {module_name} failed ({type(exc).__name__}: {exc})"
    return None


def _submodules(package: Any) -> list[str]:
    import pkgutil

    return [info.name for info in pkgutil.iter_modules(getattr(package, "__path__", []))]


def check_spider_modules(settings: BaseSettings) -> None:
    """Every module ``SPIDER_MODULES`` names can be imported; else :class:`UsageError` naming
    it (blind operator round 16: another project's ``myproject.spiders`` was Scrapy's
    traceback as it built its spider loader, before any other check)."""
    try:
        names = settings.getlist("SPIDER_MODULES")
    except (TypeError, ValueError):
        return  # not a list: Scrapy's own error
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        problem = module_problem(name.strip())
        if problem is not None:
            raise UsageError(
                f"SPIDER_MODULES: {name!r} {problem}; newsbot's spiders are in "
                "'newsbot.spiders' (every site profile is a spider there)"
            )
