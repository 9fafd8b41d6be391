"""A local Rasa server (`rasa run --enable-api`, loopback only) started and stopped by us.

In process: `async with RasaServer(env, model, port=...) as server:` (tests, the app's cleanup
context). From the Makefile: `python -m hotline.cli.rasa_server start|stop|status`.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from hotline.bot.nlu import rasa_training

START_TIMEOUT = 90.0
CREDENTIALS = "hotline-credentials.yml"  # Rasa's channels: only our batch parse channel
LOG_TAIL_LINES = 25  # of the server's output, quoted when it fails to start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RasaServer:
    """One `rasa run` process serving `model` on 127.0.0.1:`port` with an auth token."""

    def __init__(
        self,
        env: Path,
        model: Path,
        *,
        port: int = 0,
        token: str = "",
        work_dir: Path = rasa_training.WORK_DIR,
        log_file: Path | None = None,
        batch: bool = True,
    ) -> None:
        self.env = env
        self.model = model
        self.port = port or free_port()
        self.token = token or secrets.token_urlsafe(24)
        self.work_dir = work_dir
        self.log_file = log_file or work_dir / f"server-{self.port}.log"
        self.batch = batch  # serve our batch parse channel (rasa_batch.py) beside the API
        self.log_start = 0  # where this start's output begins in log_file (it is appended to)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        credentials = self.work_dir / "components" / CREDENTIALS
        channels = ["--credentials", str(credentials.resolve())] if self.batch else []
        return [
            str(self.env / "bin" / "rasa"),
            "run",
            "--enable-api",
            # One argument: a token_urlsafe token may begin with "-", which Rasa's argparse
            # would read as an option and exit 2 ("expected one argument").
            f"--auth-token={self.token}",
            "-i", "127.0.0.1",
            "-p", str(self.port),
            "--model", str(self.model.resolve()),
            *channels,  # our batch parse channel, next to the components on PYTHONPATH
        ]  # fmt: skip

    def spawn(self) -> int:
        """Start the process (its own process group, so stop ends its children too)."""
        components = rasa_training.install_components(self.work_dir / "components")
        (components / CREDENTIALS).write_text("rasa_batch.BatchParseInput: {}\n")
        env = rasa_training.rasa_environ(components.resolve())
        env["HOTLINE_RASA_BATCH_TOKEN"] = self.token  # rasa_batch.TOKEN_ENV
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as log:
            self.log_start = log.tell()
            self.process = subprocess.Popen(
                self.command(),
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        return self.process.pid

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Block until the model is loaded (about 15 s on 2 cores); stop the server on failure."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None, "spawn() first"
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"rasa run exited {self.process.returncode}; {self.log_file} ends:\n"
                    + self.log_tail()
                )
            if self.answers():
                return
            time.sleep(0.5)
        self.terminate()
        raise TimeoutError(
            f"Rasa did not load its model in {timeout:.0f} s; {self.log_file} ends:\n"
            + self.log_tail()
        )

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The last `lines` lines this start wrote to the log (the log may be a temporary file)."""
        try:
            with self.log_file.open("rb") as log:
                log.seek(self.log_start)
                text = log.read().decode("utf-8", errors="replace")
        except OSError as exc:
            return f"(log unreadable: {exc})"
        tail = text.splitlines()[-lines:]
        return "\n".join(tail) if tail else "(no output)"

    def answers(self) -> bool:
        """GET /status lists a loaded model (blocking)."""
        return status(self.url, self.token) is not None

    def terminate(self, grace: float = 10.0) -> None:
        """SIGTERM, then SIGKILL after `grace` seconds; the process is reaped either way."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()

    def kill(self) -> None:
        """SIGKILL at once, as a crash would (the fallback tests use it)."""
        process, self.process = self.process, None
        if process is not None:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()

    async def start(self, within: float = START_TIMEOUT) -> RasaServer:
        self.spawn()
        await asyncio.to_thread(self.wait_ready, within)
        return self

    async def stop(self) -> None:
        await asyncio.to_thread(self.terminate)

    async def __aenter__(self) -> RasaServer:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


def status(url: str, token: str, timeout: float = 2.0) -> dict[str, object] | None:
    """GET /status (blocking, standard library only, for the CLI and the start-up wait)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/status?token={token}", timeout=timeout) as response:
            body = json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None
    return body if isinstance(body, dict) and body.get("model_file") else None


def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except ProcessLookupError:
        pass  # already gone: nothing to stop


def stop_process(pid: int, grace: float = 10.0) -> None:
    """SIGTERM the server's process group, SIGKILL it if it is still there after `grace` s."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pid, signal.SIGKILL)
