"""Players, tool bars, document links, the outlet's channels and newsroom notices, recognised
by their shape (settings/noise_kinds.toml, session 6: from the misses of blind sets 10, 10b,
11, 12 and 13, written in other words here). Made-up wording; look-alike sentences of a
story stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import clean_in_story, in_story

RULES = load_noise_rules(None)
BODY = [
    "The regional airport opened its second runway on Monday after three years of work.",
    "Airlines said the extra capacity would allow forty more flights a day by next summer.",
    "Residents near the eastern fence have asked for a night-time curfew on departures.",
    "The airport's owners said a decision on night flights would follow a consultation.",
]
BODY_AR = [
    "افتتح المطار الإقليمي مدرجه الثاني يوم الاثنين بعد ثلاث سنوات من العمل.",
    "وقالت شركات الطيران إن السعة الإضافية ستسمح بأربعين رحلة إضافية يوميا.",
    "وطالب سكان الأحياء القريبة بحظر الرحلات الليلية.",
    "وقال ملاك المطار إن القرار بشأن الرحلات الليلية سيصدر بعد مشاورات.",
]


def kept_and_removed(line: str) -> tuple[bool, str | None]:
    result, body = clean_in_story(line, RULES, BODY, BODY_AR, at=2)
    assert [k for k in result.kept if k != line] == body  # the story around it stays whole
    rule = next((r.rule for r in result.removed if r.text == line), None)
    if rule is None and result.captions:  # a caption and its credit: out of the body
        rule = next((r.rule for r in result.removed if r.text in line), None)
    return line in result.kept, rule


@pytest.mark.parametrize(
    "line",
    [
        # players read as text
        "Play Video Pause Mute Current Time 0:12 / Duration 3:05 Loaded: 45% Fullscreen",
        "Play Video Loaded: 0% Progress: 0% 0:00 Remaining Time -1:58",
        "Listen to this story | 4:10 min",
        "استمع إلى هذا الخبر 00:00 / 02:40",
        "تشغيل المقطع 0:00 / 2:05",
        # tool bars and share prompts
        "Share · Print · Save",
        "Email • Facebook • WhatsApp",
        "Share this recipe",
        "Enjoyed this? Share it with a friend: WhatsApp | Email",
        "Reprints and Permissions",
        # documents
        "Download the full judgment (PDF, 1.2 MB)",
        "Read the inspection report (PDF)",
        # the outlet's channels and offers
        "Get the latest headlines on WhatsApp: join our channel and never miss a story.",
        "Follow the Runway Daily WhatsApp channel for updates from the terminal.",
        "Subscribe for just £1 a week for your first three months.",
        "Flight alerts: create a free account to be told when schedules change.",
        "Sponsored by Northwind Charters: private jets at short notice. Learn more.",
        "Unlock every story. Start your trial for $1.99 today.",
        "محتوى برعاية: احجز رحلتك القادمة بأفضل الأسعار",
        "تابع المدرج على تيليجرام لمعرفة آخر أخبار الرحلات",
        "استمع إلى بودكاست «على المدرج» على سبوتيفاي",
        # newsroom notices
        "Comments are reviewed before publication and must keep to our community rules.",
        "Tell us what you think: write to letters@runwaydaily.example with your name and town.",
        "Runway Daily is regulated by IPSO and abides by the Editors' Code of Practice.",
        "Complaints about our reporting can be sent to the readers' editor.",
        "Satellite imagery courtesy of the European Space Agency.",
        "جميع الحقوق محمية بموجب قانون حقوق النشر ولا يجوز الاقتباس إلا بإذن.",
        "لا يجوز إعادة نشر هذا المحتوى دون ذكر المصدر.",
        "قد نحصل على عمولة عند الشراء عبر الروابط الواردة في هذه المقالة.",
        "يرجى الموافقة على ملفات تعريف الارتباط لعرض هذا المنشور.",
        "يجب تسجيل الدخول لإضافة تعليق",
        "اقرأ أيضا: مطار جديد في الجنوب يستقبل أولى رحلاته",
        "ذات صلة: شركات الطيران ترفع أسعار التذاكر",
        # second round (set 11's misses, in other words)
        "Like · Comment · Restack",
        "Share · Save · Gift this article",
        "Discussion about this post",
        "Thanks for reading Runway Weekly! This post is public, so share it with anyone.",
        "View gallery (8 images)",
        "Font size: A- A A+",
        "Runway Daily's Departures newsletter is free and lands in your inbox every Friday.",
        "Pop your email address in below to get it.",
        "Subscribers can download the full timetable data from our Data Room.",
        "Want to republish this story?",
        "Other newsrooms may republish our articles free of charge with credit.",
        "This edition is a 5-minute read.",
        "Narrated by Tama Rewi for Runway Audio",
        "The new runway at dusk. Photo / Hemi Parata",
        "قد يهمك أيضا: أسعار التذاكر ترتفع مع بداية الشتاء",
        "شارك عبر: فيسبوك | واتساب | تيليجرام",
        "تابعي مجلة المدرج على إنستغرام",
        "شاركونا رأيكم في التعليقات: هل تؤيدون حظر الرحلات الليلية؟",
        "قد يحصل الموقع على عمولة عند الشراء عبر الروابط في هذه الصفحة.",
        # third round (set 12's misses, in other words)
        "Sign up for breaking news, flight deals, travel tips and more.",
        "Download it free from the App Store or Google Play.",
        "Prices are correct at the time of writing and may change.",
        "Reproduction without written permission is prohibited.",
        "The video player is loading.",
        "Your donation helps keep local news free for everyone.",
        "Runway Public Media is an independent nonprofit newsroom serving the valley.",
        "Stories from Runway Public Media may be republished by other outlets with credit.",
        "Published: Friday, November 27, 2026 | 09:15 GMT",
        "Medically reviewed by Dr. Amal Haddad, cardiologist",
        "Advertisement feature",
        "Deal alert: Save 25% on noise-cancelling headphones this weekend",
        "Hana Idris covers the Senate and the state budget.",
        "المدرج اليوم - الخميس 26 نوفمبر 2026",
        "راجعه طبيا: د. هالة منصور، استشارية أمراض القلب",
        "المعلومات الواردة هنا لأغراض التوعية فقط ولا تغني عن استشارة الطبيب.",
        "اشترك في نشرة المدرج الأسبوعية لتصلك آخر أخبار الرحلات",
        # fourth round (set 13's misses, in other words)
        "Advertisement 3",
        "By Omar Haddad, Transport Desk · Nov. 24, 2026",
        "Most read: Airport opens second runway | Fares rise for winter | New lounge opens",
        "More from Travel: » Fares rise for winter » New lounge opens at terminal",
        "Partner content from Skyline Tours: the best of the coast by air.",
        "We independently review every product we recommend.",
        "If you book through our links, Runway Daily may earn a commission.",
        "Watch the full interview on Runway TV's YouTube channel.",
        "Hit the subscribe button for more videos from the terminal.",
        "بقلم: سارة المنصوري - محررة الشؤون الاقتصادية",
        "محتوى مدعوم",
        "الأكثر قراءة: المطار يفتح مدرجه الثاني | ارتفاع أسعار التذاكر",
    ],
)
def test_the_outlets_furniture_is_removed_by_its_shape(line):
    kept, rule = kept_and_removed(line)
    assert not kept and rule is not None, rule


@pytest.mark.parametrize(
    "line",
    [
        "Pilots were told to play the safety video twice on the new route.",
        "Passengers can share a taxi from the terminal for a fixed fare.",
        "The airline said comments are moderated on its forum, a spokesman said.",
        "Residents sent complaints to noise@airport.example, the council said.",
        "The judgment, published as a PDF on the court's website, runs to 80 pages.",
        "Sponsored by the tourism board, the festival drew 20,000 visitors.",
        "Unlock codes for the new gates were issued to staff on Monday.",
        "Subscribers to the airport's noise alerts rose by a third this year.",
        "Investors subscribed for shares worth $0.99 billion in the offering.",
        "The carrier will join the alliance's Telegram group for crew, officials said.",
        "She followed the flights on WhatsApp and Telegram groups run by spotters.",
        "Find your next gate on the new screens, the airport told passengers.",
        "تابع الوزير الاجتماع عبر الفيديو من مكتبه.",
        "وقال المحامي إن القانون يمنع إعادة نشر الصور دون إذن أصحابها.",
        "وأعلن المطار عن الفائزين بمسابقة التصوير.",
        "واستمع الحضور إلى كلمة المدير عن خطط التوسعة.",
        "Subscribers can cancel their contracts without a fee, the regulator said.",
        "Newspapers may republish the photographs free of charge, the agency said.",
        "The mayor said the judges' advertisement campaign had worked.",
        "The review is a 10-minute read for most pilots, the manual says.",
        "Photo identification will be required at the new gates from March.",
        "وشارك الوزير في الاجتماع عبر الفيديو من مكتبه.",
        "Residents can sign up for the open day at the terminal on Saturday.",
        "The app was downloaded from Google Play more than a million times last year.",
        "Prices were higher at the time of the merger, analysts said.",
        "Your support for the runway plan was noted, the minister told residents.",
        "Hana Idris covers the cost of her own training, the union said.",
        "وقال الطبيب إن المعلومات المتوفرة لا تكفي لتحديد سبب الحادث.",
        "Advertisement revenue at the airport fell by 4 per cent last year.",
        "If you buy a ticket at the gate, the airline said, it costs more.",
        "Results: the airport met 9 of 12 targets, the report said.",
        "Viewers watched the full interview on television last night.",
        "بقلم الرصاص وقع الوزير على الاتفاقية أمام الصحفيين.",
    ],
)
def test_look_alike_sentences_of_a_story_stay(line):
    kept, rule = kept_and_removed(line)
    assert kept, rule


def test_a_read_also_link_in_brackets_is_cut_out_of_its_sentence():
    link = "(اقرأ أيضا: المطار يفتح مدرجه الثاني)"
    line = f"وأكد المدير أن الرحلات ستستأنف {link} وأن الجدول سيعلن قريبا."
    result = clean_blocks(in_story(BODY_AR, line), RULES)
    assert "وأكد المدير أن الرحلات ستستأنف وأن الجدول سيعلن قريبا." in result.kept
