"""What "changed" means for an article.

The content hash covers the exported fields a reader cares about (title, body, source,
category, hashtags, language, related, captions) and ``published_at`` when it was read from
an absolute time (second or minute precision). It leaves out what changes with every crawl:
``crawled_at``, ``found_via``, ``published_raw`` ("4 hours ago" becomes "5 hours ago") and
times derived from such relative ages.

The listing fingerprint is what a listing (or related) entry shows about an article: its
title and source. When it is the same as last time, the article page is not fetched again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

HASHED_FIELDS = (
    "title",
    "body",
    "source",
    "category",
    "hashtags",
    "language",
    "related",
    "image_captions",
)
EXACT_PRECISIONS = ("second", "minute")


def _norm(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def content_hash(item: Mapping[str, Any]) -> str:
    """A short, stable hash of the fields of ``item`` that matter to readers."""
    data: dict[str, Any] = {field: item.get(field) for field in HASHED_FIELDS}
    if item.get("published_precision") in EXACT_PRECISIONS:
        data["published_at"] = item.get("published_at")
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def listing_fingerprint(view: Mapping[str, Any] | None) -> str | None:
    """Fingerprint of a listing entry's hint (or of an exported record): title + source."""
    if not view or not view.get("title"):
        return None
    text = _norm(view.get("title")) + "\x1f" + _norm(view.get("source"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
