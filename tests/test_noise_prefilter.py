"""The rules' index (newsbot/cleaning/prefilter.py) only skips what could not have matched.

The index reads from each rule's pattern the strings a match must contain and tries a rule
only on lines holding one of them. Whatever it skips, the cleaner must remove exactly what it
removed without it: checked rule by rule and line by line on every labelled line the project
has (and on fundus-eval's real pages when ``../shared`` is there), and on whole records.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from benchmarks.noise_heldout import FUNDUS, load_fundus
from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.prefilter import prefilter_form, required_factors
from newsbot.cleaning.text import normalise, sentences
from newsbot.profiles import load_profile
from tests.support.prefilter_check import disagreements, records_cleaned_differently, spread

DATA = Path(__file__).parent / "data"
RULES = load_noise_rules(load_profile("daily8"))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _records() -> list[list[str]]:
    """Every labelled file's strings (its lines, and a few labels), one list per file."""
    out = []
    for path in sorted(DATA.glob("noise*/*.json")):
        lines = [normalise(s) for s in _strings(json.loads(path.read_text(encoding="utf-8")))]
        out.append([s for s in lines if s])
    return out


def _fundus_records() -> list[list[str]]:
    """fundus-eval's pages, every visible line (the held-out benchmark's reading of them)."""
    if not (FUNDUS / "ground_truth.json").exists():
        return []
    return [page.lines for page in load_fundus(FUNDUS)]


RECORDS = _records()


def _units(records: list[list[str]]) -> list[str]:
    return sorted({u for r in records for line in r for u in (line, *sentences(line))})


# every labelled unit is checked, in parts: all of them in one test took most of the test
# timeout on a busy machine (CI, session 44); each part is spread over the CPUs
UNIT_PARTS = 4


@pytest.mark.parametrize("part", range(UNIT_PARTS))
def test_the_index_skips_no_rule_that_matches_a_labelled_line(part: int) -> None:
    units = _units(RECORDS)
    assert len(units) > 3000
    assert spread(disagreements, units[part::UNIT_PARTS]) == []


def test_the_index_skips_no_rule_that_matches_a_line_of_a_real_page() -> None:
    records = _fundus_records()
    if not records:
        pytest.skip(f"{FUNDUS} is absent (the shared reference material)")
    assert spread(disagreements, _units(records)) == []


# one record in three is compared whole (the test above already tries every rule on every
# labelled line and sentence; this one adds the strings the cleaner derives from a record:
# the rest of a line after a cut, a label and its story): with every record, this file took
# about ten of CI's ninety minutes (session 50), more than half of it here. The same records
# each run, in parts, each well inside the test timeout (trying every rule on every line
# without the index is the slow path it guards).
PARTS = 4
SAMPLED = RECORDS[::3]


@pytest.mark.parametrize("part", range(PARTS))
def test_records_are_cleaned_the_same_with_and_without_the_index(part: int) -> None:
    assert len(SAMPLED) > 2000
    assert spread(records_cleaned_differently, SAMPLED[part::PARTS]) == []


def test_most_rules_are_tried_only_on_lines_holding_their_strings() -> None:
    """The point of the index: a line of prose meets few rules' patterns."""
    split = [r.split for r in RULES.lines if r.split is not None]
    assert len(split) == len(RULES.lines)
    assert sum(s.always is None for s in split) >= 0.9 * len(split)
    prose = RULES.forms(
        "The council said the new road would open in the spring after two years of work."
    )
    tried = [r for r in RULES.lines if r.split and (r.split.always or prose.hits & r.split.mask)]
    assert len(tried) < 0.25 * len(RULES.lines)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a run of fixed words with small alternations: every spelling of it
        (
            r"(?:sign up|subscribe) (?:to|for) our (?:newsletter|briefing)",
            {f"{v} {p} our {o}" for v in ("sign up", "subscribe") for p in ("to", "for")
             for o in ("newsletter", "briefing")},
        ),
        (r"Copyright \d{4}", {"copyright "}),
        # a lookahead's words are in the line too
        (r"(?=[^.!?]*\byour inbox\b)[^.!?]{1,80}", {"your inbox"}),
        (r"(?:\w+ ){0,3}(?:photo|image)s?: \w+", {"photo: ", "photos: ", "image: ", "images: "}),
        (r"اشترك(?:وا)? في (?:النشرة|القناة)",
         {f"{v} في {o}" for v in ("اشترك", "اشتركوا") for o in ("النشرة", "القناة")}),
        (r"Follow us on (?-i:X)", {"follow us on x"}),
        # nothing a match must hold: the rule is always tried
        (r"(?!.*\bsaid\b)[^.!?]{1,80}", None),
        (r"(?:[A-Z]\w+ ){1,3}\w+", {" "}),  # a space, at least
        (r"\w+(?:[-/]\w+)*", None),
    ],
)  # fmt: skip
def test_required_factors(pattern: str, expected: set[str] | None) -> None:
    found = required_factors(re.compile(pattern, re.I))
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize(  # fmt: skip
    ("pattern", "matching"),
    [
        (
            r"(?:sign up|subscribe) (?:to|for) our (?:newsletter|briefing)",
            "SUBSCRIBE for our BRIEFING",
        ),
        (r"اشترك(?:وا)? في (?:النشرة|القناة)", "اشتركوا في القناة"),
        (r"(?:\w+ ){0,3}(?:photo|image)s?: \w+", "Our Images: Reuters"),
        (r"Follow us on (?-i:X)", "FOLLOW US ON X"),
        (r"[A-Z]{2,5} ©", "AFP ©"),
        (r"click here", "CLİCK HERE"),  # the dotted capital I re.IGNORECASE takes for i
    ],
)
def test_a_matching_line_holds_a_required_string(pattern: str, matching: str) -> None:
    regex = re.compile(pattern, re.I)
    assert regex.fullmatch(matching)
    found = required_factors(regex)
    assert found is not None
    assert any(s in prefilter_form(matching) for s in found)


def test_the_index_travels_to_worker_processes() -> None:
    """Rules are pickled to the workers; the automaton is rebuilt there, not sent."""
    copy = pickle.loads(pickle.dumps(RULES))
    line = "Sign up for our free daily newsletter."
    assert copy.index is not None
    assert copy.forms(line).hits == RULES.forms(line).hits != 0


def test_rules_travel_to_workers_as_sources_and_compile_when_first_needed() -> None:
    """A worker gets the rules uncompiled (compiling all of them took ~1.5 s of its CPU at
    every crawl's start); what it cleans is the same, and it compiles only what it tries."""
    from newsbot.cleaning import clean_blocks
    from newsbot.cleaning.lazy import LazyRegex

    copy = pickle.loads(pickle.dumps(RULES))
    regexes = [r.regex for group in (copy.lines, copy.inline, copy.credits) for r in group]
    assert regexes and all(isinstance(r, LazyRegex) for r in regexes)
    assert not any(r._compiled is not None for r in regexes)
    assert [r.regex for r in copy.lines] == [r.regex for r in RULES.lines]  # same sources
    for record in RECORDS[:200]:
        ours, theirs = clean_blocks(record, copy), clean_blocks(record, RULES)
        assert (ours.kept, ours.removed, ours.captions) == (
            theirs.kept,
            theirs.removed,
            theirs.captions,
        )
    compiled = sum(r._compiled is not None for r in regexes)
    assert 0 < compiled < len(regexes)  # what 200 records needed, not every rule
