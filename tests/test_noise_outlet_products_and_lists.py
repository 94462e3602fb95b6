"""The outlet pitching its own papers, emails and archive in the third person, promo bars,
subscription terms, comment prompts after the copy, and the copy's own lists and headings
that must stay (a heading many outlets share, an outlet's related box inside the copy, the
next item of a list of figures): shapes blind sets 148-171 showed missed or wrongly cut,
written in other words here; and the story's sentences that share their words and stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import BoilerplateLearner, clean_blocks, load_noise_rules
from newsbot.profiles import load_profile
from tests.support.stories import (
    FLOOD_BARRIER,
    assert_kept_in_flood_story,
    assert_removed_from_flood_story,
    clean_in_flood_story,
    in_story,
)

RULES = load_noise_rules(None, pitch=False)
DAILY8 = load_noise_rules(load_profile("daily8"), pitch=False)


def clean(line: str):
    return clean_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # the outlet's products in the third person
        "For less than the price of a coffee a week, the Clarion brings you every court case "
        "and every council vote.",
        "Every Friday, the Herald's property pages bring you the best homes for sale.",
        "Each Monday the Herald brings you the full results from every league in the county.",
        "This paper is produced by volunteers and survives on the support of its readers.",
        "Village homes receive every issue free; readers elsewhere can have it posted for £20 "
        "a year.",
        "Unlimited archive access comes with a digital subscription.",
        "Every week our Market Watch lists the sale prices – available to subscribers in print "
        "and online.",
        "Back issues of the magazine can still be ordered from our shop.",
        "Readers who wish to receive the Bulletin by post should write to the address below.",
        "Ask your newsagent to save you a copy of Saturday's souvenir edition.",
        "The Clarion's free Friday newsletter rounds up the week's stories from across the "
        "district.",
        "Get more stories like this in your inbox every Thursday.",
        "Reporting like this is paid for by our members — join from £4 a month.",
        "Run a club or a charity? We'd love to hear from you at news@clarion.example.",
        "Off to the coast? Our Seaside Weekends guide has everything you need.",
        "Daily analysis of the energy markets, trusted by 25,000 professionals.",
        "Saturday's paper includes a free 12-page wedding planner.",
        "Drop us a line at the newsdesk if you spot something we should cover.",
        "In this week's issue: our guide to the county show, letters and six pages of sport",
        "Clarion's morning briefing: the day's news from the valley, in one email at 7am.",
        "The latest local headlines, every hour from 6am on Valley Sound.",
        # promo bars and players
        "Webinar | Cutting downtime on the line | Save your seat",
        "Sponsored · Hydraulic seals delivered next day from Corran Supplies",
        "Watch video: Residents clear the mud from their homes",
        # asks, notices and credits
        "Text FLOOD to 60300 for alerts when the gates close.",
        "Have your say on the barrier: letters to the editor can be sent to the usual address.",
        "The scheme's weekly round-up is brought to you in association with Fenn Builders.",
        "Reproduction permitted only with a link to the original article.",
        "Registered in England and Wales No. 0733311.",
        "Tide tables are provided for information only and should not be relied on for navigation.",
        "Engineers inspect the sluice gates. (Clarion photo/Tom Vane)",
        "شارك برأيك: صوّت الآن في استفتاء الأسبوع",
        "صوت الان: هل أنت مع تمديد ساعات الحاجز؟",
        "الخبر يتواصل بعد الإعلان",
        "لتصلك تنبيهات المد يومياً، أرسل كلمة «مد» عبر واتساب إلى رقم الصحيفة.",
        "كل أخبار الساحل في مكان واحد.. بس حمّل تطبيق الموجة",
        # sets 154-159
        "Make a coffee and relax: our evening bulletin arrives at 6 p.m.",
        "Clarion members enjoy every court report the moment it is filed.",
        "Swap tips with other growers in the Clarion Allotment readers' group on Facebook",
        "Families abroad receive each edition by email a day early.",
        "Our live flood page updates every hour while the warning is in force.",
        "Flood Expo 2026: registration opens in May. Save 15% on exhibitor passes.",
        "Free webinar: What the new flood maps mean for your home.",
        "Trade readers get 24 issues for the price of 12.",
        "Enter our photo competition now – entries close at the end of the month.",
        "Get the top stories from the valley delivered every evening.",
        "Take out a digital subscription and read every page before breakfast.",
        "Earn 2 CPD points by answering the questions on this article.",
        "Back-issue downloads are included with Gold membership.",
        "The full tide tables are printed in Friday's paper.",
        "Could a family day out be yours? Answer one simple question to enter.",
        "We answer to readers, not owners. Chip in what you can.",
        "Meet our editors at Stand B4 in Hall 2 at the Flood Show.",
        "Why you can trust our reviews: every product is tested for a month.",
        "Prices and availability correct at the time of writing.",
        "Advertise with Clarion Media.",
        "Also in the valley this week: Swans return to the mill pond",
        "6 minutes to read",
        "Sylwadau / Comments (3)",
        "Waders: $89 at RiverKit (view deal)",
        "خاص «صدى الساحل»",
        "نشرة المد على «صدى الساحل» تأتيكم برعاية مياه الينابيع",
        "كل أخبار الحاجز توصلك أول بأول.. ومجاناً",
        # sets 160-165
        "The Clarion's free weekly email puts the valley's best stories in one place. Start "
        "it here.",
        "Related news: Ferry timetable changes for the winter",
        "Presented with Harbour Engineering",
        "Registered readers can download the full survey from our resources page.",
        "By our environment correspondent",
        "Be first with every result: the Clarion's text alerts go out at full time.",
        "Want the week's flood news in one email? Thousands of residents already get it.",
        "Road closures, gate times and warnings – we'll send them to you every morning.",
        "Receive our weekly bulletin free every Friday.",
        "Local news that matters to your street, delivered free each Thursday.",
        "Get the latest valley stories the moment they break.",
        "Issue 12 of Harbour Life is on sale now, with a guide to the coast path.",
        "This supplement is supported by Fenn Builders. Editorial control remained with the "
        "Clarion.",
        "Weather brought to you by Marsh Lane Garage - servicing the valley since 1971.",
        "Jobs board: 12 new vacancies in flood defence this week",
        "File photo — The Valley Clarion",
        "Pre-order the Flood Diaries from the Clarion Shop",
        "Listen to the mayor's full speech on Valley Sound",
        "Copyright Valley Clarion Media Ltd.",
        "وصلتك النصائح؟ شاركها مع أهلك وأصدقائك",
        "بدك تضل على اطلاع؟ نشرتنا بتوصلك كل صباح ببلاش",
        "الساحل - (و.أ.ع)",
        # sets 166-171
        "Hear the full interview on Valley Mornings from 9am tomorrow.",
        "Got a story for us? Leave your notes in the box at the library counter.",
        "Articles from this website may only be republished with a link to the original.",
        "Copyright reserved – no part of this page may be copied without consent.",
        "يستمر المقال بعد الإشهار",
        "Next week: our guide to the coastal path.",
        "Upcoming event: Flood Resilience Forum, Leeds, 3 June – early-bird rates end soon",
        "Forward this newsletter to a neighbour who would enjoy it.",
        "You are receiving this email because you signed up at the county show.",
        "Flood warnings go to our WhatsApp group first.",
        "One licence, one invoice, unlimited Clarion access for your whole team.",
        "Love a day out? Our weekend guide rounds up the best walks and markets.",
        "The whole Clarion, every Thursday, for less than the price of a pint.",
        "Listener-funded since 1982. Every pound you give stays in the valley.",
        "Old photographs fill our nostalgia pages every Saturday.",
        "Have every issue delivered and pay a third less than the cover price.",
        "Looking for a walking group? Our group finder lists more than 200.",
        "Discuss this story with other readers in the Clarion community forum.",
        "Valley headlines every morning on Telegram: t.me/valleyclarion",
        "Harbour Lens Photography",
        "By Jane Roe (Valley Sound)",
        "Tide tables in association with Marsh Lane Chandlery - serving sailors since 1950",
        "Weather coverage sponsored by Fenn Builders",
        "On air across the valley on 102.4FM – or stream us anywhere online.",
        "Listen back: the mayor speaking to Valley Mornings",
        "Fig. 2: The new sluice gate. Photo: J. Roe",
        "HARWICH, Essex (VSR)",
        "شارك هذا الموضوع:",
        "أعجبني هذا:",
        "خلك أول من يعرف: نشرة الساحل توصلك كل صباح",
        "الموقع مستقل ولا يتلقى تمويلاً من أي جهة. مساهمتك، مهما كانت صغيرة، تحمي هذا الاستقلال.",
    ],
)
def test_the_outlets_own_line_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # the same words in the story
        "Existing subscribers will receive the digital edition free until their term ends.",
        "The festival brings together brass bands from five counties.",
        "The council said the new app would let residents report blocked drains.",
        "افتح التطبيق واختر «بلاغ جديد» ثم أرفق صورة المجرى المسدود.",
        "وقال مدير المشروع إن أكثر من ألفي مستخدم حمّلوا التطبيق خلال أسبوعه الأول.",
        "وقال رئيس الهيئة: «لم ننته من العمل بعد».",
        "Engineers said the gates were provided for the town by a government grant.",
        "Readers of the report will find the flood maps on page 12, the authority said.",
        "Stall fees will be £15 a week for the first six months.",
        "Club members get every second week free, the manager said.",
        "Enter the building through the side door while the works continue.",
        "ادفع الرسوم إلكترونياً، وستصلك الموافقة خلال دقائق.",
        "لا تحمّل تطبيقات إلا من المتاجر الرسمية، وتجنب الروابط التي تصلك عبر الرسائل.",
        "Meals are delivered free each Wednesday evening to residents over 80.",
        "The council's free weekly email will end in March, officials said.",
        "تحديث التطبيق من المتجر الرسمي فقط",
        "Listen to the river on a quiet night and you can hear the gates move.",
        "Don't try to move it yourself. Contact the museum or the site warden.",
        "Most of the pictures are by Ruth Roe. Photographs by Sam Lee fill the second room.",
        "Parliament passed a law requiring websites to ask visitors for consent to cookies.",
        "Next week the council will vote on the barrier budget.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_glued_link_note_is_cut_and_the_sentence_stays() -> None:
    result, body = clean("The authority cited its annual report (link opens PDF) on the barrier.")
    assert result.kept == in_story(body, "The authority cited its annual report on the barrier.")
    result, body = clean("وقال المهندس إن الحاجز يحمي حي السوق إعلان الذي غمرته المياه ثلاث مرات.")
    assert "إعلان" not in " ".join(result.kept)


def test_a_label_glued_between_sentences_or_words_is_cut() -> None:
    result, body = clean(
        "The first gate opened on Friday. Sponsored content The second will follow in June."
    )
    assert result.kept == in_story(
        body, "The first gate opened on Friday. The second will follow in June."
    )
    result, body = clean(
        "The sensors report over radio [Related: How the old gates failed] to the control room."
    )
    assert result.kept == in_story(body, "The sensors report over radio to the control room.")
    result, body = clean("The gates stayed shut (Read: Storm closes harbour) until Tuesday.")
    assert result.kept == in_story(body, "The gates stayed shut until Tuesday.")
    result, body = clean("Crews made 212 rescues this summer, advertisement up from 180 last year.")
    assert result.kept == in_story(
        body, "Crews made 212 rescues this summer, up from 180 last year."
    )
    result, body = clean("Lunch at the Mill Inn (check prices) is worth the wait.")
    assert result.kept == in_story(body, "Lunch at the Mill Inn is worth the wait.")
    result, body = clean("ويمكن متابعة المنسوب عبر الموقع إعلانأو من خلال الرسائل النصية.")
    assert result.kept == in_story(
        body, "ويمكن متابعة المنسوب عبر الموقع أو من خلال الرسائل النصية."
    )


def test_a_sentence_set_out_as_a_list_keeps_its_clauses() -> None:
    story = in_story(
        FLOOD_BARRIER,
        "Under the new rules, websites must:",
        "explain what data they collect;",
        "allow users to refuse non-essential cookies without losing access to the service;",
        "report breaches within 72 hours.",
    )
    assert clean_blocks(story, RULES).kept == story


def test_a_how_to_heading_without_a_colon_keeps_its_first_step() -> None:
    story = [
        *FLOOD_BARRIER,
        "How to use the alerts",
        "Open the app and choose your street to see the gate times.",
        "The alerts work without a signal once the times are downloaded, the authority said.",
    ]
    assert clean_blocks(story, RULES).kept == story


def test_a_heading_that_is_also_a_sources_name_stays_in_the_copys_case() -> None:
    listed = ["What's on", "Saturday: guided walks along the barrier.", "Sunday: a family day."]
    story = [*FLOOD_BARRIER, *listed, "Entry is free on both days, the trust said."]
    assert clean_blocks(story, DAILY8).kept == story
    # printed as the source's name (Daily8's `What's On`), it is a source slot
    assert "What's On" not in clean_blocks([*FLOOD_BARRIER[:2], "What's On"], DAILY8).kept


def test_a_call_to_comment_after_the_copy_goes_and_one_inside_it_stays() -> None:
    prompt = "Do you back the barrier? Let us know in the comments."
    result = clean_blocks([*FLOOD_BARRIER, prompt], RULES)
    assert result.kept == FLOOD_BARRIER
    assert [r.rule for r in result.removed] == ["record:comment_prompt"]
    # a live blog's reporter talking to readers between paragraphs
    inside = in_story(FLOOD_BARRIER, prompt)
    assert clean_blocks(inside, RULES).kept == inside


def _learned_across(lines: list[str], sources: int = 3) -> BoilerplateLearner:
    learner = BoilerplateLearner(threshold=0, sources=sources)
    for n in range(sources):
        learner.observe(
            f"Outlet {n}", f"a{n}", [f"A story of outlet {n} about the weather.", *lines]
        )
    return learner


def test_a_heading_many_outlets_share_stays_inside_the_copy() -> None:
    learner = _learned_across(["Results", "Neighbourhood guide"])
    story = [
        "Neighbourhood guide",
        "Forty boats took part in the harbour regatta on Saturday, the organisers said.",
        "Results",
        "Senior race: Tidewater Rowing Club",
        "Junior race: Marsh Lane School",
        "The next regatta will be held in September, weather permitting.",
        "Neighbourhood guide",
    ]
    result = clean_blocks(story, RULES, learner=learner, source="Another Outlet")
    assert result.kept == story[1:-1]
    assert [r.rule for r in result.removed] == ["learned_shared", "learned_shared"]


def test_an_outlets_related_box_inside_the_copy_ends_where_the_copy_resumes() -> None:
    story = [
        "Bus fares in the city will rise by 20 cents from July, the council decided on Tuesday.",
        "Related Articles",
        "Council approves new cycle lanes on the ring road",
        "Students could ride for free under a new proposal",
        "Riders who buy monthly passes through the app will pay the old price until August.",
        "The council will review the fares again next year.",
    ]
    result = clean_blocks(story, DAILY8)
    assert result.kept == [story[0], *story[4:]]
    # the site's own related section: entries with their source and age lines
    site = [
        *story[:2],
        "Council approves new cycle lanes",
        "Valley Post",
        "time3 hours ago",
        "Councillors voted on Monday to add protected lanes on the ring road.",
    ]
    assert clean_blocks(site, DAILY8).kept == story[:1]


def test_the_sites_chrome_block_inside_the_copy_ends_only_the_block() -> None:
    """Daily8's block set between two parts of the copy (a template that puts it there, or
    text joined out of order): the paragraphs after it run to the end with nothing of the
    site after them, so they are the copy's. Anything of the site after them (the block
    again, a related entry's source and age) and the block ends the body, as on the page."""
    lead = "Bus fares in the city will rise by 20 cents from July, the council decided on Tuesday."
    rest = [
        "Riders who buy monthly passes through the app will pay the old price until August.",
        "The council will review the fares again next year, a spokeswoman said.",
    ]
    block = ["Try Our AI Features", "Explore what Daily8 AI can do for you:"]
    result = clean_blocks([lead, *block, *rest], DAILY8)
    assert result.kept == [lead, *rest]
    assert [r.rule for r in result.removed] == ["chrome", "chrome"]
    later = [lead, *block, *rest, "Comments", "No comments yet..."]
    assert clean_blocks(later, DAILY8).kept == [lead]
    entry = ["Council approves new cycle lanes", "Valley Post", "time3 hours ago"]
    related = [lead, *block, "Related Articles", *entry, *rest]
    assert clean_blocks(related, DAILY8).kept == [lead]


def test_the_next_item_of_a_list_of_figures_stays() -> None:
    items = ["45p – Harbour Light", "60p – North Pier Light", "£1.20 – Point Marsh Light"]
    story = in_story(FLOOD_BARRIER, "The six new stamps are:", *items)
    assert clean_blocks(story, RULES).kept == story
    # alone, the same shape is a shop's price line
    result, body = clean("£1.20 – Point Marsh Light")
    assert result.kept == body


def test_a_list_of_names_and_their_figures_keeps_its_items() -> None:
    items = ["Millbrook, £265 and £240", "Eastfield, £232", "Upper Weir, £210"]
    story = in_story(FLOOD_BARRIER, "Leading prices:", *items)
    assert clean_blocks(story, RULES).kept == story


def test_the_first_item_under_a_list_heading_stays() -> None:
    story = in_story(
        FLOOD_BARRIER, "The squad's goalkeepers:", "Sam Roe (Harbour Rovers)", "Jan Lee (Mill Lane)"
    )
    assert clean_blocks(story, RULES).kept == story


def test_a_promo_sentence_before_the_copy_goes_and_the_copy_stays() -> None:
    result, body = clean(
        "Hear the full interview on Valley Mornings from 9am tomorrow. A hospice group has "
        "launched an appeal to raise £25,000 for a new family room."
    )
    assert result.kept == in_story(
        body, "A hospice group has launched an appeal to raise £25,000 for a new family room."
    )


def test_a_match_result_framing_the_copy_stays() -> None:
    story = ["SPORT", "Harbour Rovers 2-1 Mill Lane", *FLOOD_BARRIER]
    assert clean_blocks(story, RULES).kept == story[1:]


def test_an_outlets_related_label_right_before_the_copy_goes_alone() -> None:
    story = in_story(FLOOD_BARRIER, "Related Articles")
    assert clean_blocks(story, DAILY8).kept == FLOOD_BARRIER


def test_a_wh_heading_over_a_list_below_the_copy_is_the_copys() -> None:
    listed = ["What to bring", "Wellington boots", "A torch if you are staying after dark"]
    assert clean_blocks([*FLOOD_BARRIER, *listed], RULES).kept == [*FLOOD_BARRIER, *listed]
