"""Incremental runs: a seen-store of what earlier runs exported, and recovery of killed runs.

- :mod:`newsbot.incremental.hashing`: the content hash of an exported record and the
  fingerprint of what a listing shows about an article.
- :mod:`newsbot.incremental.store`: the seen-store (SQLite file by default, Redis in
  distributed mode), with expiry of old entries.
- :mod:`newsbot.incremental.recovery`: turns a killed run's ``*.jsonl.part`` into a finished
  ``*.recovered.jsonl`` (complete lines kept, a torn last line dropped).
"""

from newsbot.incremental.hashing import content_hash, listing_fingerprint
from newsbot.incremental.store import SeenRecord, SeenStore, open_store

__all__ = ["SeenRecord", "SeenStore", "content_hash", "listing_fingerprint", "open_store"]
