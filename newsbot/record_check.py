"""Whether a record read back from an export has the types ``newsbot/article.schema.json``
gives its fields: what ``scrapy reprocess`` must know before it runs the pipelines over it.

A field of the wrong type (``"related": "abc"``, a number for ``title``) went through and was
written out again, an export that no longer validates; a ``crawled_at`` that is not a time
(``"yesterday"``) was the anchor ages are read against, and a good ``published_at`` was
nulled as unreadable. Such a line is a bad line, with the field named. Missing fields are
not checked here (the pipelines drop a record without a ``url``; older exports lack the
newer optional fields), nor anything beyond the JSON types and a time that parses.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).with_name("article.schema.json")
_JSON_TYPES = {
    "string": (str,),
    "array": (list,),
    "object": (dict,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}
TIMES = ("crawled_at", "published_at")  # read as times by the pipelines


@cache
def _field_types() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each field's JSON types, and its items' types for an array."""
    properties = json.loads(SCHEMA.read_text(encoding="utf-8")).get("properties", {})
    found = {}
    for name, spec in properties.items():
        kinds = spec.get("type")
        if kinds is None and "enum" in spec:
            kinds = sorted({_json_type(v) for v in spec["enum"]})
        items = (spec.get("items") or {}).get("type", ())
        found[name] = (_tuple(kinds), _tuple(items))
    return found


def _tuple(kinds: Any) -> tuple[str, ...]:
    return (kinds,) if isinstance(kinds, str) else tuple(kinds or ())


def _json_type(value: Any) -> str:
    for name, types in _JSON_TYPES.items():
        if isinstance(value, types) and not (isinstance(value, bool) and name != "boolean"):
            return name
    return "object"


def _is(value: Any, kinds: tuple[str, ...]) -> bool:
    return _json_type(value) in kinds or ("number" in kinds and _json_type(value) == "integer")


def field_problem(record: dict[str, Any]) -> str | None:
    """Why ``record`` cannot be reprocessed as it is (a field and its wrong type), or None."""
    for name, (kinds, items) in _field_types().items():
        if name not in record or not kinds:
            continue
        value = record[name]
        if not _is(value, kinds):
            return f"{name} must be {' or '.join(kinds)}, not {_json_type(value)} ({_short(value)})"
        if items and isinstance(value, list):
            wrong = next((v for v in value if not _is(v, items)), None)
            if wrong is not None or any(v is None for v in value):
                return f"{name} must hold {' or '.join(items)} items, not {_short(wrong)}"
    for name in TIMES:
        value = record.get(name)
        if isinstance(value, str) and not _is_time(value):
            return f"{name} {_short(value)} is not a time (2026-12-03T14:51:50Z)"
    return None


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
