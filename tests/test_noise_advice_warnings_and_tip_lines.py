"""What blind sets 243 and 244 showed, written here in other words: a finance site's
general-advice warning and the sentences that finish it, a funding credit naming the network
the news runs on and the sponsor's tagline after it, a reproduction notice, an Arabic share
label with its colon, a paywall's pointer to premium articles, a tip line
for insiders, a newsletter's blurb, a buying guide's teaser and a broadcaster's audio blurb
(`X spoke with <programme> host <name> about ...`). And the story's sentences that share
their words, which stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "General advice only. It has been prepared without considering your objectives or "
        "financial situation. Consider speaking to a licensed financial adviser.",
        "General advice warning: everything on this site is general in nature and does not "
        "take into account your personal circumstances.",
        "Market news on the Prairie Wire Network is sponsored by Dunmore Grain Co-op. Serving "
        "growers since 1961.",
        "Republication requires permission. Prior permission required for reproduction.",
        "مشاركة الخبر على:",
        "Find out how you can unlock unlimited premium stories today",
        "Are you a nurse at Westgate or another trust hospital? Get in touch with our "
        "reporter securely on Signal at harbourtips.12.",
        "Gig news, the latest reviews from every festival field, ticket alerts and more!",
        "The best hiking boots for wet weather – tested and reviewed",
        "The town's harbour master spoke with Coastline Drive host Amira Fenwick about the "
        "new berthing fees.",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The regulator said the calculator does not take into account your personal "
        "circumstances, and it will be redesigned.",
        "Market news on the exchange was dominated by the merger, which is sponsored by two "
        "pension funds.",
        "The museum needed permission for the reproduction of the map, which belongs to a "
        "private collector.",
        "وقال إن المشاركة في الانتخابات بلغت 60 في المئة.",
        "The campaign's slogan, #KeepTheLibrary, was painted on the bridge overnight.",
        "Reporters who covered the trial said the best moments were the witnesses' silences.",
        "The mayor will host a meeting with the harbour master about the new berthing fees.",
        "The exhibition shows the latest updates on the rover, full-size models and more.",
        "Seasoned walkers say the best boots are the ones you have already broken in.",
    ],
)
def test_the_story_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
