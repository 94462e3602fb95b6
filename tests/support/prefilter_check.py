"""Checks of the rules' index against every rule tried without it, spread over the CPUs.

Trying every rule on every labelled line (150,000 lines and sentences) is the slow path the
index exists to avoid, and it took some fifteen of CI's ninety minutes in one process
(session 52). Each line's check is independent, so the lines are split between worker
processes; every line is still checked.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from multiprocessing import get_context

from newsbot.cleaning import load_noise_rules, trace
from newsbot.cleaning.rules import LineForms, NoiseRules
from newsbot.profiles import load_profile


@cache
def daily8_rules() -> tuple[NoiseRules, NoiseRules]:
    """The profile's rules with their index, and the same rules with every one tried."""
    rules = load_noise_rules(load_profile("daily8"))
    return rules, replace(rules, index=None)


def disagreements(units: list[str]) -> list[tuple[str, str]]:
    """(rule, line) wherever a rule's answer with the index differs from its answer without."""
    rules, _ = daily8_rules()
    wrong = []
    for unit in units:
        indexed, plain = rules.forms(unit), LineForms(unit)
        for rule in rules.lines + rules.credits + rules.remainders + rules.briefs + rules.own:
            if rule.matches(indexed) != rule.matches(plain):
                wrong.append((rule.name, unit))
        for rule in rules.inline + rules.credits + rules.caption_labels:
            # searched with only the alternatives the line could hold: the same matches
            regex = rule.searching(indexed)
            for target in {unit, indexed.folded}:
                found = [m.span() for m in regex.finditer(target)] if regex is not None else []
                if found != [m.span() for m in rule.regex.finditer(target)]:
                    wrong.append((rule.name, unit))
    return wrong


def _outcomes(blocks: list[str], rules: NoiseRules, language: str) -> list[tuple]:
    return [
        (o.text, o.kept, o.rule, o.caption, [(c.text, c.rule) for c in o.cuts])
        for o in trace(blocks, rules, language=language)
    ]


def records_cleaned_differently(records: list[list[str]]) -> list[list[str]]:
    """The records whose cleaning with the index differs from their cleaning without it."""
    rules, plain = daily8_rules()
    wrong = []
    for record in records:
        language = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in "".join(record)) else "en"
        if _outcomes(record, rules, language) != _outcomes(record, plain, language):
            wrong.append(record)
    return wrong


def spread(check, items: list) -> list:
    """``check`` run on slices of ``items`` in worker processes; their findings joined.

    Workers are spawned, not forked: the test process may hold threads (servers, reactors)
    whose locks a fork would copy held."""
    workers = min(os.cpu_count() or 1, 4)
    if workers == 1:
        return check(items)
    slices = [items[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        return [found for part in pool.map(check, slices) for found in part]
