"""The crawl process's garbage collector: what startup built is frozen out of every pass, and
passes come less often, for the crawl only (newsbot/extensions/collector.py)."""

from __future__ import annotations

import gc

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newsbot.exitcodes import UsageError
from newsbot.extensions.collector import CollectorTuning


def test_the_crawl_freezes_what_startup_built_and_passes_less_often():
    before = gc.get_threshold()
    ext = CollectorTuning.from_crawler(get_crawler(settings_dict={"NEWSBOT_GC_THRESHOLD": 20000}))
    kept = [object() for _ in range(10)]  # what startup built (the rules, Scrapy's parts)
    try:
        ext.engine_started()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == 20000
    finally:
        ext.engine_stopped()
    # the process runs on as it was (a test process, scrapyd's runner): nothing stays frozen
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert kept


def test_zero_leaves_python_s_collector_and_a_bad_value_is_one_line():
    with pytest.raises(NotConfigured):
        CollectorTuning.from_crawler(get_crawler(settings_dict={"NEWSBOT_GC_THRESHOLD": 0}))
    for bad in ("lots", "-5"):
        with pytest.raises(UsageError, match="NEWSBOT_GC_THRESHOLD"):
            CollectorTuning.from_crawler(get_crawler(settings_dict={"NEWSBOT_GC_THRESHOLD": bad}))
