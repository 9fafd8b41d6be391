"""The message path under load with wrk: `hotline serve` (SQLite + local NLU) against the bare
aiohttp ceiling, and optionally against another checkout (the code before a change), in one run.

Each round runs the ceiling (a tiny aiohttp app answering the REST channel's JSON), then each
server under test on a fresh SQLite file, with wrk (2 threads, --connections, a new sender per
message), alternating so the machine's load falls on all alike. Each server is measured with six
texts repeated (as citizens send the same few questions; memos answer them) and with every
text distinct (the development split's citizen messages, each with a word of its own, so no
memo ever answers). Besides msg/s, each run prints the CPU time the server used per message
(/proc/PID/stat): on a machine other work loads, that figure moves far less than msg/s. Prints
msg/s, p50, p99, errors and CPU a message per run, and the load average. Needs `wrk`
(Debian: `apt-get install wrk`).
Run: `.venv/bin/python benchmarks/message_path.py [--before /path/to/old/checkout]`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from citizen_texts import REPEATED
from citizen_texts import distinct_texts as citizen_texts
from serving import hotline_serve, serving

HERE = Path(__file__).resolve().parent.parent
CEILING = """
from aiohttp import web
async def answer(request):
    body = await request.json()
    return web.json_response([{"recipient_id": body["sender"], "text": "Dạ, F1 cách ly 7 ngày."}])
app = web.Application()
app.router.add_post("/webhooks/rest/webhook", answer)
app.router.add_get("/readyz", lambda r: web.json_response({"status": "ready"}))
web.run_app(app, host="127.0.0.1", port=int(__import__("sys").argv[1]), print=None)
"""
LUA = """
local n = 0
local texts = {%s}
local distinct = %s
local id = tostring(math.random(1, 1000000000))
-- a distinct text gets a word of letters: digits would read as a phone number or a code
local function letters(k)
  local s = ""
  repeat s = s .. string.char(97 + k %% 26); k = math.floor(k / 26) until k == 0
  return s
end
request = function()
  n = n + 1
  local text = texts[n %% #texts + 1]
  -- texts are JSON strings, quotes included
  if distinct then text = string.sub(text, 1, -2) .. " " .. letters(n * 7919 + id) .. '"' end
  local body = '{"sender":"wrk-' .. id .. '-' .. n .. '","message":' .. text .. '}'
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"] = "application/json"}, body)
end
"""


def distinct_texts() -> list[str]:
    """The development split's citizen messages on one line each (each sent with a word of its
    own)."""
    return [t for t in citizen_texts() if "\n" not in t]


def lua_script(path: Path, texts: list[str], distinct: bool) -> Path:
    quoted = ", ".join(f"[==[{json.dumps(t, ensure_ascii=False)}]==]" for t in texts)
    path.write_text(LUA % (quoted, "true" if distinct else "false"), encoding="utf-8")
    return path


def millis(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port: int, lua: Path, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(lua),
            f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    found["requests"] = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    for label in ("50", "99"):
        found[f"p{label}"] = millis(re.search(rf"\s{label}%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    found["errors"] = sum(int(g) for g in errors.groups()) if errors else 0
    found["errors"] += int(non2xx.group(1)) if non2xx else 0
    return found


def measure(
    name: str,
    command: Callable[[int], list[str]],
    env: dict[str, str],
    args: argparse.Namespace,
    lua: Path,
) -> dict[str, float]:
    # Started in the checkout under test: `python -m` puts the working directory first on
    # sys.path, before PYTHONPATH, so from elsewhere it would run that directory's code.
    with serving(env, command, cwd=env.get("PYTHONPATH", HERE)) as server:
        run_wrk(server.port, lua, 2, args.connections)  # warm-up
        used = server.cpu_seconds()
        found = run_wrk(server.port, lua, args.seconds, args.connections)
        found["cpu"] = (server.cpu_seconds() - used) * 1000 / max(found["requests"], 1)
    if " | " not in name:
        name += " | repeated"
    print(
        f"| {name} | {found['rps']:,.0f} | {found['p50']:.1f} ms | {found['p99']:.1f} ms"
        f" | {found['errors']:.0f} | {found['cpu']:.2f} ms | {os.getloadavg()[0]:.1f} |",
        flush=True,
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, help="another checkout to compare (its root)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--nlu-model-dir", type=Path, help="a trained local NLU (else trained)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scripts = {
            "repeated": lua_script(Path(tmp) / "repeated.lua", REPEATED, distinct=False),
            "distinct": lua_script(Path(tmp) / "distinct.lua", distinct_texts(), distinct=True),
        }
        ceiling = Path(tmp) / "ceiling.py"
        ceiling.write_text(CEILING)

        def ceiling_at(port: int) -> list[str]:
            return [sys.executable, str(ceiling), str(port)]

        model = (args.nlu_model_dir or Path(tmp) / "nlu").resolve()
        base = {**os.environ, "HOTLINE_NLU": "local", "HOTLINE_NLU_MODEL_DIR": str(model)}
        if args.nlu_model_dir is None:
            train = [sys.executable, "-m", "hotline.cli", "nlu", "train"]
            subprocess.run(train, env={**base, "PYTHONPATH": str(HERE)}, check=True)
        checkouts = [("hotline serve, SQLite + local NLU", HERE)]
        if args.before:
            checkouts.append(("the same, before (--before)", args.before.resolve()))
        print(
            "| configuration | texts | msg/s | p50 | p99 | errors | server CPU a message | load |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for n in range(args.rounds):
            measure("bare aiohttp (the ceiling)", ceiling_at, base, args, scripts["repeated"])
            for texts, script in scripts.items():
                for name, root in checkouts if n % 2 == 0 else checkouts[::-1]:
                    env = {
                        **base,
                        "PYTHONPATH": str(root),
                        "HOTLINE_STORE": f"sqlite:///{tmp}/{root.name}-{n}-{texts}.db",
                        "HOTLINE_MEDIA_DIR": f"{tmp}/media",
                    }
                    measure(f"{name} | {texts}", hotline_serve, env, args, script)


if __name__ == "__main__":
    main()
