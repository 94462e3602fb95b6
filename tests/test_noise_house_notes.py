"""What blind set 285 (an outlet's or a club's own voice) showed, written here in other words.

Kept as lines on arrival: a club's or an outlet's thanks to its sponsors, a grant
acknowledged, an AI or transcription disclosure, an audio version's note (Arabic), a
registered office and a charity footer, a committee's or a forum's notice, comment rules, a
letters-page prize, a copy deadline, continued-after notes, figures as supplied and current at
the time of writing, an Arabic disclaimer of responsibility. Each shape has story lines that
share its words and stay; so do corrections, which real marked bodies keep (The Intercept's
`Correction: <date>` / `This story has been corrected to ...`).
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.cleaning.text import sentences
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "The Residents' Association thanks Riverside Hardware for donating the sandbags again.",
        "With thanks to Ashby Plant Hire for the loan of the pumps this winter.",
        "The Trust gratefully acknowledges a grant from the Wend Valley Fund toward this "
        "newsletter.",
        "This report was produced with help from an AI transcription tool; every quote was "
        "checked against the recording.",
        "Wend Valley Flood Group Limited. Registered office: The Boathouse, Quay Lane, Ashby.",
        "The Flood Group is a registered charity run entirely by volunteers.",
        "Committee notice: the annual meeting moves to the church hall on 4 March.",
        "The best letter each month wins a pair of waders.",
        "Next issue: copy deadline 20 March. Typed or hand-written notes are welcome.",
        "— Story continues after the classifieds —",
        "Levels quoted in this bulletin were correct at the time of writing.",
        "النسخة الصوتية من هذا المقال مولدة آليا.",
        "قوانين التعليق: يحذف كل رد يتضمن إساءة للآخرين.",
        "لا تتحمل البوابة أي مسؤولية عن محتوى الإعلانات المنشورة.",
    ],
)
def test_house_notes_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Correction: An earlier version of this story gave the wall's height as two metres.",
        "This story has been corrected to give the right date of the meeting.",
        "The mayor thanked volunteers for filling four thousand sandbags.",
        "The trust, which is a registered charity, runs three flood shelters.",
        "Members are asked to share each flood warning with two neighbours without a phone.",
        "The count relies on members of the public reporting high water through a free app.",
        "No experience is needed, and boots and lunch are provided.",
        "وقال إن الشركة لا تتحمل مسؤولية التأخير في تسليم المضخات.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_two_sentences_glued_without_a_space_are_two_sentences() -> None:
    """`... in January.For the best coverage ..., download the app.` (blind site 35d): the
    promo after the glued stop goes; a sentence glued to the next is left as it was."""
    assert sentences("Entries open in January.The fee is £5.") == [
        "Entries open in January.",
        "The fee is £5.",
    ]
    assert sentences("Pasty Co. and Holiday Parks, e.g. the U.S.Army at bbc.co.uk.") == [
        "Pasty Co. and Holiday Parks, e.g. the U.S.Army at bbc.co.uk."
    ]
    glued = "The pumps ran all night.The barrier held until dawn, the council said."
    assert clean_blocks([glued], RULES).kept == [glued]
