"""What blind sets 258 to 261 showed, written here in other words: a shop's buttons, a clip's
play label, picture and chart credits, funding notes, save and share prompts, and labels
glued inside a sentence; and the story's lines that share their words.

- a capitalised title after a comma (`The club's history, Read the Tide, ...`) was taken
  for an ask with a lead-in clause (`For more, follow us ...`) and the line dropped;
- `advertisement` glued to a figure (`£38,000advertisement from`), the Arabic label glued
  to a comma before a و-word, and `Scroll to continue reading` between two sentences;
- lines the sets kept: `Check Amazon price`, `Shop now: ...`, `▶ Highlights | 03:12`,
  `Rendering courtesy of ...`, `Chart: ... Source: ...`, `Supported by the ... Fund`,
  `... is public interest journalism funded through ...`, `Save articles for later ...`,
  `... Use the share buttons below.`, `Have your say: SMS ...`, `Get the best ... deals
  delivered weekly ...`, an Arabic screenshot's caption with its source.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The refit cost the trust about $412,500advertisement over two winters, its "
            "accounts show.",
            "The refit cost the trust about $412,500 over two winters, its accounts show.",
        ),
        (
            "The ferry timetable changes on Sunday. Scroll to continue reading Late sailings "
            "will end at nine.",
            "The ferry timetable changes on Sunday. Late sailings will end at nine.",
        ),
        (
            "وأوضح المهندس أن أعمال الصيانة استمرت أسبوعين،إعلان وشملت تبديل المضخات القديمة.",
            "وأوضح المهندس أن أعمال الصيانة استمرت أسبوعين، وشملت تبديل المضخات القديمة.",
        ),
    ],
)
def test_the_glued_label_is_cut_and_the_sentence_stays(line: str, expected: str) -> None:
    result = clean_blocks([line], RULES)
    assert result.kept == [expected], result.removed


@pytest.mark.parametrize(
    "line",
    [
        "Check Currys price",
        "See price at Halden Outdoor",
        "Buy now: 30% off winter tyres at Tread & Co until Sunday.",
        "► Match report | 4:05",
        "Render courtesy of Marlowe & Finch Architects",
        "Artist's impression courtesy of the Harbour Trust",
        "Graph: Reservoir levels by month, per cent. Source: Water Authority",
        "Funded by the Coastal Heritage Lottery Fund",
        "Valley Court Watch is public interest journalism funded by the Local News Trust.",
        "Save stories for later. Bookmark any story and find it again in your reading list.",
        "Enjoying our coverage? Use the share buttons to pass it on.",
        "Have your say: text your views to 4455. Replies may be edited.",
        "Get the latest gadget offers delivered every Friday — sign up to Circuit Savings.",
        "صورة أرشيفية للسوق - المصدر: غرفة التجارة",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # a title after a comma, and a price: the story's sentence
        "Her memoir, Follow the River, comes out in March for £12.",
        "The band's new single, Share the Night, reached the top ten on Friday.",
        # the shop and price words in the story
        "Shoppers can check the price of fuel at each station on the council's map.",
        "Shop now, pay later schemes have doubled since 2022, the regulator said.",
        "The ticket machine shows a play symbol and the time of the next tram, 10:42.",
        # courtesy, charts, funding and support in the story
        "The rendering of the new pier was shown courtesy of a local architect at the meeting.",
        "The chart shows reservoir levels falling for a third month, the authority said.",
        "The hospice is supported by the Tasmanian Community Fund and by local donors, who "
        "gave $40,000 last year.",
        "Supported by the Greens, the motion passed by nine votes to four on Tuesday night.",
        "The centre is funded by the state and its journalism course by a private trust.",
        # saving, sharing and your say in the story
        "Families were urged to save water for later in the week, when pumps will be off.",
        "Pupils used the share buttons on their tablets to send the results to the teacher.",
        "Residents will have their say on the plan at a public meeting in the town hall.",
        "Growers get the best prices when their crop is delivered before the frost.",
        # the Arabic ad word after a comma, with a space, is the story's noun
        "وقالت الوزارة، إعلان النتائج سيكون الأسبوع المقبل.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
