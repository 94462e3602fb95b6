"""What blind sets 268 and 269 showed, written here in other words.

Kept on arrival: a translation notice, a named journalism scheme's funding note, a science
story's journal reference and citation line, a credit in capitals, a subscriber-only reminder,
a live blog's and a radio player's toggles, a lender's rate widget, an outlet's "not investment
advice" line, read-also labels in a translation's word order (`To read also:`), an embedded
player's title line (`Vidéo - <title>`, blind pages round 24). Glued inside
sentences: `(video)`/`(فيديو)`, `ADVERTISEMENT CONTINUE READING BELOW`, a button between dashes
(the whole sentence went as an ask), a newsroom's WhatsApp appeal with the outlet named in it,
and a cut before a closing quote that left a space (`"every effort "`). Each shape has lines of
the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "This story is a translation of an article first published in Spanish.",
        "Local Journalism Initiative reporting is funded by the Government of Canada.",
        "Rural Reporting Project content is produced with the financial support of the "
        "Northfield Trust.",
        'Journal reference: K. Osei and M. Lund, "Salt tolerance in coastal barley", Field '
        "Crops Letters (2024). DOI: 10.0000/fcl.2024.0311",
        "More information: A. Ruiz et al., Lake sediments record two centuries of drought, "
        "Quaternary Notes (2025). DOI: 10.0000/qn.2025.118",
        "Citation: Barley that grows in salty soil (2024, March 3) retrieved 5 March 2024 from "
        "Science Wire Europe",
        "PHOTO MARIE-CLAUDE TREMBLAY, LE JOURNAL DU NORD",
        "Note: this is a premium story and requires a subscription to read in full.",
        "Show key events only",
        "Play Live Radio",
        "Next Up:",
        "Compare today's mortgage rates from top lenders.",
        "Harbour Realty News's market data is not investment advice.",
        "To read also: The regional council adopts its budget",
        "Vidéo - Les pompiers dégagent la route du littoral",
        "Video – Crews clear the coast road after the storm",
    ],
)
def test_the_notes_credits_and_widgets_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # translation, funding, studies, photos and subscriptions as the story's subject
        "The novel is a translation of a text her grandmother wrote in Yiddish.",
        "The new journalism school is funded by a grant from the city, the dean said.",
        "The study, published in Field Crops Letters, found salt-tolerant barley yields 12% more.",
        "Photos of the flooded road were shared widely on Sunday.",
        "This is a premium product, the shop's owner said, and most buyers are tourists.",
        "Readers can compare the rates charged by the two bridges on the council's website.",
        "Her remarks were not investment advice, she told the committee.",
        "Next up for the squad is a trip to the capital on Saturday.",
        "Video of the crash – filmed by a passer-by – was shared thousands of times.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "The ministry said the bridge (video) would reopen in May.",
            "The ministry said the bridge would reopen in May.",
        ),
        (
            "وقالت الوزارة إن الجسر (فيديو) سيعاد فتحه في مايو.",
            "وقالت الوزارة إن الجسر سيعاد فتحه في مايو.",
        ),
        (
            "The family could not be reached, ADVERTISEMENT CONTINUE READING BELOW but a "
            "neighbour said they were safe.",
            "The family could not be reached, but a neighbour said they were safe.",
        ),
        (
            "Owners can apply for a mooring licence — click here for the form — costing "
            "$120 a year.",
            "Owners can apply for a mooring licence costing $120 a year.",
        ),
        (
            'The union said it had made "every possible effort (opens in new tab)" to settle.',
            'The union said it had made "every possible effort" to settle.',
        ),
        (
            "She has since fixed the fence. Got a story? WhatsApp the Valley Echo newsroom "
            "today! “I feel safer now,” she said.",
            "She has since fixed the fence. “I feel safer now,” she said.",
        ),
        (
            "ويضطر السكان إلى شراء المياه إعلان بأسعار مرتفعة كل أسبوع.",
            "ويضطر السكان إلى شراء المياه بأسعار مرتفعة كل أسبوع.",
        ),
    ],
)
def test_labels_glued_inside_a_sentence_are_cut_and_the_sentence_stays(glued, clean):
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        # brackets, dashes and quotes the story writes itself
        "The council's report (photos included) was published on Friday.",
        "The warden — who asked readers to report fly-tipping — said fines would rise.",
        'Residents called the plan "a disgrace" at the meeting.',
        "The ministry issued an announcement in the morning papers.",
    ],
)
def test_the_storys_own_brackets_dashes_and_quotes_stay_whole(line: str) -> None:
    assert clean_blocks([line], RULES).kept == [line]
