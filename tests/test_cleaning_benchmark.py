"""The labelled set in tests/data/noise: precision and recall of noise removal."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.noise import DEFAULT_DIR, evaluate, main
from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.profiles import load_profile

DATA = Path(__file__).parent / "data" / "noise"


def test_labelled_set_covers_both_languages_and_both_shapes():
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in DATA.glob("*.json")]
    assert {(d["language"], d["shape"]) for d in docs} >= {
        ("en", "article"),
        ("ar", "article"),
        ("en", "teaser"),
        ("ar", "teaser"),
    }
    labels = {row["label"] for d in docs for row in d["lines"]}
    assert labels == {"content", "noise", "caption"}
    assert DEFAULT_DIR.resolve() == DATA.resolve()


def test_targets_overall_and_per_rule():
    report = evaluate(DATA)
    overall = report.overall
    assert overall.expected >= 150
    assert overall.recall >= 0.98, report.render()
    assert overall.precision >= 0.99, report.render()
    for name, score in report.rules.items():
        assert score.precision >= 0.9 and score.recall >= 0.9, (name, report.render())


def test_labelled_articles_are_idempotent():
    rules = load_noise_rules(load_profile("daily8"))
    for path in DATA.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        ctx = {k: doc.get(k) for k in ("title", "source", "category")}
        once = clean_blocks([r["text"] for r in doc["lines"]], rules, **ctx)
        assert clean_blocks(once.kept, rules, **ctx).kept == once.kept, path.name


def test_benchmark_command_prints_a_table(capsys):
    assert main([str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "OVERALL" in out and "precision" in out
