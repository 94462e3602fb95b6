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
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
_INDEX_FILE = re.compile(r"(?<=/)index\.(?:html?|php|aspx?)$", re.I)


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def path_variants(path: str) -> Iterator[str]:
    """Spellings of ``path`` that a site's plain page may have, other than ``path`` itself:
    without its index file, without its AMP prefix or suffix, in lower case."""
    plain = _INDEX_FILE.sub("", path)
    plain = _AMP_SUFFIX.sub("", _AMP_PREFIX.sub("", plain)) or "/"
    seen = {path}
    for candidate in (plain, plain.lower(), path.lower()):
        if candidate not in seen:
            seen.add(candidate)
            yield candidate


def plain_url(url: str, path: str | None = None) -> str:
    """``url`` at ``path`` (its own when None), without fragment, tracking or view
    parameters: the address to fetch the page at, whichever link led to it."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not is_tracking(k) and k.lower() not in VIEW_PARAMS]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return urlunsplit((parts.scheme, parts.netloc, path or parts.path, query, ""))
