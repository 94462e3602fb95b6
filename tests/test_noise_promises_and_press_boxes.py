"""What blind set 239 showed the cleaner missed or lost, written here in other words: a
promo's promise left before its ask (`X news, delivered every Friday.`, `... on the X app`,
`our weekday briefing`, `في جيبك`), members' pitches, a briefing's `Have it delivered`, the
print plug, a deals line, a health page's review note and its date, a press office's box,
an Arabic app-store ask, `Continue reading below the video.` glued mid-paragraph, and a
story's quoted paragraph ending with a picture credit (the credit goes, the quote stays). And
the story's sentences that share their words, which stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Planning news from every parish in the county, delivered every Friday. Sign up below.",
        "Fixtures and live scores on the Harbour Rovers app, every match of the season. "
        "Download it free today.",
        "Our weekday briefing beats the commuter rush. Have it delivered before 6am.",
        "Lakeshore Orchestra members hear about ticket ballots days before anyone else. Join "
        "us for less than the cost of a coffee a week.",
        "Become a supporter for just £3 a month and read every review first.",
        "Deals: our favourite trail running shoes, now up to 40% off",
        "In newsagents every Friday, or read the digital edition on your tablet from 7am.",
        "Clinically reviewed by our pharmacist team. Last reviewed: 3 March 2025.",
        "Are you a reporter? Our press office can arrange interviews with our scientists.",
        "للحصول على النسخة الكاملة من العدد، نزّلوا تطبيق الجريدة من غوغل بلاي.",
    ],
)
def test_the_promo_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Members of the sailing club heard about the closure before anyone else, the chairman "
        "admitted.",
        "The leaflets, delivered every Tuesday by volunteers, reach 400 homes.",
        "'Become a member for less than the price of a pint,' the new chairman urged fans.",
        "Deals: the council agreed two land deals worth £4m on Tuesday.",
        "The festival app crashed on the first morning, organisers said.",
        "She had it delivered to the hospital by taxi, the court heard.",
        "The nurse was clinically reviewed by a panel before she returned to work, the "
        "tribunal heard.",
        "Last checked in 2019, the bridge's cables were found to be corroded.",
        "Readers on the Kelby Times app saw the correction within minutes.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_pointer_below_the_video_is_cut_from_the_paragraph() -> None:
    before = "The vote is on Friday."
    after = "Councillors will meet at the town hall at 7pm."
    result, body = clean(f"{before} Continue reading below the video. {after}")
    assert result.kept == in_story(body, f"{before} {after}"), result.removed


def test_a_quoted_paragraph_loses_its_credit_and_a_wire_caption_stays_a_caption() -> None:
    quote = (
        "Coach Dara Mills said the result was 'a warning'. 'We switched off for ten minutes. "
        "That cannot happen again.'"
    )
    result, body = clean(f"{quote} (Image: Kelby Rovers/Club Media)")
    assert result.kept == in_story(body, quote), result.removed
    caption = (
        "FILE - Mayor Jo Hart speaks in Kelby, May 3, 2024. Hart said Monday she would not "
        "run again. (AP Photo/Sam Lee, File)"
    )
    result, body = clean(caption)
    assert result.kept == body and result.removed  # a caption: not a paragraph of the body
