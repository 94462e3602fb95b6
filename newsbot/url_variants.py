"""The other addresses sites print for one page, and its plain one.

A listing or a related box may link an article by its AMP twin (``/amp/en/article/<id>``,
``.../amp``), by its folder's index file (``.../index.html``), with its id in capitals, or with
parameters that only say how the reader came (``utm_*``, ``fbclid``, ``ref=related``) or which
view they want (``?amp=1``, ``?print=1``). Each is the same article: it is found by its plain
path and fetched at its plain address, once. Pure functions over URLs, no Scrapy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

# Query parameters that only say how a reader got to a page, never which page it is.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "igshid", "smid",
     "cmpid", "ref", "ref_src"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_",)
# Parameters that ask for another view of the same page: its AMP or its print version, a
# wiki's printable or mobile view, or the revision a wiki's permanent link names (blind site 76).
VIEW_PARAMS = frozenset({"amp", "outputtype", "print", "printable", "mobileaction", "oldid"})
# Parameters that ask for another page about it: a wiki's edit form, history, page
# information or a diff between revisions (MediaWiki's `?title=...&action=history`).
_OTHER_PAGE_ACTIONS = frozenset({"view", "render", ""})


def is_other_page(url: str) -> bool:
    """Whether ``url`` asks for a page about the one it names, not that page: an edit form,
    its history, a diff (``?action=edit``, ``&action=history``, ``&diff=``, ``&veaction=``)."""
    if "?" not in url:
        return False
    for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        low = name.lower()
        if low in ("diff", "veaction") or (
            low == "action" and value.lower() not in _OTHER_PAGE_ACTIONS
        ):
            return True
    return False


_AMP_PREFIX = re.compile(r"^/amp(?=/)", re.I)
_AMP_SUFFIX = re.compile(r"(?<=.)(?:/amp/?|\.amp)$", re.I)
_SLASHES = re.compile(r"//+")
_INDEX_FILE = re.compile(r"(?<=/)index\.(?:html?|php|aspx?)$", re.I)
# a static site's page file for its pretty URL: Jekyll's `/en/article/<id>.html` is
# `/en/article/<id>/` (blind site 71)
_PAGE_FILE = re.compile(r"(?<=[^/])\.html?$", re.I)
# A session id the server put in the path when the reader's cookies were off: Java servlets'
# `;jsessionid=8F3A...` (a load balancer's `.node2` after it), PHP's `;PHPSESSID=`, and
# ASP.NET's cookieless `/(S(lit3py55t21z5v55vlm25s55))/` segment (site 56).
_SESSION_PARAM = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/;?#]*", re.I)
_ASPNET_SESSION = re.compile(r"/\((?:[A-Z]\([^()/]*\))+\)(?=/)")
# A PHP front controller in the path, its route after it, as CMSs print links with pretty URLs
# off (ExpressionEngine's and CodeIgniter's `/index.php/en/article/<id>`), and the session
# segment ExpressionEngine puts first when the reader's cookies are off (`/S=1a2b.../`: blind
# site 77).
_FRONT_PATH = re.compile(r"^(/index\.php)(?:/S=[0-9a-f]{8,})?(?=/)", re.I)


def front_path_route(path: str) -> tuple[str, str] | None:
    """``(route, path to fetch)`` of a path through a front controller
    (``/index.php/S=1a2b3c4d/en/article/1`` -> ``/en/article/1``, fetched at
    ``/index.php/en/article/1``: the controller's spelling the site printed, without the
    session), or ``None``."""
    found = _FRONT_PATH.match(path)
    if found is None:
        return None
    rest = path[found.end() :]
    return rest, found.group(1) + rest


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


_LOCALE_FOLDER = re.compile(r"^(/[A-Za-z]{2})[-_][A-Za-z]{2}(?=/)")


def path_variants(path: str) -> Iterator[str]:
    """Spellings of ``path`` that a site's plain page may have, other than ``path`` itself:
    without a session id, doubled slashes, its index file, its AMP prefix or suffix, in lower
    case, without a static page file's `.html`, and (last) in its language's folder without
    the region (`/en-US/...` -> `/en/...`)."""
    plain = _ASPNET_SESSION.sub("", _SESSION_PARAM.sub("", path))
    plain = _INDEX_FILE.sub("", _SLASHES.sub("/", plain))  # `/en//article/<id>` too
    plain = _AMP_SUFFIX.sub("", _AMP_PREFIX.sub("", plain)) or "/"
    pretty = _PAGE_FILE.sub("", plain)
    seen = {path}
    # the language folder with its region (`/en-US/article/<id>`, `/ar_AE/...`: a site
    # builder's locale prefix, blind site 83)
    language = _LOCALE_FOLDER.sub(lambda m: m.group(1).lower(), plain, count=1)
    for candidate in (plain, plain.lower(), path.lower(), pretty, pretty.lower(), language):
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


# A front controller's route in the query, as CMSs print it when pretty URLs are off:
# Craft's `/index.php?p=en/article/<id>`, Drupal's `/?q=node/12` (blind site 67), MediaWiki's
# `/index.php?title=` (site 76).
_FRONT_CONTROLLER = re.compile(r"^/(?:index\.php)?$", re.I)
ROUTE_PARAMS = ("p", "q", "title")  # `title`: MediaWiki's `/index.php?title=En/article/<id>`


def routed_path(url: str) -> str | None:
    """The path a front controller's route parameter names (``/index.php?p=en/article/1``
    -> ``/en/article/1``), or ``None``."""
    parts = urlsplit(url)
    if not parts.query or not _FRONT_CONTROLLER.match(parts.path or "/"):
        return None
    if parts.query.startswith("/"):
        # ExpressionEngine's query-string mode: `/index.php?/en/article/<id>` (blind site 77)
        return parts.query.split("&", 1)[0]
    for name, value in parse_qsl(parts.query):
        if name in ROUTE_PARAMS and value and "://" not in value and not value.startswith("//"):
            return "/" + value.lstrip("/")
    return None


# A click-through script that sends the reader on to the address in its query, as old and
# migrated sites link their own pages: `/go.asp?u=%2Fen%2Farticle%2F<id>`, `/redirect?url=`,
# `/out.php?to=` (blind site 75). Only a target on the link's own host is its page.
_REDIRECTOR = re.compile(
    r"/(?:go|goto|redirect|redir|out|r|link|click|linkclick|jump|forward|away)(?:\.[a-z]{2,5})?$",
    re.I,
)
_TARGET_PARAMS = frozenset(
    {"u", "url", "to", "target", "dest", "destination", "goto", "link", "redirect"}
)


@lru_cache(maxsize=4096)
def redirect_target(url: str) -> str | None:
    """The same-host address a click-through link (``/go.asp?u=/en/article/1``) sends the
    reader to, or ``None`` for any other link."""
    if "?" not in url:
        return None
    parts = urlsplit(url)
    if not _REDIRECTOR.search(parts.path):
        return None
    for name, value in parse_qsl(parts.query):
        if name.lower() not in _TARGET_PARAMS or not value.strip():
            continue
        try:
            target = urlsplit(urljoin(url, value.strip()))
        except ValueError:
            return None
        if target.scheme in ("http", "https") and target.netloc.lower() == parts.netloc.lower():
            return urlunsplit(target)
    return None


# A script that names the page by a number in its query, as old and CMS sites link their
# articles: DataLife Engine's `/index.php?newsid=118`, classic ASP's `/news.asp?id=12`,
# `/article.php?story_id=` (blind sites 75 and 79), Concrete CMS's collection id
# `/index.php?cID=169` (site 85). The site redirects it to the article's address or serves it
# there; a view of it (`do=print`) is another page.
_SCRIPT = re.compile(r"(?:^/|\.(?:php\d?|aspx?|jsp|cfm|cgi|pl))$", re.I)
_ID_PARAM = re.compile(
    r"(?:news|story|article|item|post|content|entry|doc|node|n|a|c)?[_-]?id", re.I
)
_NUMBER = re.compile(r"\d{1,12}")
_VIEW_VALUES = frozenset({"print", "printable", "pdf", "amp", "email", "mail", "comments"})


# A permalink that names the story by an id and its title's words, as many CMSs print them
# beside the site's own address for it: Tilda's `/tpost/90de18930a-estovia-jobless-rate-falls`,
# `/news/12345-council-approves-budget`, `/story/council-approves-budget-12345` (blind site 80);
# an id of five digits or more, or of hex letters and digits (a year is no id: `/tag/covid-19-2021`)
_SLUG_PERMALINK = re.compile(
    r"/(?:[\w-]+/)*(?:(?:(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,16}|\d{5,12})"
    r"-[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}"
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}-(?:\d{5,12}|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,16}))"
    r"(?:\.html?)?/?$"
)


# a page named by its date and a number (uCoz's `/news/<slug>/2025-11-30-123`,
# `/news/2025-11-30-123`), or by four numbers (uCoz's catalogue `/publ/<cat>/<slug>/4-1-0-17`):
# blind site 82
_NUMBERED_PAGE = re.compile(r"/(?:(?:19|20)\d\d-\d\d-\d\d-\d{1,9}|\d{1,6}(?:-\d{1,9}){3})/?$")


# the same as path segments, a name and its number (DNN's `/en/News/tabid/58/ArticleID/1234/
# <slug>.aspx`, `/en-us/news/articleid/1234/<slug>`: blind site 81)
_ID_SEGMENTS = re.compile(
    r"/(?:news|story|article|item|post|content|entry|doc)[_-]?id/\d{1,12}(?:/|\.aspx|$)", re.I
)


# a story named by its title's words alone, as site builders print it beside the site's own
# address (Framer's `/en/articles/survey-finds-ralsen-glacier-lost-a-fifth-of-its-volume`:
# blind site 83): five words or more, in a folder (not at the root, where a site's own pages
# are), and no folder of listings (`/tag/...`, `/category/...`, `/author/...`)
_TITLE_SLUG = re.compile(
    r"^/[\w.%-]+/(?:[\w.%-]+/)*[a-z][a-z0-9]*(?:-[a-z0-9]+){4,}(?:\.html?)?/?$"
)
_LISTING_FOLDER = re.compile(
    r"/(?:tags?|categor(?:y|ies)|topics?|authors?|writers?|sections?|hashtags?|search|pages?"
    r"|labels?|series|people|users?|profiles?|collections?|events?|shop|products?|jobs)/",
    re.I,
)
# Odoo's blog post: `/blog/<blog's slug>-<n>/<post's slug>-<n>` (`/blog/daily8-arabic-2/
# khabar-41`, the slug of a title in Arabic letters; blind site 84)
_BLOG_POST = re.compile(
    r"/blog/[a-z0-9]+(?:-[a-z0-9]+)*-\d{1,9}/[a-z0-9]+(?:-[a-z0-9]+)*-\d{1,9}/?$"
)


@lru_cache(maxsize=4096)
def may_be_a_story_alias(url: str) -> bool:
    """Whether ``url`` is another address platforms print for a story (an alias), which may
    lead to an article (where it leads is asked): a numbered id segment in the path
    (``/ArticleID/1234/``), a permalink of an id and title words or of a date and a number
    (``/tpost/90de18930a-...``, ``/news/2025-11-30-123``), a title's words alone in a folder
    (``/en/articles/survey-finds-...``), a blog post's slug and number under its blog's
    (``/blog/news-1/some-title-12``), or a script naming the page by a number in its query
    (``/index.php?newsid=118``; not a print or other view)."""
    parts = urlsplit(url)
    path = parts.path
    if _ID_SEGMENTS.search(path) or _SLUG_PERMALINK.search(path) or _NUMBERED_PAGE.search(path):
        return True
    slug = _BLOG_POST.search(path) or _TITLE_SLUG.match(path)
    if slug and not _LISTING_FOLDER.search(path + "/"):
        return True
    if not parts.query or not _SCRIPT.search(path or "/"):
        return False
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if any(v.lower() in _VIEW_VALUES or k.lower() in VIEW_PARAMS for k, v in pairs):
        return False
    return any(_ID_PARAM.fullmatch(k) and _NUMBER.fullmatch(v) for k, v in pairs)


def plain_url(url: str, path: str | None = None) -> str:
    """``url`` at ``path`` (its own when None), without its fragment, and without its query
    when that holds only tracking or view parameters (or the route a front controller read
    ``path`` from): the address to fetch the page at, whichever link led to it."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    routed = routed_path(url) if path is not None else None
    if path is not None and routed is not None and path in (routed, *path_variants(routed)):
        if parts.query.startswith("/"):  # the whole query was the route (`?/en/article/1`)
            pairs = parse_qsl(parts.query.partition("&")[2], keep_blank_values=True)
        else:
            pairs = [(k, v) for k, v in pairs if k not in ROUTE_PARAMS]  # the route was read
        if not all(is_tracking(k) or k.lower() in VIEW_PARAMS for k, _ in pairs):
            return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    # all of them, or none: a query left with a parameter the site's link did not hold
    # together with them (`?pos=3` of `?ref=home&pos=3`) is an address it never printed
    plain = all(is_tracking(k) or k.lower() in VIEW_PARAMS for k, _ in pairs)
    query = "" if plain else parts.query
    return urlunsplit((parts.scheme, parts.netloc, path or parts.path, query, ""))


# what a page's address is not: a file (a picture, a document, a feed), a listing, the site's
# or a language's front page
_FILE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|svg|ico|pdf|docx?|xlsx?|pptx?|zip|gz|mp[34]|m4a|wav|webm"
    r"|css|js|json|xml|rss|atom|txt)$",
    re.I,
)
_FRONT = re.compile(r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.\w{2,5})?$", re.I)


def may_name_a_page(url: str) -> bool:
    """Whether ``url`` may be a page of its own (not a file, a listing folder or a front
    page): what a related entry's link is taken for when it is no address the site prints
    for a story (a CMS's short alias, `/en/news/ferry-fare-freeze.html`, or its share link,
    `/share/?p=23`: blind site 86): the entry is a story's, so where it leads is asked."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if _FILE.search(path) or _LISTING_FOLDER.search(path + "/"):
        return False
    return not (_FRONT.match(path) and not parts.query)
