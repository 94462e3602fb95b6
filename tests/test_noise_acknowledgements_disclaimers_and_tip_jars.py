"""An outlet's standing lines that name no product and no platform: an acknowledgement of
country, a page's disclaimer about where its information comes from, a small site's tip jar,
a question the reader is asked to send in, and an Arabic non-profit's appeal (noise set 318,
blind pages round 65); a broadcaster's support line, endorsement and information disclaimers,
an update stamp with its note, a bulletin's office hours and footer (noise set 319). The
story's own acknowledgements, caveats and appeals stay. Made-up wording, written apart from
the labelled sets."""

from __future__ import annotations

import pytest

from newsbot.cleaning import load_noise_rules
from tests.support.stories import assert_kept_in_flood_story, assert_removed_from_flood_story

RULES = load_noise_rules(None)


@pytest.mark.parametrize(
    "line",
    [
        "We acknowledge the Traditional Custodians of the land on which we report and pay our "
        "respects to Elders past and present.",
        "Coastline Radio acknowledges the Traditional Owners of the lands where we broadcast.",
        "We respectfully acknowledge that we work on the traditional and unceded territory of "
        "the Lekwungen peoples.",
        "This tracker is compiled from operators' notices and may not reflect late changes.",
        "This page is generated from public feeds and does not include every road closure.",
        "If the Ferry Board page has saved you a wait, consider chipping in to keep it running.",
        "Please consider a small donation to keep Harbour Notes free for everyone.",
        "Got a gardening question for the team? Send it in and we may answer it next week.",
        "منصة الساحل منصة غير ربحية تعتمد على دعم قرائها. ساهم اليوم لنواصل تغطية أخبار المدينة.",
        "If you have been affected by any of the issues raised in this story, help is available "
        "from the Harbour Line on 0800 555 010.",
        "If this programme has raised concerns for you, support is available around the clock.",
        "Editor's note: Harbour Radio does not endorse any product mentioned in this story.",
        "The information in this article is provided for general guidance and is not a substitute "
        "for advice from your own doctor.",
        "Updated March 3 at 9:05 a.m.: This story has been updated with the council's response.",
        "Representative image (Harbour Stock)",
        "Reminder: Our newsroom office will be closed on Easter Monday.",
        "Harbour Post · 12 Quay Street · Unsubscribe | Manage preferences",
        "Help our reporters cover the coast: make a gift to the Harbour Journalism Fund today.",
        # noise set 321: an obituaries page's commerce and deadlines, an Arabic disclaimer
        "Send flowers to the family through our florist partner.",
        "Place a notice with the Harbour Post online or call our front desk.",
        "Notices for this page must reach the newsroom by Tuesday at noon.",
        "تنبيه: تنشر الإعلانات كما وردت من أصحابها، والصحيفة غير مسؤولة عن محتواها.",
        # noise set 320: a weather widget's row, a subscriber's perk, a network's plug
        "Weather: Port Ellis 14° | Marsh End 12° | Quayside 15°",
        "Subscribers: download the full report from our document library.",
        "Listen to the harbour report with Ann Boyd on your local Tide FM station, weekdays at 7.",
    ],
)
def test_an_outlets_standing_line_leaves_the_story(line: str) -> None:
    assert_removed_from_flood_story(line, RULES)


@pytest.mark.parametrize(
    "line",
    [
        # the ceremony the story reports
        "The ceremony opened as elder Ruth Carey acknowledged the Traditional Owners and the "
        "mayor then spoke about the barrier's first winter.",
        # a caveat the story reports
        "The council said the figures may not reflect the latest closures on the coast road.",
        "Residents were asked to consider donating to keep the shelter open through winter.",
        # a question in the story
        "Asked whether the barrier would hold, the engineer said he had no doubt at all.",
        # Arabic: a charity quoted, a non-profit named in the news
        "قال رئيس الجمعية: «تبرعوا اليوم لنواصل دعم الأسر المتضررة من الفيضانات».",
        "وقالت الجمعية إن المنظمة غير ربحية وتعتمد على التبرعات منذ تأسيسها عام 2010.",
        "The council office on Quay Street will be closed on Monday while the barrier is tested.",
        "If the barrier fails, affected families will get support from the council, she said.",
        "The ministry said it does not endorse any product mentioned in the viral flood videos.",
        "Sunday's highs: Port Ellis 14°, Marsh End 12°, Quayside 15°.",
        "The family asked mourners to send flowers to the lifeboat station instead.",
        "وقالت الوزارة إنها غير مسؤولة عن الأضرار التي لحقت بالمزارع.",
        "Residents can register online for the open day, and entry is free for members of the "
        "harbour society.",
    ],
)
def test_the_storys_own_line_stays(line: str) -> None:
    assert_kept_in_flood_story(line, RULES)
