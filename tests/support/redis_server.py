"""A real redis-server for a test: on a free loopback port, nothing saved, stopped after."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import free_port, require_binary
from tests.support.scheduled_runs import wait_for


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """``redis://127.0.0.1:<port>/0`` of a redis-server started in ``folder``; skipped
    without the program (failed under CI, which installs it)."""
    binary = require_binary("redis-server", "/usr/bin/redis-server")
    import redis

    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(folder), "--daemonize", "no"],
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
