"""``scrapy reprocess IN.jsonl -O OUT.jsonl``: re-run the item pipelines over an export.

Use it after rules change (noise rules, timestamp parsing, validation): every record of an
existing JSON Lines export goes through the project's ``ITEM_PIPELINES``, in the same order
and with the same settings as a crawl, inside a crawl of a spider that sends no requests.
Each record keeps its ``crawled_at``, which pipelines use as the anchor for relative times.

Lines that are not JSON objects are reported on stderr as ``line N: <reason>`` (the first
ten, then a count) and skipped; records a pipeline drops are reported with their line number
and the reason. The output is written atomically (``newsbot.atomic``: a temporary file in the
same folder, fsynced, renamed; mode 0644 like crawl exports), so a failed run leaves no
half-written file. ``-o`` appends to the output instead of overwriting it.

It never replaces its target with less than it read: an input with no valid record (a
binary file, the wrong file) is an error (exit 2), a record a pipeline failed on leaves the
target untouched (exit 1), a write that fails (disk full) too (exit 3). Scrapy's INFO log is
not shown (``-L INFO`` shows it); nothing is recorded in the seen-store.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.serialize import ScrapyJSONEncoder

from newsbot.atomic import write_atomically as write_file
from newsbot.exitcodes import ExitCode
from newsbot.items import EXPORT_FIELDS, OPTIONAL_FIELDS

ANCHOR = "crawled_at"
BAD_LINES_SHOWN = 10


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    dropped: list[tuple[int | None, str]] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    def report(self, stream: Any = None) -> None:
        stream = stream or sys.stderr
        for n, reason in self.bad[:BAD_LINES_SHOWN]:
            print(f"line {n}: {reason}", file=stream)
        if len(self.bad) > BAD_LINES_SHOWN:
            print(f"... and {len(self.bad) - BAD_LINES_SHOWN} more bad lines", file=stream)
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
    """``lines`` as the file ``path`` (after its current content with ``append``), atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks: list[bytes] = []
    if append and path.exists():
        existing = path.read_bytes()
        chunks.append(existing)
        if existing and not existing.endswith(b"\n"):
            chunks.append(b"\n")
    chunks.extend((line + "\n").encode("utf-8") for line in lines)
    write_file(path, chunks)


class ReprocessSpider(Spider):
    """Sends no requests: its start() yields the records of the input file as items."""

    name = "reprocess"
    # no export, no seen-store, no health checks: the command writes its own output
    custom_settings = {"FEEDS": {}, "NEWSBOT_INCREMENTAL": False, "SPIDERMON_ENABLED": False}

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


class NothingToReprocess(ValueError):
    """The input holds no valid record."""


def reprocess(process: Any, in_path: str | Path, out_path: str | Path, append: bool) -> Summary:
    """Run the pipelines of ``process``'s settings over ``in_path``; write ``out_path``.

    Raises :class:`NothingToReprocess` (before any pipeline runs) when no line of
    ``in_path`` is a record; writes nothing when a pipeline failed on a record.
    """
    summary = Summary()
    records = list(read_records(in_path, summary))
    if not records:
        raise NothingToReprocess(
            f"{in_path} has no valid JSON Lines record ({summary.read} line(s) read, "
            f"{len(summary.bad)} bad)"
        )
    collector = Reprocessor(records, summary)
    crawler = process.create_crawler(ReprocessSpider)
    collector.connect(crawler)
    process.crawl(crawler, records=records)
    process.start()
    summary.written = len(collector.output)
    if not summary.errors:
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

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        # settings.py's LOG_LEVEL (project priority) would show Scrapy's INFO log; only an
        # explicit -L or -s LOG_LEVEL does
        if (self.settings.getpriority("LOG_LEVEL") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")

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
        try:
            summary = reprocess(self.crawler_process, in_path, out_path, append=bool(opts.output))
        except NothingToReprocess as exc:
            print(f"scrapy reprocess: error: {exc}; {out_path} left untouched", file=sys.stderr)
            self.exitcode = int(ExitCode.USAGE)
            return
        except OSError as exc:
            print(
                f"scrapy reprocess: export failed: cannot write {out_path}: "
                f"{exc.strerror or exc}; {out_path} left untouched",
                file=sys.stderr,
            )
            self.exitcode = int(ExitCode.EXPORT_FAILED)
            return
        summary.report()
        if summary.errors:
            print(
                f"scrapy reprocess: {len(summary.errors)} record(s) failed in a pipeline; "
                f"{out_path} left untouched",
                file=sys.stderr,
            )
            self.exitcode = int(ExitCode.UNEXPECTED)
