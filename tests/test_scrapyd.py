"""Deploy with scrapyd-client to a real scrapyd on 127.0.0.1, schedule daily8, check the JSONL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, free_port, start_paths
from tests.support.scheduled_runs import wait_for

pytestmark = pytest.mark.scrapyd
BIN = Path(sys.executable).parent
ENVS = ("development", "production", "test", "distributed")


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (pip install -e '.[ops]')")
    return found


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _post(url: str, data: list[tuple[str, str]]) -> dict:
    body = urllib.parse.urlencode(data).encode()
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    """A real scrapyd on a free loopback port, with its own folders; stopped at teardown."""
    binary = _tool("scrapyd")
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
        "items_dir =\n"
        "max_proc = 2\n"
        "poll_interval = 0.5\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    env["NEWSBOT_EXPORTS_DIR"] = str(home / "exports")
    proc = subprocess.Popen(
        [binary],
        cwd=home,  # scrapyd reads ./scrapyd.conf; jobs run here, away from the checkout
        env=env,
        stdout=(home / "scrapyd.out").open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        try:
            return _get(url + "daemonstatus.json").get("status") == "ok"
        except OSError:
            return False

    try:
        assert wait_for(up, timeout=30, interval=0.2), (home / "scrapyd.out").read_text()
        yield url, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _project_copy(tmp_path: Path, url: str) -> Path:
    """The checkout's project files, with scrapy.cfg's deploy target pointed at ``url``."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(
        ".venv", "exports", "build", "*.egg-info", "__pycache__", ".newsbot", ".git", "tests"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    cfg = (copy / "scrapy.cfg").read_text()
    cfg = cfg.replace("http://127.0.0.1:6800/", url)
    assert url in cfg
    (copy / "scrapy.cfg").write_text(cfg)
    return copy


def test_the_egg_carries_settings_and_loads_profiles(tmp_path):
    project = _project_copy(tmp_path, "http://127.0.0.1:9/")
    egg = tmp_path / "newsbot.egg"
    deploy = subprocess.run(
        [_tool("scrapyd-deploy"), f"--build-egg={egg}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert deploy.returncode == 0, deploy.stderr
    names = set(zipfile.ZipFile(egg).namelist())
    for name in ("daily8.toml", "noise.toml", *(f"environments/{e}.toml" for e in ENVS)):
        assert f"newsbot/site_config/{name}" in names, name
    check = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from newsbot.profiles import load_profile, load_toml, settings_dir;"
        "assert '.egg' in str(settings_dir()), settings_dir();"
        "print(load_profile('daily8').name, sorted(load_toml('environments/production.toml')))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSBOT_SETTINGS_DIR")}
    run = subprocess.run(
        [sys.executable, "-c", check, str(egg)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("daily8")


def test_deploy_schedule_and_read_the_export(scrapyd, replica, truth, tmp_path):
    url, home = scrapyd
    project = _project_copy(tmp_path, url)
    # a site registered by its profile alone (no spider class): the egg carries it and
    # scrapyd lists and runs it through the project's spider loader
    profile = (project / "settings" / "daily8.toml").read_text()
    (project / "settings" / "mirrorwire.toml").write_text(
        profile.replace('name = "daily8"', 'name = "mirrorwire"')
    )
    deploy = subprocess.run(
        [_tool("scrapyd-deploy"), "-v", "r1"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert '"status": "ok"' in deploy.stdout or "ok" in deploy.stdout, deploy.stdout
    assert _get(url + "listprojects.json")["projects"] == ["newsbot"]
    spiders = _get(url + "listspiders.json?project=newsbot")["spiders"]
    assert "daily8" in spiders and "mirrorwire" in spiders

    job = _post(
        url + "schedule.json",
        [
            ("project", "newsbot"),
            ("spider", "daily8"),
            ("setting", "NEWSBOT_ENV=test"),
            ("start_urls", replica.base_url + start_paths(truth)[0]),
            ("mirror_hosts", urlsplit(replica.mirror_url).netloc),
            ("related_depth", "0"),
            ("max_articles", "5"),
        ],
    )
    assert job["status"] == "ok", job
    jobid = job["jobid"]

    def finished() -> bool:
        jobs = _get(url + "listjobs.json?project=newsbot")
        return any(j["id"] == jobid for j in jobs.get("finished", []))

    assert wait_for(finished, timeout=120, interval=0.5), _get(url + "listjobs.json")
    log = next((home / "logs").rglob(f"{jobid}.log")).read_text()
    assert "newsbot environment: test" in log
    exports = sorted((home / "exports" / "daily8").glob("*.jsonl"))
    assert len(exports) == 1, log[-3000:]
    items = [json.loads(line) for line in exports[0].read_text().splitlines()]
    assert len(items) == 5
    assert all(item["id"] in truth["articles"] for item in items)
    summary = json.loads(exports[0].with_name(exports[0].stem + ".summary.json").read_text())
    assert summary["finish_reason"] == "finished" and summary["items"] == 5

    made = _post(
        url + "schedule.json",
        [
            ("project", "newsbot"),
            ("spider", "mirrorwire"),
            ("setting", "NEWSBOT_ENV=test"),
            ("start_urls", replica.base_url + start_paths(truth)[0]),
            ("related_depth", "0"),
            ("max_articles", "3"),
        ],
    )
    assert made["status"] == "ok", made

    def made_finished() -> bool:
        jobs = _get(url + "listjobs.json?project=newsbot")
        return any(j["id"] == made["jobid"] for j in jobs.get("finished", []))

    assert wait_for(made_finished, timeout=120, interval=0.5), _get(url + "listjobs.json")
    log = next((home / "logs").rglob(f"{made['jobid']}.log")).read_text()
    exports = sorted((home / "exports" / "mirrorwire").glob("*.jsonl"))
    assert len(exports) == 1, log[-3000:]
    items = [json.loads(line) for line in exports[0].read_text().splitlines()]
    assert len(items) == 3 and {item["aggregator"] for item in items} == {"mirrorwire"}
    assert all(item["id"] in truth["articles"] for item in items)
