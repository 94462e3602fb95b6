"""Feed storage that never shows a half-written export.

Items are written to ``<final name>.part`` and the file is renamed to its final name only
when the feed closes, so a tool watching ``exports/`` never reads a partial file, and a
crawl that dies leaves only a ``.part`` behind.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.utils.python import to_bytes

PART_SUFFIX = ".part"


def part_path(final: str | Path) -> Path:
    final = Path(final)
    return final.with_name(final.name + PART_SUFFIX)


class AtomicFileFeedStorage(FileFeedStorage):
    """``file://`` and plain paths, written under a temporary name, renamed when done."""

    def open(self, spider: Any) -> IO[bytes]:
        final = Path(self.path)
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = part_path(final)
        if self.write_mode == "ab" and final.exists():
            shutil.copyfile(final, temporary)  # -o appends: start from what is there
        handle = temporary.open(self.write_mode)
        self._temporary = temporary
        return handle

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        os.replace(self._temporary, self.path)
        return None


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_component(value: object) -> str:
    """A single path component: no separators, no ``..``, never empty."""
    text = _UNSAFE.sub("_", str(value)).strip("._") or "_"
    return text[:100]


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """Feed URI parameters that cannot escape the export folder.

    Scrapy offers every spider attribute (spider arguments included) to the URI template;
    each is reduced to one safe path component, and ``%(time)s`` is the crawl's UTC start
    time, compact: ``20261125T120000Z``.
    """
    safe = {key: safe_component(value) for key, value in params.items() if isinstance(value, str)}
    params.update(safe)
    started = getattr(spider, "started_at", None) or datetime.now(timezone.utc)
    params["time"] = started.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return params


class JsonLinesExporter(JsonLinesItemExporter):
    """Scrapy's JSON Lines exporter, with a direct path for the spiders' plain dict items.

    A dict item has no field metadata, so every field serialises to itself: the line is the
    same as Scrapy's (same encoder, same field order), without a per-field method call.
    """

    def export_item(self, item: Any) -> None:
        fields = self.fields_to_export
        if type(item) is not dict or not isinstance(fields, (list, tuple)):
            super().export_item(item)
            return
        if self.export_empty_fields:
            itemdict = {name: item.get(name) for name in fields}
        else:
            itemdict = {name: item[name] for name in fields if name in item}
        self.file.write(to_bytes(self.encoder.encode(itemdict) + "\n", self.encoding))
