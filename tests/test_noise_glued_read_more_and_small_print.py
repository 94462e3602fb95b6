"""What blind set 279 showed, written here in other words.

Glued inside sentences on arrival: a read-more label in capitals that names the outlet or a
section (`ALSO ON <OUTLET>:`, `DON'T MISS`) with its headline, an "Advertising Feature" label
between two sentences, a subscription offer priced an issue, a renewal link, a
general-information disclaimer, an Arabic share bar and an Arabic read-more label addressed
to a woman reader; kept as lines: comment moderation notes naming the story, a legal-advice
disclaimer, an ad label in capitals before a dash, a "like the <outlet> on social media"
appeal. Each shape has lines of the story beside it that share its words and stay.
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
            "The engineers would inspect the culvert weekly ALSO ON HARBOUR POST: Ferry fares "
            "rise again and could close the road if the water rose.",
            "The engineers would inspect the culvert weekly and could close the road if the "
            "water rose.",
        ),
        (
            "The pumps failed twice in March DON'T MISS School bus changes: the full list and "
            "the board could not wait for a third.",
            "The pumps failed twice in March and the board could not wait for a third.",
        ),
        (
            '"The water came in overnight," Marsh said. Advertising Feature "We lost the whole '
            'ground floor."',
            '"The water came in overnight," Marsh said. "We lost the whole ground floor."',
        ),
        (
            "Every reading is logged against the gauge Subscribe to Flood Weekly from £2.90 an "
            "issue unless the gauge is offline.",
            "Every reading is logged against the gauge unless the gauge is offline.",
        ),
        (
            "The board wrote to residents Click here to renew your Flood Weekly membership "
            "sent on Monday.",
            "The board wrote to residents sent on Monday.",
        ),
        (
            "Crews photograph the gauge with the river behind it This bulletin is provided for "
            "general information only so that the level can be checked later.",
            "Crews photograph the gauge with the river behind it so that the level can be checked "
            "later.",
        ),
        (
            "وقال المدير إن المضخات ستعمل طوال الليل شارك الخبر عبر: واتساب | فيسبوك حتى "
            "ينخفض منسوب المياه.",
            "وقال المدير إن المضخات ستعمل طوال الليل حتى ينخفض منسوب المياه.",
        ),
        (
            "وقالت المهندسة إن الفرق تفحص كل مضخة اقرئي المزيد: خمس نصائح لحماية منزلك من "
            "الفيضانات وأن الأعمال ستنتهي غدا.",
            "وقالت المهندسة إن الفرق تفحص كل مضخة وأن الأعمال ستنتهي غدا.",
        ),
    ],
)
def test_labels_offers_and_small_print_glued_inside_a_sentence_are_cut(
    glued: str, clean: str
) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "YOU MIGHT HAVE MISSED: Harbour Road resurfacing starts after the holidays",
        "MORE FROM SPORT: Valley clubs split the points",
        "Comments on this story are checked by a moderator before they appear.",
        "Nothing in this bulletin constitutes legal advice.",
        "ADVERTISING — Marsh Tyres, Quay Street: free check with every fitting",
        "Like the Flood Weekly on social media for every river reading.",
    ],
)
def test_labels_notes_and_appeals_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Members who subscribe to the pump-share scheme receive a monthly report on their meter.",
        "The council said comments on the plan would be read before the vote.",
        "The advertising feature on the bus stops drew complaints.",
        "The engineers' union said the US EPA Region 5 office and the state agency had met.",
        "He said the story had been shared widely on social media before the council replied.",
        "وقالت المهندسة إن الإعلان عن الفائزين سيكون غدا.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
