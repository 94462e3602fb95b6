"""Run dateparser's own relative-date test cases through parse_timestamp and dateparser.

    python -m benchmarks.dateparser_conformance [--cases PATH]

Comparison rule (documented in the README "Times" section):

* ours: a case passes when our ``at`` and the expected time, both in the case's timezone,
  are equal once truncated to OUR precision (a ``day`` result only has to land on the
  expected calendar day: dateparser keeps the base's clock time for ``yesterday``, we give
  local midnight). ``not_parsed`` cases pass when we return None; ``expected_between``
  cases when the result falls in the range (truncated).
* dateparser: its result must equal the expected datetime exactly (its own convention),
  same rules for not_parsed / between / date-only cases.

Future-dated (``direction: future``) cases and results before 1900 are rejected by design
by parse_timestamp; they are reported separately ("outside contract").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from newsbot.timestamps import parse_timestamp
from newsbot.timestamps.model import get_zone, truncate

DEFAULT_CASES = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "reference"
    / "dates"
    / "dateparser_relative_cases.jsonl"
)
_ZONE_ALIASES = {"PKT": "Asia/Karachi"}


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _case_setup(case: dict[str, Any]) -> tuple[datetime, str, str]:
    """(naive base, timezone name for parsing, timezone name for the expected value)."""
    settings = case.get("settings") or {}
    raw_base = settings.get("RELATIVE_BASE") or case.get("base_datetime")
    base = (
        datetime.now().replace(microsecond=0)
        if raw_base in (None, "now")
        else (datetime.fromisoformat(raw_base))
    )
    tz_name = case.get("base_timezone") or "UTC"
    tz_name = _ZONE_ALIASES.get(tz_name, tz_name)
    expected_tz = case.get("to_timezone") or tz_name
    return base, tz_name, _ZONE_ALIASES.get(expected_tz, expected_tz)


def _in_contract(case: dict[str, Any]) -> bool:
    """False for cases parse_timestamp rejects by design or that cannot be reproduced."""
    settings = json.dumps(case.get("settings"))
    if case.get("direction") == "future" or "future" in settings or "_unevaluable" in settings:
        return False
    exp = case.get("expected_datetime")
    if exp is None:
        return True
    base, _, _ = _case_setup(case)
    expected = datetime.fromisoformat(exp)
    return expected.year >= 1900 and expected <= base + timedelta(minutes=5)


def _expected(case: dict[str, Any], base: datetime) -> tuple[str, Any]:
    if case.get("expect") == "not_parsed":
        return "none", None
    if "expected_between" in case:
        lo, hi = (datetime.fromisoformat(x) for x in case["expected_between"])
        return "between", (lo, hi)
    if "expected_date_offset_days" in case:
        return "date", (base + timedelta(days=case["expected_date_offset_days"])).date()
    return "exact", datetime.fromisoformat(case["expected_datetime"])


def _check(kind: str, exp: Any, got: datetime | None, precision: str | None) -> bool:
    if kind == "none":
        return got is None
    if got is None:
        return False
    if kind == "date":
        return bool(got.date() == exp)
    if precision is not None:
        got = truncate(got, precision)
    if kind == "between":
        lo, hi = exp
        if precision is not None:
            lo = truncate(lo, precision)
        return bool(lo <= got <= hi)
    return bool(got == (truncate(exp, precision) if precision is not None else exp))


def run_ours(case: dict[str, Any]) -> bool:
    base, tz_name, exp_tz = _case_setup(case)
    kind, exp = _expected(case, base)
    try:
        zone = get_zone(tz_name)
        out_zone = get_zone(exp_tz)
    except ValueError:
        return False
    anchor = base.replace(tzinfo=zone)
    lang = case.get("language")
    res = parse_timestamp(
        case["input"], anchor, languages=[lang] if lang else None, timezone=tz_name
    )
    if res is None:
        return _check(kind, exp, None, None)
    got = res.at.astimezone(out_zone).replace(tzinfo=None)
    return _check(kind, exp, got, res.precision)


def run_dateparser(case: dict[str, Any]) -> bool:
    import dateparser  # type: ignore[import-untyped]

    base, tz_name, exp_tz = _case_setup(case)
    kind, exp = _expected(case, base)
    settings = {k: v for k, v in (case.get("settings") or {}).items() if not k.startswith("_")}
    settings["RELATIVE_BASE"] = base
    if tz_name != "UTC":
        settings["TIMEZONE"] = tz_name
        settings["TO_TIMEZONE"] = exp_tz
    lang = case.get("language")
    try:
        got = dateparser.parse(case["input"], languages=[lang] if lang else None, settings=settings)
    except Exception:
        got = None
    if got is not None and got.tzinfo is not None:
        got = got.astimezone(get_zone(exp_tz)).replace(tzinfo=None)
    return _check(kind, exp, got, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--ours-only", action="store_true", help="skip the dateparser column")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        print(f"conformance cases not found: {args.cases}", file=sys.stderr)
        return 2
    cases = load_cases(args.cases)
    totals: dict[str, Counter[str]] = {"ours": Counter(), "dateparser": Counter()}
    counts: Counter[str] = Counter()
    timings = {"ours": 0.0, "dateparser": 0.0}
    for case in cases:
        groups = [case["kind"], "in contract" if _in_contract(case) else "outside contract"]
        for group in [*groups, "ALL"]:
            counts[group] += 1
        runners = [("ours", run_ours)] + (
            [] if args.ours_only else [("dateparser", run_dateparser)]
        )
        for name, run in runners:
            t0 = time.perf_counter()
            ok = run(case)
            timings[name] += time.perf_counter() - t0
            if ok:
                for group in [*groups, "ALL"]:
                    totals[name][group] += 1
    print(f"{'group':<26}{'cases':>7}{'ours':>14}{'dateparser':>14}")
    for group in sorted(counts, key=lambda g: (g == "ALL", g)):
        n = counts[group]
        row = f"{group:<26}{n:>7}"
        for name in ("ours", "dateparser"):
            if name == "dateparser" and args.ours_only:
                row += f"{'-':>14}"
                continue
            passed = totals[name][group]
            row += f"{passed:>6} {100 * passed / n:5.1f}%"
        print(row)
    for name, spent in timings.items():
        if spent:
            print(f"{name}: {1e3 * spent / len(cases):.2f} ms/case")
    return 0


if __name__ == "__main__":
    sys.exit(main())
