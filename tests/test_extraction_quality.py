"""Article reading on 80 real pages of 16 publishers (fundus-eval): the quality targets.

A quality test, never a timed one: speed is the benchmark's job
(``python -m benchmarks.extraction`` prints both side by side with trafilatura).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.extraction import PageScore, load_pages, run_newsbot, score_body
from benchmarks.fast_lcs import fast_scorer
from newsbot.cleaning import load_noise_rules
from newsbot.profiles import load_profile

EVAL_SET = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "extraction"
EVAL_SET = EVAL_SET / "fundus-eval"
ROUGE_TARGET = 0.975
SHINGLE_F1_TARGET = 0.96


@pytest.fixture(scope="module")
def scores() -> list[tuple[str, PageScore]]:
    if not (EVAL_SET / "ground_truth.json").exists():
        pytest.skip(f"the evaluation set is not here: {EVAL_SET} (../shared is absent)")
    pytest.importorskip("rouge_score.rouge_scorer")
    scorer = fast_scorer()
    rules = load_noise_rules(load_profile("daily8"))
    out = []
    for page in load_pages(EVAL_SET):
        score = PageScore()
        try:
            body, _, _ = run_newsbot(page, rules)
        except Exception as exc:  # reported below: the target is no exception at all
            score.error = f"{type(exc).__name__}: {exc}"
            body = []
        score_body(scorer, body, page.truths, score)
        out.append((page.name, score))
    return out


def test_no_page_raises(scores):
    assert [(name, s.error) for name, s in scores if s.error] == []


def test_body_rouge_lsum_and_shingle_f1_reach_the_targets(scores):
    rouge = sum(s.rouge for _, s in scores) / len(scores)
    f1 = sum(s.f1 for _, s in scores) / len(scores)
    worst = sorted(scores, key=lambda item: item[1].rouge)[:5]
    detail = ", ".join(f"{name} {s.rouge:.3f}" for name, s in worst)
    assert rouge >= ROUGE_TARGET, f"mean ROUGE-LSum F1 {rouge:.4f}; worst pages: {detail}"
    assert f1 >= SHINGLE_F1_TARGET, f"mean 4-shingle F1 {f1:.4f}; worst pages: {detail}"
