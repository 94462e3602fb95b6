"""Wording shared by every check of an operator's input (arguments, settings, files).

Pure functions: each builds part of the one line a :class:`newsbot.exitcodes.UsageError`
carries (what was wrong, what is allowed, and for a misspelling what was probably meant).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'max_articles'?)"`` for a close misspelling, else ``""``."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def one_of(choices: Iterable[str]) -> str:
    """``"one of: a, b, c"`` in a stable order."""
    return "one of: " + ", ".join(sorted(choices))


def short(value: object, limit: int = 80) -> str:
    """``repr`` of a value cut to ``limit`` characters, on one line."""
    text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
