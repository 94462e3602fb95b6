"""A station's frequencies and sponsored segments, a paper's print run and shop days, a
magazine's issue offers and member perks, rights and courtesy notes on market data, a comment
box's house rules, the ad label in round brackets, verbless newsletter pitches, the outlet's
own page in Maghreb and Levantine Arabic, a trade journal's product boxes, a pager's glued
labels and link asides in lower case: shapes blind sets 194-213 showed missed or wrongly
cut, written in other words here; and the story's sentences that share their words and
stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import (
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
        # a station's frequencies, streams and sponsored segments
        "Harbour Radio broadcasts on 101.4 and 103.9 FM across the two counties.",
        "Valley Sound is on 88.2 FM, 95.6 FM and on the Valley Sound app.",
        "News on the hour and sport at half past, on 1440 AM and wherever you listen.",
        "The Farm Hour is brought to you each weekday by Millbrook Feeds, feeding herds since "
        "1958.",
        "Live coverage of every county final comes to you on Harbour Sport in association "
        "with Doyle's Garage.",
        "Midday Markets is presented by Corran Seeds.",
        "Hear this report read aloud (4 min)",
        # a paper's print run, shop days and full reports in print
        "The Sentinel is on sale every Wednesday, and the e-edition is on your tablet from 5am.",
        "Read the full results service in this week's paper, on sale now.",
        "Quarry Quarterly appears four times a year in print and digital editions.",
        "Pick up a copy: six issues for £9 when you pay by card.",
        "Advertising space available — reach 12,000 homes every week.",
        # members' perks, pitches and appeals
        "Gold members get the complete plans library included with their membership.",
        "The week's top Fenland stories, delivered before the school run.",
        "Planning rows on your street, explained every Monday. It's free and arrives by 7am.",
        "The best of the coast's food and music, every Saturday, straight to your inbox.",
        "A donation of any size keeps the Gazette's newsroom open.",
        # rights, courtesy and comment rules
        "Reprinted with permission of the author.",
        "All rights reserved by the Valley Courier, 2026.",
        "Price tables in this bulletin may not be reproduced without the publisher's consent.",
        "Auction results are supplied courtesy of the county marts.",
        "Comments are open on this article. Please keep the debate respectful.",
        "Share this announcement:",
        "Buy it from £24.50 at Harbour Outdoor",
        # the outlet's own page and newsletter in dialect
        "تبغى تعرف آخر أخبار السوق؟ سجّل فالنشرة ديالنا كل يوم.",
        "حسابنا على انستغرام فيه كل جديد الفريق",
        # sets 200-205: pitches, schedules, partners, appeals and a trade journal's boxes
        "Don't miss a match – the weekend's results land every Sunday night.",
        "One email a week, every planning decision in the borough – get the Planning Digest.",
        "Be the first to hear about new exhibitions and late openings.",
        "Weather updates air weekdays at 7:10 a.m. and 5:40 p.m. on stations across the Coast "
        "network.",
        "Listen to this report read in Welsh on Radio Glannau every Sunday.",
        "Coast FM – The Sound of the Shore",
        "Harbour News is the official media partner of the Regatta 2026.",
        "Members get every match report for less than a cup of tea a week.",
        "Journalism like this takes months to produce.",
        "Reach tens of thousands of listeners – advertise on Coast FM today.",
        "Island Deals: Get up to 25% off ferry tickets this winter",
        "Roofs that last: discover how slate coatings double a roof's life",
        "Request a brochure from this manufacturer",
        "Related products: Kestrel 900 tile cutter",
        "Sponsored content: Harbour Motors — family owned since 1964",
        "Comments remain the sole responsibility of their writers.",
        "Gazette stories may be republished with attribution.",
        "Commercial reproduction requires prior written permission.",
        "Jane Roe / Coast Wildlife Photographer of the Year 2026",
        "Expand photo",
        "Save this recipe for later!",
        "4 min",
        "Previous StoryCouncil approves new cycle lanes",
        "Many thanks for reading the Harbour Gazette!",
        "More from 96.4 The Coast:",
        "شاهد الملخص كاملاً",
        "الصحافة المستقلة تحتاج إلى دعمك. تبرع ولو بمبلغ رمزي.",
        # sets 206-209: programmes by name, underwriting, versions, section sponsors
        "Catch Harbour Breakfast weekdays from 6 to 10 for the latest on the roads.",
        "Support for local reporting comes from the Valley Futures Trust.",
        "The Welsh version of this report is read on the evening bulletin at 6.30pm.",
        "Ruth Roe (photo) / Valley Courier",
        "Harbour Weekly lands every Friday – the port's news, prices and people in ten minutes.",
        "Home & Garden is supported by Fenn Garden Centre.",
        "This article is for personal use only.",
        "Republication requires a licence from Harbour Media.",
        "Full match report and ratings in this week's print edition, on sale Thursday.",
        "Our best stories, straight to your phone – just tap Allow when asked.",
        "Subscribe to the Gazette for just £3.99 a month and never miss a story.",
        "Write to the editor and tell us what the closure means for you.",
        "كل محتويات الموقع محمية بموجب القانون، ويمنع نسخها دون إذن.",
        "المرفأ | عدسة: سامي الحداد",
        # sets 210-213: players, galleries, desks, print issues, shops, a dialect see-also
        "Listen to the full Harbour Business Hour below:",
        "Audio Player 00:00 00:00 Use Up/Down Arrow keys to increase or decrease volume.",
        "REGATTA GALLERY: See 36 pictures from Sunday's racing",
        "Lea esta nota en español",
        "Got a result or a photo? Send it to the sports desk by Monday noon.",
        "Have your say: ring the Openline line after 9 on 051 444 222.",
        "Spring issue out now: 80 pages of walks, maps and kit tests.",
        "Join 8,000 engineers who already read it.",
        "Buy Tides of Kessock Point at Harbour Books (£12)",
        "News, sport and weather every hour - 96.4 and 103.1FM.",
        "شوف زادة: الفريق يدخل معسكراً مغلقاً",
    ],
)
def test_the_outlets_own_line_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The station, which broadcasts on 98.1 FM, was fined by the regulator last year.",
        "The new station will broadcast on 101.2 FM from March.",
        "The award is presented by the mayor at a dinner in June.",
        "The club's newsletter goes out to 600 members each quarter and now carries a tide table.",
        "Entry to the museum is free, and the exhibition runs until 12 May.",
        "Lunch is provided courtesy of the Rotary Club, the organisers said.",
        "The magazine appears twice a year, the editor said.",
        "Members of the club share the cost of the pontoon.",
        "The dispute centred on whether the photographs could be reproduced without "
        "permission, the court heard.",
        "Comments on the draft plan are open until 30 June.",
        "She told the hearing that the paper is on sale every Thursday in 40 shops.",
        "وأضاف أن الحاجز سيحمي أكثر من ألف منزل في الحي.",
        "She was the first to hear the alarm, the report said.",
        "The bus runs Monday to Friday from 7 a.m.",
        "The programme aired weekdays at 9 a.m. until it was cut last year.",
        "Tickets cost less than a coffee, the organisers said.",
        "Save up to 30% on heating bills by insulating the loft, the energy adviser said.",
        "Follow these steps to check whether your home is at risk:",
        "«الميناء عند الفجر» – تصوير سامي الحداد، 1968",
        "Support for the bill comes from farmers and the county's water board.",
        "The Harbour Trust is supported by the council and by two local firms.",
        "The English version of the treaty was signed in May, the ministry said.",
        "The gallery will show 40 pictures from the regatta's first century.",
        "Residents should send their photos to the council by Friday.",
        "She listened to the full recording in court, the report said.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "left"),
    [
        (
            "The gates were built from steel, concrete and (Advertisement) oak, the engineers "
            "said.",
            "The gates were built from steel, concrete and oak, the engineers said.",
        ),
        (
            "Save 10% on river cruises with our Reader Card. Entry to the barrier's visitor "
            "centre is free, and it opens daily from 9am.",
            "Entry to the barrier's visitor centre is free, and it opens daily from 9am.",
        ),
        (
            "The gates were tested (see the full report) before the floods arrived.",
            "The gates were tested before the floods arrived.",
        ),
        (
            "Tickets are on sale online click here and at the town hall.",
            "Tickets are on sale online and at the town hall.",
        ),
        (
            "وقال المهندس إن الحاجز اقرأ أيضاً: هل تكفي الحواجز لحماية المدن؟ سيحمي ألف منزل.",
            "وقال المهندس إن الحاجز سيحمي ألف منزل.",
        ),
        (
            "وأضاف أن الحاجز (انظر الفيديو أسفله) يعمل آلياً.",
            "وأضاف أن الحاجز يعمل آلياً.",
        ),
        (
            "Proceeds from the raffle Link opens in a new window will pay for the new gates.",
            "Proceeds from the raffle will pay for the new gates.",
        ),
        (
            "The authority said in an advisory [Download PDF] issued on Friday that the gates "
            "would close.",
            "The authority said in an advisory issued on Friday that the gates would close.",
        ),
        (
            "وأكد المهندس أن الأشغال ستستمر إشهار إلى غاية شهر ديسمبر.",
            "وأكد المهندس أن الأشغال ستستمر إلى غاية شهر ديسمبر.",
        ),
        (
            "وقال المهندس إن البوابة الرئيسية إعلان هي الأكبر في المنطقة.",
            "وقال المهندس إن البوابة الرئيسية هي الأكبر في المنطقة.",
        ),
    ],
)
def test_a_glued_promo_or_label_is_cut_and_the_copy_stays(line: str, left: str) -> None:
    result, body = clean(line)
    assert result.kept == in_story(body, left), result.removed
