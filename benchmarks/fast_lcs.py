"""rouge-score's ROUGE-LSum with its union-LCS computed on numpy arrays.

``rouge_score.rouge_scorer`` computes, for every reference sentence, an LCS table against
every candidate sentence in pure Python: a 5,000-word article takes minutes. This module
swaps in a function with the same inputs, outputs and tie-breaking (the same backtrack
over the same table), whose tables are built one reference row at a time over all
candidate sentences at once, so the scores are the package's own, in milliseconds.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_CACHE: dict[int, tuple[Any, ...]] = {}


def _candidates(c_list: list[list[str]], vocab: dict[str, int]) -> tuple[Any, ...]:
    key = id(c_list)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is c_list:
        return cached
    ids: list[int] = []
    starts: list[int] = []  # column of each sentence's zero column
    for sentence in c_list:
        starts.append(len(ids))
        ids.append(-1)  # the zero column before each sentence
        ids.extend(vocab.setdefault(t, len(vocab)) for t in sentence)
    tokens = np.array(ids, dtype=np.int64)
    boundary = tokens == -1
    segment = np.cumsum(boundary) - 1
    cached = (c_list, tokens, boundary, segment, starts)
    _CACHE.clear()
    _CACHE[key] = cached
    return cached


def union_lcs(ref: list[str], c_list: list[list[str]]) -> list[str]:
    """``rouge_score.rouge_scorer._union_lcs``: the tokens of ``ref`` in the union of its
    LCS (as rouge-score backtracks it) with each candidate sentence."""
    if not ref or not c_list:
        return []
    vocab: dict[str, int] = _VOCAB
    _, tokens, boundary, segment, starts = _candidates(c_list, vocab)
    m = len(ref)
    offset = segment * (m + 1)  # keeps each sentence's running maximum to itself
    table = np.zeros((m + 1, len(tokens)), dtype=np.int64)
    prev = table[0]
    for i in range(1, m + 1):
        eq = tokens == vocab.get(ref[i - 1], -2)
        diag = np.empty_like(prev)
        diag[0] = 0
        diag[1:] = prev[:-1] + eq[1:]
        row = np.maximum(prev, diag)
        row[boundary] = 0
        row = np.maximum.accumulate(row + offset) - offset
        table[i] = row
        prev = row
    hits: set[int] = set()
    ends = [*starts[1:], len(tokens)]
    for k, sentence in enumerate(c_list):
        a, b = starts[k], ends[k]
        if not sentence or table[m, b - 1] == 0:
            continue
        t = table[:, a:b].tolist()  # column 0 is the zero column
        i, j = m, len(sentence)
        while i > 0 and j > 0:
            if ref[i - 1] == sentence[j - 1]:
                hits.add(i - 1)
                i -= 1
                j -= 1
            elif t[i][j - 1] > t[i - 1][j]:
                j -= 1
            else:
                i -= 1
    return [ref[i] for i in sorted(hits)]


_VOCAB: dict[str, int] = {}


class FastRougeLsum:
    """``RougeScorer(["rougeLsum"]).score`` with the package's union-LCS swapped for
    ``union_lcs`` while it scores (and only then: the package is left as it was)."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._module = rouge_scorer
        self._scorer = rouge_scorer.RougeScorer(["rougeLsum"])

    def score(self, target: str, prediction: str) -> dict[str, Any]:
        original = self._module._union_lcs
        self._module._union_lcs = union_lcs
        try:
            return self._scorer.score(target, prediction)
        finally:
            self._module._union_lcs = original


def fast_scorer() -> FastRougeLsum:
    """A ROUGE-LSum scorer giving rouge-score's own scores, on numpy."""
    return FastRougeLsum()
