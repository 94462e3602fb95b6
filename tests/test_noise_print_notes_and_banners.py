"""Notes of outlets that began in print, players, consent banners and a share bar glued into
a sentence: shapes noise set 290 and blind site round 37 showed kept (settings/noise_kinds.toml,
settings/noise.toml), written in other words here; and the story's sentences that share their
words and stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import (
    FLOOD_BARRIER,
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)


@pytest.mark.parametrize(
    "line",
    [
        "Tide tables and the harbour master's notices are on the back page.",
        "Pin this newsletter on the fridge: the depot's phone numbers never change.",
        "Printed on recycled paper.",
        "When you have finished with this copy, please pass it on to a neighbour.",
        "Place your brand in front of 40,000 boat owners — call the advertising desk.",
        "Harbour Hour — the week's sailing news, weekdays at 7.15 on Estuary FM and online.",
        "Psalms reproduced under CCLI licence 55021.",
        "Reproduced under licence; onward distribution prohibited.",
        "Estuary Growers Ltd is a registered society, No. 4471R.",
        "Boat insurance is arranged by Quayside Brokers, who may pay the bulletin a fee.",
        "Forward to a colleague on the harbour board ✉",
        "Every lock closure reaches your phone first — search for Estuary Alerts in the app store.",
        "The Barrier Files, episode 9: 'Who pays for the gates?' — 31 min ▶",
        "A video from the mill's page would appear here. It needs social-media cookies, and "
        "you have turned those off.",
        "This site counts visits to learn which stories get read. Fine by me | Tell me more",
        "— فضاء إشهاري —",
        "التقرير الكامل عن الحاجز في عدد الأحد المطبوع — في المكتبات ومحطات الوقود",
        "النسخة الورقية تصل إلى بيتك كل جمعة — 20 ريالاً في السنة",
        "Have a question about the barrier? Let us know via our reader questions form.",
    ],
)
def test_the_notice_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The minutes are on the back page of the report, the clerk said.",
        "The hospice is a registered charity that opened in 1990.",
        "It is free to download from the App Store and Google Play.",
        "Parents who download the app from the Apple store will get alerts, the school said.",
        "The new pumping station would sit here, between the river and the mill.",
        "The fee rise was approved by members, who may pay the new rate in two instalments.",
        "Forward planning is needed before the next storm, the mayor said.",
        '"Let us know via the form," the council said.',
    ],
)
def test_the_story_sentence_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_share_bar_glued_inside_a_sentence_is_cut() -> None:
    line = (
        "Engineers will publish the results, and all readings Pass it on: Email · LinkedIn · "
        "Copy link will be kept for ten years."
    )
    result, body = clean_in_flood_story(line, RULES)
    kept = "Engineers will publish the results, and all readings will be kept for ten years."
    assert result.kept == in_story(body, kept), result.removed


def test_a_read_more_label_with_a_colon_takes_its_headlines_questions_too() -> None:
    lines = [
        "Read more from Estuary News:",
        "Ferry fares to rise again next spring",
        "Why are so many lock gates failing this autumn?",
    ]
    result, body = clean_in_flood_story("\n".join(lines), RULES)
    assert result.kept == body, result.removed


def test_a_broadcasters_desk_described_as_its_service_goes_and_rebroadcast_terms_too() -> None:
    body = [
        "The river authority opened a new flood barrier at the old mill on Friday.",
        "Estuary News is a service of the Estuary Broadcasting Trust, a statutory body.",
        "Member stations may rebroadcast this report with attribution.",
        "The ferry link is a service of the regional council, which pays for it.",
    ]
    result = clean_blocks(body, RULES, source="Estuary Broadcasting Trust")
    assert result.kept == [body[0], body[3]], result.removed


def test_a_name_in_brackets_after_a_long_sentence_is_a_sign_off_not_a_caption() -> None:
    sign_off = (
        "The agency asked residents to stay away from the harbour until further notice and to "
        "check its official page for updates on the barrier and the ferries. (Jonah Sarmiento)"
    )
    caption = "Sandbags stacked by the mill gate. (Owen Trask)"
    result = clean_blocks([*FLOOD_BARRIER, sign_off, caption], RULES)
    assert result.kept == [*FLOOD_BARRIER, sign_off.removesuffix(" (Jonah Sarmiento)")]
    assert result.captions == ["Sandbags stacked by the mill gate."]


@pytest.mark.parametrize(
    "line",
    ["Artikel ini dilanjutkan di bawah iklan", "Publicitat", "ڕیکلام", "Llegeix també: El pantà"],
)
def test_more_languages_ad_and_read_also_labels_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (
            "Sandbags by the mill gate on Tuesday. | BLOOMBERG",
            "Sandbags by the mill gate on Tuesday.",
        ),
        (
            "Engineers inspect the barrier's second gate. - ESTN/MOHD ARIF HAMZAH",
            "Engineers inspect the barrier's second gate.",
        ),
    ],
)
def test_a_credit_in_capitals_after_a_bar_or_a_dash_ends_a_caption(line: str, caption: str) -> None:
    result = clean_blocks([*FLOOD_BARRIER, line], RULES)
    assert result.kept == FLOOD_BARRIER
    assert result.captions == [caption]


@pytest.mark.parametrize(
    "line",
    [
        "Full regatta results, including the junior classes, are in this week's print edition.",
        "This story also appears on page 5 of this week's paper.",
        "Keep the Estuary Ledger independent: readers who chip in from €3 a month make it work.",
        "Catch the Estuary Evening Bulletin at 7pm on Estuary TV and 89.4 FM.",
        "CPD-ready: this article counts towards 15 minutes of your annual learning log.",
        "Estuary Broadcasting Ltd owns the rights to this report and its audio.",
        "Tide tables reproduced by permission.",
        "Hear this story · 3:12 · Voiced by Ledger Audio",
        "Text ESTUARY to 888-777 for lock closures.",
        "This release was posted by the Estuary Authority's press office.",
        "The Estuary Ledger uses cookies and similar tools on this page.",
        "Residents can report flooding on 0800 000 111, option 3 Like us on Facebook for updates",
        "نسخة «المرفأ» الورقية كاملة بصيغة PDF كل صباح متاحة للمشتركين عبر تطبيق الصحيفة",
        "اقرأ في عدد اليوم: ملحق عن البيوت القديمة في الأحياء الشمالية",
    ],
)
def test_set_292s_notices_go(line: str) -> None:
    result, body = clean_in_flood_story(line, RULES)
    kept = [k for k in result.kept if k not in body]
    assert kept in ([], ["Residents can report flooding on 0800 000 111, option 3"]), result.removed


@pytest.mark.parametrize(
    "line",
    [
        "The statement was issued by the police on Monday after the arrest.",
        "Keep the river clean, the volunteers urged, and pick up your litter.",
        "Catch the Northern Line at 7pm on Monday, officials said.",
        "The results are in this week's report, the council said.",
        "The letter, reproduced with permission, shows the council knew about the leak.",
    ],
)
def test_set_292s_look_alikes_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "goes"),
    [
        ("Unlimited online access to articles from across the region with one account.", True),
        ("Exclusive articles from reporters across the estuary.", True),
        ("Unlimited access to the park will cost $20, officials said.", False),
        ("Unlimited puzzles and lessons", False),
        ("Full access to the beach was restored on Monday.", False),
    ],
)
def test_a_subscription_boxs_benefits_go_and_a_storys_access_stays(line: str, goes: bool) -> None:
    if goes:
        assert_removed_from_flood_story(line, RULES)
    else:
        assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "Support independent journalism. The Estuary Ledger is free to read because members "
            "like you chip in – become a Ledger Insider today. Harbour FM, a community station "
            "that has broadcast for 26 years, says it could go off air by September.",
            "Harbour FM, a community station that has broadcast for 26 years, says it could go "
            "off air by September.",
        ),
    ],
)
def test_a_story_sentence_glued_after_a_notice_of_several_sentences_stays(
    line: str, story: str
) -> None:
    result, body = clean_in_flood_story(line, RULES)
    assert result.kept == in_story(body, story), result.removed


@pytest.mark.parametrize(
    "line",
    [
        "Arrow MORE: Ferry firm confirms second winter timetable after record summer",
        "Have something to add to the story? Share it in the comments below.",
    ],
)
def test_a_tabloids_more_label_and_a_comment_prompt_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


def test_more_in_capitals_inside_a_sentence_stays() -> None:
    assert_kept_in_flood_story("He wanted MORE: more money, more time.", RULES)
