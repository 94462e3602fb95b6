"""What blind set 281 and blind site 33a showed, written here in other words.

Glued between two words of a sentence on arrival: a picture's credit, a player's label with
its length, an upsell naming the product, a video label with its title up to "here", the
Arabic share prompt to the reader's friends, the subscribe button naming the outlet's own
newsletter, the app button with its promise; after a sentence's stop, a sign-up appeal naming
the newsletter. Two cuts that took a wrong part: a sponsor's credit whose name holds "&" (half
the name was cut), "Story continues below the sponsor message". Kept as lines: a gallery
button, a paywall note, an ad slot naming its advertiser, a label between dashes, newsletter
footer links,
"In case you missed it:", "All rights reserved, <owner> <year>.", an appeal that advertising
keeps the outlet free, a price pitch for unlimited access, an Arabic support appeal and a wire
dateline. Each shape has lines of the story beside it that share its words and stay.
"""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        (
            "Sandbag orders for the Marsh Lane depot Photo courtesy of the Pell family doubled "
            "after the warning.",
            "Sandbag orders for the Marsh Lane depot doubled after the warning.",
        ),
        (
            "The warden said she turned down Listen to this story · 4 min an offer of more pumps.",
            "The warden said she turned down an offer of more pumps.",
        ),
        (
            "The gauges had cut false alarms Unlock every river reading with Flood Weekly Plus by "
            "half since March.",
            "The gauges had cut false alarms by half since March.",
        ),
        (
            "Residents were told to WATCH: The barrier closing at high tide here move their cars "
            "before dusk.",
            "Residents were told to move their cars before dusk.",
        ),
        (
            "The pumps ran all night Sponsored by Marsh Pumps & Hoses until the level fell.",
            "The pumps ran all night until the level fell.",
        ),
        (  # where the sponsor's line ends cannot be told: left whole, never half a name
            "Divers reported Sponsored by Marsh Pumps & Hoses — hire nationwide damage to it.",
            "Divers reported Sponsored by Marsh Pumps & Hoses — hire nationwide damage to it.",
        ),
        (
            "The engineer said Story continues below the sponsor message the gate would close at "
            "six.",
            "The engineer said the gate would close at six.",
        ),
        (
            "The barrier held through the night.Sign up for the Flood Weekly briefing here.",
            "The barrier held through the night.",
        ),
        (
            "وقالت إن رسائل السكان شارك المقال مع أصدقائك دفعتها إلى طلب مضخات إضافية.",
            "وقالت إن رسائل السكان دفعتها إلى طلب مضخات إضافية.",
        ),
        (
            "وأضاف أن البلدية ستعلن اشترك في نشرتنا الإخبارية الأسبوعية عن مواعيد التوزيع.",
            "وأضاف أن البلدية ستعلن عن مواعيد التوزيع.",
        ),
        (
            "وقال إن الخدمة جاءت حمّل تطبيق نشرة الفيضان الآن واحصل على تنبيهات فورية بعد الغرق.",
            "وقال إن الخدمة جاءت بعد الغرق.",
        ),
    ],
)
def test_calls_to_action_and_credits_glued_inside_a_sentence_are_cut(glued: str, clean: str):
    assert clean_blocks([glued], RULES).kept == [clean]


@pytest.mark.parametrize(
    "line",
    [
        "Gallery (12 photos) — tap to expand",
        "Members' report — sign in to keep reading after the first two paragraphs",
        "Advert · Flood Weekly partner",
        "— Local advertisement —",
        "Unsubscribe · Manage preferences · View in browser",
        "In case you missed it: the full list of road closures is on our site",
        "All rights reserved, Flood Weekly Media 2025.",
        "Advertising helps keep Flood Weekly free to read",
        "Flood Weekly Digital: unlimited river news from just £1 a week.",
        "ادعموا الصحافة المحلية: اشتراككم الشهري يبقي نشرة الفيضان مجانية للجميع",
        "وادي السيل - نشرة الفيضان - خاص:",
    ],
)
def test_buttons_notes_and_appeals_on_their_own_lines_go(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        "She said a Photo by the council was used in the leaflet without permission.",
        "Officials hope the barrier will unlock the full value of the port with Treasury backing.",
        "Gallery owners said 14 photos had been damaged in the flood.",
        "The members' report on the barrier drew praise from the engineers.",
        "Advertising helps the paper stay afloat, the editor said in an interview on Monday.",
        "وقال إن الوزير شارك المقال مع أصدقائه على مواقع التواصل بعد الفيضان.",
        "وقال إنه حمل تطبيق البلدية الآن على هاتفه ليتابع منسوب المياه.",
        "قال المتحدث - المهندس المسؤول - إن الخاص بالملف سيصدر غدا.",
    ],
)
def test_lines_of_the_story_that_share_their_words_stay(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
