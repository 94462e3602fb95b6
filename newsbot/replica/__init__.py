"""A made-up replica of the Daily8 aggregator, served on loopback, with its ground truth."""

from newsbot.replica.content import DEFAULT_CLOCK, Article, ReplicaSite, build_site
from newsbot.replica.server import ReplicaServer, Reply, Request

__all__ = [
    "DEFAULT_CLOCK",
    "Article",
    "ReplicaServer",
    "ReplicaSite",
    "Reply",
    "Request",
    "build_site",
]
