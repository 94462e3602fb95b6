"""scrapy-redis's priority queue, with claims that carry a fencing token.

Keys of one crawl (``newsbot:<spider>:...``):

- ``requests``: scrapy-redis's sorted set of requests (JSON, see
  :mod:`newsbot.distributed.serializer`), lowest score first.
- ``workers``: worker id -> ``{"at": last heartbeat, "busy": has work in progress,
  "closing": found nothing left and is finishing}``; a pop marks its worker busy (and not
  closing) in the same script, so "the queue is empty and nobody is busy" is never true
  while a popped request is still being crawled.
- ``inflight:<worker>``: the worker's claims, token -> ``<score>:<request>``. ``pop`` moves a
  request from the queue into it atomically (one Lua script) under a new token from the
  counter ``claim-token``; a request that goes back to the queue and is popped again gets a
  new token, so a stale holder of the old one can tell that it lost it.
- ``reassigned``: requests put back from a dead (or silent) worker's claims; whoever pops
  one again counts it as taken over.
- channel ``wake``: a message when requests arrive in an empty queue or are put back, so idle
  workers ask for work at once instead of at Scrapy's next 5-second heartbeat.

The worker acks (deletes) its claims only once the items of those requests are in a finished
export (:class:`newsbot.distributed.claims.ClaimLedger`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy_redis.queue import PriorityQueue

from newsbot.distributed.serializer import RefusedPayload, describe

logger = logging.getLogger(__name__)

CLAIM_META = "newsbot_claim"  # request.meta: the token under which this worker holds it

POP_AND_CLAIM = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
local token = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], token, found[2] .. ':' .. found[1])
local taken = redis.call('HDEL', KEYS[4], found[1])
if redis.call('HEXISTS', KEYS[5], ARGV[1]) == 1 then
  local clock = redis.call('TIME')
  local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
  redis.call('HSET', KEYS[5], ARGV[1], cjson.encode({at = now, busy = true}))
end
return {found[1], tostring(token), taken}
"""

PUSH_AND_WAKE = """
local empty = redis.call('ZCARD', KEYS[1]) == 0
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
if empty then redis.call('PUBLISH', KEYS[2], 'pushed') end
"""

# Put a claim back in the queue: ``<score>:<request>`` -> ZADD score request.
RELEASE_ONE = """
local function release(claim)
  local sep = string.find(claim, ':', 1, true)
  local request = string.sub(claim, sep + 1)
  redis.call('ZADD', KEYS[3], string.sub(claim, 1, sep - 1), request)
  return request
end
"""

# Re-queue every claim of worker ARGV[1] unless its heartbeat (Redis server time) is younger
# than ARGV[2] seconds; drop its registration. Returns how many requests went back.
REAP = (
    RELEASE_ONE
    + """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HGET', KEYS[1], ARGV[1])
if state then
  local ok, decoded = pcall(cjson.decode, state)
  local at = (ok and type(decoded) == 'table' and tonumber(decoded['at'])) or 0
  if now - at <= tonumber(ARGV[2]) then return 0 end
end
local claims = redis.call('HVALS', KEYS[2])
for i = 1, #claims do
  redis.call('HSET', KEYS[4], release(claims[i]), 1)
end
redis.call('DEL', KEYS[2])
redis.call('HDEL', KEYS[1], ARGV[1])
if #claims > 0 then redis.call('PUBLISH', KEYS[5], 'requeued') end
return #claims
"""
)

# The fence. ARGV: n, then n tokens to ack (their results are in the export about to be
# finished), then tokens to release (never downloaded: back to the queue). All or nothing:
# if any token is no longer this worker's, nothing changes and the lost tokens are returned.
SETTLE = (
    RELEASE_ONE
    + """
local n = tonumber(ARGV[1])
local lost = {}
for i = 2, #ARGV do
  if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 0 then table.insert(lost, ARGV[i]) end
end
if #lost > 0 then return lost end
for i = n + 2, #ARGV do release(redis.call('HGET', KEYS[2], ARGV[i])) end
for i = 2, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end
if #ARGV > n + 1 then redis.call('PUBLISH', KEYS[4], 'requeued') end
return lost
"""
)

# ARGV[2]: '1' busy, '0' idle (still closing if it was), '2' idle and closing (about to
# finish: others do not wait for its claims), '' unchanged (a heartbeat only says "alive": a
# worker becomes busy when it pops, atomically with the pop, and idle only when its engine
# is idle).
BEAT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HGET', KEYS[1], ARGV[1])
local busy = ARGV[2] == '1'
local closing = ARGV[2] == '2'
if state and (ARGV[2] == '' or ARGV[2] == '0') then
  local ok, decoded = pcall(cjson.decode, state)
  local known = ok and type(decoded) == 'table'
  if ARGV[2] == '' then busy = known and decoded['busy'] == true end
  closing = known and decoded['closing'] == true
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({at = now, busy = busy, closing = closing}))
return state and 1 or 0
"""


@dataclass(frozen=True)
class CrawlKeys:
    """The Redis keys of one spider's crawl, for one worker."""

    spider: str
    worker: str

    @property
    def base(self) -> str:
        return f"newsbot:{self.spider}"

    @property
    def workers(self) -> str:
        return f"{self.base}:workers"

    @property
    def claims_prefix(self) -> str:
        return f"{self.base}:inflight:"

    @property
    def claims(self) -> str:
        return self.claims_prefix + self.worker

    def claims_of(self, worker: str) -> str:
        return self.claims_prefix + worker

    @property
    def counter(self) -> str:
        return f"{self.base}:claim-token"

    @property
    def reassigned(self) -> str:
        return f"{self.base}:reassigned"

    @property
    def wake(self) -> str:
        return f"{self.base}:wake"

    @property
    def crawl_prefix(self) -> str:
        """Prefix of what components keep for one crawl (a river's ledger): cleared when a
        new crawl starts and when its last worker is done, as the duplicate filter is."""
        return f"{self.base}:crawl:"


class ClaimingPriorityQueue(PriorityQueue):
    """Pops claim; pushes wake idle workers; entries that are not requests are refused."""

    keys: CrawlKeys | None = None
    on_claim: Any = None  # callable(request, token, taken_over)
    on_refused: Any = None  # callable(description, reason)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pop = self.server.register_script(POP_AND_CLAIM)
        self._push = self.server.register_script(PUSH_AND_WAKE)

    def push(self, request: Any) -> None:
        data = self._encode_request(request)
        wake = self.keys.wake if self.keys else f"newsbot:{self.spider.name}:wake"
        self._push(keys=[self.key, wake], args=[-request.priority, data])

    def pop(self, timeout: int = 0) -> Any:
        if self.keys is None:
            return super().pop(timeout)
        while True:
            found = self._pop(keys=[self.key, self.keys.claims, self.keys.counter,
                                    self.keys.reassigned, self.keys.workers],
                              args=[self.keys.worker])  # fmt: skip
            if not found:
                return None
            data, token, taken = found[0], found[1].decode(), bool(found[2])
            try:
                request = self._decode_request(data)
            except Exception as exc:  # never crash on what someone wrote into Redis
                reason = str(exc) if isinstance(exc, RefusedPayload) else repr(exc)
                self.server.hdel(self.keys.claims, token)  # dropped: never re-queued
                logger.error(
                    "Distributed crawl: refused a queue entry that is not a request stored "
                    "as data (%s): %s",
                    reason,
                    describe(data),
                )
                if self.on_refused is not None:
                    self.on_refused()
                continue
            request.meta[CLAIM_META] = token
            if self.on_claim is not None:
                self.on_claim(request, token, taken)
            return request
