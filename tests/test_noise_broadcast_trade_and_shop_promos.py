"""A station's slogans and programme promos, a trade journal's stand and advertising pitches,
a shop's lines, a magazine's features of the week, a writer's note in Arabic, an embed with no
text, a read-more box whose one link is a question, a publisher rail's headline over its date,
and the Arabic ad label before a clause: shapes blind sets 172-193 and the sites written blind
showed missed or wrongly cut, written in other words here; and the story's sentences that
share their words and stay."""

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
        # a station's programmes, slogans and sponsors
        "Hear this interview and more on Valley Sound's Drive Time, weekdays from 4 p.m.",
        "Tune in every weekday at 7:15 a.m. for the Valley Farm Report",
        "For more local music and sport, keep it locked to Coast 99.",
        "Coast 99 — the best music and local news, every hour on the hour.",
        "Coast 99 97.4 FM | Headlines on the hour, every hour",
        "Catch all the action live on Coast 99 and the Coast 99 app.",
        "Catch the Harbour Market Wrap weekdays at 12:30 on your local Coast affiliate.",
        "Harbour FM's Niamh Doyle reports:",
        "Valley Sound's Farm Report is sponsored by Millbrook Feeds.",
        "Coast News is presented by Harbour Motors — serving the valley since 1971.",
        "This segment made possible by Greenlane Nurseries.",
        "Pledge today to keep community radio on the air.",
        # the paper's own pages, deadlines and funders
        "Club notes and pictures for the next edition should reach the newsroom by Tuesday at 5pm.",
        "Motoring news every week in the Gazette's Wheels supplement, only in the print edition.",
        "The Gazette is in all good newsagents every Friday, or read the e-edition from £1.20 a "
        "week.",
        "The Courier's council coverage is made possible in part by a grant from the Riverside "
        "Trust, which has no say over what we publish.",
        "This weather report is supported by Fenn Garden Centre.",
        "Sports news from across the islands, every evening.",
        "Support the Gazette by becoming a member today.",
        "Free registration required to read the full tender document.",
        "The article continues below this advertisement",
        # a trade journal's and a shop's lines
        "Want to reach 40,000 buyers in the timber trade? Speak to our sales team about "
        "advertising opportunities.",
        "See it in action on stand C14.",
        "Tile cutting made simple: the Kestrel 900 cuts 60 tiles an hour on a single plug.",
        "Timber Expo 2026 — early-bird tickets close 1 March",
        "Never miss a fixture: Score Alert texts you every result, for £1.99 a month.",
        "Compare home insurance quotes and see how much you could save.",
        "Buy seed trays from £4.99 at Greenlane Nurseries",
        "Shop our winter cycling picks",
        "Prices come from shops we work with, and we may be paid when you buy.",
        "The Gazette may earn a small cut from purchases made through links on this page.",
        "Recipe of the week: Smoked haddock chowder",
        # a trade paper's and a magazine's own lines (sets 182-187)
        "The market data your buyers need, every week, in print and digital.",
        "Log in or register to keep reading the Gazette's price analysis.",
        "Episode 80 is out now: the cost of cold storage, on all major podcast apps.",
        "Subscribe to the Gazette for the full harvest special report.",
        "Have a club milestone coming up? Drop the details into our High Street office and "
        "we'll do the rest.",
        "Gazette readers save 20% on festival tickets this summer.",
        "Our reporters sit through every planning meeting so you don't have to.",
        "Keep that going for less than the price of a coffee a week.",
        "The biggest valley stories reach the Coast 99 app first – it's free on iPhone and "
        "Android.",
        "Sam Lee/For the Gazette",
        "Every result fills six pages of Friday's print edition, on sale at all Spar stores.",
        "This bulletin is also published in French at gazette.example/fr",
        "£2.99 a month gets you the magazine and the full archive.",
        "This article is available to registered readers. Registration is free for growers.",
        "Nominate a volunteer for this year's Gazette Community Awards – entries close in May.",
        "In association with Fenn Builders, Harbour Road – proud sponsors of Gazette sport",
        "You've unlocked every match report this season – thanks for being a Gazette member.",
        "Local news, in English and Welsh, every weekday.",
        "COUNTY NEWS",
        "Morning prices on your phone before you head out — text MARKET to 60123.",
        "Listen back to the full interview with the harbour master on Drive Time below",
        "Log in or register to continue reading.",
        "Review continues after advert",
        # paid tiers, imprints, ad space and the e-edition (sets 188-193)
        "Premium members see our feed price tracker updated daily, plus a monthly outlook.",
        "Three articles a month are free when you register with the Gazette — it takes a minute.",
        "Stories like this stay free to read thanks to readers who chip in.",
        "Printed and published by the Gazette Press Ltd, Mill Lane, Harbour Town.",
        "Space to let on this page — call the Gazette office on 01234 567 for rates.",
        "Want every page of Friday's paper on your screen by 6am? The e-edition is ready "
        "before the shops open.",
        "Unlimited access to our photo archive is yours from just £1 for the first month.",
        "Loved this? The print edition has 20 more pages of it every issue.",
        "Coast 99's Folk Hour is on every Sunday from 8pm, bringing you the best of the "
        "county's musicians.",
        "Gazette Weather: radar, tide times and closures, updated every 10 minutes.",
        "Contact features editor Sam Lee at slee@gazette.example.",
        "Qualified growers receive the print edition of Seed Trade Review at no cost. Check "
        "your eligibility.",
        "Coast 99 — keeping the valley talking since 1992.",
        "Our travel bulletins run at ten past every hour through the night.",
        "Buying via the links in this guide may earn the Gazette a small commission.",
        "Screenshots: Fennick Games",
        "For pharmacy professionals only",
        "This supplement was produced with financial support from Orrin Health. The sponsor "
        "had no editorial control.",
        "Stay close to valley life: our daily digest is one email away.",
        "Have a club event? Put it on our what's on calendar at no charge.",
        # Arabic: a dateline with the outlet and the writer, a writer's note, a dialect promo
        "عين الحلوة - «الساحل» - من رامي خليل:",
        "رنا حداد، محررة الشؤون الاقتصادية في موقع السوق، تكتب عن الطاقة والنقل منذ عام 2015.",
        "حابب تعرف آخر أخبار السوق؟ نشرتنا المسائية بتوصل على إيميلك كل يوم",
        "الإعلانات",
        "«الساحل» موقع مستقل، ودعمكم هو اللي يخلينا نكملو.",
        "خليكم معانا.. كل جديد المنتخب تلقاه عندنا قبل الجميع",
        "كل خميس، أحلى ما نشرناه بيوصل لعندك عالإيميل.. سجّل هون",
        "الكلمات المفاتيح: الزيتون، التصدير، الأسعار",
    ],
)
def test_the_outlets_own_line_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The council's report is supported by data from 40 councils.",
        "The show is presented by comedian Ruth Roe and runs until May.",
        "Catch limits for cod will be cut by a fifth next year, the ministry said.",
        "The minister said local news is a public good that deserves support.",
        "Applications should reach the office by Friday, the council said.",
        "Hear, hear, said the mayor as the vote was read.",
        "Player of the month: Sam Lee",
        "قال رامي خليل، مراسل الوكالة في صيدا، إن الطريق أغلق صباح الأحد.",
        "وقررت الحكومة تأجيل إعلان بسبب الظروف الجوية.",
        "وجاء في إعلان أن موعد الافتتاح تأجل أسبوعاً.",
        "The barrier's builders will show the gates to visitors on stand days in June.",
        "Residents can ride the bus for less than the price of a coffee, the council said.",
        "Back issues dating to the first edition will be scanned by the heritage group and "
        "made available online.",
        "Entries close on 30 September, the organisers said.",
        "The bank is a proud sponsor of the regatta, its spokesman said.",
        "Members make sure the hall is swept after every meeting.",
        "وأضاف أن عبارة «جميع الحقوق محفوظة» تطبع على الغلاف لكنها لا تحمي أحداً.",
        "The e-edition will close in March, the publisher said.",
        "The print edition will carry the full results on Thursday, the editor said.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


@pytest.mark.parametrize(
    ("line", "left"),
    [
        (
            "Advertise with us: reach 20,000 homes across the valley. The second gate will "
            "open in June, the engineers said.",
            "The second gate will open in June, the engineers said.",
        ),
        (
            "Never miss a story: the Gazette's briefing lands in your inbox every morning. The "
            "second gate will open in June, the engineers said.",
            "The second gate will open in June, the engineers said.",
        ),
        # the bare Arabic ad label before a clause of what was said or of reason
        (
            "وأكد رئيس البلدية إعلان أن الحاجز سيكتمل في حزيران.",
            "وأكد رئيس البلدية أن الحاجز سيكتمل في حزيران.",
        ),
        (
            "وما زالت الحركة في السوق ضعيفة إعلان بسبب الأمطار.",
            "وما زالت الحركة في السوق ضعيفة بسبب الأمطار.",
        ),
        (
            "وأوضح المدرب أن القائمة ليست نهائية إشهار وأن الباب مفتوح أمام الجميع.",
            "وأوضح المدرب أن القائمة ليست نهائية وأن الباب مفتوح أمام الجميع.",
        ),
        (
            "وقالت البطلة إنها ستشارك الجائزة إعلان مع مدربها.",
            "وقالت البطلة إنها ستشارك الجائزة مع مدربها.",
        ),
        (
            "وقال إن سعر الكيس (50 كيلوغراماً) إعلان يتراوح بين 20 و25 ديناراً.",
            "وقال إن سعر الكيس (50 كيلوغراماً) يتراوح بين 20 و25 ديناراً.",
        ),
    ],
)
def test_a_glued_promo_or_label_is_cut_and_the_copy_stays(line: str, left: str) -> None:
    result, body = clean(line)
    assert result.kept == in_story(body, left), result.removed


def test_an_embed_that_shows_no_text_takes_no_line_of_the_copy() -> None:
    line = "The engineers spent 41 days on the gates over two winters, the council said."
    story = [
        *FLOOD_BARRIER[:2],
        line,
        "View this post on Instagram",
        "A post shared by Harbour Council (@harbourcouncil)",
        *FLOOD_BARRIER[2:],
    ]
    kept = clean_blocks(story, RULES).kept
    assert kept == [*FLOOD_BARRIER[:2], line, *FLOOD_BARRIER[2:]]


def test_a_question_right_under_a_read_more_label_is_its_link() -> None:
    story = [
        *FLOOD_BARRIER[:2],
        "READ MORE",
        "Barrier vote: who is standing and what do they promise?",
        *FLOOD_BARRIER[2:],
    ]
    assert clean_blocks(story, RULES).kept == FLOOD_BARRIER


def test_advice_to_the_reader_after_a_glued_promo_is_the_copys() -> None:
    # a long sentence (over 100 characters) that speaks to the reader alone is advice; a
    # short one, or one in the outlet's voice, is the rest of the promo
    advice = (
        "If you prefer a stronger brew, increase the tea to 30g rather than steeping it for "
        "longer, which turns it bitter."
    )
    result, body = clean(
        f"Get recipes like this every fortnight when you join the Gazette club. {advice}"
    )
    assert result.kept == in_story(body, advice)
    result, body = clean(
        "Get recipes like this every fortnight when you join the Gazette club. It's free, and "
        "you can leave at any time."
    )
    assert result.kept == body, result.removed


def test_a_list_of_figures_after_a_sponsored_rail_is_the_copys() -> None:
    story = [
        *FLOOD_BARRIER[:2],
        "Sponsored content",
        "Optimise your warehouse with Velarmo WMS — book a free demo today",
        "Key figures",
        "Capacity: 600,000 TEU a year",
        "Stacking cranes: 38",
        *FLOOD_BARRIER[2:],
    ]
    assert clean_blocks(story, RULES).kept == [
        *FLOOD_BARRIER[:2],
        "Key figures",
        "Capacity: 600,000 TEU a year",
        "Stacking cranes: 38",
        *FLOOD_BARRIER[2:],
    ]


def test_a_publisher_rails_headline_goes_with_the_date_under_it() -> None:
    story = [
        *FLOOD_BARRIER[:2],
        "Hawkers offered free digital payment training",
        "12/04/2025",
        *FLOOD_BARRIER[2:],
    ]
    result = clean_blocks(story, RULES)
    assert result.kept == FLOOD_BARRIER
    assert ("Hawkers offered free digital payment training", "rail_headline") in [
        (r.text, r.rule) for r in result.removed
    ]
