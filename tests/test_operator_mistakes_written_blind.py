"""tests/data/operator_mistakes_written_blind: one thousand and seventy-eight commands an operator
runs, written from the README alone by people who never saw the code (twenty-seven rounds:
`scrapy crawl daily8`, then reprocess, the article and river spiders, parse, check, fetch,
settings, overlay files, site profiles, noise files and the seen-store, then everyday runs:
environment variables, incremental windows, feeds and their placeholders, log settings, limits,
health options and shell habits, then a team's setup: overlays, profiles and noise files in a
settings folder, scrapyd and scrapy-redis, the browser, concurrency and copy-paste habits, then
the day-two operator: re-runs into existing outputs, seen-stores, `since`, reprocess inputs,
limits, logs and the other commands, then the operator under pressure: odd paths and disks, two
things at once, time zones, wrappers' quoting, then commands pasted from chat and tuned runs,
then the other commands and spiders in depth, then scheduled and repeated runs, then a setup
moved to new places, then schedules and repeats again, then a new colleague's first week, then
the day after: reprocessing exports, job folders after a crash, export options given twice, then
several machines: redis addresses, distributed workers' own settings, scrapyd fields, then
unattended runs: progress, health, log and stop settings, cron habits, then habits from Windows
and other crawlers, then the shell's quoting and empty values, then what earlier runs left on
the disk, then Scrapy's other commands, then feed exports, then a support queue's most common
slips across the manual, then the environment and folders around the crawl, then commands pasted
from a chat, a wiki or a ticket, then values written as in a ticket: units, separators, quoted
paths, then runs broken into pieces and runs side by side: job folders, early stops, two runs on
one export, arguments given twice, then the files in `settings/`: noise rules and kinds,
profiles and overlays edited by hand, then a run's outputs and what reads them: export paths and
formats, feeds, logs, health thresholds and reprocess inputs): eight hundred and five mistakes,
each refused before it fetches anything with a short message naming what to fix (no traceback, a
non-zero exit status), and two hundred and seventy-three unusual commands that are right and
must run (exit status 0). A case that writes ``{REDIS}`` gets a real redis-server on loopback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsbot.replica import build_site
from newsbot.replica.server import ReplicaServer
from tests.conftest import CLOCK, ROOT, free_port
from tests.support.redis_server import redis_server

DATA = Path(__file__).parent / "data" / "operator_mistakes_written_blind"
CASES = [
    case
    for rounds in sorted(DATA.glob("round*.json"))
    for case in json.loads(rounds.read_text(encoding="utf-8"))
]
NEEDS = {"flock", "timeout", "sh", "env"}  # what a case's command may start with besides scrapy


@pytest.fixture(scope="module")
def redis_address(tmp_path_factory):
    """``127.0.0.1:<port>`` of a real redis-server, for the cases that write ``{REDIS}``
    (the Redis the manual's distributed runs expect to find)."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url.removeprefix("redis://").removesuffix("/0")


@pytest.fixture(scope="module")
def base_url():
    with ReplicaServer(build_site(seed=37, articles=30, clock=CLOCK)) as server:
        yield server.base_url


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_command_is_refused_in_one_line_or_runs(case, base_url, tmp_path, request):
    if case["argv"][0] in NEEDS and shutil.which(case["argv"][0]) is None:
        pytest.skip(f"{case['argv'][0]} is not installed")
    port = str(free_port())
    redis = request.getfixturevalue("redis_address") if "{REDIS}" in json.dumps(case) else ""

    def fill(text: str) -> str:
        return (
            text.replace("{BASE}", base_url)
            .replace("{TMP}", str(tmp_path))
            .replace("{UNUSED_PORT}", port)
            .replace("{REDIS}", redis)
        )

    for relative, content in case["files"].items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(content), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update({k: fill(v) for k, v in case["env"].items()})
    done = subprocess.run(
        [fill(a) for a in case["argv"]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    said = done.stdout + done.stderr
    if case["expect"] == "runs":
        assert done.returncode == 0, said[-3000:]
        return
    assert done.returncode != 0, said[-3000:]
    assert "Traceback" not in said, said[-3000:]
    missing = [w for w in case["says"] if w.lower() not in said.lower()]
    assert not missing, said[-3000:]
