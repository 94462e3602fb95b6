"""What blind set 277 showed, written here in other words.

Glued inside sentences on arrival: a sponsor's banner between doubled dashes, a Patreon
appeal, a `Click here to read our full review of <Name>` link, an ad label with its
continue-reading note after a bullet, a share button's label, an Arabic ad label between two
dashes and an Arabic read-also headline after a comma; kept as a line: a pager's two links.
Each shape has lines of the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The board expected —— SPONSORED BY TIDEWATER PUMPS —— about 300 claims a week.",
            "The board expected about 300 claims a week.",
        ),
        (
            "The volunteers printed the maps themselves Back us on Patreon! and handed them out.",
            "The volunteers printed the maps themselves and handed them out.",
        ),
        (
            "The harbour master said boats could moor again, Click here to read our full "
            "interview with Harbour Board as long as they kept clear of the wall.",
            "The harbour master said boats could moor again, as long as they kept clear of the "
            "wall.",
        ),
        (
            "The repairs would nearly double ADVERTISEMENT · Continue reading below the "
            "county's flood budget.",
            "The repairs would nearly double the county's flood budget.",
        ),
        (
            "Residents can report damage online Share this article or by phone.",
            "Residents can report damage online or by phone.",
        ),
        (
            "وقال المدير إن المضخات عملت تسعة أيام - إعلان - وإن الأضرار ما زالت قيد الحصر.",
            "وقال المدير إن المضخات عملت تسعة أيام وإن الأضرار ما زالت قيد الحصر.",
        ),
        (
            "وقال المدير إن المضخات عملت تسعة أيام، اقرأ أيضا: البلدية تفتح الطريق الساحلي "
            "بعد الإصلاح على أن تعود الحركة غدا.",
            "وقال المدير إن المضخات عملت تسعة أيام، على أن تعود الحركة غدا.",
        ),
    ],
)
def test_banners_and_labels_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


def test_a_pagers_two_links_on_one_line_go() -> None:
    assert_removed_from_flood_story("‹ Older post · Newer post ›", RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The repairs — sponsored by the harbour board — will start in May.",
        "Residents were asked to share this article with neighbours who are not online.",
        "He said the previous post-holder had left the wall unrepaired.",
        "وقال المدير - إعلان النتائج سيكون غدا - إن اللجنة اجتمعت.",
        "The council's review of Harbour Road was published on Monday and read widely.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
