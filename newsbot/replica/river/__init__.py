"""A made-up headline river (``../shared/reference/river.md``) and its publishers, on loopback."""

from newsbot.replica.river.content import DEFAULT_CLOCK, RiverSite, build_river
from newsbot.replica.river.server import RiverServer

__all__ = ["DEFAULT_CLOCK", "RiverServer", "RiverSite", "build_river"]
