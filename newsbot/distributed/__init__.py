"""Distributed crawling: several workers share one crawl through scrapy-redis.

One setting, ``NEWSBOT_REDIS_URL`` (``-s``, the environment variable of the same name, or
``NEWSBOT_ENV=distributed``), switches a run to Redis (see :mod:`newsbot.distributed.addon`):
scrapy-redis's duplicate filter, newsbot's kill-safe scheduler and queue (a subclass of
scrapy-redis's, see :mod:`newsbot.distributed.scheduler`), and the Redis seen-store.
"""
