"""Article reading on real pages: newsbot's reader against trafilatura, side by side.

Run ``python -m benchmarks.extraction [DIR]`` (default
``../shared/reference/extraction/fundus-eval`` from the repository root; needs the ``bench``
extra: trafilatura, rouge-score). For each of the set's pages (gzip HTML + human-marked
body paragraphs) both readers run in the same process, interleaved, and the benchmark prints:

- ROUGE-LSum F1 of the body (the rouge-score package's ``rougeLsum``, paragraphs joined
  with newlines, as the Fundus evaluation scores this set; its union-LCS step runs on
  numpy, ``fast_lcs``, same scores, minutes faster on long articles). Paragraphs the truth brackets
  ``[...]`` are optional: a page is scored against the truth with and without them and
  keeps the better score (the same variant for every measure of that page).
- precision / recall / F1 of the body's 4-word shingles (lower-cased ``\\w+`` words).
- title found / right: right when it agrees with the headline the publisher declares
  (JSON-LD ``headline``, else ``og:title``, else ``<title>`` minus its site-name suffix):
  the same text once case and spacing are folded, or one containing the other with at
  least 90% of its length.
- date found / right: the set has no true dates. Where the URL carries a date
  (``/2024/02/28/``, ``2024-02-28``, ``20240228``) the date found must fall on that day or
  the day after (a URL's day is the newsroom's, the time may be read in UTC); elsewhere a
  date is counted right when it lies in the year before the page's crawl date. Pages
  without a URL date are counted separately.
- ms per page, median over the set (best of ``--repeat`` runs per page): newsbot builds
  the selector, reads the article and cleans the body as the pipeline does
  (``newsbot.cleaning.clean_blocks`` with the shipped noise rules); trafilatura runs
  ``trafilatura.extract`` on the same text with its defaults.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from benchmarks.fast_lcs import fast_scorer
from newsbot.cleaning import clean_blocks, load_noise_rules
from newsbot.extract.extent import agreement
from newsbot.extract.metadata import read_metadata
from newsbot.extract.page import page_selector
from newsbot.extract.reader import read_article
from newsbot.profiles import load_profile
from newsbot.timestamps import parse_timestamp

DEFAULT_DIR = Path("../shared/reference/extraction/fundus-eval")
_WORDS = re.compile(r"\w+")
_URL_DATE = re.compile(r"(20\d\d|19\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d\d)-(\d\d)")


@dataclass
class PageScore:
    rouge: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    title_found: bool = False
    title_right: bool = False
    date_found: bool = False
    date_right: bool = False
    ms: float = 0.0
    error: str = ""


@dataclass
class Page:
    name: str
    publisher: str
    url: str
    crawl_date: datetime
    html: str
    truths: list[list[str]]  # with and without the optional paragraphs
    ref_title: str | None
    url_day: date | None
    scores: dict[str, PageScore] = field(default_factory=dict)


def load_pages(directory: Path) -> list[Page]:
    truth = json.loads((directory / "ground_truth.json").read_text(encoding="utf-8"))
    pages = []
    for name, entry in sorted(truth.items()):
        raw = gzip.decompress((directory / "html" / name).read_bytes())
        text = raw.decode("utf-8", errors="replace")
        paragraphs = entry["body"]
        required = [p for p in paragraphs if not _optional(p)]
        everything = [p[1:-1] if _optional(p) else p for p in paragraphs]
        truths = [everything] if required == everything else [everything, required]
        meta = read_metadata(page_selector(text, entry["url"]))
        ref_title = meta.title or meta.html_title
        found = _URL_DATE.search(entry["url"])
        url_day = None
        if found:
            try:
                url_day = date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                url_day = None
        crawl = datetime.fromisoformat(entry["crawl_date"]).replace(tzinfo=timezone.utc)
        pages.append(
            Page(
                name=name,
                publisher=name.rsplit("_", 1)[0],
                url=entry["url"],
                crawl_date=crawl,
                html=text,
                truths=truths,
                ref_title=ref_title,
                url_day=url_day,
            )
        )
    return pages


def _optional(paragraph: str) -> bool:
    return paragraph.startswith("[") and paragraph.endswith("]")


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.casefold())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _prf(found: str, truth: str) -> tuple[float, float, float]:
    a, b = _shingles(found), _shingles(truth)
    if not a and not b:
        return 1.0, 1.0, 1.0
    common = len(a & b)
    p = common / len(a) if a else 0.0
    r = common / len(b) if b else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_body(scorer: Any, body: list[str], truths: list[list[str]], score: PageScore) -> None:
    """Fill ``score``'s body measures against the truth variant that suits ``body`` best
    (by ROUGE, then by shingle F1)."""
    found = "\n".join(body)
    best: tuple[float, float, tuple[float, float, float]] | None = None
    for truth in truths:
        reference = "\n".join(truth)
        rouge = scorer.score(reference, found)["rougeLsum"].fmeasure
        prf = _prf(found, reference)
        if best is None or (rouge, prf[2]) > best[:2]:
            best = (rouge, prf[2], prf)
    assert best is not None
    score.rouge = best[0]
    score.precision, score.recall, score.f1 = best[2]


def _title_right(found: str | None, reference: str | None) -> bool:
    return bool(found and reference and agreement(found, reference) >= 0.9)


def _date_of(raw: str | None, crawl: datetime) -> date | None:
    if not raw:
        return None
    iso = _ISO_DAY.match(raw)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    parsed = parse_timestamp(raw, crawl, timezone="UTC", day_first=False)
    return parsed.at.date() if parsed is not None else None


def _date_right(day: date | None, page: Page) -> bool:
    if day is None:
        return False
    if page.url_day is not None:
        return day in (page.url_day, page.url_day + timedelta(days=1))
    crawl = page.crawl_date.date()
    return crawl - timedelta(days=365) <= day <= crawl


def run_newsbot(page: Page, rules: Any) -> tuple[list[str], str | None, str | None]:
    selector = page_selector(page.html, page.url)
    article = read_article(selector, page.url)
    cleaned = clean_blocks(
        article.body_blocks, rules, language=article.language or "en", title=article.title
    )
    return cleaned.kept, article.title, article.published_raw


def run_trafilatura(page: Page) -> list[str]:
    import trafilatura

    text = trafilatura.extract(page.html, url=page.url)
    return text.splitlines() if text else []


def _trafilatura_metadata(page: Page) -> tuple[str | None, str | None]:
    import trafilatura

    meta = trafilatura.extract_metadata(page.html, default_url=page.url)
    if meta is None:
        return None, None
    return meta.title, meta.date


class _NoRouge:
    """Stands in for the ROUGE scorer in ``--quick`` runs (shingles only, rouge = 0)."""

    def score(self, reference: str, found: str) -> dict[str, Any]:
        class _F:
            fmeasure = 0.0

        return {"rougeLsum": _F()}


def evaluate(pages: list[Page], repeat: int = 1, quick: bool = False) -> None:
    scorer: Any = _NoRouge() if quick else fast_scorer()
    rules = load_noise_rules(load_profile("daily8"))
    for page in pages:
        ours, theirs = PageScore(), PageScore()
        page.scores = {"newsbot": ours, "trafilatura": theirs}
        body: list[str] = []
        title = raw_date = None
        ms = []
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                body, title, raw_date = run_newsbot(page, rules)
            except Exception as exc:  # counted, printed: the target is none
                ours.error = f"{type(exc).__name__}: {exc}"
            ms.append((time.perf_counter() - started) * 1000)
        ours.ms = min(ms)
        _fill(scorer, page, ours, body, title, raw_date)
        if quick:
            continue
        ms = []
        body = []
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                body = run_trafilatura(page)
            except Exception as exc:
                theirs.error = f"{type(exc).__name__}: {exc}"
            ms.append((time.perf_counter() - started) * 1000)
        theirs.ms = min(ms)
        title, raw_date = _trafilatura_metadata(page)
        _fill(scorer, page, theirs, body, title, raw_date)


def _fill(
    scorer: Any,
    page: Page,
    score: PageScore,
    body: list[str],
    title: str | None,
    raw_date: str | None,
) -> None:
    score_body(scorer, body, page.truths, score)
    score.title_found = bool(title)
    score.title_right = _title_right(title, page.ref_title)
    day = _date_of(raw_date, page.crawl_date)
    score.date_found = day is not None
    score.date_right = _date_right(day, page)


def summary(pages: list[Page], system: str) -> dict[str, float]:
    scores = [p.scores.get(system) or PageScore() for p in pages]
    n = len(scores)
    return {
        "rouge": sum(s.rouge for s in scores) / n,
        "precision": sum(s.precision for s in scores) / n,
        "recall": sum(s.recall for s in scores) / n,
        "f1": sum(s.f1 for s in scores) / n,
        "title_found": sum(s.title_found for s in scores),
        "title_right": sum(s.title_right for s in scores),
        "date_found": sum(s.date_found for s in scores),
        "date_right": sum(s.date_right for s in scores),
        "ms": statistics.median(s.ms for s in scores),
        "errors": sum(bool(s.error) for s in scores),
        "pages": n,
    }


def print_report(pages: list[Page], per_page: bool = False) -> None:
    systems = ("newsbot", "trafilatura")
    header = (
        f"{'':18} {'system':12} {'ROUGE-LSum':>10} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'title f/r':>10} {'date f/r':>9} {'ms':>7} {'err':>4}"
    )
    print(header)
    by_publisher: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_publisher[page.publisher].append(page)
    groups = [*sorted(by_publisher.items()), ("ALL", pages)]
    for name, group in groups:
        if name == "ALL":
            print("-" * len(header))
        for system in systems:
            s = summary(group, system)
            print(
                f"{name:18} {system:12} {s['rouge']:10.3f} {s['precision']:6.3f} "
                f"{s['recall']:6.3f} {s['f1']:6.3f} "
                f"{s['title_found']:4.0f}/{s['title_right']:<4.0f} "
                f"{s['date_found']:4.0f}/{s['date_right']:<4.0f}"
                f"{s['ms']:7.1f} {s['errors']:4.0f}"
            )
    dated = sum(p.url_day is not None for p in pages)
    print(f"\n{len(pages)} pages; {dated} with a date in the URL (others: date right = in the")
    print("year before the crawl date). ms: median per page, best of the repeats.")
    ours, theirs = summary(pages, "newsbot"), summary(pages, "trafilatura")
    if theirs["ms"]:
        print(f"speed ratio newsbot/trafilatura (median ms): {ours['ms'] / theirs['ms']:.2f}")
    if per_page:
        print()
        for page in pages:
            o, t = page.scores["newsbot"], page.scores.get("trafilatura") or PageScore()
            print(
                f"{page.name:28} ours R={o.rouge:.3f} P={o.precision:.3f} R={o.recall:.3f} "
                f"| traf R={t.rouge:.3f} P={t.precision:.3f} R={t.recall:.3f} {o.error}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per page (best kept)")
    parser.add_argument("--pages", action="store_true", help="print a line per page")
    parser.add_argument("--only", default="", help="only pages whose name starts with this")
    parser.add_argument(
        "--quick", action="store_true", help="newsbot only, shingles only (no ROUGE)"
    )
    args = parser.parse_args(argv)
    if not (args.directory / "ground_truth.json").exists():
        print(f"no evaluation set at {args.directory}", file=sys.stderr)
        return 2
    pages = [p for p in load_pages(args.directory) if p.name.startswith(args.only)]
    evaluate(pages, repeat=max(1, args.repeat), quick=args.quick)
    print_report(pages, per_page=args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
