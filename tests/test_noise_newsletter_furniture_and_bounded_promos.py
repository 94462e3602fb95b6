"""What blind set 275 showed, written here in other words.

Kept on arrival: an emailed newsletter's masthead (`<NAME> · Issue 412 · <date>`), its reply
prompt, a press release's questions line, a print paper's `Also in this week's <paper>:`, a
`More <outlet> coverage:` link, a link line ending in its chevron, an outlet's ad-sales pitch
and an Arabic agency dateline in Eastern Arabic digits. Glued inside sentences: a
continue-reading label with its arrow, a story-continues note between two dashes (the dashes
were left behind), a PDF link's label, a capitals promo ending in its chevron, and an Arabic
follow prompt in brackets, which made a whole paragraph of someone's reported words go. Each
shape has lines of the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "HARBOUR FREIGHT WEEKLY · Issue 98 · Monday 3 March 2025",
        "Tide Notes | No. 17 | Spring 2026",
        "Questions or comments? Just reply to this email.",
        "Questions about this story? Contact the press office on 01632 960 114.",
        "Also in this week's Gazette: the regatta results, planning notices and your letters",
        "More Ledger coverage: How the ferry timetable was cut",
        "Compare home insurance quotes in minutes ›",
        "Want your business seen by 40,000 readers? Our advertising team can help.",
        "Advertise with The Coastal Ledger and reach homeowners across the county.",
        "الميناء ١٢ أبريل ٢٠٢٦ (وأخ)",
    ],
)
def test_newsletter_furniture_and_the_outlets_ad_sales_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Questions about the barrier's cost were raised by three councillors.",
        "More coverage of the storm is expected once the harbour reopens.",
        "The firm said it would advertise the contracts in the spring.",
        "Residents who want their homes surveyed can email the council by Friday.",
        "Issue 12 of the council's flood plan, published in 2024, set the budget.",
        "Also in this issue of the flood plan are maps of every pumping station.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The pumps ran for nine days, Continue reading below ↓ according to the harbour board.",
            "The pumps ran for nine days, according to the harbour board.",
        ),
        (
            "The pumps ran for nine days. — Story continues after this message — The "
            "harbour board said the cost was not yet known.",
            "The pumps ran for nine days. The harbour board said the cost was not yet known.",
        ),
        (
            "The board met on Tuesday, Click here to download the minutes (PDF) and agreed "
            "the repairs.",
            "The board met on Tuesday, and agreed the repairs.",
        ),
        (
            "Owners said insurers had been slow to pay, HOME DEALS: Save 20% on flood "
            "barriers at our partner stores › and that some had waited a year.",
            "Owners said insurers had been slow to pay, and that some had waited a year.",
        ),
        (
            "وأوضح المدير أن المضخات عملت تسعة أيام متواصلة، (تابعونا على قناتنا في "
            "تيليجرام) وأن الأضرار ما زالت قيد الحصر.",
            "وأوضح المدير أن المضخات عملت تسعة أيام متواصلة، وأن الأضرار ما زالت قيد الحصر.",
        ),
    ],
)
def test_bounded_promos_glued_inside_a_sentence_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


def test_dashes_of_the_story_stay_when_nothing_between_them_was_cut() -> None:
    line = "The harbour master — who has worked there for 30 years — said it was the worst."
    assert clean_blocks([line], RULES).kept == [line]
