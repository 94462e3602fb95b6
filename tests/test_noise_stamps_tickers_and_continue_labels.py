"""What blind set 270 showed, written here in other words.

Kept on arrival: a piece's own time stamp in the outlet's words (`This content was published
on ...`), a commodity ticker whose moves carry no percent sign, a chart's placeholder asking
for JavaScript and cookies with its `Manage privacy settings` button; glued inside sentences:
`(Continue reading below)`, the Arabic `اقرأ المزيد على موقعنا` glued to a comma and
`(تتمة الخبر أسفل الإعلان)`. Contributor lines (`<Name> contributed to this report.`) stay:
the real pages' marked bodies keep them.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "This article was published on April 2, 2025 - 08:10",
        "This content was first published on 14 May 2025",
        "Grains: Oats (Sep) $3.41 ▲0.04 | Canola (Nov) $612.10 ▼1.20 | Barley $5.02 ▲0.01",
        "To see this map, please enable JavaScript and accept functional cookies.",
        "Manage privacy settings",
    ],
)
def test_stamps_tickers_and_placeholders_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The report was published on April 2, 2025, two weeks after the flood.",
        "Oats rose to $3.41 a bushel ▲ on Friday, traders said.",
        "The regulator told websites to let users manage privacy settings more easily.",
        "Reuters' Jane Okafor contributed to this report.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The money had been paid (Continue reading below) to the farmers on Monday.",
            "The money had been paid to the farmers on Monday.",
        ),
        (
            "وقال الوزير إن المشروع سينطلق قريبا،اقرأ المزيد على موقعنا بعد موافقة الحكومة.",
            "وقال الوزير إن المشروع سينطلق قريبا، بعد موافقة الحكومة.",
        ),
        (
            "وبلغت نسبة النمو 12% هذا العام،(تتمة الخبر أسفل الإعلان) وهي الأعلى منذ عقد.",
            "وبلغت نسبة النمو 12% هذا العام، وهي الأعلى منذ عقد.",
        ),
    ],
)
def test_continue_labels_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]
