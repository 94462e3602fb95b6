"""Opinion pages and privacy desks (noise sets 334 and 335, pages round 78): the story quotes
the very notices the cleaner removes (`users now see the message 'This content is not
available in your region'`, `زري «قبول جميع ملفات الارتباط»`), a reader's words hold a
read-more phrase (`اقرأ المزيد، يقول لي، ...`), a columnist's `I` sentence carries a glued
credit; all stay. What goes: a label glued to the story's first word, related-list headings,
a letters page's rules, a newsletter's masthead, a Spanish registration wall. Made-up
wording, written apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace

RULES = load_noise_rules(None)
STORY = {
    "en": "The regulator said the fine was the largest it had issued under the new rules.",
    "ar": "أعلنت هيئة الاتصالات عن غرامة جديدة على شركة ناشئة لمخالفتها قواعد الخصوصية.",
    "es": "El ministerio confirmó 120 casos nuevos de sarampión esta semana en tres provincias.",
}


def _out(lines: list[str], language: str, source: str | None = None):
    return trace([STORY[language], *lines], RULES, language=language, source=source)[1:]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        (
            "Viewers in Ireland now see the message 'This video is not available in your"
            " region' when they open the archive, the broadcaster confirmed.",
            "en",
        ),
        (
            "The ruling found that the banner's button 'Accept all cookies' was three times"
            " larger than the one to refuse them.",
            "en",
        ),
        (
            "وتشترط اللائحة أن يظهر زرا «قبول جميع ملفات الارتباط» و«رفض جميع ملفات الارتباط»"
            " بالحجم نفسه.",
            "ar",
        ),
        ("اقرأ المزيد، تقول لي، عن أجور الممرضات قبل أن تكتب عن الإضراب.", "ar"),
    ],
)
def test_a_notice_or_label_the_story_quotes_stays(line: str, language: str) -> None:
    assert _out([line], language)[0].kept == line


@pytest.mark.parametrize(
    ("line", "language", "story"),
    [
        (
            "I still think the tribunal got it right, but I was wrong about the costs."
            "Photo: Northgate Review reader",
            "en",
            "I still think the tribunal got it right, but I was wrong about the costs.",
        ),
        (
            "AdvertisementThe watchdog said the app had collected location data from 40,000"
            " users without asking them.",
            "en",
            "The watchdog said the app had collected location data from 40,000 users without"
            " asking them.",
        ),
    ],
)
def test_a_glued_credit_or_label_is_cut_from_the_storys_sentence(
    line: str, language: str, story: str
) -> None:
    assert _out([line], language)[0].kept == story


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (["— Related on Privacy Ledger —", "The data broker cases, ranked"], "en"),
        (["تقارير ذات صلة:", "حالة الخصوصية الرقمية في المنطقة 2025"], "ar"),
        (["اقرأ في العدد نفسه:", "خمسة أسئلة لمسؤول حماية البيانات"], "ar"),
    ],
)
def test_a_related_list_goes_with_its_heading(lines: list[str], language: str) -> None:
    assert [o.kept for o in _out(lines, language)] == [None] * len(lines)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Letters should be no more than 250 words and must include your full name.", "en"),
        ("Regístrate gratis para seguir leyendo", "es"),
        ("TE PUEDE INTERESARSarampión: cuáles son los síntomas y cuándo consultar", "es"),
    ],
)
def test_a_desks_rules_or_wall_leaves_the_story(line: str, language: str) -> None:
    assert _out([line], language)[0].kept in (None, "")


def test_a_newsletters_masthead_goes_but_a_sentence_naming_it_stays() -> None:
    masthead = "PRIVACY LEDGER | The Monday memo for people who read the fine print"
    story = "Privacy Ledger said on Monday it would stop its print edition in March."
    out = _out([masthead, story], "en", source="Privacy Ledger")
    assert [o.kept for o in out] == [None, story]


def test_letters_rules_reported_by_someone_stay() -> None:
    line = "Letters should be sent to the council by Friday, the mayor said."
    assert _out([line], "en")[0].kept == line


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "اقرأ أيضاً: الفقمات في خليج سرت.. ضيوف نادرونوقالت الباحثة ليلى المبروك إن الفريق"
            " رصد خمس فقمات قرب الساحل هذا الشهر.",
            "وقالت الباحثة ليلى المبروك إن الفريق رصد خمس فقمات قرب الساحل هذا الشهر.",
        ),
        (
            "انضموا إلى قناتنا على واتسابوكانت البلدية قد أغلقت الطريق الساحلي نفسه مرتين العام"
            " الماضي بسبب السيول التي ضربت المنطقة.",
            "وكانت البلدية قد أغلقت الطريق الساحلي نفسه مرتين العام الماضي بسبب السيول التي ضربت"
            " المنطقة.",
        ),
    ],
)
def test_an_arabic_label_glued_to_the_storys_next_sentence_is_cut_there(
    line: str, story: str
) -> None:
    """Set 336 (and set 330): Arabic has no capitals to show the join; the story's sentence
    opening with `و` and a reporting verb shows it."""
    assert _out([line], "ar")[0].kept == story


@pytest.mark.parametrize(
    "line",
    [
        "Keep exploring → How a retired teacher found a comet from her allotment",
        "This month's sky guide is sponsored by Corvid Optics — see further, spend less.",
        "Posted by the Collections Team in Geology · 12 comments",
        "Leave a reply. Your email address will not be published.",
        "Subscribe to Field Notes and never miss a post from the archive.",
        "Land acknowledgement: The observatory stands on Treaty 6 territory.",
    ],
)
def test_a_science_desks_furniture_leaves_the_story(line: str) -> None:
    assert _out([line], "en")[0].kept in (None, "")


@pytest.mark.parametrize(
    "line",
    [
        "The race is sponsored by Corvid Optics, the organisers said on Friday.",
        "Researchers will follow the comet and never miss a pass, she said.",
    ],
)
def test_the_storys_sponsors_and_follow_ups_stay(line: str) -> None:
    assert _out([line], "en")[0].kept == line


def test_an_arabic_ad_label_glued_to_a_paragraphs_first_word_is_cut() -> None:
    """Blind site 82: `إعلانوسجل المهاجم ...`; an announcement (`إعلان الفائزين`) stays."""
    out = _out(
        ["إعلانوسجل المهاجم هدف الفوز في الدقيقة الأخيرة.", "إعلان الفائزين يوم الخميس."], "ar"
    )
    assert [o.kept for o in out] == [
        "وسجل المهاجم هدف الفوز في الدقيقة الأخيرة.",
        "إعلان الفائزين يوم الخميس.",
    ]
