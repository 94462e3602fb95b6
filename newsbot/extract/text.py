"""Small predicates over visible text shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

# A function that finds an age at the end of a line: ``(text before it, the age)``.
AgeReader = Callable[[str], "tuple[str, str] | None"]

_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|-(?=\s))\s*")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")


_WORD = re.compile(r"\w+")


def word_triples(text: str) -> set[tuple[str, ...]]:
    """The text's runs of three words, case folded."""
    words = _WORD.findall(text.casefold())
    return {tuple(words[n : n + 3]) for n in range(len(words) - 2)}


def says_again(
    text: str, triples: set[tuple[str, ...]], share: float, min_triples: int = 1
) -> bool:
    """Whether ``text`` says again what ``triples`` (another text's :func:`word_triples`)
    say: at least ``min_triples`` runs of three words, and ``share`` of them found there."""
    mine = word_triples(text)
    return len(mine) >= min_triples and len(mine & triples) >= share * len(mine)


def strip_bullet(text: str) -> tuple[str, bool]:
    """``('Source', True)`` for ``'  • Source'`` or ``'- Source'``."""
    match = _BULLET.match(text)
    if match:
        return text[match.end() :].strip(), True
    return text.strip(), False


_TEMPLATE_VARIABLE = re.compile(
    r"<?\??\$[A-Z][A-Z0-9_]*\$\??>?|\{\{\s*[\w.]+\s*\}\}|%%[A-Z_]+%%|\[xf\w+\]|\{[A-Z_]{3,}\}"
)


def looks_like_name(text: str, *, max_words: int = 7, max_chars: int = 60) -> bool:
    """A source or category label: short, no sentence punctuation at the end."""
    text = text.strip()
    if len(text) < 2 or len(text) > max_chars or len(text.split()) > max_words:
        return False  # (one letter: an index's letter heading, `P`: blind site 76)
    if text.startswith("(") and text.endswith(")"):
        return False  # a pager's `(previous page) (next page)`, an aside in brackets
    if _TEMPLATE_VARIABLE.fullmatch(text):
        return False  # a template's variable left unfilled (uCoz's `$MODULE_NAME$`: site 82)
    return not text.endswith(_SENTENCE_END)


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_echo(text: str, title: str | None) -> bool:
    """The title again, once or repeated back to back (image alt text + heading)."""
    if not title:
        return False
    t, ref = fold(text), fold(title)
    if not ref:
        return False
    if t == ref:
        return True
    compact, ref_compact = t.replace(" ", ""), ref.replace(" ", "")
    return len(compact) % len(ref_compact) == 0 and compact == ref_compact * (
        len(compact) // len(ref_compact)
    )


def strip_age_prefix(prefix: str, age_prefix: str) -> str:
    """Drop the clock icon's alt text (``time``) left glued before an age."""
    prefix = prefix.strip()
    if age_prefix and prefix.casefold().endswith(age_prefix.casefold()):
        prefix = prefix[: -len(age_prefix)].strip()
    return prefix.rstrip(" ·•|-–—,").strip()


_HREF_NOISE = re.compile(r"[\t\n\r]")


def safe_urljoin(base: str, href: str | None) -> str:
    if not href:
        return ""
    if href[0] == "/" and href[1:2] not in _NOT_A_PATH:
        # an absolute path (`/en/article/...`, most of a page's links) joins the same against
        # any page of the site: cached by the base's origin, not by the page it is on
        base = _origin(base)
    return _safe_urljoin(base, href)


# after a leading slash these make a network-path reference (`//host`, `/\\host`) or leave it
# to the href's clean-up (a line break in it)
_NOT_A_PATH = frozenset("/\\\t\n\r")


@lru_cache(maxsize=256)
def _origin(url: str) -> str:
    """``scheme://host`` of an absolute URL (the whole of anything else)."""
    found = _ORIGIN.match(url)
    return found.group() if found else url


_ORIGIN = re.compile(r"[^/?#]*//[^/?#]*")


# A popup link's call with the address it opens as its first argument, as old sites print
# them beside (or instead of) the plain link: `javascript:openWin('/en/article/<id>')`,
# `javascript:void(window.open("..."))` (blind site 75). `javascript:void(0)` opens nothing.
_POPUP_CALL = re.compile(
    r"""javascript:\s*(?:void\s*\(\s*)?[a-z_$][\w$.]*\s*\(\s*(['"])((?:https?://|/|\.\.?/)[^'"\s]*)\1""",
    re.I,
)


@lru_cache(maxsize=4096)
def _safe_urljoin(base: str, href: str) -> str:
    """``urljoin`` for hostile pages: the absolute http(s) URL ``href`` points to, or ``""``
    for a non-HTTP scheme (``mailto:``, ``javascript:``, ``data:``...) or a broken URL
    (``http://[oops``), which ``urljoin`` would raise on. Cached: pages repeat their links."""
    # as a browser reads an href: spaces around it and line breaks and tabs in it dropped, a
    # backslash a slash (site 55: hrefs written over two lines, `\\` in a path)
    href = _HREF_NOISE.sub("", href.strip(" \t\n\r\f\v"))
    if href[:11].lower() == "javascript:":
        opened = _POPUP_CALL.match(href)
        if opened is None:
            return ""
        href = opened.group(2)  # the page a popup link opens, as the reader's click does
    if "\\" in href:
        href = href.replace("\\", "/")
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    if parts.netloc != parts.netloc.lower() and "@" not in parts.netloc:
        url = urlunsplit(parts._replace(netloc=parts.netloc.lower()))  # `HTTPS://WWW.X.COM/`
    return url
