"""A match report's team news and sheet printed as lines of its body stay: line-ups, subs,
scorers, referee, attendance. The human-marked body of a real Telegraph match page keeps its
`Team news` lines (`Luton: Kaminski, Mengi, ...`, `Subs: Hashioka, Shea, ...`, `Referee:
Michael Oliver (Northumberland)`); blind pages round 60's writer, told by the brief to mark
them as not story, did not, and a rule written for that (session 45) cost the real page three
of its lines. A sports box the markup names (standings, odds, a minute-by-minute recap) is left
out by the reader instead (tests/test_reader_pages_written_blind.py)."""

from __future__ import annotations

import pytest

from newsbot.cleaning import clean_blocks, load_noise_rules

RULES = load_noise_rules(None)
STORY = {
    "en": [
        "Ashdown City came from behind twice to draw 2-2 with Rivermouth United on Saturday.",
        "Lindgren's volley in the fourth minute of added time rescued a point for the hosts.",
    ],
    "es": [
        "El Atlético Ribera remontó ante el Deportivo Salinas con dos goles de Lozano.",
        "El equipo suma tres victorias seguidas y se acerca a los puestos de ascenso.",
    ],
}


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Ashdown City: Brennan, Hale, Morgan, Ashworth, Kerr, Fennimore, Doyle, Lindgren, "
               "Oduro, Price, Moss."),
        ("en", "Subs: Carmichael, Walsh, Pryce, Tolland, Greaves, Imrie, Lowe."),
        ("en", "Referee: Sam Allison (Wiltshire)"),
        ("en", "Scorers: Oduro 6, Ashworth 28, Fennimore 52, Lindgren 90+4."),
        ("es", "Goles: 0-1, min. 23: Lucas Ferrer. 1-1, min. 56: Lozano. 2-1, min. 71: Lozano."),
        ("es", "Árbitro: Jorge Benavente Ruiz (Comité Andaluz). Amonestó a Ortuño y Gil."),
    ],
)  # fmt: skip
def test_team_news_printed_as_lines_of_the_report_stays(language: str, line: str) -> None:
    first, second = STORY[language]
    kept = clean_blocks([first, line, second], RULES, language=language).kept
    assert kept == [first, line, second]
