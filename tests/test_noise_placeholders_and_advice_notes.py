"""What blind set 240 showed the cleaner missed or lost, written here in other words: a
placeholder printed in brackets, an interactive box's `tap to ...` label, a device's location
prompt, an advice column's general-guide note and its `check with a qualified adviser`, a
writer's contact line, a promo whose short link sits between two of its asks (`Love this?
<link> <ask>`), a desk's `Write to ...` hook, a fresh-every-morning promise, and Arabic
sign-up boxes (`اترك عنوانك`, what reaches `بريدك`). And the story's sentences that share
their words, which stay: a hashtag the story names, a story's bracketed aside."""

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


@pytest.mark.parametrize(
    "line",
    [
        "[Puzzle board loading…]",
        "(Puzzle board loading...)",
        "Crossword grid – tap to start solving",
        "Flood map: click to explore each street",
        "Enable location access to see alerts for your area.",
        "Answers in this column are general guidance only. Always speak to a qualified "
        "solicitor about your own case.",
        "Priya Shah can be reached at pshah@kelbytimes.example or 555-0199.",
        "Enjoyed that? Plenty more like it. Our Friday food letter arrives at noon, just tell "
        "us where to send it.",
        "Question about your pension? Write to Money Matters. We cannot reply to every letter "
        "personally.",
        "A new recipe every Sunday. Tell us where to send it, it costs nothing.",
        "يصلك ملحق «الاقتصاد» كل صباح خميس على بريدك. اترك عنوانك أدناه.",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Search the hashtag #KelbyFloods and you'll see hundreds of photos of the flooded "
        "high street, which residents shared overnight.",
        "(The council declined to comment.)",
        "Residents were told to turn on location sharing only when volunteers asked, the "
        "police said.",
        "The ombudsman's answers are general guidance, the minister said, not rulings.",
        "The footbridge can be reached at low tide from the harbour steps.",
        "A new rota every week left nurses exhausted, the union said.",
        "Follow the hashtag #KelbyFloods and you'll find hundreds of residents sharing photos "
        "of the flooded high street.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_public_radio_sponsor_label_glued_after_the_last_sentence_is_cut() -> None:
    sentence = "The survey found one in five wells had never been tested, the agency said."
    result, body = clean_in_flood_story(f"{sentence} Sponsor Message", RULES)
    assert result.kept == in_story(body, sentence), result.removed
