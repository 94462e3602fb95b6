"""What blind set 276 showed, written here in other words.

Glued inside sentences on arrival: a call to action with a capital between two lower-case
words (`Click here to download the <outlet> app`, `Subscribe to <magazine> from £4.99 a
month`, `Read the full story on our website`, `Get the <outlet> briefing in your inbox every
Thursday`), a share bar (`Print | Email | Share`), a sponsor's credit whose name stayed
behind once `Sponsored` was cut, a trending label before a headline with a version number in
it, and an Arabic related-articles label after a comma. Kept as lines: a comments prompt in
other words (`Drop your take in the comments`), a `Back to <section> News` link and a school
district's non-discrimination statement. Each shape has lines of the story beside it that
share its words and stay.
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
            "The warning reached 5,000 phones in the trial Tap here to get the Harbour Post "
            "app within three minutes of being sent.",
            "The warning reached 5,000 phones in the trial within three minutes of being sent.",
        ),
        (
            "The skipper said the crew trained twice a day Subscribe to Keel & Oar from $3.50 "
            "a month before the regatta.",
            "The skipper said the crew trained twice a day before the regatta.",
        ),
        (
            "Tenants had waited six weeks for repairs Read our full report on our website "
            "and some had moved out.",
            "Tenants had waited six weeks for repairs and some had moved out.",
        ),
        (
            "Claims rose by a third last year, Get the Flood Desk briefing in your inbox "
            "every Monday the insurer said.",
            "Claims rose by a third last year, the insurer said.",
        ),
        (
            "The mayor said the plan was fair Print | Email | Share | WhatsApp when the "
            "council voted.",
            "The mayor said the plan was fair when the council voted.",
        ),
        (
            "The pumps were paid for by the harbour board, Sponsored by Tidewater Pumps "
            "Ltd and the county council.",
            "The pumps were paid for by the harbour board, and the county council.",
        ),
        (
            "The board said the release was worth a fortune over two years TRENDING: Update "
            "2.1 breaks every mod you own and would pay for the new stands.",
            "The board said the release was worth a fortune over two years and would pay for "
            "the new stands.",
        ),
        (
            "وقال المدير إن المضخات عملت تسعة أيام متواصلة، أخبار ذات صلة وإن الأضرار ما "
            "زالت قيد الحصر.",
            "وقال المدير إن المضخات عملت تسعة أيام متواصلة، وإن الأضرار ما زالت قيد الحصر.",
        ),
    ],
)
def test_calls_to_action_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "Who wins the derby? Leave your predictions in the comments below.",
        "Back to Harbour News",
        "← Back to all stories",
        "Tidewater County Schools prohibits discrimination and harassment based on actual "
        "or perceived race, religion, sex or disability.",
    ],
)
def test_comment_prompts_section_links_and_notices_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour board said residents could subscribe to flood alerts for free.",
        "The barrier was sponsored by Tidewater Pumps and finished in March.",
        "Owners shared their thoughts in the comments section of the council's page.",
        "Back to the drawing board, the engineers said after the second breach.",
        "The new law prohibits discrimination based on actual or perceived disability.",
        "The council published related articles on its website, and the maps were updated.",
        "نشرت البلدية أخبارا ذات صلة بالفيضانات على موقعها.",
        "He said the Tide Watch app was downloaded 9,000 times in a week.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
