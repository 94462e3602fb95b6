"""Learned boilerplate: a line that recurs verbatim across many articles of one source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsbot.cleaning.text import normalise

#: Longer lines are sentence-like; a long line repeated across related articles is more
#: likely a quote or a shared standfirst than a promo, so it is never learned.
MAX_LEARNED_LEN = 200


class BoilerplateLearner:
    """Counts, per source, in how many different articles each short line occurs.

    A line becomes boilerplate once it has been seen in ``threshold`` different articles of
    the same source (the same article seen twice counts once). ``threshold=0`` disables it.
    Memory stays bounded: at most ``threshold`` article ids are kept per line.
    """

    def __init__(self, threshold: int = 5, max_len: int = MAX_LEARNED_LEN) -> None:
        self.threshold = max(0, int(threshold))
        self.max_len = max_len
        self._seen: dict[str, dict[str, set[str]]] = defaultdict(dict)

    def _key(self, line: str) -> str | None:
        text = normalise(line)
        if not text or len(text) > self.max_len:
            return None
        return text

    def observe(self, source: str, article_id: str, lines: Iterable[str]) -> None:
        if not self.threshold:
            return
        table = self._seen[source or ""]
        for line in lines:
            key = self._key(line)
            if key is None:
                continue
            ids = table.setdefault(key, set())
            if len(ids) < self.threshold:
                ids.add(article_id)

    def is_learned(self, source: str, line: str) -> bool:
        if not self.threshold:
            return False
        key = self._key(line)
        if key is None:
            return False
        ids = self._seen.get(source or "", {}).get(key)
        return ids is not None and len(ids) >= self.threshold

    def learned(self) -> dict[str, list[str]]:
        """Learned lines per source (sources with none are left out)."""
        out: dict[str, list[str]] = {}
        for source, table in self._seen.items():
            lines = sorted(k for k, ids in table.items() if len(ids) >= self.threshold)
            if lines and self.threshold:
                out[source] = lines
        return out
