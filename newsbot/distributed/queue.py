"""scrapy-redis's priority queue, with claims: a popped request is not gone until acked.

``pop`` moves the request atomically (one Lua script) from the shared sorted set into the
worker's claims hash ``newsbot:<spider>:inflight:<worker>`` (request -> score). The worker
deletes its claims only once the items of those requests are in a finished export
(:class:`newsbot.distributed.scheduler.DistributedScheduler`); a worker that dies keeps its
claims, and another worker puts them back in the queue.
"""

from __future__ import annotations

from typing import Any

from scrapy_redis.queue import PriorityQueue

POP_AND_CLAIM = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
redis.call('HSET', KEYS[2], found[1], found[2])
return found[1]
"""

REQUEUE = """
local claims = redis.call('HGETALL', KEYS[1])
for i = 1, #claims, 2 do
  redis.call('ZADD', KEYS[2], claims[i + 1], claims[i])
end
redis.call('DEL', KEYS[1])
return #claims / 2
"""


class ClaimingPriorityQueue(PriorityQueue):
    claims_key: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pop = self.server.register_script(POP_AND_CLAIM)

    def pop(self, timeout: int = 0) -> Any:
        if self.claims_key is None:
            return super().pop(timeout)
        data = self._pop(keys=[self.key, self.claims_key])
        if data:
            return self._decode_request(data)
        return None


def requeue_claims(server: Any, claims_key: str, queue_key: str) -> int:
    """Put every claimed request of ``claims_key`` back in the queue (atomically)."""
    return int(server.register_script(REQUEUE)(keys=[claims_key, queue_key]))
