"""What blind sets 266 and 267 showed, written here in other words.

Set 267 was written on the content side: outlets whose subject is apps, ads, subscriptions
and advice to the reader. A how-to's steps (`Open Settings and tap Location`, `Go to Settings >
General > Storage`) read like an outlet's asks (`tap`, `app`, `alerts`) and were cut: a step
that walks the reader through an interface (a menu path, a named button or setting) without
the outlet's voice is now the story's, for the asks' kinds and the pitch model.

Set 266's lines kept: a market ticker's bar, a sign-up form's agreement, `Don't miss out on the
latest news ...`, a price comparison's footnote, `Get 30% off ... Shop now`, `Best ... deals
this week: ...`.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.cleaning.clean import is_interface_step
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Open Settings and tap Privacy, then Location Services.",
        "Go to Settings > Battery > Battery Health and check the maximum capacity.",
        "Scroll down and tap Background App Refresh to stop apps updating when you are not "
        "using them.",
        "Step 3: On your laptop, sign in to your email and click your photo, then Account > "
        "Security.",
        "2. Free up space. On Android, go to Settings > Storage and tap Clean up next to "
        "Temporary files.",
        "Open the banking app, choose 'Switch account' and follow the steps it shows.",
    ],
)
def test_a_how_tos_steps_through_an_interface_stay(line: str) -> None:
    assert is_interface_step(line)
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # the outlet's own asks, with a button or a setting in them: still asks
        "Tap Follow to get our latest stories in your feed.",
        "Download our app and turn on notifications so you never miss a story.",
        "Click Subscribe to get the newsletter every morning.",
        "Spotted an error? Highlight it and press Ctrl+Enter.",
    ],
)
def test_the_outlets_asks_with_buttons_still_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


def test_a_how_to_step_is_not_read_as_a_pitch() -> None:
    line = (
        "3. Stop chat apps saving every photo. In the messaging app, open Settings > Storage "
        "and turn off automatic media download."
    )
    assert clean_blocks(["Phones fill up fast, our tester found.", line], RULES).kept[-1] == line


@pytest.mark.parametrize(
    "line",
    [
        "MARKETS | FTSE 100 8,214.55 ▲ 0.31% | GBP/USD 1.2712 | Brent $81.02",
        "مؤشر السوق 9,412.20 ▼ 1.2% | الأسعار متأخرة 15 دقيقة",
        "By providing your email address. I agree to the Terms of Use and acknowledge that I "
        "have read the Privacy Policy.",
        "Don't miss out on the latest news and analysis.",
        "*62% of customers could save £318 on their car insurance. Source: partner data, "
        "April 2026.",
        "Get 20% off your first order of dog food. Shop now",
        "Best laptop deals this week: save up to £400 on models from top brands",
    ],
)
def test_the_widgets_and_small_print_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # a market's move and a price in the story
        "The FTSE 100 rose 0.3% to 8,214 on Tuesday, led by miners.",
        "Shares fell 4% after the retailer said it would offer 20% off its own-brand range.",
        # agreements, missing out and savings in the story
        "Residents said they agree to the terms of the new parking scheme.",
        "Families who miss out on the grant can appeal within 28 days, the council said.",
        "The best deals on energy this winter are fixed tariffs, the regulator's survey found.",
        "About 51% of customers could save £200 by switching, the regulator estimates.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
