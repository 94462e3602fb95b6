"""What the blind noise sets 298-299 showed (session 39): a reader-funding appeal glued after a
story's paragraph took the paragraph with it, an archive picture's mark glued before the
story's Arabic sentence took the sentence, a sentence telling what someone told an inquiry
went to the captions for the credit glued after it, and notes in brackets inside a sentence
(an agency's picture credit, a commission note, a channel's promo) stayed; then a
broadcaster's note on when a segment aired, a player's loading line, an investment
disclaimer, a bracketed disclaimer and a tip line. Each shape is written here in other words,
with the story lines next to it that must stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)
STORY = "The harbour reopened on Monday after a week of repairs to the sea wall, the council said."


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "The bridge closes for a month from Friday. We have no paywall and no billionaire "
            "owner, so it only works when enough people reading this chip in.",
            "The bridge closes for a month from Friday.",
        ),
        (
            '"It is a long detour for everyone," she said. We take no money from advertisers '
            "and our readers support every story we publish.",
            '"It is a long detour for everyone," she said.',
        ),
    ],
)
def test_an_appeal_glued_after_the_story_goes_and_the_story_stays(line: str, story: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY, story]


def test_a_paragraph_that_is_only_an_appeal_still_goes() -> None:
    line = (
        "We have no paywall and no shareholders. If you value what we do, please chip in "
        "and support our journalism today."
    )
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


def test_an_archive_mark_before_the_story_sentence_is_cut() -> None:
    line = "صورة أرشيفية وقال المدير إن المدرسة ستفتح أبوابها الأسبوع المقبل بعد الترميم."
    assert clean_blocks([line], RULES).kept == [
        "وقال المدير إن المدرسة ستفتح أبوابها الأسبوع المقبل بعد الترميم."
    ]


def test_an_archive_caption_still_goes() -> None:
    assert clean_blocks([STORY, "صورة أرشيفية لميناء الصيد في المدينة"], RULES).kept == [STORY]


def test_what_someone_told_an_inquiry_is_the_story_not_a_caption() -> None:
    line = "The owner told the hearing that the lorry had failed its test in 2022.Photo: Archive"
    result = clean_blocks([line], RULES)
    assert result.kept == ["The owner told the hearing that the lorry had failed its test in 2022."]
    assert not result.captions


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "Residents said (EPA Photo) the water had risen within an hour.",
            "Residents said the water had risen within an hour.",
        ),
        (
            "Keep your keys offline and (Ledgerline may earn a commission if you sign up "
            "through our links.) check every address twice, the adviser said.",
            "Keep your keys offline and check every address twice, the adviser said.",
        ),
        (
            "وأكد المزارعون أن الأسعار (تابعوا آخر الأخبار على قناتنا في واتساب) ارتفعت هذا "
            "الموسم.",
            "وأكد المزارعون أن الأسعار ارتفعت هذا الموسم.",
        ),
    ],
)
def test_a_note_in_brackets_inside_a_sentence_is_cut(line: str, kept: str) -> None:
    assert clean_blocks([line], RULES).kept == [kept]


def test_a_title_in_brackets_stays() -> None:
    line = "The exhibition (Winter Pictures) runs at the town gallery until March."
    assert clean_blocks([line], RULES).kept == [line]


@pytest.mark.parametrize(
    "line",
    [
        "This interview aired on March 3, 2026.",
        "Video Player is loading. Play Video Play Mute Current Time 0:00 / Duration 2:41",
        "Nothing on Coinwire is investment advice. Do your own research before you buy.",
        "(Disclaimer: The views expressed by the analysts are their own and not the paper's.)",
        "Photos, videos, tips: WhatsApp the newsroom on 555 0199.",
        "جميع المواد المنشورة على موقع إذاعة الساحل الجنوبي ملك للإذاعة ولا يجوز نقلها دون إذن.",
    ],
)
def test_notes_of_the_outlet_go(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "The interview aired on Monday and drew hundreds of complaints within hours.",
        "Nothing in the report suggests the council knew about the leak, the inspector said.",
    ],
)
def test_story_lines_like_them_stay(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]


@pytest.mark.parametrize(
    "line",
    [
        "Your registration has been confirmed.",
        "For all the latest local news and weather, watch Harbour TV live on the Harbour app.",
    ],
)
def test_a_form_state_and_a_latest_news_promo_go(line: str) -> None:
    """Set 300 (session 39): a sign-up form's success line and a latest-news promo that
    tells the reader to stream or watch."""
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


def test_a_request_the_story_reports_stays() -> None:
    line = "Her request was received by the ministry on Monday, officials said."
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]


def test_also_on_the_outlet_glued_to_its_headline_goes() -> None:
    """Blind pages round 45: the label, the outlet's name and its linked headline with no
    space between them; `Also on the agenda ...` and `Also on Monday, ...` are the story's."""
    line = "Also on Lakeside 7Ferry fares to rise in spring as fuel costs climb"
    story = ["Also on the agenda was a vote on the library.", "Also on Friday, the pier reopened."]
    assert clean_blocks([STORY, line, *story], RULES).kept == [STORY, *story]
