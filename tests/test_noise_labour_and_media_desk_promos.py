"""What labour and media desks glue to the story (noise sets 330 and 331, pages round 76, blind
site 79): a read-also headline glued to the story's next sentence with no space at all, a
picture credit glued to the stop of a sentence that reports, a Creative Commons notice written
`available under`, `Get ... alerts:`, `Listen live:`, an Arabic inbox ask, French and Italian
notices and players, DataLife Engine's unexpanded template tags; and an Arabic court order
about reproduction, which the pitch model must not be asked about. Captions stay captions; the
story's own alerts, recordings and licences stay. Made-up wording, written apart from the
labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from newsbot.cleaning.clean import trace
from newsbot.cleaning.pitch_model import could_be_pitch

RULES = load_noise_rules(None)
STORY = {
    "en": "The union said the strike would go ahead on Monday after talks broke down overnight.",
    "ar": "أعلنت النقابة أن الإضراب سيبدأ يوم الاثنين بعد فشل المفاوضات مع إدارة الشركة.",
    "fr": "Le syndicat a annoncé lundi une grève de trois jours dans les imprimeries du groupe.",
    "it": "La scossa è stata avvertita distintamente fino al capoluogo, a quaranta chilometri.",
}


def _out(line: str, language: str):
    return trace([STORY[language], line], RULES, language=language)[1]


@pytest.mark.parametrize(
    ("line", "language", "story"),
    [
        (
            "Related: Why the night shift walked out first at the Dunmore depotThe stoppages"
            " cost importers an estimated $40 million, according to the port authority.",
            "en",
            "The stoppages cost importers an estimated $40 million, according to the port"
            " authority.",
        ),
        (
            "Also Read: Ten firms hiring graduates this winterPune, Kochi and Indore together"
            " accounted for 58 per cent of all new postings in the quarter.",
            "en",
            "Pune, Kochi and Indore together accounted for 58 per cent of all new postings in"
            " the quarter.",
        ),
        (
            'Shop steward Maeve Ostrander said the deal was "a win for the cleaners".'
            "Image: Pavel Orlik/Union Weekly",
            "en",
            'Shop steward Maeve Ostrander said the deal was "a win for the cleaners".',
        ),
        (
            "Subscribers in the north will receive the printed edition an hour later."
            "(Image: Harrow Print Group)",
            "en",
            "Subscribers in the north will receive the printed edition an hour later.",
        ),
        (
            "A community page run by the drivers has already gathered 4,100 members."
            "Photo by Inès Caron",
            "en",
            "A community page run by the drivers has already gathered 4,100 members.",
        ),
        (
            "ويأتي القرار بعد احتجاجات العمال أمام مقر الشركة لأسبوعين.(تصوير: سامر حداد)",
            "ar",
            "ويأتي القرار بعد احتجاجات العمال أمام مقر الشركة لأسبوعين.",
        ),
    ],
)
def test_a_story_sentence_keeps_what_was_glued_to_it_cut_off(
    line: str, language: str, story: str
) -> None:
    out = _out(line, language)
    assert out.kept == story
    assert out.caption is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        (
            "Content on this page is available under a Creative Commons Attribution 4.0"
            " licence unless otherwise noted.",
            "en",
        ),
        ("Get newsroom alerts: rulings, hearings and consultations, sent as they land.", "en"),
        ("Listen live: KTRN 88.7 web player", "en"),
        ("أخبار سوق العمل كل صباح في بريدك — سجّل مجاناً من الرابط أدناه", "ar"),
        ("Ce contenu est également offert en anglais.", "fr"),
        ("Ascolta il servizio del Gr Regione", "it"),
        ("[xfvalue_image_credit]", "en"),
        ('{custom category="7" template="shortstory" limit="4"}', "en"),
    ],
)
def test_an_outlets_notice_player_or_template_leftover_leaves_the_story(
    line: str, language: str
) -> None:
    assert _out(line, language).kept is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # a caption: what the picture shows, set apart from its credit by a space or not
        ("Strikers gather outside the Dunmore depot at dawn. Photo: Pavel Orlik", "en"),
        ("A picket line outside the print works on Tuesday.Photo: Harrow Print Group", "en"),
        ("عمال يعتصمون أمام مقر الشركة في الزرقاء.(تصوير: سامر حداد)", "ar"),
    ],
)
def test_a_caption_with_its_credit_is_still_a_caption(line: str, language: str) -> None:
    out = _out(line, language)
    assert out.kept in (None, "")
    assert out.caption


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("The museum said its archive is available under a Creative Commons licence.", "en"),
        ("Residents can get flood alerts by text message, the council said on Monday.", "en"),
        ("Listen: the mayor spoke for 3.5 hours before the vote on Tuesday.", "en"),
        ("وحذرت الشرطة من رسائل تصل في بريدك تطلب منك تحديث بياناتك المصرفية.", "ar"),
        ("Il sindaco ha chiesto ai cittadini di ascoltare il servizio dei vigili.", "it"),
    ],
)
def test_the_storys_own_licences_alerts_and_recordings_stay(line: str, language: str) -> None:
    assert _out(line, language).kept == line


def test_an_arabic_court_order_about_reproduction_is_no_pitch() -> None:
    order = (
        "ألزمت المحكمة الاقتصادية موقعاً إخبارياً بوقف إعادة نشر الموضوعات الحصرية لصحيفة"
        " «الضحى» دون إذن مسبق."
    )
    assert not could_be_pitch(order)
    assert _out(order, "ar").kept == order
    # the outlet's own asks are still the model's to weigh
    assert could_be_pitch("تابعونا على قناتنا في واتساب لتصلكم آخر الأخبار أولاً بأول")
    assert could_be_pitch("حمّل تطبيقنا الآن واحصل على الأخبار العاجلة لحظة بلحظة")
