"""`python -m hotline.cli.rasa_server start|stop|status`: the local Rasa server that `make run`
runs beside the bot (scripts/rasa_server.sh), a model trained for the FAQ store's published
entries on whichever back end HOTLINE_STORE names."""

from __future__ import annotations

import sys

from hotline.bot.nlu import rasa_server
from hotline.cli.faq import published_entries
from hotline.config import Settings
from hotline.faq.entries import FaqEntry


async def _published() -> list[FaqEntry]:
    return await published_entries(Settings.from_env())


if __name__ == "__main__":
    sys.exit(rasa_server.main(sys.argv[1:], _published))
