"""A newsletter edition's furniture (greeting, sponsor, markets fine print, reply asks,
sign-off), keep-across-it-live promos, gifts "of any size", fact-checkers' programme notes,
shop buttons, third-party player placeholders and read-more links glued after a quote:
shapes blind sets 228-229 showed missed, written in other words here; and the story's
sentences that share their words, and the piece's credits, which stay."""

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


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # a newsletter edition
        "Hello. You're reading the Quayside Weekly Digest. Did a friend forward this? Get your "
        "own copy every Friday, free.",
        "This issue is sponsored by Fennick Bank.",
        "The value of investments can go down as well as up. Your capital is at risk.",
        "Quotes are delayed by up to 20 minutes. Source: Harbourline Data.",
        "Nothing on this page constitutes financial advice. Harbourline is not licensed to "
        "provide investment advice.",
        "Just reply to this email if you have a question about the rate decision.",
        "We publish a selection in next week's newsletter.",
        "That's it for this week. See you same time next week.",
        # live pages, alerts, gifts
        "Storm Iona: stay across every update on our live page and on Coast FM from 7am.",
        "Choose the streets you follow and we'll alert you whenever a roadworks notice goes up.",
        "Like what we do? A monthly gift, big or small, keeps the Ledger independent.",
        "Enjoy these checks? Help us keep doing this work with a contribution today.",
        # fact-checkers, wires, buttons, players
        "This check was carried out under our partnership with an independent review programme.",
        "Read about how we choose which claims to check.",
        "How our ratings work",
        "Check availability at Hollis",
        "Embedded content from an external provider. To play the clip, accept social media "
        "cookies.",
        "Comments will be moderated in line with our house rules. Be kind to each other.",
        "Want our weekly pick of the best walks? Just tell us where to send it.",
        # Arabic
        "كونوا على اطلاع بآخر الأخبار عبر صفحاتنا على مواقع التواصل الاجتماعي",
        "تابعوا تغطيتنا الخاصة للانتخابات على شاشة القناة ابتداء من السابعة مساء",
    ],
)
def test_the_outlets_own_line_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The fund warned clients in a letter that their investments could fall sharply.",
        "Prices at the pump were delayed by the strike, the drivers' union said.",
        "The regulator said the firm is not authorised to give financial advice.",
        "Residents who reply to the council's email by Friday will get a permit first.",
        "The report was put together by six students over two summers.",
        "That's all for today, the minister told reporters as she left the chamber.",
        "Crews will stay across the estuary overnight to watch the water level.",
        "The school said it would email parents whenever the bus timetable changes.",
        "Any gift of any size will go to the lifeboat appeal, the organisers said.",
        "The fact check found the claim was false.",
        "Edited by hand, the old maps show the river further east.",
        "Good morning, the mayor said, opening the meeting at eight.",
        "The band's manager said she would check the price of the venue with the council.",
        "Reporting by local papers in the 1950s described the same flooding.",
        # the piece's credits stay, as real pages' marked bodies keep them (`attribution`)
        "Reporting by Ana Rusu; Additional reporting by Tom Vale; Editing by Lia Moss",
        "This morning's briefing was compiled by Ana Rusu in Bucharest. Edited by Tom Vale.",
        "وقالت البلدية إن السكان سيبقون على اطلاع بالأعمال عبر رسائل نصية.",
        "وتابعت الوزارة تغطية الأضرار في القرى المتضررة.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "left"),
    [
        (
            "The minister said the list was “a first draft”. Watch: the minister on Coast "
            "Tonight (4 mins) She said no stop would close before the spring.",
            "The minister said the list was “a first draft”. She said no stop would close "
            "before the spring.",
        ),
        (
            "Forms are available at every branch library.Content is not available.",
            "Forms are available at every branch library.",
        ),
        (
            "He said: “We were never told. Nobody asked us.”READ MORE: Ferry timetable cut again",
            "He said: “We were never told. Nobody asked us.”",
        ),
        (
            "وأعلنت الوزارة النتائج في بيان (يفتح الرابط في نافذة جديدة) مساء الأحد.",
            "وأعلنت الوزارة النتائج في بيان مساء الأحد.",
        ),
    ],
)
def test_a_glued_label_is_cut_and_the_copy_stays(line: str, left: str) -> None:
    result, body = clean(line)
    assert result.kept == in_story(body, left), result.removed
