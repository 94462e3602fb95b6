"""Distributed crawling with scrapy-redis: two workers, one Redis, one replica."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from scrapy import signals

from newsbot.distributed.queue import (
    CLAIM_META,
    REAP,
    SETTLE,
    ClaimingPriorityQueue,
    CrawlKeys,
)
from newsbot.incremental import SeenRecord
from newsbot.incremental.store import RedisSeenStore
from newsbot.replica.content import build_site
from newsbot.replica.server import ReplicaServer
from newsbot.replica.slow import hold_until_clients, is_article, make_slow
from tests.conftest import CLOCK, SEED, require_binary, start_paths
from tests.support.redis_server import redis_server
from tests.support.scheduled_runs import ScheduledRuns, kill, part_lines, wait_for

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url(tmp_path):
    with redis_server(tmp_path) as url:
        yield url


@pytest.fixture
def redis_client(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def test_redis_seen_store_round_trip_and_expiry(redis_url):
    store = RedisSeenStore(redis_url, "daily8")
    now = time.time()
    store.put_many([SeenRecord("a", "h", "f", True, now), SeenRecord("b", "h", None, False, 1.0)])
    assert store.get("a") == SeenRecord("a", "h", "f", True, now)
    assert set(store.get_many(["a", "b", "c"])) == {"a", "b"} and len(store) == 2
    assert store.expire(86400) == 1 and store.get("b") is None
    assert RedisSeenStore(redis_url, "other").get("a") is None
    store.close()


class _Spider:
    name = "daily8"

    def parse(self, response):  # request_from_dict looks callbacks up on the spider
        return None


def _queue(client, worker: str = "w1") -> ClaimingPriorityQueue:
    from newsbot.distributed import serializer

    queue = ClaimingPriorityQueue(
        client, _Spider(), "newsbot:%(spider)s:requests", serializer=serializer
    )
    queue.keys = CrawlKeys("daily8", worker)
    return queue


def test_claims_carry_a_new_token_when_handed_to_another_worker(redis_client):
    from scrapy import Request

    first, second = _queue(redis_client, "w1"), _queue(redis_client, "w2")
    for i, priority in enumerate([0, 10, 5]):
        first.push(Request(f"http://x/{i}", priority=priority))
    taken = first.pop()
    assert taken.url == "http://x/1"  # highest priority first, as scrapy-redis does
    token = taken.meta[CLAIM_META]
    assert len(first) == 2 and redis_client.hlen(first.keys.claims) == 1
    # w1 falls silent: its claim goes back to the queue; w2 takes it over with a new token
    reap = redis_client.register_script(REAP)
    keys = first.keys
    assert reap(keys=[keys.workers, keys.claims, first.key, keys.reassigned, keys.wake],
                args=["w1", 5]) == 1  # fmt: skip
    again = second.pop()
    assert again.url == "http://x/1" and again.meta[CLAIM_META] != token
    # the stale holder cannot ack it: settle reports the token lost and changes nothing
    settle = redis_client.register_script(SETTLE)
    lost = settle(keys=[keys.workers, keys.claims, first.key, keys.wake], args=[1, token])
    assert [t.decode() for t in lost] == [token]
    assert redis_client.hlen(second.keys.claims) == 1


def test_the_fence_removes_only_what_a_lost_claim_alone_produced(redis_client, tmp_path):
    """A stale worker settles: articles of claims handed to another worker leave its export;
    an article it fetched again under a claim it still holds (dropped there as a duplicate
    of the line it already wrote) stays."""
    from scrapy import Request
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from newsbot.distributed.claims import ClaimLedger

    crawler = get_crawler()
    crawler.stats.open_spider()
    mine, other = _queue(redis_client, "w1"), _queue(redis_client, "w2")
    ledger = ClaimLedger.from_crawler(crawler)
    ledger.bind(redis_client, mine.keys, mine.key)
    mine.on_claim = ledger.claimed
    for name in ("a", "b", "c"):
        mine.push(Request(f"http://x/{name}"))
    popped = {r.url[-1]: r for r in (mine.pop(), mine.pop(), mine.pop())}
    export = tmp_path / "out.jsonl.part"
    handle = export.open("wb")
    ledger.register_export(export, handle, line_based=True)
    for name, request in popped.items():
        handle.write(json.dumps({"id": name}).encode() + b"\n")
        response = HtmlResponse(request.url, body=b"", request=request)
        crawler.signals.send_catch_log(
            signals.item_scraped, item={"id": name}, response=response, spider=None
        )
    # w1 stalls: its claims go back; w2 takes "a" and "b", w1 itself gets "c" again
    keys = mine.keys
    redis_client.register_script(REAP)(
        keys=[keys.workers, keys.claims, mine.key, keys.reassigned, keys.wake], args=["w1", 5]
    )
    taken = {other.pop().url[-1] for _ in range(2)}
    again = mine.pop()
    assert taken | {again.url[-1]} == {"a", "b", "c"}
    response = HtmlResponse(again.url, body=b"", request=again)
    crawler.signals.send_catch_log(  # fetched again, dropped as a duplicate of its line
        signals.item_dropped, item={"id": again.url[-1]}, response=response,
        exception=Exception("duplicate"), spider=None,
    )  # fmt: skip
    ledger.settle()
    handle.close()
    kept = [json.loads(line)["id"] for line in export.read_text().splitlines()]
    assert kept == [again.url[-1]]
    stats = crawler.stats.get_stats()
    assert stats["newsbot/distributed/lost"] == 3 and stats["newsbot/distributed/finished"] == 1
    assert stats["newsbot/distributed/items_given_up"] == 2
    assert not redis_client.exists(keys.claims)  # acked
    assert redis_client.hlen(other.keys.claims) == 2  # w2's claims untouched


# -- two worker processes ------------------------------------------------------------------------
def _paths(site) -> list[str]:
    return start_paths(site.truth())


# related_depth=1 also checks that workers share depth upgrades through Redis (an article
# one worker fetched as related, another found on a listing: newsbot.distributed.expansion).
DEPTH = 0
TIMEOUT = 5  # NEWSBOT_REDIS_WORKER_TIMEOUT in these tests


def _workers(
    server,
    site,
    tmp_path: Path,
    redis_url: str,
    depth: int = DEPTH,
    names=None,
    paths=None,
    args=None,
    **settings,
) -> list[ScheduledRuns]:
    return [
        ScheduledRuns(
            server,
            paths or _paths(site),
            tmp_path / name,
            args={"related_depth": depth, **(args or {})},
            settings={
                "NEWSBOT_REDIS_URL": redis_url,
                "NEWSBOT_REDIS_WORKER_TIMEOUT": TIMEOUT,
                "CONCURRENT_REQUESTS": 4,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
                "USER_AGENT": f"newsbot-test/{name}",  # how the replica tells them apart
                **settings,
            },
        )
        for name in names or ("worker1", "worker2")
    ]


def _exported(workers: list[ScheduledRuns]) -> Counter[str]:
    total: Counter[str] = Counter()
    for worker in workers:
        total.update(worker.ids())
    return total


def _finish(procs, timeout: float = 150) -> list[str]:
    logs = []
    for proc, log in procs:
        proc.communicate(timeout=timeout)
        logs.append(log.read_text())
        assert proc.returncode == 0, logs[-1][-3000:]
    return logs


def _shares(workers: list[ScheduledRuns], site, paths=None) -> list[int]:
    """Each worker's number of exported articles; asserts every article exactly once."""
    counts = _exported(workers)
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(paths or _paths(site), DEPTH)
    return [sum(w.ids().values()) for w in workers]


def _distributed(worker: ScheduledRuns) -> dict[str, int]:
    return worker.summaries()[-1]["distributed"]


def fetches_by_agent(server) -> Counter[str]:
    """Wraps the replica's fault hook: article pages served, by User-Agent."""
    inner = server.fault_hook
    served: Counter[str] = Counter()

    def hook(req):
        if is_article(req):
            served[next((v for k, v in req.headers.items() if k.lower() == "user-agent"), "")] += 1
        return inner(req) if inner is not None else None

    server.fault_hook = hook
    return served


# (related_depth 0 is covered by the tests below)
@pytest.mark.parametrize(("depth", "delay", "concurrency"), [(1, 0.2, 4)], ids=["related"])
def test_two_workers_share_one_crawl(
    own_replica, tmp_path, redis_url, redis_client, depth, delay, concurrency
):
    site, server = own_replica
    # articles wait until both workers are up, then come slowly enough for both to share them
    hold_until_clients(server, 2, delay)
    workers = _workers(server, site, tmp_path, redis_url, depth, CONCURRENT_REQUESTS=concurrency)
    logs = _finish([w.start() for w in workers])
    assert "newsbot distributed mode: scrapy-redis" in logs[0]
    counts = _exported(workers)
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(_paths(site), depth)
    for worker in workers:  # each did part of the work, and its summary says how much
        assert sum(worker.ids().values()) > 0
        share = _distributed(worker)
        assert share["claimed"] == share["finished"] > 0 and share["lost"] == 0
    # the seen-store is in Redis and holds every exported article
    assert redis_client.hlen("newsbot:seen:daily8") == len(counts)
    # the crawl is complete: no claims left, duplicate filter cleared for the next run
    assert not list(redis_client.scan_iter(match="newsbot:daily8:inflight:*"))
    assert not redis_client.exists("newsbot:daily8:dupefilter")


def test_max_articles_is_the_crawls_not_each_workers(own_replica, tmp_path, redis_url):
    """Two workers of one crawl with `-a max_articles=N` export N articles between them,
    each once (ops round 4: 20 gave 24 with two workers; a restarted worker counted from 0)."""
    site, server = own_replica
    limit = 14
    assert len(site.expected_ids(_paths(site), DEPTH)) > limit + 10  # the limit bites
    hold_until_clients(server, 2, 0.1)
    workers = _workers(
        server, site, tmp_path, redis_url, args={"max_articles": limit}, STATS_DUMP=True
    )
    logs = _finish([w.start() for w in workers])
    counts = _exported(workers)
    assert [i for i, n in counts.items() if n > 1] == []
    # every article the crawl scheduled is exported once (one may be dropped by a pipeline)
    assert limit - 2 <= len(counts) <= limit, (len(counts), [w.ids() for w in workers])
    assert any("'newsbot/skipped/max_articles'" in log for log in logs)


ROUNDS = int(os.environ.get("NEWSBOT_TEST_ROUNDS", "2"))  # more for figures


def test_two_workers_both_fetch_articles_in_every_round(tmp_path, redis_url):
    """The operator's check of issue 17: a small site whose article pages are slow, polite
    crawls (AutoThrottle, 2 requests per host at a time): the first worker up must not take
    every request into its downloader, where they would only wait out the delay."""
    site = build_site(seed=SEED, articles=18, clock=CLOCK)  # 12 articles, 3 listings
    with ReplicaServer(site, theme="a") as server:
        for round_ in range(ROUNDS):
            hold_until_clients(server, 2, 0.5)
            served = fetches_by_agent(server)
            workers = _workers(
                server, site, tmp_path / f"round{round_}", redis_url,
                CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=2,
                AUTOTHROTTLE_ENABLED=True, AUTOTHROTTLE_START_DELAY=0.5,
                NEWSBOT_INCREMENTAL=False,
            )  # fmt: skip
            _finish([w.start() for w in workers])
            shares = _shares(workers, site)
            agents = [f"newsbot-test/worker{n}" for n in (1, 2)]
            print(f"round {round_}: articles served {dict(served)}, exported {shares}")
            assert all(served[a] > 0 for a in agents), (round_, dict(served), shares)
            assert all(share > 0 for share in shares), (round_, shares)


def test_two_workers_split_a_large_crawl(tmp_path, redis_url):
    site = build_site(seed=SEED, articles=2000, clock=CLOCK)
    # four of the hashtag listings: short chains of listing pages, ~350 articles
    paths = sorted(p for p in site.truth()["listings"] if "/hashtag/" in p)[::2]
    with ReplicaServer(site, theme="a") as server:
        hold_until_clients(server, 2)
        workers = _workers(
            server, site, tmp_path, redis_url, paths=paths, NEWSBOT_INCREMENTAL=False
        )
        _finish([w.start() for w in workers], timeout=300)
        shares = _shares(workers, site, paths)
    total = sum(shares)
    print(
        f"2,000-article replica: exported {shares} ({[round(100 * n / total) for n in shares]} %)"
    )
    assert total > 300
    for share in shares:
        assert 0.35 <= share / total <= 0.65, shares


def test_a_stalled_worker_that_comes_back_doubles_nothing(
    own_replica, tmp_path, redis_url, redis_client
):
    site, server = own_replica
    hold_until_clients(server, 2, 0.3)
    stalled, other = workers = _workers(server, site, tmp_path, redis_url)
    (frozen, frozen_log), (live, live_log) = procs = [w.start() for w in workers]
    both_working = wait_for(
        lambda: part_lines(stalled.folder()) >= 2 and part_lines(other.folder()) >= 2, 60
    )
    assert both_working and frozen.poll() is None and live.poll() is None
    frozen.send_signal(signal.SIGSTOP)  # past the heartbeat timeout: taken for dead
    try:
        taken_over = wait_for(lambda: "is gone (no heartbeat" in live_log.read_text(), 60)
        # and the live worker has popped every request put back (so the stalled one cannot
        # get them back itself): what the stalled one exported of them is given up
        taken_over = taken_over and wait_for(
            lambda: not redis_client.exists("newsbot:daily8:reassigned"), 60
        )
    finally:
        frozen.send_signal(signal.SIGCONT)
    assert taken_over
    logs = _finish(procs)
    _shares(workers, site)  # every article exactly once across the two finished exports
    assert "was taken for dead" in logs[0] and "lost the claim of" in logs[0]
    lost_claims = [line for line in logs[0].splitlines() if "Distributed crawl: lost claim" in line]
    gave_up = [line for line in lost_claims if ": gave up article(s) " in line]
    assert gave_up and all(f" of {server.base_url}/" in line for line in lost_claims)
    lost, took = _distributed(stalled), _distributed(other)
    assert lost["lost"] == len(lost_claims) and lost["items_given_up"] >= len(gave_up)
    assert lost["claimed"] == lost["finished"] + lost["lost"]
    assert took["taken_over"] > 0 and took["lost"] == 0


def test_a_killed_worker_loses_nothing(own_replica, tmp_path, redis_url):
    site, server = own_replica
    hold_until_clients(server, 2, 0.4)
    first, second = _workers(server, site, tmp_path, redis_url)
    doomed, _ = first.start()
    survivor, survivor_log = second.start()
    both_working = wait_for(
        lambda: part_lines(first.folder()) >= 2 and part_lines(second.folder()) >= 2, 60
    )
    assert both_working and doomed.poll() is None
    kill(doomed, signal.SIGKILL)
    survivor.communicate(timeout=120)
    log = survivor_log.read_text()
    assert survivor.returncode == 0, log[-3000:]
    assert "is gone (no heartbeat" in log
    assert first.finished() == []  # the killed worker finished nothing
    counts = second.ids()
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(_paths(site), DEPTH)
    stats = json.loads(second.files("*.summary.json")[0].read_text())
    assert stats["finish_reason"] == "finished"
    assert stats["distributed"]["taken_over"] > 0
    # the killed worker is started again (systemd would): its .part is not recovered, since
    # the others crawled its claims again; nothing is exported twice
    assert first.parts()
    code, log = first.run()
    assert code == 0, log[-3000:]
    assert "set aside as" in log and not first.parts()
    assert [i for i, n in _exported([first, second]).items() if n > 1] == []


def test_a_worker_killed_while_idle_is_waited_for_and_its_claims_crawled_again(
    own_replica, tmp_path, redis_url, redis_client
):
    """Operator round 9: a worker killed while idle (waiting for a busy peer, its results
    only in its unfinished export) held claims; the peer finished within the worker timeout
    of the kill, ended 0 and left those articles in no finished export. The last worker now
    waits for a live peer that holds claims and is not finishing itself: once the dead one's
    heartbeat times out, its claims come back and are crawled."""
    site, server = own_replica
    hold_until_clients(server, 2, 0.05)
    held = threading.Event()  # the survivor's article pages wait until the other is killed
    inner = server.fault_hook

    def hook(req):
        agent = next((v for k, v in req.headers.items() if k.lower() == "user-agent"), "")
        if agent == "newsbot-test/worker2" and is_article(req):
            held.wait(90)
        return inner(req)

    server.fault_hook = hook
    first, second = _workers(server, site, tmp_path, redis_url)
    doomed, _ = first.start()
    survivor, survivor_log = second.start()
    workers = "newsbot:daily8:workers"

    def doomed_idle_with_claims() -> bool:
        for key, value in redis_client.hgetall(workers).items():
            worker = key.decode()
            if worker.split(":")[1] == str(doomed.pid):
                state = json.loads(value)
                claims = redis_client.hlen(f"newsbot:daily8:inflight:{worker}")
                return (
                    not state["busy"]
                    and claims > 0
                    and not redis_client.zcard("newsbot:daily8:requests")
                )
        return False

    try:
        assert wait_for(doomed_idle_with_claims, 90), "the first worker never went idle"
        assert part_lines(first.folder()) > 0 and first.finished() == []
        kill(doomed, signal.SIGKILL)
    finally:
        held.set()  # the survivor finishes its pages at once: well within the timeout
    survivor.communicate(timeout=120)
    log = survivor_log.read_text()
    assert survivor.returncode == 0, log[-3000:]
    assert "which hold(s) claims and has not finished" in log
    assert "is gone (no heartbeat" in log
    counts = second.ids()
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(_paths(site), DEPTH)  # the dead one's too
    assert not list(redis_client.scan_iter(match="newsbot:daily8:inflight:*"))


def test_a_frozen_redis_stops_the_worker_and_loses_nothing(
    own_replica, tmp_path, redis_url, redis_client
):
    """Redis stops answering under a worker (ops round 5: it hung for ten minutes, ignored
    SIGTERM, then acked the claims of an export that had failed: 50 articles lost). The
    worker gives up on Redis after NEWSBOT_REDIS_TIMEOUT, stops without finishing an export
    (exit status 3) and acks nothing; once Redis is back, the same command crawls what the
    stopped run claimed, and every article is exported exactly once."""
    site, server = own_replica
    make_slow(server, 0.3)
    (worker,) = _workers(
        server, site, tmp_path, redis_url, names=["worker1"], NEWSBOT_REDIS_TIMEOUT=2
    )
    redis_pid = int(redis_client.info("server")["process_id"])
    proc, log = worker.start()
    assert wait_for(lambda: part_lines(worker.folder()) >= 3, 60) and proc.poll() is None
    os.kill(redis_pid, signal.SIGSTOP)
    try:
        stopped = wait_for(lambda: proc.poll() is not None, 90)
        if not stopped:
            proc.kill()
        proc.communicate(timeout=30)
    finally:
        os.kill(redis_pid, signal.SIGCONT)
    text = log.read_text()
    assert stopped, text[-3000:]
    assert proc.returncode == 3, text[-3000:]
    assert "failed while" in text and "claims stay in Redis" in text
    assert "acked" not in text  # nothing acked for an export that never finished
    assert worker.finished() == [] and worker.parts() == []
    # what it claimed is still claimed, and comes back once its heartbeat is stale
    assert list(redis_client.scan_iter(match="newsbot:daily8:inflight:*"))
    code, rerun = worker.run()
    assert code == 0, rerun[-3000:]
    assert "is gone (no heartbeat" in rerun
    _shares([worker], site)  # every article, exactly once, in the finished export


def test_ctrl_c_leaves_no_claim_and_the_next_run_resumes(
    own_replica, tmp_path, redis_url, redis_client
):
    site, server = own_replica
    make_slow(server, 0.3)
    (worker,) = _workers(server, site, tmp_path, redis_url, names=["worker1"])
    proc, _ = worker.start()
    assert wait_for(lambda: part_lines(worker.folder()) >= 3, 60) and proc.poll() is None
    assert kill(proc, signal.SIGINT) == 0  # one Ctrl-C: a graceful stop
    share = _distributed(worker)  # what it took, it finished (Scrapy completes in-flight
    assert share["claimed"] == share["finished"] > 0  # requests on a graceful stop)
    assert not list(redis_client.scan_iter(match="newsbot:daily8:inflight:*"))  # none held
    assert redis_client.zcard("newsbot:daily8:requests") > 0  # the rest of the crawl waits
    code, rerun = worker.run()  # the same command resumes
    assert code == 0, rerun[-3000:]
    assert len(worker.finished()) == 2
    _shares([worker], site)  # together the two exports hold every article exactly once


class _Planted:
    """Unpickling this calls open(path, "w"): the file appears if a pickle is ever loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_a_pickle_in_the_queue_never_runs(tmp_path, redis_url, redis_client):
    planted = tmp_path / "pickle-ran"
    payload = pickle.dumps(_Planted(planted), protocol=4)
    redis_client.zadd("newsbot:daily8:requests", {payload: -1000})  # first in line
    site = build_site(seed=SEED, articles=18, clock=CLOCK)
    with ReplicaServer(site, theme="a") as server:
        (worker,) = _workers(server, site, tmp_path, redis_url, names=["worker1"])
        code, log = worker.run()
        assert code == 0, log[-3000:]
        assert not planted.exists()
        assert "refused a queue entry that is not a request stored as data (a pickle" in log
        _shares([worker], site)  # and the crawl went on to the end
        assert _distributed(worker)["refused"] == 1


def test_the_queue_serializer_refuses_code_and_keeps_requests():
    from scrapy import FormRequest, Request

    from newsbot.distributed import serializer

    planted = Path("/nonexistent/never")
    request = Request("http://x/a", headers={"Referer": "http://y"}, body=b"\x00\xff",
                      meta={"depth": 2}, cb_kwargs={"hint": {"title": "T"}})  # fmt: skip
    assert serializer.loads(serializer.dumps(request.to_dict())) == request.to_dict()
    form = FormRequest("http://x/b", formdata={"q": "1"}).to_dict()
    assert serializer.loads(serializer.dumps(form))["_class"].endswith("FormRequest")
    hostile = [
        pickle.dumps(_Planted(planted)),
        b"not json",
        b"[1, 2]",
        serializer.dumps({**request.to_dict(), "_class": "os.system"}),
        serializer.dumps({**request.to_dict(), "_class": "nonexistent_module.Request"}),
        serializer.dumps({**request.to_dict(), "callback": "__init__"}),
    ]
    for payload in hostile:
        with pytest.raises(serializer.RefusedPayload):
            serializer.loads(payload)
    assert "nonexistent_module" not in sys.modules


def test_a_worker_with_other_arguments_does_not_join_the_crawl(
    own_replica, tmp_path, redis_url, redis_client
):
    """A worker started with another -a related_depth while a crawl is in progress (running,
    or stopped with its queue in Redis) is refused in one line; the crawl goes on as it was
    started and the same command resumes it."""
    site, server = own_replica
    make_slow(server, 0.3)
    (worker,) = _workers(server, site, tmp_path, redis_url, names=["worker1"])
    (other,) = _workers(server, site, tmp_path, redis_url, depth=DEPTH + 2, names=["worker2"])
    served = fetches_by_agent(server)
    proc, _ = worker.start()
    assert wait_for(lambda: part_lines(worker.folder()) >= 3, 60) and proc.poll() is None
    code, log = other.run()
    assert code == 2, log[-3000:]
    assert "Traceback" not in log
    assert f"related_depth {DEPTH} -> {DEPTH + 2}" in log and "same -a arguments" in log
    assert served["newsbot-test/worker2"] == 0  # took no request
    assert not other.finished() and not other.parts()
    assert kill(proc, signal.SIGINT) == 0  # a graceful stop: the rest of the crawl waits
    assert redis_client.zcard("newsbot:daily8:requests") > 0
    code, log = other.run()
    assert code == 2 and "same -a arguments" in log, log[-3000:]
    code, rerun = worker.run()  # the crawl's own arguments resume it
    assert code == 0, rerun[-3000:]
    _shares([worker], site)


@pytest.mark.parametrize(
    ("first", "joining", "shown"),
    [
        ({}, {"since": "2h"}, "since (not given) -> 2h"),
        ({"since": "24h"}, {"since": "2h"}, "since 24h -> 2h"),
        ({}, {"max_pages": 1}, "NEWSBOT_MAX_PAGES (not given) -> 1"),
    ],
)
def test_a_worker_with_its_own_window_or_page_limit_does_not_join(
    redis_client, first, joining, shown
):
    """Workers share one crawl's articles out: one that skipped by its own `since` or
    stopped its listings at its own page limit would drop the others' share (the blind
    operator lost 1,000 of 1,691 articles so). The same `since`, as typed, joins."""
    from newsbot.distributed.joining import check_same_crawl, write_down
    from newsbot.exitcodes import UsageError
    from newsbot.spiders.arguments import parse_arguments, worker_arguments

    now = CLOCK

    def arguments(since=None, max_pages=None):
        args = parse_arguments(
            start_urls="http://127.0.0.1:8008/en", default_start_urls=(), since=since, now=now
        )
        return worker_arguments(args, max_pages)

    redis_client.zadd("newsbot:daily8:requests", {b"queued": 0})  # a crawl in progress
    write_down(redis_client, "daily8", arguments(**first), replace=True)
    with pytest.raises(UsageError, match="same -a arguments") as refused:
        check_same_crawl(
            redis_client, "daily8", "newsbot:daily8:requests", arguments(**joining), 60
        )
    assert shown in str(refused.value)
    check_same_crawl(redis_client, "daily8", "newsbot:daily8:requests", arguments(**first), 60)


def test_a_redis_that_answers_but_refuses_is_not_called_down(redis_url, redis_client):
    """ops4: a server that wanted a password, or had no database 99, was reported as "Redis
    does not answer ... start redis-server"."""
    from newsbot.distributed.reach import check_reachable
    from newsbot.exitcodes import UsageError

    port_url = redis_url.rsplit("/", 1)[0]
    with pytest.raises(UsageError, match="answered but refused.*DB index"):
        check_reachable(f"{port_url}/99", timeout=5)
    redis_client.config_set("requirepass", "sekret")
    with pytest.raises(UsageError, match="answered but refused.*give the password") as caught:
        check_reachable(redis_url, timeout=5)
    assert "does not answer" not in str(caught.value)
    check_reachable(redis_url.replace("redis://", "redis://:sekret@"), timeout=5)


def test_an_article_at_two_urls_is_exported_once_across_workers(redis_url, redis_client):
    """ops round 9: with a mirror not named (`-a mirror_hosts`), one article came via the site
    and via its mirror, each URL to another worker, and both exported it (104 lines for 103
    articles); one process drops the copy. A page fetched again because its worker died
    (the same URL) is still exported."""
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newsbot.pipelines.dedupe import DedupePipeline
    from newsbot.spiders.daily8 import Daily8Spider

    def worker() -> DedupePipeline:
        return DedupePipeline.from_crawler(
            get_crawler(Daily8Spider, {"NEWSBOT_REDIS_URL": redis_url})
        )

    first, second, third = worker(), worker(), worker()
    item = {"id": "a1", "url": "http://127.0.0.1:8001/en/article/a1", "title": "T"}
    mirrored = {**item, "url": "http://127.0.0.1:8002/en/article/a1"}
    assert first.process_item(dict(item)) == item
    with pytest.raises(DropItem):
        second.process_item(dict(mirrored))
    assert third.process_item(dict(item)) == item  # the same page again: its worker died
    other = {"id": "b2", "url": "http://127.0.0.1:8002/en/article/b2", "title": "U"}
    assert second.process_item(dict(other)) == other
    assert redis_client.hget("newsbot:daily8:crawl:article_urls", "a1") == item["url"].encode()


def test_a_redis_unix_socket_url_is_taken(tmp_path):
    """ops round 9: `unix:///path/redis.sock` (which redis-py connects to) was refused as
    "the database '...sock' is not a number"; its database is the `db` query value."""
    from newsbot.distributed.reach import check_reachable
    from newsbot.exitcodes import UsageError

    binary = require_binary("redis-server", "/usr/bin/redis-server")
    folder = Path(tempfile.mkdtemp(prefix="nb-redis-", dir="/tmp"))  # a socket path is short
    sock = folder / "redis.sock"
    proc = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no",
         "--dir", str(folder), "--daemonize", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_for(sock.exists, timeout=10), "redis-server made no socket"
        check_reachable(f"unix://{sock}", timeout=5)
        check_reachable(f"unix://{sock}?db=3", timeout=5)
        with pytest.raises(UsageError, match="not a Redis URL.*db"):
            check_reachable(f"unix://{sock}?db=three", timeout=5)
        with pytest.raises(UsageError, match="does not answer"):
            check_reachable(f"unix://{folder / 'nothing.sock'}", timeout=5)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_redis_emptied_under_the_crawl_stops_the_worker_loudly(
    own_replica, tmp_path, redis_url, redis_client
):
    """ops round 6: Redis restarted without its data (or the crawl's database flushed) 12 s
    into a crawl: the workers took themselves for dead, gave up what they had fetched and
    ended 0 with 7 of 52 articles exported and every health check passed. The worker now
    says the crawl's state is gone and stops without finishing its export (exit status 3)."""
    site, server = own_replica
    make_slow(server, 0.3)
    (worker,) = _workers(server, site, tmp_path, redis_url, names=["worker1"])
    proc, log = worker.start()
    assert wait_for(lambda: part_lines(worker.folder()) >= 3, 60) and proc.poll() is None
    redis_client.flushdb()
    stopped = wait_for(lambda: proc.poll() is not None, 90)
    if not stopped:
        proc.kill()
    proc.communicate(timeout=30)
    text = log.read_text()
    assert stopped, text[-3000:]
    assert proc.returncode == 3, text[-3000:]
    assert "crawl's keys are gone from Redis" in text, text[-3000:]
    assert "was silent longer than" not in text  # not taken for dead: the crawl vanished
    assert worker.finished() == []  # no export that claims to be the crawl's
