"""Field coverage counted for the fields the rules name, not for every field of every item.

spidermon's ``item_scraped`` reads five settings and walks every field of every item (nested
ones too: ``found_via/kind``) to count what is covered: half a millisecond of the crawl
process's time per article, for coverage only three rules look at. :class:`RuleCoverage`
counts, under the same stat names and by the same rules (``None`` skipped with
``SPIDERMON_FIELD_COVERAGE_SKIP_NONE``, falsy values with ``SPIDERMON_FIELD_COVERAGE_SKIP_FALSY``,
the skip values ``""``, ``[]``, ``{}``, ``"N/A"`` and ``"-"``), only the fields named in
``SPIDERMON_FIELD_COVERAGE_RULES``; spidermon turns the counts into coverage when the spider
closes, as before. ``NEWSBOT_FIELD_COVERAGE_ALL_FIELDS`` (or a rule on a list's items,
``.../_items/...``) gives spidermon's own count of every field back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter

COUNT = "spidermon_item_scraped_count"


@dataclass(frozen=True)
class RuleCoverage:
    fields: Mapping[str, tuple[tuple[str, ...], ...]]  # item type -> field paths
    skip_none: bool
    skip_falsy: bool
    skip_values: tuple[Any, ...]

    @classmethod
    def from_settings(cls, settings: Any, skip_values: list[Any]) -> RuleCoverage | None:
        """The counter for ``settings``' rules, or None where spidermon must count it all."""
        if settings.getbool("NEWSBOT_FIELD_COVERAGE_ALL_FIELDS", False):
            return None
        fields: dict[str, list[tuple[str, ...]]] = {}
        for rule in settings.getdict("SPIDERMON_FIELD_COVERAGE_RULES"):
            item_type, _, path = str(rule).partition("/")
            if not path or "_items" in path.split("/"):
                return None  # a list's items: spidermon's own count
            fields.setdefault(item_type, []).append(tuple(path.split("/")))
        return cls(
            fields={k: tuple(v) for k, v in fields.items()},
            skip_none=settings.getbool("SPIDERMON_FIELD_COVERAGE_SKIP_NONE", False),
            skip_falsy=settings.getbool("SPIDERMON_FIELD_COVERAGE_SKIP_FALSY", True),
            skip_values=tuple(skip_values),
        )

    def count(self, item: Any, inc: Callable[[str], Any]) -> None:
        """Count ``item`` and its covered rule fields with ``inc(stat name)``."""
        item_type = type(item).__name__
        inc(COUNT)
        inc(f"{COUNT}/{item_type}")
        for path in self.fields.get(item_type, ()):
            if self._covered(item, path):
                inc(f"{COUNT}/{item_type}/{'/'.join(path)}")

    def _covered(self, item: Any, path: tuple[str, ...]) -> bool:
        value = item
        for name in path:  # a nested field counts only under a parent that counts
            if not ItemAdapter.is_item(value):
                return False
            adapter = ItemAdapter(value)
            if name not in adapter:
                return False
            value = adapter[name]
            if self._skipped(value):
                return False
        return True

    def _skipped(self, value: Any) -> bool:
        if value is None:
            return self.skip_none
        if self.skip_falsy and not value:
            return True
        # exact matches only, as spidermon's (`False` is not `0`)
        return any(type(value) is type(s) and value == s for s in self.skip_values)
