"""A travel outlet's price notes and press-trip disclosures (noise set 322): fares "correct at
time of print", "the lowest we found at the time of writing", "live when we hit publish", and
an Arabic writer's "we were hosted by ... during this trip"; a tech outlet's deal widget under
its `DEAL:` label, an Arabic Discord invitation and "don't forget to share the article" (set
323). The story's own fares, hosts, deals, servers and sharing stay. Made-up wording, written
apart from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "All fares in NZD, per person twin share and correct at time of print.",
        "Prices quoted are the lowest we found at the time of writing; dates may vary.",
        "Deals shown were live when we hit publish and may vanish without notice.",
        "Fares were correct when we went to press and may have changed since.",
        "استضافتنا إدارة منتجع الرمال خلال هذه الرحلة، ولم تطلع على المقال قبل نشره.",
        "استضافنا مكتب السياحة في المدينة أثناء الزيارة على نفقته.",
        "DEAL: The Harbour X2 headphones are $60 off this week at two retailers.",
        "Deal alert: the Tidewater tablet drops to its lowest price yet.",
        "انضم إلى مجتمع الساحل على ديسكورد وتابع البث المباشر مع آلاف المشجعين",
        "لا تنسوا مشاركة الخبر مع أصدقائكم!",
    ],
)
def test_an_outlets_price_note_disclosure_or_promo_leaves_the_story(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # fares and prices the story reports
        "The airline said fares on the route were correct at the time of the announcement.",
        "Return fares found by passengers last week were twice what the ferry company quoted.",
        "Prices were live on the booking site for two hours before the fault was found.",
        "Rates were current when the board met in March, the treasurer said.",
        # hosts the story reports
        "استضافت المدينة خلال هذه الرحلة وفدا من وزراء السياحة العرب لبحث خطة الموسم.",
        "وقال المدير إن الفندق استضاف أكثر من ألف زائر في الشهر الماضي.",
        # deals, servers and sharing the story reports
        "The deal: the council will pay $60 million over five years for the new flood barrier.",
        "The studio said players had joined its Discord server in their thousands overnight.",
        "وقال المطور إن آلاف اللاعبين انضموا إلى سيرفر اللعبة على ديسكورد خلال يوم واحد.",
        "وقالت الوزيرة: «لن ننسى مشاركة المتطوعين في إنقاذ المدينة».",
    ],
)
def test_the_storys_own_fares_hosts_and_deals_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
