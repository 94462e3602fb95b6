"""The exported record: its fields, in the order every JSONL line has them."""

from __future__ import annotations

# Order matters: FEED_EXPORT_FIELDS uses it so every line has the same key order.
EXPORT_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "aggregator",
    "source",
    "title",
    "body",
    "category",
    "hashtags",
    "language",
    "published_at",
    "published_raw",
    "published_precision",
    "crawled_at",
    "related",
    "found_via",
)

# Fields added only when a feature asks for them (they follow EXPORT_FIELDS).
OPTIONAL_FIELDS: tuple[str, ...] = ("image_captions", "update", "removed")
