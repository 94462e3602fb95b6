"""What the blind noise sets 294-297 showed (session 38): a scam text the story quotes taken for
the paywall's own notice, `Image: Supplied` before the story's first sentence taken for a
caption's label (the paragraph went to the captions), a related entry's headline that ends
with its stop kept over its source and `time` slots, a rail of headlines under `list 1 of 2`
markers, a reporter's call-out, a grammatical `بينها إعلان يدعو` cut as an ad label, an archive
picture's mark, `طالع:` and a watch label glued before the story's own sentence; then (set 297)
prices printed for information only, Arabic disclaimers, licence numbers, an ad slot's label,
a prayer-times widget and a question to the reader with where to send. Each shape is written
here in other words, with the story lines next to it that must stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)
STORY = "The harbour reopened on Monday after a week of repairs to the sea wall, the council said."


@pytest.mark.parametrize(
    "line",
    [
        'The texts usually read: "Your subscription has expired. Click here to renew today."',
        "One post, shared thousands of times, said: “Your card payment failed. Tap here.”",
    ],
)
def test_a_text_the_story_quotes_stays(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]


def test_a_credit_before_the_story_is_cut_and_the_story_stays() -> None:
    line = "Picture: Supplied The ferry left the quay two hours late because of the storm."
    result = clean_blocks([line], RULES)
    assert result.kept == ["The ferry left the quay two hours late because of the storm."]
    assert not result.captions


def test_a_caption_after_its_label_is_still_a_caption() -> None:
    line = "Photo: Board chair Amira Holt at the March meeting in the town hall."
    result = clean_blocks([STORY, line], RULES)
    assert result.kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "Do you run a family business that has been passed down? Reach out to this reporter.",
        "Have a story about your commute? Contact this reporter by email.",
    ],
)
def test_a_reporters_call_out_goes(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


def test_the_reporter_in_a_story_stays() -> None:
    lines = [STORY, "Police said they would contact the reporter by phone on Monday."]
    assert clean_blocks(lines, RULES).kept == lines


def test_a_related_entry_headline_ending_with_a_stop_goes() -> None:
    lines = [
        STORY,
        "Related Articles",
        "I quit my bank job to bake bread. Here is what the first year cost me.",
        "Business Insider",
        "time5 hours ago",
        "  • Business Insider",
    ]
    assert clean_blocks(lines, RULES, source="Business Insider").kept == [STORY]


def test_the_storys_last_sentence_over_a_source_and_age_stays() -> None:
    last = "The Treasury plans to reopen the bond next month to raise a further Sh20 billion."
    lines = [STORY, last, "Kilima Business Daily", "time2 days ago"]
    assert clean_blocks(lines, RULES).kept == [STORY, last]


def test_a_rail_under_numbered_list_markers_goes() -> None:
    lines = [
        STORY,
        "list 1 of 2",
        "Heatwave grips the coast as fire warnings go up",
        "list 2 of 2",
        "Farmers count the cost of a dry winter",
        "end of list",
        "The work cost 2.4 million and was paid for by the port authority.",
    ]
    assert clean_blocks(lines, RULES).kept == [STORY, lines[-1]]


@pytest.mark.parametrize(
    "line",
    [
        "رصدت الهيئة 30 إعلانا مخالفا، بينها إعلان يعد المشترين بأرباح مضمونة خلال شهر واحد.",
        "تلقت البلدية عشرات الشكاوى، منها إعلان يروج لأراض غير مرخصة في أطراف المدينة.",
    ],
)
def test_an_advertisement_the_story_names_after_a_pronoun_stays(line: str) -> None:
    assert clean_blocks([line], RULES, language="ar").kept == [line]


def test_a_bare_ad_label_after_an_accusative_still_goes() -> None:
    line = "ويدخل المنتخب معسكراً مغلقاً إعلان يمتد أسبوعين في العاصمة قبل البطولة."
    kept = clean_blocks([line], RULES, language="ar").kept
    assert kept == ["ويدخل المنتخب معسكراً مغلقاً يمتد أسبوعين في العاصمة قبل البطولة."]


def test_an_archive_mark_ends_a_caption() -> None:
    story = "استأنفت شركة الطيران رحلاتها بين المدينتين اليوم بعد توقف دام ثلاثة أشهر."
    caption = "طائرة ركاب على مدرج مطار المدينة. (أرشيفية: وكالات)"
    result = clean_blocks([caption, story], RULES, language="ar")
    assert result.kept == [story]


@pytest.mark.parametrize(
    "line",
    ["طالع: ارتفاع أسعار تذاكر الحافلات بين المدن", "طالعوا: افتتاح سوق الخضار الجديد"],
)
def test_the_maghrebs_read_label_goes(line: str) -> None:
    story = "أعلنت الشركة الوطنية للنقل زيادة عدد الرحلات اليومية خلال عطلة الصيف."
    assert clean_blocks([story, line], RULES, language="ar").kept == [story]


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "شاهد الفيديو: افتتحت البلدية مساء أمس السوق الأسبوعي الجديد في وسط المدينة بمشاركة "
            "أكثر من مئتي تاجر وحرفي من القرى المجاورة.",
            "افتتحت البلدية مساء أمس السوق الأسبوعي الجديد في وسط المدينة بمشاركة أكثر من مئتي "
            "تاجر وحرفي من القرى المجاورة.",
        ),
        (
            "Watch the video: Divers from the coastguard spent more than four hours searching "
            "the flooded quarry before the missing swimmer was found alive on a ledge.",
            "Divers from the coastguard spent more than four hours searching the flooded quarry "
            "before the missing swimmer was found alive on a ledge.",
        ),
    ],
)
def test_a_watch_label_glued_before_the_storys_sentence_is_cut_from_it(
    line: str, story: str
) -> None:
    assert clean_blocks([line], RULES).kept == [story]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Harbour traders say parking charges are killing the high street",
        "Watch: Extended highlights are on the club's own channel - subscribe for £4.99 a month.",
        "شاهد الفيديو: لحظة انهيار الجسر",
    ],
)
def test_a_label_over_a_headline_or_a_promo_still_goes_whole(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "Valley Growers Ltd is a registered society. Registered office: The Barn, Lowmoor.",
        "Harbour Sport on WhatsApp: every score the moment it lands, from the pier to the park.",
        "Previously on Pit & Paddock: why the north hairpin is the coldest corner in the series",
        "A TikTok clip was embedded here. Your cookie settings keep it switched off.",
        "Some of the kit in our gear guides is sold by shops that pay Pit & Paddock a commission.",
        "Seen something in your street? Send a photo to the Valley Post newsroom for the page.",
    ],
)
def test_outlet_notes_in_their_own_words_go(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "Previously on Monday, the council had voted to close the library for a month.",
        "Agents who pay the council a commission on every sale will be audited next year.",
        "The Reuters newsroom in London was evacuated on Tuesday after a fire alarm.",
        "The video was shown here last year at the film festival, organisers said.",
    ],
)
def test_story_lines_with_the_same_words_stay(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]


@pytest.mark.parametrize(
    "line",
    [
        "رقم «الساحل» على واتساب يوصل إليك أهم الأخبار كل صباح عند السابعة.",
        "الساحل اليوم على هاتفك: كل الأخبار من المدينة في جيبك ومجانا.",
        "للإعلان في الساحل اليوم: قسم التسويق في خدمتكم طوال أيام الأسبوع.",
    ],
)
def test_arabic_outlet_promos_go(line: str) -> None:
    story = "أعلنت الشركة الوطنية للنقل زيادة عدد الرحلات اليومية خلال عطلة الصيف."
    assert clean_blocks([story, line], RULES, language="ar").kept == [story]


def test_an_announcement_that_starts_like_an_ad_line_stays() -> None:
    line = "للإعلان عن الفائزين: ستقام الحفلة مساء الخميس في القاعة الكبرى بحضور المحافظ."
    assert clean_blocks([line], RULES, language="ar").kept == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Fuel prices are published for information only and should not be used to plan trips.",
        "أسعار الذهب المذكورة للاستئناس فقط وليست توصية بالشراء أو البيع.",
        "الأسعار أعلاه متوسطات استرشادية من الصفقات المسجلة ولا تعد تقييما معتمدا للعقار.",
        "رخصة الإعلانات العقارية رقم ٧٧٠٠٠١٢٣٤٥",
        "مساحة إعلانية – مجمع «النخيل» التجاري: محلات للإيجار بأسعار تبدأ من ٩٠٠ دينار",
        "مواقيت الصلاة في عمّان اليوم: الفجر ٤:٥٠ – الظهر ١١:٣٨ – العصر ٢:٤٩",
        "هل لديك صورة من حيك؟ أرسلها إلى فريق التحرير على photos@example.com",
    ],
)
def test_small_print_and_widgets_in_their_own_words_go(line: str) -> None:
    story = "أعلنت الشركة الوطنية للنقل زيادة عدد الرحلات اليومية خلال عطلة الصيف."
    assert clean_blocks([story, line], RULES, language="ar").kept == [story]


@pytest.mark.parametrize(
    "line",
    [
        "The council said the figures should not be relied on until they are audited next year.",
        "قال التاجر إن لديه قصة طويلة مع الحوالات وأرسلها إلى الصحيفة العام الماضي.",
        "وأعلنت الوزارة مواقيت الصلاة الجديدة في رمضان بعد اعتماد التقويم الرسمي.",
    ],
)
def test_story_lines_about_the_same_things_stay(line: str) -> None:
    story = "أعلنت الشركة الوطنية للنقل زيادة عدد الرحلات اليومية خلال عطلة الصيف."
    assert clean_blocks([story, line], RULES, language="ar").kept == [story, line]


def test_an_ask_before_the_story_with_a_stop_between_goes_alone() -> None:
    story = "وقال مسؤول في الهيئة إن المنشآت الصغيرة ستحصل على دعم فني مجاني خلال الأشهر الأولى."
    line = f"للإعلان معنا: اتصل بقسم المبيعات. {story}"
    assert clean_blocks([line], RULES, language="ar").kept == [story]


def test_a_newsletters_sponsor_line_and_its_offer_go() -> None:
    line = (
        "This week's Tide Sheet is supported by Quayside Savings. Easy-access accounts, no fees, "
        "and a branch by the ferry terminal."
    )
    assert clean_blocks([STORY, line], RULES).kept == [STORY]


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Festival is supported by Arts Council England. Tickets go on sale on Monday.",
        "This week's Harbour Festival is supported by Arts Council England, organisers said.",
    ],
)
def test_a_story_about_who_supports_an_event_stays(line: str) -> None:
    assert clean_blocks([STORY, line], RULES).kept == [STORY, line]
