"""What blind site 87 and blind sets 349-353 showed, written here in other words. SPIP's shortcuts
a broken template printed as text (`[->art12]`, `<doc12|center>`, `<multi>... </multi>`) go; its
bold around a word (`{{March}}`) is the story's word and stays, where an insert tag
(`{{insert_module::42}}`) goes. A credit glued to the stop of a sentence that reads as the
story's (a duty, `must`; a perfect with an irregular verb, `have found`; in Arabic a past verb
in the feminine or a future after `و`) leaves the sentence; a caption of what a picture shows
with its credit still goes; a sentence that reports (`said`, `showed`) is the story's with a
credit set apart by a space too (set 357). A promo glued after a share's stop (`... 35%.WhatsApp
us ...`) is cut at that stop, and so is a rail's label glued after the last stop (`...
spring.Most read in News`); a Twig comment printed as text (`{# ... #}`) goes (blind site 88).
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_cut_in_flood_story,
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "[->art204]",
        "[the full report->doc31]",
        "<doc77|left>",
        "<img12|right>",
        "<multi>[fr]À lire aussi[en]See also</multi>",
        "{{ page.title }}",
        "{# related box: TODO move to its own partial #}",  # a Twig comment (blind site 88)
    ],
)
def test_template_leftovers_go(line):
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "A second inspection has been set for {{March}}.",
        "The gates will reopen in {{April}}, the council said.",
        "Engineers marked the weak points on the plan with arrows -> and red circles.",
    ],
)
def test_look_alikes_of_template_leftovers_stay(line):
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "Residents who did not register their cellars must do so on the council's site "
            "before Friday.Credit: Harbour Post/Facebook",
            "Residents who did not register their cellars must do so on the council's site "
            "before Friday.",
        ),
        (
            "Divers checking the old quay have found a crack along its whole length.Photo: "
            "Harbour Post",
            "Divers checking the old quay have found a crack along its whole length.",
        ),
        (
            "وحذرت البلدية من البناء على ضفاف النهر قبل انتهاء أعمال التدعيم.صورة: بوابة الساحل",
            "وحذرت البلدية من البناء على ضفاف النهر قبل انتهاء أعمال التدعيم.",
        ),
        (
            "وستفتح البلدية مركز إيواء ثانياً في المدرسة القديمة.حقوق الصورة: بوابة الساحل",
            "وستفتح البلدية مركز إيواء ثانياً في المدرسة القديمة.",
        ),
        (
            "Officials said the river rose above 40%.WhatsApp us your flood photos on 071 555 0199",
            "Officials said the river rose above 40%.",
        ),
        # a report, with a credit after a space (set 357), a forecast, a tip line in capitals
        (
            "Harbour master Ada Reyes said the gates held overnight. (Image: Harbour Post/Tom "
            "Hale)",
            "Harbour master Ada Reyes said the gates held overnight.",
        ),
        (
            "Forecasters expect more rain on Thursday.Credit: Harbour Post",
            "Forecasters expect more rain on Thursday.",
        ),
        (
            "Crews are expected to reopen the quay road on Monday.HARBOUR POST TIP: Send us your "
            "flood photos!",
            "Crews are expected to reopen the quay road on Monday.",
        ),
        # a rail's label glued after the last stop (blind site 88)
        (
            "The council said the barrier would be tested again in spring.Most read in News",
            "The council said the barrier would be tested again in spring.",
        ),
        (
            "Engineers said the cost would be shared with the port.Further Reading",
            "Engineers said the cost would be shared with the port.",
        ),
    ],
)
def test_a_credit_or_promo_glued_to_a_story_sentence_goes_and_the_sentence_stays(line, sentence):
    assert_cut_in_flood_story(line, sentence, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Sandbags stacked along the harbour wall at dawn.Photo: Harbour Post",
        "Firefighters pump water from the flooded quay on Tuesday. Picture: Harbour Post",
        "الحاجز الجديد عند مدخل الميناء.صورة: بوابة الساحل",
    ],
)
def test_a_caption_with_its_credit_still_goes(line):
    assert_removed_from_flood_story(line, RULES)
