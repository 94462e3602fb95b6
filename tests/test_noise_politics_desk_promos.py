"""A politics desk's own asks and notes (noise set 326): a podcast's `so you never miss an
episode`, a donation appeal for `independent parliamentary coverage`, a podcast's note that its
guests' views are their own. The story's alerts, health advice and panel guests stay, and so
does an ask someone in the story made when the line ends on who made it (`..., the mayor urged
residents.`). Made-up wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to Whip Round so you never miss an episode.",
        "If you value independent parliamentary coverage, please consider a one-off contribution "
        "to the Lantern. It takes less than a minute.",
        "Views of guests are their own.",
        "Sign up for our newsletter, our editor says.",  # the outlet's own voice after all
    ],
)
def test_a_politics_desks_own_ask_leaves_the_story(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The council said residents should subscribe to alerts so they never miss a bin "
        "collection.",
        "If you value your health, see a doctor, the minister said.",
        "The views of the guests on the panel are their own, the chair said.",
        # an ask someone in the story made, ending on who made it
        "Subscribe to the council newsletter, the mayor urged residents.",
        "Download the evacuation app, officials said.",
    ],
)
def test_the_storys_own_asks_guests_and_questions_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
