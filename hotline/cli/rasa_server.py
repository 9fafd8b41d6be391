"""`python -m hotline.cli.rasa_server start|stop|status`: the local Rasa server of `make run`.

Keeps the pid, port and token under var/rasa/ so `stop` ends exactly the server `start` began
(scripts/rasa_server.sh calls this). It lives with the commands because it reads the hotline's
settings; the server itself (`hotline.bot.nlu.rasa_server.RasaServer`) knows none.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.config import NluConfig
from hotline.bot.nlu.rasa_runtime import train_model
from hotline.bot.nlu.rasa_server import RasaServer, status, stop_process
from hotline.cli.faq import published_entries
from hotline.config import Settings

SERVER_FILE = rasa_training.WORK_DIR / "server.json"


def _alive(info: dict[str, object]) -> bool:
    return status(str(info["url"]), str(info["token"])) is not None


def _read_info(path: Path) -> dict[str, object] | None:
    if not path.is_file():
        return None
    info = json.loads(path.read_text())
    return info if isinstance(info, dict) else None


def _exports(info: dict[str, object]) -> str:
    return (
        f"export HOTLINE_NLU=rasa HOTLINE_RASA_URL={info['url']} HOTLINE_RASA_TOKEN={info['token']}"
    )


async def _start(args: argparse.Namespace) -> int:
    info = _read_info(SERVER_FILE)
    if info and _alive(info):
        print(f"rasa_server: already running (pid {info['pid']}) at {info['url']}", file=sys.stderr)
        print(_exports(info))
        return 0
    try:
        env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    except rasa_training.RasaUnavailable as exc:
        print(f"rasa_server: {exc}; the bot answers with its local NLU", file=sys.stderr)
        print("export HOTLINE_NLU=local")
        return 0
    model = args.model
    if model is None:
        # The model for the FAQ store's current entries (trained now only if there is none yet),
        # on whichever back end HOTLINE_STORE names.
        settings = Settings.from_env()
        trained = await train_model(
            NluConfig.of(settings),
            await published_entries(settings),
            progress=lambda line: print(line, file=sys.stderr),
        )
        model = trained.path
    server = RasaServer(env, model, port=args.port)
    print(f"rasa_server: starting Rasa with {model.name} on {server.url}", file=sys.stderr)
    await server.start()
    assert server.process is not None
    info = {"pid": server.process.pid, "url": server.url, "token": server.token}
    info["model"] = str(model)
    SERVER_FILE.parent.mkdir(parents=True, exist_ok=True)
    SERVER_FILE.touch(mode=0o600)
    SERVER_FILE.write_text(json.dumps(info))
    server.process = None  # it outlives this command; `stop` ends it by its pid
    print(_exports(info))
    return 0


def _stop() -> int:
    info = _read_info(SERVER_FILE)
    if info is None:
        print("rasa_server: not running", file=sys.stderr)
        return 0
    stop_process(int(str(info["pid"])))
    SERVER_FILE.unlink()
    print(f"rasa_server: stopped pid {info['pid']}", file=sys.stderr)
    return 0


def _status() -> int:
    info = _read_info(SERVER_FILE)
    if info is None or not _alive(info):
        print("rasa_server: not running", file=sys.stderr)
        return 1
    print(json.dumps(status(str(info["url"]), str(info["token"]))))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hotline.cli.rasa_server")
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.action == "start":
        return asyncio.run(_start(args))
    return _stop() if args.action == "stop" else _status()


if __name__ == "__main__":
    sys.exit(main())
