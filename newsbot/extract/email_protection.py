"""Addresses hidden by Cloudflare's email obfuscation, read back as a reader's browser shows them.

Cloudflare replaces every address on a page it serves with ``[email protected]`` and keeps
the address in a ``data-cfemail`` attribute: hex bytes, the first of them a key XORed into
each of the rest. Its script (``email-decode.min.js``) writes the address back when the page
loads; a crawl that does not run scripts has to do the same, or story lines read
``write to [email protected]``.
"""

from __future__ import annotations

import re

_HEX = re.compile(r"(?:[0-9a-fA-F]{2}){2,}")


def decode_cloudflare_email(encoded: str) -> str | None:
    """The address in a ``data-cfemail`` value, or ``None`` when it is not one."""
    encoded = encoded.strip()
    if not _HEX.fullmatch(encoded):
        return None
    data = bytes.fromhex(encoded)
    key = data[0]
    try:
        address = bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    # an address has no spaces or control characters; anything else is not what it hides
    if not address or any(c.isspace() or not c.isprintable() for c in address):
        return None
    return address
