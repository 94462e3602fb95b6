"""What blind site 87 and blind sets 349-353 showed, written here in other words. SPIP's
shortcuts a broken template printed as text (`[->art12]`, `<doc12|center>`, `<multi>...
</multi>`) go; its bold around a word (`{{March}}`) is the story's word and stays, where an
insert tag (`{{insert_module::42}}`) goes. A credit glued to the stop of a sentence that reads
as the story's (a duty, `must`; a perfect with an irregular verb, `have found`; in Arabic a
past verb in the feminine or a future after `و`) leaves the sentence; a caption of what a
picture shows with its credit still goes. A promo glued after a share's stop (`... 35%.WhatsApp
us ...`) is cut at that stop.
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
    ],
)
def test_a_credit_or_promo_glued_to_a_story_sentence_goes_and_the_sentence_stays(line, sentence):
    assert_cut_in_flood_story(line, sentence, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Sandbags stacked along the harbour wall at dawn.Photo: Harbour Post",
        "الحاجز الجديد عند مدخل الميناء.صورة: بوابة الساحل",
    ],
)
def test_a_caption_with_its_credit_still_goes(line):
    assert_removed_from_flood_story(line, RULES)
