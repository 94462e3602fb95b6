"""A learned layer: the outlet talking to its reader, in words nobody has listed.

The kinds (``settings/noise_kinds.toml``) know boilerplate by shapes someone wrote down. An
outlet's promo can avoid every one of them: "Your weekly dose of evidence-based health news
— no fads, no spam." Such a line still reads like a pitch: it speaks to the reader or for
the outlet, about what the outlet offers. This module scores a kept line with a logistic
regression over its words, word pairs and character n-grams, trained by
``python -m benchmarks.train_pitch_model`` on the labelled lines in ``tests/data/noise*``
(made-up records in many outlets' styles) and, where ``../shared`` is present, the lines of
real pages from the tuning publishers of fundus-eval. The trained weights ship next to this
file (``models/pitch-v<N>.json.gz``, a few hundred kilobytes) with what they were trained
on and the threshold chosen.

Only lines that could be a pitch are scored (:func:`could_be_pitch`):

- English lines that address the reader or speak for the outlet (``you``, ``your``, ``we``,
  ``our``, ``let's`` ...), unless their only such word is a ``we`` telling what the newsroom
  did (``We obtained the readings ...``, a past tense: the story's method): a sign-off
  ("Reporting by ...; Editing by ..."), a correction or
  a contributor line does neither, and real pages' marked bodies keep those;
- Arabic lines (second person and the outlet's ``نا`` are suffixes there, so every Arabic
  line is scored);
- of four to forty words (a pitch is short, a paragraph of copy often is not), six or more
  if the line does not end a sentence: a label or a subheading ("Spice up your life" over a
  live blog's entry) is the structural and record layers' business;
- not a numbered step ("1. Log in with your digital ID"): a list of the copy's.

A line of several sentences goes only if its first sentence scores as a pitch too: a
paragraph of copy with a promo glued to its end keeps its copy.

Pure Python at run time (no scikit-learn): features are strings, the model a dict of their
weights. Removals are attributed to ``model:pitch``.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from newsbot.cleaning.text import (
    NUMBERED_STEP,
    fold_arabic_marks,
    in_quotation,
    quotes_someone,
    sentences,
)

RULE = "model:pitch"
MODEL_FILE = "pitch-v1.json.gz"
FEATURE_VERSION = 1

_TOKEN = re.compile(r"\w+|[$£€%@#©]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ADDRESS = re.compile(
    r"\b(?:you|your|yours|yourself|you['’](?:re|ll|ve|d)|we|our|ours|(?-i:us)"
    r"|we['’](?:re|ll|ve|d)|let['’]s)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\bwe (?:also |then |later |first |have |had )?"
    r"(?:(?!need|feed|speed|breed|proceed|succeed|exceed|tested|used|reviewed|tried|rated|ranked"
    r"|picked|loved|liked|recommended|compared)[a-z]+ed|found|spoke|got|sent|took"
    r"|made|saw|went|met|heard|told|wrote|built|chose|ran|began|brought|caught|drove|gave|kept"
    r"|left|lost|paid|put|sat|sold|spent|stood|taught|thought|won|knew)\b",
    re.I,
)
_ARABIC_REPORTS = re.compile(
    r"(?:[وف])?(?:قال|أعلن|اعلن|أكد|اكد|قرر|أصدر|اصدر|ألزم|الزم|أفاد|افاد|ذكر|كشف|أوضح|اوضح"
    r"|أشار|اشار|أضاف|اضاف|رفض|وافق|طالب|دعا|دعت|قضت|قضى|حكم|أمر|امر|أصدرت|نشر|رصد|سجل)"
    r"(?:ت)?\s+(?:ال|[\u0621-\u064a]+\s+ال)[\u0621-\u064a]{2,}"
)
_MIN_WORDS = 4
_MAX_WORDS = 40  # 11 of 13,000 labelled noise lines are longer; paragraphs of copy often are
_MIN_WORDS_UNPUNCTUATED = 6  # "Spice up your life": a live blog's subheading, not a pitch
_SENTENCE_END = tuple(".!?؟…")


def features(text: str) -> set[str]:
    """The line's features: words, word pairs, first and last word, character 3-5-grams
    inside words, its closing mark and its length band. Case and Arabic vowel marks folded."""
    folded = fold_arabic_marks(text).lower()
    words = _TOKEN.findall(folded)
    found: set[str] = set()
    for word in words:
        found.add("w:" + word)
        padded = f" {word} "
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                found.add("c:" + padded[i : i + n])
    for first, second in zip(words, words[1:], strict=False):
        found.add(f"b:{first} {second}")
    if words:
        found.add("f:" + words[0])
        found.add("l:" + words[-1])
    stripped = text.rstrip()
    last = stripped[-1:] or " "
    found.add("end:" + ("w" if last.isalnum() else last))
    found.add(f"len:{min(len(words) // 4, 8)}")
    return found


def could_be_pitch(text: str) -> bool:
    """Whether the model is asked about this line at all (see the module's docstring)."""
    words = len(text.split())
    if not _MIN_WORDS <= words <= _MAX_WORDS or NUMBERED_STEP.match(text) is not None:
        return False
    if words < _MIN_WORDS_UNPUNCTUATED and not text.rstrip().endswith(_SENTENCE_END):
        return False
    if _ARABIC.search(text) is not None:
        # `ألزمت المحكمة ... بوقف إعادة نشر ...`: a sentence opening on what someone named did
        # (a past verb, then its subject) reports; a pitch asks the reader or speaks for the
        # outlet (`تابعونا`, `اشترك`, `حمّل`), it never opens so (noise set 331)
        return _ARABIC_REPORTS.match(fold_arabic_marks(text)) is None
    found = [m.group(0) for m in _ADDRESS.finditer(text)]
    if not found:
        return False
    # `We obtained hourly readings for every sensor.`: the newsroom telling what it did, in
    # the past tense, is the story's method, never a pitch (no `you`, `our`, `us` beside it;
    # a review's `the phones we tested` is a shop's promo)
    reported = len(_REPORTED.findall(text))
    return not (reported and reported == len(found))


_QUESTION = ("?", "؟")
_SENTENCE_PITCH = 0.5  # a sentence of a pitch line that scores this or more is part of the pitch


@dataclass(frozen=True)
class PitchModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    version: int
    trained_on: dict[str, Any]

    def score(self, text: str) -> float:
        """The probability that ``text`` is a pitch, 0..1."""
        found = features(text)
        if not found:
            return 0.0
        scale = 1 / math.sqrt(len(found))
        z = self.bias + scale * sum(self.weights.get(f, 0.0) for f in found)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def is_pitch(self, text: str) -> bool:
        if not could_be_pitch(text) or self.score(text) < self.threshold:
            return False
        parts = sentences(text)
        return len(parts) < 2 or self.score(parts[0]) >= _SENTENCE_PITCH

    def without_pitch(self, text: str) -> str | None:
        """None when nothing of ``text`` is a pitch; else what stays of it: ``""`` when the
        whole line goes, or the copy between pitch sentences at its start and its end.

        A line that reads as a pitch loses its sentences at either end that score as part
        of it (`This article is part of our series, produced with X. Users can ...`: the copy
        the note was glued to stays); in a line that does not, a sentence at either end goes
        only if it passes as a pitch on its own (`... rose 8%. You're reading our weekly
        Harbour Notes.`). Pitch and copy interleaved: the line is the outlet's."""
        whole = self.is_pitch(text)
        parts = sentences(text)
        if len(parts) < 2:
            return "" if whole else None
        scored = [self.score(p) >= _SENTENCE_PITCH for p in parts] if whole else []
        quoted = [] if whole else in_quotation(parts)

        def pitch(i: int) -> bool:
            if whole:
                return scored[i]
            # asked from either end; someone's words are the story's, whatever they say
            part = parts[i]
            return (
                could_be_pitch(part)
                and not quoted[i]
                and not quotes_someone(part)
                and self.score(part) >= self.threshold
            )

        start, end = 0, len(parts)
        while start < end and pitch(start):
            start += 1
        while end > start and pitch(end - 1):
            end -= 1
        # an ask that follows the story's question to the reader answers it (`Who are you
        # looking forward to watching? Let us know in the comments below!`): it stays
        if not whole and start < end < len(parts) and parts[end - 1].endswith(_QUESTION):
            end = len(parts)
        if start == 0 and end == len(parts):
            return "" if whole else None
        if whole and any(scored[start:end]):  # pitch and copy interleaved: the outlet's line
            return ""
        return " ".join(parts[start:end])

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "feature_version": FEATURE_VERSION,
            "threshold": self.threshold,
            "bias": self.bias,
            "trained_on": self.trained_on,
            "weights": self.weights,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PitchModel:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"pitch model has features v{data.get('feature_version')}, "
                f"this code computes v{FEATURE_VERSION}: retrain it"
            )
        return cls(
            weights={k: float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            version=int(data["version"]),
            trained_on=dict(data.get("trained_on", {})),
        )


@cache
def shipped_model() -> PitchModel:
    """The model that ships with the package (loaded once per process)."""
    raw = files("newsbot.cleaning").joinpath("models", MODEL_FILE).read_bytes()
    return PitchModel.from_json(json.loads(gzip.decompress(raw)))
