"""Shared fixtures: the replica site on 127.0.0.1 and a way to run real crawls against it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from newsbot.replica import ReplicaServer, build_site

ROOT = Path(__file__).resolve().parent.parent
CLOCK = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
SEED = 8
ARTICLES = 120


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 (as the system hands one out)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_binary(name: str, *candidates: str) -> str:
    """The path of a system program; skip without it, but fail under CI (which installs it)."""
    for candidate in (name, *candidates):
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required in CI (.ci/run installs it)")
    pytest.skip(f"{name} is not installed")


@pytest.fixture(scope="session")
def site():
    return build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)


@pytest.fixture(scope="session")
def truth(site):
    return site.truth()


@pytest.fixture(scope="session")
def replica(site):
    with ReplicaServer(site, theme="a") as server:
        yield server


@pytest.fixture(scope="session")
def replica_b(site):
    with ReplicaServer(site, theme="b") as server:
        yield server


@pytest.fixture(scope="session")
def replica_react(site):
    with ReplicaServer(site, theme="react") as server:
        yield server


@pytest.fixture
def own_replica():
    """The same site as ``site``, built afresh and served for one test, which may change its
    articles or slow its pages down: (site, server)."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        yield site, server


def start_paths(truth: dict[str, Any]) -> list[str]:
    hashtags = sorted(p for p in truth["listings"] if "/hashtag/" in p)
    return ["/en", *hashtags[:2]]


@dataclass
class CrawlResult:
    returncode: int
    items: list[dict[str, Any]]
    lines: list[str]
    log: str
    export: Path
    summary: dict[str, Any] = field(default_factory=dict)


def run_crawl(
    server: ReplicaServer,
    paths: list[str],
    out_dir: Path,
    *,
    args: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    spider: str = "daily8",
    timeout: int = 300,
) -> CrawlResult:
    """``scrapy crawl daily8`` in a subprocess, as a user runs it, exporting to ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    export = out_dir / "items.jsonl"
    log = out_dir / "crawl.log"
    command = [
        sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(export),
        "-s", "NEWSBOT_ENV=test", "-s", f"LOG_FILE={log}", "-s", "LOG_FILE_APPEND=False",
        # each test crawl has its own seen-store, so runs never hide articles from each other
        "-s", f"NEWSBOT_SEEN_STORE={out_dir / 'seen.sqlite'}",
        # tests read stats from the log (a user has them in the run summary)
        "-s", "STATS_DUMP=True",
    ]  # fmt: skip
    all_args = {"start_urls": ",".join(server.base_url + p for p in paths)}
    mirror = urlsplit(server.mirror_url or "").netloc
    if mirror:  # a site without a mirror: no -a mirror_hosts (an empty value is an error)
        all_args["mirror_hosts"] = mirror
    all_args.update(args or {})
    # "" means "leave the argument out" here: the command refuses an empty value
    all_args = {key: value for key, value in all_args.items() if value != ""}
    for key, value in all_args.items():
        command += ["-a", f"{key}={value}"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run(
        command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout
    )
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    lines = export.read_text(encoding="utf-8").splitlines() if export.exists() else []
    summary_file = out_dir / "items.summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {}
    return CrawlResult(
        proc.returncode,
        [json.loads(line) for line in lines],
        lines,
        text + proc.stdout + proc.stderr,
        export,
        summary,
    )
