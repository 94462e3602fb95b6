"""What the blind noise set 302 showed (session 41): a rule that takes a whole line when it
opens with a label (an ad slot's, a related link's) took the story sentence the outlet had
glued after the label; an Arabic rights notice glued to the end of a sentence took the
sentence, and what was left of it then went as a line framing the copy. Each shape is written
here in other words, with the story lines next to it that must stay, and the label's own line
that must still go."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)
STORY = "The harbour reopened on Monday after a week of repairs to the sea wall, the council said."
STORY_AR = (
    "وأعلنت البلدية إعادة فتح الميناء يوم الاثنين بعد أسبوع من أعمال الصيانة في الحاجز البحري."
)
LATER_AR = "وقال رئيس البلدية إن الأشغال كلفت نحو مليوني دينار وإنها ستستمر في الربيع المقبل."


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "إعلان – يتواصل الخبر بعد الإعلان وارتفعت أسعار القمح في الأسواق المحلية بنسبة عشرة "
            "في المئة خلال الشهر الماضي.",
            "وارتفعت أسعار القمح في الأسواق المحلية بنسبة عشرة في المئة خلال الشهر الماضي.",
        ),
        (
            "Sponsored content · the article continues below The ferry operator said it would "
            "add two sailings a day from March to cope with demand.",
            "The ferry operator said it would add two sailings a day from March to cope with "
            "demand.",
        ),
        (
            "MORE FROM THE LEDGER: Should you fix your mortgage now? Lenders cut their two-year "
            "rates for the third week running, the figures showed.",
            "Lenders cut their two-year rates for the third week running, the figures showed.",
        ),
        (
            f"{STORY_AR} يسمح بإعادة النشر شريطة الإشارة إلى المصدر.",
            STORY_AR,
        ),
        (
            "وقال إن العمال عملوا طوال الليل (الفيديو أسفل الخبر) لإصلاح الأنبوب المكسور "
            "قرب المدرسة.",
            "وقال إن العمال عملوا طوال الليل لإصلاح الأنبوب المكسور قرب المدرسة.",
        ),
        (
            "The crew worked through the night (watch the video at the end of this story) to "
            "repair the burst main.",
            "The crew worked through the night to repair the burst main.",
        ),
    ],
)
def test_the_label_or_notice_goes_and_the_story_in_its_line_stays(line: str, story: str):
    assert clean_blocks([STORY, line], RULES).kept == [STORY, story]


@pytest.mark.parametrize(
    "line",
    [
        "إعلان – تابع القراءة أسفل الإعلان",
        "إعلان — مطاعم الواحة: عروض نهاية الأسبوع",
        "MORE FROM THE LEDGER: Should you fix your mortgage now?",
    ],
)
def test_the_label_alone_still_goes(line: str):
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


def test_an_arabic_rights_notice_glued_to_the_last_sentence_goes_and_the_sentence_stays():
    glued = (
        "وأكد أن فرق الرقابة ستواصل جولاتها في الأسواق طوال الشهر "
        "حقوق النشر محفوظة لوكالة الأفق للأنباء"
    )
    blocks = [
        STORY_AR,
        LATER_AR,
        STORY_AR.replace("الاثنين", "الثلاثاء"),
        LATER_AR[:-1] + " أيضا.",
        glued,
    ]
    kept = clean_blocks(blocks, RULES, language="ar").kept
    assert kept[-1] == "وأكد أن فرق الرقابة ستواصل جولاتها في الأسواق طوال الشهر"
    assert len(kept) == len(blocks)


def test_a_copyright_line_naming_its_holder_goes_and_a_story_of_the_copyright_office_stays():
    notice = (
        "Copyright Meridian Wire 2025. Meridian content is supplied for the personal use of "
        "subscribers only."
    )
    office = "Copyright Office 2024 figures show registrations fell by a third, the report said."
    assert clean_blocks([STORY, office, notice], RULES).kept == [STORY, office]


def test_an_arabic_outlets_app_named_without_its_kind_is_its_own():
    # `بوابة الأفق الاقتصادية` calls itself `الأفق`
    promo = "حمّل تطبيق الأفق.. وخلك أول من يعرف أسعار الإغلاق"
    other = "وقالت شركة الأفق للتأمين إن أرباحها ارتفعت 12 في المئة في الربع الثالث من العام."
    kept = clean_blocks(
        [STORY_AR, other, promo], RULES, language="ar", source="بوابة الأفق الاقتصادية"
    ).kept
    assert kept == [STORY_AR, other]


# Blind noise set 303 (session 41, mostly Arabic)
@pytest.mark.parametrize(
    "line",
    [
        "Takes about five minutes to read",
        "تحتاج نحو أربع دقائق لقراءة هذا المقال",
        "— مساحة مدفوعة —",
        "هذا التقرير متاح أيضاً باللغة الفرنسية",
        "النسخة الفرنسية من هذا التقرير",
        "الأسعار المذكورة تقريبية ولا تمثل عرضاً للشراء أو توصية بالاستثمار",
        "ترجمة وتحرير: فريق التحرير",
        "لقطة شاشة من المنصة - البوابة",
    ],
)
def test_reading_times_paid_slots_other_editions_and_credits_go(line: str):
    assert clean_blocks([STORY_AR, LATER_AR, line], RULES, language="ar").kept == [
        STORY_AR,
        LATER_AR,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "وقال الوزير إن الخطة لا تمثل توصية بالاستثمار في القطاع وإنها مجرد إطار عام.",
        "It takes four minutes to read the ballot, the clerk said, and voters should allow time.",
        "The clinic now serves eleven settlements, up from seven last winter A monthly gift, "
        "however small, lets us plan ahead",
    ],
)
def test_what_someone_said_and_a_story_clause_before_an_ask_stay(line: str):
    kept = clean_blocks([STORY, line], RULES).kept
    assert len(kept) == 2 and kept[1].startswith(line[:40])
