"""Whether ``NEWSBOT_REDIS_URL`` can serve a crawl: checked once when a distributed crawl
starts, so that a wrong URL or a server that is down is one line, not three tracebacks from
the scheduler."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from newsbot.exitcodes import UsageError
from newsbot.incremental.store import _safe_url
from newsbot.usage import short


def check_reachable(url: str, timeout: float = 5.0) -> None:
    """The URL is a Redis URL and its server answers; else :class:`UsageError` in one line,
    before the crawl starts (not three tracebacks from the scheduler)."""
    import redis

    where = f"NEWSBOT_REDIS_URL={short(_safe_url(url))}"  # never the password
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    except ValueError as exc:
        # (redis-py's reason may quote a piece of a password it misread as the port)
        reason = "" if _safe_url(url) != url else f" ({exc})"
        raise UsageError(
            f"{where}: not a Redis URL{reason}; expected redis://host:port/db (a password "
            "with # ? / @ or : in it is written percent-encoded: # is %23)"
        ) from None
    database = _database(url)
    if database and not database.isdigit():  # redis-py silently used database 0
        client.close()
        raise UsageError(
            f"{where}: the database {short(database)} is not a number; expected "
            "redis://host:port/db (or unix:///path/to/redis.sock?db=N) with db 0 to 15 by "
            "default"
        )
    try:
        client.ping()
    except (redis.AuthenticationError, redis.ResponseError) as exc:
        # it answered: a password it wants or rejects, a database number out of range
        raise UsageError(
            f"{where}: Redis answered but refused ({type(exc).__name__}: {exc}); give the "
            "password (redis://:PASSWORD@host:port/db) or a database it has (0 to 15 by "
            "default)"
        ) from None
    except redis.RedisError as exc:
        raise UsageError(
            f"{where}: Redis does not answer ({type(exc).__name__}: {exc}); start redis-server "
            "or fix the URL (NEWSBOT_ENV=distributed reads it from the environment overlay)"
        ) from None
    finally:
        client.close()


def _database(url: str) -> str:
    """The database a Redis URL names: its path for redis:// and rediss://, its ``db``
    query value for unix:// (whose path is the socket's; ops round 9: a working socket URL
    was refused as "database '<path>' is not a number")."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return (parse_qs(parts.query).get("db") or [""])[0].strip()
    return parts.path.strip("/")
