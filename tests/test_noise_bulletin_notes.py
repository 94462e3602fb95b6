"""What blind set 283 showed, written here in other words.

Glued between two lower-case words on arrival: a picture's credit with its colon, a station's
listen-live label, a capitalised donation ask naming its appeal. Kept as lines: diary dates,
enquiries lines, a charity notice with an opinions disclaimer, a pointer to the site's own
section, a station's show promo with its call-in, an upsell to unlock the data, an ad label
with the advertiser's tagline, a contents line whose headline is a question. Each shape has
lines of the story beside it that share its words and stay.
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
            "The engineers traced the leak to a seal Image: Marsh Works handout and replaced it.",
            "The engineers traced the leak to a seal and replaced it.",
        ),
        (
            "Residents were asked to report blocked drains Listen Live: Flood FM 98.4 before the "
            "tide turns.",
            "Residents were asked to report blocked drains before the tide turns.",
        ),
        (
            "The pumps would cost about £80,000 DONATE to the Marsh Lane pump appeal today and the "
            "council would pay the rest.",
            "The pumps would cost about £80,000 and the council would pay the rest.",
        ),
    ],
)
def test_credits_and_labels_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "Dates for your diary: sandbag training Thursday 4th, meet at the depot, 6.30pm",
        "Advertising enquiries: see page 12. Registered charity.",
        "The Flood Watch Trust is a registered charity. Opinions in the Newsletter are those of "
        "the contributors.",
        "River level charts for every gauge are in the Data section.",
        "Flood Phone-In airs Tuesdays 6-7 p.m. — call in with your questions.",
        "RIVER DATA: Unlock the full gauge history with a Flood Weekly Plus subscription",
        "ADVERTISEMENT · Marsh Pumps & Hoses — keeping the valley dry since 1982",
        "↳ Also in this issue: Sandbags — who pays when the river wins?",
    ],
)
def test_bulletin_notes_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The documentary airs Sundays at 9pm on BBC Two, the broadcaster said.",
        "The minutes are available on the Council Meetings page of the authority's website.",
        "Opinions in the town are divided on the barrier.",
        "The trust, which is a registered charity, runs three flood shelters.",
        "Dates for the diary were agreed at the meeting on Tuesday.",
        "He urged people to donate to the flood appeal today and said the council would match it.",
        "Advertisement revenue fell by a third, the company said.",
        "Membership enquiries rose sharply after the flood, the club said.",
        "Unlock the full potential of the port with a new rail link, the minister said.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
