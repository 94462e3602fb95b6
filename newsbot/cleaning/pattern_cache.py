"""What loading the noise rules learns about each pattern, kept between runs.

Loading the rules cost about 1.8 s of CPU in every crawl process, scrapyd job and redis worker,
nearly all of it in two things done to every pattern: compiling it (which is how a bad pattern
in an operator's rule file is caught before the crawl starts) and reading its parse tree for the
strings each match must contain (:func:`newsbot.cleaning.prefilter.required_factors`). Both
answers depend only on the pattern, its flags, the Python that parses it and the code that reads
the tree, so they are kept in one JSON file (``$XDG_CACHE_HOME/newsbot/rule-patterns.json``,
``~/.cache/...`` by default; ``NEWSBOT_CACHE_DIR`` names another directory, set empty it turns
the cache off). A pattern the file already holds is not compiled at load (it compiled before, so
it is left to compile on first use, :class:`~newsbot.cleaning.lazy.LazyRegex`); a pattern it
does not hold (an edited rule) is compiled and read as before, so a bad one still stops the run
with its rule named.

The cache never decides what is removed, only how fast the rules load: a file that is missing,
unreadable, written by other code, or cannot be written (read-only home, full disk) leaves the
rules computed from scratch and logs nothing above debug. Writes go to a temporary file renamed
into place, so two runs starting together never read half a file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from newsbot.cleaning import lazy, prefilter, text
from newsbot.cleaning.lazy import LazyRegex
from newsbot.cleaning.prefilter import required_factors

log = logging.getLogger(__name__)

FILE_NAME = "rule-patterns.json"
# a file holding more than this (many edited rule files over time) starts again
MAX_ENTRIES = 20_000


def cache_dir() -> Path | None:
    """Where the file lives; None when ``NEWSBOT_CACHE_DIR`` is set empty (cache off)."""
    chosen = os.environ.get("NEWSBOT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsbot"


def code_version() -> str | None:
    """A digest of what the answers depend on besides the pattern: the Python version and the
    source of the modules that parse patterns and fold lines. None when a source cannot be
    read (a zipped egg whose loader gives none): then nothing is cached."""
    digest = hashlib.sha256(sys.version.encode())
    for module in (prefilter, text, lazy):
        source = _source(module)
        if source is None:
            return None
        digest.update(source)
    return digest.hexdigest()[:20]


def _source(module: ModuleType) -> bytes | None:
    try:
        return Path(module.__file__ or "").read_bytes()
    except OSError:  # inside a zipped egg: ask its loader
        loader = getattr(module.__spec__, "loader", None)
        get_source = getattr(loader, "get_source", None)
        found = get_source(module.__name__) if get_source else None
        return found.encode() if isinstance(found, str) else None


def _key(pattern: str, flags: int) -> str:
    """A pattern's name in the file: a digest (the joined patterns run to kilobytes). The flags
    as compiling reports them (a text pattern is Unicode unless it says ASCII)."""
    if not flags & re.ASCII:
        flags |= re.UNICODE
    return hashlib.blake2b(f"{flags}:{pattern}".encode(), digest_size=12).hexdigest()


class PatternCache:
    """What is known of each pattern (its required strings; that it compiles), read once from
    the cache file and written back once when something new was learnt."""

    def __init__(self, directory: Path | None) -> None:
        self.version = code_version()
        self.directory = directory if self.version is not None else None
        self.known, self.compiles = self._read()
        self.added = 0

    @classmethod
    def default(cls) -> PatternCache:
        return cls(cache_dir())

    def regex(self, pattern: str, flags: int) -> LazyRegex:
        """``pattern`` checked: compiled now (``re.error`` for a bad one) unless it compiled
        in an earlier run, then compiled on first use."""
        key = _key(pattern, flags)
        if key in self.compiles:
            return LazyRegex(pattern, flags)
        compiled = re.compile(pattern, flags)
        self.compiles.add(key)
        self.added += 1
        return LazyRegex.of(compiled)

    def factors(self, source: str, flags: int) -> frozenset[str] | None:
        key = _key(source, flags)
        if key in self.known:
            found = self.known[key]
            return None if found is None else frozenset(found)
        computed = required_factors(source, flags)
        self.known[key] = None if computed is None else sorted(computed)
        self.added += 1
        return computed

    def save(self) -> None:
        """Write the file if new answers were computed; any OSError is the cache's loss only."""
        if self.directory is None or not self.added:
            return
        small = len(self.known) + len(self.compiles) <= MAX_ENTRIES
        payload = json.dumps(
            {
                "version": self.version,
                "factors": self.known if small else {},
                "compiles": sorted(self.compiles) if small else [],
            },
            ensure_ascii=False,
        )
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".rule-patterns.", dir=self.directory)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(payload)
                os.replace(temporary, self.directory / FILE_NAME)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.debug("rule pattern cache not written to %s: %s", self.directory, error)
        else:
            self.added = 0

    def _read(self) -> tuple[dict[str, list[str] | None], set[str]]:
        if self.directory is None:
            return {}, set()
        try:
            data = json.loads((self.directory / FILE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.debug("rule pattern cache not read from %s: %s", self.directory, error)
            return {}, set()
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}, set()
        entries, compiles = data.get("factors"), data.get("compiles")
        if not isinstance(entries, dict) or not isinstance(compiles, list):
            return {}, set()
        return {
            key: value
            for key, value in entries.items()
            if value is None
            or (isinstance(value, list) and value and all(isinstance(s, str) for s in value))
        }, {key for key in compiles if isinstance(key, str)}
