"""Helpers for tests of scheduled runs: ``scrapy crawl daily8`` as a scheduler runs it.

Unlike ``tests.conftest.run_crawl`` (one ``-O`` file), these runs write the default
timestamped exports under ``<workdir>/exports`` and keep a seen-store in ``<workdir>``, so
several runs of the same command can be chained, stopped, killed and resumed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent.parent


def crawl_command(
    base_url: str,
    mirror_url: str | None,
    paths: list[str],
    *,
    args: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "daily8", "-s", "NEWSBOT_ENV=test"]
    all_args: dict[str, Any] = {"start_urls": ",".join(base_url + p for p in paths)}
    if mirror_url:
        all_args["mirror_hosts"] = urlsplit(mirror_url).netloc
    all_args.update(args or {})
    for key, value in all_args.items():
        command += ["-a", f"{key}={value}"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    return command


class ScheduledRuns:
    """Runs of one command in ``workdir``: exports, seen-store and logs live there."""

    def __init__(
        self,
        server: Any,
        paths: list[str],
        workdir: Path,
        *,
        args: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
        exports: Path | None = None,
    ) -> None:
        self.workdir = workdir
        self.exports = exports or workdir / "exports"
        self.logs = workdir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        feed = {"format": "jsonlines", "encoding": "utf-8"}
        self.settings = {
            # the default feed, spelled out: exports/<spider>/<UTC start time>-<run id>.jsonl
            "FEEDS": json.dumps({f"{self.exports}/%(name)s/%(time)s-%(run_id)s.jsonl": feed}),
            "NEWSBOT_INCREMENTAL": 1,
            "NEWSBOT_SEEN_STORE": str(workdir / "seen.sqlite"),
            **(settings or {}),
        }
        if "NEWSBOT_REDIS_URL" in self.settings:  # distributed: the store is in that Redis
            self.settings.pop("NEWSBOT_SEEN_STORE")
        self.command = crawl_command(
            server.base_url, server.mirror_url, paths, args=args, settings=self.settings
        )
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "NEWSBOT_EXPORTS_DIR": str(self.exports),
            **(env or {}),
        }
        self.count = 0

    def start(self, extra: list[str] | None = None) -> tuple[subprocess.Popen, Path]:
        self.count += 1
        log = self.logs / f"run{self.count}.log"
        command = [*self.command, *(extra or []), "-s", f"LOG_FILE={log}"]
        proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return proc, log

    def run(self, extra: list[str] | None = None, timeout: float = 120) -> tuple[int, str]:
        proc, log = self.start(extra)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()  # a hung crawl must not outlive the test that gave up on it
            proc.communicate()
            raise
        return proc.returncode, (log.read_text() if log.exists() else "") + (out or "")

    # -- what is on disk -------------------------------------------------------------------
    def folder(self) -> Path:
        return self.exports / "daily8"

    def files(self, pattern: str) -> list[Path]:
        folder = self.folder()
        return sorted(folder.glob(pattern)) if folder.is_dir() else []

    def finished(self) -> list[Path]:
        return self.files("*.jsonl")

    def parts(self) -> list[Path]:
        return self.files("*.part")

    def summaries(self) -> list[dict[str, Any]]:
        return [json.loads(p.read_text()) for p in self.files("*.summary.json")]

    def ids(self, files: list[Path] | None = None) -> Counter[str]:
        counts: Counter[str] = Counter()
        for path in self.finished() if files is None else files:
            for line in path.read_text(encoding="utf-8").splitlines():
                counts[json.loads(line)["id"]] += 1
        return counts


def part_lines(folder: Path) -> int:
    total = 0
    for part in folder.glob("*.jsonl.part") if folder.is_dir() else []:
        total += part.read_bytes().count(b"\n")
    return total


def wait_for(condition: Any, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def kill(proc: subprocess.Popen, sig: int = signal.SIGKILL, timeout: float = 60) -> int:
    proc.send_signal(sig)
    proc.communicate(timeout=timeout)
    return proc.returncode
