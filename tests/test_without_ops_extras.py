"""The main job needs nothing but the package's own dependencies: scrapy-redis and redis are
the `ops` extra (`pip install -e '.[ops]'`), loaded only when a crawl is distributed. Found on
a fresh machine: the README's main-job command failed on `import scrapy_redis`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a Python where `import scrapy_redis` and `import redis` fail, as on a machine without `ops`
WITHOUT_OPS = """
import sys
sys.modules["scrapy_redis"] = None
sys.modules["redis"] = None
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings
settings = get_project_settings()
settings.setdict(dict(arg.split("=", 1) for arg in sys.argv[1:]), priority="cmdline")
process = CrawlerProcess(settings)  # loads every add-on's module, the distributed one too
crawler = process.create_crawler("daily8")
from newsbot.distributed.addon import RedisAddon

RedisAddon(crawler).update_settings(settings)  # what the crawl runs before it starts
print("scheduler", settings["SCHEDULER"])
"""


def run(*settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSBOT_REDIS_URL"}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_OPS, *settings],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_crawl_is_set_up_without_scrapy_redis_installed():
    proc = run()
    assert proc.returncode == 0, proc.stderr[-2000:]
    # Scrapy's own scheduler (newsbot's subclass for a JOBDIR on a full disk), not Redis's
    assert "scheduler newsbot.jobdir.JobdirScheduler" in proc.stdout, proc.stdout


def test_a_distributed_crawl_without_scrapy_redis_says_what_to_install():
    proc = run("NEWSBOT_REDIS_URL=redis://127.0.0.1:6399/0")
    assert proc.returncode != 0
    assert "pip install -e '.[ops]'" in proc.stderr
