"""Worker processes: the same results as the crawl process, and a fence around bad input."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
import types
from datetime import datetime, timezone
from pathlib import Path

import pytest
from parsel import Selector

from newsbot.cleaning import BoilerplateLearner, clean_blocks
from newsbot.cleaning.clean import clean_figure_captions
from newsbot.cleaning.rules import load_noise_rules
from newsbot.profiles import load_profile
from newsbot.workers import pool as pool_module
from newsbot.workers.pool import TaskFailed, WorkerPool, worker_count, worker_limit
from newsbot.workers.tasks import clean_body, clean_body_and_captions, read_page, read_with

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
PROFILE = load_profile("daily8")
RULES = load_noise_rules(load_profile("daily8"))
ANCHOR = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
ARTICLE = "https://www.daily8.com/en/article/" + "e" * 32
LISTING = "https://www.daily8.com/en/hashtag/Transport"
DATE = b"Wed, 25 Nov 2026 12:00:00 GMT"


def pool(timeout: float = 60.0) -> WorkerPool:
    workers = WorkerPool(1, timeout)
    workers.provide("profile", PROFILE)
    workers.provide("noise_rules", {"daily8": RULES})
    return workers


def run(coroutine):
    return asyncio.run(coroutine)


def test_worker_count_setting():
    assert worker_count("auto", cpus=2) == 1
    assert worker_count(None, cpus=1) == 0
    assert worker_count("3") == 3
    assert worker_count(0) == 0
    for bad in ("-1", "many"):
        with pytest.raises(ValueError, match="NEWSBOT_WORKERS"):
            worker_count(bad)
    # 100 processes on 2 cores read nothing for two minutes: refused, the limit named
    assert worker_count("8", cpus=2) == 8
    with pytest.raises(ValueError, match=r"more than 4 per core .* 2 core.* at most 8"):
        worker_count("100", cpus=2)


def test_auto_workers_may_grow_to_one_per_core():
    assert worker_limit("auto", cpus=2) == 2
    assert worker_limit("auto", cpus=1) == 0
    assert worker_limit("auto", cpus=32) == pool_module.AUTO_MAX
    assert worker_limit("3", cpus=2) == 3  # a number is what the operator wants: fixed
    assert worker_limit(0, cpus=8) == 0


def _busy_pool(monkeypatch, cpus: int = 2) -> WorkerPool:
    monkeypatch.setattr(pool_module, "GROW_WINDOW", 0.5)
    workers = WorkerPool(1, 60.0, grow_to=2)
    workers.cpus = cpus  # the machine the pool believes it runs on
    workers.provide("profile", PROFILE)
    return workers


def _saturate(workers: WorkerPool, *task) -> int:
    """Tasks (``task``: a function and its arguments; 0.05 s of sleep by default) queued
    behind the workers for 3 s (big pages); the live workers after."""
    task = task or (time.sleep, 0.05)

    async def scenario():
        await workers.run(time.sleep, 0)  # started
        started = time.monotonic()
        while time.monotonic() - started < 3:
            await asyncio.gather(*(workers.run(*task) for _ in range(4)))
        return len(workers._live)

    try:
        return run(scenario())
    finally:
        workers.close()


def test_a_pool_adds_a_worker_when_its_worker_is_never_idle(monkeypatch):
    """Big pages: tasks queue behind the only worker for window after window, and the
    machine has a core to spare (the crawl process here waits on the worker)."""
    workers = _busy_pool(monkeypatch, cpus=2)
    live = _saturate(workers)
    assert workers.counts.get("added") == 1 and live == 2


def test_a_pool_adds_no_worker_when_no_core_is_spare(monkeypatch):
    """The same load on one core: the worker already has it, a second would only share it."""
    workers = _busy_pool(monkeypatch, cpus=1)
    live = _saturate(workers)
    assert "added" not in workers.counts and live == 1


def _hold(data: bytes, seconds: float) -> int:
    """A task that holds a page's bytes for ``seconds`` (run in a worker)."""
    time.sleep(seconds)
    return len(data)


def test_a_pool_adds_no_worker_when_pages_wait_for_room_not_for_a_worker(monkeypatch):
    """Pages of megabytes (benchmarks.memory): the worker is never idle, but only one page
    fits in the bytes in flight at a time, so a second worker would take no page and only
    hold its own copy of the rules."""
    workers = _busy_pool(monkeypatch, cpus=2)
    workers.max_inflight_bytes = 1000
    live = _saturate(workers, _hold, b"x" * 800, 0.05)
    assert "added" not in workers.counts and live == 1


def test_a_pool_keeps_one_worker_when_it_has_time_to_spare(monkeypatch):
    """Small pages: the worker is idle between tasks; a second would only take CPU."""
    workers = _busy_pool(monkeypatch)

    async def scenario():
        started = time.monotonic()
        while time.monotonic() - started < 3:
            await workers.run(time.sleep, 0.02)
            await asyncio.sleep(0.08)  # the crawl process fetching the next pages
        return len(workers._live)

    try:
        live = run(scenario())
    finally:
        workers.close()
    assert "added" not in workers.counts and live == 1


def _share_answers(monkeypatch, size: int, crawl_busy: bool) -> tuple[bool, bool]:
    """Whether the pool says to read a page of ``size`` here: while its worker holds one
    task, and while it holds many, after a window in which this process idled (waiting on
    the network) or was busy all along (``crawl_busy``: its CPU clock ran with the wall's;
    a fake clock, so that a loaded test machine cannot make a busy process look idle)."""
    wall_start = time.monotonic()
    cpu = types.SimpleNamespace(
        process_time=lambda: (time.monotonic() - wall_start) if crawl_busy else 0.0
    )
    monkeypatch.setattr(pool_module, "time", cpu)
    workers = pool()

    async def scenario():
        await workers.run(time.sleep, 0)  # started
        one = asyncio.ensure_future(workers.run(time.sleep, 1.0))
        await asyncio.sleep(0.05)
        few = workers.share(size)
        queued = [asyncio.ensure_future(workers.run(time.sleep, 0.01)) for _ in range(8)]
        await asyncio.sleep(0)  # sent
        workers.share(size)  # opens the window
        await asyncio.sleep(pool_module.SHARE_WINDOW + 0.1)
        many = workers.share(size)
        await asyncio.gather(one, *queued)
        return few, many

    try:
        return run(scenario())
    finally:
        workers.close()


def test_the_crawl_process_reads_pages_itself_while_its_worker_is_behind(monkeypatch):
    """Small pages: the worker is the bottleneck and the crawl process idles half its time;
    it takes pages itself while the worker holds a backlog, never while it has none."""
    few, many = _share_answers(monkeypatch, 6_000, crawl_busy=False)
    assert not few and many


def test_the_crawl_process_shares_nothing_when_it_is_busy_itself_or_the_page_is_big(
    monkeypatch,
):
    busy = _share_answers(monkeypatch, 6_000, crawl_busy=True)
    big = _share_answers(monkeypatch, pool_module.SHARE_MAX_BYTES + 1, crawl_busy=False)
    assert busy == (False, False) and big == (False, False)


@pytest.mark.parametrize(
    ("fixture", "kind", "url"),
    [("article_cards.html", "article", ARTICLE), ("article_table.html", "article", ARTICLE),
     ("listing.html", "listing", LISTING)],
)  # fmt: skip
def test_a_worker_reads_a_page_exactly_as_the_crawl_process_does(fixture, kind, url):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    here = read_with(Selector(text=text, type="html"), kind, url, PROFILE, ANCHOR)
    workers = pool()

    async def in_worker():
        return await workers.run(read_page, text, kind, url, "html", ANCHOR)

    try:
        there = run(in_worker())
    finally:
        workers.close()
    assert there == here
    assert there.related if kind == "article" else there.entries, "the fixture has entries"


def test_cleaning_in_a_worker_learns_as_the_crawl_process_does():
    """A promo repeated across a source's articles is learned after the threshold either way."""
    promo = "Puzzles, crosswords and the weekend quiz"  # no rule knows it: only learning does
    items = [[f"Story number {n} has its own first line.", promo] for n in range(8)]
    alone, learner = [], BoilerplateLearner(3)
    for n, blocks in enumerate(items):
        result = clean_blocks(blocks, RULES, learner=learner, source="Outlet")
        learner.observe("Outlet", str(n), result.kept)
        alone.append(result.kept)
    workers, learner = pool(), BoilerplateLearner(3)

    async def with_worker():
        kept = []
        for n, blocks in enumerate(items):
            snapshot = learner.snapshot("Outlet")
            result = await workers.run(clean_body, blocks, snapshot, "daily8", source="Outlet")
            learner.observe("Outlet", str(n), result.kept)
            kept.append(result.kept)
        return kept

    try:
        assert run(with_worker()) == alone
    finally:
        workers.close()
    assert promo in alone[0] and promo not in alone[-1]


def test_figure_captions_are_cleaned_in_the_worker_with_the_body_as_here():
    """The page's captions go with the body to the worker (the crawl process then never
    compiles the rules they need); what comes back is what the crawl process would make."""
    blocks = ["The harbour reopened on Monday after a week of repairs.", "Advertisement"]
    figures = [
        "Crews repair the sea wall on Friday. (Jane Roe/Harbour Post)",
        "Photo: Harbour Post",
        "",
    ]
    ctx = {"source": "Outlet", "language": "en", "title": "Harbour reopens"}
    here_body = clean_blocks(blocks, RULES, **ctx)
    here_captions = clean_figure_captions(figures, RULES, language="en", source="Outlet")
    workers = pool()
    try:
        body, captions = run(
            workers.run(clean_body_and_captions, blocks, figures, None, "daily8", **ctx)
        )
    finally:
        workers.close()
    assert body.kept == here_body.kept == [blocks[0]]
    assert captions.captions == here_captions.captions == ["Crews repair the sea wall on Friday."]
    assert [r.text for r in captions.removed] == ["(Jane Roe/Harbour Post)", "Photo: Harbour Post"]
    assert [r.text for r in captions.removed] == [r.text for r in here_captions.removed]
    assert captions.kept == []


def test_errors_raised_by_a_task_come_back_as_they_are():
    workers = pool()

    async def bad_kind():
        return await workers.run(read_page, "<p>x</p>", "no-such-kind", ARTICLE, "html", ANCHOR)

    try:
        with pytest.raises(KeyError):
            run(bad_kind())
        assert workers.restarts == 0
    finally:
        workers.close()


class NeedsKeyword(Exception):
    """Pickles in the worker, cannot be rebuilt in the crawl process (keyword-only init)."""

    def __init__(self, *, reason: str) -> None:
        super().__init__(reason)


def raise_needs_keyword() -> None:
    raise NeedsKeyword(reason="odd")


def test_ctrl_c_is_left_to_the_crawl_process():
    """Ctrl-C reaches the worker too; the crawl process stops gracefully and needs it."""
    workers = pool()

    async def scenario():
        pid = await workers.run(os.getpid)
        os.kill(pid, signal.SIGINT)
        os.kill(pid, signal.SIGTERM)
        await asyncio.sleep(0.5)
        text = "<h1>Still here</h1>"
        page = await workers.run(read_page, text, "article", ARTICLE, "html", ANCHOR)
        return pid, page.title, await workers.run(os.getpid)

    try:
        before, title, after = run(scenario())
    finally:
        workers.close()
    assert title == "Still here" and before == after and workers.restarts == 0


def test_a_result_that_cannot_be_read_fails_its_task_only():
    workers = pool()

    async def scenario():
        pid = await workers.run(os.getpid)
        with pytest.raises(TaskFailed, match="could not be read"):
            await workers.run(raise_needs_keyword)
        return pid, await workers.run(os.getpid)

    try:
        before, after = run(scenario())
    finally:
        workers.close()
    assert before == after and workers.restarts == 0  # the same worker goes on


def test_a_task_past_the_timeout_costs_that_task_only():
    workers = pool(timeout=1.0)

    async def scenario():
        with pytest.raises(TaskFailed, match="longer than 1 s"):
            await workers.run(time.sleep, 30)
        # the stuck worker was killed and a new pool serves the next task
        return await workers.run(read_page, "<h1>Title</h1>", "article", ARTICLE, "html", ANCHOR)

    started = time.monotonic()
    try:
        page = run(scenario())
    finally:
        workers.close()
    assert time.monotonic() - started < 20
    assert page.title == "Title"
    assert workers.restarts == 1 and workers.counts["timeouts"] == 1


def test_a_worker_that_dies_is_replaced_and_waiting_tasks_run_again(caplog):
    workers = pool()

    async def scenario():
        pid = await workers.run(os.getpid)
        # one task kills its worker (each time it runs) while others wait behind it
        killer = asyncio.ensure_future(workers.run(os.abort))
        waiting = [
            asyncio.ensure_future(
                workers.run(read_page, f"<h1>T{n}</h1>", "article", ARTICLE, "html", ANCHOR)
            )
            for n in range(5)
        ]
        with pytest.raises(TaskFailed, match="died"):
            await killer
        pages = await asyncio.gather(*waiting)
        return pid, [p.title for p in pages], await workers.run(os.getpid)

    try:
        old, titles, new = run(scenario())
    finally:
        workers.close()
    assert titles == [f"T{n}" for n in range(5)]
    assert new != old and workers.restarts >= 1
    # ops round 8: a worker killed from outside was only in the stats
    died = [r for r in caplog.records if "A worker process died" in r.getMessage()]
    assert died and died[0].levelname == "WARNING", caplog.text


def test_workers_exit_when_the_crawl_process_is_killed(tmp_path):
    script = textwrap.dedent(
        """
        import asyncio, os, sys
        from newsbot.workers.pool import WorkerPool
        pool = WorkerPool(1)
        pid = asyncio.run(pool.run(os.getpid))
        print(pid, flush=True)
        sys.stdin.read()  # killed here, before any shutdown
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        worker = int(proc.stdout.readline())
        assert _alive(worker)
        proc.kill()
        proc.wait(timeout=10)
        deadline = time.monotonic() + 15
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker), "the worker outlived its crawl"
    finally:
        proc.kill()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_without_a_worker_process_the_crawl_process_does_the_work():
    """A worker that cannot start (here: a context that cannot be sent) costs no page."""
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from newsbot.spiders.daily8 import Daily8Spider
    from newsbot.workers.pool import WorkersUnavailable

    crawler = get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test", "NEWSBOT_WORKERS": 1})
    spider = Daily8Spider.from_crawler(crawler, related_depth=1)
    spider.workers = WorkerPool(1)  # the crawl's pool (CrawlWorkers), as at spider_opened
    spider.workers.provide("unpicklable", lambda: None)
    body = (FIXTURES / "article_cards.html").read_bytes()
    response = HtmlResponse(ARTICLE, body=body, headers={"Date": DATE}, request=Request(ARTICLE))

    async def outputs():
        found = [o async for o in spider.parse_article_page(response)]
        with pytest.raises(WorkersUnavailable):
            await spider.workers.run(os.getpid)
        return found

    try:
        found = run(outputs())
    finally:
        spider.workers.close()
    items = [o for o in found if isinstance(o, dict)]
    assert len(items) == 1 and items[0]["source"] == "9 News"
    assert not spider.workers.usable
    assert crawler.stats.get_value("newsbot/pages/unparseable") is None


def test_a_worker_whose_crawl_process_is_gone_ends_without_a_traceback(tmp_path):
    """ops3: after `kill -9` of the crawl, its worker finished the task under way, found
    the result pipe broken and printed `BrokenPipeError` with a traceback into the crawl's
    log. A real worker loop over real pipes: the crawl's end of the results is closed."""
    script = textwrap.dedent(
        """
        import os, pickle, struct
        from newsbot.workers.tasks import serve
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        context = pickle.dumps({})  # the first frame: what the crawl process hands over
        os.write(task_w, struct.pack("!Q", 8 + len(context)) + struct.pack("!Q", 0) + context)
        payload = pickle.dumps((len, ("abc",), {}))
        os.write(task_w, struct.pack("!Q", 8 + len(payload)) + struct.pack("!Q", 1) + payload)
        os.close(task_w)
        os.close(result_r)  # the crawl process is gone
        serve(os.fdopen(task_r, "rb"), os.fdopen(result_w, "wb"))
        print("ended")
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.stdout.strip() == "ended"


DIES_AS_IT_STARTS = """
import asyncio, os
from newsbot.cleaning.rules import load_noise_rules
from newsbot.profiles import load_profile
from newsbot.workers.pool import TaskFailed, WorkerPool


class Dies:  # unpickled in the worker, it ends the worker there and then
    def __reduce__(self):
        return (os._exit, (3,))


async def main(pool):
    try:
        return await pool.run(os.getpid)
    except TaskFailed as exc:
        return str(exc)


if __name__ == "__main__":
    pool = WorkerPool(1, 30)
    pool.provide("dies", Dies())
    pool.provide("noise_rules", {"daily8": load_noise_rules(load_profile("daily8"))})
    print("answered:", asyncio.run(main(pool)), flush=True)
    pool.close()
"""


def test_a_worker_that_dies_as_it_starts_never_blocks_the_crawl_process(tmp_path):
    """ops round 13: a scrapyd job whose egg was deleted as it started hung for ever, deaf to
    cancel.json: its worker died before reading the noise rules (5 MB) that multiprocessing
    writes to it with a blocking write, and the crawl process waited in that write. The
    rules travel over the task pipe now, written as the worker reads them."""
    script = tmp_path / "dies_as_it_starts.py"
    script.write_text(DIES_AS_IT_STARTS, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "answered: its worker process died" in proc.stdout, proc.stdout + proc.stderr[-2000:]
