"""Environment overlays (settings/environments/*.toml), the Redis switch, scheduled runs."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings

from newsbot.distributed.addon import RedisAddon
from newsbot.exitcodes import UsageError
from newsbot.profiles import load_toml
from tests.conftest import ROOT

ENVIRONMENTS = ("development", "production", "test", "distributed")


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_every_overlay_parses_and_has_settings(name):
    overlay = load_toml(f"environments/{name}.toml")
    assert overlay["settings"]


def test_overlays_say_what_they_are_for():
    assert load_toml("environments/development.toml")["settings"]["HTTPCACHE_ENABLED"] is True
    production = load_toml("environments/production.toml")["settings"]
    assert production["AUTOTHROTTLE_ENABLED"] and production["ROBOTSTXT_OBEY"]
    assert production["JOBDIR"] == ".newsbot/jobs/%(name)s"
    distributed = load_toml("environments/distributed.toml")["settings"]
    assert distributed["NEWSBOT_REDIS_URL"].startswith("redis://")
    assert load_toml("environments/test.toml")["settings"]["NEWSBOT_INCREMENTAL"] is False


def _addon(settings: Settings, spider: str = "daily8") -> Settings:
    RedisAddon(SimpleNamespace(spidercls=SimpleNamespace(name=spider))).update_settings(settings)
    return settings


def test_one_redis_url_switches_scheduler_dupefilter_and_store(monkeypatch):
    monkeypatch.delenv("NEWSBOT_REDIS_URL", raising=False)
    plain = _addon(Settings())
    assert "scrapy_redis" not in str(plain.get("SCHEDULER"))
    settings = Settings()
    settings.set("NEWSBOT_REDIS_URL", "redis://10.0.0.5:6379/1", priority="cmdline")
    _addon(settings)
    assert settings["SCHEDULER"] == "newsbot.distributed.scheduler.DistributedScheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings["SCHEDULER_QUEUE_CLASS"] == "newsbot.distributed.queue.ClaimingPriorityQueue"
    assert settings["REDIS_URL"] == "redis://10.0.0.5:6379/1"
    assert settings.getbool("SCHEDULER_PERSIST")
    from scrapy_redis.scheduler import Scheduler

    from newsbot.distributed.scheduler import DistributedScheduler

    assert issubclass(DistributedScheduler, Scheduler)  # scrapy-redis's, not a home-made one


def test_the_environment_variable_also_switches(monkeypatch):
    monkeypatch.setenv("NEWSBOT_REDIS_URL", "redis://127.0.0.1:6390/0")
    assert _addon(Settings())["REDIS_URL"] == "redis://127.0.0.1:6390/0"


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        # a river worker given daily8's queue took its requests and dropped them, exit 0
        ("SCHEDULER_QUEUE_KEY", "newsbot:daily8:requests", "sets it itself"),
        ("SCHEDULER", "scrapy_redis.scheduler.Scheduler", "sets it itself"),
        ("SCHEDULER_SERIALIZER", "pickle", "sets it itself"),
        # a joining worker wiped the crawl in progress: articles in two exports and in none
        ("SCHEDULER_FLUSH_ON_START", "true", "wipes the crawl the others are running"),
        # one worker's limit dropped the articles it found for every worker
        ("DEPTH_LIMIT", "1", "-a related_depth"),
    ],
)
def test_a_distributed_worker_with_a_queue_setting_of_its_own_is_refused(setting, value, says):
    """ops round 11: each of these ran, exit 0, and lost or doubled articles of the crawl."""
    settings = Settings()
    settings.set("NEWSBOT_REDIS_URL", "redis://127.0.0.1:6390/0", priority="cmdline")
    settings.set(setting, value, priority="cmdline")
    with pytest.raises(UsageError, match=says):
        _addon(settings)


@pytest.mark.parametrize(
    "given",
    [
        {"SCHEDULER": "scrapy_redis.scheduler.Scheduler"},
        {"DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter"},
        {"REDIS_URL": "redis://127.0.0.1:6390/0"},
    ],
)
def test_scrapy_redis_set_up_by_hand_points_to_newsbots_distributed_mode(monkeypatch, given):
    """ops round 11: scrapy-redis set up as its docs say ran with requests stored as pickles
    and none of the claims that keep an article in one export, without a word."""
    monkeypatch.delenv("NEWSBOT_REDIS_URL", raising=False)
    settings = Settings()
    for name, value in given.items():
        settings.set(name, value, priority="cmdline")
    with pytest.raises(UsageError, match="set NEWSBOT_REDIS_URL"):
        _addon(settings)


def test_jobdir_gets_the_spider_name():
    settings = Settings()
    settings.set("JOBDIR", ".newsbot/jobs/%(name)s", priority="addon")
    assert _addon(settings)["JOBDIR"] == ".newsbot/jobs/daily8"


def _crawl(env_name: str | None, tmp_path, replica, *extra: str) -> str:
    log = tmp_path / "crawl.log"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "daily8",
        "-a", f"start_urls={replica.base_url}/en", "-a", "related_depth=0",
        "-a", "max_articles=2", "-s", f"LOG_FILE={log}",
        "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
        "-s", f"JOBDIR={tmp_path / 'job'}", *extra,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(tmp_path / "out")}
    env.pop("NEWSBOT_ENV", None)
    if env_name:
        env["NEWSBOT_ENV"] = env_name
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    text = log.read_text() if log.exists() else proc.stderr
    assert proc.returncode == 0, text[-3000:]
    return text


def test_the_overlay_is_applied_and_logged(replica, tmp_path):
    text = _crawl("production", tmp_path, replica)
    assert "newsbot environment: production" in text
    assert "'AUTOTHROTTLE_ENABLED': True" in text
    assert (tmp_path / "out" / "daily8").is_dir()
    assert not (tmp_path / "job" / "requests.seen").exists()  # finished: JOBDIR cleared
    text = _crawl(None, tmp_path, replica, "-s", "NEWSBOT_ENV=test")  # -s works as well
    assert "newsbot environment: test" in text
    assert "Incremental runs off" in text


def _scheduled(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m newsbot.scheduled ARGS`` from the project, as cron runs it."""
    return subprocess.run(
        [sys.executable, "-m", "newsbot.scheduled", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_scheduled_runs_never_overlap(tmp_path):
    lock = tmp_path / "daily8.lock"
    held = lock.open("a+")
    fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        proc = _scheduled("daily8", "--lock", str(lock))
    finally:
        held.close()
    assert proc.returncode == 0
    assert "still holds" in proc.stderr and "skipping" in proc.stderr


def test_scrapy_arguments_without_the_dashes_name_them(tmp_path):
    """`python -m newsbot.scheduled daily8 -s NEWSBOT_ENV=test`: argparse said only
    "unrecognized arguments", and the usage line never showed where they go."""
    proc = _scheduled("daily8", "-s", "NEWSBOT_ENV=test")
    assert proc.returncode == 2
    assert "[-- scrapy crawl arguments]" in proc.stderr
    assert "newsbot.scheduled daily8 -- -s NEWSBOT_ENV=test" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_lock_in_a_missing_folder_is_refused_not_made(tmp_path):
    """ops4: `--lock /nonexistent/dir/x.lock` silently created /nonexistent/dir."""
    lock = tmp_path / "no" / "such" / "daily8.lock"
    proc = _scheduled("daily8", "--lock", str(lock))
    assert proc.returncode == 2, proc.stderr
    assert "is not a folder" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "no").exists()


def test_a_read_only_checkout_is_one_line_not_a_traceback(tmp_path):
    """ops7: from a checkout mounted read-only, the runner's lock file could not be made: a
    PermissionError traceback. One line naming the lock file, exit 2."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "scrapy.cfg", project / "scrapy.cfg")
    read_only = tmp_path / "ro"
    read_only.mkdir()
    bound = subprocess.run(["mount", "--bind", str(project), str(read_only)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip("no bind mount here (not root?)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(read_only)], check=True)
        proc = _scheduled("daily8", "--", "-s", "NEWSBOT_ENV=test", cwd=read_only)
    finally:
        subprocess.run(["umount", str(read_only)], check=False)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith(
        f"python -m newsbot.scheduled: cannot write the lock file {read_only}/.newsbot/daily8.lock"
    ), line
    assert "Read-only file system" in line and "--lock" in line


def test_a_cron_line_without_cd_names_the_fix_and_leaves_nothing(tmp_path):
    """ops5: outside the project it ended with Scrapy's "The crawl command is not available
    from this location" and left .newsbot/daily8.lock in the folder cron ran it from."""
    proc = _scheduled("daily8", "--", "-s", "NEWSBOT_ENV=test", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"python -m newsbot.scheduled: no newsbot project in {tmp_path} or above it (no "
        "scrapy.cfg); run it from the project's folder (cd /path/to/newsbot && ...)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_systemd_and_cron_files_run_the_locked_runner():
    deploy = ROOT / "settings" / "deploy"
    service = (deploy / "systemd" / "newsbot.service").read_text()
    timer = (deploy / "systemd" / "newsbot.timer").read_text()
    cron = (deploy / "cron" / "newsbot.cron").read_text()
    assert "ExecStart=" in service and "-m newsbot.scheduled daily8" in service
    assert "Type=oneshot" in service and "NEWSBOT_ENV=production" in service
    assert "OnCalendar=*:0/15" in timer and "Unit=newsbot.service" in timer
    line = next(x for x in cron.splitlines() if x and not x.startswith("#"))
    assert line.startswith("*/15 * * * *") and "flock -n" in line and "newsbot.scheduled" in line


def test_the_scheduled_runner_runs_the_crawl(replica, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsbot.scheduled",
            "daily8",
            "--lock",
            str(tmp_path / "l"),
            "--",
            "-s",
            "NEWSBOT_ENV=test",
            "-s",
            "LOG_LEVEL=WARNING",
            "-a",
            f"start_urls={replica.base_url}/en",
            "-a",
            "related_depth=0",
            "-a",
            "max_articles=3",
        ],  # fmt: skip
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(tmp_path / "x")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (export,) = (tmp_path / "x" / "daily8").glob("*.jsonl")
    assert len(export.read_text().splitlines()) == 3


def test_a_jobdir_template_makes_no_folder_named_after_its_placeholder(tmp_path):
    """The settings check made `.newsbot/jobs/%(name)s` before the spider's name was put in
    (a stray folder beside `.newsbot/jobs/daily8` on every production run)."""
    from newsbot.settings_check import check_values

    check_values({"JOBDIR": str(tmp_path / "jobs" / "%(name)s")}.get)
    assert (tmp_path / "jobs").is_dir() and list((tmp_path / "jobs").iterdir()) == []


def test_a_killed_wrapper_leaves_a_crawl_that_stops_and_holds_the_lock_till_then(
    own_replica, tmp_path
):
    """ops round 9: `kill -9` of the scheduled runner left its crawl running as an orphan and
    released the lock; the next scheduled run then failed on the crawl's JOBDIR, exit 2.
    Now the crawl holds the lock too and is told to stop (gracefully) when the runner dies:
    a run started meanwhile skips (exit 0), and the crawl ends with its export finished."""
    import signal
    import time

    from newsbot.replica.slow import make_slow
    from tests.support.scheduled_runs import wait_for

    _site, server = own_replica
    make_slow(server, 0.5, lambda req: "/article/" in req.path)
    lock, out = tmp_path / "l", tmp_path / "x"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(out)}
    args = ["--", "-s", "NEWSBOT_ENV=test", "-a", f"start_urls={server.base_url}/en"]
    runner = subprocess.Popen(
        [sys.executable, "-m", "newsbot.scheduled", "daily8", "--lock", str(lock), *args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    crawl_pid = None
    try:
        assert wait_for(lambda: any(out.glob("daily8/*.part")), timeout=60), "no crawl started"
        children = Path(f"/proc/{runner.pid}/task/{runner.pid}/children").read_text().split()
        crawl_pid = int(children[0])
        runner.send_signal(signal.SIGKILL)
        runner.wait(10)
        second = _scheduled("daily8", "--lock", str(lock))
        assert second.returncode == 0 and "skipping" in second.stderr, second.stderr[-2000:]
        assert wait_for(lambda: not Path(f"/proc/{crawl_pid}").exists(), timeout=60)
        assert list(out.glob("daily8/*.jsonl")) and not list(out.glob("daily8/*.part"))
    finally:
        if runner.poll() is None:
            runner.kill()
        if crawl_pid is not None and Path(f"/proc/{crawl_pid}").exists():
            os.kill(crawl_pid, signal.SIGKILL)
        time.sleep(0.1)
