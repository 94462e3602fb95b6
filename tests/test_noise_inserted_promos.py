"""What blind set 284 and blind sites 35a and 35b showed, written here in other words.

Glued inside a sentence on arrival: a read-more link or a sponsor's line set off by dashes or
by double slashes, a next-page note between two sentences, an Arabic sign-up ask glued to the
end of a paragraph (the paragraph's head, left without its stop, stays), an Arabic follow-us
note that promises the day's prices, a share bar's label glued after the last stop. Kept as
lines: an ad label with a dash and its advertiser (English and Arabic), an office's byline with
a year-less date, a support-the-outlet ask after a colon, renewals falling due, a permission
note, a may-be-shared note, a press office's contact line, `Also in the <bulletin>:`, a
copyright line naming its body with `the`. Each shape has lines of the story beside it that
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
            "The pumps ran through the night — Read more: Council to vote on flood levy — and "
            "the water fell by morning.",
            "The pumps ran through the night and the water fell by morning.",
        ),
        (
            "The warden said the barrier //SPONSORED: Riverside Hardware — sandbags in stock// "
            "held until dawn.",
            "The warden said the barrier held until dawn.",
        ),
        (
            "The barrier held. Continue reading on the next page The engineers now want a "
            "second wall.",
            "The barrier held. The engineers now want a second wall.",
        ),
        (
            "وأعلنت البلدية أن السد سيفتح الأسبوع المقبل للاشتراك في نشرتنا اليومية اضغط هنا",
            "وأعلنت البلدية أن السد سيفتح الأسبوع المقبل",
        ),
        (
            "وقال التاجر أحمد سالم تابعونا على صفحتنا لمعرفة أسعار اليوم إن الأسعار ارتفعت.",
            "وقال التاجر أحمد سالم إن الأسعار ارتفعت.",
        ),
        (
            "Volunteers filled four thousand sandbags on Sunday.Share this article",
            "Volunteers filled four thousand sandbags on Sunday.",
        ),
    ],
)
def test_promos_and_labels_glued_inside_a_paragraph_are_cut(glued: str, clean: str) -> None:
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENT — Riverside Hardware: sandbags, pumps and waders since 1961",
        "إعلان — مؤسسة النهر: مضخات بأسعار الجملة",
        "Harbour Desk | Mar. 3, 6:40 p.m.",
        "Support the newsletter: members' donations keep the flood maps free for everyone.",
        "Membership renewals for next year are now due — see the form on page 8",
        "Maps in this issue are reproduced by kind permission of the river trust.",
        "This bulletin may be freely forwarded to neighbours and friends.",
        "For more information about this release, please contact the press office.",
        "Also in the newsletter: Pump station reopens after repairs",
        "Copyright the Riverside Residents' Association. Registered charity.",
    ],
)
def test_labels_asks_and_notices_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement — a full page in the county paper — cost the trust £4,000.",
        "Membership renewals are due in March, the club's treasurer said.",
        "The photographs were reproduced with permission in the inquiry's report.",
        "Residents were told the maps may be shared with insurers.",
        "Read more about the barrier in the council's report, the mayor said.",
        "She continued reading on the next page of the report before she answered.",
        "وقال إن البلدية ستعلن الأسعار الجديدة للاشتراك في خدمة المياه الأسبوع المقبل.",
        "Copyright lawyers for the residents say the maps belong to the trust.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_an_excerpt_cut_with_an_ellipsis_that_opens_a_paragraph_goes() -> None:
    """Ghost's ``article-excerpt`` (blind site 35a): the first paragraph cut short, above it."""
    first = (
        "The flood barrier on the River Wend held through Sunday night after volunteers "
        "filled four thousand sandbags, the council said."
    )
    lines = [
        "The flood barrier on the River Wend held through Sunday night after volunteers…",
        first,
        "Engineers will inspect the wall on Monday before the next high tide arrives.",
        "The council has asked residents to keep their sandbags until the end of the month.",
        "A second wall upstream is planned for next year, pending a government grant.",
    ]
    assert clean_blocks(lines, RULES).kept == lines[1:]
    # a line that ends with an ellipsis and opens no other line stays
    trailing = [*lines[1:], "The mayor said she was still waiting for an answer from the ministry…"]
    assert clean_blocks(trailing, RULES).kept == trailing
