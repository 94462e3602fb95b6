"""What blind set 271 showed, written here in other words.

Set 271 was written on the content side: outlets whose subject is scams, charities, podcasts,
newsletters, social posts, discounts and privacy settings. Lost on arrival: a scam text the
story quotes, `(click here to claim your prize)` inside the quotation marks, cut as a link's
label; a post the story quotes after `read:` (`"Follow us, like this post and tag three
friends ..."`), taken as the outlet's ask because the clause before the colon was read as the
ask's lead; advice that sends the reader to another body's channel (`type the agency's web
address yourself`), cut as an ask. Kept: `advertisement` glued to a two-letter word
(`itadvertisement`), an embed's placeholder in the outlet's voice (`We've blocked this
embedded post ...`) and its `Allow and continue?` button.
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
        'The text message said: "Your parcel is held (click here to pay the fee) today."',
        "وقال المتحدث: «إذا وصلتك رسالة تقول (انقر هنا لتحديث بياناتك) فلا تفتحها».",
        'The bakery\'s post read: "Follow us, share this post and tag two friends to win!"',
        "Check a fine only by typing the council's web address into your browser yourself.",
        "If in doubt, call your bank's number from the back of your card.",
    ],
)
def test_quoted_asks_and_advice_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_advice_that_names_another_bodys_channel_is_a_step_not_an_ask() -> None:
    assert is_interface_step("Log in only through the agency's official app, never a link.")
    # the outlet's own channel, or its voice, is still an ask
    assert not is_interface_step("Download our app for the latest news.")
    assert not is_interface_step("Sign in to your account to keep reading.")


@pytest.mark.parametrize(
    "line",
    [
        "We've blocked this embedded video because it would set tracking cookies.",
        "Allow and continue?",
        "Sign in to your account to keep reading.",
        "Follow us on Instagram for more giveaways like this one.",
    ],
)
def test_placeholders_and_the_outlets_asks_still_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The regulator said itadvertisement would review the consent screens.",
            "The regulator said it would review the consent screens.",
        ),
        (
            "Donors had to opt in toadvertisement receive texts from the charity.",
            "Donors had to opt in to receive texts from the charity.",
        ),
        (
            "Residents can renew the permit online (click here to apply) until Friday.",
            "Residents can renew the permit online until Friday.",
        ),
    ],
)
def test_labels_glued_into_the_storys_sentences_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]
