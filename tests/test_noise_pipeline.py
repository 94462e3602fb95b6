"""NoisePipeline on items, with settings and stats from a test crawler."""

from __future__ import annotations

import asyncio
import logging

from scrapy.utils.test import get_crawler

from newsbot.pipelines.noise import NoisePipeline


def make(**settings):
    # cleaning in the crawl process; tests/test_workers.py checks workers give the same
    crawler = get_crawler(settings_dict={"NEWSBOT_WORKERS": 0, **settings})
    return NoisePipeline.from_crawler(crawler), crawler.stats


def process(pipe, item):
    return asyncio.run(pipe.process_item(item))


def item(n=1, **kw):
    base = {
        "id": f"{n:032x}",
        "url": f"https://www.daily8.com/en/article/{n:032x}",
        "aggregator": "daily8",  # the site whose chrome is removed
        "source": "Independent",
        "category": "News",
        "language": "en",
        "title": "Bridge reopens after repairsBridge reopens after repairs",
        "body_blocks": [
            "Independent",
            "News",
            "The bridge reopened on Monday.advertisementTraffic was light.",
            "Workers on the deck last week. Photo: Reuters",
            "Show all 4",
            "Hashtags",
            "Related Articles",
            "Another title",
        ],
        "teaser": "The bridge reopened on Monday.",
    }
    base.update(kw)
    return base


def test_item_is_cleaned_and_stats_count_each_rule():
    pipe, stats = make()
    out = process(pipe, item())
    assert out["title"] == "Bridge reopens after repairs"
    assert out["body"] == "The bridge reopened on Monday. Traffic was light."
    assert out["image_captions"] == ["Workers on the deck last week."]
    assert "body_blocks" not in out and "teaser" not in out and "removed" not in out
    assert stats.get_value("newsbot/noise/removed/list_echo") == 2
    assert stats.get_value("newsbot/noise/removed/chrome") == 3
    assert stats.get_value("newsbot/noise/removed/outlet:advertisement") == 1
    assert stats.get_value("newsbot/noise/removed") == 8


def test_keep_removed_adds_an_audit_trail():
    pipe, _ = make(NEWSBOT_KEEP_REMOVED="1")
    out = process(pipe, item())
    assert {"text": "Photo: Reuters", "rule": "outlet:photo_credit"} in out["removed"]
    assert {"text": "Show all 4", "rule": "gallery_counter"} in out["removed"]


def test_rerun_over_an_export_cleans_the_body_and_changes_nothing_clean():
    pipe, _ = make(NEWSBOT_BOILERPLATE_THRESHOLD=0)
    first = process(pipe, item())
    exported = {k: v for k, v in first.items()}
    exported["body"] += "\n\nREAD MORE: Other news"
    again = process(pipe, dict(exported))
    assert again["body"] == first["body"]
    assert "image_captions" in again


def test_teaser_only_item_gets_a_cleaned_body():
    pipe, _ = make()
    out = process(
        pipe,
        item(
            body_blocks=[],
            teaser="Bridge reopens after repairs The span was shut for months"
            ", opens new tab, officials said.",
        ),
    )
    assert out["body"] == "The span was shut for months, officials said."


def test_boilerplate_is_learned_across_articles_and_reported(caplog):
    pipe, stats = make(NEWSBOT_BOILERPLATE_THRESHOLD=3)
    promo = "Puzzles, crosswords and the weekend quiz"  # no rule knows it: only learning does
    outs = [
        process(pipe, item(n, body_blocks=[f"Story number {n} body.", promo])) for n in range(1, 6)
    ]
    # seen in 3 articles: learned; the articles after that lose it
    assert all(promo in out["body"] for out in outs[:3])
    assert outs[3]["body"] == "Story number 4 body." and outs[4]["body"] == "Story number 5 body."
    with caplog.at_level(logging.INFO, logger="newsbot.pipelines.noise"):
        pipe.close_spider()
    assert stats.get_value("newsbot/noise/learned") == 1
    assert stats.get_value("newsbot/noise/removed/learned") == 2
    assert promo in caplog.text and "Independent" in caplog.text


def test_threshold_zero_disables_learning():
    pipe, stats = make(NEWSBOT_BOILERPLATE_THRESHOLD=0)
    promo = "Puzzles, crosswords and the weekend quiz"  # no rule knows it: only learning does
    for n in range(1, 8):
        out = process(pipe, item(n, body_blocks=["Body.", promo]))
    assert promo in out["body"]
    pipe.close_spider()
    assert stats.get_value("newsbot/noise/learned") == 0


def test_noise_file_setting_is_used(tmp_path):
    noise = tmp_path / "noise.toml"
    noise.write_text(
        '[[rule]]\nid = "only"\noutlet = "Test"\nkind = "phrase"\npatterns = ["Zap"]\n',
        encoding="utf-8",
    )
    pipe, stats = make(NEWSBOT_NOISE_FILE=str(noise))
    out = process(pipe, item(body_blocks=["Body.", "Zap", "Photo: Reuters"]))
    assert out["body"] == "Body.\n\nPhoto: Reuters"  # only the custom rule set is loaded
    assert stats.get_value("newsbot/noise/removed/outlet:only") == 1


def test_the_pitch_model_is_a_layer_an_operator_can_switch_off():
    pitch = "Join thousands of gardeners who get our seasonal tips first."
    blocks = ["The bridge reopened on Monday.", pitch, "Traffic was light."]
    on, on_stats = make()
    out = process(on, item(body_blocks=blocks))
    assert pitch not in out["body"]
    assert on_stats.get_value("newsbot/noise/removed/model:pitch") == 1
    off, off_stats = make(NEWSBOT_NOISE_MODEL="0")
    out = process(off, item(body_blocks=blocks))
    assert pitch in out["body"]
    assert off_stats.get_value("newsbot/noise/removed/model:pitch") is None


def test_a_bad_model_switch_is_a_usage_error():
    import pytest

    from newsbot.exitcodes import UsageError

    with pytest.raises(UsageError, match="NEWSBOT_NOISE_MODEL"):
        make(NEWSBOT_NOISE_MODEL="sometimes")


def test_what_the_page_marks_as_a_caption_is_a_caption_never_body():
    # a <figcaption> without a credit reads like copy: the page says it is a caption
    pipe, stats = make(NEWSBOT_KEEP_REMOVED=True)
    out = process(
        pipe,
        item(
            body_blocks=["The bridge reopened on Monday."],
            figure_captions=[
                "Engineers inspect the deck at the north pier, where the survey was carried out.",
                "Photo: Reuters",
                "Traffic on the bridge on Monday. (Photo: Jane Roe/AP)",
            ],
        ),
    )
    assert out["body"] == "The bridge reopened on Monday."
    assert out["image_captions"] == [
        "Engineers inspect the deck at the north pier, where the survey was carried out.",
        "Traffic on the bridge on Monday.",
    ]
    assert "figure_captions" not in out
    assert {"text": "Photo: Reuters", "rule": "outlet:photo_credit"} in out["removed"]
    assert stats.get_value("newsbot/noise/removed/outlet:photo_credit") == 2
