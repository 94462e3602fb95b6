"""``scrapy reprocess``: re-running the item pipelines over an existing export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsbot.commands.reprocess import Summary, ordered, read_records, write_atomically
from newsbot.items import EXPORT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
NOISE_ONLY = '{"newsbot.pipelines.noise.NoisePipeline": 200}'


def record(n: int, **kw):
    rec = {
        "crawled_at": f"2025-05-1{n}T10:00:00Z",
        "id": f"{n:032x}",
        "url": f"https://www.daily8.com/en/article/{n:032x}",
        "aggregator": "daily8",
        "source": "Independent",
        "title": "Pier reopensPier reopens",
        "body": "The pier reopened.advertisementCrowds came.\n\nPhoto: Reuters\n\nHashtags",
        "language": "en",
        "published_raw": "3 hours ago",
        "custom": n,
    }
    rec.update(kw)
    return rec


def run(tmp_path: Path, lines: list[str], *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "reprocess", str(src), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc, out


def test_reprocess_cleans_keeps_crawled_at_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps(record(1)),
        "{not json",
        "[1, 2]",
        json.dumps(record(2), ensure_ascii=False),
    ]
    proc, out = run(
        tmp_path, lines, "-O", str(tmp_path / "out.jsonl"), "-s", f"ITEM_PIPELINES={NOISE_ONLY}"
    )
    assert proc.returncode == 0, proc.stderr
    assert "line 2: invalid JSON" in proc.stderr
    assert "line 3: not a JSON object" in proc.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["crawled_at"] for r in rows] == ["2025-05-11T10:00:00Z", "2025-05-12T10:00:00Z"]
    assert rows[0]["title"] == "Pier reopens"
    assert rows[0]["body"] == "The pier reopened. Crowds came."
    keys = list(rows[0])
    assert keys == [k for k in EXPORT_FIELDS if k in rows[0]] + ["custom"]
    assert not list(tmp_path.glob(".out.jsonl.*"))  # no temp file left behind


def test_project_pipelines_run_in_order_and_drops_are_reported(tmp_path):
    dup = record(1)
    lines = [json.dumps(record(1)), json.dumps(dup), json.dumps(record(3, title=""))]
    proc, out = run(tmp_path, lines, "-O", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 0, proc.stderr
    assert "line 2: dropped: duplicate" in proc.stderr
    assert "line 3: dropped: missing title" in proc.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and rows[0]["crawled_at"] == "2025-05-11T10:00:00Z"
    assert rows[0]["body"] == "The pier reopened. Crowds came."
    # the timestamp pipeline read the age against the record's own crawled_at
    assert rows[0]["published_at"] == "2025-05-11T07:00:00Z"


def test_append_mode_keeps_existing_lines(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    proc, _ = run(
        tmp_path, [json.dumps(record(1))], "-o", str(out), "-s", f"ITEM_PIPELINES={NOISE_ONLY}"
    )
    assert proc.returncode == 0, proc.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == '{"id": "old"}' and json.loads(rows[1])["id"] == record(1)["id"]


def test_helpers(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_text('{"a": 1}\n\n"s"\n', encoding="utf-8")
    summary = Summary()
    assert list(read_records(src, summary)) == [(1, {"a": 1})]
    assert [n for n, _ in summary.bad] == [2, 3]
    assert list(ordered({"zz": 1, "body": "", "id": "x", "removed": []})) == [
        "id",
        "body",
        "removed",
        "zz",
    ]
    write_atomically(tmp_path / "o.jsonl", ["{}"])
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == "{}\n"
