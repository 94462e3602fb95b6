"""Turn an HTML page into the text blocks a reader sees, in reading order.

Extraction keys on visible structure: a block is the inline text of one block-level element
(a paragraph, a heading, a list item...), with the links it carries. ``<br>`` ends a line. An
article's data table may be read a row per line, its cells between bars.
Every visible character is kept: comments and processing instructions between text pieces
(React's ``4<!-- --> hours ago``) are skipped without their surrounding text. Image alt
text is not visible and is left out. Hidden parts (scripts and their JSON payloads, styles,
templates other than a web component's declarative shadow root, ``noscript``, ``hidden``,
``aria-hidden="true"`` unless shown blurred, inline ``display:none``) are skipped, except a
subscriber's part of the story that the page's JSON-LD names (``hasPart`` with
``isAccessibleForFree: false`` and a ``cssSelector``, the markup search engines ask of
paywalled pages): a metered page may ship it hidden. The walk is iterative, so hostile
nesting cannot blow the stack.

Each block also says where it sits: the block-level elements around it (``path``) and
whether it is inside page chrome (``chrome``: navigation, banner, footer, complementary
boxes, comment sections, figures), so a reader can find an article's extent from the
page's structure.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

from newsbot.extract.email_protection import decode_cloudflare_email
from newsbot.text_repair import repair, suspect

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "title",
    ]
)
_FORM_CONTROLS = frozenset(["select", "textarea"])
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Elements and ARIA roles that hold page chrome rather than an article's text.
CHROME_TAGS = {
    "nav": "nav",
    "header": "header",
    "footer": "footer",
    "aside": "aside",
    "dialog": "dialog",
    "figure": "figure",
    "figcaption": "figure",
    "menu": "nav",
    "marquee": "named",
}
CHROME_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "nav",
    "menu": "nav",
    "menubar": "nav",
    "toolbar": "nav",
    "tablist": "nav",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "figure": "figure",
    # a ticker of changing lines set above or in the story (`role="marquee"`: pages round 73)
    "marquee": "named",
}
# Chrome that a section (a related block, a listing's entry) does not run on into: rails,
# navigation, footer, dialogs.
SECTION_CHROME = frozenset({"nav", "header", "footer", "aside", "dialog"})
# class/id words that name a comment section or other non-article boxes on any site
_CHROME_NAMES = re.compile(
    r"(?<![a-z0-9])(?:comments?|comment-(?:list|section|thread)|disqus|"
    r"(?:image|photo|media|video|figure|img|wp)-?captions?|captions?|"
    # a picture's note as Chinese and other CMSs name it (`<p class="pic-desc">` under the image)
    r"(?:pic|img|image|photo)[-_]?(?:desc|description|note|info)|"
    # a caption or a chart's key in French, Portuguese, Italian, German (`legende`,
    # `article__legend`, `embed-carte__legende`, `didascalia`, `bildunterschrift`)
    r"legends?|legendes?|legendas?|didascalia|bildunterschrift|"
    # (a newsletter's own post is the article: Substack's `newsletter-post`)
    r"newsletter(?!-?(?:post|article|story|body|content|issue|edition|entry|text))|"
    r"share-?(?:bar|tools|buttons)|social-?(?:share|links|buttons)|"
    r"breadcrumbs?|most-?(?:read|popular|viewed)|trending|taboola|outbrain|"
    r"related(?:-(?:articles|stories|content|links|items?|news|posts?|box|table|list|reads?))?|recommended|cookies?(?:-?(?:banner|notice|bar|consent|popup))?|gdpr|consent|"
    # the header's standfirst and byline, the author's box: about the article, not of it
    r"dek|standfirst|(?:author-?)?bio|author-?(?:box|card|info)|byline|read(?:ing)?-?time|"
    # a skin's skip links and tagline above the text (MediaWiki's `mw-jump-link`, `#siteSub`
    # `From Daily8`: blind site 76)
    r"(?:mw-)?jump-?links?|skip-?(?:links?|to-?content|nav(?:igation)?)|site-?sub|"
    # a wiki's `[edit]` link after a section's heading (MediaWiki's `mw-editsection`)
    r"(?:mw-)?editsection|"
    # a pull quote set beside the paragraphs, a promo box between them
    r"pull-?quotes?|pullquote|promo|inline-promo|"
    # another page's live coverage set into the article (`live-event-embed`, `liveblog-widget`)
    r"live-?(?:event|blog|updates?|coverage)-?(?:embed|promo|widget|teaser|strip|ticker)|"
    # (`c-live-embed`: a live page's latest entries set into a court report, pages round 74)
    r"live-?embed|"
    # a sponsor's message set between them (`story-text__sponsor`); `sponsored-content` may
    # wrap a whole paid article, which is still the page's article
    r"sponsor|sponsored-?(?:message|block|box|slot|unit|module|links?)|"
    # the notes and sources listed under a piece: its apparatus, not its text
    r"footnotes|endnotes|references|bibliography|reflist|sources|citations|"
    # a consent platform's placeholder where an embed waits for the reader's yes (not
    # `cmp-container`, `cmp-wrapper`: Adobe Experience Manager's core components are all
    # `cmp-`, its layout container holding the article's text components among them)
    r"cmp-(?:placeholder|banner|notice)|"
    # a paywall's own box (`paywall__message`, `paywall-fence`); `paywall` alone marks the
    # paragraphs behind it on many sites: the article's
    r"paywall(?:-|__)(?:message|fence|gate|bar|modal|prompt|barrier|offers?|cta|legal|btn|"
    r"button|notice|banner|overlay|fade|gradient|title|heading|benefits?|perks|features|plans?|"
    r"price|pricing|box|badge|login|headline)|"
    # an ad slot and what the ad network fills it with (`ad-unit`, `adsbygoogle`, Carbon's
    # `carbonads`); `ad` alone is too short a word to trust
    r"ad-?(?:unit|slot|container|wrapper|placement|zone|inline|label)s?|advert(?:isement)?s?|"
    r"adsbygoogle|carbon-?ads|dfp-ad|gpt-ad|google-ads?|"
    # a match's furniture set into its report: standings and results tables, odds boxes,
    # line-ups, match facts, score bugs, a minute-by-minute or ball-by-ball recap, ratings
    # (blind pages round 60: `kw-standings-widget`, `tabela-widget`, `modulo-cuotas`,
    # `lance-a-lance`, `hc-keymoments`, `article__ball-by-ball`, `kx-live-recap`)
    r"standings(?:-?(?:widget|table|box))?|league-?table|tabela-?widget|classificacao|"
    r"odds(?:-?(?:box|widget|module|table|panel))?|betting(?:-?(?:box|odds|widget|module))?|"
    r"(?:modulo-)?cuotas|apuestas|widget-?resultados|results-?widget|"
    r"line-?ups?|team-?sheets?|alineaciones|escalac(?:ao|oes)|"
    r"match-?(?:facts|stats|card|centre|center|info|summary|sheet)|score-?(?:bug|board|card)s?|"
    r"scoreboard|box-?score|player-?ratings?|"
    # a reader poll's box (`data-component="poll-block"`, `ssrcss-poll`: pages round 64); not
    # `poll-results` and such, an election story's figures
    r"poll-?(?:block|widget|box|module|form|question|embed|container)|(?:reader|quick)-?poll|"
    # the same in other languages (`encuesta-modulo`: pages round 82)
    r"(?:encuesta|sondage|umfrage|sondaggio|enquete)-?(?:modulo|module|widget|box|bloque|block|"
    r"form|container|pregunta|question|frage)|"
    r"live-?recap|lance-a-lance|key-?moments|ball-?by-?ball|"
    # the markup social networks' embed codes give a post on any site
    r"twitter-(?:tweet|video)|instagram-media|tiktok-embed|fb-(?:post|video|page|comments)|"
    r"reddit-embed-bq|"
    r"telegram-post|bluesky-embed|mastodon-embed|text-post-media)"
    r"(?![a-z0-9])",
    re.IGNORECASE,
)
# a name made of whole words in camel case (`CommentsTable`, `RelatedItem`, `ImageCaption`, as
# older CMSs write them) is read word by word; a hashed one (`sc-bdVaJa`, `kFOmkN`) is not
_CAMEL_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})+(?![A-Za-z0-9])")
_CAMEL_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")
# class names that hide an element on every screen (utility classes of common CSS kits)
# (`w-condition-invisible`: Webflow's conditional visibility, `display: none` in its CSS; a
# hidden badge's `Breaking` is no source)
_HIDDEN_CLASSES = re.compile(
    r"(?:^|\s)(?:hidden|hide|is-hidden|d-none|sr-only|visually-hidden|visuallyhidden|"
    r"screen-reader-text|screenreader-only|offscreen|w-condition-invisible)(?:\s|$)",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Block:
    """One visible line of text."""

    text: str
    tag: str
    segments: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    datetimes: list[str] = field(default_factory=list)
    link_chars: int = 0  # characters of text inside links
    path: tuple[int, ...] = ()  # ids of the block-level elements around it, outermost first
    chrome: str = ""  # "nav", "header", "footer", "aside", "dialog", "figure", "named"

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._links: list[str] = []
        self._datetimes: list[str] = []
        self._link_chars = 0
        self._tag = "body"
        self.visible = 0  # pieces of visible text added so far
        self.path: tuple[int, ...] = ()
        self.chrome = ""

    def add(self, text: str | None, href: str | None, in_link: bool = False) -> None:
        if not text:
            return
        if text.isspace():
            if self._parts:  # between words it parts them; before any, it is nothing
                self._parts.append(text)
            return
        self._parts.append(text)
        self.visible += 1
        if in_link:
            self._link_chars += len(" ".join(text.split()))
        if href and href not in self._links:
            self._links.append(href)

    def adopt(self, href: str) -> None:
        """A link with no visible text (an image link) belongs to the next line of text."""
        if href not in self._links:
            self._links.append(href)

    def add_datetime(self, value: str) -> None:
        self._datetimes.append(value)

    def flush(self, next_tag: str) -> None:
        if not self._parts:  # most flushes: a block element opened or closed with no text
            self._link_chars = 0
            self._tag = next_tag
            return
        # " ".join(x.split()) == _SPACE.sub(" ", x).strip() (both split on str.isspace), faster
        text = " ".join("".join(self._parts).split())
        segments: list[str] = []
        if text and suspect(text):  # mojibake, entities encoded twice, marks inside words
            text = " ".join(repair(text).split())  # (a Wix spacer's lone `&#8203;`: nothing)
            segments = [s for s in (" ".join(repair(p).split()) for p in self._parts) if s]
        elif text:
            segments = [s for s in (" ".join(p.split()) for p in self._parts) if s]
        if text:
            self.blocks.append(
                Block(
                    text,
                    self._tag,
                    segments,
                    self._links,
                    self._datetimes,
                    min(self._link_chars, len(text)),
                    self.path,
                    self.chrome,
                )
            )
            self._links = []
            self._datetimes = []
        self._link_chars = 0
        self._parts = []
        self._tag = next_tag


_TAG_NAMES: dict[str, str] = {}


def _tag(element: etree._Element) -> str:
    tag = element.tag
    name = _TAG_NAMES.get(tag)  # comments and processing instructions have callables here
    if name is not None:
        return name
    if not isinstance(tag, str):
        return ""
    name = tag.rsplit("}", 1)[-1].lower()
    if len(_TAG_NAMES) < 4096:  # hostile pages may invent any number of tag names
        _TAG_NAMES[tag] = name
    return name


def _shadow_root(element: etree._Element) -> bool:
    """A declarative shadow root (`<template shadowrootmode="open">`, Lit's and other web
    components' server render): the browser shows what it holds, unlike other templates."""
    return element.get("shadowrootmode") is not None or element.get("shadowroot") is not None


def _hidden(element: etree._Element) -> bool:
    classes = element.get("class")
    if element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true" and not _blurred(classes, element.get("style")):
        return True
    if classes and _hidden_by_class(classes):
        return True
    if classes and element.tag == "time" and _hidden_update_time(element, classes):
        return True
    style = element.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or "clip:rect(0" in style  # the "visually hidden" pattern: text for screen readers
        or "clip-path:inset(50%)" in style
    )


@lru_cache(maxsize=8192)
def _hidden_by_class(classes: str) -> bool:
    """Whether a class attribute names a hidden element (read once per distinct value)."""
    return _HIDDEN_CLASSES.search(classes) is not None


def _hidden_update_time(element: etree._Element, classes: str) -> bool:
    """WordPress themes print the last-modified time beside the published one and hide it
    with their style sheet (``.updated:not(.published) { display: none }``): `<time
    class="entry-date published">2 hours ago</time><time class="updated">09-07-2025</time>`
    reads `2 hours ago` on screen (blind site 62, Newspack)."""
    names = classes.split()
    if "updated" not in names or "published" in names:
        return False
    previous = element.getprevious()
    return (
        previous is not None
        and previous.tag == "time"
        and "published" in (previous.get("class") or "").split()
    )


def _blurred(classes: str | None, style: str | None) -> bool:
    """Text a page shows blurred (a paywall's `paywall-blur`, `filter: blur(5px)`): on the
    screen though hidden from screen readers, and the article's."""
    return "blur" in (classes or "").lower() or "blur(" in (style or "").replace(" ", "").lower()


# A <header> inside these is the header of that content (an article's title, byline and
# category), not the page's banner (as HTML's accessibility mapping has it).
_SECTIONING = frozenset({"article", "main", "section"})


def _custom_block(element: etree._Element, alone: dict[etree._Element, bool]) -> bool:
    """Whether a custom element (``<d8-paragraph>``, ``<story-card>``) is a block: it is
    when no text runs beside it in its parent (the paragraphs of a web component's body);
    one inside running text (``<relative-time>`` after a source name) is inline.

    ``alone`` is keyed by the parent element itself, which keeps its lxml proxy alive: keyed
    by ``id()``, a freed proxy's number was given to another element's, which then read as
    the first one's answer (a term inside a paragraph taken for a block, now and then)."""
    parent = element.getparent()
    if parent is None:
        return True
    if parent not in alone:
        alone[parent] = not (parent.text or "").strip() and not any(
            (child.tail or "").strip() for child in parent
        )
    return alone[parent]


def _inline_label(
    element: etree._Element, tag: str, is_block: bool, alone: dict[etree._Element, bool]
) -> bool:
    """Whether a chrome-named element is a label inside running text: inline, not a link
    (a link's words are the sentence's: `as <a class="related">reported</a> on Monday`),
    with text beside it in its parent."""
    if is_block or tag == "a" or element.find(".//a") is not None:
        return False
    return not _custom_block(element, alone)


# a ticker's box by its class: `ticker`, `live-ticker`, `id-Article-ticker` (not `ticker__item`,
# and not an inline `<span class="ticker">` holding a share's symbol in a sentence)
_TICKER = re.compile(r"(?<![\w-])(?:[a-z0-9]+-)*ticker(?![\w-])", re.I)
_BOX_TAGS = frozenset({"div", "section", "ul", "ol", "aside"})


def _chrome(
    element: etree._Element,
    tag: str,
    story_class: str | None = None,
    paid_boxes: set[etree._Element] | frozenset[etree._Element] = frozenset(),
) -> str:
    """What kind of page chrome ``element`` opens, or ``""``."""
    if element in paid_boxes:
        return "paid"
    kind = CHROME_TAGS.get(tag)
    if kind == "header" and any(_tag(up) in _SECTIONING for up in element.iterancestors()):
        return ""
    if kind == "aside" and _holds_story_paragraphs(element, story_class):
        kind = ""  # still chrome if its name says so (a pull quote, a promo)
    if kind == "aside" and _is_fact_box(element):
        return ""  # `The case at a glance` / `Filed: March 2024` / ...: the story's facts
    if tag == "figure" and element.find(".//table") is not None:
        kind = ""  # a table set as a figure is the story's data (its figcaption stays chrome)
    if tag in _BOX_TAGS and _TICKER.search(element.get("class") or ""):
        return "named"  # a results or breaking-news ticker's box (pages round 73)
    if tag == "table" and "infobox" in (element.get("class") or "").split():
        # a wiki's infobox table floated beside the text (MediaWiki: blind site 76); a fact
        # box set in the story (`<div class="infobox">` of its facts) is the story's
        return "named"
    if kind:
        return kind
    role = element.get("role")
    if role:
        kind = CHROME_ROLES.get(role.strip().lower())
        if kind:
            return kind
    if tag in _PAGE_TAGS:
        return ""  # its names say what page this is (`layout-newsletter`), not a box on it
    if _is_marked_body(element):
        return ""  # `<div class="news-content readingTime" property="articleBody">`
    names = " ".join(
        value
        for value in (
            element.get("id"),
            element.get("class"),
            element.get("data-component"),
            # React sites' test hooks name what a box is where its classes are generated
            # (`data-testid="paywall-overlay"` around a sign-up wall: blind site 63)
            element.get("data-testid"),
        )
        if value
    )
    verdict = _names_verdict(names)
    if verdict == _NOT_CHROME:
        return ""
    if verdict == _READING_TIME_ONLY:
        # `<div class="news-content readingTime">` around the story's paragraphs: the hook a
        # reading-time script counts the words of, not the widget that shows the minutes
        text = sum(len(piece) for piece in element.itertext())
        if text >= _READING_TIME_BODY_MIN:
            return ""
    return "named"


_NOT_CHROME = "not chrome"
_CHROME_NAMED = "named"
_READING_TIME_ONLY = "a reading-time hook alone"


@lru_cache(maxsize=8192)
def _names_verdict(names: str) -> str:
    """What an element's names (id, classes, component and test hooks) say it is. Pages
    repeat the same class strings hundreds of times, so each is read once."""
    # a BEM modifier names a variant of its block, not what the element is: a live page's
    # `lt-entry--comment` is an entry (its block), not a readers' comment; a block named only
    # `block` or `module` is named by its modifier (Craft's Matrix `block--pullquote`,
    # `block--related`: blind site 67)
    names = _BEM_MODIFIER.sub("", _GENERIC_BEM_BLOCK.sub(" ", names))
    if not names:
        return _NOT_CHROME
    spaced = _CAMEL_WORD.sub(_spaced_words, names)
    found = _CHROME_NAMES.search(spaced)
    if found is None:
        return _NOT_CHROME
    only_hook = not _CHROME_NAMES.search(spaced, found.end())
    if only_hook and _READING_TIME_HOOK.fullmatch(found.group(0)):
        return _READING_TIME_ONLY
    return _CHROME_NAMED


# a reading-time script's hook in a class name; the element is the story when it holds
# this many characters of text (the widget shows a few words: `4 min read`)
_READING_TIME_HOOK = re.compile(r"read(?:ing)?[-_ ]?time", re.I)
_READING_TIME_BODY_MIN = 600


_PAGE_TAGS = frozenset(["html", "body", "main"])
_BODY_PROPERTIES = frozenset(["articlebody", "schema:articlebody"])


def _is_marked_body(element: etree._Element) -> bool:
    """Whether the page's microdata or RDFa marks ``element`` as the article's body
    (`itemprop="articleBody"`, `property="articleBody"`): what its class names also say (a
    reading-time widget's hook, `readingTime`) does not make it a box of the page's."""
    for attribute in ("itemprop", "property"):
        value = element.get(attribute)
        if value and any(v.lower() in _BODY_PROPERTIES for v in value.split()):
            return True
    return False


_GENERIC_BEM_BLOCK = re.compile(
    r"(?<![a-z0-9-])(?:[a-z]-)?(?:block|blocks|module|component|widget)--(?=[a-z])", re.I
)
_BEM_MODIFIER = re.compile(r"(?<=[a-z0-9])--[a-z0-9][a-z0-9-]*", re.I)
STORY_CLASS_MIN_PARAGRAPHS = 3
PAID_BOX_MIN_LINKS = 2
PAID_BOX_MAX_PARAGRAPH = 150  # characters: a longer paragraph inside makes it the story's
PAID_BOX_MAX_LEVELS = 8


def _paid_boxes(root: etree._Element) -> set[etree._Element]:
    """Elements whose links are mostly paid ones (``rel="sponsored"``, as search engines ask
    of ads and affiliate links) and that hold no paragraph of prose: a betting-odds table, a
    shop card, a deals box. A story's paragraph with an affiliate link is not one; a box is
    looked for within ``PAID_BOX_MAX_LEVELS`` elements above its links."""
    paid: Counter[etree._Element] = Counter()
    for link in root.iter("a"):
        if "sponsored" in (link.get("rel") or "").lower().split():
            for n, up in enumerate(link.iterancestors()):
                if n >= PAID_BOX_MAX_LEVELS:
                    break
                paid[up] += 1
    boxes = {
        element
        for element, n in paid.items()
        if n >= PAID_BOX_MIN_LINKS
        and 2 * n >= sum(1 for _ in element.iter("a"))
        and not _holds_prose(element)
    }
    return boxes | {e for e, n in paid.items() if n == 1 and _is_shop_card(e)}


PAID_CARD_TAGS = frozenset({"div", "section", "aside", "li", "article", "figure"})
PAID_CARD_MIN_PARTS = 3  # child elements: a label, a name, a description, a price, a button
PAID_CARD_MAX_CHARS = 400


def _is_shop_card(element: etree._Element) -> bool:
    """One product's card (`Best overall` / name / description / price / `Check price`): a box
    of a few parts whose one link is a paid one, with no prose in it. A story's paragraph with
    an affiliate link is a `<p>`, not a box of parts."""
    if element.tag not in PAID_CARD_TAGS or len(element) < PAID_CARD_MIN_PARTS:
        return False
    if sum(1 for _ in element.iter("a")) != 1:
        return False
    text = sum(len(t) for t in element.itertext())
    return text <= PAID_CARD_MAX_CHARS and not _holds_prose(element)


def _holds_prose(element: etree._Element) -> bool:
    """A paragraph of prose inside: a `<p>`, or text set between `<br>`s with no `<p>` at all
    (Blogger's post body, blind pages round 61); or the element is marked as the article's
    body. An affiliate review's body has its product cards' paid links, but it is no box."""
    if any(_is_marked_body(e) for e in element.iter()):
        return True
    if any(len("".join(p.itertext())) > PAID_BOX_MAX_PARAGRAPH for p in element.iter("p")):
        return True
    return any(len(text.strip()) > PAID_BOX_MAX_PARAGRAPH for text in element.itertext())


def _json_ld_parts(data: object) -> Iterator[object]:
    """Every ``hasPart`` value in a JSON-LD document (nested objects and ``@graph`` too)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            part = item.get("hasPart")
            if part is not None:
                yield part
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def _subscriber_parts(root: etree._Element) -> set[etree._Element]:
    """The elements the page's JSON-LD names as the story's paywalled part (schema.org
    ``WebPageElement`` with ``isAccessibleForFree`` false and a ``cssSelector``): shown to
    subscribers, so read even when the page ships them hidden."""
    selectors: list[str] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if "cssSelector" not in text:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for part in _json_ld_parts(data):
            for element in part if isinstance(part, list) else [part]:
                if not isinstance(element, dict):
                    continue
                free = element.get("isAccessibleForFree")
                if free is False or str(free).strip().lower() == "false":
                    found = element.get("cssSelector")
                    for css in found if isinstance(found, list) else [found]:
                        if isinstance(css, str) and css.strip():
                            selectors.append(css.strip())
    parts: set[etree._Element] = set()
    for css in selectors[:8]:
        try:
            parts.update(CSSSelector(css)(root))
        except (SelectorError, ValueError, TypeError):
            continue
    return parts


def _story_paragraph_class(root: etree._Element) -> str | None:
    """The class the page gives most of its paragraphs outside any ``<aside>`` (a CMS renders
    every paragraph of the story with one component: `Paragraph_paragraph__b7Yq4`,
    `article__p`), or None when no class is shared by three."""
    counts = Counter(
        p.get("class")
        for p in root.iter("p")
        if p.get("class") and not any(_tag(up) == "aside" for up in p.iterancestors())
    )
    found = counts.most_common(1)
    return found[0][0] if found and found[0][1] >= STORY_CLASS_MIN_PARAGRAPHS else None


def _is_fact_box(element: etree._Element) -> bool:
    """An ``<aside>`` of facts: a list of two or more `Label: value` items and no links
    (a related box links; a fact box beside the story states what it is about)."""
    items = [" ".join("".join(li.itertext()).split()) for li in element.iter("li")]
    if len(items) < _FACT_BOX_MIN_ITEMS or element.find(".//a") is not None:
        return False
    return all(_FACT_ITEM.match(item) for item in items)


_FACT_BOX_MIN_ITEMS = 2
# (a label may hold a figure, `COVID-19: ...`; a clock, `10:30`, has no space after its colon)
_FACT_ITEM = re.compile(r"[^:]{2,30}:\s+\S")


def _holds_story_paragraphs(element: etree._Element, story_class: str | None) -> bool:
    """Whether an ``<aside>`` holds paragraphs the page renders as the story's own (a
    methodology or editor's box set between the story's paragraphs): then it is not
    complementary chrome by its tag alone."""
    return story_class is not None and any(p.get("class") == story_class for p in element.iter("p"))


def _spaced_words(found: re.Match[str]) -> str:
    return _CAMEL_BREAK.sub("-", found.group(0))


@dataclass(slots=True)
class Layout:
    """A page's blocks and what a reader needs to know about the elements around them."""

    blocks: list[Block]
    tags: dict[int, str]  # block-level element id (as in ``Block.path``) -> tag name
    form_holders: set[int]  # ids of the block-level elements that directly hold a form
    classes: dict[int, str] = field(default_factory=dict)  # element id -> its class names


def page_blocks(root: etree._Element, *, table_rows: bool = False) -> list[Block]:
    """Visible text blocks of the document under ``root`` (an lxml element)."""
    return page_layout(root, table_rows=table_rows).blocks


def page_layout(root: etree._Element, *, table_rows: bool = False) -> Layout:
    """``page_blocks`` with the tags of the block-level elements and where forms are.

    ``table_rows``: a data table's row is one line, its cells between bars (an article's
    table, as a reader shows it); a listing's table layout keeps a line per cell."""
    builder = _Builder()
    tags: dict[int, str] = {}
    classes: dict[int, str] = {}
    form_holders: set[int] = set()
    links: list[str | None] = []
    link_starts: list[int] = []
    skipping = 0
    block_stack: list[str] = []
    # per open element: (is a block, opened a chrome region, lent its link, its tag), to undo
    # at its end
    opened: list[tuple[bool, bool, bool, str]] = []
    paths: list[tuple[int, ...]] = []
    chromes: list[str] = []
    next_id = 0
    alone: dict[etree._Element, bool] = {}  # per custom element's parent: no text beside it
    story_class = _story_paragraph_class(root)
    paid_boxes = _paid_boxes(root)
    subscriber_parts = _subscriber_parts(root)
    # Cloudflare's hidden addresses are looked for on the pages that have one, not per element
    protected = bool(root.xpath("boolean(descendant-or-self::*[@data-cfemail])"))
    events = ("start", "end", "comment", "pi")
    walker = etree.iterwalk(root, events=events)
    for event, element in walker:
        if event == "start":
            if skipping:
                skipping += 1
                continue
            tag = _tag(element)
            if table_rows and tag in _ROLE_HOSTS:
                # a table in ARIA roles (`div[role=row] > span[role=cell]`): read as one
                tag = _ROLE_TAGS.get(element.get("role") or "", tag)
            hidden_address = element.get("data-cfemail") if protected else None
            if hidden_address is not None:
                address = decode_cloudflare_email(hidden_address)
                if address is not None:
                    # the address Cloudflare's script writes in place of `[email protected]`
                    builder.add(address, links[-1] if links else None, bool(links))
                    skipping += 1
                    walker.skip_subtree()  # its end event still comes, with its tail
                    continue
            if (
                not tag
                or (tag in SKIP_TAGS and not _shadow_root(element))
                or (_hidden(element) and element not in subscriber_parts)
            ):
                if tag in _FORM_CONTROLS and builder.path and not _hidden(element):
                    # (a widget's drop-down: `Work out your tariff points ... Subject 1
                    # <select>`, blind pages round 79): what holds it is a form's box
                    form_holders.add(builder.path[-1])
                skipping += 1
                walker.skip_subtree()  # not read at all: its end event still comes
                continue
            is_block = tag in BLOCK_TAGS or ("-" in tag and _custom_block(element, alone))
            kind = "" if builder.chrome else _chrome(element, tag, story_class, paid_boxes)
            if kind == "named" and _inline_label(element, tag, is_block, alone):
                # `...novel.<span class="ad-slot__label">advertisement</span> "I got it
                # wrong ..."`: a label set inside a sentence goes without cutting the
                # paragraph in two (blind site 71); its tail is the sentence's
                skipping += 1
                walker.skip_subtree()
                continue
            if is_block:
                builder.flush(tag)
                block_stack.append(tag)
                next_id += 1
                tags[next_id] = tag
                named = element.get("class")
                if named:
                    classes[next_id] = named
                if tag == "form" and builder.path:
                    form_holders.add(builder.path[-1])
                paths.append(builder.path)
                builder.path = (*builder.path, next_id)
            elif tag == "input" and builder.path and element.get("type") != "hidden":
                form_holders.add(builder.path[-1])
            elif tag == "br":
                if block_stack and block_stack[-1] in HEADING_TAGS:
                    builder.add(" ", None)  # a title set on two lines is one title
                else:
                    builder.flush(block_stack[-1] if block_stack else "body")
            if kind:
                if not is_block:
                    builder.flush(block_stack[-1] if block_stack else "body")
                chromes.append(builder.chrome)
                builder.chrome = kind
            card = _card_link(element) if is_block and tag in _CARD_TAGS else None
            lent = card is not None
            opened.append((is_block, bool(kind), lent, tag))
            if tag == "a" or lent:
                links.append(_anchor_href(element) if tag == "a" else card)
                link_starts.append(builder.visible)
            if tag == "time" and element.get("datetime"):
                builder.add_datetime(element.get("datetime", ""))
            builder.add(element.text, links[-1] if links else None, bool(links))
        elif event == "end":
            if skipping:
                skipping -= 1
                if not skipping:
                    # the skipped element's tail is visible text of its parent
                    builder.add(element.tail, links[-1] if links else None, bool(links))
                continue
            if opened:
                is_block, had_chrome, lent, tag = opened.pop()
            else:
                is_block, had_chrome, lent, tag = False, False, False, _tag(element)
            if (tag == "a" or lent) and links:
                href = links.pop()
                if href and link_starts.pop() == builder.visible:
                    builder.adopt(href)
            if is_block or had_chrome:
                parent = block_stack[-2] if len(block_stack) > 1 else "body"
                builder.flush(parent if is_block else (block_stack[-1] if block_stack else "body"))
            if is_block:
                if block_stack:
                    block_stack.pop()
                builder.path = paths.pop() if paths else ()
            if had_chrome:
                builder.chrome = chromes.pop() if chromes else ""
            builder.add(element.tail, links[-1] if links else None, bool(links))
        elif not skipping:
            # a comment or processing instruction: invisible, but its tail is text
            builder.add(element.tail, links[-1] if links else None, bool(links))
    builder.flush("body")
    blocks = _table_rows(builder.blocks, tags) if table_rows else builder.blocks
    return Layout(blocks, tags, form_holders, classes)


def _anchor_href(anchor: etree._Element) -> str | None:
    """An ``<a>``'s address; a wiki's link to a page by its number (MediaWiki's
    `/index.php?curid=1058`) is read at the page name its ``title`` gives (blind site 76)."""
    href = anchor.get("href")
    if href is None or "curid=" not in href:
        return href
    name = (anchor.get("title") or "").strip()
    if not name or any(ch.isspace() for ch in name) or "://" in name:
        return href
    return "/index.php?title=" + name


_CARD_TAGS = frozenset({"div", "li", "article", "section"})
CARD_LINK_MAX_CHARS = 600  # a clickable card's text; a longer element is no card


def _card_link(element: etree._Element) -> str | None:
    """The link a clickable card holds only in a data attribute (`<div onclick="go(this)"
    data-href="/en/article/...">` with no `<a>` inside, site 55), which a reader's click
    follows; None for anything else (a share button's `data-href` holds no text)."""
    href = element.get("data-href") or element.get("data-url")
    if href is None or not href.strip() or href.strip().startswith(("#", "javascript:")):
        return None
    if element.find(".//a[@href]") is not None:
        return None
    text = "".join(element.itertext())
    if not text.strip() or len(text) > CARD_LINK_MAX_CHARS:
        return None
    return href.strip()


# the table an element says it is part of by its ARIA role, as a results or data widget
# builds one from `div`s and `span`s (pages round 51)
_ROLE_TAGS = {
    "table": "table",
    "grid": "table",
    "row": "tr",
    "cell": "td",
    "gridcell": "td",
    "columnheader": "th",
    "rowheader": "th",
}
_ROLE_HOSTS = frozenset({"div", "span", "li", "ul", "ol", "p", "section"})
ROW_CELL_MAX_CHARS = 200  # a longer cell is a layout table's column, not a data table's cell
_CELL_TAGS = frozenset({"td", "th"})


def _table_rows(blocks: list[Block], tags: dict[int, str]) -> list[Block]:
    """A data table's row as one line, its cells between bars (``Metric | Q2 2025 | Change``),
    as an aggregator shows a table and the cleaner reads one: each cell one short line of its
    own, in ``<td>``/``<th>`` right under the ``<tr>`` or in the one paragraph such a cell
    holds (press-release wires' `<td><p class="bwcellpmargin">1,421</p></td>`: pages round
    62). A layout table's row (a cell holding several paragraphs, lists, ``<br>`` lines or a
    long text) keeps its lines."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        first = _cell_of(block, tags)
        if first is None:
            out.append(block)
            i += 1
            continue
        row = first[0]
        j = i
        while j < len(blocks) and row in blocks[j].path:
            j += 1
        cells = blocks[i:j]
        found = [_cell_of(c, tags) for c in cells]
        if (
            len(cells) >= 2
            and all(
                f is not None
                and f[0] == row
                and len(c.text) <= ROW_CELL_MAX_CHARS
                and c.chrome == block.chrome
                for c, f in zip(cells, found, strict=True)
            )
            and len({f[1] for f in found if f is not None}) == len(cells)
        ):
            text = " | ".join(c.text for c in cells)
            out.append(
                Block(
                    text,
                    "tr",
                    [s for c in cells for s in c.segments],
                    [href for c in cells for href in c.links],
                    [dt for c in cells for dt in c.datetimes],
                    sum(c.link_chars for c in cells),
                    block.path[: block.path.index(row) + 1],
                    block.chrome,
                )
            )
        else:
            out.extend(cells)
        i = j
    return out


_CELL_PARAGRAPH_TAGS = frozenset({"p", "div"})


def _cell_of(block: Block, tags: dict[int, str]) -> tuple[int, int] | None:
    """(its row, its cell) for a block that is a table cell's text: the ``<td>``/``<th>``
    itself, or a paragraph right inside one; else ``None``."""
    path = block.path
    if block.tag in _CELL_TAGS and len(path) >= 2 and tags.get(path[-2]) == "tr":
        return path[-2], path[-1]
    if (
        block.tag in _CELL_PARAGRAPH_TAGS
        and len(path) >= 3
        and tags.get(path[-2]) in _CELL_TAGS
        and tags.get(path[-3]) == "tr"
    ):
        return path[-3], path[-2]
    return None
