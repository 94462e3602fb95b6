"""Addresses behind Cloudflare's email obfuscation read as a reader's browser shows them:
decoded from ``data-cfemail``, in story lines, links and next to the decode script that
Cloudflare puts inside the paragraph."""

from __future__ import annotations

from lxml import html as lxml_html

from newsbot.extract.blocks import page_blocks
from newsbot.extract.email_protection import decode_cloudflare_email


def _protect(address: str, key: int = 0x5A) -> str:
    """What Cloudflare writes in ``data-cfemail``: the key, then each byte XORed with it."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode("utf-8"))


def test_an_address_is_decoded_with_the_key_its_first_byte_holds():
    for key in (0x00, 0x5A, 0xD0, 0xFF):
        assert decode_cloudflare_email(_protect("ferries@transport.example.nz", key)) == (
            "ferries@transport.example.nz"
        )
    # as served by a real page (key 0xd0)
    served = "d0b6b5a2a2b9b5a390a4a2b1bea3a0bfa2a4feb5a8b1bda0bcb5febeaa"
    assert decode_cloudflare_email(served) == "ferries@transport.example.nz"


def test_what_is_no_hidden_address_is_not_decoded():
    assert decode_cloudflare_email("") is None
    assert decode_cloudflare_email("zz41") is None  # not hex
    assert decode_cloudflare_email("5a3") is None  # half a byte
    assert decode_cloudflare_email(_protect("two words")) is None
    assert decode_cloudflare_email("5a" + "ff" * 3) is None  # not UTF-8


def _lines(body: str) -> list[str]:
    root = lxml_html.fromstring(f"<html><body>{body}</body></html>")
    return [b.text for b in page_blocks(root)]


def test_story_lines_show_the_address_not_the_placeholder():
    address = _protect("ferries@transport.example.nz")
    mailto = _protect("ballot@ntu.example.org")
    lines = _lines(
        "<p>Commuters can send feedback to "
        f'<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="{address}">'
        "[email&#160;protected]</a>"
        '<script data-cfasync="false" src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/'
        'email-decode.min.js"></script> until August 15.</p>'
        '<p>Write to the union at <a href="/cdn-cgi/l/email-protection#abc">'
        f'<span class="__cf_email__" data-cfemail="{mailto}">[email&#160;protected]</span>'
        "</a>, the union said.</p>"
        # a broken value: the page's own text stays
        '<p>Or ask <span data-cfemail="nothex">[email&#160;protected]</span>.</p>'
    )
    assert lines == [
        "Commuters can send feedback to ferries@transport.example.nz until August 15.",
        "Write to the union at ballot@ntu.example.org, the union said.",
        "Or ask [email protected].",  # (the no-break space read as a space)
    ]
