"""What blind sets 262 to 265 and blind pages round 23 showed, written here in other words:
link labels and ad labels glued inside a sentence, a clip's length, small print, comment and
correction buttons, continue-after-the-ad labels in other languages; and the story's lines
that share their words.

- a read-also label and its headline between two parts of one sentence (`... a new drainage
  system READ ALSO: Assembly suspends fee and better lighting ...`): before, only the label
  went (a rule's `[a-z]` lookahead was case-blind) and the headline stayed in the sentence;
- `(Click to read: ...)`, `(Shop our picks for ...)` in brackets inside a sentence;
- `advertisement` glued to the start of the next word (`consulted advertisementand`);
- the Arabic label glued to a comma before `فيما`, `بينما`, `حيث` ...;
- a sum of money made a line an ask (`Start with a goal of $500.`): now only a price as an
  offer or an appeal gives it (`$1 a week`, `for just $1`, `£15 could pay for ...`);
- lines the sets kept: `Watch the full replay below 01:58:22`, `Listen | ... (6:44)`,
  `Report Typo or Error`, `Comments (12) | Add comment`, `X is not a lender. Rates shown are
  for illustrative purposes only.`, `Featured offer: ...`, `<caption>. — VNA/Photo <name>`,
  `Continua após a publicidade`, `As it happened: <link>`.
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
            "The council said the levy would pay for new drains READ ALSO: Harbour board "
            "delays dredging plan and brighter street lights in the market.",
            "The council said the levy would pay for new drains and brighter street lights in "
            "the market.",
        ),
        (
            "Work starts in March, the engineer said, Also read: Ferry fares rise again but "
            "will finish before the summer season.",
            "Work starts in March, the engineer said, but will finish before the summer season.",
        ),
        (
            "The coach said his side would recover. “We were second best today (Click to "
            "read: Club names new captain), but we'll learn,” he said.",
            "The coach said his side would recover. “We were second best today, but we'll "
            "learn,” he said.",
        ),
        (
            "Anglers must release any trout under 30cm (Shop our picks for the best fishing "
            "reels), the rules say.",
            "Anglers must release any trout under 30cm, the rules say.",
        ),
        (
            "The warden said neighbours had been asked advertisementand most agreed to the "
            "new parking bays.",
            "The warden said neighbours had been asked and most agreed to the new parking bays.",
        ),
        (
            "She said she had been advertisement“shocked” by the size of the bill.",
            "She said she had been “shocked” by the size of the bill.",
        ),
        (
            "وبلغت قيمة العقد 40 مليون دينار،إعلان فيما يبدأ التنفيذ مطلع العام المقبل.",
            "وبلغت قيمة العقد 40 مليون دينار، فيما يبدأ التنفيذ مطلع العام المقبل.",
        ),
    ],
)
def test_the_glued_label_is_cut_and_the_sentence_stays(line: str, expected: str) -> None:
    result = clean_blocks([line], RULES)
    assert result.kept == [expected], result.removed


@pytest.mark.parametrize(
    "line",
    [
        "Watch the whole launch replay below 02:14:09",
        "Listen | The mayor on Drive Time with Ana Ruiz (7:12)",
        "Report an error",
        "Report Typo or Error",
        "Comments (7) | Post a comment",
        "Harbourview Loans is not a lender. Rates shown are for illustrative purposes only.",
        "Featured offer: Get 3.9% APY with Coastline Bank. No fees. Open an account →",
        "A cyclist on the new bridge over the Red River. — VNA/VNS Photo Trần Minh",
        "Continua após a publicidade",
        "L'articolo continua dopo la pubblicità",
        # an ask with a price as offers and appeals give it
        "Subscribe today for just $1 a week.",
        "Donate now. £20 could pay for a night's shelter for someone sleeping rough.",
        "As it happened: Every point of the final set, relived",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # a read-also label's words in the story, and a headline-like clause without a label
        "Readers can also read the full report at the library, and comment on it until May.",
        "The board will read more of the submissions and decide in June, the chair said.",
        # advertisements, plural, and the ad word spaced in the story
        "The council banned advertisements near schools and the ban starts in April.",
        "The advertisement campaign cost the board £40,000, its accounts show.",
        # watching, listening and times of day in the story
        "Watch for black ice on the bridge from 06:30, police said.",
        "Listeners can hear the mayor on the morning show at 07:15.",
        "The match kicked off at 19:45 and ended in a draw.",
        # reports, comments and lenders in the story
        "The inspector's report found an error in the payroll system.",
        "Comments from residents will be read out at the meeting on Tuesday.",
        "The bank said it is not a lender of last resort for the region's farms.",
        "Rates rose for the third month, the central bank said on Thursday.",
        "The featured offer at the fair was a free bus pass for pupils.",
        # an em dash and a photo in the story
        "The exhibition — photos by local pupils — opens on Friday at the town hall.",
        # continuing after an ad and live coverage in the story
        "A empresa disse que a campanha continua após a publicidade na televisão.",
        "As it happened, the mayor was in the building when the alarm went off.",
        # a sum in the reader's own plans, in advice the story gives (not an offer's price)
        "Start with a goal of $500. Most car repairs cost less than that.",
        "Build up to $2,000 over two years, then move the rest into a pension.",
        # the Arabic ad word, spaced after a comma, as the story's noun
        "وقالت الهيئة، إعلان أسماء الفائزين سيكون في حفل ختامي.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
