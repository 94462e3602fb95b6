"""Downloader middlewares and failure classification shared by newsbot's spiders."""
