"""Train the pitch model that ships in ``newsbot/cleaning/models/`` (needs scikit-learn:
``pip install -e '.[train]'``).

    python -m benchmarks.train_pitch_model            # train on everything, write the model
    python -m benchmarks.train_pitch_model --hold-out-from 80
        # train without independent sets 80 and up and fundus-eval's held-out publishers,
        # then print what the model adds on those, after the rules, at several thresholds
    python -m benchmarks.train_pitch_model --hold-out-from 100 --write
        # train without sets 100 and up and write that model (how the shipped one was made:
        # sets 100-105 were its blind check)

Training lines: every labelled line of ``tests/data/noise*`` (made-up records: noise or
content), and, where ``../shared/reference/extraction/fundus-eval`` is present, the lines
inside the article of the tuning publishers' real pages (a line of the human-marked body is
content, any other line between the body's first and last line is noise; subheadings are
left out). fundus-eval's held-out publishers are never trained on.

The model is a logistic regression over :func:`newsbot.cleaning.pitch_model.features`,
each line's features weighted 1/sqrt(count); features seen in fewer than two training
lines are dropped, and so are weights under 0.01 after training (that is what keeps the
file small). Same data, same model: training is deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

from benchmarks.noise_heldout import FUNDUS, HELD_OUT, TUNE, Page, load_fundus
from newsbot.cleaning import load_noise_rules, trace
from newsbot.cleaning.pitch_model import (
    MODEL_FILE,
    RULE,
    PitchModel,
    could_be_pitch,
    features,
)
from newsbot.profiles import load_profile

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = ROOT / "newsbot" / "cleaning" / "models" / MODEL_FILE
VERSION = 1
THRESHOLD = 0.9
C = 10.0
PRUNE = 0.1
_SET = re.compile(r"set(\d+)-")

Line = tuple[str, bool]  # text, is noise


def _set_number(path: Path) -> int | None:
    """The independent set a file belongs to (``set84-...``), None for the other folders."""
    found = _SET.match(path.name)
    return int(found.group(1)) if found else None


def made_up_records(hold_out_from: int | None = None) -> Iterable[dict]:
    """Every labelled record; independent sets from ``hold_out_from`` on are left out."""
    for folder in sorted(DATA.glob("noise*")):
        for path in sorted(folder.glob("*.json")):
            number = _set_number(path)
            if hold_out_from is not None and number is not None and number >= hold_out_from:
                continue
            yield json.loads(path.read_text(encoding="utf-8"))


@cache
def _fundus_pages() -> tuple[Page, ...]:
    """fundus-eval's pages, read once (none without ../shared)."""
    return tuple(load_fundus()) if FUNDUS.is_dir() else ()


def fundus_lines(publishers: Iterable[str]) -> list[Line]:
    """Lines inside the article of real pages of ``publishers`` (empty without ../shared)."""
    wanted = set(publishers)
    return [
        (page.lines[i], not page.content[i])
        for page in _fundus_pages()
        if page.publisher in wanted
        for i in page.article_lines
    ]


def training_lines(hold_out_from: int | None = None) -> tuple[list[Line], dict]:
    lines: list[Line] = []
    records = 0
    for record in made_up_records(hold_out_from):
        records += 1
        lines.extend((r["text"], r["label"] == "noise") for r in record["lines"])
    made_up = len(lines)
    real = fundus_lines(TUNE)
    lines.extend(real)
    about = {
        "made_up_records": records,
        "made_up_lines": made_up,
        "real_page_lines": len(real),
        "real_page_publishers": sorted(TUNE) if real else [],
        "noise_lines": sum(1 for _, noise in lines if noise),
    }
    if hold_out_from is not None:
        about["independent_sets_left_out_from"] = hold_out_from
    return lines, about


def train(lines: list[Line], about: dict, threshold: float = THRESHOLD) -> PitchModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, int] = {}
    rows = [features(text) for text, _ in lines]
    for row in rows:
        for f in row:
            seen[f] = seen.get(f, 0) + 1
    kept_rows = [{f: 1 / math.sqrt(len(row)) for f in row if seen[f] >= 2} for row in rows]
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(kept_rows)
    y = [noise for _, noise in lines]
    model = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    names = vectoriser.get_feature_names_out()
    weights = {
        str(name): round(float(w), 3)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= PRUNE
    }
    return PitchModel(
        weights=weights,
        bias=round(float(model.intercept_[0]), 4),
        threshold=threshold,
        version=VERSION,
        trained_on={**about, "C": C, "features": len(weights)},
    )


def write(model: PitchModel, path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def _kept_after_rules(hold_out_from: int) -> tuple[list[tuple[str, bool, str]], dict]:
    """Held-out lines the rules keep, with totals: (text, is noise, where)."""
    rules = load_noise_rules(load_profile("daily8"), pitch=False)
    kept: list[tuple[str, bool, str]] = []
    totals = {"blind noise": 0, "blind content": 0, "pages noise": 0, "pages content": 0}
    for path in sorted((DATA / "noise_independent").glob("set*.json")):
        number = _set_number(path)
        if number is None or number < hold_out_from:
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        texts = [r["text"] for r in record["lines"]]
        outs = trace(texts, rules, language=record.get("language", "en"))
        for r, out in zip(record["lines"], outs, strict=True):
            noise = r["label"] == "noise"
            totals["blind noise" if noise else "blind content"] += 1
            if out.rule is None and out.kept is not None:
                kept.append((out.kept, noise, "blind"))
    for page in _fundus_pages():
        if page.publisher in HELD_OUT:
            outs = trace(page.lines, rules, source=page.publisher)
            for i in page.article_lines:
                noise = not page.content[i]
                totals["pages noise" if noise else "pages content"] += 1
                if outs[i].rule is None and outs[i].kept is not None:
                    kept.append((outs[i].kept, noise, "pages"))
    return kept, totals


def evaluate(hold_out_from: int) -> None:
    lines, about = training_lines(hold_out_from)
    model = train(lines, about)
    kept, totals = _kept_after_rules(hold_out_from)
    print(f"trained on {about}; {len(model.weights)} weights")
    print(f"held out: independent sets {hold_out_from}+ and fundus-eval's {', '.join(HELD_OUT)}")
    print(f"totals: {totals}")
    scored = [(text, noise, where, model.score(text)) for text, noise, where in kept]
    for threshold in (0.7, 0.8, 0.9, 0.95):
        tuned = replace(model, threshold=threshold)
        row = []
        for where in ("blind", "pages"):
            gained = sum(1 for t, n, w, _ in scored if w == where and n and tuned.is_pitch(t))
            lost = sum(1 for t, n, w, _ in scored if w == where and not n and tuned.is_pitch(t))
            noise, content = totals[f"{where} noise"], totals[f"{where} content"]
            row.append(
                f"{where}: +{gained} noise ({gained / max(noise, 1):.3f}), "
                f"-{lost} content ({lost / max(content, 1):.3f})"
            )
        print(f"threshold {threshold}: " + "; ".join(row))
    for text, noise, where, p in sorted(scored, key=lambda s: -s[3]):
        if p >= 0.7 and could_be_pitch(text):
            print(f"  {p:.2f} {where} {'noise  ' if noise else 'CONTENT'} {text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hold-out-from", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="write the model trained without them")
    args = parser.parse_args(argv)
    if args.hold_out_from is not None and not args.write:
        evaluate(args.hold_out_from)
        return 0
    lines, about = training_lines(args.hold_out_from)
    model = train(lines, about)
    write(model)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model.weights)} weights, {about}")
    print(f"rule {RULE}, threshold {model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
