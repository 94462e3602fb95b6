"""Stamps, credit lines, recommendation labels, commerce widgets, glued continue-reading
labels, ad markers, pointers to a video on the page, commission, advice and reproduction
notices, recognised by their shape (settings/noise_kinds.toml, session 7: from the misses of
blind sets 14 to 27, written in other words here). Made-up wording; look-alike sentences of
a story stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, clean_in_flood_story

RULES = load_noise_rules(None)


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "2026-04-02 | 08:15",
        "Updated: 2 April 2026 · 9:40 am",
        "الخميس، 2 أبريل 2026 | آخر تحديث: 09:40",
        "Medically reviewed by Dana Whitcombe, RN",
        "Words and pictures by Tomasz Wielicki",
        "From Chipo Banda, Ndola",
        "Photo: supplied",
        "Duration 1:58",
        "أسرة التحرير",
        "ليلى حداد - محررة الشؤون الاقتصادية",
        "مدة الفيديو: 3:12",
        "You may also like: Five towpath walks for a wet weekend",
        "Video: How the barrier gates close in under a minute",
        "Find a dealer near you: compare the 2027 range",
        "Save this guide for later",
        "محتوى مدعوم من شركة الواحة: عروض الصيف على المكيفات",
        "* يحظر نقل أو إعادة نشر هذه المادة دون الإشارة إلى المصدر.",
        "قد نحصل على عمولة صغيرة عند الشراء من خلال الروابط الموجودة في هذا المقال.",
        # session 7, second round
        "Scroll down to watch the drone footage below.",
        "شاهدوا المقطع المصور للحاجز أدناه",
        "~ Advertisement ~",
        "[ إعلان ]",
        "Our writers may earn a small fee when readers book through links in this guide.",
        "This guide is general information, not financial advice.",
        "Unauthorised reproduction of our photos or articles without written permission is "
        "prohibited.",
        "£89 at Flintstore | £92 at Harbour Hardware | Compare prices",
        "Map: Valley Echo graphics desk",
        "By Rhian Powell | Updated 3 April 2026 10:05",
        "احجزي مقعدك الآن في ورشة الطبخ الشهرية بخصم 20%",
        "شاركونا صور حدائقكم عبر صفحتنا على فيسبوك",
        # session 7, third round
        "Please drink responsibly. This newsletter is intended for readers of legal drinking age.",
        "18+ | Bet responsibly | Full terms on the operator's site",
        "Have your say: comments are moderated before they appear.",
        "Support local flood reporting with a one-off gift to the Valley Echo.",
        "Advertise with us: reach 40,000 readers across the valley every week.",
        "WIN a £100 hardware voucher!",
        "£24 (was £39) at Flintstore",
        "Watch: Eng. Marsh explains how the gates close (2:05)",
        "[Video: the barrier's first test]",
        "هذا المحتوى محفوظ الحقوق ولا يجوز نقله دون ذكر المصدر.",
        "مشاهدة: جولة داخل غرفة التحكم بالحاجز",
        "صورة أرشيفية لفيضان عام 2019 في المدرجات السفلى",
        "لديك صورة من الفيضان؟ أرسلها إلينا عبر البريد.",
        # session 7, fourth round
        "Flood map loading…",
        "Your video will start after this message. Tap to unmute.",
        "Partner content: Keep your cellar dry with the new PumpWell range. Ask for a demo.",
        "Buy the guide at a participating bookshop (£12.99)",
        "The Valley Echo runs on reader donations.",
        "To support the Valley Echo, order the flood guide through our shop.",
        "Valley Echo readers get 15% off with code ECHO15.",
        "Review by Siân Llewelyn, last updated 3 April 2026",
        "جاري تحميل المقطع...",
        "تعذر تشغيل الفيديو حاليا. يرجى المحاولة لاحقا.",
        "روابط ممولة",
        "هذه الصفحة برعاية شركة «سدود الوادي» – اطلب عرض سعر الآن",
        "اضغط على الجرس لتصلك تنبيهات الفيضانات",
        # session 7, fifth round
        "Most shared on Valley Echo",
        "Leave a Comment — Your email address will not be published.",
        "About Valley Water Trust: Founded in 1988, the trust looks after 40 miles of river "
        "banks and employs 120 people.",
        "Read this story in Welsh",
        "Not a member yet? Start your free trial today.",
        "Flood maps and photographs © Valley Echo 2026.",
        "For personal use only.",
        "Valley Echo Plus members can download our full flood-risk register.",
        "Quotes delayed by at least 15 minutes.",
        "احفظ المقال",
        "يتابع الخبر بعد الإعلان",
        "جميع حقوق الخرائط والصور محفوظة لموقع صدى الوادي.",
        "شاهد بالفيديو: لحظة إغلاق بوابات الحاجز",
        "Got pictures of the flood? Send them to us by Friday.",
        # session 7, sixth round
        "The Valley Water Trust does not discriminate on the basis of age, sex or disability.",
        "Questions about this story? Contact the newsroom at 555-0142.",
        "If you or someone you know has been affected by flooding, support is available. "
        "Find help here.",
        "This analysis is available in full to Valley Echo Plus members.",
        "Upgrade to read the full flood-risk register.",
        "Photography: Harbour Light Studio",
        "Shop the look: waders, a waxed jacket and a head torch",
        "[Map unavailable: accept functional cookies to see it]",
        "Duration: 2 minutes 5 seconds",
        "هذا التحليل متاح فقط للمشتركين.",
        "اشترك الآن للوصول إلى جميع الخرائط والتقارير.",
        "استمعوا إلى الحلقة الجديدة من بودكاست «نهر الوادي» على منصات الاستماع",
        "سجلوا الآن لحضور ندوة الفيضانات يوم الخميس",
        "اقرئي أيضاً: كيف تحمين منزلك من الرطوبة؟",
        "Loading video player… 00:00 / 01:58 Mute Fullscreen",
        # session 7, seventh round
        "ALSO ON VALLEY ECHO: Anglers report record trout after the spring floods",
        "Seen the flood from your window? Send a picture to pictures@valleyecho.example",
        "Our pick: Fenwick pump-out kit, £49 — buy now",
        "Embedded map unavailable.",
        "Get new stories by email – no spam, unsubscribe any time.",
        "Was this guide useful?",
        "Book your tickets now.",
        "Links to external websites do not imply endorsement by the Valley Water Trust.",
        "Editorial control remains with the Valley Echo.",
        "Must be 18 or older to enter.",
        "بالصور.. لحظة فتح بوابات الحاجز",
        "هل وجدت هذا الدليل مفيدا؟ أرسله إلى جيرانك.",
        "ليلى حداد محررة شؤون البيئة في صدى الوادي، تكتب عن الأنهار والسدود.",
        "استمعوا إلى الحلقة الجديدة من بودكاست «نهر الوادي» مع المهندسين",
    ],
)
def test_the_shape_is_removed(line: str) -> None:
    result, body = clean(line)
    assert result.kept == body, result.removed
    assert [r.text for r in result.removed] == [line]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Sandbags stacked along the mill race on Thursday. — Valley Echo file pic", True),
        ("Volunteers fill sandbags at the depot. PHOTO/GRACE NAMUTEBI", True),
        ("Sandbags at the depot on Friday. (Valley Echo/Ceri Hughes)", True),
        ("Sandbags at the depot on Friday. (File photo | Valley Echo)", True),
    ],
)
def test_a_shorthand_credit_ends_a_caption(line: str, caption: bool) -> None:
    result, body = clean(line)
    assert result.kept == body
    assert len(result.captions) == 1 and result.captions[0] in line
    assert "pic" not in result.captions[0] and "PHOTO" not in result.captions[0]


def test_a_glued_continue_reading_label_is_cut() -> None:
    line = "The barrier cost £14 million. Continue reading below The council paid a third."
    result, body = clean(line)
    assert result.kept == [
        *body[:2],
        "The barrier cost £14 million. The council paid a third.",
        *body[2:],
    ]


def test_a_glued_arabic_read_also_link_after_a_comma_is_cut_up_to_the_participle() -> None:
    line = (
        "وأوضح المهندس أن الحاجز كلف أربعة ملايين دينار، اقرأ أيضا: أمطار غزيرة تضرب الشمال "
        "مشيرا إلى أن الصيانة ستبدأ في الخريف."
    )
    result, body = clean(line)
    assert result.kept[2] == (
        "وأوضح المهندس أن الحاجز كلف أربعة ملايين دينار، مشيرا إلى أن الصيانة ستبدأ في الخريف."
    )


def test_a_glued_arabic_read_also_link_is_cut_up_to_the_next_clause() -> None:
    line = (
        "وقال رئيس البلدية إن الحاجز سيحمي أربعمئة منزل. اقرأ أيضا: أمطار غزيرة تضرب الشمال "
        "وأضاف أن أعمال الصيانة ستبدأ في الخريف."
    )
    result, body = clean(line)
    assert result.kept[2] == (
        "وقال رئيس البلدية إن الحاجز سيحمي أربعمئة منزل. وأضاف أن أعمال الصيانة ستبدأ في الخريف."
    )


@pytest.mark.parametrize(
    "line",
    [
        "The 2026-27 flood budget was approved on 2 April 2026 after a long debate.",
        "From Monday, Ndola traders will pay a new levy for the barrier's upkeep.",
        "Reviewed by the county's engineers, the plan was approved without changes.",
        "Watch parties were held in the mill's yard as the gates closed for the first time.",
        "Save the Children sent volunteers to help families on the lower terraces.",
        "وقال الوسيط إن الشركات تدفع عمولة عن كل رابط إحالة.",
        "قال محمد أحمد، محلل الأسواق في بنك الخليج، إن الأسعار سترتفع.",
        "ويمنع القانون نسخ خرائط الفيضانات دون إذن الهيئة.",
        "Words matter, the minister said, and photos of the flood had moved the country.",
        "Watch out for ice on the roads below the pass.",
        "Brokers may receive a commission of up to 5% on each sale.",
        "Unauthorised use of drones is prohibited over the barrier.",
        "The judge said the letter was not legal advice.",
        "امتلك النادي الآن ثلاثة ملاعب تدريب.",
        "سجل اللاعب هدفين اليوم في المباراة.",
        "Doug Raines (R) – 968 (46.4%)",
        "Comments on the draft plan closed on Friday, the council said.",
        "Support for the barrier has grown since the last flood.",
        "Please drink plenty of water during the clean-up, the health board said.",
        "Win or lose, the council must decide by March.",
        "Engineers' advice for homeowners: download a free flood-plan template before winter, "
        "and keep it by the door.",
        "وإذا تعطلت المضخة، اضغط على زر إعادة التشغيل في لوحة التحكم وانتظر دقيقة.",
        "The loading bay by the mill was closed for a week.",
        "Residents get 10% off their water bills if they fit a meter, the utility said.",
        "About 200 people attended the meeting: most lived on the lower terraces.",
        "Members can vote on the plan until Friday.",
        "The letter was delayed by 15 minutes at the sorting office.",
        "وحقوق السكان في التعويض محفوظة بموجب القانون، قال المحامي.",
        "2. Tavora Motorsport No. 44 (Arakawa / Verhoeven)",
        "Riders can pay by card at every pier; if you use the ferry planner, download the "
        "updated app before the new piers open.",
        "The club says it does not discriminate on the basis of age, its secretary said.",
        "سجل المهاجم هدفين الآن في الشوط الأول.",
        "Also on Monday, the council approved the new weir.",
        "The trust's editorial control of the archive remains disputed, its chair said.",
        "Book sales rose by a fifth after the floods.",
        "Must-see footage showed the river rising two metres in an hour.",
    ],
)
def test_a_story_sentence_with_the_same_words_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
