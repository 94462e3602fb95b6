"""How newsbot talks to Redis: bounded waits, and a retry that outlasts a restart.

redis-py waits for an answer forever unless told otherwise, and scrapy-redis's defaults wait
30 s and then try again. A worker whose Redis freezes (a stopped process, a full swap, a
network partition) then blocks Scrapy's reactor for minutes per call: it cannot stop, not
even on SIGTERM (ops round 5). Every connection newsbot opens instead:

- gives up on a call after ``NEWSBOT_REDIS_TIMEOUT`` seconds (connect and read), and does not
  repeat a call that timed out: a frozen server is an outage, not a blip;
- retries a refused or dropped connection a few times over about three seconds, so a Redis
  restarted by its supervisor is not an outage (ops round 4: a restart under a second failed
  every worker);
- once a call to a server has timed out, fails every call to that server at once for the
  next ``3 x NEWSBOT_REDIS_TIMEOUT`` seconds (at least 30) instead of waiting again: a worker
  that is stopping because Redis froze makes dozens of calls on its way out (the duplicate
  filter, the seen-store, the shared ledgers), and each would otherwise wait out the timeout.

What a worker does when Redis stays away is :mod:`newsbot.distributed.scheduler`'s business.
"""

from __future__ import annotations

import functools
import threading
import time
from typing import Any
from urllib.parse import urlparse

from newsbot import settings as defaults

RECONNECT_TRIES = 6  # backoff 0.1, 0.2, 0.4, 0.8, 1.0, 1.0 s: ~3.5 s for a restart


_silent_since: dict[object, float] = {}  # server -> when a call to it last timed out
_lock = threading.Lock()


def _server(connection: Any) -> object:
    return getattr(connection, "path", None) or (connection.host, connection.port)


@functools.cache
def _connection_class(scheme: str) -> type:
    """redis-py's connection class for ``scheme``, failing fast while its server is silent
    (the module's last point). Every command passes here: while no server has gone silent,
    it costs a dict lookup, no lock."""
    import redis.connection as rc
    from redis.exceptions import TimeoutError as RedisTimeoutError

    base = {"rediss": rc.SSLConnection, "unix": rc.UnixDomainSocketConnection}.get(
        scheme, rc.Connection
    )

    class FailFast(base):  # type: ignore[misc, valid-type]
        def _refuse_while_silent(self) -> None:
            since = _silent_since.get(_server(self)) if _silent_since else None
            if since is None:
                return
            ago = time.monotonic() - since
            if ago < max(30.0, 3 * float(self.socket_timeout or 0)):
                raise RedisTimeoutError(
                    f"Redis did not answer within {self.socket_timeout:g}s {ago:.0f}s ago; "
                    "not waiting on it again yet"
                )

        def _silent(self) -> None:
            with _lock:
                _silent_since[_server(self)] = time.monotonic()

        def connect(self) -> None:
            self._refuse_while_silent()
            try:
                super().connect()
            except RedisTimeoutError:
                self._silent()
                raise

        def send_packed_command(self, command: Any, check_health: bool = True) -> None:
            self._refuse_while_silent()
            super().send_packed_command(command, check_health)

        def read_response(self, *args: Any, **kwargs: Any) -> Any:
            try:
                response = super().read_response(*args, **kwargs)
            except RedisTimeoutError:
                self._silent()
                raise
            if _silent_since:  # it answers again
                with _lock:
                    _silent_since.pop(_server(self), None)
            return response

    FailFast.__name__ = f"FailFast{base.__name__}"
    return FailFast


def redis_params(url: str, timeout: float | None = None) -> dict[str, Any]:
    """Keyword arguments for ``redis.Redis.from_url`` (and scrapy-redis's ``REDIS_PARAMS``)."""
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.retry import Retry

    wait = float(timeout if timeout is not None else defaults.NEWSBOT_REDIS_TIMEOUT)
    return {
        "socket_timeout": wait,
        "socket_connect_timeout": wait,
        "retry_on_timeout": False,
        "retry": Retry(
            ExponentialBackoff(cap=1.0, base=0.1),
            RECONNECT_TRIES,
            supported_errors=(RedisConnectionError, ConnectionRefusedError),
        ),
        "connection_class": _connection_class(urlparse(url).scheme),
    }


def timeout_of(settings: Any) -> float:
    if settings is None:
        return float(defaults.NEWSBOT_REDIS_TIMEOUT)
    return settings.getfloat("NEWSBOT_REDIS_TIMEOUT", defaults.NEWSBOT_REDIS_TIMEOUT)


def connect(url: str, timeout: float | None = None) -> Any:
    """A ``redis.Redis`` client for ``url`` with newsbot's bounded waits."""
    import redis

    return redis.Redis.from_url(url, **redis_params(url, timeout))
