"""Noise removal on outlets the rules were not written from: noise recall and content kept,
per layer.

``python -m benchmarks.noise_heldout [--fundus DIR] [--model-baseline]``

1. The made-up labelled sets (``tests/data/noise``, written with the rules;
   ``tests/data/noise_holdout`` and ``tests/data/noise_blind``, written without them, in other
   outlets' styles). Every labelled line is scored: a noise line or a glued cut is a noise
   unit; a content or caption line is kept if it comes out exactly as labelled.
2. Real pages: ``../shared/reference/extraction/fundus-eval`` (80 pages, 16 publishers, the
   human-marked body of each). Every visible line of a page (:func:`page_blocks`) that the
   marked body leaves out is noise, every body line is content. The publishers are split in
   two: ``TUNE`` (whose pages were looked at while writing ``settings/noise_kinds.toml``) and
   ``HELD_OUT`` (never looked at); figures are printed for each. Two scopes: ``article`` (the
   lines from the first to the last body line: what an outlet leaves inside the copy an
   aggregator republishes; subheadings, which the marked bodies leave out but which are not
   boilerplate, are not scored: heading tags, and a bold line with the story's text right
   under it) and ``page`` (every line, navigation and footers included:
   the cleaner is not an extractor, this shows what is left to the extraction step).
   The truth's ``[bracketed]`` paragraphs are optional (standfirsts, key points, staff
   contact lines: Fundus scores a page with and without them): they mark the article's span
   but are scored neither as noise nor as content.
   The learned layer learns as a crawl would, over all 80 pages in an interleaved order, and
   cleans them again with what it learned (as ``scrapy reprocess`` does).
   Each group and scope is printed twice: the cleaner alone on every visible line (text
   only: a caption or a related headline inside the article has nothing that says so), and
   reader + cleaner, what the ``article`` spider exports: the generic reader takes the body
   out of the page by its markup (figures, rails, boxes, link lists; layer ``reader``), then
   the cleaner cleans the body's lines.
   Under a group's figures: how many of the content lines removed the kept lines still say
   (a pull quote repeating a passage, a summary repeating the lede: most of their word
   triples are in the kept text), and content kept counting those as kept. A line lost is
   not always words lost.

``--model-baseline`` (needs scikit-learn, ``pip install -e '.[train]'``) trains two line
classifiers on the other publishers, leave-one-publisher-out, on the lines the rules keep, and
prints what each would add on top of the rules at several thresholds: a logistic regression
over words, word pairs and line shape (English), and gradient-boosted trees over
language-neutral features only (length, ends, capitals, digits, dates, links, quotes, the
neighbouring lines): the measurement behind not shipping one (see README
"Noise removal").
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbot.cleaning import BoilerplateLearner, LineOutcome, NoiseRules, load_noise_rules, trace
from newsbot.cleaning.learner import LEARNED, LEARNED_SHARED
from newsbot.cleaning.text import normalise
from newsbot.extract.text import says_again, word_triples
from newsbot.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "noise (written with the rules)": ROOT / "tests" / "data" / "noise",
    "noise_holdout (independent)": ROOT / "tests" / "data" / "noise_holdout",
    "noise_blind (written before the kinds)": ROOT / "tests" / "data" / "noise_blind",
    "noise_variety (outlet wordings, written before their rules)": ROOT
    / "tests"
    / "data"
    / "noise_variety",
    "noise_independent (the sets written without the code; strict: a partly cleaned line "
    "counts as kept)": ROOT / "tests" / "data" / "noise_independent",
}
FUNDUS = ROOT.parent / "shared" / "reference" / "extraction" / "fundus-eval"
LAYERS = ("reader", "chrome", "structural", "outlet", "kind", "record", "learned", "model")
READER = "reader"  # left out of the body by the article reader (markup: figures, rails, boxes)
TUNE = ("CNBC", "LATimes", "TheGuardian", "TheIndependent", "TheNation", "TheTelegraph",
        "WashingtonTimes", "iNews")  # fmt: skip
HELD_OUT = ("APNews", "FoxNews", "FreeBeacon", "OccupyDemocrats", "Reuters",
            "TheGatewayPundit", "TheIntercept", "TheNewYorker")  # fmt: skip
_HEADINGS = frozenset(["h2", "h3", "h4", "h5", "h6"])


def layer_of(rule: str) -> str:
    """The cleaning layer a rule name belongs to."""
    if rule in ("chrome", READER):
        return rule
    if rule in (LEARNED, LEARNED_SHARED):
        return "learned"
    head, _, _ = rule.partition(":")
    return head if head in ("outlet", "kind", "record", "model") else "structural"


@dataclass
class LayerScores:
    """Noise units and content lines, and what each layer removed of them."""

    noise: int = 0
    content: int = 0
    noise_by: Counter[str] = field(default_factory=Counter)
    content_by: Counter[str] = field(default_factory=Counter)
    repeats: int = 0  # content lines removed whose words the kept lines still hold

    @property
    def recall(self) -> float:
        return sum(self.noise_by.values()) / self.noise if self.noise else 1.0

    @property
    def content_kept(self) -> float:
        return 1 - sum(self.content_by.values()) / self.content if self.content else 1.0

    def add(self, other: LayerScores) -> None:
        self.noise += other.noise
        self.content += other.content
        self.noise_by.update(other.noise_by)
        self.content_by.update(other.content_by)
        self.repeats += other.repeats

    def render(self, title: str) -> str:
        rows = [
            title,
            f"  {'layer':12} {'noise removed':>14} {'recall':>7} {'content removed':>16}"
            f" {'content kept':>13}",
        ]
        for layer in LAYERS:
            n, c = self.noise_by[layer], self.content_by[layer]
            recall = n / self.noise if self.noise else 0.0
            kept = 1 - c / self.content if self.content else 1.0
            rows.append(f"  {layer:12} {n:14d} {recall:7.3f} {c:16d} {kept:13.3f}")
        rows.append(
            f"  {'ALL':12} {sum(self.noise_by.values()):14d} {self.recall:7.3f}"
            f" {sum(self.content_by.values()):16d} {self.content_kept:13.3f}"
            f"   ({self.noise} noise units, {self.content} content lines)"
        )
        if self.repeats:
            lost = sum(self.content_by.values()) - self.repeats
            rows.append(
                f"  (of the content lines removed, {self.repeats} repeat words the kept lines"
                " still hold: a pull quote, a summary; counted as kept, content kept would be"
                f" {1 - lost / self.content:.3f})"
            )
        return "\n".join(rows)


# -- the made-up labelled sets -------------------------------------------------------------
def score_labelled(data_dir: Path, rules: NoiseRules) -> LayerScores:
    scores = LayerScores()
    for path in sorted(Path(data_dir).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        ctx = {k: doc.get(k) for k in ("title", "source", "category")}
        rows = doc["lines"]
        if doc.get("shape") == "teaser":
            outs = [trace([r["text"]], rules, captions=False, **ctx) for r in rows]
            pairs = [(r, o[0]) for r, o in zip(rows, outs, strict=True) if o]
        else:
            pairs = list(zip(rows, trace([r["text"] for r in rows], rules, **ctx), strict=True))
        for row, out in pairs:
            _score_row(scores, row, out)
    return scores


def _score_row(scores: LayerScores, row: dict[str, Any], out: LineOutcome) -> None:
    if row["label"] == "noise":
        scores.noise += 1
        if out.rule is not None:
            scores.noise_by[layer_of(out.rule)] += 1
        return
    scores.content += 1
    wanted = len(row.get("cuts", []))
    scores.noise += wanted
    if out.rule is not None:
        scores.content_by[layer_of(out.rule)] += 1
        return
    result = out.caption if row["label"] == "caption" else out.kept
    cut_layers = [layer_of(c.rule) for c in out.cuts]
    for layer in cut_layers[:wanted]:
        scores.noise_by[layer] += 1
    if result != normalise(row.get("expect", row["text"])):
        blame = cut_layers[wanted:] or cut_layers or ["outlet"]
        scores.content_by[blame[0]] += 1


# -- real pages ----------------------------------------------------------------------------
@dataclass
class Page:
    name: str
    publisher: str
    lines: list[str]
    headings: list[bool]
    content: list[bool]
    optional: list[bool] = field(default_factory=list)
    html: str = ""
    url: str = ""

    def is_optional(self, i: int) -> bool:
        """A line the truth brackets as optional (standfirsts, key points, staff contact
        lines): right kept or removed, so never scored."""
        return bool(self.optional) and self.optional[i]

    @property
    def article_span(self) -> range:
        marked = [i for i, c in enumerate(self.content) if c]
        return range(marked[0], marked[-1] + 1) if marked else range(0)

    @property
    def article_lines(self) -> list[int]:
        """The lines scored in ``article`` scope: the article's span without its subheadings
        (not boilerplate, not body) and without optional lines."""
        return [
            i
            for i in self.article_span
            if (self.content[i] or not self.headings[i]) and not self.is_optional(i)
        ]

    @property
    def page_lines(self) -> list[int]:
        """The lines scored in ``page`` scope: every line but the optional ones."""
        return [i for i in range(len(self.lines)) if not self.is_optional(i)]


def _cells_spaced(line: str) -> str:
    """A table row's cells joined by spaces (`Civic Party | 38 | +6` as `Civic Party 38 +6`)."""
    return line.replace(" | ", " ")


def load_fundus(folder: Path = FUNDUS) -> list[Page]:
    """The pages with every visible line labelled content (in the marked body) or not."""
    from parsel import Selector
    from w3lib.encoding import html_to_unicode

    from newsbot.extract.blocks import page_blocks

    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(truth):
        # decoded as a crawl decodes it: by its BOM or declared charset, UTF-8 by default (a
        # page written in ISO-8859-1, round 52, lost its umlauts read as UTF-8)
        html = html_to_unicode(None, gzip.decompress((folder / "html" / name).read_bytes()))[1]
        # the lines as the reader sees them (a data table's row is one line)
        root = Selector(text=html).root
        blocks = [b for b in page_blocks(root, table_rows=True) if normalise(b.text)]
        body = [normalise(p) for p in truth[name]["body"]]
        marked, joined = set(body), " ".join(body)
        # the truth's [bracketed] paragraphs are optional (Fundus scores a page with and
        # without them): they still mark the article's span, but are not scored either way
        bracketed = [p[1:-1].strip() for p in body if p.startswith("[") and p.endswith("]")]
        optional_text, optional_joined = set(bracketed), " ".join(bracketed)
        lines = [normalise(b.text) for b in blocks]
        bold = _bold_lines(root)
        # a table row: the reader writes its cells between bars, a marked body with spaces
        marked |= {_cells_spaced(p) for p in marked}
        optional_text |= {_cells_spaced(p) for p in optional_text}
        # (a line the truth holds as it is is there with its cells spaced too)
        content = [_cells_spaced(x) in marked or (len(x) > 30 and x in joined) for x in lines]
        optional = [
            _cells_spaced(x) in optional_text or (len(x) > 30 and x in optional_joined)
            for x in lines
        ]
        pages.append(
            Page(
                name=name,
                publisher=name.split("_")[0],
                lines=lines,
                headings=[
                    b.tag in _HEADINGS or _bold_subheading(lines, content, i, bold)
                    for i, b in enumerate(blocks)
                ],
                content=content,
                optional=optional,
                html=html,
                url=truth[name].get("url", ""),
            )
        )
    return pages


BOLD_HEADING_MAX_CHARS = 100
_SENTENCE_ENDS = (".", "!", "?", "…", "؟", "।", "。", "！", "？", ":", ";", ",")


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_LINE_BLOCKS = frozenset(["br", "div", "p", "blockquote", "figure", "table", "ul", "ol", "hr"])


def _is_bold(element: Any) -> bool:
    return element.tag in ("strong", "b") or (
        element.tag == "span" and bool(_BOLD_STYLE.search(element.get("style") or ""))
    )


def _bold_lines(root: Any) -> set[str]:
    """The texts of bold runs (``<strong>``, ``<b>``, a ``<span>`` styled bold, as Draft.js
    writes it) that make a line of their own (nothing but line breaks or blocks around them
    in their parent): how many pages set their subheadings."""
    found = set()
    for bold in root.iter("strong", "b", "span"):
        parent = bold.getparent()
        if parent is None or not _is_bold(bold) or _is_bold(parent):
            continue
        text = normalise("".join(bold.itertext()))
        if not text or len(text) > BOLD_HEADING_MAX_CHARS:
            continue
        before = bold.getprevious()
        alone_before = (
            not (parent.text or "").strip()
            if before is None
            else before.tag in _LINE_BLOCKS and not (before.tail or "").strip()
        )
        after = bold.getnext()
        alone_after = not (bold.tail or "").strip() and (after is None or after.tag in _LINE_BLOCKS)
        if alone_before and alone_after:
            found.add(text)
    return found


def _bold_subheading(lines: list[str], content: list[bool], i: int, bold: set[str]) -> bool:
    """A subheading set as a bold line (`<p><strong>What happens next</strong></p>`): short,
    no sentence's end, and the story's text right under it. Like an ``<h3>`` it is neither
    boilerplate nor body (the marked bodies leave subheadings out), so it is not scored."""
    line = lines[i]
    return (
        line in bold and not line.endswith(_SENTENCE_ENDS) and i + 1 < len(lines) and content[i + 1]
    )


def _interleaved(pages: list[Page]) -> Iterator[Page]:
    """One page of each publisher in turn, as a crawl of an aggregator meets them."""
    by_publisher: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_publisher[page.publisher].append(page)
    for n in range(max(len(v) for v in by_publisher.values())):
        for publisher in sorted(by_publisher):
            if n < len(by_publisher[publisher]):
                yield by_publisher[publisher][n]


def clean_pages(
    pages: list[Page], rules: NoiseRules, threshold: int = 5, sources: int = 5
) -> dict[str, list[LineOutcome]]:
    """Each page's line outcomes, learning as a crawl does, then cleaned again with what was
    learned (as ``scrapy reprocess`` does)."""
    return _learn_then_clean(pages, {p.name: p.lines for p in pages}, {}, rules, threshold, sources)


def _learn_then_clean(
    pages: list[Page],
    lines: dict[str, list[str]],
    titles: dict[str, str | None],
    rules: NoiseRules,
    threshold: int,
    sources: int,
    outlets: dict[str, str] | None = None,
) -> dict[str, list[LineOutcome]]:
    """Each page's ``lines`` cleaned, the learner first learning over them in a crawl's order
    (``outlets``: each page's source as its record names it; else its publisher's label)."""
    learner = BoilerplateLearner(threshold, sources=sources)

    def source(page: Page) -> str:
        return (outlets or {}).get(page.name) or page.publisher

    def cleaned(page: Page) -> list[LineOutcome]:
        return trace(
            lines[page.name],
            rules,
            source=source(page),
            learner=learner,
            title=titles.get(page.name),
        )

    for page in _interleaved(pages):
        outs = cleaned(page)
        learner.observe(source(page), page.name, [o.kept for o in outs if o.kept])
    return {page.name: cleaned(page) for page in pages}


def read_and_clean_pages(
    pages: list[Page], rules: NoiseRules, threshold: int = 5, sources: int = 5
) -> dict[str, list[LineOutcome]]:
    """Each page's lines as the ``article`` spider exports them: the generic reader takes the
    body out of the page (its markup: figures, rails, boxes, link lists), the cleaner cleans
    the body's lines, learning across pages as a crawl does. A page line the reader leaves
    out of the body comes back as removed by ``reader``."""
    from newsbot.cleaning.text import lines_of
    from newsbot.extract.page import page_selector
    from newsbot.extract.reader import read_article

    bodies: dict[str, list[str]] = {}
    titles: dict[str, str | None] = {}
    outlets: dict[str, str] = {}
    for page in pages:
        read = read_article(
            page_selector(page.html, page.url or "https://example.invalid/", None), page.url
        )
        bodies[page.name] = list(lines_of(read.body_blocks))
        titles[page.name] = read.title
        # the record's source as the article spider sets it: the page's own site name
        outlets[page.name] = (read.site_name or "").strip() or page.publisher
    cleaned = _learn_then_clean(pages, bodies, titles, rules, threshold, sources, outlets)
    result: dict[str, list[LineOutcome]] = {}
    for page in pages:
        outs = cleaned[page.name]
        by_text = {normalise(o.text): o for o in outs}
        joined = " ".join(by_text)
        result[page.name] = [
            by_text.get(line)
            or (LineOutcome(line, kept=line) if len(line) > 30 and line in joined else None)
            or LineOutcome(line, rule=READER)
            for line in page.lines
        ]
    return result


def score_pages(
    pages: Iterable[Page], outcomes: dict[str, list[LineOutcome]], scope: str
) -> LayerScores:
    scores = LayerScores()
    for page in pages:
        scored = page.article_lines if scope == "article" else page.page_lines
        kept_triples = word_triples(" ".join(o.kept for o in outcomes[page.name] if o.kept))
        for i in scored:
            out = outcomes[page.name][i]
            removed = out.rule is not None or (out.kept is None and out.caption is not None)
            layer = layer_of(out.rule) if out.rule is not None else "outlet"  # caption split
            if page.content[i]:
                scores.content += 1
                if removed:
                    scores.content_by[layer] += 1
                    scores.repeats += repeated(page.lines[i], kept_triples)
            else:
                scores.noise += 1
                if removed:
                    scores.noise_by[layer] += 1
    return scores


REPEAT_SHARE = 0.8  # of a line's word triples found in the kept text: said again there
REPEAT_MIN_TRIPLES = 3  # five words or more


def repeated(line: str, kept_triples: set[tuple[str, ...]]) -> bool:
    """Whether the kept text still holds a removed line's words (a pull quote repeating a
    passage, a summary repeating the lede)."""
    return says_again(line, kept_triples, REPEAT_SHARE, REPEAT_MIN_TRIPLES)


# -- the learned-model baseline ------------------------------------------------------------
_WORD = re.compile(r"[a-z]+|\d+")
_QUOTE_ENDS = "\"”’'"


def line_features(text: str) -> dict[str, float]:
    """Words, word pairs and the shape of a line (length, ends, capitals, digits)."""
    words = _WORD.findall(text.casefold())
    feats: dict[str, float] = {f"w:{w}": 1.0 for w in words}
    feats.update({f"b:{a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    n_words = len(text.split())
    feats[f"len:{min(6, int(math.log2(len(text) + 1)))}"] = 1.0
    feats[f"words:{min(8, n_words)}"] = 1.0
    end = text[-1:]
    shape = "p" if end in ".!?" else "q" if end in _QUOTE_ENDS else "c" if end == ":" else "o"
    feats[f"end:{shape}"] = 1.0
    capitals = sum(1 for w in text.split() if w[:1].isupper())
    feats[f"caps:{round(4 * capitals / max(1, n_words))}"] = 1.0
    if any(c.isdigit() for c in text):
        feats["digit"] = 1.0
    if words:
        feats[f"first:{words[0]}"] = feats[f"last:{words[-1]}"] = 1.0
    return feats


_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _end_shape(text: str) -> int:
    """0 full stop, 1 ! or ?, 2 a quotation mark, 3 a colon, 4 a bracket, 5 anything else."""
    end = text[-1:]
    for n, ends in enumerate((".", "!?؟", _QUOTE_ENDS, ":", ")")):
        if end and end in ends:
            return n
    return 5


def shape_features(lines: list[str], i: int) -> list[float]:
    """Language-neutral features of line ``i``: its shape and the shape of its neighbours.

    No place in the page: the article's span is known here only from the marked body (a
    feature from it would leak the labels), and a record's lines have no page around them.
    """
    text = lines[i]
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    feats = [
        math.log2(len(text) + 1),
        min(len(words), 60),
        _end_shape(text),
        text[:1] in _QUOTE_ENDS + "“‘«",
        sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
        sum(c.isupper() for c in letters) / max(1, len(letters)),
        sum(c.isdigit() for c in text) / max(1, len(text)),
        bool(re.search(r"\b(?:19|20)\d\d\b", text)),
        bool(_MONTH.search(text)),
        bool(re.search(r"\d{1,2}[:.]\d\d", text)),
        "@" in text,
        "http" in text or "www." in text,
        "/" in text,
        "|" in text or "•" in text,
        len(re.findall(r"[.!?]\s", text)),
        text.count(","),
    ]
    for j in (i - 1, i + 1):
        near = lines[j] if 0 <= j < len(lines) else ""
        feats += [math.log2(len(near) + 1), _end_shape(near) if near else 6]
    return [float(f) for f in feats]


def model_baseline(pages: list[Page], outcomes: dict[str, list[LineOutcome]]) -> str:
    """Leave-one-publisher-out: what a line classifier adds to the rules, per threshold."""
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return "model baseline: scikit-learn is not installed (pip install -e '.[train]')"
    thresholds = (0.5, 0.8, 0.9, 0.95, 0.98, 0.99)
    added: dict[tuple[str, float, str], Counter[str]] = defaultdict(Counter)
    publishers = sorted({p.publisher for p in pages})
    kept = {p.name: [i for i, o in enumerate(outcomes[p.name]) if o.kept] for p in pages}

    def words(page: Page, i: int) -> dict[str, float]:
        return line_features(page.lines[i])

    def shape(page: Page, i: int) -> list[float]:
        return shape_features(page.lines, i)

    for held in publishers:
        train = [(p, i) for p in pages if p.publisher != held for i in kept[p.name]]
        labels = [0 if p.content[i] else 1 for p, i in train]
        vectors = DictVectorizer()
        lr = LogisticRegression(max_iter=2000, class_weight={0: 5, 1: 1})
        lr.fit(vectors.fit_transform([words(p, i) for p, i in train]), labels)
        trees = HistGradientBoostingClassifier(max_iter=200, class_weight={0: 5, 1: 1})
        trees.fit([shape(p, i) for p, i in train], labels)
        for page in (p for p in pages if p.publisher == held and kept[p.name]):
            rows = kept[page.name]
            probs = {
                "words": lr.predict_proba(vectors.transform([words(page, i) for i in rows]))[:, 1],
                "shape": trees.predict_proba([shape(page, i) for i in rows])[:, 1],
            }
            span = page.article_span
            for name, found in probs.items():
                for i, prob in zip(rows, found, strict=True):
                    for th in thresholds:
                        if prob >= th:
                            for scope in ("page", "article") if i in span else ("page",):
                                what = "content" if page.content[i] else "noise"
                                added[(name, th, scope)][what] += 1
    base = {s: score_pages(pages, outcomes, s) for s in ("page", "article")}
    rows = ["model baseline (leave-one-publisher-out, on top of the rules):"]
    for (name, th, scope), got in sorted(added.items()):
        b = base[scope]
        recall = (sum(b.noise_by.values()) + got["noise"]) / b.noise
        kept = 1 - (sum(b.content_by.values()) + got["content"]) / b.content
        rows.append(
            f"  {name:5} threshold {th:.2f} {scope:8} recall {b.recall:.3f} -> {recall:.3f}"
            f"  content kept {b.content_kept:.3f} -> {kept:.3f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.noise_heldout")
    parser.add_argument("--fundus", type=Path, default=FUNDUS, help="fundus-eval folder")
    parser.add_argument("--model-baseline", action="store_true")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    rules = load_noise_rules(load_profile("daily8"))
    for title, folder in SETS.items():
        print(score_labelled(folder, rules).render(f"{title}: {folder.name}"))
    if not (args.fundus / "ground_truth.json").exists():
        print(f"fundus-eval: skipped, {args.fundus} is absent")
        return 0
    pages = load_fundus(args.fundus)
    outcomes = clean_pages(pages, rules)
    read = read_and_clean_pages(pages, rules)
    for group, names in (("held-out publishers", HELD_OUT), ("tuning publishers", TUNE)):
        chosen = [p for p in pages if p.publisher in names]
        for scope in ("article", "page"):
            title = f"fundus-eval, {group} ({len(names)}), scope {scope}, cleaner alone"
            print(score_pages(chosen, outcomes, scope).render(title))
        for scope in ("article", "page"):
            title = (
                f"fundus-eval, {group} ({len(names)}), scope {scope}, reader + cleaner "
                "(what the article spider exports)"
            )
            print(score_pages(chosen, read, scope).render(title))
    if args.model_baseline:
        print(model_baseline(pages, outcomes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
