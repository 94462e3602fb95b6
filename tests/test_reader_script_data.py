"""What blind pages round 49 showed the reader (session 41): eight script-built pages, app shells
whose story lives only in the data their scripts render from (Next.js, Nuxt, Apollo, Arc XP,
Redux, Angular, JSON-LD, Contentful), read as nothing at all. The body is now the prose of
that data when the markup shows none; a browser is still asked for on the markup alone."""

from __future__ import annotations

import json

from newsbot.browser.needs import generic_missing
from newsbot.extract.reader import read_article
from tests.test_reader import PROSE, URL, page, paragraphs

SHELL = (
    "<html><head><title>Council delays toll vote | The Ledger</title>"
    '<meta property="og:title" content="Council delays toll vote"></head><body>'
    '<header><a href="/">The Ledger</a></header><div id="__next"><div class="skeleton">'
    "Loading…</div></div><footer><p>© The Ledger 2026. All rights reserved.</p></footer>"
    "{data}<script src='/_next/static/chunks/main.js'></script></body></html>"
)


def _next_data(blocks: list[dict]) -> str:
    props = {"props": {"pageProps": {"article": {"headline": "Council delays toll vote",
             "summary": "The vote is put off to the spring.", "blocks": blocks}}}}  # fmt: skip
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(props)}</script>'


def test_an_app_shells_story_is_read_from_its_data_in_order():
    blocks = [{"type": "paragraph", "text": p} for p in PROSE]
    blocks.insert(2, {"type": "image", "url": "https://cdn.example/a.jpg", "caption": "A toll."})
    read = read_article(page(SHELL.format(data=_next_data(blocks))), URL)
    assert read.body_blocks == PROSE
    assert read.body_from == "script data"


def test_html_in_the_data_is_taken_apart_at_its_paragraphs():
    store = {"article": {"body": "".join(f"<p>{p}</p>" for p in PROSE)}}
    data = f"<script>window.__INITIAL_STATE__ = {json.dumps(store)};</script>"
    assert read_article(page(SHELL.format(data=data)), URL).body_blocks == PROSE


def test_json_inside_a_string_is_read_too():
    rich = {"nodeType": "document", "content": [
        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": p}]} for p in PROSE
    ]}  # fmt: skip
    data = {"result": {"data": {"article": {"body": {"raw": json.dumps(rich)}}}}}
    script = f'<script id="page-data" type="application/json">{json.dumps(data)}</script>'
    assert read_article(page(SHELL.format(data=script)), URL).body_blocks == PROSE


def test_a_page_that_shows_its_story_keeps_it_and_a_shell_still_asks_for_a_browser():
    other = [f"Elsewhere, {p[0].lower()}{p[1:]}" for p in PROSE]
    data = _next_data([{"type": "paragraph", "text": p} for p in other])
    shown = f"<main><h1>Council delays toll vote</h1>{paragraphs(PROSE)}</main>{data}"
    read = read_article(page(shown), URL)
    assert read.body_blocks == PROSE and read.body_from == "markup"
    shell = page(SHELL.format(data=data))
    assert "no_body" in generic_missing(shell, URL)


def test_data_without_a_story_gives_nothing_from_it():
    data = _next_data([{"type": "paragraph", "text": PROSE[0]}])  # one paragraph: a teaser
    read = read_article(page(SHELL.format(data=data)), URL)
    assert read.body_from == "markup" and PROSE[0] not in read.body_blocks
