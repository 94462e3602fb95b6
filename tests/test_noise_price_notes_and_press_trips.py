"""A travel outlet's price notes and press-trip disclosures (noise set 322): fares "correct at
time of print", "the lowest we found at the time of writing", "live when we hit publish", and
an Arabic writer's "we were hosted by ... during this trip". The story's own fares, prices
at the time of an announcement and hosts stay. Made-up wording, written apart from the
labelled sets."""

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
    ],
)
def test_a_price_note_or_press_trip_disclosure_leaves_the_story(line: str) -> None:
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
    ],
)
def test_the_storys_own_fares_and_hosts_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
