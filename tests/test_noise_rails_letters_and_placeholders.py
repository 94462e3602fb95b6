"""What blind sets 349-357 and pages round 84 left, written here in other words: a rail's label and
the headline it links behind an arrow, related lines naming the outlet, why-this-ad and view-in-
browser links, a player blocked until cookies are allowed, calls for letters, channel alerts
with a count of readers, keep-it-alive donation asks, a wire's notes to editors, a syndicated
copy's not-edited note, forwarded-email prompts; in Arabic the related and read-next labels, a
player loading, an issue's other pieces, cookie placeholders and rights lines. Story lines that
share their words stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "Read next → How the river gauge works and why it matters",
        "More from the Post → Five streets that flood first",
        "Related from the Harbour Post: Sandbag myths, busted",
        "Why am I seeing this advert?",
        "Having trouble viewing this email? View it in your browser.",
        "Map blocked — allow marketing cookies to see the flood zones.",
        "Tell us what you think — write to the letters desk, 200 words at most.",
        "Write to us: the best letter each week wins a rain jacket.",
        "Get flood alerts on WhatsApp. Join 12,000 neighbours.",
        "Keep local reporting alive: donate to the Harbour Post today.",
        # a broadcaster's embed, its skip link, notice and end on one line (pages round 84)
        "Skip twitter post by Harbour Watch. The Post is not responsible for the content of "
        "external sites. End of twitter post by Harbour Watch",
        "Eds: ADDS council statement in paragraph 4; UPDATES river level.",
        "(This report has not been edited by Harbour Post staff and is auto-generated from a "
        "syndicated feed.)",
        "Note: This article has been published from a news agency feed without changes.",
        "Forwarded this email? Sign up for the Tideline here.",
        "على صلة: كيف تحمي منزلك من مياه الفيضانات؟",
        "اقرأ التالي: أين تقع الأحياء الأكثر عرضة للغرق؟",
        "جاري تحميل المشغل...",
        "اقرأ في هذا العدد كذلك:",
        "خريطة تفاعلية — يرجى قبول ملفات تعريف الارتباط لعرضها.",
        "جميع المواد المنشورة على بوابة الساحل محمية بموجب قانون حقوق النشر.",
    ],
)
def test_the_outlets_lines_go(line):
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Buses will run Harbour Street → Station Road while the bridge is shut.",
        "Related from the start, the two flood claims were heard together.",
        "With files from The Coastal Press",  # a wire's credit is the story's, as fundus marks it
        "The council said residents could write to the flood inquiry until Friday.",
        "Volunteers kept the shelter going through the night with donated blankets.",
        "Residents can get flood alerts from the council by text message, the mayor said.",
        "Eds at the paper said the harbour story would lead the weekend edition.",
        "The council said the report had not been edited by its own staff before it was sent.",
        "وقال المهندس إن على صلة وثيقة بين انسداد المجاري وارتفاع المياه.",
    ],
)
def test_look_alikes_stay(line):
    assert_kept_in_flood_story(line, RULES)
