"""tests/data/noise_blind: records written from issue 15's description only, before the kinds
layer existed (wire services, broadcasters, newspapers; English and Arabic). The cleaner
scored noise recall 0.128 and content kept 0.765 on it then; the issue's targets are noise
recall >= 0.95 and content kept >= 0.99, here and through ``scrapy reprocess``."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.noise import evaluate
from tests.support.reprocess import NOISE_ONLY, daily8_record, reprocess

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "data" / "noise_blind"


def docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(BLIND.glob("*.json"))]


def test_blind_set_covers_styles_languages_and_shapes():
    found = docs()
    assert len(found) >= 10
    assert {(d["language"], d["shape"]) for d in found} >= {
        ("en", "article"),
        ("ar", "article"),
        ("en", "teaser"),
        ("ar", "teaser"),
    }


def test_blind_set_targets():
    report = evaluate(BLIND)
    assert report.noise_units >= 35 and report.content_lines >= 30
    assert report.noise_recall >= 0.95, report.render()
    assert report.content_precision >= 0.99, report.render()


def test_blind_articles_through_scrapy_reprocess(tmp_path):
    """Exported records (body paragraphs joined by blank lines) re-run through the pipeline."""
    records, expected = [], []
    for n, doc in enumerate(d for d in docs() if d["shape"] == "article"):
        rows = doc["lines"]
        records.append(daily8_record(n, doc, "\n\n".join(r["text"] for r in rows)))
        body = [r.get("expect", r["text"]) for r in rows if r["label"] == "content"]
        expected.append(("\n\n".join(body), [r["expect"] for r in rows if r["label"] == "caption"]))
    cleaned = reprocess(
        records, tmp_path, [f"ITEM_PIPELINES={NOISE_ONLY}", "NEWSBOT_KEEP_REMOVED=1"], timeout=120
    )
    rows = [cleaned[r["id"]] for r in records]
    assert [(r["body"], r.get("image_captions", [])) for r in rows] == expected
    rules = {x["rule"] for r in rows for x in r["removed"]}
    assert {"kind:call_to_action", "kind:rights", "kind:consent", "kind:media_credit"} <= rules
