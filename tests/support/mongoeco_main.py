"""Run mongoeco's MongoDB-wire-protocol server until stdin closes (Python 3.13, mongoeco's venv).

Started by tests/support/mongo_server.py: `python mongoeco_main.py PORT`. It prints its URI on
stdout once it listens, and stops when its parent closes the pipe or sends SIGTERM.
"""

import asyncio
import signal
import sys

from mongoeco.wire import AsyncMongoEcoProxyServer


async def main(port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_reader(sys.stdin.fileno(), lambda: sys.stdin.read(1) or stop.set())
    async with AsyncMongoEcoProxyServer(host="127.0.0.1", port=port) as server:
        print(server.address.uri, flush=True)
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
