"""tests/data/noise_independent: three hundred and fifty-eight sets of made-up records written by
people who never saw the cleaner (wire services, broadcasters, newspapers, magazines, tech,
sports, finance, science, student and Arabic sites of the Gulf, the Levant, Egypt and the
Maghreb), run through ``scrapy reprocess`` as an operator would. Scored the way their authors
scored them: a noise line is removed when no paragraph of the cleaned body holds it (as whole
words: a bare `إعلان` label is not found in `الإعلان`); a content line is kept when a
paragraph holds it (a glued line: its text without the glued label). Their
first scores, on arrival, are in the folder's README; the cleaner has been tuned on them since,
so these are the issue's targets held as a regression check, not a blind measure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.reprocess import NOISE_ONLY, daily8_record, reprocess

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "data" / "noise_independent"


def docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SETS.glob("*.json"))]


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory) -> list[tuple[dict, list[str]]]:
    """Each record with the paragraphs of its cleaned body."""
    tmp = tmp_path_factory.mktemp("independent")
    found = docs()
    records = [
        daily8_record(n, doc, "\n\n".join(row["text"] for row in doc["lines"]))
        for n, doc in enumerate(found)
    ]
    rows = reprocess(records, tmp, [f"ITEM_PIPELINES={NOISE_ONLY}"])
    return [
        (doc, (rows[f"{n:032x}"].get("body") or "").split("\n\n")) for n, doc in enumerate(found)
    ]


def scores(cleaned, language: str | None = None) -> tuple[float, float, list[str]]:
    removed = noise = kept = content = 0
    wrong: list[str] = []
    for doc, paragraphs in cleaned:
        if language and doc["language"] != language:
            continue
        for row in doc["lines"]:
            text = row["text"]
            if row["label"] == "noise":
                noise += 1
                # as words: `إعلان` (an ad label) is not kept in `الإعلان` (the advert)
                found = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
                gone = not any(found.search(p) for p in paragraphs)
                removed += gone
                if not gone:
                    wrong.append(f"kept noise: {text[:90]}")
            else:
                content += 1
                want = row.get("expect", text)
                here = any(want in p for p in paragraphs)
                kept += here
                if not here:
                    wrong.append(f"lost content: {text[:90]}")
    return removed / noise, kept / content, wrong


def test_the_sets_cover_outlet_styles_and_both_languages():
    found = docs()
    assert len(found) >= 90
    assert {d["language"] for d in found} == {"en", "ar"}
    assert len({d["source"] for d in found}) >= 40
    lines = [r for d in found for r in d["lines"]]
    assert sum(r["label"] == "noise" for r in lines) >= 300
    assert sum(r["label"] != "noise" for r in lines) >= 400


def test_the_issue_targets_through_scrapy_reprocess(cleaned):
    recall, kept, wrong = scores(cleaned)
    assert recall >= 0.95, "\n".join(wrong)
    assert kept >= 0.99, "\n".join(wrong)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_language_keeps_its_content_and_most_noise_goes(cleaned, language):
    recall, kept, wrong = scores(cleaned, language)
    assert kept >= 0.99, "\n".join(wrong)
    assert recall >= 0.9, "\n".join(wrong)
