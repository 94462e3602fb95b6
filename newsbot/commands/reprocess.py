"""``scrapy reprocess IN.jsonl -O OUT.jsonl``: re-run the item pipelines over an export.

Use it after rules change (noise rules, timestamp parsing, validation): every record of an
existing JSON Lines export goes through the project's ``ITEM_PIPELINES``, in the same order
and with the same settings as a crawl, inside a crawl of a spider that sends no requests.
Each record keeps its ``crawled_at``, which pipelines use as the anchor for relative times.

Lines that are not JSON objects are reported on stderr as ``line N: <reason>`` and skipped;
records a pipeline drops are reported with their line number and the reason. The output is
written to a temporary file in the same folder and renamed, so a failed run leaves no
half-written file. ``-o`` appends to the output instead of overwriting it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.serialize import ScrapyJSONEncoder

from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS

ANCHOR = "crawled_at"


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    dropped: list[tuple[int | None, str]] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    def report(self, stream: Any = None) -> None:
        stream = stream or sys.stderr
        for n, reason in self.bad:
            print(f"line {n}: {reason}", file=stream)
        for line_no, reason in self.dropped:
            where = line_no if line_no is not None else "?"
            print(f"line {where}: dropped: {reason}", file=stream)
        for line_no, reason in self.errors:
            where = line_no if line_no is not None else "?"
            print(f"line {where}: pipeline error: {reason}", file=stream)
        print(
            f"reprocess: {self.read} lines read, {self.written} records written, "
            f"{len(self.bad)} bad lines skipped, {len(self.dropped)} dropped, "
            f"{len(self.errors)} failed",
            file=stream,
        )


def read_records(path: str | Path, summary: Summary) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each JSON object line; the rest go to ``summary.bad``."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            summary.read += 1
            if not raw.strip():
                summary.bad.append((n, "empty line"))
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                summary.bad.append((n, f"invalid JSON: {exc.msg} (column {exc.colno})"))
                continue
            if not isinstance(record, dict):
                summary.bad.append((n, f"not a JSON object but {type(record).__name__}"))
                continue
            yield n, record


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """The record with EXPORT_FIELDS first, then optional fields, then anything else."""
    keys = [k for k in (*EXPORT_FIELDS, *OPTIONAL_FIELDS) if k in record]
    keys += [k for k in record if k not in keys]
    return {k: record[k] for k in keys}


def write_atomically(path: str | Path, lines: list[str], append: bool = False) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            if append and path.exists():
                existing = path.read_text(encoding="utf-8")
                out.write(existing)
                if existing and not existing.endswith("\n"):
                    out.write("\n")
            out.writelines(line + "\n" for line in lines)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ReprocessSpider(Spider):
    """Sends no requests: its start() yields the records of the input file as items."""

    name = "reprocess"
    custom_settings = {"FEEDS": {}}

    def __init__(self, records: list[tuple[int, dict[str, Any]]] | None = None, **kw: Any):
        super().__init__(**kw)
        self.records = records or []

    async def start(self) -> AsyncIterator[Any]:
        for _, record in self.records:
            yield record


class Reprocessor:
    """Collects what the pipelines did to each record of one run."""

    def __init__(self, records: list[tuple[int, dict[str, Any]]], summary: Summary) -> None:
        self.records = records
        self.summary = summary
        self.line_of = {id(rec): n for n, rec in records}
        self.anchor = {n: rec[ANCHOR] for n, rec in records if ANCHOR in rec}
        self.by_key = {self._key(rec): n for n, rec in records}
        self.output: list[tuple[int, dict[str, Any]]] = []

    @staticmethod
    def _key(record: Any) -> tuple[str, str]:
        adapter = ItemAdapter(record)
        return str(adapter.get("id", "")), str(adapter.get("url", ""))

    def _line(self, item: Any) -> int | None:
        n = self.line_of.get(id(item))
        return n if n is not None else self.by_key.get(self._key(item))

    def connect(self, crawler: Any) -> None:
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    def item_scraped(self, item: Any) -> None:
        n = self._line(item)
        record = ItemAdapter(item).asdict()
        if n is not None and n in self.anchor:
            record[ANCHOR] = self.anchor[n]
        self.output.append((n if n is not None else sys.maxsize, record))

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        self.summary.dropped.append((self._line(item), str(exception) or type(exception).__name__))

    def item_error(self, item: Any, failure: Any) -> None:
        self.summary.errors.append((self._line(item), failure.getErrorMessage()))

    def lines(self) -> list[str]:
        encoder = ScrapyJSONEncoder(ensure_ascii=False)
        return [encoder.encode(ordered(rec)) for _, rec in sorted(self.output, key=lambda x: x[0])]


def reprocess(process: Any, in_path: str | Path, out_path: str | Path, append: bool) -> Summary:
    """Run the pipelines of ``process``'s settings over ``in_path``; write ``out_path``."""
    summary = Summary()
    records = list(read_records(in_path, summary))
    collector = Reprocessor(records, summary)
    crawler = process.create_crawler(ReprocessSpider)
    collector.connect(crawler)
    process.crawl(crawler, records=records)
    process.start()
    summary.written = len(collector.output)
    write_atomically(out_path, collector.lines(), append=append)
    return summary


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "IN.jsonl (-O OUT.jsonl | -o OUT.jsonl)"

    def short_desc(self) -> str:
        return "Re-run the item pipelines over an existing JSON Lines export"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", metavar="FILE", help="append records to FILE")
        parser.add_argument(
            "-O", "--overwrite-output", metavar="FILE", help="write records to FILE (replace it)"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one input file", print_help=True)
        if bool(opts.output) == bool(opts.overwrite_output):
            raise UsageError("give one output: -O FILE (overwrite) or -o FILE (append)")
        in_path = Path(args[0])
        if not in_path.is_file():
            raise UsageError(f"no such file: {in_path}", print_help=False)
        out_path = opts.overwrite_output or opts.output
        assert self.crawler_process is not None
        summary = reprocess(self.crawler_process, in_path, out_path, append=bool(opts.output))
        summary.report()
        if summary.errors:
            self.exitcode = 1
