"""What blind sets 232-238 and blind pages showed the cleaner missed or lost, written here in
other words: a press release's forward-looking statement, a writer's no-position and
no-advice notes, deal pages' price notes, buttons and sponsor labels, players with their
counters, translation widgets, press-kit downloads, ad countdowns, advice columns' boxes,
paid-placement notes, calls for the reader's pictures, community and ad-free invites,
read-also and ad labels in German, French, Spanish, Portuguese, Italian, Dutch and Polish (the kind
``notices_and_players``); a promo's hook left before it (`Stay ahead of X.`); a sentence
closed by a quotation mark before a glued pointer; a charity's number read as a sentence
end; the copy's own table and spec rows, which one line at a time look like tool bars. And
the story's sentences that share their words, which stay."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.cleaning.tables import table_rows
from newsbot.cleaning.text import sentences
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
        "Safe harbor statement: Statements in this announcement about future results are "
        "forward-looking and involve risks.",
        "Cautionary note regarding forward-looking statements: Our plans may change.",
        "The writer has no holdings in any of the companies discussed.",
        "Northline Markets does not provide investment advice. Always do your own research "
        "before trading.",
        "Retailers may pay us a small fee when you buy through these links.",
        "Our shopping team hand-picks every one of these deals from dozens of offers.",
        "Prices and availability may change without notice.",
        "Every price here was correct at the time of writing, including delivery.",
        "We recheck these offers daily, but always check the final price at the checkout.",
        "£129 at Pellman Home (was £179) ›",
        "$59.99 from Crestline Outdoor →",
        "Listen to the bulletin ► 2:45",
        "Now playing: Drive Time headlines 0:00 / 4:12",
        "Select Language ▼",
        "Powered by Google Translate",
        "Download high-res photos and logos from our press room",
        "Chat about this story with other readers in our Telegram group.",
        "Go ad-free with Morning Ledger Premium and get every episode a day early.",
        "Watch the full interview on Coastline Tonight at 7pm.",
        "Reload the page for the latest posts from the courtroom.",
        "Open an account today and get your first three trades free — T&Cs apply",
        "Stay ahead of the market. Our trading desk sends you the five charts that matter "
        "every Friday morning, free.",
        "تخطي الإعلان",
        "الإعلان ينتهي بعد 10 ثوان",
        "ساهموا في دعم صحافتنا المستقلة بمبلغ بسيط كل شهر.",
        "Harrow Air Fryer XL £64 at Bellmont See deal",
        "Official partner: Quayside Brewing Co",
        "Kit sponsor: Larkfield Engineering",
        "Promoted content from Ashgrove Insurance",
        "On today's episode of The Briefing Room: can the ceasefire hold?",
        "Our reviewers compare dozens of routers every month to find these picks.",
        "Harbour Herald's shopping team hunts out the best prices each weekday.",
        "Dev Patel answers your questions about money every Sunday.",
        "Our agony aunt cannot respond personally to every letter, but all are read.",
        "Some of the restaurants below pay to be featured in our guide.",
        "This does not influence which venues we recommend.",
        "Never miss a column: hit the bell icon at the top of this page.",
        "Opening hours may change without notice.",
        "Rates were correct when this guide was last updated.",
        "Photograph: Rhian Cole for The Larder. Prop styling: Ada Brook",
        "Have you been affected by the floods? Send us your photos and videos.",
        "Lesen Sie auch: Neue Buslinie verbindet Altstadt und Bahnhof",
        "Leia mais: Prefeitura anuncia nova ponte no centro",
        "Lire aussi : La mairie ferme la piscine pour travaux",
        "Te puede interesar: El Ayuntamiento amplía el carril bici",
        "Anzeige",
        "Publicidade",
        "Moradores limpam a praça central após a chuva — Foto: Arquivo/Jornal do Vale",
        "The Ledger is locally owned and member-supported. Subscribe for $5 a month.",
        "This story is free for everyone. For unlimited access to our archive, sign in.",
        "Fares were correct at the time of going to press and are subject to availability.",
        "The Quad Record is editorially independent of the university.",
        "If you share this post, please avoid naming anyone who may be involved.",
        "Please don't speculate online about the case, as this could affect the trial.",
        "Forward this newsletter to a colleague who loves a bargain.",
        "Our money desk answers readers' questions every Monday.",
        "(س.ع)",
        "Published by The Harbour Herald from March 2 to March 4, 2026.",
        "Book tickets now →",
        "Watch: Harbour Town 2-1 Kelby Rovers highlights",
        "Press copy supplied by the studio.",
        "شاهدوا الملخص كاملا.. ابحثوا عن «قناة الوادي» على يوتيوب",
        "— إعلان —",
        "Leggi anche: Il sindaco inaugura la nuova piazza",
        "Czytaj także: Nowy most otwarty dla ruchu",
        "Lees ook: Gemeente opent nieuw zwembad",
        "Reklama",
        "Читайте також: Місто отримало нові трамваї",
        "Читайте также: В городе открыли новый мост",
        "— Реклама —",
        "यह भी पढ़ें: शहर में नई बस सेवा शुरू",
        "विज्ञापन",
        "Baca juga: Pemkot resmikan jembatan baru",
        "Darllenwch y stori hon yn Gymraeg",
        "Síguenos en Google News para recibir las noticias de tu barrio.",
        "Suivez-nous sur Instagram et Facebook.",
        "Folgen Sie uns auf WhatsApp",
        "Léigh an scéal seo i nGaeilge",
    ],
)
def test_the_notice_goes(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "The regulator said the firm had published forward-looking statements that misled "
        "investors about its debts.",
        "The author of the report has no position on the merger, the committee heard.",
        "The bank does not provide financial advice to its customers, its chief executive said.",
        "Prices of heating oil were correct to within a penny, the watchdog found.",
        "Stock levels at food banks can change quickly in winter, volunteers say.",
        "Tickets cost £49 at the door, or £39 in advance.",
        "The museum will show the film at 2:45 and again at 6pm.",
        "The council will pay us back within a month, residents were told by the mayor.",
        "The translation service was powered by volunteers from the university.",
        "Residents can download the flood maps from the council's website.",
        "The T&Cs apply to every customer who opened an account before March, the bank said.",
        "Stay tuned to the committee: it meets again in June to vote on the budget.",
        "أعلنت الوزارة أن الإعلان عن الفائزين سيكون بعد أسبوع.",
        "The new advert airs on Sunday night during the cup final.",
        "Реклама алкоголю на телебаченні буде заборонена з наступного року.",
        "विज्ञापन पर खर्च बढ़ाने के फैसले की विपक्ष ने आलोचना की।",
        "Ten years ago, a weekly vegetable box delivered to your door was a novelty.",
        "Date: Friday, May 2, 9am to 3pm",
        "Display: 6.1in OLED | Battery: 4,000mAh | Weight: 172g",
        "KEY POINTS:",
        "The team compared prices at 40 supermarkets and found wide gaps, the study said.",
        "The club's shirt sponsor pulled out after the season, the chairman confirmed.",
        "Rates may change next year when the new tariff takes effect, the regulator said.",
        "Farmers affected by the drought can apply for the grant until June.",
        "Readers shared their photos of the eclipse with the museum, which will exhibit them.",
        "Die Anzeige wurde am Montag bei der Polizei erstattet.",
        "The station is listener-funded, its director said at the hearing.",
        "The museum is free to visit until the end of the month, the council said.",
        "Requests for a parking permit can be made at the town hall until May, the council said.",
        "The judge warned that social media posts could prejudice the trial.",
        "Prices were checked by inspectors at 40 shops, the watchdog said.",
        "Published in print from 1901 to 1954, it closed when the mill did.",
        "Tickets: Adults £12 | Children £6 | Under-3s free",
        "إعلان الفائزين بالجائزة يوم الخميس المقبل.",
        "Highlights of the season included a cup run and a late league surge.",
    ],
)
def test_a_look_alike_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)


def test_a_shop_button_glued_between_sentences_is_cut() -> None:
    before = "The battery lasted two days in our test."
    after = "The screen is bright enough to read outdoors."
    result, body = clean(f"{before} Check price at Hollis Tech {after}")
    assert result.kept == in_story(body, f"{before} {after}"), result.removed


def test_a_promos_hook_goes_with_it_and_copys_opening_stays() -> None:
    hooked = clean(
        "Glued to the trial? So are we. Sign up to our free court newsletter for every ruling."
    )
    assert hooked[0].kept == hooked[1], hooked[0].removed
    opening = "What happens now? Ministers meet on Monday to decide."
    result, body = clean(f"{opening} Follow our live coverage on the app.")
    assert result.kept == in_story(body, opening), result.removed
    for opening in ("Love Island returns on Monday.", "Keep Britain Tidy counted 40 bags."):
        result, body = clean(f"{opening} Sign up to our free morning newsletter.")
        assert result.kept == in_story(body, opening), result.removed


def test_a_quotation_ends_its_sentence_before_a_glued_pointer() -> None:
    quote = "'We will not back down,' the union said. 'This is about every depot.'"
    assert sentences(f"{quote} READ MORE: Union rejects the offer") == [
        "'We will not back down,' the union said.",
        "'This is about every depot.'",
        "READ MORE: Union rejects the offer",
    ]
    assert sentences("“Why?” she asked.") == ["“Why?” she asked."]
    assert sentences("It is registered charity (no. 204518) in Wales.") == [
        "It is registered charity (no. 204518) in Wales."
    ]


def test_a_result_above_the_copy_stays_and_an_issue_line_does_not() -> None:
    """A result written team, points, team, points opens a match report; an issue line of
    the same length above the copy is the page's."""
    report = [
        "Harbour Town 24 Kelby Rovers 18",
        "A late try by the replacement hooker sealed a first home win of the season.",
        "Kelby led 18-10 at half-time after two converted tries from their wingers.",
        "The hosts kicked two penalties before the decisive score with four minutes left.",
        "Both sides meet again in the cup quarter-final at Kelby next month.",
    ]
    assert clean_blocks(report, RULES).kept == report
    issued = ["Harbour Herald | Vol. 12, Issue 40", *report[1:]]
    assert clean_blocks(issued, RULES).kept == report[1:]


def assert_table_stays_whole(lead: str, rows: list[str], after: str) -> None:
    """A table between two paragraphs of the copy is kept, every row of it."""
    result = clean_blocks([lead, *rows, after], RULES)
    assert result.kept == [lead, *rows, after], result.removed


def test_the_copys_table_stays_whole_and_a_link_row_does_not() -> None:
    rows = [
        "Route | Fare | Journey time",
        "Kelby to Arran Street | £3.40 | 22 min",
        "Kelby to Harbour | £2.10 | 12 min",
    ]
    lead = "The new fares take effect on Monday, the transport authority said."
    after = "Fares on night buses stay unchanged, the authority added."
    assert_table_stays_whole(lead, rows, after)
    links = ["Home | News | Sport | Weather", "About us | Contact | Careers | Advertise"]
    assert table_rows(links) == frozenset()
    assert table_rows([*rows, "Home | News"]) == frozenset({0, 1, 2})
    assert table_rows(["Tags | Buses | Fares"]) == frozenset()


def test_a_table_of_phrases_stays_whole_and_a_footer_of_link_rows_does_not() -> None:
    rows = [
        "Problem | Usual reason | What helps",
        "Leaves turn pale from the bottom up | Too little feed | Give a liquid feed weekly",
        "Brown patches appear after watering | Scorch from splashes | Water the soil only",
        "Flowers fall before setting fruit | Dry air at night | Damp down the paths at dusk",
    ]
    lead = "Most trouble with greenhouse peppers comes from the growing conditions, not disease."
    after = "If none of these fit, send a photo of the plant to a local nursery."
    assert_table_stays_whole(lead, rows, after)
    footer = [
        "About us | Contact | Careers",
        "Terms | Privacy | Cookies",
        "Advertise | Apps | Help",
    ]
    assert table_rows(footer) == frozenset()
