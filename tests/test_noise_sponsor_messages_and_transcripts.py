"""What blind sets 246 to 249 showed, written here in other words: a sponsor's message
between a newsletter's items (`A MESSAGE FROM ...:`), a broadcaster's transcript note, a
review desk's note on its independence, an app promo that keeps the reader "across" the news,
a price pitch left after a subscription appeal, a photo's source on its own line, a French
read-also label with a bar, a comparison site's button, an offer's first-month price, a
scores supplier's credit, a newsletter's greeting, referral ask and sponsor's
button, the outlet's podcast plugged in the copy, a document link under a label, and a
podcast notice whose cut leaves one word hanging. And the
story's sentences that share their words, which stay: a station's reporter introduced in a
transcript story (`X's Y reports.`) and a body named like an imperative (`Visit Lakeland
has defended ...`) among them."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "A MESSAGE FROM THE COASTAL FERRY WORKERS UNION: Every crossing depends on trained "
        "crews. Ask your representative to protect ferry jobs.",
        "A word from our sponsor: Larkspur Bank helps small farms plan for dry years.",
        "Transcript provided by WKVA Public Radio.",
        "This transcript may not be in its final form and may be updated or revised.",
        "We buy all the products we review ourselves, at full price.",
        "Our testers never accept free samples from brands.",
        "Stay on top of every storm warning with the free Valley Weather Now app.",
        "Subscribe today for full coverage of the capital. Unlimited online access from $2 "
        "a month.",
        "Photo from the Hartley family",
        "Lire aussi | La grève des contrôleurs aériens prolongée",
        "Learn more about your ad choices at podcastchoices.com/adchoices",
        # set 249
        "Compare fixed-rate mortgage deals today",
        "Join Gridiron+ for every box score and our weekly rankings. First month $1.",
        "Live scores powered by FieldPulse",
        # set 248
        "Documents: Read the full budget report (PDF)",
        "Enjoying Morning Ledger? Share it with a friend and get a free month.",
        "Our sports desk looks back on the final in this week's episode of Extra Time.",
        "Good morning. This is Harbour Notes, your weekly guide to the port. Forwarded this "
        "email? Subscribe here.",
        "Is payroll eating your week? Ledgerly runs it in minutes. Book a demo →",
        "الصورة: إنستغرام/@nour.studio",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "KVRA's Dana Whitlow reports.",
        "A message from the headmaster was read aloud at the assembly on Friday morning.",
        "The transcript of the hearing runs to 400 pages and will be published next month.",
        "The council buys every product it tests from ordinary shops, the auditor said.",
        "Video from the scene showed smoke rising over the harbour.",
        "Photos from the archive show the pier before the 1953 storm.",
        "Farmers said they stay across rainfall warnings with the bureau's app, which is free.",
        "Unlimited access to the reservoir will end in April, the water board said.",
        "Compare the two plans, the report says, and the cheaper one wins.",
        "The first month of the season was the wettest since 1998.",
        "Box scores powered the team's comeback, the coach joked.",
        "Visit Lakeland has defended its spending on the new advertising campaign.",
        "The senator said she first heard the claim in an episode of a popular podcast.",
        "Good morning, the mayor said, was all she managed before the vote.",
        "This is Valley Road, the main route into the town, where the flooding began.",
        "The startup lets customers book a demo of the tool online, the report said.",
    ],
)
def test_the_story_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_cut_that_leaves_one_word_takes_the_line_and_a_story_keeps_its_short_words():
    story = "The council approved the budget on Monday after a four-hour debate."
    result = clean_blocks(
        [story, "Learn more about your ad choices at podcastchoices.com/adchoices"], RULES
    )
    assert result.kept == [story]
    assert result.removed[-1].rule.startswith("outlet:podcast_adchoices")
    # a line no cut touched is the copy's, however short
    assert clean_blocks([story, "Yes."], RULES).kept == [story, "Yes."]
