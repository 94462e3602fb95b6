"""A short paragraph (one or two sentences) that asks the reader to act on the outlet's
channels is noise in any word order (kind ``brief_ask``); the same words in a story's longer
paragraph, a quote, reported speech or a writer's first person stay. Made-up wording,
written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import clean_in_story

RULES = load_noise_rules(None)
BODY = [
    "The county opened its first public charging hub for electric buses on Wednesday.",
    "The hub can charge twelve buses at once and will run through the night.",
]
BODY_AR = [
    "افتتحت البلدية أول محطة عامة لشحن الحافلات الكهربائية يوم الأربعاء.",
    "ويمكن للمحطة شحن اثنتي عشرة حافلة في وقت واحد طوال الليل.",
]


def clean(line: str):
    return clean_in_story(line, RULES, BODY, BODY_AR, at=1)


@pytest.mark.parametrize(
    "line",
    [
        "Catch every episode of Depot Talk, our weekly transport podcast, wherever you listen.",
        "Snap a picture of your commute and tag @countyvoice so we can share it.",
        "Hear more from the depot team on Depot Talk, our transport podcast.",
    ],
)
def test_a_short_ask_on_the_outlets_channels_goes(line: str) -> None:
    result, body = clean(line)
    assert result.kept == body
    assert [r.rule for r in result.removed] == ["kind:brief_ask"]


def test_the_outlet_asking_to_be_written_to_goes_in_arabic() -> None:
    line = "لديك صور من المحطة؟ راسلونا عبر واتساب."
    result, body = clean(line)
    assert result.kept == body
    assert [r.text for r in result.removed] == [line]


@pytest.mark.parametrize(
    "line",
    [
        # a story's sentence with the same words
        "Drivers can download the operator's app to see when a charger is free.",
        "Subscriber numbers for the bus pass doubled after the county cut its price.",
        # a quote and reported speech
        "“Tell your neighbours to try the new route,” the transport chief told the meeting.",
        "Follow the signs to the depot, the operator told passengers on Wednesday.",
        # a writer's first person
        "I tried the app on my own commute and found the timetable two minutes behind.",
        # a review speaking to its reader in a longer paragraph
        "The depot's lounge is bright and warm. If you wait for the night bus, the kiosk sells "
        "tea until midnight. Our tester found the seats comfortable. The toilets were clean.",
        # Arabic: reported speech with the same words
        "وقال مدير المحطة إن الركاب يمكنهم التواصل معنا عبر التطبيق لمعرفة المواعيد.",
    ],
)
def test_the_same_words_in_a_story_stay(line: str) -> None:
    result, body = clean(line)
    assert result.kept == [body[0], line, body[1]], result.removed


def test_a_story_sentence_before_a_short_ask_stays() -> None:
    line = "Two drivers trained on the new buses this week. Follow us on Threads for updates."
    result, body = clean(line)
    assert result.kept == [body[0], "Two drivers trained on the new buses this week.", body[1]]
