"""Which rules can match a line at all, found in one pass over the line.

Every line of every article meets every rule; almost none matches, and most of the cleaner's
time went into regular expressions failing (a sentence shape is tried on every sentence of
every paragraph). A rule's pattern says which literal strings a match must contain: a
``[^.!?]{0,80}\\b(?:press|hit|tap|click) (?:the )?play`` match contains ``play``, a
``(?:sign up|subscribe) to our (?:newsletter|briefing)`` match one of ``to our newsletter`` and
``to our briefing``. :func:`required_factors` reads them from the pattern's parse tree (no
hand-written list to keep in step with the rules); :class:`RuleIndex` finds, in one
Aho-Corasick pass over the line (pyahocorasick), which rules' strings it contains. A rule
whose strings are absent is not tried: it could not have matched, so what the cleaner
removes is exactly what it removed before (tests/test_noise_prefilter.py compares every rule
with and without the index over real and made-up lines).

Lines and factors are compared in one form, :func:`prefilter_form`: Arabic marks folded
away, case folded (with the dotted and dotless i that ``re.IGNORECASE`` equates with ``i``).
Each step maps characters one by one, so a string inside a line stays inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from newsbot.cleaning.text import fold_arabic_marks

try:  # Python 3.11+
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

# re.IGNORECASE makes `i` match the Turkish dotted and dotless i, which case-fold elsewhere
_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})
# past these sizes a set of strings is no longer worth tracking (a class of 26 letters, the
# product of three alternations): the node is treated as matching anything
_MAX_STRINGS = 256
_MAX_BRANCH = 2048
_MAX_CLASS = 16
_MAX_LENGTH = 60


def prefilter_form(text: str) -> str:
    """``text`` as lines and factors are compared: Arabic marks folded away, case folded."""
    return fold_case(fold_arabic_marks(text))


def fold_case(folded: str) -> str:
    """:func:`prefilter_form` of a text whose Arabic marks are folded away already."""
    return folded.translate(_TURKISH_I).casefold()


@dataclass(frozen=True)
class _Info:
    """What a piece of pattern can match: every string it matches (``exact``, when few), and
    strings one of which each of its matches contains (``factors``)."""

    exact: frozenset[str] | None
    factors: frozenset[str] | None


_NOTHING = frozenset({""})
_ANYTHING = _Info(None, None)
_EMPTY = _Info(_NOTHING, None)


def required_factors(pattern: str | re.Pattern[str], flags: int = 0) -> frozenset[str] | None:
    """Strings (in :func:`prefilter_form`) one of which every match of ``pattern`` contains;
    None when the pattern can match without any (``{name}``, ``[^.!?]{1,40}``)."""
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source = pattern
    try:
        tree = _parse.parse(source, flags)
    except Exception:  # noqa: BLE001 - an unreadable tree only costs the shortcut
        return None
    return _best(_sequence(list(tree)))


def _best(info: _Info) -> frozenset[str] | None:
    return _pick([info.factors, info.exact])


def _pick(candidates: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The most telling usable set: its shortest string longest, then the fewest strings."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))


def _sequence(items: Sequence[tuple[Any, Any]]) -> _Info:
    candidates: list[frozenset[str] | None] = []
    run: frozenset[str] | None = frozenset({""})
    whole = True  # every item's strings known: the sequence's are their product
    for info in _infos(items):
        if info.exact is None:
            candidates += [run, info.factors]
            run, whole = frozenset({""}), False
            continue
        joined = _product(run, info.exact)
        if joined is None:  # too many: what we have is one candidate, start again
            candidates.append(run)
            run, whole = info.exact, False
        else:
            run = joined
        candidates.append(info.factors)
    candidates.append(run)
    return _Info(run if whole else None, _pick(candidates))


def _infos(items: Sequence[tuple[Any, Any]]) -> Iterator[_Info]:
    """Each item's :class:`_Info`, a run of literal characters taken as one string."""
    letters: list[str] = []
    for op, av in items:
        if op == _sre.LITERAL:
            letters.append(chr(av))
            continue
        if letters:
            yield _Info(frozenset({prefilter_form("".join(letters))}), None)
            letters = []
        yield _node(op, av)
    if letters:
        yield _Info(frozenset({prefilter_form("".join(letters))}), None)


def _product(a: frozenset[str] | None, b: frozenset[str]) -> frozenset[str] | None:
    if a is None or len(a) * len(b) > _MAX_STRINGS:
        return None
    if a == _NOTHING:
        return b if all(len(s) <= _MAX_LENGTH for s in b) else None
    joined = frozenset(x + y for x, y in product(a, b))
    if any(len(s) > _MAX_LENGTH for s in joined):
        return None
    return joined


def _node(op: Any, av: Any) -> _Info:
    if op == _sre.LITERAL:
        return _Info(frozenset({prefilter_form(chr(av))}), None)
    if op == _sre.IN:
        return _Info(_class_chars(av), None)
    if op in (_sre.AT, _sre.ASSERT_NOT):
        return _EMPTY
    if op == _sre.ASSERT:  # a lookahead's match lies in the line too, but takes no room
        return _Info(frozenset({""}), _best(_sequence(list(av[1]))))
    if op == _sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op == getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op == _sre.BRANCH:
        return _branch([_sequence(list(s)) for s in av[1]])
    if op in _REPEATS:
        return _repeat(*av)
    return _ANYTHING  # any character, a category, a group reference


_REPEATS = tuple(
    op
    for op in (
        _sre.MAX_REPEAT,
        _sre.MIN_REPEAT,
        getattr(_sre, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)


def _branch(infos: list[_Info]) -> _Info:
    exact: frozenset[str] | None = None
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos if i.exact is not None))
        exact = union if len(union) <= _MAX_STRINGS else None
    bests = [_best(i) for i in infos]
    factors = None
    if all(b is not None for b in bests):
        union = frozenset().union(*(b for b in bests if b is not None))
        factors = union if len(union) <= _MAX_BRANCH else None
    return _Info(exact, factors)


def _repeat(low: int, high: Any, sub: Any) -> _Info:
    inner = _sequence(list(sub))
    if low == 0:
        if high == 1 and inner.exact is not None:  # optional: its strings or nothing
            return _Info(inner.exact | {""}, None)
        return _ANYTHING
    exact = None
    if low == high and inner.exact is not None:
        exact = inner.exact
        for _ in range(low - 1):
            exact = _product(exact, inner.exact)
            if exact is None:
                break
    return _Info(exact, _best(inner))


def _class_chars(items: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op == _sre.LITERAL:
            chars.add(prefilter_form(chr(av)))
        elif op == _sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(prefilter_form(chr(c)) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \s), a wide range
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


class RuleIndex:
    """The required strings of the rules' alternatives in one automaton: which alternatives a
    line could match.

    Slots are the alternatives in the order they were given (``Split.parts`` of the rules in
    newsbot/cleaning/rules.py); an alternative without required strings is not in the index
    and is always tried. The automaton is built on first use, so the index pickles small (it
    travels to the worker processes with the rules).
    """

    def __init__(self, factors: Sequence[frozenset[str]]) -> None:
        self.factors = tuple(factors)
        self._automaton: Any = None
        self.last: Any = None  # the line last looked up (NoiseRules.forms)

    def __getstate__(self) -> dict[str, Any]:
        return {"factors": self.factors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.factors = state["factors"]
        self._automaton = None
        self.last = None

    def hits(self, form: str) -> int:
        """The slots (a bit per slot) of the rules whose strings ``form`` contains."""
        mask = 0
        for _, bits in self._built().iter(form):
            mask |= bits
        return mask

    def _built(self) -> Any:
        if self._automaton is None:
            import ahocorasick

            bits: dict[str, int] = {}
            for slot, strings in enumerate(self.factors):
                for s in strings:
                    bits[s] = bits.get(s, 0) | (1 << slot)
            automaton = ahocorasick.Automaton()
            for s, mask in bits.items():
                automaton.add_word(s, mask)
            if bits:
                automaton.make_automaton()
            self._automaton = automaton if bits else _NoStrings()
        return self._automaton


class _NoStrings:
    def iter(self, form: str) -> list[tuple[int, int]]:
        return []
