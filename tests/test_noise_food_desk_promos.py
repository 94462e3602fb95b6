"""A food desk's own furniture (noise set 327) and a republished story's link to its original
(blind site 77): `Jump to the ... recipe ↓`, a bilingual outlet's note on its other edition, a
`Pic courtesy:` credit, `Read the original` / `Source` / `المصدر` alone on a line. The story's
ticket sales, menus in other languages and sources stay. Made-up wording, written apart from
the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Jump to the maple squash recipe ↓",
        "Cet article est aussi disponible en français.",
        "This article is also available in Arabic.",
        "Pic courtesy: Chaat Lane Chronicle",
        "Read the original",
        "Source",
        "المصدر",
    ],
)
def test_a_food_desks_furniture_and_a_link_to_the_original_leave_the_story(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Tickets for next year's supper go on sale in May.",
        "The menu is also available in French, the owner said.",
        "Source: the council said the figures were provisional.",
        "Jump to conclusions at your peril, the chef said of the new tasting menu.",
    ],
)
def test_the_storys_tickets_menus_and_sources_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
