"""What blind set 280 showed, written here in other words.

Glued inside a sentence on arrival: the short ad label ("Advert", "ADVERT") between two
lower-case words. Kept as lines, or left half: a newsletter's "Also in this issue:" contents
line, a copyright line that names what it covers ("Content copyright <outlet>."), an appeal
to forward a link to a colleague for a trial, a comment note led by "Reply to this story:".
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
            "The warden waited an hour at the sluice Advert before the pumps were switched on.",
            "The warden waited an hour at the sluice before the pumps were switched on.",
        ),
        (
            "Residents queued at the depot ADVERT to collect their sandbags on Sunday.",
            "Residents queued at the depot to collect their sandbags on Sunday.",
        ),
    ],
)
def test_a_short_ad_label_glued_between_two_words_is_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "Also in this issue: Gauge readings rise; new sandbag depot opens in Marsh Lane",
        "In this week's edition: Barrier vote delayed; bus diversions start Monday",
        "Content copyright Flood Weekly. Parish newsletters may reprint items with credit.",
        "Forward this link to a neighbour so they can start a free month of Flood Weekly.",
        "Reply to this story: comments are open to registered readers.",
    ],
)
def test_newsletter_contents_rights_and_comment_notes_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The council placed an Advert in the paper asking for volunteer wardens.",
        "In this issue of the council's report, the engineers set out three options.",
        "He said residents could forward the link to the flood map to anyone who asked.",
        "The copyright on the barrier's design is held by the engineering firm.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
