"""Learned boilerplate: a line that recurs verbatim across many articles of one source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from newsbot.cleaning.text import normalise

#: Longer lines are sentence-like; a long line repeated across related articles is more
#: likely a quote or a shared standfirst than a promo, so it is never learned.
MAX_LEARNED_LEN = 200


#: Lines tracked per source before lines seen only once are forgotten (bounds memory on
#: long crawls; a promo recurs, so it is seen again long before it could be forgotten).
MAX_TRACKED_LINES = 20_000


class KnowsLearnedLines(Protocol):
    """What cleaning asks of a learner."""

    def is_learned(self, source: str, line: str) -> bool: ...


class LearnedLines:
    """The lines learned for one source at one moment: all a worker process needs to know.

    ``is_learned`` answers as the learner did when the snapshot was taken.
    """

    def __init__(self, source: str, texts: Iterable[str], max_len: int = MAX_LEARNED_LEN) -> None:
        self.source = source or ""
        self.texts = frozenset(texts)
        self.max_len = max_len

    def is_learned(self, source: str, line: str) -> bool:
        if (source or "") != self.source:
            return False
        text = normalise(line)
        return bool(text) and len(text) <= self.max_len and text in self.texts


class BoilerplateLearner:
    """Counts, per source, in how many different articles each short line occurs.

    A line becomes boilerplate once it has been seen in ``threshold`` different articles of
    the same source (the same article seen twice counts once). ``threshold=0`` disables it.
    Memory stays bounded: lines are kept as hashes with a count of the articles they were
    seen in, the text only once learned, and at most ``max_tracked`` lines per source
    (past that, lines seen in a single article are forgotten).
    """

    def __init__(
        self,
        threshold: int = 5,
        max_len: int = MAX_LEARNED_LEN,
        max_tracked: int = MAX_TRACKED_LINES,
    ) -> None:
        self.threshold = max(0, int(threshold))
        self.max_len = max_len
        self.max_tracked = max_tracked
        # line hash -> (articles seen in, hash of the last one): a count, not a set, keeps
        # memory small; the same article twice in a row counts once
        self._seen: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        self._texts: dict[str, dict[int, str]] = defaultdict(dict)

    def _key(self, line: str) -> tuple[int, str] | None:
        text = normalise(line)
        if not text or len(text) > self.max_len:
            return None
        return hash(text), text

    def observe(self, source: str, article_id: str, lines: Iterable[str]) -> None:
        if not self.threshold:
            return
        table = self._seen[source or ""]
        article = hash(article_id)
        for line in lines:
            found = self._key(line)
            if found is None:
                continue
            key, text = found
            count, last = table.get(key, (0, 0))
            if count < self.threshold and (count == 0 or last != article):
                count += 1
                table[key] = (count, article)
                if count >= self.threshold:
                    self._texts[source or ""][key] = text
        if len(table) > self.max_tracked:
            for key in [k for k, (count, _) in table.items() if count <= 1]:
                del table[key]

    def is_learned(self, source: str, line: str) -> bool:
        if not self.threshold:
            return False
        found = self._key(line)
        if found is None:
            return False
        seen = self._seen.get(source or "", {}).get(found[0])
        return seen is not None and seen[0] >= self.threshold

    def snapshot(self, source: str) -> LearnedLines | None:
        """The lines learned for ``source`` so far, None when there are none."""
        if not self.threshold:
            return None
        texts = self._texts.get(source or "")
        if not texts:
            return None
        seen = self._seen.get(source or "", {})
        learned = [t for k, t in texts.items() if seen.get(k, (0, 0))[0] >= self.threshold]
        return LearnedLines(source, learned, self.max_len) if learned else None

    def learned(self) -> dict[str, list[str]]:
        """Learned lines per source (sources with none are left out)."""
        out: dict[str, list[str]] = {}
        for source, texts in self._texts.items():
            if texts and self.threshold:
                out[source] = sorted(texts.values())
        return out
