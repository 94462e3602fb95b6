"""What blind set 274 showed, written here in other words.

Kept on arrival: a caption under a `Photo:` label with no credit in it, a caption that ends
with the outlet's own credit in brackets (`(Harbour Ledger photo)`), an Arabic "related
articles" label with its headline after a colon, and an agency's job advert (`We're hiring!
... Apply today.`). Glued inside sentences: a chart's placeholder in square brackets, a
bracketed shop link with its price, and an Arabic follow prompt naming the outlet's channel
before its platform. Lost: a data desk's sentence on its own method (`We obtained ...`),
which the pitch model read as a promo. Each shape has lines of the story beside it that
share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (
            "Photo: Volunteers fill sandbags outside the lifeboat station on Tuesday.",
            "Volunteers fill sandbags outside the lifeboat station on Tuesday.",
        ),
        (
            "Image: The old ferry terminal before the works began. (Harbour Ledger photo)",
            "The old ferry terminal before the works began.",
        ),
        (
            "Flooded allotments behind Mill Lane after the storm. (Riverside Echo file photo)",
            "Flooded allotments behind Mill Lane after the storm.",
        ),
    ],
)
def test_a_labelled_or_credited_caption_leaves_the_body_for_the_captions(line, caption):
    result, body = clean_in_flood_story(line, RULES)
    assert result.kept == body, result.removed
    assert result.captions == [caption]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Jane Roe for The Harbour Ledger",  # a credit, not a caption
        "مقالات ذات صلة: بلدية الميناء تفتتح سوق السمك الجديد",
        "قصص ذات صلة: ارتفاع منسوب النهر في الشمال",
        "We're hiring! Lifeguards start at $19 an hour with free training. Apply now.",
        "We are recruiting. Join our team of part-time sub-editors.",
        "Careers at Harbour Ledger Media",
    ],
)
def test_credits_related_labels_and_job_adverts_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "We obtained the inspection reports for every pumping station through a records request.",
        "We analysed twelve years of river gauge data and spoke to 30 residents.",
        'The harbour master said: "We\'re hiring four more pilots before the winter."',
        "We are hiring more wardens for the flood season, the council leader told the meeting.",
        "Picture the scene: water up to the windowsills along the whole of Quay Street.",
        "The related articles in the report show how the barrier was designed.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "Rents rose 14% in the old town [Interactive map: tap a street to see its median "
            "rent] against 6% in the suburbs.",
            "Rents rose 14% in the old town against 6% in the suburbs.",
        ),
        (
            "The guild meets on Thursdays at the village hall (Shop the wool: Fellside Aran, "
            "£6 a skein) and welcomes beginners.",
            "The guild meets on Thursdays at the village hall and welcomes beginners.",
        ),
        (
            "وسجل المهاجم هدف الفوز في الدقيقة 88 تابعونا على قناة الملاعب الذهبية في يوتيوب "
            "بعد تمريرة من الجناح الأيسر.",
            "وسجل المهاجم هدف الفوز في الدقيقة 88 بعد تمريرة من الجناح الأيسر.",
        ),
    ],
)
def test_placeholders_shop_links_and_follow_prompts_glued_inside_a_sentence_are_cut(
    glued: str, clean: str
) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


def test_a_bracketed_chart_reference_of_the_story_stays() -> None:
    line = "Rents rose 14% in the old town (see the chart below) against 6% in the suburbs."
    assert clean_blocks([line], RULES).kept == [line]


def test_a_data_desks_sentence_on_its_method_stays_with_its_paragraph() -> None:
    """The pitch model scored `We obtained ...` at the end of a paragraph as a promo: the
    newsroom telling what it did, in the past tense, is the story's method."""
    line = (
        "The water board fitted flow meters to 640 storm drains in 2023. We obtained daily "
        "readings for every meter from October to March 2025."
    )
    assert clean_blocks([line], RULES).kept == [line]
