"""What the blind noise set 304 and pages round 50 showed (session 42): an outlet's notes that
name no usual word (a player card's kind and length, a desk's accounts, funders without a say,
a disclaimer of liability, a corrections promise, a delivery offer), and a transcript's speaker
whose question read as the outlet's short ask. Each shape is written here in other words, next
to story lines in the same words that must stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


def _language(line: str) -> str:
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in line) else "en"


STORY = "The harbour reopened on Monday after a week of repairs to the sea wall, the council said."


@pytest.mark.parametrize(
    "line",
    [
        "Watch · 3:05 · Fishing boats return to the harbour after the storm",
        "Audio | 12:40 | The week in farming: wool prices and a wet spring",
        "A message from our sponsor",
        "Send this article on to a friend",
        "About the writer: Tom Reyes is a reporter at the Bay Herald. He covers the port.",
        "The Bay Herald newsroom is on Facebook, Instagram and Threads as @BayHeraldNews.",
        "The Sunday Briefing podcast: the harbour master on the week the sea came in (31 min)",
        "Our funders have no influence over the Bay Herald's editorial coverage.",
        "Bay Herald Media accepts no liability for any loss arising from the use of this table.",
        "Rates shown are indicative only and may change without notice.",
        "Corrections: we fix mistakes as soon as we learn of them and note the change below.",
        "Want the biggest harbour stories first? Turn on notifications in the Herald app settings.",
        "Get your Herald delivered to the door every Saturday morning.",
        "Trusted journalism you can rely on.",
        "انضموا إلى أكثر من 25 ألف مشترك يصلهم ملخص الأسبوع كل أحد.",
        "سجلوا بريدكم الإلكتروني لتصلكم النشرة.",
        "في هذا العدد: حوار مع رئيسة الميناء | ملف عن الصيد التقليدي",
        # set 306: notes in the outlet's own voice
        "Video briefing on this week's harbour works (2:48)",
        "Ship positions shown here come from AIS data and may be delayed. Not for navigation.",
        "The Harbour Letter is independent of the port companies it reports on.",
        "Items may be forwarded to colleagues for internal use only.",
        "Our full reading of the port rules goes out to paying readers on Monday.",
        "من أرشيفنا: كيف تغيّر الميناء خلال عشر سنوات",
        "ضمن ملف «الموانئ الصغيرة» — الحلقة الثانية من خمس",
        "قوارب الصيد عند رصيف الميناء صباحاً — عدسة: أرشيف نشرة الميناء",
        "راعي هذا العدد: شركة المرفأ للخدمات البحرية",
        "الشرح الكامل لقواعد الرسو في دقيقتين على قناتنا",
        "المعلومات المنشورة هنا للتوعية العامة ولا تغني عن استشارة محامٍ مختص.",
        "النص الكامل للقرار متاح لأعضاء نادي القراء فقط.",
        "أرسلوا صوركم من الميناء وقد تنشر في صفحة القراء.",
    ],
)
def test_an_outlets_note_goes_and_the_story_stays(line):
    assert clean_blocks([STORY, line], RULES, language=_language(line)).kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        # the same words in a story's sentences
        "The insurer accepts no liability for the storm damage, the harbour master said.",
        "Ticket prices are indicative of how much demand has grown since the spring.",
        "The council said it would send the article on the harbour works to every household.",
        "Fishermen say the new alerts on their phones came too late to turn back.",
        "The band's new video runs 3:05 and was filmed at the harbour on Sunday.",
        "Funding partners of the harbour trust met on Monday to agree next year's budget.",
        # a transcript's speaker asking, not the outlet
        "HARGREAVES: You'll send it to us by Friday?",
        "SEN. OKAFOR: Can you follow up with us in writing?",
    ],
)
def test_a_story_line_in_the_same_words_stays(line):
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]


def test_a_video_credit_naming_its_editor_goes_with_the_caption():
    line = (
        "Divers filmed the sea wall's foundations for two weeks. (Video: Mara Quinn/Harbour "
        "Trust; edited by Leo Park/The Bay Herald)"
    )
    cleaned = clean_blocks([STORY, line], RULES)
    assert cleaned.kept == [STORY]
    assert "Leo Park" not in " ".join(cleaned.kept)


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "Link copied The ferry will run twice a day from March, the operator said.",
            "The ferry will run twice a day from March, the operator said.",
        ),
        (
            "The ferry will run twice a day from March, the operator said. Read: Operator "
            "drops winter sailings after storm damage",
            "The ferry will run twice a day from March, the operator said.",
        ),
        (
            "The new berth, which will take boats of up to 40 metres Loading... at high tide, "
            "opens in March.",
            "The new berth, which will take boats of up to 40 metres at high tide, opens in March.",
        ),
    ],
)
def test_a_widgets_text_glued_into_a_paragraph_is_cut_and_the_paragraph_stays(line, story):
    assert clean_blocks([STORY, line], RULES).kept == [STORY, story]


def test_a_reported_sentence_above_a_post_that_shows_no_text_is_the_storys():
    """set 305: an Instagram footer took the story's sentence above it as the post's caption."""
    sentence = "Several skippers said they welcomed the new berth but feared the higher fees."
    footer = "A post shared by Bay Herald (@bayherald)"
    later = "The harbour master said the fees would be reviewed after a year of use."
    kept = clean_blocks([STORY, sentence, footer, later], RULES).kept
    assert kept == [STORY, sentence, later]


@pytest.mark.parametrize(
    "line",
    [
        "Flights may be delayed by up to two hours while the runway is repaired, the airport said.",
        "The pool will be open to members only until the repairs are finished.",
        "وقال مدير الميناء إن الخريطة الجديدة متاحة على قناتنا منذ أمس، في إشارة إلى قناة الهيئة.",
        "وتستهلك السفن في يوم واحد في صفحتنا الخاصة كمية من الوقود تعادل استهلاك مدينة صغيرة.",
    ],
)
def test_a_story_line_in_an_outlets_words_stays(line):
    assert clean_blocks([STORY, line], RULES, language=_language(line)).kept == [STORY, line]


def test_a_letters_pages_rules_leave_the_story_and_a_report_of_them_stays():
    """Blind pages round 70: the rules printed above and below a letters page."""
    for line in (
        "Letters may be edited for length and clarity. Letters must include the writer’s name, "
        "town and daytime phone number. The Harbour Gazette does not print anonymous letters.",
        "Letters to the editor may be shortened. Opinions expressed in letters are those of "
        "the writers.",
    ):
        assert_removed_from_flood_story(line, RULES)
    assert_kept_in_flood_story(
        "The editor said letters may be edited for length, and the board agreed to the change.",
        RULES,
    )


def test_a_magazines_print_issue_line_leaves_the_story_and_a_report_of_an_issue_stays():
    """Blind pages round 72: the line saying where the piece ran in print, with its quoted
    print headline, in English, Italian and Arabic."""
    for line in (
        "This article appears in the March 2027 issue of Harbour Quarterly with the headline "
        "“The Last Light on the Quay.” Subscribe to the magazine.",
        "Questo articolo è apparso nel numero di marzo della Rivista del Porto. Acquista il numero",
        "نُشرت هذه المادة في عدد مارس (آذار) من مجلة الميناء.",
    ):
        assert_removed_from_flood_story(line, RULES)
    assert_kept_in_flood_story(
        "The council said the March issue of its newsletter would explain the barrier works.",
        RULES,
    )
