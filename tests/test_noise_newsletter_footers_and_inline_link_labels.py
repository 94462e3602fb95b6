"""What blind sets 345-348 and blind site 86 showed, written here in other words. A newsletter's
footer (why you receive it, its unsubscribe bar, forward it to a friend), the outlet's sign-in
asks and cookie placeholders, a most-viewed list on one line, rights lines without a year; in
Arabic a reading time in words, the ad-blocker plea and a call to comment. Inside sentences: a
link's label naming what it opens or ending in a link's arrow, Arabic bracketed labels (`[رابط
خارجي]`, `(عرض الخريطة التفاعلية)`), a most-read label with its headline, the outlet's follow
prompt, an insert tag the template left (`{{insert_module::42}}`), Contao's `[nbsp]`, a label
glued to the story's first word (`Link copiedFire chief ...`), a wire's credit line glued to the
last stop. Each has lines of the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_cut_in_flood_story,
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "You're getting the Tideline because you signed up at the harbour open day.",
        "Unsubscribe | Manage preferences | Contact us",
        "Forward the Tideline to someone who still checks the river gauge every morning.",
        "Already a subscriber? Log in",
        "Keep reading the Harbour Post — create a free account to save stories.",
        "This chart relies on third-party cookies. Allow them in your settings to see it.",
        "Most read today: 1. Gates tested 2. Sandbag myths 3. Tide tables",
        "Copyright Harbour Post. Do not republish without permission.",
        "Content is copyrighted. Sharing without credit to the Post is not allowed.",
        "بوابة الساحل ⏱ ثلاث دقائق للقراءة",
        "شكراً لتعطيل مانع الإعلانات، فهو ما يبقي الموقع مجانياً.",
        "هل تضرر حيكم؟ شاركونا صوركم وقصصكم في خانة التعليقات",
    ],
)
def test_the_outlets_lines_go(line):
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "Sandbags are handed out at the lifeboat station(opens tide map in new tab) until "
            "stocks run out.",
            "Sandbags are handed out at the lifeboat station until stocks run out.",
        ),
        (
            "The water reached the sea wall [see live river levels ↗] but no homes flooded.",
            "The water reached the sea wall but no homes flooded.",
        ),
        (
            "وقال المهندس إن البيانات تُشارك مع البلدية [رابط خارجي] والدفاع المدني فقط.",
            "وقال المهندس إن البيانات تُشارك مع البلدية والدفاع المدني فقط.",
        ),
        (
            "ويُتوقع أن يرتفع منسوب المياه إلى مترين (عرض الخريطة التفاعلية) يوم الأحد.",
            "ويُتوقع أن يرتفع منسوب المياه إلى مترين يوم الأحد.",
        ),
        (
            "Engineers said the new gates performed well Most read on the Post: Five tide myths "
            "and that the damage was limited to the old quay.",
            "Engineers said the new gates performed well and that the damage was limited to the "
            "old quay.",
        ),
        (
            "وقال مسؤول إن الفرق أنجزت 400 معاينة في اليوم الأول تابعوا تغطيتنا المستمرة على "
            "منصة إكس وحده.",
            "وقال مسؤول إن الفرق أنجزت 400 معاينة في اليوم الأول وحده.",
        ),
        (
            "The gates will close for the first time after the winter storms.{{insert_module::42}}",
            "The gates will close for the first time after the winter storms.",
        ),
        (
            "The council's engineer, Ms[nbsp]Ada Reyes, said the gates were tested twice.",
            "The council's engineer, Ms Ada Reyes, said the gates were tested twice.",
        ),
        (
            "Link copiedHarbour master Ada Reyes said the crews closed the gates before the "
            "tide turned.",
            "Harbour master Ada Reyes said the crews closed the gates before the tide turned.",
        ),
        (
            "Fishermen have asked for a compensation fund.Reporting by Ada Reyes; Editing by "
            "Tom Hale",
            "Fishermen have asked for a compensation fund.",
        ),
        (
            "Engineers expect the barrier to hold back a one-in-200-year tide.Photo: Harbour Post",
            "Engineers expect the barrier to hold back a one-in-200-year tide.",
        ),
    ],
)
def test_the_glued_noise_goes_and_the_sentence_stays(line, sentence):
    assert_cut_in_flood_story(line, sentence, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "PlayGrid, a two-year-old streaming firm, has bought the rights to the harbour regatta.",
        "Download TideTrace from the council's website and enter your street number.",
        "Readers who forwarded the flood alert to their neighbours were thanked by the council.",
        "Residents said the cookies sold at the fundraiser raised £400 for the lifeboat crew.",
        "وقالت الشركة إن مانع الإعلانات الجديد سيُطرح في الأسواق خلال الشهر المقبل.",
        "Reporting by local volunteers helped the council map the flooded streets.",
    ],
)
def test_the_look_alikes_stay(line):
    assert_kept_in_flood_story(line, RULES)
