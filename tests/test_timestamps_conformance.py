"""dateparser's own relative-date cases (../shared/reference/dates) through parse_timestamp.

Measured 2026-11-30: 1231/1233 (99.8%) of the in-contract cases pass (dateparser itself:
1233/1233); 1239/1570 overall (dateparser: 1559), the gap being future dates and dates
before 1900, which parse_timestamp rejects by design.
"""

from __future__ import annotations

import pytest

from benchmarks import dateparser_conformance as conf

pytestmark = pytest.mark.skipif(
    not conf.DEFAULT_CASES.is_file(), reason="shared conformance cases not available"
)


def test_in_contract_pass_rate() -> None:
    cases = [c for c in conf.load_cases(conf.DEFAULT_CASES) if conf._in_contract(c)]
    assert len(cases) > 1000
    failures = [c["input"] for c in cases if not conf.run_ours(c)]
    rate = 1 - len(failures) / len(cases)
    assert rate >= 0.99, failures[:20]


def test_not_parsed_cases_are_rejected() -> None:
    cases = [c for c in conf.load_cases(conf.DEFAULT_CASES) if c.get("expect") == "not_parsed"]
    assert cases
    assert all(conf.run_ours(c) for c in cases), [c["input"] for c in cases]


def test_missing_file_exits_2(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert conf.main(["--cases", "/nonexistent/cases.jsonl", "--ours-only"]) == 2
    assert "not found" in capsys.readouterr().err
