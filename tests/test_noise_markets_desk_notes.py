"""A markets desk's own notes (noise set 324): a quote delay with its `Market data as of`
stamp, a desk's sponsor named after the outlet, an Arabic investment disclaimer under the
outlet's own name and an Arabic `the copy goes on after the advert`; a think tank's funding
note in its own voice, an op-ed's starred note on its writer and a wire's `يتبع...` (set 325).
The story's delays, sponsors, funders, writers and adverts stay. Made-up wording, written apart
from the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Quotes delayed a minimum of 20 minutes. Market data as of 4:05 p.m. ET.",
        "Prices delayed by at least 15 minutes.",
        "Harbour Ledger’s energy coverage is supported by Tidewater Cables.",
        "Our markets newsletter is sponsored by Northgate Bank.",
        "بوابة الساحل غير مسؤولة عن أي قرارات استثمارية تتخذ بناء على هذا المحتوى.",
        "يتبع بعد الإعلان",
        "Harbour Policy Forum receives funding from foundations and industry. A full list of our "
        "funders is published on our website.",
        "* الكاتبة باحثة في شؤون الطاقة ومستشارة سابقة",
        "*The writer is a former ambassador to the region.",
        "يتبع...",
    ],
)
def test_a_markets_desks_own_note_leaves_the_story(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The exchange said trading was delayed by 15 minutes after a fault in the matching engine.",
        "The barrier project is supported by a grant from the regional development fund.",
        "وقالت الهيئة إن المستثمرين يتحملون مسؤولية قراراتهم الاستثمارية.",
        "وقالت الشركة إن حملة الإعلان ستستمر حتى نهاية العام.",
        "The hospital receives funding from the state and the council, its director said.",
        "وقال الكاتب إن الرواية تستحق القراءة رغم طولها.",
    ],
)
def test_the_storys_own_delays_sponsors_and_adverts_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
