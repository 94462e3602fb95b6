"""newsbot.incremental.jobstate on queue files written by queuelib itself (the library
Scrapy's disk queues use), whole and then cut short or overwritten."""

from __future__ import annotations

import json
import pickle

from queuelib import FifoDiskQueue, LifoDiskQueue

from newsbot.incremental.jobstate import damage


def _job(tmp_path):
    folder = tmp_path / "job"
    slot = folder / "requests.queue" / "127.0.0.1"
    slot.mkdir(parents=True)
    queue = LifoDiskQueue(slot / "-10")
    for n in range(5):
        queue.push(pickle.dumps({"url": f"http://127.0.0.1/en/article/{n}", "pad": "x" * 200}))
    queue.close()
    (folder / "requests.queue" / "active.json").write_text(json.dumps({"127.0.0.1": [-10]}))
    (folder / "spider.state").write_bytes(pickle.dumps({"related_seen": [1, 2]}))
    return folder, slot / "-10"


def test_a_whole_saved_job_reads_back(tmp_path):
    folder, queue = _job(tmp_path)
    assert damage(folder) is None
    reopened = LifoDiskQueue(queue)  # and queuelib agrees: every record pops
    assert len([reopened.pop() for _ in range(len(reopened))]) == 5


def test_a_queue_file_cut_short_is_named(tmp_path):
    folder, queue = _job(tmp_path)
    with queue.open("r+b") as handle:
        handle.truncate(100)
    assert damage(folder) == f"{queue}: cut short (5 records announced)"
    queue.write_bytes(b"\x00\x00")
    assert damage(folder) == f"{queue}: cut short (no record count)"


def test_a_broken_active_list_or_spider_state_is_named(tmp_path):
    folder, _ = _job(tmp_path)
    (folder / "spider.state").write_text("not a pickle\n")
    assert damage(folder).startswith(f"{folder / 'spider.state'}: not a saved spider state")
    (folder / "requests.queue" / "active.json").write_text("{broken")
    assert damage(folder).startswith(f"{folder / 'requests.queue' / 'active.json'}: not the")


def test_a_fifo_job_is_not_read_as_lifo(tmp_path):
    folder, queue = _job(tmp_path)
    queue.write_bytes(b"any bytes a FIFO queue writes")
    assert damage(folder, lifo_queues=False) is None


def test_a_queue_of_start_requests_is_read_as_the_fifo_it_is(tmp_path):
    """Scrapy 2.13 keeps start requests in FIFO disk queues (a folder: info.json and chunks).
    ops round 12: every stopped `article` job (all its requests are start requests) was taken
    for damaged (`-20s/info.json: cut short`) and started over instead of resuming."""
    folder, _ = _job(tmp_path)
    start = folder / "requests.queue" / "127.0.0.1" / "-20s"
    queue = FifoDiskQueue(start)
    for n in range(3):
        queue.push(pickle.dumps({"url": f"http://127.0.0.1/en/article/s{n}"}))
    queue.close()
    assert damage(folder) is None
    reopened = FifoDiskQueue(start)  # queuelib agrees
    assert len(reopened) == 3
    reopened.close()
    (start / "info.json").write_text("{not json")
    assert damage(folder).startswith(f"{start / 'info.json'}: not the queue's JSON")
