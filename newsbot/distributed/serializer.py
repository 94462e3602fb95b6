"""Requests in Redis as JSON data, never as pickles (scrapy-redis ``SCHEDULER_SERIALIZER``).

scrapy-redis stores ``request.to_dict()`` through a module with ``dumps`` and ``loads``; its
default is pickle, so anyone who can write to the Redis could make every worker run code.
This module writes JSON (bytes as ``{"__bytes__": base64}``) and reads only JSON: a pickle, or
anything else that is not a request as data, raises :class:`RefusedPayload` and is never
unpickled. At worst a forged entry makes a worker fetch a wrong URL.

``to_dict`` also names the request class (``_class``) and the callbacks by name; a ``_class``
is accepted only when it names a :class:`scrapy.Request` subclass that is already imported
(Scrapy's ``load_object`` would import any module the entry names), and callbacks only as
public method names (``request_from_dict`` looks them up on the spider).
"""

from __future__ import annotations

import base64
import json
import sys
from typing import Any

PICKLE_PROTOCOL = 0x80  # first byte of a pickle, protocol 2 and later
REQUEST_KEYS = {"url", "method"}


class RefusedPayload(ValueError):
    """A queue entry that is not a request stored as JSON data."""


def _plain(value: Any) -> Any:
    """``value`` with bytes (headers, body) in a form JSON can hold."""
    if isinstance(value, dict):
        if any(isinstance(key, bytes) for key in value):  # headers: bytes -> [bytes]
            return {"__map__": [[_plain(k), _plain(v)] for k, v in value.items()]}
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if isinstance(value, (bytes, bytearray)):
        return {"__bytes__": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _refuse_type(value: Any) -> Any:
    raise TypeError(
        f"{type(value).__name__} cannot be stored in the Redis queue (JSON): keep request "
        "meta and cb_kwargs to JSON values"
    )


def _decode(obj: dict[str, Any]) -> Any:
    if set(obj) == {"__bytes__"}:
        return base64.b64decode(obj["__bytes__"])
    if set(obj) == {"__map__"} and isinstance(obj["__map__"], list):
        return {tuple(k) if isinstance(k, list) else k: v for k, v in obj["__map__"]}
    return obj


def dumps(obj: dict[str, Any]) -> bytes:
    return json.dumps(_plain(obj), default=_refuse_type, separators=(",", ":")).encode()


def loads(data: bytes | str) -> dict[str, Any]:
    raw = data.encode() if isinstance(data, str) else bytes(data)
    if raw[:1] == bytes([PICKLE_PROTOCOL]):
        raise RefusedPayload("a pickle, not JSON (never unpickled)")
    try:
        obj = json.loads(raw, object_hook=_decode)
    except ValueError as exc:
        raise RefusedPayload(f"not JSON ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(obj, dict) or not set(obj) >= REQUEST_KEYS:
        raise RefusedPayload("JSON, but not a request (no url and method)")
    _check_class(obj.get("_class"))
    for key in ("callback", "errback"):
        name = obj.get(key)
        if name is not None and (not isinstance(name, str) or name.startswith("_")):
            raise RefusedPayload(f"{key} {name!r} is not a public spider method name")
    return obj


def _check_class(path: Any) -> None:
    if path is None:
        return
    if not isinstance(path, str) or "." not in path:
        raise RefusedPayload(f"request class {path!r} is not a dotted name")
    from scrapy import Request

    module_name, _, name = path.rpartition(".")
    module = sys.modules.get(module_name)  # never import what an entry names
    cls = getattr(module, name, None) if module is not None else None
    if not (isinstance(cls, type) and issubclass(cls, Request)):
        raise RefusedPayload(f"request class {path!r} is not an imported scrapy Request class")


def describe(data: bytes | str, limit: int = 80) -> str:
    """A short, printable preview of a queue entry for the log."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    preview = repr(raw[:limit])
    return preview + (f"... ({len(raw)} bytes)" if len(raw) > limit else "")
