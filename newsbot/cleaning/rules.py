"""Noise rules: the site's chrome (from its profile) and outlets' noise (from noise.toml).

The outlet and kind layers are the same for every site; the site layer comes from the
:class:`~newsbot.profiles.SiteProfile` of the aggregator an item was found on. Items found on
no aggregator (a publisher's page read on its own) get no site layer: ``site=None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from newsbot.cleaning.config import default_kinds_path, default_noise_path, read_toml
from newsbot.cleaning.text import fold_arabic_marks, normalise
from newsbot.profiles import SiteProfile

KINDS = ("phrase", "line", "inline", "credit")
SPANS = ("line", "list", "rest", "follow")


class NoiseRulesError(ValueError):
    """A rule in the noise file or the profile is malformed."""


@dataclass(frozen=True)
class OutletRule:
    """One rule of settings/noise.toml, compiled."""

    id: str
    outlet: str
    kind: str
    regex: re.Pattern[str]
    span: str = "line"
    teaser: bool = False
    follow: re.Pattern[str] | None = None
    layer: str = "outlet"  # "outlet" (noise.toml) or "kind" (noise_kinds.toml)
    fold: bool = False  # match whole lines with Arabic diacritics and tatweel folded away
    needs: tuple[str, ...] = ()  # a line must contain one of these (casefolded) to be tried
    max_len: int | None = None  # a longer line is never this rule's (a label, a byline)

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
        return self.regex.fullmatch(line.folded if self.fold else line.text) is not None


class LineForms:
    """A line as the rules read it: as written, with Arabic marks folded away, lower-cased
    (for the kinds' prefilters); each form computed once, when a rule first asks for it."""

    __slots__ = ("_folded", "_lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._lowered: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_arabic_marks(self.text)
        return self._folded

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.folded.casefold()
        return self._lowered


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
    unreadable_ages: frozenset[str] = frozenset()
    lines: tuple[OutletRule, ...] = ()
    inline: tuple[OutletRule, ...] = ()
    credits: tuple[OutletRule, ...] = ()
    caption_labels: tuple[OutletRule, ...] = ()
    outlets: dict[str, str] = field(default_factory=dict)
    #: The site whose chrome this holds (its profile name); None: no site layer.
    site: str | None = None


def _fold(s: str) -> str:
    return normalise(s).casefold()


def _build_chrome(site: SiteProfile | None) -> dict[str, Any]:
    block: set[str] = set()
    start: set[str] = set()
    other: set[str] = set()
    headings: list[str] = []
    counters: list[str] = []
    for chrome in site.chrome.values() if site is not None else ():
        items = [normalise(x) for x in chrome.block]
        block.update(x.casefold() for x in items if x)
        # The block starts at its first entry, or at any entry that is long enough to be
        # unambiguous; short words ("Comments") end the body only next to other chrome.
        start.update(x.casefold() for i, x in enumerate(items) if i == 0 or len(x) >= 12)
        start.update(_fold(label) for label in (chrome.hashtags, chrome.related) if label)
        other.update(normalise(x) for x in chrome.other)
        if chrome.listing_heading.strip():
            headings.append(re.escape(normalise(chrome.listing_heading)))
        counters.extend(chrome.gallery_counter)
    if not counters:
        counters = [r"Show all \d+"]
    lone = {x for x in other if not any(ch.isalnum() for ch in x)}
    icons = {x.casefold() for x in other if x not in lone}
    heading = re.compile(r"(?:{})\s*\S*".format("|".join(headings)), re.I) if headings else None
    return {
        "chrome_block": frozenset(block),
        "chrome_start": frozenset(start),
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
        "known_sources": frozenset(_fold(s) for s in site.known_sources)
        if site is not None
        else frozenset(),
        "site": site.name if site is not None else None,
    }


def for_site(rules: NoiseRules, site: SiteProfile | None) -> NoiseRules:
    """``rules`` with the site layer of ``site`` (the outlet and kind layers unchanged)."""
    return replace(rules, **_build_chrome(site))


def _compile(pattern: str, kind: str, agencies: str, where: str) -> re.Pattern[str]:
    pattern = pattern.replace("{agency}", agencies)
    source = re.escape(normalise(pattern)) if kind == "phrase" else pattern
    try:
        return re.compile(source, re.I)
    except re.error as exc:
        raise NoiseRulesError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


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
        if not raw.get("id") or kind not in KINDS or span not in SPANS:
            raise NoiseRulesError(f"{where}: needs an id, kind in {KINDS}, span in {SPANS}")
        patterns = raw.get("patterns") or ([raw["pattern"]] if "pattern" in raw else [])
        if not patterns:
            raise NoiseRulesError(f"{where}: no patterns")
        if kind == "phrase":
            alternation = "|".join(
                f"(?:{_compile(p, kind, agencies, where).pattern})" for p in patterns
            )
            regex = re.compile(alternation, re.I)
        else:
            for p in patterns:
                _compile(p, kind, agencies, where)
            joined = "|".join(f"(?:{p.replace('{agency}', agencies)})" for p in patterns)
            regex = re.compile(joined, re.I)
        yield OutletRule(
            id=str(raw["id"]),
            outlet=str(raw.get("outlet", "")),
            kind=kind,
            regex=regex,
            span=span,
            teaser=bool(raw.get("teaser", False)),
            follow=_follow(raw.get("follow"), where),
        )


def load_noise_rules(
    site: SiteProfile | None,
    noise_path: str | Path | Traversable | None = None,
    kinds_path: str | Path | Traversable | None = None,
    *,
    kinds: bool = True,
) -> NoiseRules:
    """Build the rules from a site profile (None: no site layer), a noise file and a kinds
    file (defaults: the shipped ones). ``kinds=False`` leaves the kinds layer out (to measure
    what it adds)."""
    from newsbot.cleaning.kinds import KindRules, compile_kinds

    data = read_toml(noise_path if noise_path is not None else default_noise_path())
    outlet = list(_outlet_rules(data))
    found = KindRules()
    if kinds:
        found = compile_kinds(
            read_toml(kinds_path if kinds_path is not None else default_kinds_path())
        )
    return NoiseRules(
        **_build_chrome(site),
        lines=tuple(r for r in outlet if r.kind in ("phrase", "line")) + found.lines,
        inline=tuple(r for r in outlet if r.kind == "inline") + found.inline,
        credits=tuple(r for r in outlet if r.kind == "credit") + found.credits,
        caption_labels=found.caption_labels,
        outlets={r.name: r.outlet for r in (*outlet, *found.lines, *found.inline, *found.credits)},
    )
