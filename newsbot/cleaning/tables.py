"""The copy's own tables, as an aggregator shows them: one row per line, cells between bars.

``Provider | Speed | Monthly price | Contract`` over ``Fibrenet | 500Mb | £24 | 24 months``
reads like a tool bar or a tag row (short items between bars) one line at a time; together the
lines are a table: several rows in a run, each with the same number of cells, and figures in
them, or phrases (`Symptom | Likely cause | What to do` over `Leaves twisted at the tip |
Weedkiller drift | Remove affected growth`). A story's comparison, results, prices or advice:
the rows stay whole, header included, whatever a line rule would say of one of them alone. A
link row (`Home | News | Sport`) has no figures and no phrases; a tag row stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BAR = re.compile(r"\s*\|\s*")
_FIGURE = re.compile(r"\d")
_CELL_MAX = 80  # characters: a longer cell is a sentence with a bar in it, not a table's
_MIN_ROWS = 3  # a header and two rows, or three rows
_MIN_ROWS_WITH_FIGURES = 2
_MIN_ROWS_WITH_PHRASES = 2  # a table of words: rows whose cells say something in a phrase
_PHRASE_WORDS = 4  # words in a cell: a link label or a tag is shorter


def _has_phrase(line: str) -> bool:
    return any(len(cell.split()) >= _PHRASE_WORDS for cell in _BAR.split(line))


def cells(line: str) -> list[str] | None:
    """The line's cells when it reads as a table row (two or more short cells), else None."""
    stripped = line.strip()
    if "|" not in stripped:
        return None
    parts = _BAR.split(stripped.strip("|").strip())
    if len(parts) < 2 or any(not part or len(part) > _CELL_MAX for part in parts):
        return None
    return parts


def table_rows(lines: Sequence[str]) -> frozenset[int]:
    """Indices of the lines that are rows of a table: a run of consecutive rows with one
    number of cells, three or more of them (or two, both with figures), two or more holding
    figures."""
    found: set[int] = set()
    start = 0
    while start < len(lines):
        first = cells(lines[start])
        if first is None:
            start += 1
            continue
        end = start + 1
        while end < len(lines):
            row = cells(lines[end])
            if row is None or len(row) != len(first):
                break
            end += 1
        with_figures = sum(1 for i in range(start, end) if _FIGURE.search(lines[i]))
        with_phrases = sum(1 for i in range(start, end) if _has_phrase(lines[i]))
        rows = end - start
        if (
            with_figures >= _MIN_ROWS_WITH_FIGURES and (rows >= _MIN_ROWS or with_figures == rows)
        ) or (rows >= _MIN_ROWS and with_phrases >= _MIN_ROWS_WITH_PHRASES):
            found.update(range(start, end))
        start = end
    return frozenset(found)
