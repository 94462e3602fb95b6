"""Health checks of a finished run (issue 11), run by spidermon when the spider closes.

- :mod:`newsbot.health.checks`: pure checks over the run's stats (articles found, exported
  share, failed pages, unreadable times), thresholds from settings.
- :mod:`newsbot.health.monitors`: the spidermon suite: those checks plus spidermon's own
  field coverage and finish reason monitors.
- :mod:`newsbot.health.extension`: spidermon's extension, quiet, keeping every result for
  the run summary, the end-of-run report and the exit status (4 when a check failed).
"""
