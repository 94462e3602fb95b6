"""Rights and reproduction notices, audience and partner notes, player and comment widgets,
credits, taglines that name the outlet, and labels glued into sentences, in shapes blind sets
100-109 showed missed (settings/noise_kinds.toml, written in other words here); and the
story's sentences that share their words, or quote someone, and stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import (
    FLOOD_BARRIER,
    FLOOD_BARRIER_AR,
    assert_kept_in_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)
OUTLET = "Saltmarsh Gazette"
OUTLET_AR = "شرفة المدينة"


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Reproduction permitted only with a mention of the source.",
        "Reuse of Gazette articles is allowed only with a link to the original.",
        "Text, photos and video on this website are the property of Tide Media.",
        "جميع المحتويات المنشورة على الموقع ملك لشركة المدار، ويحظر نسخها دون إذن مسبق.",
        "Listen to the audio version (4:05)",
        "للاستماع إلى التقرير ▶ 03:40",
        "سجلي دخولك حتى تتمكني من إضافة تعليق",
        "المرجو احترام آداب الحوار في التعليقات",
        "This week's best deals on rain jackets",
        "Presented in partnership with Harrow Marine Insurance",
        "On-demand webinar: Flood resilience for small ports — sponsored by Quayline Systems",
        "The following content is produced by one of our commercial partners.",
        "الفقرة التالية مقدمة من أحد شركائنا",
        "This newsletter is intended for licensed financial advisers.",
        "Lifeboat crew at the slipway photo courtesy of the harbour trust",
        "Estuary Wildlife Trust (photo)",
        "— إعلانات —",
        "ساهموا في استمرار الصحافة المستقلة في المدينة. دعمكم يصنع الفرق.",
        "Thank you so much for reading the Gazette this year.",
        "Vinaka for tuning in to the evening bulletin.",
        "Join the conversation below – all comments are moderated before they are published.",
        "Your donation this week will be matched by a local business, up to £5,000.",
        "Need the tide tables in one place? The Gazette has you covered.",
        "احجزوا رحلتكم القادمة بأسعار مخفضة من خلال شريكنا",
        "Listen to this article read aloud · 5:20",
        "Audio version | 3:05",
        "— Sponsor message —",
        "[Photo courtesy of the Harbour Board]",
        "Articles may be reproduced with attribution only.",
        "Continued on page 14",
        "GAZETTE PHOTO 2511087",
        "Gazette archive — photo by T. Mallory",
        "Comments policy: Keep it civil and on topic. Comments with links are held for review.",
        "#فيضانات #السد_الجديد",
        "Tag us in your flood photos with #SaltmarshGazette and we may share them!",
        "This supplement is brought to you by Harrow Marine Insurance.",
        "Comments are only open to registered readers.",
        "What's On listings are compiled from details sent in by organisers; check before you go.",
        "Catch the Estuary Hour news programme weeknights at 7 on 96.1FM.",
        "The Tide Report airs weekdays at 8 a.m. on Saltmarsh Radio.",
        "Letters for the next issue must reach us by Monday.",
        "Cover image credit: Ana Ruiz, courtesy of the Harbour Museum",
        "PUBLICIDAD",
        "► Listen to this article (3 min)",
        "Many thanks to Quayside Bakery for supporting this week's edition.",
        "Reporting like this takes time and money. A donation of any size keeps it going.",
        "خاص — «شرفة المدينة»",
        "انشر إعلانك في «شرفة المدينة» بأسعار خاصة للمحلات الصغيرة.",
        "إدارة الموقع غير مسؤولة عن التعليقات المنشورة.",
        "صورة المعرض: المكتب الإعلامي للبلدية",
        "اشتركوا في النسخة الرقمية واقرأوا العدد قبل صدوره في الأكشاك",
    ],
)
def test_a_notice_credit_or_widget_line_goes(line: str) -> None:
    result, body = clean(line)
    assert result.kept == body, line
    assert result.removed[0].rule.startswith("kind:")


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "A good pair of waders (check price at Fenland Outdoor) makes the walk easier.",
            "A good pair of waders makes the walk easier.",
        ),
        (
            "ويمكن للسكان معرفة مواعيد الإغلاق اضغط هنا عبر موقع البلدية.",
            "ويمكن للسكان معرفة مواعيد الإغلاق عبر موقع البلدية.",
        ),
        (
            "وقال المهندس إن الحاجز يحمي الحيإعلان الذي غمرته المياه العام الماضي.",
            "وقال المهندس إن الحاجز يحمي الحي الذي غمرته المياه العام الماضي.",
        ),
        (
            "The rota is on the council website [click here] and at the library.",
            "The rota is on the council website and at the library.",
        ),
        (
            "The warden recommends the Tidemark gauge (buy now) for garden walls.",
            "The warden recommends the Tidemark gauge for garden walls.",
        ),
        (
            "The first barrier, built in 2019 ADVERTISEMENT after two floods, cost £4m.",
            "The first barrier, built in 2019 after two floods, cost £4m.",
        ),
        (
            "وستبقى الطريق مغلقة لمدة ثلاثة أيام إعلان بعد انتهاء الأشغال في الجسر.",
            "وستبقى الطريق مغلقة لمدة ثلاثة أيام بعد انتهاء الأشغال في الجسر.",
        ),
        (
            "وأكد المهندس أن الأشغال ستكون مجانية (الرابط هنا) لكل السكان.",
            "وأكد المهندس أن الأشغال ستكون مجانية لكل السكان.",
        ),
        (
            "The agency's flood plan [PDF, 2.3MB] lists the streets to be cleared first.",
            "The agency's flood plan lists the streets to be cleared first.",
        ),
        (
            "The river rose by 40cm in a day, according to the agency's gauge data [link].",
            "The river rose by 40cm in a day, according to the agency's gauge data.",
        ),
        (
            "The trust has hired 12 wardens (see more) and plans to train four as boat crew.",
            "The trust has hired 12 wardens and plans to train four as boat crew.",
        ),
        (
            "The gates close at high tide. Story continues below advertisement. Wardens will "
            "open them again at dawn.",
            "The gates close at high tide. Wardens will open them again at dawn.",
        ),
        (
            "ويمكن للسكان التسجيل في برنامج الإنذار (طالع التفاصيل) حتى نهاية الشهر.",
            "ويمكن للسكان التسجيل في برنامج الإنذار حتى نهاية الشهر.",
        ),
    ],
)
def test_a_label_glued_into_a_sentence_is_cut(line: str, kept: str) -> None:
    result, body = clean(line)
    assert result.kept == in_story(body, kept), result.removed


@pytest.mark.parametrize(
    "line",
    [
        "In partnership with the county council, the trust opened two more shelters.",
        "Reproduction of the rare orchid is permitted only with a licence from the ministry.",
        "The tablets are intended for adults over 65 and must not be given to children.",
        "The full survey is available to members and will be presented at the spring meeting.",
        "Follow-up checks will be made on every gate before the winter storms.",
        "Download the app before you set off, the coastguard advises, because there is no "
        "signal on the marsh.",
        "The app is free and does not share anyone's location with the council.",
        "وقالت الوزارة إن الجفاف ساهم في استمرار ارتفاع أسعار الخضار.",
        "وأعلنت البلدية بالإعلان الرسمي عن موعد إغلاق الحاجز وإعلان النتائج.",
        "Awards for reading the most books went to two pupils from the harbour school.",
        "All comments are moderated before they are published, the platform said in a statement.",
        "وقالت الشركة إنها وقعت اتفاقية مع شريكنا في دبي.",
        "Donate online through the appeal's website or at any branch of the bank.",
        "Sign up for flood warnings by text through the government's Floodline service.",
        "The app is free to download, and the volunteers update the map twice a day.",
        "Continued investment in the sea wall is vital, the engineer said.",
        "Residents shared photos tagged #FloodWatch on Friday.",
        "وأصدرت البلدية إعلان عن موعد فتح الطريق.",
        "Tip: if the water reaches the door, turn off your power at the mains every time.",
        "Membership will be free for residents; visitors will pay £5 a year.",
        "The newsletter, which goes out on Friday mornings, lists every road closure.",
        "The show, which airs weekdays at 9, was cancelled in May.",
        "Catch the bus at the harbour stop every morning at 7.",
        # someone's words, over two sentences, about a newsletter
        "“A newsletter lands in your inbox and stays there. People really do read it,” the "
        "warden said.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Saltmarsh Gazette, an independent weekly serving the estuary since 1952.", OUTLET),
        ("Saltmarsh Gazette – news from the marsh towns, every Thursday.", OUTLET),
        ("Stay in the loop — Saltmarsh Gazette is now on WhatsApp.", OUTLET),
        ("Follow the storm hour by hour with Saltmarsh Gazette on Facebook.", OUTLET),
        ("Saltmarsh Gazette is the official media partner of the Estuary Boat Show.", OUTLET),
        ("Saltmarsh Gazette is on sale in newsagents every Thursday.", OUTLET),
        ("Saltmarsh Gazette is on air every weekday at 7am on 96.1FM.", OUTLET),
        # blind site 70: the outlet's self-portrait before its donation ask
        ("Saltmarsh Gazette is on the ground reporting across the estuary.", OUTLET),
        (
            "Tom Avery is chief reporter at Saltmarsh Gazette, covering the coast and the courts.",
            OUTLET,
        ),
        ("شرفة المدينة منصة مستقلة تعنى بالشأن المحلي في المدينة وضواحيها.", OUTLET_AR),
    ],
)
def test_the_outlets_own_tagline_goes(line: str, source: str) -> None:
    body = FLOOD_BARRIER_AR if source == OUTLET_AR else FLOOD_BARRIER
    result = clean_blocks(
        in_story(body, line),
        RULES,
        language="ar" if source == OUTLET_AR else "en",
        source=source,
    )
    assert result.kept == body, line
    assert result.removed[0].rule.startswith("kind:")


def test_the_outlets_name_opening_a_news_sentence_stays() -> None:
    line = "Saltmarsh Gazette, the paper that first reported the leak, has been sold to a chain."
    result = clean_blocks(in_story(FLOOD_BARRIER, line), RULES, source=OUTLET)
    assert line in result.kept


def test_another_name_on_the_ground_is_the_storys() -> None:
    line = "The Red Cross is on the ground handing out blankets in the marsh towns."
    result = clean_blocks(in_story(FLOOD_BARRIER, line), RULES, source=OUTLET)
    assert line in result.kept
