"""Scrapy add-ons shipped with newsbot."""
