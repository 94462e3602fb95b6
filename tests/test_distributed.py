"""Distributed crawling with scrapy-redis: two workers, one Redis, one replica."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from newsbot.distributed.queue import (
    CLAIM_META,
    REAP,
    SETTLE,
    ClaimingPriorityQueue,
    CrawlKeys,
)
from newsbot.incremental import SeenRecord
from newsbot.incremental.store import RedisSeenStore
from newsbot.incremental.testing import ScheduledRuns, kill, part_lines, wait_for
from newsbot.replica.slow import hold_until_clients
from tests.conftest import require_binary, start_paths

pytestmark = pytest.mark.redis


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    binary = require_binary("redis-server", "/usr/bin/redis-server")
    import redis

    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp_path), "--daemonize", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def ready() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    try:
        assert wait_for(ready, timeout=10), "redis-server did not start"
        yield url
    finally:
        client.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


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


# -- two worker processes ------------------------------------------------------------------------
def _paths(site) -> list[str]:
    return start_paths(site.truth())


# related_depth=1 also checks that workers share depth upgrades through Redis (an article
# one worker fetched as related, another found on a listing: newsbot.distributed.expansion).
DEPTH = 0


def _workers(
    server, site, tmp_path: Path, redis_url: str, depth: int = DEPTH, **settings
) -> list[ScheduledRuns]:
    return [
        ScheduledRuns(
            server,
            _paths(site),
            tmp_path / name,
            args={"related_depth": depth},
            settings={
                "NEWSBOT_REDIS_URL": redis_url,
                "NEWSBOT_REDIS_WORKER_TIMEOUT": 5,
                "CONCURRENT_REQUESTS": 4,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
                "USER_AGENT": f"newsbot-test/{name}",  # how the replica tells them apart
                **settings,
            },
        )
        for name in ("worker1", "worker2")
    ]


def _exported(workers: list[ScheduledRuns]) -> Counter[str]:
    total: Counter[str] = Counter()
    for worker in workers:
        total.update(worker.ids())
    return total


@pytest.mark.parametrize(
    ("depth", "delay", "concurrency"), [(0, 0.3, 2), (1, 0.2, 4)], ids=["listings", "related"]
)
def test_two_workers_share_one_crawl(
    own_replica, tmp_path, redis_url, redis_client, depth, delay, concurrency
):
    site, server = own_replica
    # articles wait until both workers are up, then come slowly enough for both to share them
    hold_until_clients(server, 2, delay)
    workers = _workers(server, site, tmp_path, redis_url, depth, CONCURRENT_REQUESTS=concurrency)
    procs = [w.start() for w in workers]
    logs = []
    for proc, log in procs:
        proc.communicate(timeout=120)
        logs.append(log.read_text())
        assert proc.returncode == 0, logs[-1][-3000:]
    assert "newsbot distributed mode: scrapy-redis" in logs[0]
    counts = _exported(workers)
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(_paths(site), depth)
    for worker in workers:  # each did part of the work
        assert sum(worker.ids().values()) > 0
    # the seen-store is in Redis and holds every exported article
    assert redis_client.hlen("newsbot:seen:daily8") == len(counts)
    # the crawl is complete: no claims left, duplicate filter cleared for the next run
    assert not list(redis_client.scan_iter(match="newsbot:daily8:inflight:*"))
    assert not redis_client.exists("newsbot:daily8:dupefilter")


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
    assert "is gone; put its" in log
    assert first.finished() == []  # the killed worker finished nothing
    counts = second.ids()
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(counts) == site.expected_ids(_paths(site), DEPTH)
    stats = json.loads(second.files("*.summary.json")[0].read_text())
    assert stats["finish_reason"] == "finished"
