"""Text damage (issue 11, item 8): a charset that contradicts the bytes is corrected, invalid
bytes and NUL bytes are counted per page and never glue words: on strings, then whole crawls
of the replica served with each kind of damage, compared with a crawl of the clean replica."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.decoding import decode_page
from newsbot.replica import build_site
from newsbot.replica.faults import Charset, FaultServer, Mode
from tests.conftest import CLOCK, run_crawl

UTF8 = "The mayor said ‘no’ — the café’s plan".encode()


def test_valid_utf8_wins_over_a_contradicting_charset():
    for header in ("iso-8859-1", "windows-1252", "latin-1", "shift_jis"):
        decoded = decode_page(b"<p>" + UTF8, f"text/html; charset={header}")
        assert decoded.text == "<p>" + UTF8.decode() and "â€" not in decoded.text
        assert decoded.corrected and decoded.encoding == "utf-8"
    meta = b'<meta charset="iso-8859-1"><p>' + UTF8
    assert decode_page(meta, None).corrected


def test_a_true_single_byte_page_is_left_alone():
    latin = "<p>Le café où l’on dîne".encode("cp1252")
    decoded = decode_page(latin, "text/html; charset=windows-1252")
    assert decoded.text == "<p>Le café où l’on dîne" and not decoded.damaged
    ascii_page = decode_page(b"<p>plain", "text/html; charset=iso-8859-1")
    assert ascii_page.text == "<p>plain" and not ascii_page.damaged


def test_a_page_in_another_charset_declared_as_utf8_is_detected():
    text = "<p>" + "Правительство объявило о новых мерах поддержки фермеров. " * 20
    decoded = decode_page(text.encode("cp1251"), "text/html; charset=utf-8")
    assert decoded.text == text and decoded.corrected and decoded.encoding == "cp1251"


def test_invalid_bytes_are_counted_and_read_as_windows_1252_when_printable():
    body = b"<p>caf\xe9 \x93quoted\x94 ok \x81 end \xe2\x80\x98fine\xe2\x80\x99"
    decoded = decode_page(body, "text/html; charset=utf-8")
    assert decoded.text == "<p>café “quoted” ok \ufffd end ‘fine’"
    assert decoded.invalid_bytes == 4 and not decoded.corrected


def test_nul_and_control_characters_become_spaces_never_glue():
    decoded = decode_page(b"<p>word\x00word and\x01more\ttab\r\n", None)
    assert decoded.text == "<p>word word and more\ttab\r\n"
    assert decoded.nul_chars == 1 and decoded.control_chars == 1
    assert "NUL" in decoded.describe()


def test_boms_and_utf16():
    assert decode_page("\ufeff‘x’".encode(), "text/html; charset=iso-8859-1").text == "‘x’"
    assert decode_page("‘x’".encode("utf-16"), None).text == "‘x’"


@dataclass
class StrayBytes(Mode):
    """A UTF-8 page with a Windows-1252 quote pasted in and NUL bytes between words."""

    def transform(self, server, req, key, reply):
        if "/article/" in key:
            reply.body = reply.body.replace("‘".encode(), b"\x91").replace(b" the ", b" the\x00")
        return reply


@pytest.fixture(scope="module")
def clean_crawl(tmp_path_factory):
    site = build_site(seed=8, articles=40, clock=CLOCK)
    with FaultServer(site) as server:
        result = run_crawl(server, ["/en"], tmp_path_factory.mktemp("clean"))
    assert result.returncode == 0, result.log[-3000:]
    return result


def _bodies(result):
    return {item["id"]: item["body"] for item in result.items}


def test_page_served_as_latin1_while_utf8_gives_the_same_bodies(clean_crawl, tmp_path):
    clean = _bodies(clean_crawl)
    assert any("‘" in body or "’" in body for body in clean.values() if body)
    site = build_site(seed=8, articles=40, clock=CLOCK)
    with FaultServer(site, [Charset(["*"], header="iso-8859-1", strip_meta=True)]) as server:
        result = run_crawl(server, ["/en"], tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert _bodies(result) == clean
    assert not any(re.search("â€|Ã", item["body"] or "") for item in result.items)
    corrected = result.summary["text_damage"]["charset_corrected"]
    assert corrected >= sum(1 for body in clean.values() if body and not body.isascii())
    assert "Text damage in http://127.0.0.1:" in result.log
    assert "declared cp1252 but the bytes are utf-8" in result.log


def test_stray_bytes_and_nuls_are_counted_and_words_stay_apart(clean_crawl, tmp_path):
    site = build_site(seed=8, articles=40, clock=CLOCK)
    with FaultServer(site, [StrayBytes(["*"])]) as server:
        result = run_crawl(server, ["/en"], tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert _bodies(result) == _bodies(clean_crawl)  # ‘ read back, NUL read as the space it was
    assert not any("the\x00" in (i["body"] or "") or "\ufffd" in (i["body"] or "")
                   for i in result.items)  # fmt: skip
    damage = result.summary["text_damage"]
    assert damage["nul_bytes"] > 0 and damage["pages_with_nul_bytes"] > 0
    assert damage["invalid_bytes"] > 0 and damage["pages_with_invalid_bytes"] > 0
    assert re.search(r"Text damage in \S+: \d+ invalid utf-8 byte\(s\); \d+ NUL", result.log)


@settings(max_examples=150, deadline=None)
@given(
    body=st.binary(max_size=400),
    charset=st.sampled_from([None, "utf-8", "iso-8859-1", "utf-16", "shift_jis", "nonsense"]),
)
def test_decoding_never_raises_and_leaves_no_control_characters(body, charset):
    decoded = decode_page(body, f"text/html; charset={charset}" if charset else None)
    assert not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", decoded.text)
    assert decoded.invalid_bytes >= 0 and decoded.nul_chars >= 0


def test_a_header_that_says_utf8_over_a_page_saved_in_another_charset_yields_to_its_meta():
    """An old CMS's windows-1256 pages behind a server that labels every page UTF-8: the
    page's own `<meta>` names the charset its bytes are in (blind site 75's pages, served so)."""
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1256"></head><body><p>عكاظ منذ 3 ساعات</p></body></html>'
    )
    decoded = decode_page(html.encode("cp1256"), "text/html; charset=utf-8")
    assert "<p>عكاظ منذ 3 ساعات</p>" in decoded.text
    assert decoded.corrected and decoded.invalid_bytes == 0
