"""Scrapy extensions shipped with newsbot."""
