"""The spidermon suite run when the spider closes (``SPIDERMON_SPIDER_CLOSE_MONITORS``).

Our checks (:mod:`newsbot.health.checks`) and spidermon's own field coverage
(``SPIDERMON_FIELD_COVERAGE_RULES``: title, body, published_at) and finish reason
(``SPIDERMON_EXPECTED_FINISH_REASONS``) monitors. Operators can add spidermon monitors and
actions (mail, Slack...) in their own suites the usual way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from spidermon import MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import FieldCoverageMonitor, FinishReasonMonitor
from spidermon.contrib.scrapy.monitors.base import BaseScrapyMonitor

from newsbot.health import checks

DETAILS = "newsbot_health"  # in the runner's data.meta: check name -> detail line


@monitors.name("newsbot")
class RunHealthMonitor(BaseScrapyMonitor):
    """newsbot's health checks over the run's stats."""

    def _check(self, check: Callable[[Mapping[str, Any], checks.Thresholds], checks.Check]):
        limits = checks.Thresholds.from_settings(self.crawler.settings)
        result = check(self.data.stats, limits)
        self.data.meta.setdefault(DETAILS, {})[result.name] = result.detail
        self.assertTrue(result.ok, msg=result.detail)

    @monitors.name("articles found")
    def test_articles_found(self) -> None:
        self._check(checks.articles_found)

    @monitors.name("exported share")
    def test_exported_share(self) -> None:
        self._check(checks.exported_share)

    @monitors.name("failed pages")
    def test_failed_pages(self) -> None:
        self._check(checks.failed_pages_share)

    @monitors.name("unreadable times")
    def test_unreadable_times(self) -> None:
        self._check(checks.unreadable_times_share)


class SampledFieldCoverageMonitor(FieldCoverageMonitor):
    """spidermon's field coverage, skipped below ``NEWSBOT_HEALTH_MIN_SAMPLE`` exported
    articles (one article without a readable time is not 0% coverage of a site)."""

    def test_check_if_field_coverage_rules_are_met(self) -> None:
        exported = int(self.data.stats.get("item_scraped_count", 0) or 0)
        if exported < self.crawler.settings.getint("NEWSBOT_HEALTH_MIN_SAMPLE"):
            self.skipTest(f"{exported} exported article(s): too few to judge")
        super().test_check_if_field_coverage_rules_are_met()


class HealthSuite(MonitorSuite):
    monitors = [RunHealthMonitor, SampledFieldCoverageMonitor, FinishReasonMonitor]
