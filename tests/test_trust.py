"""A run you can trust (issue 11) and the end of a run (issue 13), as an operator sees it.

Each numbered case of issue 11 runs the real ``scrapy crawl`` (or ``scrapy reprocess``) in a
subprocess against the replica and checks the exit status, the files left, the seen-store's
contents and what the next run exports: nothing lost, nothing doubled.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from newsbot.exitcodes import ExitCode
from newsbot.incremental.store import SQLiteSeenStore
from newsbot.replica import ReplicaServer, build_site
from newsbot.replica.faults import FaultServer, ServerErrors
from newsbot.replica.slow import make_slow
from tests.conftest import ARTICLES, CLOCK, SEED, start_paths
from tests.support.scheduled_runs import wait_for

ROOT = Path(__file__).resolve().parent.parent
MAX = 5  # articles per run where the case does not need more


class Crawl:
    """``scrapy crawl daily8`` against a replica, incremental, with its own seen-store."""

    def __init__(self, server: ReplicaServer, tmp: Path, paths: list[str] | None = None):
        self.server = server
        self.tmp = tmp
        self.store = tmp / "seen.sqlite"
        self.paths = paths or ["/en"]

    def command(self, *extra: str, args: dict[str, Any] | None = None) -> list[str]:
        command = [
            sys.executable, "-m", "scrapy", "crawl", "daily8",
            "-s", "NEWSBOT_ENV=test", "-s", "NEWSBOT_INCREMENTAL=1",
            "-s", f"NEWSBOT_SEEN_STORE={self.store}",
            "-a", "start_urls=" + ",".join(self.server.base_url + p for p in self.paths),
            "-a", f"mirror_hosts={urlsplit(self.server.mirror_url).netloc}",
        ]  # fmt: skip
        for key, value in (args or {}).items():
            command += ["-a", f"{key}={value}"]
        return command + list(extra)

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_EXPORTS_DIR": str(self.tmp / "x")}

    def run(
        self, *extra: str, args: dict[str, Any] | None = None, file_limit: int | None = None
    ) -> subprocess.CompletedProcess:
        def limit() -> None:  # like `ulimit -f`, in the crawl process only
            if file_limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

        return subprocess.run(
            self.command(*extra, args=args),
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            preexec_fn=limit,
        )

    def start(self, *extra: str, args: dict[str, Any] | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            self.command(*extra, args=args),
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def seen(self) -> tuple[int, dict[str, str]]:
        """(records, claims) in the seen-store; (0, {}) when there is none."""
        if not self.store.exists():
            return 0, {}
        store = SQLiteSeenStore(self.store, "daily8")
        try:
            return len(store), store.claims()
        finally:
            store.close()


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def error_lines(stderr: str) -> list[str]:
    """Lines that report an error: logged ERRORs and the commands' own one-line errors."""
    return [
        line
        for line in stderr.splitlines()
        if " ERROR: " in line or line.startswith(("scrapy crawl:", "scrapy reprocess:"))
    ]


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr[-3000:]


@pytest.fixture
def small_replica():
    """40 articles, served by a FaultServer without faults: it logs every request."""
    site = build_site(seed=SEED, articles=40, clock=CLOCK)
    with FaultServer(site, []) as server:
        yield site, server


def immutable_folder(folder: Path) -> Any:
    """Make ``folder`` unwritable even for root: chattr +i, else a read-only tmpfs mount."""
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("chattr"):
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode == 0:
            return ["chattr", "-i", str(folder)]
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode == 0:
        return ["umount", str(folder)]
    pytest.skip("neither chattr +i nor a read-only mount works here (not root?)")


# -- 1. output folder not writable ----------------------------------------------------------
def test_1_unwritable_folder_exits_3_before_crawling_and_records_nothing(small_replica, tmp_path):
    site, server = small_replica
    crawl = Crawl(server, tmp_path)
    folder = tmp_path / "ro"
    undo = immutable_folder(folder)
    try:
        proc = crawl.run("-O", str(folder / "x.jsonl"), args={"max_articles": MAX})
        assert list(folder.iterdir()) == []
    finally:
        subprocess.run(undo, check=True)
    assert proc.returncode == ExitCode.EXPORT_FAILED, proc.stderr[-3000:]
    assert_no_traceback(proc.stderr)
    (line,) = error_lines(proc.stderr)
    assert "cannot write exports to" in line and str(folder) in line
    assert crawl.seen() == (0, {})  # nothing recorded: nothing lost for the next run
    # the next run, into a writable folder, exports those articles
    proc = crawl.run("-O", str(folder / "x.jsonl"), args={"max_articles": MAX})
    assert proc.returncode == ExitCode.OK, proc.stderr[-3000:]
    assert len(set(ids(folder / "x.jsonl"))) == MAX
    assert crawl.seen() == (MAX, {})


# -- 2. devices, directories and symlinks out of the folder ---------------------------------
@pytest.mark.parametrize("kind", ["device", "dev_null", "directory", "symlink_out"])
def test_2_targets_that_are_not_regular_files_are_refused_before_the_crawl(
    small_replica, tmp_path, kind
):
    site, server = small_replica
    crawl = Crawl(server, tmp_path)
    outside = tmp_path / "elsewhere" / "precious.jsonl"
    outside.parent.mkdir()
    outside.write_text("keep me\n")
    target = tmp_path / "out" / "x.jsonl"
    target.parent.mkdir()
    if kind == "device":
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    elif kind == "dev_null":
        target = Path("/dev/null")
    elif kind == "directory":
        target.mkdir()
    else:
        target.symlink_to(outside)
    before = len(server.log)
    proc = crawl.run("-O", f"{target}:jsonlines", args={"max_articles": MAX})
    assert proc.returncode == ExitCode.USAGE, proc.stderr[-3000:]
    assert_no_traceback(proc.stderr)
    (line,) = error_lines(proc.stderr)
    assert line.startswith("scrapy crawl: error: export target") and "regular file" in line
    if kind in ("device", "dev_null"):
        assert stat.S_ISCHR(target.stat().st_mode)  # still a device, not replaced
    elif kind == "directory":
        assert target.is_dir()
    else:
        assert target.is_symlink() and outside.read_text() == "keep me\n"
    assert crawl.seen() == (0, {})
    assert len(server.log) == before  # refused before any request went out


# -- 3. disk full ---------------------------------------------------------------------------
def test_3_a_failed_export_leaves_the_previous_file_and_its_summary(replica, tmp_path):
    """ops round 8: the disk filled, `-O x.jsonl` kept yesterday's file but replaced its
    summary with the failed run's ("export: null", beside 103 good records). The failed run's
    summary goes beside both, as x.failed.summary.json."""
    crawl = Crawl(replica, tmp_path)
    out = tmp_path / "out" / "x.jsonl"
    out.parent.mkdir()
    out.write_text('{"id": "a1"}\n', encoding="utf-8")
    kept = '{"export": "x.jsonl", "items": 1}\n'
    out.with_name("x.summary.json").write_text(kept, encoding="utf-8")
    proc = crawl.run("-O", str(out), file_limit=96 * 1024)
    assert proc.returncode == ExitCode.EXPORT_FAILED, proc.stderr[-3000:]
    assert out.read_text(encoding="utf-8") == '{"id": "a1"}\n'
    assert out.with_name("x.summary.json").read_text(encoding="utf-8") == kept
    failed = json.loads(out.with_name("x.failed.summary.json").read_text(encoding="utf-8"))
    assert failed["export"] is None and failed["outcome"]["exit_code"] == 3
    assert failed["export_kept_previous"] is True
    assert f"{out} left as it was" in proc.stderr


def test_3_disk_full_fails_once_with_exit_3_no_part_and_nothing_recorded(replica, site, tmp_path):
    crawl = Crawl(replica, tmp_path)
    out = tmp_path / "out" / "x.jsonl"
    proc = crawl.run("-O", str(out), file_limit=96 * 1024)  # the export is ~140 kB
    assert proc.returncode == ExitCode.EXPORT_FAILED, proc.stderr[-3000:]
    assert_no_traceback(proc.stderr)
    failures = [line for line in proc.stderr.splitlines() if "Export failed" in line]
    assert len(failures) == 1 and "File too large" in failures[0], proc.stderr[-3000:]
    assert "Export FAILED" in proc.stderr  # in the end-of-run report too
    assert sorted(p.name for p in out.parent.iterdir()) == ["x.summary.json"]  # no .part
    summary = json.loads((out.parent / "x.summary.json").read_text())
    assert summary["export"] is None and summary["outcome"]["exit_code"] == 3
    assert crawl.seen() == (0, {})
    # the next run (disk space back) exports every article, once
    proc = crawl.run("-O", str(out))
    assert proc.returncode == ExitCode.OK, proc.stderr[-3000:]
    exported = ids(out)
    assert len(exported) == len(set(exported))
    assert set(exported) == site.expected_ids(["/en"], 1)
    assert crawl.seen()[0] == len(exported)


# -- 4. concurrent runs ---------------------------------------------------------------------
@pytest.fixture
def slow_replica():
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        make_slow(server, 0.05)
        yield site, server


def test_4_two_runs_started_together_share_no_name_and_no_article(slow_replica, tmp_path):
    site, server = slow_replica
    paths = start_paths(site.truth())
    crawl = Crawl(server, tmp_path, paths)
    runs = [crawl.start(), crawl.start()]  # same command, same second, one seen-store
    errors = [run.communicate(timeout=300)[1] for run in runs]
    # a string, not a list: pytest shows it whole (a failure here needs both runs' ends)
    assert [run.returncode for run in runs] == [0, 0], "\n----\n".join(e[-3000:] for e in errors)
    folder = tmp_path / "x" / "daily8"
    files = sorted(folder.glob("*.jsonl"))
    assert len(files) == 2 and files[0].name != files[1].name  # <time>-<run id>.jsonl each
    counts = Counter(i for f in files for i in ids(f))
    assert [i for i, n in counts.items() if n > 1] == []  # no article in both files
    expected = site.expected_ids(paths, 1)
    assert set(counts) == expected  # and none lost
    assert crawl.seen() == (len(expected), {})  # all recorded, every claim released
    # the next run has nothing new
    proc = crawl.run()
    assert proc.returncode == ExitCode.OK, proc.stderr[-3000:]
    newest = max(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime)
    assert newest not in files and ids(newest) == []


@pytest.fixture
def slower_replica():
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        make_slow(server, 0.5)
        yield site, server


def test_4_a_second_run_onto_the_same_file_fails_and_leaves_the_first_intact(
    slower_replica, tmp_path
):
    site, server = slower_replica
    crawl = Crawl(server, tmp_path)
    out = tmp_path / "out" / "x.jsonl"
    # ~30 s of crawling: the second run starts and fails while the first one writes
    first = crawl.start("-O", str(out), "-s", "CONCURRENT_REQUESTS=2")
    assert wait_for(lambda: out.with_name("x.jsonl.part").exists(), timeout=120)
    second = crawl.run("-O", str(out))
    assert second.returncode == ExitCode.EXPORT_FAILED, second.stderr[-3000:]
    assert "being written by another run" in second.stderr
    assert_no_traceback(second.stderr)
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr[-3000:]
    exported = ids(out)
    assert len(exported) == len(set(exported))
    assert crawl.seen() == (len(exported), {})
    # what the failed run had claimed for a moment (left to it by the first run, released
    # when it failed, never recorded) is exported by the next run: nothing lost or doubled
    again = tmp_path / "out" / "y.jsonl"
    assert crawl.run("-O", str(again)).returncode == 0
    both = exported + ids(again)
    assert len(both) == len(set(both)) and set(both) == site.expected_ids(["/en"], 1)


# -- 5. nothing found, everything failing -----------------------------------------------------
def test_5_a_site_where_every_page_fails_exits_4_with_the_failed_checks(small_replica, tmp_path):
    site, _ = small_replica
    with FaultServer(site, [ServerErrors(paths={"*"}, times=None)]) as server:
        crawl = Crawl(server, tmp_path)
        out = tmp_path / "out" / "x.jsonl"
        proc = crawl.run("-O", str(out), "-s", "RETRY_TIMES=0")
    assert proc.returncode == ExitCode.HEALTH_FAILED, proc.stderr[-3000:]
    assert "FAILED articles found" in proc.stderr and "FAILED failed pages" in proc.stderr
    summary = json.loads(out.with_name("x.summary.json").read_text())
    failed = {c["check"] for c in summary["health"] if not c["ok"]}
    assert {"articles found", "failed pages"} <= failed
    assert summary["outcome"] == {"exit_code": 4, "meaning": "health checks failed"}
    assert crawl.seen() == (0, {})


def test_5_listings_that_yield_nothing_exit_4(small_replica, tmp_path):
    site, server = small_replica
    crawl = Crawl(server, tmp_path, ["/robots.txt"])  # answers 200, links to no article
    proc = crawl.run("-O", str(tmp_path / "x.jsonl"))
    assert proc.returncode == ExitCode.HEALTH_FAILED, proc.stderr[-3000:]
    assert "FAILED articles found: 0 article(s) found" in proc.stderr
    assert "NEWSBOT_BROWSER" not in proc.stderr  # no script there: no browser to suggest
    assert ids(tmp_path / "x.jsonl") == []


def test_5_a_healthy_incremental_run_that_finds_nothing_new_exits_0(small_replica, tmp_path):
    site, server = small_replica
    crawl = Crawl(server, tmp_path)
    assert crawl.run(args={"max_articles": MAX}).returncode == 0
    proc = crawl.run(args={"max_articles": MAX})  # everything seen: an empty export, healthy
    assert proc.returncode == ExitCode.OK, proc.stderr[-3000:]
    assert "Health checks: all 6 passed" in proc.stderr


# -- 6. reprocess ---------------------------------------------------------------------------
def reprocess(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "reprocess", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_6_reprocess_of_a_binary_file_is_an_error_and_leaves_the_target(tmp_path):
    binary = tmp_path / "photo.jsonl"
    binary.write_bytes(os.urandom(64 * 1024))
    target = tmp_path / "cleaned.jsonl"
    target.write_text('{"id": "kept"}\n')
    proc = reprocess(str(binary), "-O", str(target))
    assert proc.returncode == ExitCode.USAGE, proc.stderr
    assert target.read_text() == '{"id": "kept"}\n'
    (line,) = proc.stderr.strip().splitlines()
    assert "has no valid JSON Lines record" in line and "left untouched" in line
    assert list(tmp_path.glob(".cleaned.jsonl.*")) == []


def test_6_reprocess_is_quiet_and_writes_0644_like_crawl_exports(tmp_path):
    source = tmp_path / "in.jsonl"
    record = {
        "id": "a" * 32,
        "url": "http://127.0.0.1/en/article/" + "a" * 32,
        "title": "Pier reopens",
        "body": "The pier reopened.\n\nCrowds came.",
        "language": "en",
        "crawled_at": "2026-11-25T12:00:00Z",
        "published_raw": "3 hours ago",
    }
    source.write_text(json.dumps(record) + "\n" + "{broken\n")
    target = tmp_path / "out.jsonl"
    proc = reprocess(str(source), "-O", str(target))
    assert proc.returncode == 0, proc.stderr
    assert " INFO: " not in proc.stderr and "NOT recorded" not in proc.stderr
    assert "line 2: invalid JSON" in proc.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert ids(target) == [record["id"]]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- the end of a run (issue 13) ----------------------------------------------------------------
def test_the_run_ends_with_a_short_report_on_stderr(small_replica, tmp_path):
    site, server = small_replica
    crawl = Crawl(server, tmp_path)
    started = time.time()
    proc = crawl.run()
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = [line.split("[newsbot.report] INFO: ", 1)[1] for line in proc.stderr.splitlines()
              if "[newsbot.report]" in line]  # fmt: skip
    assert proc.stderr.rstrip().splitlines()[-1].endswith(report[-1])  # the last lines
    (export,) = (tmp_path / "x" / "daily8").glob("*.jsonl")
    n = len(ids(export))
    assert report[0].startswith("Run ") and "exit status 0 (ok)" in report[0]
    assert f"Exported {n} article(s) to {export} (new {n}, updated 0" in report[1]
    summary = export.with_name(export.name.replace(".jsonl", ".summary.json"))
    assert report[-1] == f"Summary: {summary}"
    assert "Health checks: all 6 passed" in report
    # drops by reason, each with a sample URL, logged once and never whole
    meta = json.loads(summary.read_text())
    assert meta["outcome"]["exit_code"] == 0 and meta["run_id"] in export.name
    assert meta["stats"]["item_scraped_count"] == n and time.time() - started < 300
    for reason, count in meta["dropped_by_reason"].items():
        sample = meta["samples"][f"newsbot/sample/dropped/{reason}"]
        line = next(r for r in report if r.startswith("Dropped "))
        assert f"{reason.replace('_', ' ')} {count} (e.g. {sample})" in line
        assert sum(sample in x for x in proc.stderr.splitlines() if "Dropped" in x) == 2
    assert "Dumping Scrapy stats" not in proc.stderr and "'item_scraped_count'" not in proc.stderr
    assert "[Spidermon]" not in proc.stderr


def test_1_a_seen_store_that_cannot_record_the_run_sets_its_export_aside(slower_replica, tmp_path):
    site, server = slower_replica
    crawl = Crawl(server, tmp_path)
    out = tmp_path / "out" / "x.jsonl"
    wal = Path(f"{crawl.store}-wal")
    run = crawl.start("-O", str(out), "-s", "CONCURRENT_REQUESTS=4", args={"max_articles": 20})
    assert wait_for(lambda: out.with_name("x.jsonl.part").exists() and wal.exists(), timeout=120)
    if subprocess.run(["chattr", "+i", str(wal)], capture_output=True).returncode:
        run.kill()
        run.communicate()
        pytest.skip("chattr +i does not work on this filesystem")
    try:
        _, stderr = run.communicate(timeout=300)
    finally:
        subprocess.run(["chattr", "-i", str(wal)], check=True)
    assert run.returncode == ExitCode.EXPORT_FAILED, stderr[-3000:]
    assert_no_traceback(stderr)
    assert "could not record" in stderr and "set aside as" in stderr
    report = [x for x in stderr.splitlines() if "Export FAILED" in x]
    assert report and "no file written" not in report[0], report  # a file is left, aside
    summary = json.loads(out.with_name("x.summary.json").read_text(encoding="utf-8"))
    assert summary["export"] is None and "could not record" in summary["export_error"]
    aside = ids(Path(f"{out}.unrecorded"))
    assert not out.exists() and len(aside) > 10
    assert crawl.seen() == (0, {})
    # the next run exports those articles (once: the set-aside file is not a .jsonl)
    assert crawl.run("-O", str(out), args={"max_articles": 20}).returncode == 0
    assert sorted(ids(out)) == sorted(aside) and crawl.seen()[0] == len(aside)
