"""Gives each run its id (``NEWSBOT_RUN_ID``): in export names, summaries and seen-store claims.

Random unless set (``-s NEWSBOT_RUN_ID=...``), so two runs started in the same second, on
one machine or several, never share an export name or a claim.
"""

from __future__ import annotations

import re

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from newsbot.exitcodes import UsageError
from newsbot.feeds import new_run_id
from newsbot.usage import short

# a run id goes into file names and seen-store claims: letters, digits, dot, dash, underscore
_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class RunAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        run_id = settings.get("NEWSBOT_RUN_ID")
        given = (settings.getpriority("NEWSBOT_RUN_ID") or 0) >= SETTINGS_PRIORITIES["cmdline"]
        if run_id is None or (run_id == "" and not given):
            settings.set("NEWSBOT_RUN_ID", new_run_id(), priority="project")
        elif not _RUN_ID.fullmatch(str(run_id)):
            raise UsageError(
                f"NEWSBOT_RUN_ID={short(run_id)}: expected 1 to 64 letters, digits, '.', '-' or "
                "'_' (it names the export file), or leave it unset for a random one"
            )
