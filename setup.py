# scrapyd-deploy builds eggs with `python setup.py bdist_egg`; all metadata is in pyproject.toml.
from setuptools import setup

setup()
