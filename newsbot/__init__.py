"""newsbot: a Scrapy crawler for news aggregators."""

__version__ = "0.1.0"
