"""An article page as a reader sees it: title, header line, body, hashtags, related entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from parsel import Selector

from newsbot.extract.blocks import SECTION_CHROME, Block, page_layout
from newsbot.extract.entries import Entry, parse_entries
from newsbot.extract.extent import is_prose, pull_quotes, title_index
from newsbot.extract.field_labels import labelled_field, without_labels
from newsbot.extract.metadata import PageMetadata, read_metadata
from newsbot.extract.page import link_base
from newsbot.extract.text import (
    AgeReader,
    fold,
    is_echo,
    looks_like_name,
    safe_urljoin,
    strip_age_prefix,
)
from newsbot.profiles import SiteProfile

HEADER_MAX_CHARS = 160
# Page chrome that never belongs to a body (figures stay: captions are the cleaner's job).
BODY_CHROME = frozenset({"nav", "header", "footer", "aside", "dialog", "named"})
# An age as printed that the age reader could not read ("99999999999 hours ago"): it is
# still the header's age slot, kept raw so the pipeline counts it as unreadable.
_AGE_SHAPE = re.compile(r"(?P<age>\d[\d\s.,]*\s*[^\W\d_]+\.?\s+ago)\s*$", re.IGNORECASE)


@dataclass
class ArticlePage:
    title: str | None = None
    source: str | None = None
    age: str | None = None
    age_datetime: str | None = None
    category: str | None = None
    body_blocks: list[str] = field(default_factory=list)
    figure_captions: list[str] = field(default_factory=list)  # a <figcaption>'s text, in order
    hashtags: list[str] = field(default_factory=list)
    related: list[Entry] = field(default_factory=list)
    metadata: PageMetadata = field(default_factory=PageMetadata)


TAB_MAX_CHARS = 30  # a tab's label in a tab bar ("RELATED ARTICLES", "MORE FROM AUTHOR")
TABS_MAX = 4


def _is_related_label(block: Block, labels: frozenset[str]) -> bool:
    """``block`` is the "Related Articles" label: alone, or as the first tab of a tab bar
    whose first tab is shown (`RELATED ARTICLES` `MORE FROM AUTHOR`, two links in one line
    that the page's style sets apart: site 58, a WordPress news theme)."""
    if fold(block.text).rstrip(":") in labels:
        return True
    tabs = block.segments
    return (
        1 < len(tabs) <= TABS_MAX
        and fold(tabs[0]).rstrip(":") in labels
        and all(len(tab) <= TAB_MAX_CHARS for tab in tabs)
    )


def _related_index(blocks: list[Block], start: int, profile: SiteProfile) -> int:
    """The "Related Articles" label that starts the related section. A label inside a box
    in the body (the body's paragraphs go on after the box, in the same element as before
    it) is an inline related box: it does not end the body."""
    labels = profile.related_labels()
    for i in range(start, len(blocks)):
        if _is_related_label(blocks[i], labels) and not _inline_box(blocks, start, i):
            return i
    return len(blocks)


def _related_end(blocks: list[Block], label_at: int, base_url: str, profile: SiteProfile) -> int:
    """Where the related section that ``blocks[label_at]`` opens ends: where its container
    (the nearest element holding the label and the line after it) ends, where page chrome
    the label is not in starts (a rail, the footer), or at another titled section (a
    heading without links, of the label's rank or above)."""
    label = blocks[label_at]
    if label_at + 1 >= len(blocks):
        return len(blocks)
    following = blocks[label_at + 1].path
    shared = 0
    while (
        shared < min(len(label.path), len(following)) - 1
        and label.path[shared] == following[shared]
    ):
        shared += 1
    container = label.path[shared - 1] if shared else None
    rank = int(label.tag[1]) if label.is_heading else 0
    linked: set[str] = set()  # the entries' linked lines so far
    for i in range(label_at + 1, len(blocks)):
        block = blocks[i]
        if container is not None and container not in block.path:
            return i
        if block.chrome != label.chrome and block.chrome in SECTION_CHROME:
            return i
        if block.links:
            linked.add(fold(block.text))
        elif (
            rank
            and block.is_heading
            and int(block.tag[1]) <= rank
            and fold(block.text) not in linked  # an entry's title again, unlinked (site 55)
        ):
            return i
    return len(blocks)


def _inline_box(blocks: list[Block], start: int, label_at: int) -> bool:
    before = next((b for b in reversed(blocks[start:label_at]) if is_prose(b)), None)
    after = next((b for b in blocks[label_at + 1 :] if is_prose(b)), None)
    if before is None or after is None:
        return False
    parent = before.path[:-1]
    return bool(parent) and after.path[:-1] == parent and blocks[label_at].path[:-1] != parent


# a byline's `by`: `by Newsdesk — last modified Dec 06, 2026` is no source and its date
# (Plone: blind site 74)
_BY = re.compile(r"(?:by|written by|posted by)\s", re.I)


def _read_header(
    region: list[Block],
    title: str | None,
    profile: SiteProfile,
    read_age: AgeReader,
    page: ArticlePage,
) -> int:
    """Find the header line (source + age) at the top of ``region``; return blocks used.
    Boxes the page names as chrome between the title and the header line (a wiki skin's
    tagline and skip links, an infobox of facts: blind site 76) are passed over."""
    i = 0
    while i < len(region) and is_echo(region[i].text, title):
        i += 1
    if i >= len(region):
        return i
    used = _header_at(region, i, profile, read_age, page)
    if used:
        return used
    after = _past_named(region, i, title)
    if after > i:
        used = _header_at(region, after, profile, read_age, page)
        if used:
            return used
    if region[i].datetimes:
        page.age_datetime = region[i].datetimes[0]
    return i


_NAMED_ABOVE_HEADER_MAX = 12  # blocks of named chrome passed over to reach a header line


def _past_named(region: list[Block], at: int, title: str | None = None) -> int:
    """The index after the run of named chrome (and the title again) starting at ``at``,
    where a block of the page's own follows it; ``at`` itself if there is none."""
    end = at
    while (
        end < len(region)
        and end - at <= _NAMED_ABOVE_HEADER_MAX
        and (region[end].chrome == "named" or is_echo(region[end].text, title))
    ):
        end += 1
    if end == at or region[at].chrome != "named":
        return at
    return end if end < len(region) and end - at <= _NAMED_ABOVE_HEADER_MAX else at


def _header_at(
    region: list[Block], i: int, profile: SiteProfile, read_age: AgeReader, page: ArticlePage
) -> int:
    """The header line at ``region[i]`` (or it and the next: a source over an age) read into
    ``page``: the index after it, or 0 where there is none."""
    first = region[i]
    used = _labelled_header(region, i, profile, read_age, page)
    if used:
        return used
    if len(first.text) <= HEADER_MAX_CHARS:
        found = read_age(first.text)
        if found is not None:
            prefix = without_labels(strip_age_prefix(found[0], profile.age_prefix))
            if not prefix or (looks_like_name(prefix) and not _BY.match(prefix)):
                page.source = prefix or None
                page.age = found[1]
                page.age_datetime = first.datetimes[0] if first.datetimes else None
                return i + 1
        # source and age as two lines: "Independent" then "14 hours ago"
        if looks_like_name(first.text) and i + 1 < len(region):
            second = region[i + 1]
            found = read_age(second.text) if len(second.text) <= HEADER_MAX_CHARS else None
            if found is not None and not strip_age_prefix(found[0], profile.age_prefix):
                page.source = first.text
                page.age = found[1]
                dts = first.datetimes + second.datetimes
                page.age_datetime = dts[0] if dts else None
                return i + 2
        shaped = _AGE_SHAPE.search(first.text)
        if shaped is not None:
            prefix = strip_age_prefix(first.text[: shaped.start()], profile.age_prefix)
            prefix = without_labels(prefix)
            if not prefix or (looks_like_name(prefix) and not _BY.match(prefix)):
                page.source = prefix or None
                page.age = " ".join(shaped["age"].split())
                page.age_datetime = first.datetimes[0] if first.datetimes else None
                return i + 1
    return 0


def _labelled_header(
    region: list[Block], i: int, profile: SiteProfile, read_age: AgeReader, page: ArticlePage
) -> int:
    """A header line printed as labelled fields, one a line (`Source:Independent` over `Date
    Posted:14 hours ago`, in either order: a CMS's attribute blocks, blind site 85): the
    index after them, or 0 where the lines at ``i`` are not a source's and an age's."""
    fields: dict[str, str] = {}
    end = i
    while end < len(region) and end - i < 2:
        field = labelled_field(region[end].text)
        if field is None or field[0] not in ("source", "age") or field[0] in fields:
            break
        fields[field[0]] = field[1]
        end += 1
    if "age" not in fields or fields.get("source") == "":
        return 0  # no age, or a source's label with no name after it
    aged = fields["age"]
    found = read_age(aged) if len(aged) <= HEADER_MAX_CHARS else None
    if found is None or strip_age_prefix(found[0], profile.age_prefix):
        return 0
    if "source" in fields and not looks_like_name(fields["source"]):
        return 0
    page.source = fields.get("source")
    page.age = found[1]
    dts = [dt for block in region[i:end] for dt in block.datetimes]
    page.age_datetime = dts[0] if dts else None
    return end


def _header_after_standfirst(
    region: list[Block], at: int, profile: SiteProfile, read_age: AgeReader, page: ArticlePage
) -> list[Block]:
    """A header line under the standfirst (Ghost's ``article-excerpt`` between the title and
    the byline): read it as the header and take it out of the region; the standfirst stays
    for the body. Only when no header was found above it and the line right under the
    standfirst reads as a header (a name and an age, nothing else)."""
    if page.source is not None or page.age is not None or at + 1 >= len(region):
        return region
    if region[at].links or is_echo(region[at].text, page.title):
        return region  # (a standfirst is plain text: not a crumb, a kicker or a link)
    under = ArticlePage(metadata=page.metadata)
    used = _read_header(region[at + 1 :], page.title, profile, read_age, under)
    if used == 0 or under.age is None:
        return region
    page.source, page.age, page.age_datetime = under.source, under.age, under.age_datetime
    return region[: at + 1] + region[at + 1 + used :]


_LINK_CARD_DENSITY = 0.9  # of a line's text in links


def _names_a_rail(block: Block) -> bool:
    """A heading in a region the page names as chrome (``<h2 id="most-read-in-health">``):
    the label of a box of links set in the copy, the links under it being the box's."""
    return block.is_heading and block.chrome == "named" and not block.links


_BOX_LABEL_MAX_WORDS = 5


def _labels_a_box(block: Block) -> bool:
    """A short label, no link of its own, in a region the page names as chrome."""
    text = block.text.rstrip()
    return (
        block.chrome == "named"
        and not block.links
        and 0 < len(text.split()) <= _BOX_LABEL_MAX_WORDS
        and not text.endswith((".", "!", "?", "؟"))
    )


def _in_link_card(block: Block, tags: dict[int, str]) -> bool:
    """A line of a link's preview card: inside a link inside a ``<figure>`` (Ghost's bookmark
    card, WordPress's embed of another post: the linked page's title, its description and
    its publisher). A story's paragraph is never set inside a link in a figure."""
    return block.link_density >= _LINK_CARD_DENSITY and any(
        tags.get(e) == "figure" for e in block.path
    )


def _kicker(block: Block, profile: SiteProfile) -> str | None:
    """The line right above the title when it names one of the site's categories (a
    kicker, Ghost's ``article-tag``), or is a breadcrumb from the home page (Hugo's
    ``Home » Politics``): the article's category."""
    if block.chrome in BODY_CHROME and block.chrome != "named":
        return None  # (a region named for what it is: a `breadcrumbs` div)
    text = _crumb(block)
    if fold(text) in profile.categories:
        return text if not block.chrome else None
    crumbs = _crumb_line(block, None)
    named = _named_crumbs(crumbs, None, profile) if crumbs else []
    return named[-1] if named else None


def _in_body(block: Block, forms: set[int]) -> bool:
    """Not page chrome (navigation, banner, footer, rails, comments) nor a form's text."""
    if block.chrome in BODY_CHROME:
        return False
    return not (forms and any(f in block.path[:-1] for f in forms))


# a breadcrumb's first crumb, the site's home page: never the article's category
HOME_CRUMBS = frozenset(
    ["home", "homepage", "home page", "front page", "الرئيسية", "الصفحة الرئيسية", "accueil",
     "inicio", "início", "startseite", "home»", "home ›"]
)  # fmt: skip
MAX_CRUMBS = 4


def _crumb(block: Block) -> str:
    return block.text.strip().lstrip("•-· ").strip()


def _named_crumbs(crumbs: list[str], title: str | None, profile: SiteProfile) -> list[str]:
    """The crumbs that could be a category: not the home page, not the article's title."""
    return [
        c
        for c in crumbs
        if fold(c) not in HOME_CRUMBS
        and fold(c) != fold(title or "")
        and (fold(c) in profile.categories or looks_like_name(c, max_words=3, max_chars=30))
    ]


# between the crumbs of a breadcrumb written on one line (Yoast's `Home » News » <title>`)
_CRUMB_SEPARATOR = re.compile(r"\s+[»›>/|→❯·]\s+")


def _crumb_line(block: Block, title: str | None) -> list[str] | None:
    """A breadcrumb on one line (``Business » <the title>``, ``Home › Politics``): its
    crumbs, when the line links to a page (a crumb) and ends with the title or starts at the
    home page; None for any other line."""
    if not block.links:
        return None
    crumbs = [c.strip() for c in _CRUMB_SEPARATOR.split(block.text)]
    if not 2 <= len(crumbs) <= MAX_CRUMBS + 1 or not all(crumbs):
        return None
    if fold(crumbs[-1]) == fold(title or "") or fold(crumbs[0]) in HOME_CRUMBS:
        return crumbs
    return None


def _past_date_line(region: list[Block], start: int, read_age: AgeReader, page: ArticlePage) -> int:
    """A line that is nothing but a date and time right under the header line (a portal's
    display date, `21/11/26 09:40`, under `Irish Times21-11-2026`): the header's, not the
    story's; the category line may come after it."""
    if page.age is None or start >= len(region):
        return start
    text = region[start].text.strip()
    if not text or len(text) > _DATE_LINE_MAX or not any(ch.isdigit() for ch in text):
        return start
    found = read_age(text)
    return start + 1 if found is not None and not found[0].strip() else start


_DATE_LINE_MAX = 40  # characters: `Friday 21 November 2026, 09:40 GMT`

# a reading-time line under the header: `1 min read`, `5 minute read`, `3 دقائق قراءة`
_READING_TIME = re.compile(
    r"\d{1,3}\s*(?:min(?:ute)?s?\.?|minutes?)\s*(?:read|reading|de lecture|de lectura|de leitura)"
    r"|(?:\d{1,3}|[\u0660-\u0669]{1,3})\s*(?:دقائق|دقيقة|د)\s*(?:للقراءة|قراءة)"
    r"|(?:قراءة|للقراءة)\s*(?:\d{1,3}|[\u0660-\u0669]{1,3})\s*(?:دقائق|دقيقة|د)",
    re.IGNORECASE,
)
_HEADER_CONTROLS_MAX = 4  # lines: `Follow`, `·`, `1 min read` between a byline and its category


def _past_header_controls(region: list[Block], start: int) -> int:
    """The header's buttons and reading time right under its line (a blogging platform's
    `Follow` button and `1 min read`, blind site 63; also where the page prints no header
    line): the header's, and the category line may come after them."""
    end = start
    while end < len(region) and end - start < _HEADER_CONTROLS_MAX:
        block = region[end]
        text = block.text.strip()
        if block.tag == "button" or not text.strip("·•|-–— ") or _READING_TIME.fullmatch(text):
            end += 1
            continue
        break
    return end


# `by Newsdesk — last modified Dec 06, 2026 09:15 AM`, `By Jane Roe | Updated 2 hours ago`
_BYLINE_LINE = re.compile(
    r"(?:by|written by|posted by|von|par|por|بقلم)\s+(?-i:[A-Z\u0600-\u06ff])[\w.’'-]*"
    r"(?:\s+(?-i:[A-Z\u0600-\u06ff])[\w.’'-]*){0,3}(?:\s*[—–|·,-]\s*.{1,60})?",
    re.IGNORECASE,
)
_BYLINE_MAX = 100  # characters


# the class a page gives its author line (`<div class="ez-field--ezauthor">`, `byline`)
_AUTHOR_CLASS = re.compile(r"author|byline", re.I)


def _in_author_line(block: Block, classes: dict[int, str]) -> bool:
    """A short line inside an element its markup names the author's (Ibexa's author list
    between the header line and the category: blind site 88)."""
    return len(block.text) <= _BYLINE_MAX and any(
        _AUTHOR_CLASS.search(classes.get(e, "")) for e in block.path[-3:]
    )


def _is_byline(region: list[Block], at: int, classes: dict[int, str]) -> bool:
    if at >= len(region):
        return False
    text = region[at].text.strip()
    if _in_author_line(region[at], classes):
        return True
    return len(text) <= _BYLINE_MAX and _BYLINE_LINE.fullmatch(text) is not None


# the class a page gives its category line (`<div class="category">`, `post-categories`)
_CATEGORY_CLASS = re.compile(r"categor", re.I)


def _read_category(
    region: list[Block],
    start: int,
    profile: SiteProfile,
    page: ArticlePage,
    classes: dict[int, str],
) -> int:
    """The category line after the header: a known category, a short line its markup names
    a category (site 56: `<div class="category">تعليم</div>`, a category no list holds), or a
    short list item. A run of list items is a breadcrumb (`Home › Politics`): its last crumb
    that is not the home page nor the title is the category."""
    if start >= len(region) or _in_author_line(region[start], classes):
        return start
    block = region[start]
    text = _crumb(block)
    field = labelled_field(text)
    if field is not None and field[0] == "category" and looks_like_name(field[1], max_words=4):
        page.category = field[1]  # `Category:News` (a CMS's attribute block: blind site 85)
        return start + 1
    if block.tag != "li":
        its_class = classes.get(block.path[-1], "") if block.path else ""
        if fold(text) in profile.categories or (
            _CATEGORY_CLASS.search(its_class) and looks_like_name(text, max_words=3, max_chars=30)
        ):
            page.category = text
            return start + 1
        crumbs = _crumb_line(block, page.title)
        if crumbs is None:
            return start
        named = _named_crumbs(crumbs, page.title, profile)
        if named:
            page.category = named[-1]
        return start + 1
    end = start
    while end < len(region) and end - start < MAX_CRUMBS and region[end].tag == "li":
        end += 1
    crumbs = [_crumb(b) for b in region[start:end]]
    named = _named_crumbs(crumbs, page.title, profile)
    if not named:
        return start
    if fold(crumbs[0]) not in HOME_CRUMBS:
        # no home crumb first: the first item alone is the category line (what follows may be
        # the body's own list)
        if crumbs[0] not in named:
            return start
        page.category = crumbs[0]
        return start + 1
    page.category = named[-1]
    return end


def _hashtags(
    region: list[Block], base_url: str, profile: SiteProfile, root: etree._Element
) -> list[str]:
    """The tags the page links to after its hashtags label, as the links show them (a
    WordPress tag ``قهوة`` links to ``/hashtag/coffee``); the link's own name where its text
    is no tag's (an image, a count alone)."""
    labels = profile.hashtag_labels()
    labelled = next((i for i, b in enumerate(region) if fold(b.text) in labels), None)
    start = labelled or 0
    tags: list[str] = []
    shown: dict[str, list[str]] | None = None
    listed = labelled is not None  # still in the run of link lines right under the label
    for n, block in enumerate(region[start:]):
        unlinked = _UNLINKED_TAGS.fullmatch(block.text) if n else None
        listed = listed and (n == 0 or ((bool(block.links) or bool(unlinked)) and n <= _TAG_LINES))
        if listed and unlinked:
            # a tag with no page of its own, printed but not linked (`#Football`: blind
            # site 83), alone or beside linked ones (`#Climate #Energy`, one a link: site 88):
            # every tag as the line shows it, in its order
            for shown_tag in block.text.split():
                tag = _shown_tag(shown_tag)
                if tag and tag not in tags:
                    tags.append(tag)
            continue
        for href in block.links:
            tag = profile.hashtag(safe_urljoin(base_url, href))
            if not tag:
                if not listed or n == 0 or block.chrome != region[start].chrome:
                    continue  # (the label's own region: a post's footer holds its tags)
                # right under the label, a list item's link or a link shown as `#Tag` is a
                # tag whatever its address (a site's tag pages at /tag/ or /tags/<slug>/,
                # not the profile's /hashtag/)
                if shown is None:
                    shown = _link_texts(root)
                here = [t for t in shown.get(href, ()) if t in block.text]
                marked = [t for t in here if t[:1] in "#＃" or block.tag == "li"]
                tag = _shown_tag(marked[0]) if marked else None
                if tag and tag not in tags:
                    tags.append(tag)
                continue
            if shown is None:
                shown = _link_texts(root)
            # the text of this line's link (the site's menu may name the tag shorter)
            here = [t for t in shown.get(href, ()) if t in block.text]
            tag = (_shown_tag(max(here, key=len)) if here else None) or tag
            if tag not in tags:
                tags.append(tag)
    return tags


_TAG_LINES = 20  # link lines under the hashtags label read as its tags, at most
_UNLINKED_TAGS = re.compile(r"[#＃][^\s#＃]{1,40}(?:\s+[#＃][^\s#＃]{1,40})*")
_TAG_COUNT = re.compile(r"\s*[(\[]\d+[)\]]$")  # a tag cloud's `Sports (12)`


def _shown_tag(text: str) -> str | None:
    tag = _TAG_COUNT.sub("", " ".join(text.split())).lstrip("#＃").strip()
    if not tag or len(tag) > 60 or len(tag.split()) > 6 or not any(c.isalnum() for c in tag):
        return None
    return tag


def _text_of(element: etree._Element) -> str:
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _link_texts(root: etree._Element) -> dict[str, list[str]]:
    """The texts the page's links to each target show."""
    texts: dict[str, list[str]] = {}
    for anchor in root.iter("a"):
        href = anchor.get("href")
        # the link's text, as XPath's string() gives it (comments left out), without an
        # XPath evaluation per link: a real page has hundreds of links
        text = " ".join(_text_of(anchor).split()) if href else ""
        if text and text not in texts.setdefault(href, []):
            texts[href].append(text)
    return texts


def parse_article(
    selector: Selector, url: str, profile: SiteProfile, read_age: AgeReader
) -> ArticlePage:
    """Read an article page. Never raises on odd markup; missing parts stay empty."""
    page = ArticlePage(metadata=read_metadata(selector))
    layout = page_layout(selector.root)
    blocks = layout.blocks
    title_at = title_index(blocks, page.metadata)
    start = 0 if title_at is None else title_at + 1
    page.title = blocks[title_at].text if title_at is not None else page.metadata.title
    related_at = _related_index(blocks, start, profile)
    region = blocks[start:related_at]
    body_from = _read_header(region, page.title, profile, read_age, page)
    region = _header_after_standfirst(region, body_from, profile, read_age, page)
    body_from = _past_date_line(region, body_from, read_age, page)
    body_from = _past_header_controls(region, body_from)
    body_from = _read_category(region, body_from, profile, page, layout.classes)
    if page.category is None and page.source is None and page.age is None:
        # no header line, and chrome the page names right under the title (a wiki skin's
        # tagline and skip links, its infobox: blind site 76): the category may follow it
        past = _past_named(region, body_from)
        if past > body_from:
            after = _read_category(region, past, profile, page, layout.classes)
            if page.category is not None:
                body_from = after
    if page.category is None and _is_byline(region, body_from, layout.classes):
        # a CMS's byline between the header line and the category (Plone's `by Newsdesk —
        # last modified Dec 06, 2026 09:15 AM`: blind site 74): skipped when a category follows
        after = _read_category(region, body_from + 1, profile, page, layout.classes)
        if page.category is not None:
            body_from = after
    if page.category is None and title_at:
        page.category = _kicker(blocks[title_at - 1], profile)
    body = region[body_from:]
    # a form around the whole page (some CMSs wrap everything in one) is not a box
    around_prose = {e for b in body if is_prose(b) for e in b.path[:-1]}
    forms = layout.form_holders - around_prose
    labels = profile.related_labels()
    page.body_blocks = []
    kept: list[Block] = []
    in_box = False  # inside an inline related box: its label and its link lines
    for block in body:
        if _is_related_label(block, labels) or _names_a_rail(block):
            in_box = True  # (a heading the page names as a rail: `<h2 id="most-read-...">`)
            continue
        in_box = in_box and block.link_density >= 0.5
        if not _in_body(block, forms):
            # a box the page names as chrome holding only its label (`<div class="promo-box">
            # Further Reading</div>`): the lines of links right after it are its links
            in_box = in_box or _labels_a_box(block)
            continue
        if in_box:
            continue
        if any(layout.tags.get(e) == "figcaption" for e in block.path):
            page.figure_captions.append(block.text)  # the page says it is a caption
        elif _in_link_card(block, layout.tags):
            continue
        else:
            kept.append(block)
    # a `<blockquote>` saying again what the story's paragraphs say, with its credit: a pull
    # quote (blind site 66, an Umbraco quote block above the paragraph it repeats)
    pulled = pull_quotes(kept, list(range(len(kept))), layout.tags)
    page.body_blocks = [b.text for n, b in enumerate(kept) if n not in pulled]
    links_from = link_base(selector.root, url)
    page.hashtags = _hashtags(region, links_from, profile, selector.root)
    if related_at < len(blocks):
        related_end = _related_end(blocks, related_at, links_from, profile)
        page.related = parse_entries(
            blocks[related_at + 1 : related_end],
            links_from,
            profile,
            read_age,
            layout.tags,
            related=True,
        )
    return page
