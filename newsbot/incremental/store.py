"""The seen-store: what earlier runs exported, per spider, keyed by article id.

Each record holds the article's content hash, the fingerprint of the listing entry that led
to it, whether its related articles were followed when it was fetched, and when it was last
seen. Two implementations share one small interface:

- :class:`SQLiteSeenStore` (default): one SQLite file, e.g. ``.newsbot/seen.sqlite``.
- :class:`RedisSeenStore` (distributed mode): a hash per spider plus a sorted set by time,
  shared by every worker of one Redis.

Records older than the configured age are removed by :meth:`SeenStore.expire` (each run
calls it when it opens the store), so the store stays small.

Claims (issue 11): two runs sharing one store must never export the same article twice.
Before a run exports an article it *claims* it (:meth:`SeenStore.claim`): the store says
``unchanged`` when it already holds the article with the same content, ``claimed`` when
another live run holds a claim on it, else keeps this run's claim and says ``new`` or
``update``. The claim is taken first and the seen records read after it, while a committing
run writes its records before it drops its claims, so a run never misses both. The second
run leaves claimed articles to the first rather than waiting for it (waiting would serialise
the runs; and if the first run's export fails, its claims are released unrecorded, so the
next run exports those articles). A run's records are written, then its claims released,
once its export files are durable (:meth:`SeenStore.commit`); after a failed export they are
only released (:meth:`SeenStore.release`). A claim whose run died (its process is gone, or
older than ``CLAIM_MAX_AGE``) is taken over.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
CLAIM_MAX_AGE = 24 * 3600.0  # a claim this old is stale even if its owner cannot be checked
KEEPALIVE_EVERY = 10.0  # seconds between a run's keepalives (Redis store)
KEEPALIVE_TTL = 60.0  # a run silent this long is dead: its claims are taken over
NEW, UPDATE, UNCHANGED, CLAIMED = "new", "update", "unchanged", "claimed"


def _process_start(pid: int) -> str:
    """The start time of process ``pid`` (clock ticks since boot), "" where unknown: with the
    pid it names one process, even after the pid is reused."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def this_process() -> str:
    """``host:pid:start``: who holds a claim."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_process_start(pid)}"


def owner_alive(owner: str, claimed_at: float, now: float | None = None) -> bool:
    """False when the claim's process is known to be gone (same host), or the claim is old."""
    now = time.time() if now is None else now
    if now - claimed_at > CLAIM_MAX_AGE:
        return False
    host, _, rest = owner.partition(":")
    pid_text, _, start = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return True  # another machine's run: trust it until the claim is old
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return not start or _process_start(pid) == start


def verdict(seen_hash: str | None, content: str) -> str:
    if seen_hash is None:
        return NEW
    return UNCHANGED if seen_hash == content else UPDATE


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

    def claim(self, article_id: str, content: str, run: str, *, check_seen: bool = True) -> str: ...

    def commit(self, records: Iterable[SeenRecord], run: str) -> int: ...

    def release(self, run: str) -> int: ...

    def keepalive(self, run: str) -> None: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...


class SQLiteSeenStore:
    """One SQLite file (one table, ``(spider, id)`` as key), and its claims in a second file
    next to it (``<file>-claims``).

    Claims are written for every exported article and are worthless after a crash, so they
    live apart, without fsync (``synchronous=OFF``: a claim costs ~40 us instead of ~1 ms)
    and with a small write-ahead log; the seen records are written with ``synchronous=FULL``.
    The two are kept consistent by order (as in the Redis store): a run claims first and
    then reads the seen records; a committing run writes its records first and then drops
    its claims. A claims file that cannot be read is recreated (it holds nothing durable).
    """

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
        # pages damaged behind an intact header (a bad disk, a partial copy) opened fine and
        # failed at the first lookup, mid-crawl: every run then exported nothing, exit 0
        verdict = self.db.execute("PRAGMA quick_check(1)").fetchone()
        if not verdict or verdict[0] != "ok":
            self.db.close()
            raise sqlite3.DatabaseError(f"database disk image is malformed ({verdict[0]})")
        self.claims_path = self.path.with_name(self.path.name + "-claims")
        try:
            self.claims_db = self._open_claims()
        except sqlite3.DatabaseError:  # torn by a power loss: claims are never durable
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.claims_path) + suffix).unlink(missing_ok=True)
            self.claims_db = self._open_claims()
        self.owner = this_process()

    def _open_claims(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.claims_path), timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA wal_autocheckpoint=16")  # a small log: ~64 kB
        db.execute("PRAGMA journal_size_limit=131072")
        db.execute(
            "CREATE TABLE IF NOT EXISTS claims (spider TEXT NOT NULL, id TEXT NOT NULL,"
            " run TEXT NOT NULL, owner TEXT NOT NULL, claimed_at REAL NOT NULL,"
            " PRIMARY KEY (spider, id)) WITHOUT ROWID"
        )
        return db

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
        return self.commit(records, None)

    def commit(self, records: Iterable[SeenRecord], run: str | None) -> int:
        """Write ``records`` (one durable transaction), then release ``run``'s claims."""
        rows = [
            (self.spider, r.id, r.content_hash, r.fingerprint, int(r.expanded), r.seen_at)
            for r in records
        ]
        if rows:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(
                    "INSERT OR REPLACE INTO seen (spider, id, hash, fingerprint, expanded,"
                    " seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        if run is not None:
            self.release(run)
        return len(rows)

    def claim(self, article_id: str, content: str, run: str, *, check_seen: bool = True) -> str:
        """``unchanged``, ``claimed`` (another live run has it) or ``new``/``update`` (claimed
        now for ``run``); see the module docstring."""
        db = self.claims_db
        db.execute("BEGIN IMMEDIATE")
        try:
            held = db.execute(
                "SELECT run, owner, claimed_at FROM claims WHERE spider=? AND id=?",
                (self.spider, article_id),
            ).fetchone()
            if held is not None and held[0] != run and owner_alive(held[1], held[2]):
                db.execute("ROLLBACK")
                return CLAIMED
            db.execute(
                "INSERT OR REPLACE INTO claims (spider, id, run, owner, claimed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (self.spider, article_id, run, self.owner, time.time()),
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        if not check_seen:
            return NEW
        row = self.db.execute(
            "SELECT hash FROM seen WHERE spider=? AND id=?", (self.spider, article_id)
        ).fetchone()
        result = verdict(row[0] if row else None, content)
        if result == UNCHANGED:
            db.execute("DELETE FROM claims WHERE spider=? AND id=?", (self.spider, article_id))
        return result

    def release(self, run: str) -> int:
        """Drop ``run``'s claims without recording anything (its export failed)."""
        cursor = self.claims_db.execute(
            "DELETE FROM claims WHERE spider=? AND run=?", (self.spider, run)
        )
        return cursor.rowcount or 0

    def keepalive(self, run: str) -> None:
        """Nothing to do: a claim's owner is checked by its process (same machine)."""

    def claims(self) -> dict[str, str]:
        """Article id -> run, for the claims held now (tests, diagnostics)."""
        rows = self.claims_db.execute("SELECT id, run FROM claims WHERE spider=?", (self.spider,))
        return dict(rows.fetchall())

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
        self.claims_db.close()


class RedisSeenStore:
    """``<prefix>:<spider>`` hash (id -> record) and ``<prefix>:<spider>:at`` sorted set."""

    def __init__(
        self,
        url: str,
        spider: str,
        prefix: str = "newsbot:seen",
        server: Any = None,
        timeout: float | None = None,
    ):
        from newsbot.distributed.connection import connect

        self.server = server or connect(url, timeout)
        self.key = f"{prefix}:{spider}"
        self.times = f"{self.key}:at"
        self.claims_key = f"{self.key}:claims"
        self.owner = this_process()
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
        return self.commit(records, None)

    def commit(self, records: Iterable[SeenRecord], run: str | None) -> int:
        records = list(records)
        pipe = self.server.pipeline(transaction=True)
        if records:
            pipe.hset(self.key, mapping={r.id: r.to_json() for r in records})
            pipe.zadd(self.times, {r.id: r.seen_at for r in records})
        if run is not None:
            self._release_into(pipe, run)
            pipe.delete(self._alive_key(run))
        pipe.execute()
        return len(records)

    def claim(self, article_id: str, content: str, run: str, *, check_seen: bool = True) -> str:
        # Claim first, then read the store: a run that commits does so in one transaction
        # (records written, claims removed), so a claim taken after it sees its record.
        mine = json.dumps([run, self.owner, time.time()])
        if not self.server.hsetnx(self.claims_key, article_id, mine):
            raw = self.server.hget(self.claims_key, article_id)
            if raw is not None:
                held_run = json.loads(raw)[0]
                if held_run != run and self.server.exists(self._alive_key(held_run)):
                    return CLAIMED
            self.server.hset(self.claims_key, article_id, mine)
        if not check_seen:
            return NEW
        seen = self.get(article_id)
        result = verdict(seen.content_hash if seen else None, content)
        if result == UNCHANGED:
            self.server.hdel(self.claims_key, article_id)
        return result

    def _alive_key(self, run: str) -> str:
        return f"{self.key}:run:{run}"

    def keepalive(self, run: str) -> None:
        """Runs on several machines cannot see each other's processes: a run refreshes this
        key every ``KEEPALIVE_EVERY`` seconds; a claim whose run's key expired is stale."""
        self.server.set(self._alive_key(run), self.owner, ex=int(KEEPALIVE_TTL))

    def _release_into(self, pipe: Any, run: str) -> None:
        ids = [
            article_id
            for article_id, raw in self.server.hscan_iter(self.claims_key)
            if json.loads(raw)[0] == run
        ]
        if ids:
            pipe.hdel(self.claims_key, *ids)

    def release(self, run: str) -> int:
        pipe = self.server.pipeline(transaction=True)
        self._release_into(pipe, run)
        pipe.delete(self._alive_key(run))
        return len(pipe.execute() or [])

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
    """The URL without a password, for logs: whatever stands between ``://`` and the last
    ``@`` after the user name is the password, even with ``#``, ``?`` or ``/`` in it (not
    percent-encoded, they break a URL parser's reading, which printed it)."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    userinfo, _, host = rest.rpartition("@")
    if ":" not in userinfo:
        return url  # a user name alone
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"


def is_redis_url(location: str) -> bool:
    return str(location).startswith(REDIS_SCHEMES)


def open_store(
    location: str | Path, spider: str, timeout: float | None = None
) -> SQLiteSeenStore | RedisSeenStore:
    """A Redis store for a ``redis://`` URL (``timeout``: NEWSBOT_REDIS_TIMEOUT), else an
    SQLite file at ``location``."""
    if is_redis_url(str(location)):
        return RedisSeenStore(str(location), spider, timeout=timeout)
    return SQLiteSeenStore(location, spider)
