"""A compiled regular expression that travels as its source.

The noise rules are compiled (and so checked) once in the crawl process; a worker process
gets them pickled. A pickled ``re.Pattern`` is compiled again when it is unpickled: every
rule, about 1.5 s of a worker's CPU at the start of each crawl, although a crawl's lines
meet only some of the rules (the prefilter tries a rule only on a line holding its
strings). A :class:`LazyRegex` pickles as its source and is compiled on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class LazyRegex:
    """``re.Pattern``'s matching methods, compiled from ``pattern`` when first needed."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern[str] | None = None):
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> LazyRegex:
        """An already compiled pattern (checked where it was written), kept compiled here."""
        return cls(regex.pattern, regex.flags, regex)

    @property
    def compiled(self) -> re.Pattern[str]:
        regex = self._compiled
        if regex is None:
            regex = self._compiled = re.compile(self.pattern, self.flags)
        return regex

    def search(self, string: str, *args: Any) -> re.Match[str] | None:
        return self.compiled.search(string, *args)

    def match(self, string: str, *args: Any) -> re.Match[str] | None:
        return self.compiled.match(string, *args)

    def fullmatch(self, string: str, *args: Any) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list[Any]:
        return self.compiled.findall(string, *args)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyRegex, (self.pattern, self.flags))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyRegex, re.Pattern)):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"LazyRegex({self.pattern[:60]!r}, {self.flags}, {state})"
