"""A held-out labelled set (tests/data/noise_holdout), written independently of the cleaner.

Made-up articles and teasers with outlets' promo wording, credits and Daily8 chrome in the
patterns the reference describes, but in other phrasings than tests/data/noise, plus content
that must survive (sentences mentioning newsletters, photos, ads; time traps; holes from
dropped links; short lines; real lists; Arabic paragraphs). The issue's targets: noise recall
>= 0.98 and at most one content line in 100 wrongly removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.noise import evaluate, main
from newsbot.cleaning import clean_blocks, clean_title, load_noise_rules
from newsbot.profiles import load_profile

HOLDOUT = Path(__file__).parent / "data" / "noise_holdout"


@pytest.fixture(scope="module")
def report():
    return evaluate(HOLDOUT)


def _docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HOLDOUT.glob("*.json"))]


def test_holdout_covers_both_languages_both_shapes_and_all_labels():
    docs = _docs()
    assert len(docs) >= 15
    assert {(d["language"], d["shape"]) for d in docs} >= {
        ("en", "article"),
        ("ar", "article"),
        ("en", "teaser"),
        ("ar", "teaser"),
    }
    rows = [row for d in docs for row in d["lines"]]
    assert {row["label"] for row in rows} == {"content", "noise", "caption"}
    content = [row for row in rows if row["label"] == "content"]
    assert len(content) >= 100  # so that one false removal is at most 1 in 100


def test_holdout_targets(report):
    overall = report.overall
    assert overall.expected >= 250
    assert overall.recall >= 0.98, report.render()
    assert overall.precision >= 0.99, report.render()


def test_holdout_reports_per_rule_figures(report):
    docs = _docs()
    labelled = {row["rule"] for d in docs for row in d["lines"] if row["label"] == "noise"}
    labelled |= {cut for d in docs for row in d["lines"] for cut in row.get("cuts", [])}
    assert labelled <= set(report.rules)
    for name in labelled:
        score = report.rules[name]
        assert score.expected > 0, name
        assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0
    rendered = report.render()
    for name in labelled:
        assert re.search(rf"^{re.escape(name)}\s+\d\.\d{{3}}\s+\d\.\d{{3}}", rendered, re.M), name


def test_benchmark_command_takes_a_data_option(capsys):
    assert main(["--data", str(HOLDOUT)]) == 0
    out = capsys.readouterr().out
    assert "OVERALL" in out and "outlet:photo_credit" in out and "list_echo" in out
    assert f"{report_lines()} labelled lines" in out


def report_lines() -> int:
    return sum(len(d["lines"]) for d in _docs())


def test_benchmark_command_rejects_a_folder_without_labels(tmp_path):
    with pytest.raises(SystemExit):
        main(["--data", str(tmp_path)])


def test_holdout_articles_are_idempotent():
    rules = load_noise_rules(load_profile("daily8"))
    for doc in _docs():
        if doc["shape"] != "article":
            continue
        ctx = {k: doc.get(k) for k in ("title", "source", "category")}
        once = clean_blocks([r["text"] for r in doc["lines"]], rules, **ctx)
        assert clean_blocks(once.kept, rules, **ctx).kept == once.kept, doc["name"]


def test_holdout_titles_lose_the_cloned_label():
    for doc in _docs():
        title = doc.get("title")
        if title:
            assert "(cloned)" not in clean_title(title)
            assert clean_title(title + title) == clean_title(title)
