"""Learned boilerplate: a line that recurs verbatim across many articles of one source, or in
articles of many different sources."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from newsbot.cleaning.text import ADDRESSED, normalise, several_sentences

#: Longer lines are sentence-like; a long line repeated across related articles is more
#: likely a quote or a shared standfirst than a promo, so it is never learned.
MAX_LEARNED_LEN = 200


#: Lines tracked per source before lines seen only once are forgotten (bounds memory on
#: long crawls; a promo recurs, so it is seen again long before it could be forgotten).
MAX_TRACKED_LINES = 20_000

#: Rule names of the two ways a line is learned (stats ``newsbot/noise/removed/<rule>``).
LEARNED = "learned"
LEARNED_SHARED = "learned_shared"

_QUOTES = frozenset('"“”«»„')

# A sentence that reports (`Officials said the first phase would begin in the spring`, `The
# figures, released at 10.51am, showed a sharp change`): a follow-up story's background
# paragraph, repeated verbatim by the outlets that carry it, is the story's, not chrome
# (blind site 74 repeats six such sentences in up to fourteen stories of as many sources).
# Chrome that recurs across sources speaks to the reader or as the outlet, or reports nothing.
_REPORTS = re.compile(
    r"\b(?:said|says|told|confirmed|announced|showed|shows|added|warned|reported|according to"
    r"|(?:is|are|was|were) (?:likely|expected|due|set) to|would)\b"
    r"|(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أعلن|أعلنت|أضاف|أضافت|ذكر|ذكرت|أشار|أشارت)(?!\w)",
    re.I,
)
_REPORT_MIN_WORDS = 10


def _reports(text: str) -> bool:
    """A sentence of ten words or more that reports, in no outlet's or reader's voice."""
    return (
        len(text.split()) >= _REPORT_MIN_WORDS
        and _REPORTS.search(text) is not None
        and ADDRESSED.search(text) is None
    )


class KnowsLearnedLines(Protocol):
    """What cleaning asks of a learner."""

    def learned_as(self, source: str, line: str) -> str | None: ...


class LearnedLines:
    """The lines learned for one source at one moment: all a worker process needs to know.

    ``is_learned`` answers as the learner did when the snapshot was taken.
    """

    def __init__(
        self,
        source: str,
        texts: Iterable[str],
        max_len: int = MAX_LEARNED_LEN,
        shared: Iterable[str] = (),
    ) -> None:
        self.source = source or ""
        self.texts = frozenset(texts)
        self.shared = frozenset(shared)
        self.max_len = max_len

    def learned_as(self, source: str, line: str) -> str | None:
        text = normalise(line)
        if not text or len(text) > self.max_len:
            return None
        if (source or "") == self.source and text in self.texts:
            return LEARNED
        return LEARNED_SHARED if text in self.shared else None

    def is_learned(self, source: str, line: str) -> bool:
        return self.learned_as(source, line) is not None


class BoilerplateLearner:
    """Counts, per source, in how many different articles each short line occurs; and, over
    all sources, in how many different sources.

    A line becomes boilerplate of a source once it has been seen in ``threshold`` different
    articles of that source (the same article seen twice counts once). It becomes chrome for
    every source once it has been seen in articles of ``sources`` different sources, whatever
    its words; there, an article counts only if its longest line differs from those of the
    articles already counted (a wire story republished by several outlets repeats all of its
    paragraphs, and they are content), and only lines of one sentence without quotation
    marks are learned (outlets quote the same statement verbatim), never one that reports
    (a follow-up story's background paragraph, repeated verbatim). ``threshold=0`` /
    ``sources=0`` disable each. Memory stays bounded: lines are kept as hashes with a count,
    the text only once learned, and at most ``max_tracked`` lines per source and across
    sources (past that, lines seen once are forgotten).
    """

    def __init__(
        self,
        threshold: int = 5,
        max_len: int = MAX_LEARNED_LEN,
        max_tracked: int = MAX_TRACKED_LINES,
        sources: int = 0,
    ) -> None:
        self.threshold = max(0, int(threshold))
        self.sources = max(0, int(sources))
        self.max_len = max_len
        self.max_tracked = max_tracked
        # line hash -> the (source, article signature) hashes it was counted in
        self._shared_seen: dict[int, tuple[tuple[int, int], ...]] = {}
        self._shared_texts: dict[int, str] = {}
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
        # normalised once for both tables (this runs in the crawl process, once per item)
        texts = [t for t in (normalise(x) for x in lines) if t]
        if self.sources:
            self._observe_shared(source, texts)
        if not self.threshold:
            return
        table = self._seen[source or ""]
        article = hash(article_id)
        for text in texts:
            if len(text) > self.max_len:
                continue
            key = hash(text)
            count, last = table.get(key, (0, 0))
            if count < self.threshold and (count == 0 or last != article):
                count += 1
                table[key] = (count, article)
                if count >= self.threshold:
                    self._texts[source or ""][key] = text
        if len(table) > self.max_tracked:
            for key in [k for k, (count, _) in table.items() if count <= 1]:
                del table[key]

    def _observe_shared(self, source: str, texts: list[str]) -> None:
        """``texts``: the article's kept lines, normalised, none empty."""
        if not texts:
            return
        here = (hash(source or ""), hash(max(texts, key=len)))
        table = self._shared_seen
        for text in set(texts):
            if len(text) > self.max_len or _QUOTES.intersection(text) or several_sentences(text):
                continue
            if _reports(text):
                continue
            key = hash(text)
            seen = table.get(key, ())
            if len(seen) >= self.sources or any(s == here[0] or a == here[1] for s, a in seen):
                continue
            seen = (*seen, here)
            table[key] = seen
            if len(seen) >= self.sources:
                self._shared_texts[key] = text
        if len(table) > self.max_tracked:
            for key in [k for k, seen in table.items() if len(seen) <= 1]:
                del table[key]

    def learned_as(self, source: str, line: str) -> str | None:
        """``learned`` (this source's boilerplate), ``learned_shared`` (chrome across
        sources) or None."""
        found = self._key(line)
        if found is None:
            return None
        if self.threshold:
            seen = self._seen.get(source or "", {}).get(found[0])
            if seen is not None and seen[0] >= self.threshold:
                return LEARNED
        if self.sources and len(self._shared_seen.get(found[0], ())) >= self.sources:
            return LEARNED_SHARED
        return None

    def is_learned(self, source: str, line: str) -> bool:
        return self.learned_as(source, line) is not None

    def snapshot(self, source: str) -> LearnedLines | None:
        """The lines learned for ``source`` so far (its own and the shared ones), None when
        there are none."""
        learned: list[str] = []
        texts = self._texts.get(source or "") if self.threshold else None
        if texts:
            seen = self._seen.get(source or "", {})
            learned = [t for k, t in texts.items() if seen.get(k, (0, 0))[0] >= self.threshold]
        shared = list(self._shared_texts.values()) if self.sources else []
        if not learned and not shared:
            return None
        return LearnedLines(source, learned, self.max_len, shared)

    def shared(self) -> list[str]:
        """Lines learned as chrome across sources."""
        return sorted(self._shared_texts.values()) if self.sources else []

    def learned(self) -> dict[str, list[str]]:
        """Learned lines per source (sources with none are left out)."""
        out: dict[str, list[str]] = {}
        for source, texts in self._texts.items():
            if texts and self.threshold:
                out[source] = sorted(texts.values())
        return out
