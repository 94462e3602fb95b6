"""What blind sets 272 and 273 showed, written here in other words.

Kept on arrival: a study's DOI on a line of its own and a journal reference in the Vancouver
style with no DOI (set 273, a university press office). Glued inside sentences (set 272): a
shop button between two lower-case words (`Shop Now`, `Buy on <shop>`), `CONTINUE READING` in
capitals, a video player's label and duration after the last sentence, and a bracketed link
to the outlet's own coverage. Each shape has lines of the story beside it that share its
words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "DOI: 10.4821/coastal.2026.0177",
        "doi: https://doi.org/10.4821/coastal.2026.0177",
        "Journal reference: Marsh P, Okafor D, Silva R. River salt and rice yields. Delta "
        "Agron Rev. 2026;14(2):88-97.",
        "Original paper: Lind A, Chen Y. Night shifts and sleep debt. Occup Health Rep. "
        "2024;31:e1042.",
    ],
)
def test_a_studys_reference_and_doi_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The study, published in Delta Agronomy Review in 2026, tracked 40 farms for a decade.",
        "The journal said the paper's DOI had been changed after a printing error.",
        "Shop Now, the discount chain, said it would close four branches by March.",
        "Shoppers can buy now and pay later at most of the stalls, the market's owner said.",
        "The council said readers could follow our coverage of the vote on its own website.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The new tent weighs less than its rivals Buy on Walmart at the same price.",
            "The new tent weighs less than its rivals at the same price.",
        ),
        (
            "The jacket has taped seams Shop Now that kept the rain out for two days.",
            "The jacket has taped seams that kept the rain out for two days.",
        ),
        (
            "Applicants can track their claim CONTINUE READING by phoning the hotline.",
            "Applicants can track their claim by phoning the hotline.",
        ),
        (
            "The ferry will run twice a day from June.Play Video. Duration: 2 minutes 5 seconds",
            "The ferry will run twice a day from June.",
        ),
        (
            "The board approved the budget (read our full council coverage here), which "
            "raises rates by 3%.",
            "The board approved the budget, which raises rates by 3%.",
        ),
    ],
)
def test_buttons_and_player_labels_glued_inside_a_sentence_are_cut(glued: str, clean: str):
    assert clean_blocks([glued], RULES).kept == [clean]
