"""Gives each run its id (``NEWSBOT_RUN_ID``): in export names, summaries and seen-store claims.

Random unless set (``-s NEWSBOT_RUN_ID=...``), so two runs started in the same second, on
one machine or several, never share an export name or a claim.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

from newsbot.feeds import new_run_id


class RunAddon:
    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWSBOT_RUN_ID"):
            settings.set("NEWSBOT_RUN_ID", new_run_id(), priority="project")
