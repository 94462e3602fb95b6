"""Made-up publisher noise, one generator per kind in the reference's noise table.

Every instance is invented; only the patterns (``Photo: ...``, ``opens new tab`` glued into a
sentence, ``advertisement`` glued to a word, ...) follow what the captures show. A body is a list
of blocks that the themes render:

- ``("p", clean, inner_html)``: a body paragraph; ``clean`` is its ground truth text and
  ``inner_html`` what the page shows (it may carry glued noise);
- ``("line", text, kind)``: a standalone noise line (not body text);
- ``("list", heading, items, kind)``: a publisher rail, heading plus list lines (not body text);
- ``("figure", caption, credit)``: an image with a descriptive caption (not body text) and an
  optional credit line;
- ``("css", css)``: an inline ``<style>`` leaking CSS into the text.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from html import escape

Block = tuple
Body = list[Block]

OUTLETS = ["Harbour Post", "Valley Courier", "Northgate Herald", "Coastline Daily", "Metro Ledger"]
PEOPLE = ["Jane Marlow", "Tom Okafor", "Priya Senn", "Luis Abara", "Mia Holt", "Sam Field"]
HANDLES = ["@harbour.snaps", "@valleylens", "@cityframes_", "@kestrel.photo"]
SECTIONS = ["World", "Business", "Sport", "Lifestyle", "Travel"]
RAIL_HEADLINES = [
    "Ferry timetable shake-up leaves commuters guessing",
    "Five things to know before the budget vote",
    "Local chef turns old tram depot into food hall",
    "Why the river festival is moving to September",
    "Council opens consultation on new cycle lanes",
    "Tech start-up promises cheaper home batteries",
]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CAPTIONS = [
    "A ferry leaves the harbour at dawn as commuters wait on the pier.",
    "Volunteers sort donated food at a community hall in the town centre.",
    "The new footbridge lit up during its opening night.",
    "Farmers inspect a flooded field after the overnight storm.",
    "Residents gather outside the council chamber before the vote.",
    "A technician checks solar panels on the roof of the school.",
]


def _line(kind: str, text: str) -> Callable[[random.Random, Body], None]:
    return lambda rng, body: body.insert(rng.randint(1, len(body)), ("line", text, kind))


def _choice_line(kind: str, make: Callable[[random.Random], str]):
    def add(rng: random.Random, body: Body) -> None:
        body.insert(rng.randint(1, len(body)), ("line", make(rng), kind))

    return add


def _para_indexes(body: Body) -> list[int]:
    return [i for i, b in enumerate(body) if b[0] == "p"]


def _glue_tail(kind: str, tail: str):
    def add(rng: random.Random, body: Body) -> None:
        i = rng.choice(_para_indexes(body))
        _, clean, inner = body[i]
        body[i] = ("p", clean, inner + escape(tail))

    return add


def _ad_head(rng: random.Random, body: Body) -> None:
    paras = _para_indexes(body)
    i = rng.choice(paras[1:] or paras)
    _, clean, inner = body[i]
    body[i] = ("p", clean, "advertisement" + inner)


def _opens_new_tab(rng: random.Random, body: Body) -> None:
    """Reuters-style link label glued to the link text: ``statementopens new tab on``."""
    for i in _para_indexes(body):
        _, clean, inner = body[i]
        words = clean.split(" ")
        if len(words) < 6:
            continue
        k = rng.randint(2, len(words) - 2)
        word = words[k].rstrip(".,;:")
        rest = words[k][len(word) :]
        head = " ".join(words[:k])
        tail = " ".join(words[k + 1 :])
        html = (
            f'{escape(head)} <a href="https://example.org/ref">{escape(word)}'
            f'<span class="label">opens new tab</span></a>{escape(rest)} {escape(tail)}'
        )
        body[i] = ("p", clean, html)
        return


def _rail(kind: str, heading: Callable[[random.Random], str], dated: bool = False):
    def add(rng: random.Random, body: Body) -> None:
        items = rng.sample(RAIL_HEADLINES, 3)
        if dated:
            day, mon, wd = rng.randint(1, 28), rng.randint(1, 12), rng.choice(WEEKDAYS)
            items[0] += f" {day:02d}/{mon:02d}/2025"
            stamp = f"{wd} {day} {MONTHS[mon - 1]}"
            items[1] += (
                f" {stamp} {stamp} {stamp} 2025 at {rng.randint(1, 12)}:{rng.randint(10, 59)}pm"
            )
        body.insert(rng.randint(1, len(body)), ("list", heading(rng), items, kind))

    return add


def _figure(rng: random.Random, body: Body) -> None:
    credit = rng.choice([None, f"Photo: {rng.choice(OUTLETS)}"])
    body.insert(rng.randint(0, len(body)), ("figure", rng.choice(CAPTIONS), credit))


def _css(rng: random.Random, body: Body) -> None:
    css = ".cls-1{clip-path:url(#clip-path);}.cls-2{fill:#1d1d1b;}.cls-3{fill:none;stroke:#fff;}"
    body.insert(rng.randint(1, len(body)), ("css", css))


def _encoded(rng: random.Random) -> str:
    text = rng.choice(RAIL_HEADLINES).replace(" ", "%20")
    return f"%3Cp%3E{text}%3C%2Fp%3E%3Cp%3E%3Cbr%3E%3C%2Fp%3E"


APPEAL = (
    "Our journalism is free for everyone to read, and we want to keep it that way. "
    "That is only possible because readers like you choose to support us. "
    "If you can, please make a contribution today: every gift, however small, "
    "keeps independent reporting going. Thank you."
)

PLAYER = (
    "Video Player is loading. Play Video Play Unmute Current Time 0:00 / Duration 1:42 "
    "Loaded: 0% Stream Type LIVE Seek to live, currently playing live LIVE Remaining Time -1:42 "
    "1x Playback Rate Chapters Captions captions off, selected Fullscreen"
)

# kind -> (table row of the reference, generator)
KINDS: dict[str, Callable[[random.Random, Body], None]] = {
    "photo_credit": _choice_line(
        "photo credits",
        lambda r: r.choice(
            [
                "Photo: 123RF",
                "Photo: Reuters",
                f"Image: {r.choice(PEOPLE)}/{r.choice(OUTLETS)}",
                f"(Image: {r.choice(PEOPLE)}/PA Wire)",
                f"Credit: Instagram/{r.choice(HANDLES)}",
                "— Pixabay",
            ]
        ),
    ),
    "video_caption": _choice_line(
        "video rail captions",
        lambda r: r.choice(
            [f"Video: {r.choice(OUTLETS)}", f"0{r.randint(1, 4)}:{r.randint(10, 59)} - Source: CNN"]
        ),
    ),
    "podcast_ad": _choice_line(
        "podcast ad lines",
        lambda r: (
            "Learn more about your ad choices. Visit "
            + r.choice(["podcastchoices.com/adchoices", "megaphone.fm/adchoices"])
        ),
    ),
    "read_more": _choice_line(
        "read-more rails", lambda r: "READ MORE: " + r.choice(RAIL_HEADLINES)
    ),
    "read_more_about": _choice_line(
        "read-more rails", lambda r: "Read More about " + r.choice(SECTIONS).lower() + " news"
    ),
    "most_read": _rail("read-more rails", lambda r: "Most read in " + r.choice(SECTIONS), True),
    "further_reading": _rail("read-more rails", lambda r: "Further Reading", True),
    "appeal": _line("donation and subscription appeals", APPEAL),
    "payment_banner": _line(
        "donation and subscription appeals",
        "We were unable to process your last payment. Please update your payment details "
        "to keep enjoying your subscription.",
    ),
    "letters": _line(
        "donation and subscription appeals",
        "Have an opinion on this story? Send us a letter of no more than 250 words and we "
        "may publish it in our letters section.",
    ),
    "newsletter": _choice_line(
        "newsletter promos",
        lambda r: r.choice(
            [
                f"Sign up for the {r.choice(OUTLETS)} Morning Brief newsletter here.",
                "Don't miss a thing: subscribe to our free Weekend Digest newsletter to stay "
                "in the loop.",
            ]
        ),
    ),
    "opens_new_tab": _opens_new_tab,
    "ad_tail": _glue_tail("ad residue", "advertisement"),
    "ad_head": _ad_head,
    "taboola": _line("ad residue", "by Taboola"),
    "sponsored": _line("ad residue", "Sponsored Links"),
    "player": _line("player chrome", PLAYER),
    "urlencoded": _choice_line("encoded markup", _encoded),
    "css": _css,
    "image_url_tail": _glue_tail("encoded markup", "&w=3840&q=100)"),
    "app_promo": _choice_line(
        "app and stream promos",
        lambda r: (
            f"For the best breaking news coverage from {r.choice(OUTLETS)}, download the app."
        ),
    ),
    "stream_promo": _choice_line(
        "app and stream promos",
        lambda r: f"{r.choice(OUTLETS)} Radio Live: Watch or listen to the latest bulletins",
    ),
    "podcast_promo": _line("app and stream promos", "Listen on Apple Podcasts Listen on Spotify"),
    "article_content": lambda rng, body: body.insert(0, ("line", "Article content", "labels")),
    "full_story": lambda rng, body: body.append(("line", "Full story.", "labels")),
    "link_copied": _line("labels", "Link copied"),
    "figure": _figure,
}

# Kinds that change a title, not a body.
TITLE_SUFFIX = " (cloned)"

# Noise that may be glued to a teaser on a listing (no whitespace between).
TEASER_HEADS = ["Article content", "advertisement", "READ MORE"]
TEASER_TAILS = ["Photo: Reuters", "advertisement", "Link copied", "&w=3840&q=100)"]


def add_noise(rng: random.Random, body: Body, kinds: list[str]) -> None:
    for kind in kinds:
        KINDS[kind](rng, body)
