"""Editorial furniture recognised by its shape (settings/noise_kinds.toml): datelines and desk
initials alone on a line, bylines and picture credits in other shapes, data credits and ticker
lines, the outlet's disclaimers, pointers to its video and deals, promos behind an emoji, and
notes about the writer at the bottom. Made-up wording; look-alike sentences of a story stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.cleaning.rules import LineForms
from tests.support.stories import clean_in_story, in_story

RULES = load_noise_rules(None)
BODY = [
    "The harbour authority approved the new ferry terminal on Tuesday after a long debate.",
    "Engineers said the old pier had been sinking for years and could not be repaired.",
    "Construction is due to start in the spring and to last about eighteen months.",
    "Local traders welcomed the decision but asked for a plan to keep the quay open.",
]
BODY_AR = [
    "وافقت هيئة الميناء على إنشاء محطة العبارات الجديدة يوم الثلاثاء بعد نقاش طويل.",
    "وقال المهندسون إن الرصيف القديم كان يغرق منذ سنوات ولا يمكن إصلاحه.",
    "ومن المتوقع أن تبدأ أعمال البناء في الربيع وأن تستمر نحو ثمانية عشر شهرا.",
    "ورحب التجار بالقرار لكنهم طالبوا بخطة لإبقاء الرصيف مفتوحا.",
]


def rule_for(line: str) -> str | None:
    """The rule that removed ``line`` set among a story's paragraphs (None: kept)."""
    result, body = clean_in_story(line, RULES, BODY, BODY_AR, at=2)
    assert [k for k in result.kept if k != line] == body
    if line in result.kept:
        return None
    return next(r.rule for r in result.removed if r.text == line)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("PORT HALVERN:", "kind:desk_line"),
        ("Filed 09:42 GMT", "kind:desk_line"),
        ("Published: 14:32, 2 November 2026 | Updated: 16:05, 2 November 2026", "kind:desk_line"),
        ("09:15, 21 Oct 2026", "kind:desk_line"),
        ("bur-jr/ach", "kind:desk_line"),
        ("صيدا في 4 ديسمبر /الساحلية/", "kind:desk_line"),
        ("م.ع/ ر.ح", "kind:desk_line"),
        ("by: Mara Quill", "kind:byline_credit"),
        ("— HPN pic by Tomas Reyes", "kind:byline_credit"),
        ("Courier picture: Lena Holt", "kind:byline_credit"),
        ("Stats provided by Scoreline", "kind:data_credit"),
        ("Odds courtesy of Betwell Sports.", "kind:data_credit"),
        ("Market data delayed by at least 20 minutes.", "kind:data_credit"),
        ("HRBR +2.40% QYTX -0.85%", "kind:data_credit"),
        ("The Harbour Post is not responsible for the content of external sites.", None),
        ("Read about our approach to external linking.", "kind:site_disclaimer"),
        (
            "This story was produced with the help of AI tools and checked by an editor.",
            "kind:site_disclaimer",
        ),
        ("VIDEO ABOVE: Crews clear the old pier before the works begin", "kind:media_promo"),
        ("(فيديو) لقطات من افتتاح المحطة الجديدة", "kind:media_promo"),
        ("Watch Harbour 7 News at 6 and 10 p.m. weeknights.", "kind:media_promo"),
        ("Today's best ferry ticket deals", "kind:media_promo"),
        ("Updated 14:20 GMT, 3 December", "kind:desk_line"),
        ("Harbour News | By Lena Holt, Staff Writer | December 3, 2026", "kind:desk_line"),
        (
            "Sponsored: Compare ferry passes with fares from 2 pounds a day",
            "kind:support_disclosure",
        ),
        (
            "Rights & permissions: to republish this article, contact the syndication desk",
            "kind:support_disclosure",
        ),
        (
            "The Harbour Post may receive compensation when you click on links to products.",
            "kind:support_disclosure",
        ),
        (
            "This map is provided by TileCo, which may be using cookies and other technologies.",
            "kind:embed_consent",
        ),
        ("لمزيد من الأخبار تابع صفحتنا على فيسبوك", "kind:prompt_ar"),
        ("شارك برأيك في التعليقات أسفل الخبر", "kind:prompt_ar"),
        ("تُرجم هذا الخبر آلياً بمساعدة الذكاء الاصطناعي وراجعه محرر.", "kind:prompt_ar"),
        ("الإعلان", "kind:ad_slot"),
        ("Share this fact-check: Facebook WhatsApp X Email", "kind:page_tools"),
        (
            "Lena Holt · Harbour News · Posted: Mar 12, 2026 4:00 AM | Last Updated: 5 hours ago",
            None,
        ),
        ("Corrections and clarifications | Submit a news tip", "kind:page_tools"),
        ("Audio player: 00:00 / 04:12", "kind:page_tools"),
        ("Rating: Mostly false", "kind:page_tools"),
        ("Fact check by Lena Holt | March 11, 2026", "kind:page_tools"),
        ("Read more fact-checks: No, the ferry is not being sold", "kind:page_tools"),
        ("Striped deck chair, set of 2, £48, Quayside Home", "kind:page_tools"),
        ("شارك: فيسبوك إكس واتساب نسخ الرابط", "kind:page_tools"),
        ("- إعلان -", "kind:page_tools"),
        (
            "This article is for information only and is not medical advice.",
            "kind:reader_notices",
        ),
        ("Comments have to be in English and in full sentences.", "kind:reader_notices"),
        ("Catch all the Latest News and Updates on The Harbour Post.", "kind:reader_notices"),
        ("Kindly share this story:", "kind:reader_notices"),
        ("أعجبك الخبر؟ شاركه مع أصدقائك", "kind:reader_notices"),
        ("هذا المحتوى مستضاف على منصة خارجية.", "kind:reader_notices"),
        ("Media contact:", "kind:press_release"),
        (
            "You may republish this article for free under a Creative Commons licence.",
            "kind:rights_and_disclosures",
        ),
        ("Advertiser Disclosure: Many of the offers here come from partners.", None),
        (
            "Quay Money is compensated by some of the partners featured here.",
            "kind:rights_and_disclosures",
        ),
        ("Instagram content: This content can't be shown without social media cookies.", None),
        ("فيديو | ملخص مباراة النسور والشموع", "kind:rights_and_disclosures"),
        (
            "تابع كل أخبار الدوري لحظة بلحظة على تطبيق بوابة الساحل",
            "kind:rights_and_disclosures",
        ),
        (
            'Play video, "The quay at dawn", Duration 2 minutes 14 seconds',
            "kind:offers_and_players",
        ),
        (
            "Bet £10 Get £30 in Free Bets – New customers only. Claim offer",
            "kind:offers_and_players",
        ),
        ("Our Expert Pick: Harbour United -1.5 @ 1.91 – Bet Now", "kind:offers_and_players"),
        ("Featured listings near Port Halvern", "kind:offers_and_players"),
        ("Stream Lantern Weather: Spotify | Apple Music | Bandcamp", "kind:offers_and_players"),
        ("Jamie Rourke | Ferry Analyst | 22/03/2025", "kind:offers_and_players"),
        ("Hear more stories like this on Harbour Tide, weekdays from 6 a.m.", None),
        ("Audio for this story will be available at approximately 7 p.m.", None),
        ("Real-time ferry alerts with Quay Pro — try it free for 14 days.", None),
        ("Terminal subscribers can view the full transcript on HPT <GO>.", None),
        ("Presented by Tarnfell Outdoor – gear built for the long haul.", None),
        ("A booking photo does not mean a person has been convicted of a crime.", None),
        ("Know something about this case?", None),
        ("Medically reviewed by Dr. Hanna Oyelaran, paediatrician", None),
        ("شاهد البث المباشر لقناة الساحل", None),
        ("تشغيل الفيديو 02:15", None),
        ("How we report: read the Harbour Post editorial code", "kind:outlet_voice"),
        ("Want to respond to this piece? Write to letters@harbour.example.", None),
        ("Got a harbour exclusive? Email tips@harbour.example – we pay for stories", None),
        ("Explore more on these topics: Ferries | Ports | Transport", None),
        ("By the Harbour FM newsroom", "kind:outlet_voice"),
        ("▶ Play audio (2:14)", "kind:outlet_voice"),
        ("Jump to recipe", "kind:outlet_voice"),
        ("★★★★★ Rate this recipe", "kind:outlet_voice"),
        ("Today's best deal: Quayline pass – £79 at FerryShop (was £99)", "kind:outlet_voice"),
        (
            "إخلاء مسؤولية: المعلومات الواردة هنا لأغراض إعلامية فقط ولا تُعد نصيحة استثمارية.",
            "kind:outlet_voice",
        ),
        ("Lena Holt, Head of Communications, press@harbour.example, +1 555 0100", None),
        ("View original content to download multimedia: https://wire.example/r/1", None),
        (
            "This release contains forward-looking statements within the meaning of the act.",
            "kind:press_release",
        ),
        # pages round 62: the rest of a safe-harbour paragraph, and a listed company's
        # disclosure note
        (
            "These statements are based on management’s current expectations and are subject "
            "to risks and uncertainties that could cause actual results to differ materially.",
            "kind:press_release",
        ),
        (
            "Keldermark Systems undertakes no obligation to update any forward-looking "
            "statement, except as required by law.",
            "kind:press_release",
        ),
        (
            "This information is subject to the disclosure requirements pursuant to Section "
            "5-12 of the Norwegian Securities Trading Act.",
            "kind:press_release",
        ),
        # pages round 64: a reader poll's small print
        (
            "This poll is not scientific and reflects only the opinions of readers who chose "
            "to take part.",
            "kind:page_notices",
        ),
        # noise set 317: an outlet's note on its own funding under a story about a council
        (
            "Editor's note: The Civic Brief receives no funding from the City of Port Alder "
            "or the police services board.",
            "kind:house_asks_and_tip_lines",
        ),
    ],
)
def test_furniture_is_removed_by_its_shape(line, rule):
    """Removed by a kind: the one named, or another kind that knows the same shape first."""
    got = rule_for(line)
    assert got is not None and got.startswith("kind:")
    if rule is not None:  # and the named kind knows it on its own
        assert any(r.name == rule and r.matches(LineForms(line)) for r in RULES.lines), got


def test_a_promo_behind_an_emoji_is_read_like_one_without():
    assert rule_for("⚽ Download the Harbour Sport app for live scores and alerts") is not None
    assert rule_for("👉 Follow us on Instagram for more pictures of the quay.") is not None


@pytest.mark.parametrize(
    "line",
    [
        "Data provided by the ministry show a rise in ferry passengers this year.",
        "Figures from the port authority showed traffic up by a tenth.",
        "Watch parties were held in three bars on the quay for the vote.",
        "Top negotiators reached two deals on the terminal's funding by Friday.",
        "He was a reporter for the Harbour Post for thirty years before he retired.",
        "The best deals, traders said, were struck before the works were announced.",
        "الانتخابات في 12 مارس",
        "Officials said the AI tools used to plan the timetable were checked by engineers.",
        "Affiliated clubs will receive a share of the television revenue.",
        "This story was supported by a grant from the Coastal Reporting Fund.",
        "إعلان الفائزين بالمسابقة سيكون يوم الجمعة.",
        "Tickets cost £5 for adults, organisers said, and children go free.",
        "Jump to: Music | Theatre | Dance",
        "Readers who spotted the error sent it to the council, which corrected the notice.",
        "The ministry said the information was for planning only and could change.",
        "The harbour office can be reached at info@harbour.example, officials said.",
        "About 200 people attended the meeting on Tuesday.",
        "Her complaint appeared on the letters page of the Gazette last week.",
        "He is presumed innocent until proven guilty, his lawyer said on Monday.",
        "Residents can try it free for a week, the council said.",
        "New customers only pay half price in the first month, the operator said.",
        "Stream the final on Netflix from Friday.",
        "Executives are compensated by stock awards that vest over four years.",
        "تابع الوزير أعمال اللجنة عبر قناة التلفزيون الرسمي.",
        "Anyone can republish the map, the council said, as long as they credit it.",
        "Featured listings in the harbour guide sold out within a week.",
        "Sponsored by Rotary, the harbour fun run raised two thousand pounds.",
        "By the end of the week the newsroom was empty.",
        "Children can play the video game at the harbour museum on Saturdays.",
    ],
)
def test_sentences_of_the_story_that_look_like_furniture_stay(line):
    assert rule_for(line) is None


def test_a_note_about_the_writer_at_the_bottom_is_removed():
    bio = "Mara Quill is a senior reporter at the Harbour Post covering transport and the port."
    tested = "Kai has been testing ferries and timetables for the Post since 2018."
    result = clean_blocks([*BODY, bio, tested], RULES)
    assert result.kept == BODY
    # the byline kind knows `<name> is a ... reporter`; the record shape knows the rest
    assert {r.rule for r in result.removed} <= {"record:author_bio", "kind:byline"}
    assert "record:author_bio" in {r.rule for r in result.removed}


def test_an_obituary_s_last_lines_stay():
    last = "She was a reporter for the Harbour Post for thirty years."
    also = "Mara Quill is survived by her two sons and a granddaughter."
    result = clean_blocks([*BODY, last, also], RULES)
    assert result.kept == [*BODY, last, also]


def test_an_ad_label_glued_between_two_arabic_sentences_is_cut_out():
    glued = "وقال المدير إن التذاكر متاحة.إعلانوأضاف أن الحفل سيقام في المساء."
    result = clean_blocks(in_story(BODY_AR, glued), RULES)
    assert result.kept[2] == "وقال المدير إن التذاكر متاحة. وأضاف أن الحفل سيقام في المساء."
    # a word that starts like the label, after a full stop, is left as it is
    ads = "وقال المدير إن التذاكر متاحة.إعلانات الوظائف نشرت أمس."
    assert ads in clean_blocks(in_story(BODY_AR, ads), RULES).kept


def test_a_press_release_s_standing_description_under_its_about_label_is_removed():
    about = (
        "Quayline Ferries Ltd. runs passenger services between six harbours and employs 300 people."
    )
    result = clean_blocks([*BODY, "About Quayline Ferries", about, "Media contact:"], RULES)
    assert result.kept == BODY
    assert "record:about_block" in {r.rule for r in result.removed}


def test_a_source_ending_in_digits_glued_to_its_age_is_the_aggregator_s_header():
    result = clean_blocks(["Harbour 2414 hours ago", *BODY], RULES)
    assert result.kept == BODY
    assert clean_blocks(in_story(BODY, "The ferry left 14 hours ago."), RULES).kept[2] == (
        "The ferry left 14 hours ago."
    )


@pytest.mark.parametrize(
    "line",
    [
        "These statements are based on interviews with 40 residents, the report said.",
        "These statements are subject to review by the ethics committee, which meets in March.",
        "This information was shared with the police on Monday, a spokesperson said.",
        "The charity receives no funding from the government, its director said.",
        "The survey is not scientific, but the council said it would consider the results.",
    ],
)
def test_story_lines_that_open_like_safe_harbour_text_stay(line):
    assert rule_for(line) is None
