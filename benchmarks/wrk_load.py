"""Loading a server with wrk for benchmarks/configurations.py: the Lua script that sends the
split's messages (each from a new sender, optionally each made distinct), starting a server and
waiting for it, warming it up, and one measured row (rate, latency, CPU a message, the NLU's
fallbacks and parse cache hits from /metrics, how busy the machine was).

Warm (the default): before the measured window the server gets every text it will be sent once
(`warm_pass`, 16 at a time), then `--warm-seconds` of wrk on the same texts, so the window
measures the message path, not the first sight of each text (the NLU and the FAQ search on a
new text cost several times a turn, a fixed cost that the window would spread over however many
messages the machine's load let it send). With every text distinct the measured texts are still
each seen for the first time (a word of their own): that row measures first sights. Cold
(`--cold`): the wrk warm-up sends other texts (dev2's, none of the measured ones), as before.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import yaml
from aiohttp import web
from serving import cpu_seconds

DATA = Path(__file__).resolve().parent.parent / "hotline" / "evaluation" / "data"
METRICS_TOKEN = "bench-metrics"
LUA = """
local messages = {%s}
local n = 0
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args) tag = args[1]; distinct = args[2] == "distinct"; count = 0 end
-- a distinct text gets a word of letters: digits would read as a phone number or a code
function letters(n)
  local s = ""
  repeat s = s .. string.char(97 + n %% 26); n = math.floor(n / 26) until n == 0
  return s
end
function request()
  count = count + 1
  local text = messages[((tid - 1) * 101 + count) %% #messages + 1]
  local sender = tag .. "-" .. tid .. "-" .. count
  if distinct then text = string.sub(text, 1, -2) .. " " .. letters(tid * 100003 + count) .. '"' end
  local body = '{"sender":"' .. sender .. '","message":' .. text .. '}'
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"]="application/json"}, body)
end
function done(s, latency, requests)
  io.write(string.format('WRK {"requests":%%d,"seconds":%%f,"p50":%%d,"p99":%%d,' ..
    '"errors":%%d,"timeouts":%%d,"status":%%d}\\n', s.requests, s.duration / 1e6,
    latency:percentile(50), latency:percentile(99),
    s.errors.connect + s.errors.read + s.errors.write, s.errors.timeout, s.errors.status))
end
"""


def texts(split: str) -> list[str]:
    data = yaml.safe_load((DATA / f"{split}.yml").read_text(encoding="utf-8"))
    return sorted(
        {case["text"] for cases in data.values() if isinstance(cases, list) for case in cases}
    )


def cold_texts(measured: list[str]) -> list[str]:
    """Texts to warm a server up on without showing it any of the measured ones."""
    seen = set(measured)
    return [text for text in texts("dev2") if text not in seen]


def warm_pass(url: str, messages: list[str], tag: str, at_once: int = 16) -> float:
    """Every message once, each from a new sender, `at_once` in flight; the seconds it took."""

    async def send_all() -> None:
        queue = list(enumerate(messages))
        async with aiohttp.ClientSession() as session:

            async def sender() -> None:
                while queue:
                    n, text = queue.pop()
                    body = {"sender": f"{tag}-{n}", "message": text}
                    async with session.post(url, json=body) as response:
                        await response.read()

            await asyncio.gather(*(sender() for _ in range(at_once)))

    started = time.monotonic()
    asyncio.run(send_all())
    return time.monotonic() - started


def lua_script(path: Path, messages: list[str]) -> Path:
    quoted = ",".join(f"[==[{json.dumps(text)}]==]" for text in messages)
    path.write_text(LUA % quoted, encoding="utf-8")
    return path


def wrk(url: str, script: Path, seconds: int, tag: str, distinct: bool = False) -> dict[str, float]:
    command = ["wrk", "-t2", "-c32", f"-d{seconds}s", "--timeout", "5s", "-s", str(script), url]
    out = subprocess.run(
        [*command, "--", tag, "distinct" if distinct else "same"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRK "))
    return dict(json.loads(line[4:]))


def metrics(base: str) -> dict[str, float]:
    request = urllib.request.Request(
        f"{base}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read().decode()
    found: dict[str, float] = {}
    for match in re.finditer(r"^(hotline_(?:nlu|rasa)_\w+_total\{[^}]*\}) (\S+)$", body, re.M):
        found[match.group(1)] = float(match.group(2))
    return found


def wait_http(url: str, process: subprocess.Popen[bytes], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{url}: the server exited {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds:.0f} s")


@contextmanager
def running(
    command: list[str], env: dict[str, str], log: Path, ready: str, cwd: Path | None = None
) -> Iterator[int]:
    with log.open("ab") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
    try:
        wait_http(ready, process)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def ceiling_app() -> web.Application:
    async def answer(request: web.Request) -> web.Response:
        body = await request.json()
        reply = "Dạ, tổng đài 1022 đã nhận câu hỏi của anh/chị."
        return web.json_response([{"recipient_id": body["sender"], "text": reply}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", answer)
    app.router.add_get("/webhooks/rest/", lambda _: web.json_response({"status": "ok"}))
    return app


def thread_seconds(pid: int) -> dict[str, float]:
    """CPU seconds (user and system) each thread of a process and of its live children used so
    far, by "pid/tid"; the event loop runs on a process's main thread (tid == pid)."""
    spent: dict[str, float] = {}
    hz = os.sysconf("SC_CLK_TCK")
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return spent
    try:  # a kernel without CONFIG_PROC_CHILDREN has no such file: the process's own threads
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for task in tasks:
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        spent[f"{pid}/{task.name}"] = (int(fields[11]) + int(fields[12])) / hz
    for child in children:
        spent.update(thread_seconds(int(child)))
    return spent


def by_thread_kind(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds between two `thread_seconds` readings as "loop" (main threads), "sqlite"
    (each process's busiest other thread: the store's; Python 3.11 names no OS thread) and
    "other" (checkpoints, executors)."""
    spent = {"loop": 0.0, "sqlite": 0.0, "other": 0.0}
    busiest: dict[str, float] = {}
    for name, seconds in after.items():
        used = seconds - before.get(name, 0.0)
        pid, tid = name.split("/")
        if pid == tid:
            spent["loop"] += used
        else:
            spent["other"] += used
            busiest[pid] = max(busiest.get(pid, 0.0), used)
    spent["sqlite"] = sum(busiest.values())
    spent["other"] -= spent["sqlite"]
    return spent


def busy_cores() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine so far, summed over its cores."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - ticks[3] - ticks[4]) / hz, sum(ticks) / hz


def measure(
    name: str,
    base: str,
    args: argparse.Namespace,
    distinct: bool = False,
    pid: int = 0,
    rasa_pids: tuple[int, ...] = (),
    cold: bool = False,
) -> dict:
    url = f"{base}/webhooks/rest/webhook"
    if cold:
        warmed = f"cold: {args.warm_seconds} s of wrk on {len(args.cold_texts)} other texts"
        wrk(url, args.cold_script, args.warm_seconds, f"warm{time.time_ns()}")
    else:
        took = warm_pass(url, args.texts, f"pass{time.time_ns()}")
        warmed = (
            f"warm: the {len(args.texts)} texts once ({took:.1f} s), {args.warm_seconds} s of wrk"
        )
        wrk(url, args.script, args.warm_seconds, f"warm{time.time_ns()}")
    ours = name.startswith("hotline") or name.startswith("make run")
    before = metrics(base) if ours else {}
    used = cpu_seconds(pid) if pid else 0.0
    threads = thread_seconds(pid) if pid else {}
    rasa_used = sum(cpu_seconds(p) for p in rasa_pids)
    machine = busy_cores()
    row = wrk(url, args.script, args.seconds, f"run{time.time_ns()}", distinct)
    busy, total = (after - before for after, before in zip(busy_cores(), machine, strict=True))
    row["busy"] = busy / total  # of both cores, every process on the machine included
    if pid:
        row["cpu"] = (cpu_seconds(pid) - used) * 1000 / max(row["requests"], 1)
        for kind, seconds in by_thread_kind(threads, thread_seconds(pid)).items():
            row[f"{kind}_us"] = seconds * 1e6 / max(row["requests"], 1)  # microseconds a message
    if rasa_pids:
        rasa = sum(cpu_seconds(p) for p in rasa_pids) - rasa_used
        row["rasa_cpu"] = rasa * 1000 / max(row["requests"], 1)
    row["name"] = name  # type: ignore[assignment]
    row["warmed"] = warmed  # type: ignore[assignment]
    row["load"] = os.getloadavg()[0]
    if ours:
        after = metrics(base)
        diff = {key: after[key] - before.get(key, 0.0) for key in after}
        row["fallbacks"] = sum(v for k, v in diff.items() if k.startswith("hotline_nlu_fallbacks"))
        row["rasa_timeouts"] = diff.get('hotline_nlu_fallbacks_total{reason="timeout"}', 0.0)
        cache = {k.split('"')[1]: v for k, v in diff.items() if "parse_cache" in k}
        asked = sum(cache.values())
        row["hit_rate"] = (cache.get("hit", 0) + cache.get("shared", 0)) / asked if asked else -1
        row["reasons"] = {k: v for k, v in diff.items() if "fallbacks" in k and v}  # type: ignore[assignment]
    print(f"  measured {name}: {row}", flush=True)
    return row


def hotline(tmp: Path, port: int, nlu: str, rasa_url: str = "", token: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "HOTLINE_STORE": f"sqlite:///{tmp}/{nlu}-{port}.db",
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU": nlu,
        "HOTLINE_RASA_URL": rasa_url,
        "HOTLINE_RASA_TOKEN": token,
        "HOTLINE_METRICS_TOKEN": METRICS_TOKEN,
    }
