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
from urllib.parse import parse_qsl, urlsplit, urlunsplit

# Query parameters that only say how a reader got to a page, never which page it is.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "igshid", "smid",
     "cmpid", "ref", "ref_src"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_",)
# Parameters that ask for another view of the same page: its AMP or its print version.
VIEW_PARAMS = frozenset({"amp", "outputtype", "print"})

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


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def path_variants(path: str) -> Iterator[str]:
    """Spellings of ``path`` that a site's plain page may have, other than ``path`` itself:
    without a session id, doubled slashes, its index file, its AMP prefix or suffix, in lower
    case, and (last) without a static page file's `.html`."""
    plain = _ASPNET_SESSION.sub("", _SESSION_PARAM.sub("", path))
    plain = _INDEX_FILE.sub("", _SLASHES.sub("/", plain))  # `/en//article/<id>` too
    plain = _AMP_SUFFIX.sub("", _AMP_PREFIX.sub("", plain)) or "/"
    pretty = _PAGE_FILE.sub("", plain)
    seen = {path}
    for candidate in (plain, plain.lower(), path.lower(), pretty, pretty.lower()):
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


# A front controller's route in the query, as CMSs print it when pretty URLs are off:
# Craft's `/index.php?p=en/article/<id>`, Drupal's `/?q=node/12` (blind site 67).
_FRONT_CONTROLLER = re.compile(r"^/(?:index\.php)?$", re.I)
ROUTE_PARAMS = ("p", "q")


def routed_path(url: str) -> str | None:
    """The path a front controller's route parameter names (``/index.php?p=en/article/1``
    -> ``/en/article/1``), or ``None``."""
    parts = urlsplit(url)
    if not parts.query or not _FRONT_CONTROLLER.match(parts.path or "/"):
        return None
    for name, value in parse_qsl(parts.query):
        if name in ROUTE_PARAMS and value and "://" not in value and not value.startswith("//"):
            return "/" + value.lstrip("/")
    return None


def plain_url(url: str, path: str | None = None) -> str:
    """``url`` at ``path`` (its own when None), without its fragment, and without its query
    when that holds only tracking or view parameters (or the route a front controller read
    ``path`` from): the address to fetch the page at, whichever link led to it."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    routed = routed_path(url) if path is not None else None
    if path is not None and routed is not None and path in (routed, *path_variants(routed)):
        pairs = [(k, v) for k, v in pairs if k not in ROUTE_PARAMS]  # the route was read
        if not all(is_tracking(k) or k.lower() in VIEW_PARAMS for k, _ in pairs):
            return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    # all of them, or none: a query left with a parameter the site's link did not hold
    # together with them (`?pos=3` of `?ref=home&pos=3`) is an address it never printed
    plain = all(is_tracking(k) or k.lower() in VIEW_PARAMS for k, _ in pairs)
    query = "" if plain else parts.query
    return urlunsplit((parts.scheme, parts.netloc, path or parts.path, query, ""))
