"""What blind sets 254 to 257 showed, written here in other words: labels and buttons glued
inside a sentence that stays, and the story's sentences that share their words.

- a continue label that took the next sentence's first word with it (`Story continues below
  The pilot ...` lost `The`), and one that ends with `this message`;
- a capitalised sign-up for the outlet's letter, a shop button and a `Click here` between
  two words of a sentence (after a comma or a number too);
- `Also Watch: <headline>` between two sentences;
- a picture credit in brackets that says `Photo Credit:` (the cut left `(Photo)`);
- Arabic: a follow prompt (`تابعينا على إنستغرام`), a read-more label between two words, a
  continue-reading label between two sentences, a picture credit in brackets.

And lines of boilerplate the sets kept: an affiliate note that names the links, a player
naming its piece (`Listen to this investigation: 12:40`), a passive republishing licence, an
embed's `Loading <platform> content`, and delayed quotes in Arabic.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The skipper told the inquiry he had been 'checking the forecast hourly.' Story "
            "continues below The crew had sailed the route forty times.",
            "The skipper told the inquiry he had been 'checking the forecast hourly.' The crew "
            "had sailed the route forty times.",
        ),
        (
            "The warden said the gate code was changed on Monday. Article continues after this "
            "message Volunteers will staff the car park at weekends.",
            "The warden said the gate code was changed on Monday. Volunteers will staff the car "
            "park at weekends.",
        ),
        (
            "Eleven boil-water notices remain in force Subscribe to our morning briefing across "
            "the northern townships.",
            "Eleven boil-water notices remain in force across the northern townships.",
        ),
        (
            "The Halden 7 sells for $649 Check price at GadgetBarn and ships with a charger.",
            "The Halden 7 sells for $649 and ships with a charger.",
        ),
        (
            "Tickets cost €15 Click here for the festival map and under-fives go free.",
            "Tickets cost €15 and under-fives go free.",
        ),
        (
            "The councillor said the drains had not been cleared since spring. Also Watch: "
            "Floodwater cuts off two villages The council rejected the claim.",
            "The councillor said the drains had not been cleared since spring. The council "
            "rejected the claim.",
        ),
        (
            "The couple married at a lakeside lodge in Jinja (Photo Credit: Instagram/@amara_k) "
            "on Sunday, with forty guests.",
            "The couple married at a lakeside lodge in Jinja on Sunday, with forty guests.",
        ),
        (
            "وتنصح الطبيبة بشرب الماء بانتظام، تابعينا على إنستغرام وتجنب المشروبات المحلاة.",
            "وتنصح الطبيبة بشرب الماء بانتظام، وتجنب المشروبات المحلاة.",
        ),
        (
            "ويساعد النوم الكافي على خفض ضغط اقرئي المزيد الدم لدى البالغين.",
            "ويساعد النوم الكافي على خفض ضغط الدم لدى البالغين.",
        ),
        (
            "وقالت الجمعية إن المخزون يكفي حتى نهاية الشهر. تابع القراءة أسفل الإعلان "
            "ودعت المتطوعين إلى التسجيل في مراكزها.",
            "وقالت الجمعية إن المخزون يكفي حتى نهاية الشهر. ودعت المتطوعين إلى التسجيل في مراكزها.",
        ),
        (  # at a sentence's start the prompt is its own sentence, and goes whole
            "وافتتحت البلدية حديقتين جديدتين في الحي الشرقي. تابعونا على إنستغرام لمعرفة "
            "مواعيد الفعاليات.",
            "وافتتحت البلدية حديقتين جديدتين في الحي الشرقي.",
        ),
        (
            "وأكد أن فرق الإنقاذ (الصورة: الدفاع المدني) انتشلت ثلاثة أشخاص من تحت الأنقاض.",
            "وأكد أن فرق الإنقاذ انتشلت ثلاثة أشخاص من تحت الأنقاض.",
        ),
    ],
)
def test_the_glued_label_is_cut_and_the_sentence_stays(line: str, expected: str) -> None:
    result = clean_blocks([line], RULES)
    assert result.kept == [expected], result.removed


@pytest.mark.parametrize(
    "line",
    [
        "The story continues below the surface, where divers found the second wreck.",
        "Residents can sign up for our free flood alerts at the library, the mayor said.",
        "She told shoppers to check prices at several stores and compare the labels.",
        "Click here, the instructor said, and the form opens on the second screen.",
        "Also watch for black ice on the mountain pass, the road agency said.",
        "The exhibition shows photos, credits and letters from the 1950s tour.",
        "ونصحهم المعلم بأن اقرأوا المزيد من الكتب خلال العطلة الصيفية.",
        "وقال المدرب إنه تابع القراءة أسفل الشجرة مع طلابه حتى المساء.",
        "وتابع اللاعبون على الشاشة العملاقة المباراة النهائية في الساحة.",
    ],
)
def test_the_story_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Some links in this guide are affiliate links.",
        "Listen to this feature: 08:15",
        "Listen to this analysis | 6 min",
        "It can be republished for free.",
        "Loading Instagram content",
        "Loading TikTok post…",
        "بيانات التداول متأخرة 20 دقيقة على الأقل.",
    ],
)
def test_the_boilerplate_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The links in this chain are sponsored by local firms, the organisers said.",
        "Listen to this interview with the mayor, the opposition urged, before voting.",
        "The photos can be republished for free, the museum said, if the archive is credited.",
        "Loading external content was slow during the outage, engineers said.",
        "وقال إن الأسعار متأخرة عن السوق العالمية بنسبة 15 في المئة.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
