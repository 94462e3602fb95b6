"""Boilerplate recognised by what it is: the kinds in ``settings/noise_kinds.toml``, compiled.

Each kind (calls to action, rights notices, consent placeholders, media credits, widgets,
glued link labels...) is a set of sentence shapes over a per-language vocabulary. They become
ordinary cleaning rules named ``kind:<id>``, run after the outlets' rules of ``noise.toml``:

- ``sentence`` patterns remove a line that is one such sentence, or drop the sentence from
  the paragraph it sits in;
- ``line`` patterns remove a whole line only (a short label, a credit, a byline); with
  ``span = "list"`` the line heads a list, and the headline-shaped lines after it go too
  (``More climate news`` and the links under it), as an outlet's rail rule does;
- ``inline`` patterns cut a glued fragment out of its sentence;
- ``caption`` patterns are labels (``Image caption, ...``) whose rest is a picture caption;
- ``credit`` patterns are picture credits that end a caption (``... in Paris. (Jane Roe/AP)``):
  a line ending with one is a caption, however many sentences it has; alone, it is removed;
- ``remainder`` patterns are what a notice or a promo says besides its recognised sentence
  (``Here's how it works.`` after a commission notice): a paragraph that lost a sentence to
  noise goes whole when every sentence left is one of them; never tried on other text;
- ``brief`` patterns are sentences that are noise when they stand in a short paragraph (one
  or two sentences): an ask of the reader that names the outlet's channels, whatever its word
  order. A long paragraph's sentence that speaks to the reader is a story's (a live blog's
  ``join us``, a review's ``you``), so they are never tried there;
- ``own`` patterns are sentences that name the outlet itself, the record's source, written
  ``{outlet}`` (``{outlet} is part of ...``, ``Follow {outlet} on Telegram``): they are
  tried only on a sentence that names the source, with the name marked. The same words
  with another name are a story's (``Acme is part of the Smith Group``).

Sentences are matched with Arabic diacritics and tatweel folded away (``حمّل`` is ``حمل``), so
patterns are written without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsbot.cleaning.lazy import LazyRegex
from newsbot.cleaning.pattern_cache import PatternCache
from newsbot.cleaning.prefilter import prefilter_form
from newsbot.cleaning.rules import NoiseRulesError, OutletRule
from newsbot.cleaning.text import fold_arabic_marks
from newsbot.usage import did_you_mean, short

LAYER = "kind"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Emoji, arrows and bullets an outlet puts before a promo (`⚽ Download the app`, `👉 Follow
# us`): a whole-line or sentence shape matches after them too.
_SYMBOLS = r"(?:[^\w\s\"“”‘’'«»(\[$£€#@%&*+=<>/\\-]{1,6}\s*)?"

# Steps whose patterns match a whole line or sentence: an emoji or bullet may lead them, and
# they are matched with Arabic marks folded away.
_WHOLE_TEXT_STEPS = ("sentence", "line", "remainder", "brief", "own")


@dataclass(frozen=True)
class KindRules:
    """The compiled kinds: rules for the cleaner's line, inline and caption-label steps."""

    lines: tuple[OutletRule, ...] = ()
    inline: tuple[OutletRule, ...] = ()
    caption_labels: tuple[OutletRule, ...] = ()
    credits: tuple[OutletRule, ...] = ()
    remainders: tuple[OutletRule, ...] = ()
    briefs: tuple[OutletRule, ...] = ()
    own: tuple[OutletRule, ...] = ()


def _vocab(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Per language: placeholder name -> regex alternation (``""``: the shared names only)."""
    table = data.get("vocab") or {}
    sensitive = {str(n) for n in table.get("case_sensitive", []) if isinstance(n, str)}
    shared = table.get("all") or {}
    out: dict[str, dict[str, str]] = {}
    for lang, words in table.items():
        if not isinstance(words, dict) or lang == "all":
            continue
        merged = {**shared, **words}
        out[lang] = {name: _alternation(name, items, sensitive) for name, items in merged.items()}
    out.setdefault("", {n: _alternation(n, v, sensitive) for n, v in shared.items()})
    return out


def _alternation(name: str, items: Any, sensitive: set[str]) -> str:
    """Case-sensitive names are literal words (``X`` the platform); the others are regexes."""
    if isinstance(items, str):
        items = [items]
    parts = sorted((str(i) for i in items if isinstance(i, str) and i), key=len, reverse=True)
    body = "|".join(re.escape(p) if name in sensitive else p for p in parts) or r"(?!x)x"
    return f"(?-i:{body})" if name in sensitive else f"(?:{body})"


def _expand(pattern: str, words: dict[str, str], where: str) -> str:
    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in words:
            raise NoiseRulesError(
                f"{where}: unknown vocabulary {{{m.group(1)}}}{did_you_mean(m.group(1), words)}"
            )
        return words[m.group(1)]

    return fold_arabic_marks(_PLACEHOLDER.sub(fill, pattern))


def _compiled(
    kind: dict[str, Any],
    step: str,
    vocab: dict[str, dict[str, str]],
    where: str,
    cache: PatternCache | None,
) -> tuple[LazyRegex, tuple[str, ...]] | None:
    """The step's patterns as one regex, and each alone (for the rules' index)."""
    table = kind.get(step) or {}
    if not isinstance(table, dict):
        raise NoiseRulesError(f"{where}: [{step}] must be a table of languages")
    alternatives: list[tuple[str, str, str]] = []
    for lang, patterns in table.items():
        if isinstance(patterns, str):
            patterns = [patterns]
        words = vocab.get(lang, vocab.get("", {}))
        for p in patterns:
            alternatives.append(
                (str(p), str(lang), _expand(str(p), words, f"{where} {step}.{lang}"))
            )
    if not alternatives:
        return None
    lead = _SYMBOLS if step in _WHOLE_TEXT_STEPS else ""
    joined = "|".join(f"(?:{source})" for _, _, source in alternatives)
    try:
        pattern = f"{lead}(?:{joined})"
        regex = cache.regex(pattern, re.I) if cache else LazyRegex.of(re.compile(pattern, re.I))
        return regex, tuple(f"{lead}(?:{source})" for _, _, source in alternatives)
    except re.error:
        for p, lang, source in alternatives:  # name the culprit
            try:
                re.compile(source, re.I)
            except re.error as exc:
                raise NoiseRulesError(f"{where} {step}.{lang}: bad pattern {p!r}: {exc}") from exc
        raise


# what a kind's table may hold: its description, its switches and the steps' tables
_KIND_KEYS = frozenset(
    {"id", "what", "enabled", "span", "line_max", "needs"}
    | {"sentence", "line", "inline", "caption", "credit", "remainder", "brief", "own"}
)


def compile_kinds(data: dict[str, Any], cache: PatternCache | None = None) -> KindRules:
    """The kinds of a parsed ``noise_kinds.toml`` (``cache``: patterns known to compile)."""
    vocab = _vocab(data)
    lines: list[OutletRule] = []
    inline: list[OutletRule] = []
    labels: list[OutletRule] = []
    credits: list[OutletRule] = []
    remainders: list[OutletRule] = []
    briefs: list[OutletRule] = []
    own: list[OutletRule] = []
    for n, kind in enumerate(_kinds(data), 1):
        where = f"noise kind #{n} ({kind.get('id', '?')})"
        if not kind.get("id"):
            raise NoiseRulesError(f"{where}: needs an id")
        unknown = sorted(set(kind) - _KIND_KEYS)
        if unknown:
            # `[kind.sentense]`: a table no step reads would leave the kind without its shapes
            raise NoiseRulesError(
                f"{where}: unknown key or table {unknown[0]!r}"
                f"{did_you_mean(unknown[0], sorted(_KIND_KEYS))}"
            )
        enabled = kind.get("enabled", True)
        if not isinstance(enabled, bool):
            raise NoiseRulesError(
                f"{where}: enabled = {short(enabled)} is not true or false (write enabled = false)"
            )
        if enabled is False:
            continue  # described, measured, but switched off (see the kind's comment)
        what = str(kind.get("what", ""))
        needs = _needs(kind, where)
        span = kind.get("span", "line")
        if span not in ("line", "list"):
            raise NoiseRulesError(
                f"{where}: span = {short(span)} is not one of: line, list"
                f"{did_you_mean(str(span), ('line', 'list'))}"
            )
        line_max = kind.get("line_max")
        if line_max is not None and (not isinstance(line_max, int) or line_max < 1):
            raise NoiseRulesError(f"{where}: line_max must be a positive number of characters")
        for step, kind_of, into in (
            ("sentence", "line", lines),
            ("line", "line", lines),
            ("inline", "inline", inline),
            ("caption", "caption", labels),
            ("credit", "credit", credits),
            ("remainder", "line", remainders),
            ("brief", "line", briefs),
            ("own", "line", own),
        ):
            compiled = _compiled(kind, step, vocab, where, cache)
            if compiled is not None:
                regex, alternatives = compiled
                into.append(
                    OutletRule(
                        id=str(kind["id"]),
                        outlet=what,
                        kind=kind_of,
                        regex=regex,
                        teaser=step == "sentence",
                        layer=LAYER,
                        fold=step in _WHOLE_TEXT_STEPS,
                        needs=needs if step in ("sentence", "line") else (),
                        max_len=line_max if step == "line" else None,
                        span=span if step == "line" else "line",
                        alternatives=alternatives,
                    )
                )
    return KindRules(
        tuple(lines),
        tuple(inline),
        tuple(labels),
        tuple(credits),
        tuple(remainders),
        tuple(briefs),
        tuple(own),
    )


def _needs(kind: dict[str, Any], where: str) -> tuple[str, ...]:
    """The kind's prefilter: strings one of which a line must contain (all languages)."""
    table = kind.get("needs") or {}
    if not isinstance(table, dict):
        raise NoiseRulesError(f"{where}: [needs] must be a table of languages")
    found: list[str] = []
    for words in table.values():
        for w in [words] if isinstance(words, str) else words:
            if isinstance(w, str) and w:
                found.append(prefilter_form(w))
    return tuple(dict.fromkeys(found))


def _kinds(data: dict[str, Any]) -> Iterable[dict[str, Any]]:
    kinds = data.get("kind") or []
    if not isinstance(kinds, list):
        raise NoiseRulesError("noise kinds: [[kind]] must be an array of tables")
    return [k for k in kinds if isinstance(k, dict)]
