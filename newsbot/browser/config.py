"""Pure browser settings: modes, Chromium, blocked requests, what a rendered page is asked to do."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsbot import settings as defaults
from newsbot.browser.needs import fill_selectors, page_group
from newsbot.exitcodes import UsageError
from newsbot.profiles import SiteProfile
from newsbot.usage import did_you_mean

MODES = ("never", "always", "auto")

# What a headless Chromium running as root in a closed network needs: no sandbox (root), no
# GPU, and none of the background connections (updates, sync, QUIC) that are refused there.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--blink-settings=imagesEnabled=false",  # images are never fetched at all
    # pages share at most two renderer processes: no process spawned per page, memory bounded
    "--renderer-process-limit=2",
    "--disable-features=site-per-process,Translate,MediaRouter,OptimizationHints",
    "--disable-extensions",
)
# Where Debian/Ubuntu put their Chromium.
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

# In-page requests never worth fetching to read a page's text.
BLOCKED_RESOURCE_TYPES = frozenset({"image", "media", "font", "imageset", "beacon", "ping"})
TRACKER_HOSTS = (
    "google-analytics.com",
    "googletagmanager.com",
    "googlesyndication.com",
    "doubleclick.net",
    "adservice.google.com",
    "facebook.net",
    "connect.facebook.net",
    "scorecardresearch.com",
    "hotjar.com",
    "chartbeat.com",
    "quantserve.com",
    "taboola.com",
    "outbrain.com",
    "criteo.com",
    "amazon-adsystem.com",
    "segment.io",
    "newrelic.com",
    "nr-data.net",
)
_MEDIA_EXT = re.compile(
    r"\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp|woff2?|ttf|otf|eot|mp4|webm|mp3|m4a|ogg|wav)$",
    re.IGNORECASE,
)


class BrowserUnavailable(RuntimeError):
    """No browser can be launched (missing executable, failed launch)."""


def normalize_mode(value: object, *, source: str = "browser") -> str:
    mode = str(value or "").strip().lower()
    if mode not in MODES:
        raise UsageError(
            f"{source}={value!r}: unknown browser mode{did_you_mean(mode, MODES)}; "
            f"expected one of: {', '.join(MODES)}"
        )
    return mode


def resolve_mode(setting: object, profile: SiteProfile | None) -> str:
    """``NEWSBOT_BROWSER`` (when set) wins over the profile's ``browser`` key."""
    if setting not in (None, ""):
        return normalize_mode(setting, source="NEWSBOT_BROWSER")
    if profile is None:
        return "never"
    return normalize_mode(profile.browser, source=f"{profile.name}.toml browser")


# -- Chromium ----------------------------------------------------------------------------
def find_chromium(explicit: str | None = None) -> tuple[str | None, str]:
    """``(executable or None, how it was chosen)``.

    An explicit path (setting/env ``NEWSBOT_CHROMIUM``) is used as given, even when missing
    (so a typo is reported, not silently replaced). Otherwise Debian's Chromium at its usual
    path; otherwise None: Playwright's own browser (``playwright install chromium``).
    """
    if explicit:
        found = shutil.which(explicit) if os.sep not in explicit else None
        return found or explicit, "NEWSBOT_CHROMIUM"
    for candidate in CHROMIUM_PATHS:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate, "system"
    return None, "playwright"


def executable_problem(executable: str | None) -> str | None:
    """Why ``executable`` cannot run, or None when it looks usable (or is Playwright's)."""
    if executable is None:
        return None
    path = Path(executable)
    if path.is_dir():
        return f"{executable} is a directory, not the browser's program (e.g. /usr/bin/chromium)"
    if not path.is_file():
        return f"{executable} does not exist"
    if not os.access(path, os.X_OK):
        return f"{executable} is not executable"
    return None


def launch_options(executable: str | None, timeout_ms: int = 20_000) -> dict[str, Any]:
    options: dict[str, Any] = {
        "headless": True,
        "args": list(CHROMIUM_FLAGS),
        "timeout": timeout_ms,
        "handle_sigint": False,
        "handle_sigterm": False,
    }
    if executable:
        options["executable_path"] = executable
    return options


# -- blocked requests ----------------------------------------------------------------------
def is_blocked(resource_type: str, url: str) -> bool:
    """Images, fonts, media and trackers: never fetched by a rendered page."""
    if resource_type in BLOCKED_RESOURCE_TYPES:
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if any(host == t or host.endswith("." + t) for t in TRACKER_HOSTS):
        return True
    return resource_type not in ("document", "xhr", "fetch") and bool(_MEDIA_EXT.search(parts.path))


def abort_request(request: Any) -> bool:
    """``PLAYWRIGHT_ABORT_REQUEST``: called with each Playwright request of a rendered page."""
    return is_blocked(request.resource_type, request.url)


# -- what a rendered page is asked to do ---------------------------------------------------
_PY_NAMED = re.compile(r"\(\?P<")
_PY_BACKREF = re.compile(r"\(\?P=(\w+)\)")


def js_regex(pattern: str) -> str:
    """A Python regex as JavaScript ``RegExp`` source (named groups differ)."""
    return _PY_BACKREF.sub(r"\\k<\1>", _PY_NAMED.sub("(?<", pattern))


def page_plan(
    profile: SiteProfile | None,
    kind: str | None,
    *,
    max_pages: int,
    settle_timeout_ms: int = defaults.NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS,
    quiet_ms: int = defaults.NEWSBOT_BROWSER_QUIET_MS,
    more_timeout_ms: int = defaults.NEWSBOT_BROWSER_MORE_TIMEOUT_MS,
    scroll_timeout_ms: int = defaults.NEWSBOT_BROWSER_SCROLL_TIMEOUT_MS,
) -> dict[str, Any]:
    """Plain data for :func:`newsbot.browser.pagework.settle` (picklable, loggable).

    ``settle_timeout_ms`` bounds the wait for the page to settle (DOM unchanged and network
    quiet for ``quiet_ms``, with what the page kind needs present); ``more_timeout_ms`` and
    ``scroll_timeout_ms`` bound each wait for more entries after a click or a scroll.
    Without a profile (a publisher's page read by the generic reader) the page is waited on
    for a title and a paragraph only.
    """
    timeouts = {
        "settle_timeout_ms": settle_timeout_ms,
        "quiet_ms": quiet_ms,
        "more_timeout_ms": more_timeout_ms,
        "scroll_timeout_ms": scroll_timeout_ms,
    }
    if profile is None:
        return {
            "kind": page_group(kind),
            "article_patterns": [],
            "offsite_entries": False,
            "labels": [],
            "related_labels": [],
            "max_pages": 1,
            "fill": [],
            **timeouts,
        }
    listing = page_group(kind) == "listing"
    patterns = [p.regex.pattern for p in profile.article_patterns]
    river = profile.kind == "river"
    if river:  # a river's entries leave it: to other hosts, or through its redirect URLs
        urls = profile.raw.get("urls", {})
        for key in ("redirect", "interstitial"):
            value = urls.get(key) or []
            patterns += [value] if isinstance(value, str) else list(value)
    return {
        "kind": page_group(kind),
        "article_patterns": [js_regex(p) for p in patterns],
        "offsite_entries": river,
        "labels": sorted(profile.pagination_labels) if listing else [],
        "related_labels": [] if listing else sorted(profile.related_labels()),
        "max_pages": max(1, max_pages) if listing else 1,
        "fill": list(fill_selectors(profile, kind)),
        **timeouts,
    }
