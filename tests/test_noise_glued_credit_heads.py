"""What blind sets 341-344 showed, written here in other words.

Glued and set-apart credits: a picture's credit glued to the stop of a story's sentence, whose
first words the credit rule does not know (`PA Images/<outlet>`: the rule knows
`Images/<outlet>`; `حقوق الصورة: ...`: the rule knows `الصورة: ...`), goes from the stop on and
the sentence, which reports, stays; a caption set apart from its credit by a space is still a
caption, but an Arabic paragraph that goes on from the one before (`ودعت الوزارة ...`) is no
caption whatever credit follows it. Labels glued where a page's markup left them: after a
closed quotation's stop (`...».شاركوا المقال`), before the story with no space
(`...مع العائلةوأكدت`), before it with a bar (`تحرير: ... | وقال ...`), an ad label glued to a
comma or a percentage, a promo glued after the stop (`...the night.Get the Post's flood
alerts free — register now.`). Each has lines of the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_cut_in_flood_story,
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
)

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (
            "The new lifeboat will be named at a harbour open day on 4 May.PA Images/Harbour Post",
            "The new lifeboat will be named at a harbour open day on 4 May.",
        ),
        (
            "وقال رئيس البلدية إن الحاجز «سيحمي الحي لعقود».حقوق الصورة: المكتب الإعلامي للبلدية",
            "وقال رئيس البلدية إن الحاجز «سيحمي الحي لعقود».",
        ),
        (
            "ودعت البلدية السكان إلى إخلاء الأقبية قبل موسم المد المقبل. (المصدر: مكتب الطوارئ)",
            "ودعت البلدية السكان إلى إخلاء الأقبية قبل موسم المد المقبل.",
        ),
        (
            "وأضاف المهندس: «الحاجز صمد في أول اختبار».شاركوا المقال",
            "وأضاف المهندس: «الحاجز صمد في أول اختبار».",
        ),
        (
            "شاركوا المقال مع أصدقائكموأكدت البلدية أن أعمال الصيانة في الحي القديم "
            "ستنتهي قبل حلول الشتاء.",
            "وأكدت البلدية أن أعمال الصيانة في الحي القديم ستنتهي قبل حلول الشتاء.",
        ),
        (
            "تحرير: قسم الأخبار المحلية | وقال مدير المشروع إن البوابات ستُختبر مرة كل شهر "
            "حتى الربيع.",
            "وقال مدير المشروع إن البوابات ستُختبر مرة كل شهر حتى الربيع.",
        ),
        (
            "The barrier held through the night.Get the Post's flood alerts free — register now.",
            "The barrier held through the night.",
        ),
        (
            "The council pays 40%advertisement and the port authority pays the rest of the bill.",
            "The council pays 40% and the port authority pays the rest of the bill.",
        ),
        (
            "وقال المهندس إن الحاجز يعتمد على بوابات متحركة،إشهار وهو ما طالب به السكان منذ سنوات.",
            "وقال المهندس إن الحاجز يعتمد على بوابات متحركة، وهو ما طالب به السكان منذ سنوات.",
        ),
    ],
)
def test_the_glued_noise_goes_and_the_sentence_stays(line, sentence):
    assert_cut_in_flood_story(line, sentence, RULES)


def test_a_caption_set_apart_from_its_credit_is_still_a_caption():
    line = "Volunteers stack sandbags by the slipway on Saturday. PA Images/Harbour Post"
    result, body = clean_in_flood_story(line, RULES)
    assert result.kept == body, result.removed
    assert "Volunteers stack sandbags by the slipway on Saturday." in result.captions


@pytest.mark.parametrize(
    "line",
    [
        "تم إشهار جمعية أصدقاء الشاطئ رسمياً، وهي أول جمعية بيئية في الحي.",
        "Police said the campaign had raised 40% of its target, and advertisements would follow.",
        "The engineer's words were 'built to last'. Residents will see the gates close in March.",
    ],
)
def test_the_story_lines_that_share_their_words_stay(line):
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Most read on the Harbour Post",
        "الأكثر قراءة في بوابة الساحل",
        "عرض 12 صورة",
        "▼ التقرير المصور ▼",
        "Sponsored content appears below. The Post newsroom was not involved in its creation.",
        "Letters to the editor: please keep them under 300 words.",
        "Agree? Disagree? Letters of no more than 200 words to the editor, please.",
        "Hello and welcome to the spring edition of Tideline.",
        "Send us your storm photos and we could feature them in next week's paper.",
        "Seen a heron on the new wall? Tag us and we might share it.",
        "Download this issue as a PDF (3.1MB)",
        "لإلغاء الاشتراك في النشرة أرسل كلمة «توقف».",
        "هذه النشرة برعاية: مؤسسة الساحل للتأمين",
        "ملاحظاتكم تهمنا: راسلونا على بريد التحرير.",
        "المزيد من أخبار المدينة في قسم «حياتنا»",
    ],
)
def test_the_outlets_lines_go(line):
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        '"Welcome to the tenth edition of the Harbour Festival," the mayor said.',
        'The coastguard asked walkers: "Send us your photos of the flooding so we can map it."',
        "The newsroom was not involved in the decision to close the road, the editor said.",
        "Readers wrote letters to the editor about the wall for years before it was built.",
        "وقالت الجمعية إن الصور الأكثر قراءة في معرضها كانت لصيادي المدينة القديمة.",
    ],
)
def test_the_look_alikes_stay(line):
    assert_kept_in_flood_story(line, RULES)
