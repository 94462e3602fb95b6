"""Crashes and resume: SIGKILL halfway, graceful stop with JOBDIR, then the same command again.

Across the finished exports of the two runs every article appears exactly once, and a killed
run leaves nothing under exports/ that looks finished.
"""

from __future__ import annotations

import json
import signal

import pytest

from newsbot.replica import ReplicaServer, build_site
from newsbot.replica.slow import make_slow
from tests.conftest import ARTICLES, CLOCK, SEED, start_paths
from tests.support.scheduled_runs import ScheduledRuns, kill, part_lines, wait_for

DELAY = 0.25  # seconds per article page: the crawl takes long enough to stop it halfway
SETTINGS = {"CONCURRENT_REQUESTS": 4, "CONCURRENT_REQUESTS_PER_DOMAIN": 4}


@pytest.fixture(scope="module")
def slow_site():
    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)  # the `site` fixture's
    with ReplicaServer(site, theme="a") as server:
        make_slow(server, DELAY)
        yield site, server


@pytest.fixture(scope="module")
def wide_site():
    """More articles than listing pages can show at once: a crawl fetches some articles as
    related entries before it reads the listing page that shows them."""
    site = build_site(seed=SEED, articles=400, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        make_slow(server, 0.05)
        yield site, server


def _paths(site) -> list[str]:
    return start_paths(site.truth())


def _assert_exactly_once(runs: ScheduledRuns, expected: set[str]) -> None:
    counts = runs.ids()
    twice = sorted(i for i, n in counts.items() if n > 1)
    assert not twice, f"exported twice: {twice}"
    missing = expected - set(counts)
    assert not missing, f"never exported: {sorted(missing)}"
    assert set(counts) == expected
    assert runs.parts() == []


def _kill_halfway(
    runs: ScheduledRuns, sig: int, extra: list[str] | None = None, lines: int = 15
) -> str:
    proc, log = runs.start(extra)
    halfway = wait_for(lambda: part_lines(runs.folder()) >= lines, timeout=60)
    assert halfway, "the crawl never got halfway"
    assert proc.poll() is None, "the crawl finished before it could be stopped"
    kill(proc, sig)
    return log.read_text() if log.exists() else ""


@pytest.mark.parametrize("jobdir", [False, True], ids=["plain", "jobdir"])
def test_sigkill_halfway_then_the_same_command_finishes_the_job(slow_site, tmp_path, jobdir):
    site, server = slow_site
    settings = dict(SETTINGS)
    if jobdir:
        settings["JOBDIR"] = str(tmp_path / "job")
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings=settings)
    _kill_halfway(runs, signal.SIGKILL)

    # nothing that looks finished: only the temporary .part, no JSONL, no summary
    names = [p.name for p in runs.folder().iterdir()]
    assert names and all(n.endswith(".jsonl.part") for n in names), names
    killed_lines = part_lines(runs.folder())

    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert "Recovered" in log and "from a killed run" in log
    if jobdir:
        assert "the previous run was killed" in log
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))

    recovered = runs.files("*.recovered.jsonl")
    assert len(recovered) == 1
    n_recovered = len(recovered[0].read_text().splitlines())
    assert killed_lines - 1 <= n_recovered <= killed_lines
    (summary,) = [s for s in runs.summaries() if s["finish_reason"] == "finished"]
    assert summary["recovered"]["items"] == n_recovered
    assert summary["recovered"]["files"] == 1
    assert summary["incremental"]["new"] + n_recovered == len(site.expected_ids(_paths(site), 1))


def test_graceful_stop_and_resume_with_jobdir(slow_site, tmp_path):
    site, server = slow_site
    settings = {**SETTINGS, "JOBDIR": str(tmp_path / "job")}
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings=settings)
    _kill_halfway(runs, signal.SIGINT)  # one Ctrl-C: Scrapy's graceful stop

    first = runs.finished()
    assert len(first) == 1 and runs.parts() == []
    (stopped,) = runs.summaries()
    assert stopped["finish_reason"] == "shutdown"
    assert (tmp_path / "job" / "requests.seen").exists()

    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert "the previous run was killed" not in log
    assert "Resuming crawl" in log or "requests scheduled" in log
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))
    summaries = {s["finish_reason"]: s for s in runs.summaries()}
    assert summaries["finished"]["recovered"]["items"] == 0
    # a finished job's state is cleared: the next scheduled run starts afresh
    assert not (tmp_path / "job" / "requests.seen").exists()


def test_fresh_run_sets_a_killed_runs_part_aside(slow_site, tmp_path):
    site, server = slow_site
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings=SETTINGS)
    _kill_halfway(runs, signal.SIGKILL)
    fresh = ScheduledRuns(server, _paths(site), tmp_path, settings=SETTINGS, args={"fresh": 1})
    code, log = fresh.run()
    assert code == 0, log[-3000:]
    assert runs.parts() == [] and runs.files("*.recovered.jsonl") == []
    assert len(runs.files("*.discarded")) == 1
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))
    finished = runs.finished()
    assert len(finished) == 1
    assert all(json.loads(x).get("update") is None for x in finished[0].read_text().splitlines())


@pytest.mark.parametrize("related_depth", [1, 2])
def test_resumed_job_follows_what_the_stopped_run_left_unexpanded(
    wide_site, tmp_path, related_depth
):
    """The stopped run fetched articles as related entries (their own related not followed)
    before reading the listings that show them, or deeper than a path the resumed run
    finds: the resumed run, whose duplicate filter (in the JOBDIR) drops those articles'
    requests, still follows their related. Every reachable article is exported once."""
    site, server = wide_site
    paths = _paths(site)
    settings = {**SETTINGS, "JOBDIR": str(tmp_path / "job")}
    args = {"related_depth": related_depth}
    runs = ScheduledRuns(server, paths, tmp_path, settings=settings, args=args)
    _kill_halfway(runs, signal.SIGINT, lines=100)
    assert (tmp_path / "job" / "newsbot.expansions.json").exists()

    code, log = runs.run(timeout=300)
    assert code == 0, log[-3000:]
    _assert_exactly_once(runs, site.expected_ids(paths, related_depth))
    resumed = next(s for s in runs.summaries() if s["finish_reason"] == "finished")
    assert resumed["stats"].get("newsbot/incremental/depth_upgrades", 0) >= 1  # it happened
    assert not (tmp_path / "job" / "newsbot.expansions.json").exists()  # finished: cleared


def test_a_run_stopped_with_ctrl_c_leaves_no_related_article_behind(wide_site, tmp_path):
    """No JOBDIR: the next run starts from the listings and skips what the stopped run
    exported. Articles reachable only as related entries of those must still come: the
    stopped run fetched their parents but maybe not them, so it records none of the pages
    it read as expanded, and the next run reads them again (without exporting them twice)."""
    site, server = wide_site
    paths = _paths(site)
    runs = ScheduledRuns(server, paths, tmp_path, settings=SETTINGS)
    _kill_halfway(runs, signal.SIGINT, lines=100)
    stopped = next(s for s in runs.summaries() if s["finish_reason"] == "shutdown")
    assert stopped["stats"].get("newsbot/incremental/unexpanded_recorded", 0) >= 1

    code, log = runs.run(timeout=300)
    assert code == 0, log[-3000:]
    _assert_exactly_once(runs, site.expected_ids(paths, 1))


def test_a_related_article_that_failed_is_asked_for_again_by_the_next_run(tmp_path):
    """The site fails one related-only article (a 503 every time) in the first run: the run
    finishes and exports the article's parent. The next run must not skip that parent as
    seen and expanded: it reads it again and asks for the article, which now loads."""
    from newsbot.replica import faults as F

    site = build_site(seed=SEED, articles=ARTICLES, clock=CLOCK)
    paths = _paths(site)
    related_only = sorted(site.expected_ids(paths, 1) - site.expected_ids(paths, 0))
    assert related_only
    dead = f"/en/article/{related_only[0]}"
    down = F.ServerErrors([dead], times=None)
    with F.FaultServer(site, [down]) as server:
        settings = {**SETTINGS, "RETRY_TIMES": 1}
        runs = ScheduledRuns(server, paths, tmp_path, settings=settings)
        code, log = runs.run()
        assert code == 0, log[-3000:]
        assert related_only[0] not in runs.ids()
        (first,) = runs.summaries()
        assert first["stats"].get("newsbot/incremental/unexpanded_recorded", 0) >= 1

        down.times = 0  # the page is back
        code, log = runs.run()
        assert code == 0, log[-3000:]
    _assert_exactly_once(runs, site.expected_ids(paths, 1))


@pytest.mark.parametrize("damage", ["queue_cut_short", "active_json", "spider_state"])
def test_a_stopped_job_whose_saved_state_was_damaged_starts_over(slow_site, tmp_path, damage):
    """The blind operator cut a queue file of a stopped job to 100 bytes: the resumed run
    looped on `OSError: [Errno 22]` every 5 s, fetched nothing, and said "ok" when stopped; a
    broken `active.json` or `spider.state` gave tracebacks. Now the damaged state is named
    and discarded, and the run crawls the rest: every article once."""
    site, server = slow_site
    job = tmp_path / "job"
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings={**SETTINGS, "JOBDIR": str(job)})
    _kill_halfway(runs, signal.SIGINT)
    queues = [
        p for p in (job / "requests.queue").rglob("*") if p.is_file() and p.name != "active.json"
    ]
    assert queues, "the stopped job saved no queue"
    if damage == "queue_cut_short":
        target = max(queues, key=lambda p: p.stat().st_size)
        with target.open("r+b") as handle:
            handle.truncate(100)
    elif damage == "active_json":
        target = job / "requests.queue" / "active.json"
        target.write_text("{broken", encoding="utf-8")
    else:
        target = job / "spider.state"
        target.write_text("not a pickle\n", encoding="utf-8")
    code, log = runs.run(timeout=180)
    assert code == 0, log[-3000:]
    assert "Traceback" not in log and "Errno 22" not in log
    assert "saved state cannot be read back" in log and str(target) in log
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))


def test_max_articles_counts_over_a_stopped_job_and_its_resume(slow_site, tmp_path):
    """`-a max_articles=N` is the crawl's: a resumed job counts what the stopped run
    scheduled (ops round 4: 40 gave 67 over a stop and a resume)."""
    site, server = slow_site
    limit = 24
    settings = {**SETTINGS, "JOBDIR": str(tmp_path / "job"), "STATS_DUMP": True}
    runs = ScheduledRuns(
        server, _paths(site), tmp_path, settings=settings, args={"max_articles": limit}
    )
    assert len(site.expected_ids(_paths(site), 1)) > limit + 10  # the limit bites
    _kill_halfway(runs, signal.SIGINT, lines=8)
    (stopped,) = runs.summaries()
    assert stopped["finish_reason"] == "shutdown"

    code, log = runs.run()
    assert code == 0, log[-3000:]
    counts = runs.ids()
    assert max(counts.values()) == 1
    # every article the crawl scheduled is exported once (one may be dropped by a pipeline)
    assert limit - 2 <= len(counts) <= limit, len(counts)
    # the job is finished: its quota goes with the rest of its state
    assert not (tmp_path / "job" / "newsbot.quota.json").exists()


def test_a_start_refused_before_the_crawl_leaves_the_stopped_job_to_resume(slow_site, tmp_path):
    """ops round 5: a stopped job, then the same command refused in one line (a broken
    noise.toml, exit 2), then the command again: it resumes the job (before, the refused
    start left its marker and the job was discarded as if killed)."""
    import shutil

    from tests.conftest import ROOT

    site, server = slow_site
    settings = {**SETTINGS, "JOBDIR": str(tmp_path / "job")}
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings=settings)
    _kill_halfway(runs, signal.SIGINT)
    assert (tmp_path / "job" / "requests.queue").exists()

    broken = tmp_path / "settings"
    shutil.copytree(ROOT / "settings", broken)
    (broken / "noise.toml").write_text('[chrome]\nen = ["unterminated\n', encoding="utf-8")
    refused = ScheduledRuns(
        server, _paths(site), tmp_path, settings=settings,
        env={"NEWSBOT_SETTINGS_DIR": str(broken)},
    )  # fmt: skip
    code, log = refused.run()
    assert code == 2, log[-3000:]
    assert "noise.toml" in log and "Traceback" not in log
    assert not (tmp_path / "job" / "newsbot.running").exists()

    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert "the previous run was killed" not in log
    assert "Resuming crawl" in log or "requests scheduled" in log
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_killed_runs_partial_export_in_another_format_is_set_aside(slow_site, tmp_path, fmt):
    """ops round 5: after a SIGKILL, the `.part` of a JSON array (or CSV) export made every
    later run of the same command fail ("being written by another run"). It is set aside
    as `.discarded` and the next run writes the whole export."""
    site, server = slow_site
    target = tmp_path / "out" / f"x.{fmt}"
    feeds = json.dumps({str(target): {"format": fmt, "encoding": "utf-8", "overwrite": True}})
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings={**SETTINGS, "FEEDS": feeds})
    part = target.with_name(target.name + ".part")
    proc, _ = runs.start()
    assert wait_for(lambda: part.exists() and part.stat().st_size > 2000, timeout=60)
    assert proc.poll() is None, "the crawl finished before it could be killed"
    kill(proc, signal.SIGKILL)
    assert part.exists() and not target.exists()

    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert "set aside as" in log and "being written by another run" not in log
    assert not part.exists()
    assert target.with_name(target.name + ".discarded").exists()
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        ids = [record["id"] for record in json.loads(text)]
    else:
        import csv

        ids = [row["id"] for row in csv.DictReader(text.splitlines())]
    assert len(ids) == len(set(ids)) > 0
    # the killed run recorded nothing in the seen-store: this run exported every article
    assert set(ids) == site.expected_ids(_paths(site), 1)


def test_a_part_a_running_crawl_writes_is_left_to_it(slow_site, tmp_path):
    """Two runs of one `-O x.json` at once: the second fails at once, in one line, exit 3
    (its target is being written), and the first finishes its export, untouched (before,
    the second ran to the end, found nothing new and replaced the first's export with
    `[]`)."""
    site, server = slow_site
    target = tmp_path / "out" / "x.json"
    feeds = json.dumps({str(target): {"format": "json", "encoding": "utf-8", "overwrite": True}})
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings={**SETTINGS, "FEEDS": feeds})
    part = target.with_name(target.name + ".part")
    first, first_log = runs.start()
    assert wait_for(part.exists, timeout=60)
    code, log = runs.run()
    assert code == 3 and "being written by another run" in log, log[-3000:]
    assert "Traceback" not in log and "Spider opened" not in log
    first.communicate(timeout=120)
    assert first.returncode == 0, first_log.read_text()[-3000:]
    ids = [record["id"] for record in json.loads(target.read_text(encoding="utf-8"))]
    assert set(ids) == site.expected_ids(_paths(site), 1)


def test_a_run_killed_after_its_export_was_finished_is_not_exported_again(slow_site, tmp_path):
    """ops round 13: killed after the finished export was renamed into place and before the
    run recorded its articles (and wrote its summary), the next run exported every article
    again. The next run records that export's articles and writes its summary."""
    site, server = slow_site
    runs = ScheduledRuns(server, _paths(site), tmp_path, settings=SETTINGS)
    code, log = runs.run()
    assert code == 0, log[-3000:]
    [export] = runs.finished()
    # the state such a kill leaves: the export whole, no summary, nothing recorded
    export.with_name(export.name.removesuffix(".jsonl") + ".summary.json").unlink()
    (tmp_path / "seen.sqlite").unlink()
    code, log = runs.run()
    assert code == 0, log[-3000:]
    assert "killed as it closed" in log
    _assert_exactly_once(runs, site.expected_ids(_paths(site), 1))
    summaries = {s["export"]: s for s in runs.summaries()}
    assert summaries[str(export)]["finish_reason"] == "recovered"
