"""spidermon's extension, quiet, keeping every monitor's result for newsbot.

spidermon logs each monitor at INFO and each failure with its traceback; here that goes to
DEBUG, and the results are kept (:attr:`HealthChecks.results`) for the run summary, the
end-of-run report and the exit status: stats ``newsbot/health/checks`` (how many ran) and
``newsbot/health/failed`` (how many failed, exit status 4).
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import Any

from spidermon.contrib.scrapy.extensions import Spidermon
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner

from newsbot.health.coverage import RuleCoverage
from newsbot.health.monitors import DETAILS
from newsbot.outcome import HEALTH_FAILED_STAT

logger = logging.getLogger(__name__)

PASSED = ("OK", "SKIPPED", "XFAIL")


class _QuietResult(SpiderMonitorResult):
    def log(self, msg: Any, level: int = logging.DEBUG) -> None:
        self.spider.logger.debug("[Spidermon] %s", msg)


class _QuietRunner(SpiderMonitorRunner):
    def create_result(self) -> SpiderMonitorResult:
        return _QuietResult(self.spider)


def _reason(result: Any) -> str:
    text = str(result.reason or result.error or result.status)
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


def _check_name(monitor: Any) -> str:
    """``articles found`` for ours, ``field coverage`` for spidermon's Field Coverage Monitor."""
    if getattr(monitor, "monitor_name", None) == "newsbot":
        return str(monitor.method_name)
    name = str(getattr(monitor, "monitor_name", None) or monitor.name).lower()
    return name.removesuffix(" monitor")


class HealthChecks(Spidermon):
    results: list[dict[str, Any]]

    @cached_property
    def _rule_coverage(self) -> RuleCoverage | None:
        settings = self.crawler.settings
        return RuleCoverage.from_settings(settings, self._get_skip_values_list(settings))

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        """Field coverage of the fields the rules name (:mod:`newsbot.health.coverage`)."""
        if self._rule_coverage is None:
            super().item_scraped(item, response, spider)
        else:
            self._rule_coverage.count(item, self.crawler.stats.inc_value)

    def _run_suites(self, spider: Any, suites: list[Any]) -> None:
        if not hasattr(self, "results"):
            self.results = []
        data = self._generate_data_for_spider(spider)
        for suite in suites:
            runner = _QuietRunner(spider=spider)
            outcome = runner.run(suite, **data)
            details = runner.data.meta.get(DETAILS, {})
            for item in outcome.monitor_results:
                name = _check_name(item.item)
                ok = item.status in PASSED
                if item.status == "SKIPPED":
                    detail = f"skipped: {item.reason}"
                else:
                    detail = details.get(name) or self._detail(name) if ok else _reason(item)
                if not ok and item.status != "FAIL":
                    detail = f"{item.status}: {detail}"
                self.results.append({"check": name, "ok": ok, "detail": detail})
        stats = self.crawler.stats
        if stats is not None:
            stats.set_value("newsbot/health/checks", len(self.results))
            stats.set_value(HEALTH_FAILED_STAT, sum(1 for r in self.results if not r["ok"]))

    def _detail(self, name: str) -> str | None:
        """What a passed spidermon monitor measured, from the stats."""
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        if name == "finish reason":
            return f"finished with {stats.get('finish_reason')!r}"
        if name == "field coverage":
            rules = self.crawler.settings.getdict("SPIDERMON_FIELD_COVERAGE_RULES")
            return ", ".join(
                f"{field.split('/')[-1]} {stats.get(f'spidermon_field_coverage/{field}', 0):.0%}"
                f" (minimum {minimum:.0%})"
                for field, minimum in rules.items()
            )
        return None

    def failed(self) -> list[dict[str, Any]]:
        return [r for r in getattr(self, "results", []) if not r["ok"]]
