"""What blind set 278 showed, written here in other words.

Kept as lines on arrival: a rail's label with its arrow before a linked headline (`Related
coverage ▸ <headline>`, `MORE FROM THE ISLANDS ▸ ...`), `Also in the <Bulletin>: ...`,
`Reader comments are closed on this article.`, a site's Creative Commons licence line, a
figure's credit (`Diagram: ..., courtesy of ...`), a photo credit with an initial, an Arabic
agency dateline with the agency in brackets. Glued inside sentences: `Become a patron from 3
a month`, `AdChoices`, `Continue reading (registered users)`, `Subscribe now and save 25%`,
an Arabic subscribe button and a bare ad label before مما. Each shape has lines of the story
beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Related coverage ▸ Harbour wall repairs run three weeks late",
        "MORE FROM THE COAST » Ferry timetable changes for the holidays",
        "Also in the Gazette: Sea wall rules — what changes next year",
        "Reader comments are closed on this article.",
        "All content licensed under CC BY-SA 4.0 unless otherwise noted.",
        "Map: the flooded streets, courtesy of the county planning office",
        "PHOTO: Harbour Post / J. Trevail",
        "بنزرت – (وكالة أنباء الساحل)",
    ],
)
def test_rail_labels_licences_credits_and_datelines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The volunteers checked every pump Become a member from £4 a month twice a day.",
            "The volunteers checked every pump twice a day.",
        ),
        (
            "The gauges can be read online AdChoices and by phone, the board said.",
            "The gauges can be read online and by phone, the board said.",
        ),
        (
            "Owners can book a survey online Continue reading (subscribers only) and pay later.",
            "Owners can book a survey online and pay later.",
        ),
        (
            "Residents can get flood alerts by text Subscribe today and save 30% and by email.",
            "Residents can get flood alerts by text and by email.",
        ),
        (
            "وفضل بعض السكان البقاء في منازلهم اشترك الآن رغم التحذيرات.",
            "وفضل بعض السكان البقاء في منازلهم رغم التحذيرات.",
        ),
        (
            "وقال المدير إن المضخات عملت تسعة أيام إعلان مما خفف الأضرار.",
            "وقال المدير إن المضخات عملت تسعة أيام مما خفف الأضرار.",
        ),
    ],
)
def test_paywall_and_ad_labels_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "The museum licensed its flood photos under Creative Commons, the curator said.",
        "Also in the news this week, the council voted to close the pool.",
        "Comments from readers were closed after the vote, the editor said.",
        "وقال إن اشتراك السكان في الخدمة الآن أصبح مجانيا.",
        "The map, courtesy of the county, shows every flooded street.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
