"""What blind set 241 (promos in an outlet's house voice) and blind pages 11 showed, written
here in other words: a promo's link left between or after its pitches, a commission note with
a joke in it and its `never changes what we recommend`, a photographer and the outlet's
files, an Arabic font-size bar, members who `see the full` thing, comment prompts (`Sound
off below`), alert services (`we'll ping you when`), reading-list asks, calls for pitches,
an open tip line, Arabic bell, rating, kiosk and newsletter asks. And the story's sentences
that share their words, which stay: a review's product named `... Pro`, a library whose
membership is free, reported subscriptions and a magazine's print run in Arabic."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
)

RULES = load_noise_rules(None)  # with the pitch model: the link rule reads its cuts


@pytest.mark.parametrize(
    "line",
    [
        "Kit we link to may earn us a modest, biscuit-sized commission. It never changes what "
        "we recommend.",
        "Sam Okoro/Kelby Times files",
        "حجم الخط أ+ أ-",
        "Flood risk: high — premium members see the full street-by-street map",
        "Who should the club sign next? Sound off below, and keep it civil.",
        "Our fares bot tracks the ferry prices. Set a watch and we'll email you the moment "
        "they fall.",
        "Busy? Save this article to your reading list and finish it at lunch.",
        "Run a community project like this? We'd love to feature it, so pitch us in a few lines.",
        "Our tip line is always open, day or night.",
        "لتصلك الأخبار قبل الجميع.. فعّل التنبيهات واضغط على أيقونة الجرس",
        "شو رأيك بالمقال؟ قيّمه من نجمة إلى خمس",
        "العدد الجديد من «المنارة» في الأكشاك اليوم.. لا تفوتوه!",
        "بتحب الكورة؟ واحنا كمان ⚽ اشترك في نشرتنا البريدية كل جمعة",
    ],
)
def test_the_promo_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "If you want a light laptop with a bright screen and a long battery, the Corvel Air "
        "Pro is easy to recommend, especially on sale.",
        "Membership is free for anyone who lives in the parish. Borrowers can take out up to "
        "five tools a week, and most of the stock was donated.",
        "وقال رئيس النقابة إن أكثر من 500 صياد اشتركوا في النشرة خلال شهرها الأول.",
        "وتطبع الصحيفة ثلاثة آلاف نسخة توزع على المكتبات في المدن كافة.",
        "Members see the full accounts only at the annual meeting, the treasurer said.",
        "The hospital's tip line is open to staff who want to report concerns anonymously, "
        "the trust said.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_promos_link_between_its_pitches_goes_with_them() -> None:
    line = (
        "You're reading a free guide. Want the rest? Members get every map, plus our "
        "printable checklists."
    )
    assert_removed_from_flood_story(line, RULES)
