"""What an outlet says about itself: a sentence that names the record's source and is one of
the kinds' ``own`` shapes (``<Outlet> is part of ...``, ``Follow <Outlet> on ...``) goes;
the same words about anyone else are a story's. Made-up outlets and wording."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)
BODY = [
    "The harbour board approved a new ferry terminal on Tuesday after a two-year review.",
    "Construction is due to start in the spring and take about eighteen months.",
    "Fares will stay the same until the terminal opens, the operator said.",
]
BODY_AR = [
    "وافق مجلس الميناء على إنشاء محطة عبارات جديدة يوم الثلاثاء بعد مراجعة استمرت عامين.",
    "ومن المقرر أن تبدأ أعمال البناء في الربيع وتستمر نحو ثمانية عشر شهرا.",
    "وقال المشغل إن الأسعار ستبقى على حالها حتى افتتاح المحطة.",
]


def cleaned(line: str, source: str, *, arabic: bool = False):
    body = BODY_AR if arabic else BODY
    return clean_blocks([*body[:2], line, body[2]], RULES, source=source), body


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("The Quayside Echo", "The Quayside Echo is part of Tidewater Media Group Ltd."),
        ("Quayside Echo", "The Quayside Echo is run entirely by volunteers."),
        ("Harbour FM", "Harbour FM is independent and listener-funded."),
        ("Harbour FM", "Harbour FM is now on WhatsApp."),
        ("Pier Review", "Pier Review is the independent student magazine of Saltmarsh College."),
        ("Pier Review", "Pier Review welcomes letters from readers on any subject."),
        ("The Bench Note", "Subscribe to The Bench Note Daily for the day's rulings before 8 a.m."),
        ("Cellar & Vine", "Tickets for the Cellar & Vine Winter Fair go on sale on Monday."),
        ("Kelani Post", "The Kelani Post reserves the right to remove any comment."),
        ("Freight Lane Weekly", "Advertise with Freight Lane Weekly."),
        ("Fox Valley News", "Check out what's trending on FoxValleyNews.com."),
        ("The Valley Tribune", "Read The Valley Tribune's full coverage of the vote here."),
        # the name without its `Online`
        ("Lubombo Times Online", "Lubombo Times is now on WhatsApp and Telegram."),
    ],
)
def test_a_sentence_about_the_outlet_itself_goes(source: str, line: str) -> None:
    result, body = cleaned(line, source)
    assert result.kept == body
    assert [r.rule for r in result.removed] == ["kind:self_description"]


def test_arabic_asks_to_follow_the_outlet_by_its_name() -> None:
    line = "يمكنكم متابعة صدى الميناء على فيسبوك وإكس ويوتيوب"
    result, body = cleaned(line, "صدى الميناء", arabic=True)
    assert result.kept == body
    assert [r.rule for r in result.removed] == ["kind:self_description"]


def test_the_outlet_s_sentence_goes_and_the_story_s_stays() -> None:
    line = (
        "Harbour FM is run entirely by volunteers. The station's new mast was paid for by "
        "a lottery grant, the chairman said."
    )
    result, body = cleaned(line, "Harbour FM")
    assert result.kept[2] == (
        "The station's new mast was paid for by a lottery grant, the chairman said."
    )


@pytest.mark.parametrize(
    ("source", "line"),
    [
        # the same words about another name: a story's
        ("Harbour FM", "Tidewater Ferries is part of the Northern Shipping Group."),
        ("Harbour FM", "The lifeboat station is run entirely by volunteers."),
        # the outlet named in a story's sentence that is no notice
        ("Harbour FM", "Harbour FM broadcast the council meeting live on Tuesday."),
        ("Bytewell", "Bytewell tested the headset for two weeks, mostly on long train journeys."),
        # reported speech naming the outlet, and a link into its site (wire copy's own ending)
        ("Valley Tribune", "Watch the debate in full, the Valley Tribune reported."),
        ("APNews", "Follow AP’s climate coverage at https://apnews.com/climate-and-environment"),
        # no source known: nothing to compare with
        (None, "The Quayside Echo is part of Tidewater Media Group Ltd."),
    ],
)
def test_other_names_and_other_sentences_stay(source: str | None, line: str) -> None:
    result, body = cleaned(line, source) if source else cleaned(line, "")
    assert result.kept == [*body[:2], line, body[2]]
