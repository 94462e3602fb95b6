"""A broken zone abbreviation table (timezones.toml) stops the crawl at start, file named."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from scrapy.utils.test import get_crawler

from newsbot.exitcodes import UsageError
from newsbot.pipelines.timestamps import TimestampPipeline
from newsbot.spiders.daily8 import Daily8Spider
from newsbot.timestamps import abbreviation_table
from newsbot.timestamps.zones import TABLE_FILE
from tests.conftest import ROOT

BROKEN = [
    ('[abbreviations]\nXST = [{ offset = "x" }]\n', "XST: offset 'x' is not +HH:MM"),
    ("[abbreviations]\nXST = [\n", "Invalid"),
    ('[abbreviations]\nEST = [{ zone = "Mars/Olympus" }]\n', "EST"),
    ("[zones]\n", "no [abbreviations] table"),
]


def _clear_tables() -> None:
    # A table that fails is never cached; the good one here is the shipped one, copied.
    abbreviation_table.cache_clear()


@pytest.fixture
def settings_folder(tmp_path, monkeypatch):
    """A copy of settings/ that a test may break, used through NEWSBOT_SETTINGS_DIR."""
    folder = tmp_path / "settings"
    shutil.copytree(ROOT / "settings", folder)
    monkeypatch.setenv("NEWSBOT_SETTINGS_DIR", str(folder))
    _clear_tables()
    yield folder
    monkeypatch.delenv("NEWSBOT_SETTINGS_DIR")
    _clear_tables()  # later tests read the shipped table again


@pytest.mark.parametrize(("table", "problem"), BROKEN)
def test_the_pipeline_refuses_a_broken_table_when_built(settings_folder, table, problem):
    (settings_folder / TABLE_FILE).write_text(table, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        TimestampPipeline.from_crawler(get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"}))
    message = str(err.value)
    assert "\n" not in message
    assert str(settings_folder / TABLE_FILE) in message and problem in message


def test_the_pipeline_builds_with_a_good_table(settings_folder):
    pipeline = TimestampPipeline.from_crawler(get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"}))
    assert "EST" in abbreviation_table() and pipeline is not None


@pytest.mark.parametrize(("table", "problem"), BROKEN[:2])
def test_scrapy_crawl_stops_at_start_naming_the_file(
    settings_folder, replica, tmp_path, table, problem
):
    (settings_folder / TABLE_FILE).write_text(table, encoding="utf-8")
    export = tmp_path / "items.jsonl"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "daily8", "-O", str(export),
        "-s", "NEWSBOT_ENV=test", "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
        "-a", f"start_urls={replica.base_url}/en",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_SETTINGS_DIR": str(settings_folder)}
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert f"{settings_folder / TABLE_FILE}: " in proc.stderr and problem in proc.stderr
    assert "Crawled (" not in proc.stderr  # stopped before any request
    assert not export.exists() or export.read_text() == ""


def test_a_table_saved_in_another_encoding_is_one_line(settings_folder):
    """ops round 5: timezones.toml saved as Latin-1 gave a UnicodeDecodeError traceback."""
    text = '[abbreviations]\n# Zeitzone für Mitteleuropa\nMEZ = [{ offset = "+01:00" }]\n'
    (settings_folder / TABLE_FILE).write_bytes(text.encode("latin-1"))
    with pytest.raises(UsageError) as err:
        TimestampPipeline.from_crawler(get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"}))
    message = str(err.value)
    assert "\n" not in message and str(settings_folder / TABLE_FILE) in message
    assert "not UTF-8" in message
