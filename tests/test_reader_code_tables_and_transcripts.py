"""What blind pages 18 and 19 showed the reader: a guide's code in a syntax highlighter's
wrappers (`div.code-block > div.code-toolbar + div.highlight > pre`), short commands among
them, is the guide's text, and so is a podcast transcript's short turn beside its time-stamp
button (`div.turn > button + p`), a results table set as a figure with its title and source
(`figure > (figcaption, div > table, p)`), each row one line with its cells between bars,
and paragraphs blurred behind a paywall though hidden from screen readers; the toolbar's
`Copy` button, the time stamps, an ad network's slot between the paragraphs (`div.ad-unit`,
Carbon's `#carbonads`) and a German byline with its dotted date are not."""

from __future__ import annotations

from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

COMMANDS = ["sudo apt install rsync", "systemctl --user list-timers nightly-backup.timer"]
SCRIPT = (
    '#!/usr/bin/env bash\nset -euo pipefail\nSRC="$HOME/"\nDEST="/mnt/backup/home/"\n'
    'rsync -a --delete --exclude \'.cache/\' "$SRC" "$DEST" >> "$HOME/backup.log" 2>&1'
)
AD = "Managed databases with point-in-time recovery. Free for 30 days."


def _code(command: str, filename: str = "") -> str:
    name = f"<span class='code-filename'>{filename}</span>" if filename else ""
    return (
        "<div class='code-block'><div class='code-toolbar'><span class='code-lang'>bash</span>"
        f"{name}<button class='copy-code' type='button'>Copy</button></div>"
        "<div class='highlight'><pre class='chroma'><code class='language-bash'>"
        f"<span class='line'><span class='cl'>{command}</span></span></code></pre></div></div>"
    )


def _guide() -> str:
    ad = (
        "<div class='ad-unit ad-inline'><span class='ad-label'>Advertisement</span>"
        "<div class='carbon-ad' id='carbonads'><a href='https://ads.example/c/1' class="
        "'carbon-img'><img src='https://ads.example/i/1.png' alt='' width='130'></a>"
        f"<a href='https://ads.example/c/1' class='carbon-text'>{AD}</a>"
        "<span class='carbon-poweredby'>ads via Example Publishing Network</span></div></div>"
    )
    return (
        "<main><article><h1>How to back up your home folder every night</h1>"
        "<div class='byline'>By Jana Roth</div>"
        "<div class='post-content'>"
        f"{paragraphs(PROSE[:2])}{_code(SCRIPT)}{_code(COMMANDS[0])}{paragraphs(PROSE[2:3])}{ad}"
        f"{paragraphs(PROSE[3:4])}{_code(COMMANDS[1], 'check.sh')}"
        "</div></article></main>"
    )


def test_short_commands_in_a_highlighters_wrappers_stay_in_the_guide():
    body = read_article(page(_guide()), URL).body_blocks
    for command in COMMANDS:
        assert command in body, body
    assert body.index(PROSE[1]) < body.index(COMMANDS[0]) < body.index(PROSE[2])
    assert body[-2:] == [PROSE[3], COMMANDS[1]]  # the command that closes the guide too


def test_the_copy_button_and_the_ad_slot_stay_out():
    body = read_article(page(_guide()), URL).body_blocks
    assert "Copy" not in body
    assert not any(AD in line or "ads via" in line for line in body), body


def test_a_byline_with_a_dotted_date_stays_out():
    html = (
        "<main><article><h1>Neue Brücke über die Isar eröffnet</h1><div class='text'>"
        f"<p class='lead'>{PROSE[0]}</p>"
        "<div class='meta'><span>Von <a href='/autoren/gruber'>Stefanie Gruber</a></span> "
        "<span>09.04.2025, 18:30 Uhr</span></div>"
        f"{paragraphs(PROSE[1:4])}</div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert body == PROSE[:4]


TURNS = [
    ("0:42", "Host: Where did you find them?"),
    ("0:49", "Archivist: " + PROSE[0]),
    ("1:07", "Host: What made you open them?"),
    ("1:10", "Archivist: " + PROSE[1]),
    ("1:34", "Host: Like what?"),
    ("1:42", "Archivist: " + PROSE[2]),
]


def test_a_transcripts_short_turns_beside_their_time_stamps_stay():
    turns = "".join(
        f"<div class='transcript__turn'><button class='ts' aria-label='Play from {t}'>{t}"
        f"</button><p class='transcript__text'><strong>{line.split(': ', 1)[0]}:</strong> "
        f"{line.split(': ', 1)[1]}</p></div>"
        for t, line in TURNS
    )
    html = (
        "<main><article><h1>Episode 14: The lighthouse logs</h1><div class='show'>"
        f"{paragraphs(PROSE[3:4])}<h2>Transcript</h2><div class='transcript__body'>{turns}"
        "</div></div></article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert body == [PROSE[3], "Transcript"] + [line for _t, line in TURNS], body


ROWS = [("Metric", "Q2 2025", "Q2 2024"), ("Revenue", "$1.84bn", "$1.62bn")]


def _results(table_attrs: str = "") -> str:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in ROWS)
    return (
        "<main><article><h1>Sensor maker beats forecasts</h1><div class='article__body'>"
        f"{paragraphs(PROSE[:2])}<figure class='data-table'><figcaption>Q2 at a glance"
        f"</figcaption><div class='scroll'><table{table_attrs}><tbody>{rows}</tbody></table>"
        "</div><p class='source'>Source: company reports.</p></figure>"
        f"{paragraphs(PROSE[2:])}</div></article></main>"
    )


def test_a_results_table_set_as_a_figure_stays_one_row_per_line():
    body = read_article(page(_results()), URL).body_blocks
    rows = [" | ".join(row) for row in ROWS]
    assert body[body.index(PROSE[1]) + 1 : body.index(PROSE[1]) + 3] == rows, body
    assert "Q2 at a glance" not in body  # the figure's caption is not the story's


def test_a_layout_tables_cells_keep_their_lines():
    cell = "".join(f"<p>{p}</p>" for p in PROSE[:2])
    html = (
        "<table><tr><td><a href='/'>Home</a></td><td>"
        f"<h1>Council delays vote</h1>{cell}</td></tr><tr><td></td><td>"
        f"{paragraphs(PROSE[2:])}</td></tr></table>"
    )
    body = read_article(page(html), URL).body_blocks
    assert body == PROSE
    assert not any(" | " in line for line in body)


def test_paragraphs_blurred_behind_a_paywall_stay():
    html = (
        "<main><article><h1>Pool saved by supporters</h1><div class='article__body'>"
        f"{paragraphs(PROSE[:2])}</div><div class='paywall'><p>Subscribe to read on.</p></div>"
        "<div class='article__body article__body--paid paywall-blur' aria-hidden='true' "
        f"style='filter:blur(5px)'>{paragraphs(PROSE[2:])}</div>"
        "<div aria-hidden='true'><p>Screen-reader duplicate that nobody sees.</p></div>"
        "</article></main>"
    )
    body = read_article(page(html), URL).body_blocks
    assert body[:2] == PROSE[:2] and body[-2:] == PROSE[2:], body
    assert not any("duplicate" in line for line in body)
