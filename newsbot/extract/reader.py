"""A generic article reader for any publisher's page: title, body paragraphs, times, names.

The article's extent comes from the page itself, not from one site's labels:

- the title is the ``<h1>`` that agrees with the page's metadata (JSON-LD headline,
  og:title, ``<title>`` without its site-name suffix), else the best heading;
- the body is the block-level element holding most of the page's prose (paragraphs with
  few links), read in order, without what is page chrome inside it (navigation, banners,
  footers, complementary boxes, comment sections, figures), link lists (an inline "Related
  articles" box is left out without ending the body), time stamps, the teaser the
  metadata repeats and a pull quote that says a passage again (with who said it); a
  summary of two or more paragraphs or items above the body's element (a live page's) is
  read before it, unless it only says the body again (key points).
  A site profile's chrome labels are one more signal: a block that is only such a label
  is left out, and ends the body when no prose follows it;
- where the page shows only the start of the story (a metered paywall) and its JSON-LD
  ``articleBody`` begins with that and goes on, the body is that text
  (:mod:`newsbot.extract.full_text`);
- where the markup shows no body at all (a page built by script, an app shell), the body is
  the prose of the data its scripts render from (:mod:`newsbot.extract.script_data`), and
  ``body_from`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from parsel import Selector

from newsbot.extract.blocks import Layout, page_layout
from newsbot.extract.extent import body_range, printed_date, title_index
from newsbot.extract.full_text import fuller_body
from newsbot.extract.metadata import PageMetadata, read_metadata
from newsbot.extract.repeats import without_repeated_runs
from newsbot.extract.script_data import script_body, shows_a_body
from newsbot.extract.text import fold


@dataclass
class ReadArticle:
    title: str | None = None
    body_blocks: list[str] = field(default_factory=list)
    published_raw: str | None = None
    modified_raw: str | None = None
    site_name: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    author: str | None = None
    description: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    published_candidates: list[tuple[str, str]] = field(default_factory=list)  # (slot, text)
    body_from: str = "markup"  # or "script data": the page showed no body of its own


def read_article(
    selector: Selector, url: str, *, chrome_labels: Iterable[str] = (), from_data: bool = True
) -> ReadArticle:
    """Read any publisher's article page. Never raises on odd markup; missing parts stay
    empty (``None`` or ``[]``). ``from_data=False``: the markup alone (what a browser would
    change), without the script data's body."""
    meta = read_metadata(selector)
    layout = page_layout(selector.root, table_rows=True)
    article = read_layout(layout, meta, chrome_labels={fold(label) for label in chrome_labels})
    if from_data and not shows_a_body(article.body_blocks):
        found = script_body(selector.root)
        if found:
            article.body_blocks, article.body_from = found, "script data"
    return article


def read_layout(layout: Layout, meta: PageMetadata, *, chrome_labels: set[str]) -> ReadArticle:
    """``read_article`` over a page's layout and metadata, already read."""
    blocks = layout.blocks
    article = ReadArticle(
        site_name=meta.site_name,
        language=meta.language,
        canonical_url=meta.canonical_url,
        author=meta.author,
        description=meta.description,
        section=meta.section,
        keywords=meta.keywords,
    )
    title_at = title_index(blocks, meta)
    if title_at is not None:
        article.title = blocks[title_at].text
    else:
        article.title = meta.title or meta.html_title
    kept = body_range(layout, title_at, chrome_labels, meta.author)
    article.body_blocks = [blocks[i].text for i in kept]
    # a metered page shows the story's start; its JSON-LD may hold the whole of it
    article.body_blocks = fuller_body(article.body_blocks, meta.article_body) or article.body_blocks
    # a responsive builder's second copy of the story (one per screen width)
    article.body_blocks = without_repeated_runs(article.body_blocks)
    candidates = list(meta.published)
    if title_at is not None:
        # the article's own header: a <time datetime> or a printed date line by the title
        near = blocks[max(0, title_at - 3) : title_at + 8]
        candidates.extend(("header_datetime", dt) for block in near for dt in block.datetimes)
        printed = [printed_date(block.text) for block in near]
        candidates.extend(("header", date) for date in printed if date)
    article.published_candidates = candidates
    article.published_raw = candidates[0][1] if candidates else None
    article.modified_raw = meta.modified[0][1] if meta.modified else None
    return article
