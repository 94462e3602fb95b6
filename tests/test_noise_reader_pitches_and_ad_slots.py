"""Pitches that never say "subscribe" (what members get before anyone else, a pass and its
monthly price, a newsletter delivered free), comment prompts and polls, an ad slot's
"continued after" marker, a blog's reply form, a player's button with its length, licence
and reproduction notices, picture credits in capitals or ending "used with permission",
Arabic booking and bank ads, and the bare Arabic ad label after a definite noun: shapes
blind sets 214-227 showed missed or wrongly cut, written in other words here; and the
story's sentences that share their words and stay."""

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


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # an ad slot's marker, a reply form, a comment prompt, a poll, a player
        "Story continued after advertisement",
        "Continued below the advert",
        "Leave a Reply Cancel reply",
        "Will the bypass be built by 2030? Let us know below.",
        "Sharing is caring — send this to the neighbours it concerns.",
        "POLL: Should the market move to Sundays? Vote now",
        "Who should captain the county next season? Vote in our readers' poll",
        "▶ Listen to the Evening Farm Report (6:30)",
        "Her full remarks are in the video above.",
        # licences, reproduction and picture credits
        "Articles in this newsletter are republished with permission from Coastline Media Ltd.",
        "Reproduction of the auction price tables without the written consent of the "
        "publisher is prohibited.",
        "Mara Quill / Harbour Museum collection — photo used with permission",
        "PIC: MARA QUILL (HARBOUR SPORT)",
        # tip lines and channel promos
        "Spotted flooding on your road? Our news desk would love to hear from you on "
        "01632 960 118.",
        "Stay ahead with Valley Voice: the day's headlines first, on Telegram.",
        "More from the Clubs: Winter league fixtures out",
        # offers and newsletter pitches without the word
        "Digital and print, every week — save 25% on your first year of the Bulletin.",
        "Watch every league game live with a Harbour Sport Pass — just £5.99 a month.",
        "The pick of the Gazette, delivered free every weekday at noon.",
        "Harbour news for people who live it — three times a week, free.",
        "Join 4,000 growers who start their morning with the Bulletin.",
        "Premium members get storm warnings before anyone else — straight to your inbox.",
        "Island Voice is also on the radio — listen to the headlines at 6pm every day.",
        # Arabic booking and bank ads
        "احجزي مكانك في ورشة الرسم الصيفية.. المقاعد محدودة",
        "افتح حسابك اليوم مع مصرف الساحل واحصل على بطاقة مجانية",
        # sets 220-223: channel, e-paper and issue pitches, deadlines, schedules, widgets
        "Gazette updates now come straight to Telegram – free, no spam.",
        "From our correspondent in Port Harlow",
        "The Courier e-paper: every page, every morning, from £1.99 a week.",
        "Digital subscribers read every review a fortnight before it appears online.",
        "Readers who support our reporting get ad-free pages and a weekly quiz.",
        "Classified ads close at noon on Tuesday.",
        "Tune in weekday mornings at 7 for Farm Talk.",
        "Register now for our webinar on soil health.",
        "Photo credit – Ann Lowe",
        "Market prices and weather, all in one place — straight to your inbox every Friday.",
        "Six issues through your letterbox for £18.",
        "Get the next edition delivered free to your door.",
        "Use Up/Down Arrow keys to increase or decrease volume.",
        "Every match, every interview: it's all live with Harbour Sport.",
        "Vote now for the Volunteer of the Year!",
        "Watch the installation video (3:05)",
        "HARLOW FALLS, Ore.",
        "خليك أول من يعرف آخر أخبار الدوري كل مساء",
        "نشرتنا الأسبوعية توصلك كل خميس.",
        "يجب أن تكون مسجلا للدخول لكتابة تعليق.",
        "أخبار الساحل على تليجرام",
        # sets 224-227: memberships, sponsors, schedules, passes, players and shop lines
        "Independent news for the valley – it's what you get with a Courier membership, from "
        "£2 for your first month.",
        "Headlines first – the Gazette is now on Telegram.",
        "A big thank you to our sponsors: Harbour Fuels and Dockside Bakery.",
        "Hear Ann's weather outlook every morning at 7:05 on Farm Hour.",
        "Get your free trade pass",
        "Play Episode Pause Episode Mute/Unmute Episode 00:00 / 12:30",
        "Buy it now at Gearhaus for $34.99",
        "£279 at Slope & Co",
        "£49 from the Apple Store",
        "Protect your harvest with Fieldguard grain cover.",
        "تابعونا على:",
    ],
)
def test_the_outlets_own_line_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The council said the campaign continued after the advertisement was withdrawn.",
        '"Let us know below what you think," the presenter told the audience.',
        "Sharing is a big part of the scheme, the organiser said.",
        "The poll asked voters whether the market should move, and 62% said yes.",
        "His full remarks were published by the ministry on Tuesday.",
        "Subscribers get their refunds by the end of the month, the company said.",
        "The station is also on air in the northern islands from next year.",
        "The pass costs just €4.99 a month, up from €3.99, the club said.",
        "Rail commuters who buy an annual ticket save 12% on a year of journeys.",
        "More from the report: unemployment rose to 3.1% in March.",
        "Photographs from the archive are used with permission from the families, she said.",
        "نشرت البلدية إعلانا في الجريدة الرسمية عن المناقصة.",
        "الإعلان في الصحف المحلية أثار جدلا واسعا بين التجار.",
        "وقالت الشركة إن العملاء حملوا تطبيقها الجديد مليون مرة.",
        "يجب أن يتضمن إشعار ملفات الارتباط زرا واضحا للرفض.",
        "وقال المدير إن الطلاب سيحجزون مقاعدهم عبر المنصة لأن الأماكن محدودة.",
        "The station said its updates come from the coastguard every hour.",
        "The paper's correspondent in Limbe was detained on Monday.",
        "Members get first choice of seats before they go on sale, the club said.",
        "Nominations close at 5pm on Friday, the council said.",
        "Residents were told to tune in to local radio for flood warnings.",
        "More than 200 people registered for the webinar, the organisers said.",
        "Voters can vote now for the first time at the new polling station.",
        "وقالت الوزارة إن النشرة الجوية تصل إلى المزارعين عبر الرسائل النصية.",
        "قال اللاعب إن الجماهير كانت أول من يعرف بقرار اعتزاله.",
        "وتشمل المراحل: التسجيل، إعلان النتائج، ثم توزيع الجوائز.",
        "وجاء في إعلان أن المسرحية ستعرض في الربيع المقبل.",
        "“It’s what you get with a small club,” the coach said after the match.",
        "The festival is now on Instagram, the organisers said.",
        "Residents can hear the bells every Sunday at 10am.",
        "Get your free flu jab at any pharmacy this month, the health board said.",
        # a story's list of money (blind pages, round 47): a price and `from`, no shop
        "£650,000 from the sale of the Chapel Row site",
        "£400,000 from the council's own capital reserves",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "left"),
    [
        (
            "وأكد المدرب أن اللاعبين رفعوا مستوى التركيز إعلان في الحصص الأخيرة.",
            "وأكد المدرب أن اللاعبين رفعوا مستوى التركيز في الحصص الأخيرة.",
        ),
        (
            "وتقام الأمسية في المركز الثقافي (إشهار) مساء الخميس.",
            "وتقام الأمسية في المركز الثقافي مساء الخميس.",
        ),
        (
            "وأكد الطبيب أن الأطفال وكبار السن إعلان هم الأكثر حاجة إلى الماء.",
            "وأكد الطبيب أن الأطفال وكبار السن هم الأكثر حاجة إلى الماء.",
        ),
        (
            "وأوضح المدير في لقاء صحافي إعلان إن الموسم سيبدأ في مارس.",
            "وأوضح المدير في لقاء صحافي إن الموسم سيبدأ في مارس.",
        ),
        (
            "وأنهى الفريق المباراة متقدما، إعلان مؤكدا جاهزيته للمرحلة المقبلة.",
            "وأنهى الفريق المباراة متقدما، مؤكدا جاهزيته للمرحلة المقبلة.",
        ),
        (
            "ويمكن تحميل الاستمارة من موقع البلدية اضغط هنا للتحميل قبل نهاية الشهر.",
            "ويمكن تحميل الاستمارة من موقع البلدية قبل نهاية الشهر.",
        ),
        (
            "وتقدم العداء في السباق إعلان في الأمتار الأخيرة ليحرز الذهبية.",
            "وتقدم العداء في السباق في الأمتار الأخيرة ليحرز الذهبية.",
        ),
    ],
)
def test_a_glued_promo_or_label_is_cut_and_the_copy_stays(line: str, left: str) -> None:
    result, body = clean(line)
    assert result.kept == in_story(body, left), result.removed


def test_a_byline_that_names_the_outlet_goes_and_another_name_stays() -> None:
    line = "Jo Marsh for Harbour Gazette"
    result = clean_blocks(in_story(FLOOD_BARRIER, line), RULES, source="Harbour Gazette")
    assert result.kept == FLOOD_BARRIER, result.removed
    result = clean_blocks(in_story(FLOOD_BARRIER, line), RULES, source="Valley Courier")
    assert result.kept == in_story(FLOOD_BARRIER, line), result.removed
