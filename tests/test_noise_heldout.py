"""The held-out evaluation (benchmarks/noise_heldout.py): per-layer noise recall and
content kept on outlets the rules were not written from."""

from __future__ import annotations

import pytest

from benchmarks.noise_heldout import (
    FUNDUS,
    HELD_OUT,
    LAYERS,
    SETS,
    TUNE,
    clean_pages,
    layer_of,
    load_fundus,
    main,
    score_labelled,
    score_pages,
)
from newsbot.cleaning import load_noise_rules
from newsbot.profiles import load_profile

RULES = load_noise_rules(load_profile("daily8"))


def test_every_rule_name_has_a_layer():
    assert [layer_of(r) for r in ("chrome", "age", "outlet:label", "kind:rights")] == [
        "chrome",
        "structural",
        "outlet",
        "kind",
    ]
    assert layer_of("learned") == layer_of("learned_shared") == "learned"
    assert layer_of("model:pitch") == "model"


# noise_independent is checked as its writers scored it, through `scrapy reprocess`
# (tests/test_noise_independent.py): this strict scoring counts a line whose boilerplate
# sentence went and whose other sentence stayed as kept noise.
@pytest.mark.parametrize(
    "name", [n for n in SETS if "with the rules" not in n and "noise_independent" not in n]
)
def test_made_up_held_out_sets_meet_the_targets(name):
    scores = score_labelled(SETS[name], RULES)
    assert scores.recall >= 0.95, scores.render(name)
    assert scores.content_kept >= 0.99, scores.render(name)


def test_the_report_prints_every_layer(capsys, tmp_path):
    assert main(["--fundus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for layer in LAYERS:
        assert f"  {layer} " in out
    assert "noise_blind" in out and "fundus-eval: skipped" in out


@pytest.fixture(scope="module")
def fundus():
    if not (FUNDUS / "ground_truth.json").exists():
        pytest.skip(f"{FUNDUS} is absent (the shared reference material)")
    pages = load_fundus(FUNDUS)
    return pages, clean_pages(pages, RULES)


def test_fundus_publishers_are_split_in_two():
    assert not set(TUNE) & set(HELD_OUT) and len(TUNE) == len(HELD_OUT) == 8


def test_on_real_pages_no_kind_removes_a_marked_body_line(fundus):
    pages, outcomes = fundus
    page_scope = score_pages(pages, outcomes, "page")
    assert page_scope.content > 2000
    assert page_scope.content_by["kind"] == 0, page_scope.render("all pages")
    # The pitch model is gated to lines that address the reader: sign-offs and credits, which
    # real marked bodies keep, are never put to it; no body line of any publisher goes.
    assert page_scope.content_by["model"] == 0, page_scope.render("all pages")
    held = score_pages([p for p in pages if p.publisher in HELD_OUT], outcomes, "article")
    assert held.content_kept >= 0.99, held.render("held-out, article")
    assert held.noise_by["kind"] > 0  # the kinds find noise in publishers never looked at
