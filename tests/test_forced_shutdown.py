"""A forced shutdown: Ctrl-C (or SIGTERM, as scrapyd sends it) a second time.

Scrapy's first signal starts a graceful stop; the second stops it at once ("forcing unclean
shutdown"): the spider never closes, so neither the export nor the worker pool is closed.
The run must still end within seconds, leave no worker process behind, exit 130 (not 0: a
scheduler must not read it as a run that did its job), and leave its export as a ``.part``
that the same command recovers. One Ctrl-C keeps Scrapy's graceful stop (exit 0).
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from newsbot.exitcodes import ExitCode
from newsbot.replica import ReplicaServer, build_site
from newsbot.replica.slow import make_slow
from tests.conftest import ARTICLES, CLOCK, ROOT, SEED, start_paths
from tests.support.scheduled_runs import crawl_command, part_lines, wait_for

FAST = 15  # article pages answered at once; the ones after them wait STALL seconds
ENDS_WITHIN = 10.0  # seconds from the second signal to the end of the process


def _children(pid: int) -> dict[int, str]:
    """The live child processes of ``pid``: their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, _, rest = stat.read_text().rpartition(")")
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:  # ended meanwhile
            continue
        state, ppid = rest.split()[:2]
        if int(ppid) == pid and state != "Z":
            found[int(head.split(" (")[0])] = cmdline.replace(b"\0", b" ").decode()
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


class Crawl:
    """``scrapy crawl daily8 -O <out>/x.jsonl`` against ``server``, as a user runs it."""

    def __init__(self, server: ReplicaServer, paths: list[str], out: Path, workers: str) -> None:
        self.out = out
        self.command = [
            *crawl_command(server.base_url, server.mirror_url, paths),
            "-O", str(out / "x.jsonl"),
            "-s", "NEWSBOT_INCREMENTAL=1", "-s", f"NEWSBOT_SEEN_STORE={out / 'seen.sqlite'}",
            "-s", f"NEWSBOT_WORKERS={workers}",
            "-s", "CONCURRENT_REQUESTS=4", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
        ]  # fmt: skip
        self.env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.runs = 0

    def start(self) -> tuple[subprocess.Popen, Path]:
        self.runs += 1
        log = self.out / f"run{self.runs}.log"
        proc = subprocess.Popen(
            [*self.command, "-s", f"LOG_FILE={log}"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return proc, log

    def names(self) -> list[str]:
        return sorted(p.name for p in self.out.iterdir() if p.name.startswith("x."))


def _stop(proc: subprocess.Popen, signals: list[tuple[int, float]]) -> None:
    """Send each signal after its pause; fail if the process has not ended ENDS_WITHIN
    seconds after the last (the caller kills it)."""
    for sig, pause in signals:
        time.sleep(pause)
        proc.send_signal(sig)
    try:
        proc.wait(ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running {ENDS_WITHIN:g} s after {signals}")


def _crawl_until_stuck(tmp_path: Path, workers: str, stall: float, signals, check) -> None:
    """Crawl a replica whose article pages after the first FAST take ``stall`` seconds; once
    some articles are in the .part, send ``signals``; then ``check(crawl, proc, log, pids)``
    with the crawl process's children as they were. Nothing is left running."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    paths = start_paths(site.truth())
    with ReplicaServer(site, theme="a") as server:
        counter = itertools.count()
        make_slow(server, stall, lambda req: "/article/" in req.path and next(counter) >= FAST)
        crawl = Crawl(server, paths, tmp_path, workers)
        proc, log = crawl.start()
        pids: dict[int, str] = {}
        try:
            assert wait_for(lambda: part_lines(tmp_path) >= 8, timeout=60), "no articles yet"
            assert proc.poll() is None, "the crawl ended before it could be stopped"
            pids = _children(proc.pid)
            _stop(proc, signals)
            server.fault_hook = None  # the next run gets every page at once
            check(crawl, proc, log, pids)
        finally:
            for pid in [proc.pid, *pids]:
                if _running(pid):
                    os.kill(pid, signal.SIGKILL)
            proc.wait(10)


def _in_time(start, signal_it, what: str, tries: int = 3):
    """``start()`` a crawl and ``signal_it(proc, log)`` (True when the process was still
    running at the signal that matters), until that signal reached a live process: the
    moment it aims at lasts a fraction of a second. Returns the last (proc, log)."""
    for _ in range(tries):
        proc, log = start()
        try:
            alive = signal_it(proc, log)
            proc.wait(60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
        if alive:
            return proc, log
    pytest.fail(f"the run ended before {what} could reach it, {tries} times")


def _workers(pids: dict[int, str]) -> list[int]:
    return [pid for pid, cmdline in pids.items() if "multiprocessing.spawn" in cmdline]


@pytest.mark.parametrize(
    ("workers", "sig", "pause"),
    [
        ("1", signal.SIGINT, 0.3),
        ("1", signal.SIGINT, 1.5),
        ("1", signal.SIGTERM, 0.3),
        ("1", signal.SIGTERM, 1.5),
        ("0", signal.SIGINT, 0.3),
        ("0", signal.SIGTERM, 1.5),
    ],
    ids=["worker-int-0.3", "worker-int-1.5", "worker-term-0.3", "worker-term-1.5",
         "no-worker-int-0.3", "no-worker-term-1.5"],
)  # fmt: skip
def test_a_forced_shutdown_ends_at_once_exits_non_zero_and_is_recovered(
    tmp_path, workers, sig, pause
):
    def check(crawl, proc, log, pids):
        text = log.read_text()
        assert "twice, forcing unclean shutdown" in text, text[-2000:]
        assert proc.returncode == ExitCode.INTERRUPTED == 130
        assert len(_workers(pids)) == int(workers), pids
        # the workers and multiprocessing's helper end with the crawl process
        assert wait_for(lambda: not any(_running(pid) for pid in pids), timeout=5), [
            pid for pid in pids if _running(pid)
        ]
        # nothing that looks finished: only the .part, for the next run to recover
        assert crawl.names() == ["x.jsonl.part"]
        left = part_lines(crawl.out)
        assert left >= 8

        again, log = crawl.start()
        again.wait(120)
        text = log.read_text()
        assert again.returncode == 0, text[-3000:]
        assert "from a killed run" in text, text[-3000:]
        recovered = (crawl.out / "x.recovered.jsonl").read_text().splitlines()
        assert left - 1 <= len(recovered) <= left
        assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()

    _crawl_until_stuck(tmp_path, workers, 30.0, [(sig, 0.0), (sig, pause)], check)


def test_one_ctrl_c_still_stops_gracefully(tmp_path):
    def check(crawl, proc, log, pids):
        text = log.read_text()
        assert "forcing unclean shutdown" not in text
        assert proc.returncode == 0, text[-3000:]
        assert "Run " in text and "ended (shutdown): exit status 0 (ok)" in text
        assert len(_workers(pids)) == 1, pids
        assert wait_for(lambda: not any(_running(pid) for pid in pids), timeout=5)
        assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()

    _crawl_until_stuck(tmp_path, "1", 1.0, [(signal.SIGINT, 0.0)], check)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_one_stop_sent_twice_at_once_is_one_graceful_stop(tmp_path, sig):
    """GNU `timeout` signals the command and then its process group; `systemctl stop` and a
    process group's kill reach the crawl and the wrapper that forwards to it: one stop, two
    signals microseconds apart. Scrapy read the second as "forcing unclean shutdown" (exit
    130, no export) in 2 runs of 5 (ops round 9)."""

    def check(crawl, proc, log, pids):
        text = log.read_text()
        assert "forcing unclean shutdown" not in text, text[-3000:]
        assert proc.returncode == 0, text[-3000:]
        assert "ended (shutdown): exit status 0 (ok)" in text, text[-3000:]
        assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()

    _crawl_until_stuck(tmp_path, "1", 1.0, [(sig, 0.0), (sig, 0.0)], check)


def test_a_hang_up_stops_gracefully_like_sigterm(tmp_path):
    """The terminal closed (SIGHUP): a graceful stop, a finished export, no worker left."""

    def check(crawl, proc, log, pids):
        text = log.read_text()
        assert proc.returncode == 0, text[-3000:]
        assert "ended (shutdown): exit status 0 (ok)" in text
        assert "Traceback" not in text
        assert wait_for(lambda: not any(_running(pid) for pid in pids), timeout=5)
        assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()

    _crawl_until_stuck(tmp_path, "1", 1.0, [(signal.SIGHUP, 0.0)], check)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
@pytest.mark.parametrize(
    "moment", ["started (bot: newsbot)", "Spider opened"], ids=["scrapy-starting", "opening"]
)
def test_one_signal_while_the_crawl_opens_stops_it_gracefully(tmp_path, sig, moment):
    """A systemd stop or a quick Ctrl-C right after the start, while the crawl's extensions
    start the workers: Scrapy's graceful stop did nothing before the engine ran and stopped
    the reactor, so the run ended 130 with no report, summary or export. Earlier still, while
    Scrapy loads (its first log line), Python's own handlers raised KeyboardInterrupt or
    let SIGTERM kill the process."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        crawl = Crawl(server, start_paths(site.truth()), tmp_path, "1")
        proc, log = crawl.start()
        try:
            reached = lambda: log.exists() and moment in log.read_text()  # noqa: E731
            assert wait_for(reached, timeout=60, interval=0.01), f"never logged {moment!r}"
            proc.send_signal(sig)
            proc.wait(60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
    text = log.read_text()
    assert proc.returncode == 0, text[-3000:]
    assert "ended (shutdown): exit status 0 (ok)" in text, text[-3000:]
    assert "Traceback" not in text, text[-3000:]
    assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()


@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["sigterm", "sigint", "sighup"]
)
def test_a_signal_after_the_report_keeps_the_reported_status(tmp_path, sig):
    """A scheduler's stop that reaches a run just as it finishes: the report says exit 0
    and the summary's outcome is 0, so the process must exit 0 too (it was killed while
    Python exited: 143 for SIGTERM, a status the README does not even list)."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        crawl = Crawl(server, start_paths(site.truth())[:1], tmp_path, "1")

        def after_the_report(proc, log):
            reported = lambda: log.exists() and "Summary: " in log.read_text()  # noqa: E731
            assert wait_for(reported, timeout=120, interval=0.01), "no report"
            alive = proc.poll() is None
            for _ in range(4):  # a stop repeated while the process exits
                proc.send_signal(sig)
                time.sleep(0.05)
            return alive

        proc, log = _in_time(crawl.start, after_the_report, "any signal")
    text = log.read_text()
    assert "ended (finished): exit status 0 (ok)" in text, text[-3000:]
    assert proc.returncode == 0, text[-3000:]
    summary = json.loads((tmp_path / "x.summary.json").read_text())
    assert summary["outcome"]["exit_code"] == 0


def test_a_second_stop_once_the_export_is_final_still_writes_the_summary(tmp_path):
    """Ctrl-C, and Ctrl-C again once the export has been renamed into place: only the
    summary and the report were left, yet the run ended 130 ("no export, no summary") over
    a final export (ops round 13). Once the spider has closed, that second stop is put off;
    the run ends with the status its summary gives."""
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    paths = start_paths(site.truth())
    with ReplicaServer(site, theme="a") as server:
        counter = itertools.count()
        make_slow(server, 1.0, lambda req: "/article/" in req.path and next(counter) >= FAST)
        crawl = Crawl(server, paths, tmp_path, "1")
        attempts = itertools.count()

        def start():  # each attempt in its own folder, with its own seen-store
            out = tmp_path / f"attempt{next(attempts)}"
            out.mkdir()
            crawl.out = out
            crawl.command[crawl.command.index("-O") + 1] = str(out / "x.jsonl")
            store = next(i for i, a in enumerate(crawl.command) if "SEEN_STORE" in a)
            crawl.command[store] = f"NEWSBOT_SEEN_STORE={out / 'seen.sqlite'}"
            return crawl.start()

        def once_the_export_is_final(proc, _log):
            out = crawl.out
            assert wait_for(lambda: part_lines(out) >= 8, timeout=60), "no articles"
            proc.send_signal(signal.SIGINT)
            final = lambda: (out / "x.jsonl").exists()  # noqa: E731
            assert wait_for(final, timeout=60, interval=0.002), "no final export"
            alive = proc.poll() is None
            proc.send_signal(signal.SIGINT)
            return alive

        proc, log = _in_time(start, once_the_export_is_final, "the second signal")
        out = crawl.out
    text = log.read_text()
    assert "forcing unclean shutdown" not in text, text[-3000:]
    assert "the crawl has ended; finishing its export" in text, text[-3000:]
    summary = json.loads((out / "x.summary.json").read_text())
    assert proc.returncode == summary["outcome"]["exit_code"] == 0, text[-3000:]
    assert "x.jsonl" in crawl.names() and "x.jsonl.part" not in crawl.names()
