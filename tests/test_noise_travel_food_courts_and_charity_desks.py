"""Travel, food, courts and charity desks (noise sets 337-340, pages round 80): what goes is the
outlet's own furniture (a price note, a reading-time label, a podcast's credits, a press
release's end mark, an Arabic newsletter ask or back link) and labels glued to a sentence (after
a number's stop, after an emoji, at a paragraph's end, an Arabic ad label and a dash); what
stays is the story that reads like them: police asking for tips, a quoted reporter's sentence
before a photographer's credit, a festival's funder or the piece's, someone who took part in a
race. Made-up wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace
from newsbot.cleaning.text import sentences

RULES = load_noise_rules(None)
STORY = {
    "en": "The council said the new ferry timetable would start in the spring.",
    "ar": "أعلنت البلدية عن جدول جديد لرحلات العبّارة يبدأ العمل به في الربيع.",
    "pt": "A prefeitura confirmou que o novo horário das barcas começa na primavera.",
}


def _out(lines: list[str], language: str):
    return trace([STORY[language], *lines], RULES, language=language)[1:]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Prices and availability were correct at the time of publication.", "en"),
        ("Quick read · 4 min", "en"),
        ("Berita terkait / Read also: Harbour ferry fares frozen for a year", "en"),
        ("Full transcripts are available to our paying members.", "en"),
        ("Theme music: Kelp Forest by Tidal Nine. Artwork: Mara Quist.", "en"),
        ("-- انتهى --", "ar"),
        ("للاستفسارات الصحفية: مكتب الإعلام في هيئة الموانئ", "ar"),
        ("للإعلان معنا: تواصلوا مع فريق المبيعات", "ar"),
        ("اشتركوا في نشرتنا الأسبوعية لأخبار السفر", "ar"),
        ("← العودة إلى قسم الرحلات", "ar"),
        ("انتقلي مباشرة إلى المكونات ↓", "ar"),
        ("Assista ao resumo da partida — 2 min", "pt"),
    ],
)
def test_the_outlets_furniture_goes(line: str, language: str) -> None:
    assert _out([line], language)[0].kept in (None, "")


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # the story's own funders, prices, podcasts and announcements; a note on who funded
        # the piece (labelled sets keep it with the story, as the newsroom's notes)
        ("The festival is produced with support from the regional arts council.", "en"),
        ("This report was supported by a grant from the Coastal Journalism Fund.", "en"),
        ("Prices at the night market were higher than last year, traders said.", "en"),
        ("The podcast's transcripts helped the jury follow the case, the judge said.", "en"),
        (
            "Harbour police urged anyone who saw the van to call 101 or Crimestoppers"
            " anonymously on 0800 555 111.",
            "en",
        ),
        ("اشترك في «سباق الكورنيش» أكثر من أربعة آلاف عداء هذا العام.", "ar"),
        ("انتهى الاجتماع دون اتفاق على موعد افتتاح الميناء الجديد.", "ar"),
        ("وقالت الوزارة إن عودة إلى قسم الطوارئ ليست ضرورية لمعظم المرضى.", "ar"),
    ],
)
def test_the_story_that_reads_like_it_stays(line: str, language: str) -> None:
    assert _out([line], language)[0].kept == line


@pytest.mark.parametrize(
    ("line", "language", "story"),
    [
        (  # a label glued after a number's stop: `Oct.` does not end the sentence
            "The hearing was moved to Nov. 14.Sign up for our newsletter here.",
            "en",
            "The hearing was moved to Nov. 14.",
        ),
        (  # a whole-line label glued after the paragraph's last stop
            "The lorries were escorted back to the depot.Watch the video",
            "en",
            "The lorries were escorted back to the depot.",
        ),
        (
            "The share of renters who moved has fallen to 9%, according to a survey External"
            " link (opens in new tab) published on Monday.",
            "en",
            "The share of renters who moved has fallen to 9%, according to a survey published"
            " on Monday.",
        ),
        (
            "وأعيدت الحقائب المفقودة إلى أصحابها بعد التحقق من هوياتهم.شاهد الفيديو",
            "ar",
            "وأعيدت الحقائب المفقودة إلى أصحابها بعد التحقق من هوياتهم.",
        ),
        (  # an emoji glued after the stop opens the app promo
            "ولا تزال التحقيقات جارية لمعرفة ملابسات الحادث.📲 حمّل تطبيقنا وتابع الأخبار أولاً بأول",
            "ar",
            "ولا تزال التحقيقات جارية لمعرفة ملابسات الحادث.",
        ),
        (
            "إعلان—وأكدت الشرطة أن الطريق سيُفتح أمام السيارات صباح الغد.",
            "ar",
            "وأكدت الشرطة أن الطريق سيُفتح أمام السيارات صباح الغد.",
        ),
        (
            "وقالت المتحدثة باسم المطار في مؤتمر صحفي فتح في علامة تبويب جديدة إن الرحلات"
            " ستعود غداً.",
            "ar",
            "وقالت المتحدثة باسم المطار في مؤتمر صحفي إن الرحلات ستعود غداً.",
        ),
        (  # someone quoted, then the photographer's credit: the sentence is the story's
            "وقال الصياد حمد الكعبي: «كنا نبحر فجراً، واليوم ننتظر الرخصة».تصوير: أرشيف المجلة",
            "ar",
            "وقال الصياد حمد الكعبي: «كنا نبحر فجراً، واليوم ننتظر الرخصة».",
        ),
    ],
)
def test_a_glued_label_is_cut_and_the_sentence_stays(line: str, language: str, story: str) -> None:
    assert _out([line], language)[0].kept == story


def test_an_abbreviations_stop_before_a_number_ends_no_sentence() -> None:
    assert sentences("The vote is on Oct. 21. We will report it.") == [
        "The vote is on Oct. 21.",
        "We will report it.",
    ]
    assert sentences("See Fig. 3 and No. 12 in the report.") == [
        "See Fig. 3 and No. 12 in the report."
    ]
    # a date's month after a number's stop is no new sentence
    assert sentences("Das Gesetz vom 21.Mai 2025 gilt weiter.") == [
        "Das Gesetz vom 21.Mai 2025 gilt weiter."
    ]


def test_a_print_note_with_an_abbreviated_date_still_goes() -> None:
    line = "A version of this article appears in print on Sept. 7, 2025, in the Weekend Review."
    assert _out([line], "en")[0].kept in (None, "")
