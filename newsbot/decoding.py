"""A page's bytes to text, with the damage found on the way counted (pure; no Scrapy).

Scrapy decodes with the charset the response declares. Real pages lie about it, and what
they say ends up in article bodies:

- **A declared charset that contradicts the bytes.** A page served as ``ISO-8859-1`` (or
  ``windows-1252``...) whose bytes are valid UTF-8 gives mojibake (``â€˜`` for ``‘``).
  Non-ASCII bytes that decode as UTF-8 without a single error are, in practice, never
  Latin-1 text, so valid UTF-8 wins over a single- or multi-byte declaration
  (``corrected``). A page declared (or defaulting to) UTF-8 whose non-ASCII bytes are mostly
  invalid UTF-8 is in another charset: charset-normalizer names it (only then: it costs ~5 ms
  a page, a strict UTF-8 check ~6 µs).
- **Stray invalid bytes** in a UTF-8 page (a Windows-1252 quote pasted into a UTF-8
  template): each is counted (``invalid_bytes``) and read as the Windows-1252 character it
  most likely is when that is a printable one, else U+FFFD.
- **NUL and other control characters**, which the HTML parser drops, gluing the words on
  either side (``word\\x00word`` -> ``wordword``): counted (``nul_chars``, ``control_chars``)
  and replaced with a space.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# Control characters an HTML parser drops (tab, newline, form feed and carriage return stay).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# every byte but those: ``body.translate(None, _NOT_CONTROL_BYTES)`` keeps only the control
# bytes (a tenth of the regex's time on a 290 KB page)
_NOT_CONTROL_BYTES = bytes(
    b for b in range(256) if not (b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F or b == 0x7F)
)
_UTF8 = "utf-8"
_ASCII = bytes(range(128))
# More invalid than this share of the non-ASCII bytes: the page is not UTF-8 at all.
NOT_UTF8_SHARE = 0.3


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec the text was decoded with
    declared: str | None = None  # what the response said (header, BOM or <meta>), if anything
    corrected: bool = False  # the declaration contradicted the bytes: decoded otherwise
    invalid_bytes: int = 0
    nul_chars: int = 0
    control_chars: int = 0  # other control characters (NUL not included)

    @property
    def damaged(self) -> bool:
        return bool(self.corrected or self.invalid_bytes or self.nul_chars or self.control_chars)

    def describe(self) -> str:
        """``declared iso-8859-1 but the bytes are utf-8; 3 invalid bytes; 2 NUL``."""
        parts = []
        if self.corrected:
            parts.append(f"declared {self.declared or 'nothing'} but the bytes are {self.encoding}")
        if self.invalid_bytes:
            parts.append(f"{self.invalid_bytes} invalid {self.encoding} byte(s)")
        if self.nul_chars:
            parts.append(f"{self.nul_chars} NUL byte(s) read as spaces")
        if self.control_chars:
            parts.append(f"{self.control_chars} control character(s) read as spaces")
        return "; ".join(parts)


_ESCAPED = re.compile("[\udc80-\udcff]")


def _cp1252_or_replacement(match: re.Match[str]) -> str:
    byte = ord(match.group()) - 0xDC00
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"
    return char if char.isprintable() else "\ufffd"


def _decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded; each invalid byte counted and read as Windows-1252 (or U+FFFD)."""
    try:
        text = data.decode(encoding, "surrogateescape")
    except UnicodeDecodeError:  # codecs without surrogateescape support (rare)
        text = data.decode(encoding, "replace")
        return text, text.count("\ufffd")
    if not _ESCAPED.search(text):
        return text, 0
    invalid = len(_ESCAPED.findall(text))
    return _ESCAPED.sub(_cp1252_or_replacement, text), invalid


def declared_encoding(body: bytes, content_type: str | None) -> str | None:
    """The charset a browser would take from the response: header, then ``<meta>``."""
    return http_content_type_encoding(content_type) or html_body_declared_encoding(body)


def _is_utf8(encoding: str | None) -> bool:
    return encoding is not None and codecs.lookup(encoding).name == _UTF8


def _unicode_family(encoding: str | None) -> bool:
    return encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported only for pages that need it

    best = from_bytes(body).best()
    return best.encoding if best is not None else None


def _strict_utf8(body: bytes) -> str | None:
    try:
        return body.decode(_UTF8)
    except UnicodeDecodeError:
        return None


def decode_page(body: bytes, content_type: str | None = None) -> Decoded:
    """The page's text and what was wrong with its encoding (never raises)."""
    bom, mark = read_bom(body)
    if bom:
        bom_encoding = resolve_encoding(bom) or _UTF8
        text, invalid = _decode_counting(body[len(mark or b"") :], bom_encoding)
        return _clean(text, bom_encoding, bom, False, invalid)
    declared = declared_encoding(body, content_type)
    encoding = resolve_encoding(declared) if declared else None
    if encoding is not None and _unicode_family(encoding):
        text, invalid = _decode_counting(body, encoding)
        return _clean(text, encoding, declared, False, invalid)
    # ASCII and UTF-8 text holds a control character exactly where the bytes hold its byte
    controls = bool(body.translate(None, _NOT_CONTROL_BYTES))
    if body.isascii():  # the same text in every ASCII-compatible charset
        return _clean(body.decode("ascii"), encoding or _UTF8, declared, False, 0, controls)
    as_utf8 = _strict_utf8(body)
    if as_utf8 is not None:
        corrected = encoding is not None and not _is_utf8(encoding)
        return _clean(as_utf8, _UTF8, declared, corrected, 0, controls)
    if encoding is not None and not _is_utf8(encoding):
        try:  # a charset that fits the bytes (every Windows-1252 byte but 5 is defined)
            text, invalid = _decode_counting(body, encoding)
            return _clean(text, encoding, declared, False, invalid)
        except LookupError:
            encoding = None
    # declared UTF-8 (or nothing), but not valid UTF-8
    in_page = resolve_encoding(html_body_declared_encoding(body) or "")
    if in_page and not _is_utf8(in_page) and not _unicode_family(in_page):
        # the header's UTF-8 does not fit the bytes; the page's own <meta> names the charset
        # it was saved in (an old CMS behind a server that labels everything UTF-8)
        try:
            text, invalid = _decode_counting(body, in_page)
            return _clean(text, in_page, declared, True, invalid)
        except LookupError:
            pass
    text, invalid = _decode_counting(body, _UTF8)
    non_ascii = len(body) - len(body.translate(None, _ASCII)) if invalid else 0
    if invalid and invalid > NOT_UTF8_SHARE * non_ascii:
        detected = _detect(body)
        if detected and not _is_utf8(detected):
            text, invalid = _decode_counting(body, detected)
            return _clean(text, codecs.lookup(detected).name, declared, True, invalid)
    return _clean(text, _UTF8, declared, False, invalid)


def _clean(
    text: str,
    encoding: str,
    declared: str | None,
    corrected: bool,
    invalid: int,
    maybe_controls: bool = True,
) -> Decoded:
    """``maybe_controls=False``: the caller knows the text holds no control character."""
    nul = text.count("\x00") if maybe_controls else 0
    controls = 0
    if maybe_controls and _CONTROLS.search(text):
        controls = len(_CONTROLS.findall(text)) - nul
        text = _CONTROLS.sub(" ", text)
    return Decoded(
        text=text,
        encoding=codecs.lookup(encoding).name if encoding else _UTF8,
        declared=declared,
        corrected=corrected,
        invalid_bytes=invalid,
        nul_chars=nul,
        control_chars=controls,
    )
