"""A link label with its headline, or a follow-us line, glued before a story's sentence with
no stop between them; standings rows; an ad label before a noun it heads: shapes noise set 289
showed lost or wrongly cut (newsbot/cleaning/clean.py, settings/noise_kinds.toml), written in
other words here, with the look-alikes that stay whole or go whole."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)


@pytest.mark.parametrize(
    ("line", "kept", "rule"),
    [
        (
            "CLICK HERE TO READ: Ferry operators warn of winter timetable cuts The barrier's "
            "second gate, which weighs 40 tonnes, will be lowered for the first time in March.",
            "The barrier's second gate, which weighs 40 tonnes, will be lowered for the first "
            "time in March.",
            "kind:call_to_action",
        ),
        (
            "READ ALSO: Harbour board names new chief after a year of delays Contractors, who "
            "began work in 2023, said the last section would be finished by the summer.",
            "Contractors, who began work in 2023, said the last section would be finished by "
            "the summer.",
            "kind:label_and_link",
        ),
        (
            # a headline in sentence case with a name in it: the split is where a capital
            # opens a sentence, not where a name stands
            "ALSO READ: Mill owners meet Ravensby engineers over river levels The meeting, "
            "held in the town hall, ended without an agreement on the cost.",
            "The meeting, held in the town hall, ended without an agreement on the cost.",
            "kind:widget",
        ),
        (
            "تابعونا على إكس وإنستغرام أعلنت البلدية أن الحاجز سيغلق مرة أخرى خلال عاصفة نهاية "
            "الأسبوع، بعد أن ارتفع منسوب النهر.",
            "أعلنت البلدية أن الحاجز سيغلق مرة أخرى خلال عاصفة نهاية الأسبوع، بعد أن ارتفع "
            "منسوب النهر.",
            "kind:call_to_action",
        ),
    ],
)
def test_a_label_glued_before_a_story_sentence_is_cut_and_the_sentence_stays(
    line: str, kept: str, rule: str
) -> None:
    result, body = clean_in_flood_story(line, RULES)
    assert result.kept == in_story(body, kept), result.removed
    assert [r.rule for r in result.removed] == [rule]


@pytest.mark.parametrize(
    "line",
    [
        # a follow-us line whose tail is its own purpose, however long
        "Follow us on Facebook, Twitter and Instagram for the latest news, updates, photos and "
        "videos from across the region every day.",
        "Sign up to our newsletter Morning Tide Get the top stories in your inbox every day, "
        "plus our best analysis.",
        "تابعونا على تلغرام لتصلكم آخر الأخبار العاجلة أولا بأول",
        "تابعونا على فيسبوك وتويتر ويوتيوب لمعرفة آخر الأخبار والتحديثات والتقارير الخاصة من "
        "مراسلينا في كل مكان.",
        "تابعونا على تلغرام حتى تصلكم أخبار الطقس والفيضانات في المنطقة أول بأول.",
        # a row of links
        "Home | News | Sport | Weather",
    ],
)
def test_the_whole_notice_still_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # a standings table's rows: the team, then its figures
        "Millford Rovers | P 18 | W 11 | D 4 | L 3 | Pts 37",
        "النجمة | لعب 14 | فاز 9 | تعادل 3 | خسر 2 | النقاط 30",
        "Adults £9 | Over-65s £6 | Under-5s free",
        # an announcement: the word heads a noun that opens with و
        "وقال المهندس إن الحاجز جاهز. إعلان وزارة البيئة عن الخطة جاء بعد أسبوع من العاصفة.",
        "وقال المهندس إن الحاجز جاهز. إعلان وقف الأشغال جاء بعد أسبوع من العاصفة.",
    ],
)
def test_rows_of_figures_and_announcements_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_an_ad_label_before_a_clause_is_still_cut() -> None:
    line = "وقال المهندس إن الحاجز جاهز. إعلان وأوضح أن الاختبار التالي في مايو."
    result, body = clean_in_flood_story(line, RULES)
    assert result.kept == in_story(
        body, "وقال المهندس إن الحاجز جاهز. وأوضح أن الاختبار التالي في مايو."
    )
