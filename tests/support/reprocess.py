"""Run exported records through ``scrapy reprocess`` as an operator does: write them as JSON
Lines, run the command in a subprocess from the project root, read the records it writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOISE_ONLY = '{"newsbot.pipelines.noise.NoisePipeline": 200}'


def daily8_record(
    n: int, doc: dict[str, Any], body: str, crawled_at: str = "2026-11-30T12:00:00Z"
) -> dict[str, Any]:
    """An exported Daily8 article record numbered ``n``, with ``doc``'s source, title and
    language and the given body (paragraphs joined by blank lines)."""
    return {
        "crawled_at": crawled_at,
        "id": f"{n:032x}",
        "url": f"https://www.daily8.com/{doc['language']}/article/{n:032x}",
        "source": doc["source"],
        "title": doc["title"],
        "language": doc["language"],
        "aggregator": "daily8",
        "body": body,
    }


def reprocess(
    records: Iterable[dict[str, Any]],
    workdir: Path,
    settings: Iterable[str] = (),
    timeout: int = 300,
) -> dict[str, dict[str, Any]]:
    """The records ``scrapy reprocess`` writes for ``records``, by id. ``settings`` are
    ``NAME=VALUE`` strings passed with ``-s``."""
    src, out = workdir / "in.jsonl", workdir / "out.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    command = [sys.executable, "-m", "scrapy.cmdline", "reprocess", str(src), "-O", str(out)]
    for setting in settings:
        command += ["-s", setting]
    proc = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = map(json.loads, out.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}
