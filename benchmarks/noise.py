"""Precision and recall of noise removal over the labelled set in ``tests/data/noise``.

Run ``python -m benchmarks.noise [DIR]`` (or ``--data DIR``, e.g. the held-out set in
``tests/data/noise_holdout``). Each file is one article page (``shape:
article``: its lines in reading order) or a set of one-paragraph teasers (``shape: teaser``:
each line cleaned on its own). Every line is labelled ``content``, ``noise`` (with the rule
expected to remove it) or ``caption``; a content or caption line may list the glued noise
(``cuts``) expected to be cut out of it and the text expected to remain (``expect``).

A *unit* of noise is a whole noise line or one glued cut. Recall is the share of noise units
removed; precision is the share of removals (whole lines, cuts) that were noise. Content
damaged in any other way (a kept line that differs from ``expect``, a caption not moved out
of the body) counts as a false removal under the rule ``damage``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbot.cleaning import NoiseRules, load_noise_rules, trace
from newsbot.cleaning.text import normalise
from newsbot.profiles import load_profile

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "noise"


@dataclass
class RuleScore:
    removed: int = 0  # units this rule removed
    correct: int = 0  # ... of which were noise
    expected: int = 0  # noise units labelled with this rule
    found: int = 0  # ... of which were removed (by any rule)

    @property
    def precision(self) -> float:
        return self.correct / self.removed if self.removed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass
class Report:
    rules: dict[str, RuleScore] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lines: int = 0
    # Rule-agnostic figures (what a user sees): noise units removed by any rule, and
    # content or caption lines that came out exactly as expected.
    noise_units: int = 0
    noise_removed: int = 0
    content_lines: int = 0
    content_kept: int = 0

    @property
    def noise_recall(self) -> float:
        return self.noise_removed / self.noise_units if self.noise_units else 1.0

    @property
    def content_precision(self) -> float:
        """Content kept: the share of content lines that came out intact."""
        return self.content_kept / self.content_lines if self.content_lines else 1.0

    def score(self, rule: str) -> RuleScore:
        return self.rules.setdefault(rule, RuleScore())

    @property
    def overall(self) -> RuleScore:
        total = RuleScore()
        for s in self.rules.values():
            total.removed += s.removed
            total.correct += s.correct
            total.expected += s.expected
            total.found += s.found
        return total

    def render(self) -> str:
        rows = [f"{'rule':32} {'precision':>9} {'recall':>7} {'removed':>8} {'noise':>6}"]
        for name in sorted(self.rules):
            s = self.rules[name]
            rows.append(
                f"{name:32} {s.precision:9.3f} {s.recall:7.3f} {s.removed:8d} {s.expected:6d}"
            )
        o = self.overall
        rows.append(
            f"{'OVERALL':32} {o.precision:9.3f} {o.recall:7.3f} {o.removed:8d} {o.expected:6d}"
        )
        rows.append(f"{self.lines} labelled lines")
        rows.append(
            f"noise recall {self.noise_recall:.3f} ({self.noise_removed}/{self.noise_units}), "
            f"content kept {self.content_precision:.3f} ({self.content_kept}/{self.content_lines})"
        )
        rows += [f"  ! {e}" for e in self.errors]
        return "\n".join(rows)


def _score_line(report: Report, where: str, row: dict[str, Any], out: Any) -> None:
    label = row["label"]
    if label == "noise":
        expected = row["rule"]
        report.score(expected).expected += 1
        report.noise_units += 1
        if out.rule is not None:
            report.noise_removed += 1
            report.score(expected).found += 1
            report.score(out.rule).removed += 1
            report.score(out.rule).correct += 1
        else:
            report.errors.append(f"{where}: missed {expected}: {row['text'][:70]!r}")
        return
    report.content_lines += 1
    report.noise_units += len(row.get("cuts", []))
    if out.rule is not None:
        report.score(out.rule).removed += 1
        report.errors.append(f"{where}: removed {label} by {out.rule}: {row['text'][:70]!r}")
        return
    want = Counter(row.get("cuts", []))
    got = Counter(c.rule for c in out.cuts)
    for rule, n in want.items():
        report.score(rule).expected += n
        report.score(rule).found += min(n, got[rule])
        if got[rule] < n:
            report.errors.append(f"{where}: missed glued {rule}: {row['text'][:70]!r}")
    for rule, n in got.items():
        report.score(rule).removed += n
        report.score(rule).correct += min(n, want[rule])
        if n > want[rule]:
            report.errors.append(f"{where}: extra cut {rule}: {row['text'][:70]!r}")
    expect = normalise(row.get("expect", row["text"]))
    result = out.caption if label == "caption" else out.kept
    if result == expect:
        report.content_kept += 1
        report.noise_removed += sum(want.values())
    else:
        report.noise_removed += min(sum(want.values()), sum(got.values()))
    if result != expect and want == got:
        report.score("damage").removed += 1
        report.errors.append(f"{where}: {label} became {result!r}, expected {expect!r}")


def evaluate(data_dir: Path | str | None = None, rules: NoiseRules | None = None) -> Report:
    rules = rules or load_noise_rules(load_profile("daily8"))
    report = Report()
    for path in sorted(Path(data_dir or DEFAULT_DIR).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        ctx = {k: doc.get(k) for k in ("title", "source", "category")}
        rows = doc["lines"]
        if doc.get("shape") == "teaser":
            per_teaser = [
                trace([r["text"]], rules, language=doc["language"], captions=False, **ctx)
                for r in rows
            ]
            pairs = [(r, o[0]) for r, o in zip(rows, per_teaser, strict=True) if o]
        else:
            outcomes = trace([r["text"] for r in rows], rules, language=doc["language"], **ctx)
            pairs = list(zip(rows, outcomes, strict=True))
        for n, (row, out) in enumerate(pairs, 1):
            report.lines += 1
            _score_line(report, f"{path.name}:{n}", row, out)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.noise")
    parser.add_argument("dir", nargs="?", help="folder of labelled *.json files")
    parser.add_argument("--data", metavar="DIR", help="the same, as an option (wins over DIR)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    data = args.data or args.dir
    if data is not None and not any(Path(data).glob("*.json")):
        parser.error(f"no labelled *.json files in {data}")
    report = evaluate(data)
    print(report.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
