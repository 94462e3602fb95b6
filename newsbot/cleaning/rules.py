"""Noise rules: the site's chrome (from its profile) and outlets' noise (from noise.toml).

The outlet and kind layers are the same for every site; the site layer comes from the
:class:`~newsbot.profiles.SiteProfile` of the aggregator an item was found on. Items found on
no aggregator (a publisher's page read on its own) get no site layer: ``site=None``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from newsbot.cleaning.config import default_kinds_path, default_noise_path, read_toml
from newsbot.cleaning.lazy import LazyRegex
from newsbot.cleaning.pattern_cache import PatternCache
from newsbot.cleaning.pitch_model import PitchModel, shipped_model
from newsbot.cleaning.prefilter import RuleIndex, fold_case
from newsbot.cleaning.text import fold_arabic_marks, fold_arabic_marks_with_positions, normalise
from newsbot.profiles import SiteProfile
from newsbot.usage import did_you_mean, one_of, short

KINDS = ("phrase", "line", "inline", "credit")
SPANS = ("line", "list", "rest", "follow")


class NoiseRulesError(ValueError):
    """A rule in the noise file or the profile is malformed."""


# distinct cut-down patterns kept per rule (lines hold few combinations of a rule's strings)
_SEARCHERS_MAX = 512


@dataclass(frozen=True)
class Split:
    """A rule's pattern as its alternatives, for :class:`~newsbot.cleaning.prefilter.RuleIndex`:
    those with required strings by slot (tried only on a line holding one of their strings;
    compiled when first tried), the others in one pattern (``always``, tried on every line)."""

    always: re.Pattern[str] | LazyRegex | None
    parts: dict[int, str]  # slot -> the alternative's source
    mask: int  # a bit per slot in ``parts``
    flags: int = re.I
    compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)
    # every alternative in the pattern's order, as (slot, source), slot -1 for an ``always``
    # one; empty when the pattern is not its alternatives joined (no :meth:`searcher`)
    layout: tuple[tuple[int, str], ...] = ()
    searchers: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def searcher(self, hits: int) -> re.Pattern[str] | LazyRegex | None:
        """The pattern cut to the alternatives a line holding ``hits`` could match, in their
        order (so ``finditer`` and ``match`` find what the whole pattern finds: the others
        cannot match anywhere in the line); None when none could. Searching a sentence with
        a kind's 118 glued-label shapes cost about 1 ms where the one it holds costs 0.01."""
        chosen = hits & self.mask
        if not chosen:
            return self.always
        regex = self.searchers.get(chosen)
        if regex is None:
            sources = [src for slot, src in self.layout if slot < 0 or chosen >> slot & 1]
            regex = re.compile("|".join(sources), self.flags)
            if len(self.searchers) < _SEARCHERS_MAX:
                self.searchers[chosen] = regex
        return regex

    def fullmatch(self, target: str, hits: int) -> bool:
        if self.always is not None and self.always.fullmatch(target) is not None:
            return True
        hit = hits & self.mask
        while hit:
            slot = hit.bit_length() - 1
            regex = self.compiled.get(slot)
            if regex is None:
                regex = self.compiled[slot] = re.compile(self.parts[slot], self.flags)
            if regex.fullmatch(target) is not None:
                return True
            hit ^= 1 << slot
        return False


@dataclass(frozen=True)
class OutletRule:
    """One rule of settings/noise.toml, compiled."""

    id: str
    outlet: str
    kind: str
    regex: re.Pattern[str] | LazyRegex  # lazy: a worker compiles what its lines need
    span: str = "line"
    teaser: bool = False
    follow: re.Pattern[str] | None = None
    layer: str = "outlet"  # "outlet" (noise.toml) or "kind" (noise_kinds.toml)
    fold: bool = False  # match whole lines with Arabic diacritics and tatweel folded away
    needs: tuple[str, ...] = ()  # a line must contain one of these (casefolded) to be tried
    max_len: int | None = None  # a longer line is never this rule's (a label, a byline)
    # the pattern's alternatives as sources (``regex`` is them joined), for the index
    alternatives: tuple[str, ...] = ()
    split: Split | None = None  # set by :func:`indexed`

    @property
    def name(self) -> str:
        return f"{self.layer}:{self.id}"

    def fullmatch(self, text: str) -> bool:
        """Whether the whole of ``text`` is this rule's noise."""
        return self.matches(LineForms(text))

    def matches(self, line: LineForms) -> bool:
        """:meth:`fullmatch` over a line's forms, folded once for all the rules."""
        if self.max_len is not None and len(line.text) > self.max_len:
            return False
        if self.needs:
            lowered = line.lowered  # once, not once per prefilter string
            for needed in self.needs:  # a loop: cheaper than any() over a generator
                if needed in lowered:
                    break
            else:
                return False
        target = line.folded if self.fold else line.text
        if self.split is not None and line.index is not None:
            return self.split.fullmatch(target, line.hits)
        return self.regex.fullmatch(target) is not None

    def searching(self, line: LineForms) -> re.Pattern[str] | LazyRegex | None:
        """The pattern to search ``line`` with: only the alternatives it could hold (see
        :meth:`Split.searcher`); None when it could hold none (not worth searching)."""
        split = self.split
        if split is None or line.index is None:
            return self.regex
        if not split.layout:
            return self.regex if split.always is not None or line.hits & split.mask else None
        return split.searcher(line.hits)


def first_match(
    rules: Iterable[OutletRule], line: LineForms, *, teasers: bool = False
) -> OutletRule | None:
    """The first of ``rules`` (of those that drop sentences, with ``teasers``) matching the
    whole line; rules whose required strings the line lacks are passed over unasked
    (the index's test, inlined: this loop runs for every line and rule)."""
    indexed = line.index is not None
    hits = line.hits if indexed else 0
    for rule in rules:
        if teasers and not rule.teaser:
            continue
        split = rule.split
        if indexed and split is not None and split.always is None and not hits & split.mask:
            continue
        if rule.matches(line):
            return rule
    return None


class LineForms:
    """A line as the rules read it: as written, with Arabic marks folded away, lower-cased
    (for the prefilters); each form computed once, when a rule first asks for it. With the
    rules' ``index``, the rules whose required strings the line holds are found once too."""

    __slots__ = ("_folded", "_hits", "_lowered", "_positions", "index", "text")

    def __init__(self, text: str, index: RuleIndex | None = None) -> None:
        self.text = text
        self.index = index
        self._folded: str | None = None
        self._lowered: str | None = None
        self._positions: list[int] | None = None
        self._hits: int | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_arabic_marks(self.text)
        return self._folded

    @property
    def positions(self) -> list[int]:
        """Where each character of :attr:`folded` stands in the text, then the text's end (to
        cut as written what matched folded)."""
        if self._positions is None:
            self._positions = [*fold_arabic_marks_with_positions(self.text)[1], len(self.text)]
        return self._positions

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = fold_case(self.folded)  # the Arabic marks are folded once
        return self._lowered

    @property
    def hits(self) -> int:
        """The index's slots (a bit each) whose required strings the line holds."""
        if self._hits is None:
            self._hits = self.index.hits(self.lowered) if self.index is not None else 0
        return self._hits


@dataclass(frozen=True)
class NoiseRules:
    """Everything the cleaner needs, compiled once per crawl."""

    chrome_block: frozenset[str]
    chrome_start: frozenset[str]
    chrome_lines: frozenset[str]
    icon_alt: frozenset[str]
    lone_markers: frozenset[str]
    listing_heading: re.Pattern[str] | None
    gallery_counter: re.Pattern[str]
    categories: frozenset[str]
    age_prefix: str
    known_sources: frozenset[str] = frozenset()
    #: the same names as the site prints them (a bare line must match the case: `What's on`
    #: heading a story's list is not the source `What's On`)
    known_source_names: frozenset[str] = frozenset()
    unreadable_ages: frozenset[str] = frozenset()
    lines: tuple[OutletRule, ...] = ()
    inline: tuple[OutletRule, ...] = ()
    credits: tuple[OutletRule, ...] = ()
    caption_labels: tuple[OutletRule, ...] = ()
    #: what a notice says besides its recognised sentence (kinds' ``remainder`` shapes)
    remainders: tuple[OutletRule, ...] = ()
    #: sentences that are noise in a short paragraph only (kinds' ``brief`` shapes)
    briefs: tuple[OutletRule, ...] = ()
    #: sentences that name the record's source, the outlet (kinds' ``own`` shapes)
    own: tuple[OutletRule, ...] = ()
    #: the site's "Related Articles" labels (folded): where its related section starts
    chrome_related: frozenset[str] = frozenset()
    outlets: dict[str, str] = field(default_factory=dict)
    #: The site whose chrome this holds (its profile name); None: no site layer.
    site: str | None = None
    #: The rules' required strings (:mod:`newsbot.cleaning.prefilter`); None: try every rule.
    index: RuleIndex | None = None
    #: The learned pitch layer (:mod:`newsbot.cleaning.pitch_model`); None: left out.
    pitch: PitchModel | None = None

    def forms(self, text: str) -> LineForms:
        """``text`` as these rules read it (with their index). The cleaner's steps ask for
        the same line in turn (whole-line rules, caption labels, credits, glued phrases):
        the last line's forms are kept, so its strings are looked up once."""
        index = self.index
        if index is None:
            return LineForms(text)
        last = index.last
        if last is not None and last.text == text:
            return last
        line = index.last = LineForms(text, index)
        return line


def _fold(s: str) -> str:
    return normalise(s).casefold()


def _build_chrome(site: SiteProfile | None) -> dict[str, Any]:
    block: set[str] = set()
    start: set[str] = set()
    other: set[str] = set()
    related: set[str] = set()
    headings: list[str] = []
    counters: list[str] = []
    for chrome in site.chrome.values() if site is not None else ():
        items = [normalise(x) for x in chrome.block]
        block.update(x.casefold() for x in items if x)
        # The block starts at its first entry, or at any entry that is long enough to be
        # unambiguous; short words ("Comments") end the body only next to other chrome.
        start.update(x.casefold() for i, x in enumerate(items) if i == 0 or len(x) >= 12)
        start.update(_fold(label) for label in (chrome.hashtags, chrome.related) if label)
        if chrome.related:
            related.add(_fold(chrome.related))
        other.update(normalise(x) for x in chrome.other)
        if chrome.listing_heading.strip():
            headings.append(re.escape(normalise(chrome.listing_heading)))
        counters.extend(chrome.gallery_counter)
    if not counters:
        counters = [r"Show all \d+"]
    # the source names as the site prints them; folded, as a bulleted slot is compared
    sources = frozenset(normalise(s) for s in site.known_sources) if site else frozenset()
    lone = {x for x in other if not any(ch.isalnum() for ch in x)}
    icons = {x.casefold() for x in other if x not in lone}
    heading = re.compile(r"(?:{})\s*\S*".format("|".join(headings)), re.I) if headings else None
    return {
        "chrome_block": frozenset(block),
        "chrome_start": frozenset(start),
        "chrome_related": frozenset(related),
        "chrome_lines": frozenset(block),
        "icon_alt": frozenset(icons),
        "lone_markers": frozenset(lone),
        "listing_heading": heading,
        "gallery_counter": re.compile("|".join(f"(?:{c})" for c in counters), re.I),
        "categories": frozenset(_fold(c) for c in site.categories) if site else frozenset(),
        "age_prefix": site.age_prefix if site is not None else "",
        "unreadable_ages": frozenset(_fold(s) for s in site.unreadable_ages)
        if site is not None
        else frozenset(),
        "known_sources": frozenset(name.casefold() for name in sources),
        "known_source_names": sources,
        "site": site.name if site is not None else None,
    }


def for_site(rules: NoiseRules, site: SiteProfile | None) -> NoiseRules:
    """``rules`` with the site layer of ``site`` (the outlet and kind layers unchanged)."""
    return replace(rules, **_build_chrome(site))


#: ``{name}`` in a pattern: a placeholder (only ``{agency}`` exists); ``{2,3}`` is a quantifier
_PLACEHOLDER = re.compile(r"(?<!\\)\{([A-Za-z_]\w*)\}")


_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _scoped(pattern: str, where: str) -> str:
    """A pattern that opens with global flags (``(?i)^subscribe now$``, valid alone) with
    them scoped to it: the rule's patterns are joined into one, where a global flag after
    the start is an error (Scrapy's start failed with a traceback)."""
    m = _GLOBAL_FLAGS.match(pattern)
    if m is None:
        return pattern
    flags = m.group(1)
    if set(flags) - set("imsx"):
        raise NoiseRulesError(
            f"{where}: {pattern!r} opens with ({flags}); only i, m, s and x can be set in a "
            "rule's pattern (its patterns are matched ignoring case already)"
        )
    return f"(?{flags}:{pattern[m.end() :]})"


def _compile(pattern: str, kind: str, agencies: str, where: str) -> re.Pattern[str]:
    for name in _PLACEHOLDER.findall(pattern):
        if name != "agency":
            raise NoiseRulesError(
                f"{where}: unknown placeholder {{{name}}} in {pattern!r}; "
                f"the only one is {{agency}}{did_you_mean(name, ['agency'])}"
            )
    pattern = pattern.replace("{agency}", agencies)
    source = re.escape(normalise(pattern)) if kind == "phrase" else pattern
    try:
        compiled = re.compile(source, re.I)
    except re.error as exc:
        raise NoiseRulesError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
    if kind != "phrase" and compiled.fullmatch("") is not None:
        raise NoiseRulesError(
            f"{where}: {pattern!r} matches an empty text, so it would match every line (or "
            "cut nothing but gaps): make it need at least one character of the boilerplate"
        )
    return compiled


def _follow(patterns: Any, where: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    if isinstance(patterns, str):
        patterns = [patterns]
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    except re.error as exc:
        raise NoiseRulesError(f"{where}: bad follow pattern: {exc}") from exc


def _outlet_rules(data: dict[str, Any]) -> Iterable[OutletRule]:
    names = (data.get("agencies") or {}).get("names", [])
    ordered = sorted((n for n in names if isinstance(n, str) and n), key=len, reverse=True)
    agencies = "|".join(re.escape(n) for n in ordered) or r"(?!x)x"
    for n, raw in enumerate(data.get("rule", []), 1):
        where = f"noise rule #{n} ({raw.get('id', '?')})"
        kind = raw.get("kind", "line")
        span = raw.get("span", "line")
        if not raw.get("id"):
            raise NoiseRulesError(f"{where}: needs an id")
        for key, value, allowed in (("kind", kind, KINDS), ("span", span, SPANS)):
            if value not in allowed:
                raise NoiseRulesError(
                    f"{where}: {key} = {short(value)} is not {one_of(allowed)}"
                    f"{did_you_mean(str(value), allowed)}"
                )
        patterns = raw.get("patterns") or ([raw["pattern"]] if "pattern" in raw else [])
        if isinstance(patterns, str):  # `patterns = '...'`: one pattern
            patterns = [patterns]
        elif patterns and isinstance(patterns[0], list):  # `pattern = [...]`: the list
            patterns = patterns[0]
        if not patterns:
            raise NoiseRulesError(f"{where}: no patterns")
        for p in patterns:
            # ops round 12: `pattern = [..., 3]` was a TypeError traceback, exit 1
            if not isinstance(p, str):
                raise NoiseRulesError(
                    f"{where}: pattern {short(p)} is not a string; write each pattern as "
                    "'...' (in a list: patterns = ['...', '...'])"
                )
        patterns = [_scoped(p, where) for p in patterns]
        if kind == "phrase":
            alternatives = tuple(
                f"(?:{_compile(p, kind, agencies, where).pattern})" for p in patterns
            )
        else:
            for p in patterns:
                _compile(p, kind, agencies, where)
            alternatives = tuple(f"(?:{p.replace('{agency}', agencies)})" for p in patterns)
        regex = LazyRegex.of(re.compile("|".join(alternatives), re.I))
        yield OutletRule(
            id=str(raw["id"]),
            outlet=str(raw.get("outlet", "")),
            kind=kind,
            regex=regex,
            span=span,
            teaser=bool(raw.get("teaser", False)),
            follow=_follow(raw.get("follow"), where),
            alternatives=alternatives,
        )


def load_noise_rules(
    site: SiteProfile | None,
    noise_path: str | Path | Traversable | None = None,
    kinds_path: str | Path | Traversable | None = None,
    *,
    kinds: bool = True,
    pitch: bool = True,
) -> NoiseRules:
    """Build the rules from a site profile (None: no site layer), a noise file and a kinds
    file (defaults: the shipped ones). ``kinds=False`` leaves the kinds layer out and
    ``pitch=False`` the learned pitch model (to measure what each adds)."""
    from newsbot.cleaning.kinds import KindRules, compile_kinds

    data = read_toml(noise_path if noise_path is not None else default_noise_path())
    cache = PatternCache.default()
    outlet = list(_outlet_rules(data))
    other = sorted(k for k in data if k != "rule")
    if not outlet and other:  # another file given as the noise file (ops round 8: a profile)
        raise NoiseRulesError(
            f"no [[rule]] table but {', '.join(repr(k) for k in other[:4])}: not a noise file "
            "(a site profile or the kinds file?); a noise file is [[rule]] tables like "
            "settings/noise.toml"
        )
    if not outlet:  # an empty or emptied file: say so, once, rather than clean less in silence
        logging.getLogger(__name__).warning(
            "noise file %s has no [[rule]]: outlet rules are off for this run",
            noise_path if noise_path is not None else default_noise_path(),
        )
    found = KindRules()
    if kinds:
        where = kinds_path if kinds_path is not None else default_kinds_path()
        try:
            found = compile_kinds(read_toml(where), cache)
        except Exception as exc:  # the caller names the file: this one, not the noise file
            exc.noise_kinds_file = where  # type: ignore[attr-defined]
            raise
        if not (found.lines or found.inline or found.credits):  # emptied, as the noise file
            logging.getLogger(__name__).warning(
                "noise kinds file %s has no [[kind]]: the kinds layer is off for this run",
                where,
            )
    return indexed(
        NoiseRules(
            **_build_chrome(site),
            lines=tuple(r for r in outlet if r.kind in ("phrase", "line")) + found.lines,
            inline=tuple(r for r in outlet if r.kind == "inline") + found.inline,
            credits=tuple(r for r in outlet if r.kind == "credit") + found.credits,
            caption_labels=found.caption_labels,
            remainders=found.remainders,
            briefs=found.briefs,
            own=found.own,
            pitch=shipped_model() if pitch else None,
            outlets={
                r.name: r.outlet
                for r in (
                    *outlet,
                    *found.lines,
                    *found.inline,
                    *found.credits,
                    *found.remainders,
                    *found.briefs,
                    *found.own,
                )
            },
        ),
        cache,
    )


def _joined(pattern: str, sources: Iterable[str]) -> bool:
    """Whether ``pattern`` is ``sources`` as alternatives, nothing around them (a kind's
    whole-line steps put an optional emoji or bullet before the group: not cut up)."""
    joined = "|".join(sources)
    return pattern in (joined, f"(?:{joined})")


def indexed(rules: NoiseRules, cache: PatternCache | None = None) -> NoiseRules:
    """``rules`` with a :class:`RuleIndex` of what each alternative of each rule must contain,
    so that a line is tried only against what it could match (the same removals, faster).
    ``cache`` (default: the user's, :mod:`newsbot.cleaning.pattern_cache`) keeps those strings
    between runs."""
    factors: list[frozenset[str]] = []
    cache = cache if cache is not None else PatternCache.default()

    def split(rule: OutletRule) -> OutletRule:
        flags = rule.regex.flags
        sources = rule.alternatives or (rule.regex.pattern,)
        always: list[str] = []
        parts: dict[int, str] = {}
        for source in sources:
            found = cache.factors(source, flags)
            if found is None:
                always.append(source)
                continue
            parts[len(factors)] = source
            factors.append(found)
        combined = None
        if len(always) == len(sources):
            combined = rule.regex
        elif always:
            combined = LazyRegex.of(re.compile("|".join(f"(?:{x})" for x in always), flags))
        mask = sum(1 << slot for slot in parts)
        layout: tuple[tuple[int, str], ...] = ()
        if _joined(rule.regex.pattern, sources):
            slots = {source: slot for slot, source in parts.items()}
            layout = tuple((slots.get(source, -1), source) for source in sources)
        return replace(rule, split=Split(combined, parts, mask, flags, layout=layout))

    result = replace(
        rules,
        lines=tuple(split(r) for r in rules.lines),
        inline=tuple(split(r) for r in rules.inline),
        credits=tuple(split(r) for r in rules.credits),
        caption_labels=tuple(split(r) for r in rules.caption_labels),
        remainders=tuple(split(r) for r in rules.remainders),
        briefs=tuple(split(r) for r in rules.briefs),
        own=tuple(split(r) for r in rules.own),
        index=RuleIndex(factors),
    )
    cache.save()
    return result
