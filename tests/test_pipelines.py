"""The validation, timestamp, freshness and dedupe pipelines, on items."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newsbot.pipelines.dedupe import DedupePipeline
from newsbot.pipelines.freshness import FreshnessPipeline
from newsbot.pipelines.timestamps import TimestampPipeline
from newsbot.pipelines.validation import ValidationPipeline
from newsbot.spiders.daily8 import Daily8Spider

ANCHOR = "2026-11-25T12:00:00Z"


@pytest.fixture
def crawler():
    return get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"})


def _stats(crawler):
    return crawler.stats.get_stats()


def _item(**extra):
    item = {
        "id": "0" * 32,
        "url": "https://www.daily8.com/en/article/" + "0" * 32,
        "aggregator": "daily8",
        "title": "A title",
        "body_blocks": ["A paragraph."],
        "crawled_at": ANCHOR,
        "time_candidates": [],
    }
    item.update(extra)
    return item


@pytest.mark.parametrize(
    ("field", "reason"),
    [("url", "missing_url"), ("title", "missing_title"), ("body_blocks", "missing_body")],
)
def test_validation_drops_incomplete_items_with_reason(crawler, field, reason):
    pipeline = ValidationPipeline.from_crawler(crawler)
    with pytest.raises(DropItem):
        pipeline.process_item(_item(**{field: [] if field == "body_blocks" else ""}))
    assert _stats(crawler)[f"newsbot/dropped/{reason}"] == 1


def test_validation_keeps_complete_items(crawler):
    item = _item()
    assert ValidationPipeline.from_crawler(crawler).process_item(item) is item


def test_header_age_is_read_against_its_own_response_date(crawler):
    item = _item(
        time_candidates=[
            {"text": "14 hours ago", "slot": "header", "anchor": ANCHOR},
            {"text": "3 hours ago", "slot": "listing", "anchor": "2026-11-25T01:00:00Z"},
        ]
    )
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert out["published_at"] == "2026-11-24T22:00:00Z"
    assert out["published_precision"] == "hour"
    assert out["published_raw"] == "14 hours ago"
    assert "time_candidates" not in out


def test_absolute_time_beats_relative_and_finer_beats_coarser(crawler):
    item = _item(
        time_candidates=[
            {"text": "a day ago", "slot": "header", "anchor": ANCHOR},
            {"text": "24-11-2026", "slot": "listing", "anchor": ANCHOR},
            {"text": "2026-11-24T09:30:00+00:00", "slot": "jsonld", "anchor": ANCHOR},
        ]
    )
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert (out["published_at"], out["published_precision"]) == ("2026-11-24T09:30:00Z", "second")


@pytest.mark.parametrize(
    ("printed", "machine", "expected"),
    [
        # a template's fixed date beside every age (blind site 84): the printed age
        ("10 hours ago", "2025-07-09", ("2026-11-25T02:00:00Z", "hour")),
        ("16-05-2025", "2025-07-09", ("2025-05-16T00:00:00Z", "day")),
        # a machine time that tells the same moment, finer: it
        ("10 hours ago", "2026-11-25T02:12:30Z", ("2026-11-25T02:12:30Z", "second")),
        ("16-05-2025", "2025-05-16T08:45:00+00:00", ("2025-05-16T08:45:00Z", "second")),
    ],
)
def test_a_machine_time_the_printed_age_contradicts_is_passed_over(
    crawler, printed, machine, expected
):
    item = _item(
        time_candidates=[
            {"text": printed, "slot": "header", "anchor": ANCHOR},
            {"text": machine, "slot": "header_datetime", "anchor": ANCHOR, "printed": printed},
        ]
    )
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert (out["published_at"], out["published_precision"]) == expected
    contradicted = _stats(crawler).get("newsbot/timestamps/machine_time_contradicted", 0)
    assert contradicted == (0 if expected[1] == "second" else 1)


def test_day_first_dates(crawler):
    item = _item(time_candidates=[{"text": "09-07-2025", "slot": "header", "anchor": ANCHOR}])
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert (out["published_at"], out["published_precision"]) == ("2025-07-09T00:00:00Z", "day")


def test_unreadable_time_keeps_raw_text_and_is_counted(crawler):
    item = _item(time_candidates=[{"text": "Invalid date", "slot": "header", "anchor": ANCHOR}])
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert out["published_at"] is None
    assert out["published_raw"] == "Invalid date"
    assert _stats(crawler)["newsbot/timestamps/unreadable"] == 1


def test_reprocessing_an_export_reads_published_raw_at_crawled_at(crawler):
    record = {
        "url": "u",
        "aggregator": "daily8",
        "published_raw": "2 days ago",
        "crawled_at": ANCHOR,
    }
    out = TimestampPipeline.from_crawler(crawler).process_item(record)
    assert out["published_at"] == "2026-11-23T12:00:00Z"


def test_dedupe_keeps_the_first_record_per_id(crawler):
    pipeline = DedupePipeline.from_crawler(crawler)
    pipeline.process_item(_item())
    with pytest.raises(DropItem):
        pipeline.process_item(_item(url="https://test.daily8.com/en/article/" + "0" * 32))
    assert _stats(crawler)["newsbot/dropped/duplicate"] == 1


def test_future_times_are_not_believed(crawler):
    item = _item(time_candidates=[{"text": "in 3 hours", "slot": "header", "anchor": ANCHOR}])
    out = TimestampPipeline.from_crawler(crawler).process_item(item)
    assert out["published_at"] is None
    assert out["published_raw"] == "in 3 hours"


def test_freshness_drops_only_what_is_wholly_older_than_since():
    crawler = get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"})
    crawler.spider = Daily8Spider.from_crawler(crawler, since="2026-11-25T06:00:00Z")
    pipeline = FreshnessPipeline.from_crawler(crawler)
    same_day = _item(published_at="2026-11-25T00:00:00Z", published_precision="day")
    assert pipeline.process_item(same_day) is same_day
    with pytest.raises(DropItem):
        pipeline.process_item(_item(published_at="2026-11-24T00:00:00Z", published_precision="day"))
    unknown = _item(published_at=None, published_precision=None)
    assert pipeline.process_item(unknown) is unknown
    assert crawler.stats.get_value("newsbot/dropped/older_than_since") == 1


def test_freshness_reads_an_age_as_counted_back_from_when_the_page_was_read():
    """ "a day ago" read at 12:00 is at least 12 hours old: a crawl with since=2h drops it
    (ops round 7 found one exported); "an hour ago" stays."""
    crawler = get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"})
    crawler.spider = Daily8Spider.from_crawler(crawler, since="2026-11-25T10:00:00Z")
    pipeline = FreshnessPipeline.from_crawler(crawler)
    read = "2026-11-25T12:00:00Z"
    day_ago = _item(published_at="2026-11-24T12:00:00Z", published_precision="day",
                    published_raw="a day ago", crawled_at=read)  # fmt: skip
    with pytest.raises(DropItem):
        pipeline.process_item(day_ago)
    hour_ago = _item(published_at="2026-11-25T11:00:00Z", published_precision="hour",
                     published_raw="an hour ago", crawled_at=read)  # fmt: skip
    assert pipeline.process_item(hour_ago) is hour_ago
