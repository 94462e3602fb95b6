"""The JSON Lines exporter writes what Scrapy's own exporter writes, byte for byte."""

from __future__ import annotations

from io import BytesIO

import pytest
from scrapy.exporters import JsonLinesItemExporter

from newsbot.feeds import JsonLinesExporter
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS

FIELDS = list(EXPORT_FIELDS + OPTIONAL_FIELDS)
ITEMS = [
    {"id": "a" * 32, "url": "http://127.0.0.1/en/article/" + "a" * 32, "title": "Bridge",
     "body": "Line one.\n\nسطر ثان — “quoted”", "hashtags": ["News", "Transport"],
     "published_at": None, "related": [], "found_via": {"kind": "listing", "url": "/en"},
     "update": True, "unknown_extra": "dropped by FEED_EXPORT_FIELDS"},
    {"title": "only a title", "removed": [{"text": "Try Our AI Features", "rule": "promo"}]},
    {},
]  # fmt: skip


def export(cls, item, **options):
    out = BytesIO()
    exporter = cls(out, **options)
    exporter.start_exporting()
    exporter.export_item(item)
    exporter.finish_exporting()
    return out.getvalue()


@pytest.mark.parametrize("item", ITEMS)
@pytest.mark.parametrize(
    "options",
    [{"encoding": "utf-8", "fields_to_export": FIELDS},
     {"encoding": "utf-8", "fields_to_export": FIELDS, "export_empty_fields": True},
     {"encoding": "utf-8"}, {"fields_to_export": FIELDS}],
)  # fmt: skip
def test_lines_are_the_same_as_scrapys(item, options):
    ours = export(JsonLinesExporter, dict(item), **options)
    assert ours == export(JsonLinesItemExporter, dict(item), **options)
    assert ours.endswith(b"\n") and ours.count(b"\n") == 1
