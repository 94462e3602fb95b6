"""The seen-store: what earlier runs exported, per spider, keyed by article id.

Each record holds the article's content hash, the fingerprint of the listing entry that led
to it, whether its related articles were followed when it was fetched, and when it was last
seen. Two implementations share one small interface:

- :class:`SQLiteSeenStore` (default): one SQLite file, e.g. ``.newsbot/seen.sqlite``.
- :class:`RedisSeenStore` (distributed mode): a hash per spider plus a sorted set by time,
  shared by every worker of one Redis.

Records older than the configured age are removed by :meth:`SeenStore.expire` (each run
calls it when it opens the store), so the store stays small.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


@dataclass(frozen=True)
class SeenRecord:
    id: str
    content_hash: str
    fingerprint: str | None = None
    expanded: bool = False  # its related articles were followed when it was fetched
    seen_at: float = 0.0

    def to_json(self) -> str:
        return json.dumps([self.content_hash, self.fingerprint, self.expanded, self.seen_at])

    @classmethod
    def from_json(cls, article_id: str, text: str | bytes) -> SeenRecord:
        content, fingerprint, expanded, seen_at = json.loads(text)
        return cls(article_id, content, fingerprint, bool(expanded), float(seen_at))


class SeenStore(Protocol):
    description: str

    def get(self, article_id: str) -> SeenRecord | None: ...

    def get_many(self, ids: Iterable[str]) -> dict[str, SeenRecord]: ...

    def put_many(self, records: Iterable[SeenRecord]) -> int: ...

    def expire(self, max_age: float, now: float | None = None) -> int: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...


class SQLiteSeenStore:
    """One SQLite file; one table, ``(spider, id)`` as key."""

    def __init__(self, path: str | Path, spider: str) -> None:
        self.path = Path(path)
        self.spider = spider
        self.description = f"sqlite {self.path}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS seen (spider TEXT NOT NULL, id TEXT NOT NULL,"
            " hash TEXT NOT NULL, fingerprint TEXT, expanded INTEGER NOT NULL DEFAULT 0,"
            " seen_at REAL NOT NULL, PRIMARY KEY (spider, id))"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS seen_at ON seen (spider, seen_at)")

    @staticmethod
    def _record(row: tuple[Any, ...]) -> SeenRecord:
        return SeenRecord(row[0], row[1], row[2], bool(row[3]), float(row[4]))

    def get(self, article_id: str) -> SeenRecord | None:
        row = self.db.execute(
            "SELECT id, hash, fingerprint, expanded, seen_at FROM seen WHERE spider=? AND id=?",
            (self.spider, article_id),
        ).fetchone()
        return self._record(row) if row else None

    def get_many(self, ids: Iterable[str]) -> dict[str, SeenRecord]:
        found: dict[str, SeenRecord] = {}
        for article_id in ids:
            record = self.get(article_id)
            if record is not None:
                found[article_id] = record
        return found

    def put_many(self, records: Iterable[SeenRecord]) -> int:
        rows = [
            (self.spider, r.id, r.content_hash, r.fingerprint, int(r.expanded), r.seen_at)
            for r in records
        ]
        if rows:
            with self.db:  # one transaction
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany(
                    "INSERT OR REPLACE INTO seen (spider, id, hash, fingerprint, expanded,"
                    " seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        return len(rows)

    def expire(self, max_age: float, now: float | None = None) -> int:
        if max_age <= 0:
            return 0
        cutoff = (time.time() if now is None else now) - max_age
        cursor = self.db.execute(
            "DELETE FROM seen WHERE spider=? AND seen_at < ?", (self.spider, cutoff)
        )
        return cursor.rowcount or 0

    def __len__(self) -> int:
        row = self.db.execute("SELECT COUNT(*) FROM seen WHERE spider=?", (self.spider,))
        return int(row.fetchone()[0])

    def close(self) -> None:
        self.db.close()


class RedisSeenStore:
    """``<prefix>:<spider>`` hash (id -> record) and ``<prefix>:<spider>:at`` sorted set."""

    def __init__(self, url: str, spider: str, prefix: str = "newsbot:seen", server: Any = None):
        import redis

        self.server = server or redis.Redis.from_url(url)
        self.key = f"{prefix}:{spider}"
        self.times = f"{self.key}:at"
        self.description = f"redis {_safe_url(url)} key {self.key}"

    def get(self, article_id: str) -> SeenRecord | None:
        raw = self.server.hget(self.key, article_id)
        return SeenRecord.from_json(article_id, raw) if raw else None

    def get_many(self, ids: Iterable[str]) -> dict[str, SeenRecord]:
        ids = list(ids)
        if not ids:
            return {}
        values = self.server.hmget(self.key, ids)
        return {i: SeenRecord.from_json(i, v) for i, v in zip(ids, values, strict=True) if v}

    def put_many(self, records: Iterable[SeenRecord]) -> int:
        records = list(records)
        if records:
            pipe = self.server.pipeline(transaction=True)
            pipe.hset(self.key, mapping={r.id: r.to_json() for r in records})
            pipe.zadd(self.times, {r.id: r.seen_at for r in records})
            pipe.execute()
        return len(records)

    def expire(self, max_age: float, now: float | None = None) -> int:
        if max_age <= 0:
            return 0
        cutoff = (time.time() if now is None else now) - max_age
        old = self.server.zrangebyscore(self.times, "-inf", f"({cutoff}")
        if not old:
            return 0
        pipe = self.server.pipeline(transaction=True)
        pipe.hdel(self.key, *old)
        pipe.zrem(self.times, *old)
        pipe.execute()
        return len(old)

    def __len__(self) -> int:
        return int(self.server.hlen(self.key))

    def close(self) -> None:
        self.server.close()


def _safe_url(url: str) -> str:
    """The URL without a password, for logs."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = f"{parts.username or ''}:***@{parts.hostname}"
        if parts.port:
            netloc += f":{parts.port}"
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def is_redis_url(location: str) -> bool:
    return str(location).startswith(REDIS_SCHEMES)


def open_store(location: str | Path, spider: str) -> SQLiteSeenStore | RedisSeenStore:
    """A Redis store for a ``redis://`` URL, else an SQLite file at ``location``."""
    if is_redis_url(str(location)):
        return RedisSeenStore(str(location), spider)
    return SQLiteSeenStore(location, spider)
