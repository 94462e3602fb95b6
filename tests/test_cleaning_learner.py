"""The boilerplate learner across sources: a line in articles of many sources is chrome."""

from __future__ import annotations

import asyncio
import logging

import pytest
from scrapy.utils.test import get_crawler

from newsbot.cleaning import BoilerplateLearner, clean_blocks, load_noise_rules
from newsbot.cleaning.text import sentences, several_sentences
from newsbot.pipelines.noise import NoisePipeline
from newsbot.profiles import load_profile

RULES = load_noise_rules(load_profile("daily8"))
CHROME = "Puzzles, crosswords and the weekend quiz"  # no rule knows it


def article(n: int) -> list[str]:
    return [f"Story {n} is about a different town and its {n} new buses.", CHROME]


def test_a_line_in_articles_of_many_sources_is_learned_for_every_source():
    learner = BoilerplateLearner(threshold=0, sources=3)
    for n, source in enumerate(["Outlet A", "Outlet B"]):
        learner.observe(source, str(n), article(n))
    assert learner.learned_as("Anyone", CHROME) is None
    learner.observe("Outlet C", "3", article(3))
    assert learner.learned_as("Outlet Z", CHROME) == "learned_shared"
    assert learner.shared() == [CHROME]
    result = clean_blocks(["A brand new story."] + [CHROME], RULES, source="New", learner=learner)
    assert result.kept == ["A brand new story."]
    assert [r.rule for r in result.removed] == ["learned_shared"]
    snapshot = learner.snapshot("New")  # what a worker process gets
    assert snapshot is not None and snapshot.learned_as("New", CHROME) == "learned_shared"


def test_one_source_many_times_is_not_many_sources():
    learner = BoilerplateLearner(threshold=0, sources=3)
    for n in range(10):
        learner.observe("Outlet A", str(n), article(n))
    assert learner.learned_as("Outlet B", CHROME) is None


def test_a_syndicated_story_is_content_in_every_outlet_that_carries_it():
    """A wire story republished by many outlets repeats its paragraphs: they stay."""
    wire = [
        "The central bank raised its main rate by a quarter point on Thursday.",
        "It was the third rise this year.",
        "Markets had expected the move.",
    ]
    learner = BoilerplateLearner(threshold=0, sources=3)
    for n, source in enumerate(["A", "B", "C", "D", "E"]):
        learner.observe(source, str(n), wire)
    assert all(learner.learned_as("F", line) is None for line in wire)


def test_a_reported_background_sentence_is_never_shared():
    """Follow-up stories repeat a background paragraph verbatim (`Officials said the first
    phase would begin in the spring ...`), and outlets carry them: the story's, not chrome
    (blind site 74). A line in the outlet's or the reader's voice still is."""
    background = "Officials said the first phase would begin in the spring, with a review in 2027."
    promo = "We would love to hear what you think of the new app on your phone today."
    learner = BoilerplateLearner(threshold=0, sources=3)
    for n, source in enumerate(["A", "B", "C", "D"]):
        lead = f"Story {n} is about another town, its harbour, its buses and its long winter ahead."
        learner.observe(source, str(n), [lead, background, promo])
    assert learner.learned_as("E", background) is None
    assert learner.learned_as("E", promo) == "learned_shared"


def test_quotes_and_multi_sentence_lines_are_never_shared():
    quote = "“We are deeply saddened,” the family said."
    two = "Schools will close. Roads are shut."
    learner = BoilerplateLearner(threshold=0, sources=2)
    for n, source in enumerate(["A", "B", "C"]):
        learner.observe(source, str(n), [f"Lead {n} differs.", quote, two])
    assert learner.learned_as("D", quote) is None and learner.learned_as("D", two) is None


def test_the_pipeline_counts_and_logs_what_it_learned_across_sources(caplog):
    crawler = get_crawler(
        settings_dict={
            "NEWSBOT_WORKERS": 0,
            "NEWSBOT_BOILERPLATE_SOURCES": 3,
            "NEWSBOT_KEEP_REMOVED": True,
        }
    )
    pipe = NoisePipeline.from_crawler(crawler)
    outs = []
    for n, source in enumerate(["Gazette", "Courier", "Herald", "Chronicle"]):
        item = {"id": str(n), "source": source, "title": f"T{n}", "body_blocks": article(n)}
        outs.append(asyncio.run(pipe.process_item(item)))
    assert CHROME in outs[2]["body"] and CHROME not in outs[3]["body"]
    assert outs[3]["removed"] == [{"text": CHROME, "rule": "learned_shared"}]
    with caplog.at_level(logging.INFO, logger="newsbot.pipelines.noise"):
        pipe.close_spider()
    assert crawler.stats.get_value("newsbot/noise/learned_shared") == 1
    assert crawler.stats.get_value("newsbot/noise/removed/learned_shared") == 1
    assert "across sources" in caplog.text and CHROME in caplog.text
    off = NoisePipeline.from_crawler(
        get_crawler(settings_dict={"NEWSBOT_WORKERS": 0, "NEWSBOT_BOILERPLATE_SOURCES": 0})
    )
    assert off.learner is not None and off.learner.sources == 0


@pytest.mark.parametrize(
    "text",
    [
        "Sign up for our newsletter",
        "Sign up. It is free.",
        "2. Install the app on your device.",
        "a registered charity (no. 1048213) in the county",
        "“Why?” she asked.",
        "... a boot.' READ MORE: the harbour reopens",
        "وقال المدير إن العمل انتهى. وأضاف أن الطريق فتح.",
        "",
    ],
)
def test_several_sentences_says_what_splitting_into_sentences_says(text):
    assert several_sentences(text) == (len(sentences(text)) > 1)
