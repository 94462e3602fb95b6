"""newsbot's Scrapy commands (enabled by ``COMMANDS_MODULE = "newsbot.commands"``)."""
