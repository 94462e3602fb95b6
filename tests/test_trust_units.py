"""The pieces behind a trustworthy run, without a crawl: atomic writes, export targets,
seen-store claims, health checks and the exit status they lead to."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

import pytest

from newsbot.atomic import write_atomically
from newsbot.exitcodes import ExitCode, ExportFailed, UsageError
from newsbot.feeds import check_feeds, check_target
from newsbot.health.checks import (
    Thresholds,
    articles_found,
    exported_share,
    failed_pages_share,
    unreadable_times_share,
)
from newsbot.incremental.store import (
    CLAIMED,
    NEW,
    UNCHANGED,
    UPDATE,
    RedisSeenStore,
    SeenRecord,
    SQLiteSeenStore,
    owner_alive,
    this_process,
)
from newsbot.outcome import exit_code
from tests.test_distributed import redis_url  # noqa: F401  (the fixture)

LIMITS = Thresholds(1, 0.5, 0.5, 0.25, min_sample=20)


# -- atomic writes -------------------------------------------------------------------------
def test_atomic_write_replaces_whole_with_umask_mode_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old")
    write_atomically(target, [b"new ", b"content"])
    assert target.read_text() == "new content"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_atomic_write_that_fails_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old")

    def chunks():
        yield b"half"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, chunks())
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


# -- export targets ------------------------------------------------------------------------
def test_export_targets(tmp_path):
    assert check_target(tmp_path / "new" / "x.jsonl") == tmp_path / "new" / "x.jsonl"
    (tmp_path / "x.jsonl").write_text("")
    assert check_target(tmp_path / "x.jsonl") == tmp_path / "x.jsonl"
    inside = tmp_path / "link.jsonl"
    inside.symlink_to(tmp_path / "x.jsonl")
    assert check_target(inside) == (tmp_path / "x.jsonl").resolve()
    for bad in ("/dev/null", str(tmp_path)):
        with pytest.raises(UsageError, match="regular file"):
            check_target(bad)
    (tmp_path / "out").mkdir()
    outside = tmp_path / "out" / "escape.jsonl"
    outside.symlink_to("/etc/hostname")
    with pytest.raises(UsageError, match="outside its folder"):
        check_target(outside)
    with pytest.raises(UsageError, match="not a directory"):
        check_target(tmp_path / "x.jsonl" / "y.jsonl")


def test_feed_templates_check_their_folder(tmp_path):
    check_feeds({f"{tmp_path}/%(name)s/%(time)s-%(run_id)s.jsonl": {}}, "daily8")
    assert (tmp_path / "daily8").is_dir() and list((tmp_path / "daily8").iterdir()) == []
    check_feeds({"s3://bucket/x.jsonl": {}}, "daily8")  # not ours to check
    (tmp_path / "file").write_text("")
    with pytest.raises(UsageError):
        check_feeds({f"{tmp_path}/file/%(time)s.jsonl": {}}, "daily8")


def test_unwritable_folder_is_an_export_failure_even_for_root(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("chattr +i does not work on this filesystem")
    try:
        with pytest.raises(ExportFailed, match="cannot write exports to"):
            check_feeds({str(folder / "x.jsonl"): {}}, "daily8")
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


# -- seen-store claims ---------------------------------------------------------------------
def test_claims_leave_an_article_to_the_live_run_that_has_it(tmp_path):
    a = SQLiteSeenStore(tmp_path / "s.sqlite", "daily8")
    b = SQLiteSeenStore(tmp_path / "s.sqlite", "daily8")
    assert a.claim("x", "h1", "run-a") == NEW
    assert b.claim("x", "h1", "run-b") == CLAIMED  # run-a is alive (this very process)
    assert a.claim("x", "h1", "run-a") == NEW  # its own claim
    # run-a's export is durable: record and release in one transaction
    a.commit([SeenRecord("x", "h1", None, False, time.time())], "run-a")
    assert a.claims() == {}
    assert b.claim("x", "h1", "run-b") == UNCHANGED
    assert b.claim("x", "h2", "run-b") == UPDATE
    b.release("run-b")
    assert b.claims() == {} and len(b) == 1
    a.close()
    b.close()


def test_a_dead_runs_claims_are_taken_over(tmp_path):
    store = SQLiteSeenStore(tmp_path / "s.sqlite", "daily8")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                          capture_output=True).stdout.strip()  # fmt: skip
    host = this_process().split(":")[0]
    store.claims_db.execute(
        "INSERT INTO claims VALUES ('daily8', 'x', 'gone', ?, ?)", (f"{host}:{dead}:1", time.time())
    )
    assert not owner_alive(f"{host}:{dead}:1", time.time())
    assert owner_alive(this_process(), time.time())
    assert not owner_alive(this_process(), time.time() - 2 * 86400)  # too old
    assert owner_alive(f"elsewhere:{dead}:1", time.time())  # another machine: trusted
    assert store.claim("x", "h", "mine") == NEW
    assert store.claims() == {"x": "mine"}
    store.close()


# -- health checks and exit status ----------------------------------------------------------
def test_health_checks_on_stats():
    healthy = {
        "newsbot/articles/scheduled": 100,
        "newsbot/listing/pages": 5,
        "item_scraped_count": 95,
        "item_dropped_count": 5,
        "newsbot/dropped/duplicate": 3,
        "newsbot/pages/failed": 2,
        "newsbot/timestamps/unreadable": 4,
    }
    for check in (articles_found, exported_share, failed_pages_share, unreadable_times_share):
        assert check(healthy, LIMITS).ok, check(healthy, LIMITS)
    nothing = {"newsbot/listing/pages": 3, "newsbot/listing/empty": 3}
    assert not articles_found(nothing, LIMITS).ok
    failing = {"newsbot/articles/scheduled": 40, "newsbot/pages/failed": 41}
    assert not failed_pages_share(failing, LIMITS).ok
    assert not exported_share(failing, LIMITS).ok
    incremental = {"newsbot/skipped/seen": 90, "newsbot/articles/scheduled": 10,
                   "newsbot/incremental/unchanged": 10, "newsbot/listing/pages": 5}  # fmt: skip
    assert exported_share(incremental, LIMITS).ok  # nothing was due
    small = {"item_scraped_count": 2, "newsbot/timestamps/unreadable": 1}
    assert unreadable_times_share(small, LIMITS).ok  # 1 of 2: too few to judge
    # a resumed JOBDIR job whose queue held only articles reads no listing: not a broken site
    resumed = {**nothing, "newsbot/recovered/resumed_job": 1}
    check = articles_found(resumed, LIMITS)
    assert check.ok and "resumed a stopped job" in check.detail
    # `-a since=1m` and nothing that new: the listings showed articles, all older
    quiet = {"newsbot/listing/pages": 1, "newsbot/skipped/older_than_since": 20}
    check = articles_found(quiet, LIMITS)
    assert check.ok and "20 more entries older than -a since" in check.detail


@pytest.mark.parametrize(
    ("stats", "code"),
    [
        ({}, ExitCode.OK),
        ({"newsbot/health/failed": 0}, ExitCode.OK),
        ({"newsbot/health/failed": 2}, ExitCode.HEALTH_FAILED),
        ({"feedexport/failed_count/X": 1}, ExitCode.EXPORT_FAILED),
        ({"newsbot/export/failed": 1, "newsbot/health/failed": 2}, ExitCode.EXPORT_FAILED),
    ],
)
def test_exit_status_from_stats(stats, code):
    assert exit_code(stats) == code


@pytest.mark.redis
def test_redis_claims_follow_each_runs_keepalive(redis_url):  # noqa: F811
    a, b = RedisSeenStore(redis_url, "daily8"), RedisSeenStore(redis_url, "daily8")
    a.keepalive("run-a")
    assert a.claim("x", "h1", "run-a") == NEW
    assert b.claim("x", "h1", "run-b") == CLAIMED  # run-a's keepalive is fresh
    a.commit([SeenRecord("x", "h1", None, False, time.time())], "run-a")
    assert b.claim("x", "h1", "run-b") == UNCHANGED
    assert b.claim("y", "h", "run-b") == NEW  # run-b never said it is alive...
    assert a.claim("y", "h", "run-a") == NEW  # ...so its claim is taken over
    a.close()
    b.close()


def test_the_default_export_never_writes_into_another_runs_file(tmp_path):
    """Two runs with the same NEWSBOT_RUN_ID started in the same second name the same default
    export: the second finds the first's finished file and fails instead of appending to it."""
    from newsbot.feeds import NEW_FILE, AtomicFileFeedStorage

    taken = tmp_path / "20261202T091338Z-nightly.jsonl"
    taken.write_text('{"id": "a"}\n', encoding="utf-8")
    storage = AtomicFileFeedStorage(str(taken), feed_options={NEW_FILE: True})
    storage.open(None)
    assert storage.collided and storage.error is not None
    assert "NEWSBOT_RUN_ID" in str(storage.error)
    assert taken.read_text(encoding="utf-8") == '{"id": "a"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == [taken.name]  # no .part
    # a file the operator names with -o is appended to, as Scrapy's -o does
    appended = AtomicFileFeedStorage(str(taken), feed_options={})
    handle = appended.open(None)
    handle.write(b'{"id": "b"}\n')
    appended.store(handle)
    assert taken.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_a_seen_store_that_cannot_be_used_now_is_not_called_a_bad_setting(tmp_path):
    """Locked, read-only, a full disk, another user's: exit status 3 and the store kept; a file
    that is not a seen-store, or a folder: the setting is wrong (exit status 2)."""
    import errno
    import sqlite3

    from newsbot.extensions.incremental import _store_condition

    store = tmp_path / "seen.sqlite"
    store.write_bytes(b"")
    now = [
        sqlite3.OperationalError("database is locked"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("disk I/O error"),
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("unable to open database file"),  # an existing file
        PermissionError(errno.EACCES, "Permission denied"),
        OSError(errno.ENOSPC, "No space left on device"),
    ]
    for error in now:
        assert _store_condition(error, str(store)) is not None, error
    wrong = [
        (sqlite3.DatabaseError("file is not a database"), str(store)),
        (sqlite3.OperationalError("unable to open database file"), str(tmp_path)),  # a folder
        (IsADirectoryError(errno.EISDIR, "Is a directory"), str(tmp_path)),
    ]
    for error, where in wrong:
        assert _store_condition(error, where) is None, error
