"""Issue 15's table in one run: the message path under load, configuration by configuration.

Each configuration is started on a free loopback port, warmed up on the texts it will be sent
(the development split's 343 citizen messages: each once, then a few seconds of wrk; see
wrk_load.py), then measured with wrk (2 threads, 32 connections, every request from a new
sender), so a row measures the message path rather than each text's first sight (the distinct
rows still send texts never seen: they measure first sights):

- a bare aiohttp handler answering the same JSON (the ceiling);
- `hotline serve`, SQLite + the local NLU;
- the `make run` configuration: SQLite + Rasa (`rasa run --enable-api` with the model of
  `hotline nlu train`, as scripts/rasa_server.sh starts it), with `--rasa-servers 2` also two
  Rasa processes taken in turn; and with every text made distinct, so the parse cache never
  answers, once with our batch parse channel and once without it (one text per request);
- Rasa 3.6's own REST channel with 5 FAQ rules (benchmarks/rasa_peer.py), the peer.

For our server /metrics gives the NLU fallbacks (Rasa timeouts, queue deadlines, an open
breaker) and the parse cache's hit rate during the measured run. For the local NLU rows it also
prints the CPU time our server (its worker processes included) used per message.

`--only-serve` measures only the ceiling and `hotline serve` with the local NLU, `--rounds N`
times, alternating with `--before CHECKOUT` (the same row from another checkout, e.g. the code
before a change) and with `--workers N` (`hotline serve --workers N` on the same SQLite file);
`--only-distinct` only the distinct row, `--rounds N` times, alternating the same way with
`--before` (our server from either checkout, the same Rasa processes). `--cold` warms every
row up on other texts instead (the measured window then includes each text's first sight, as
before round 14); `--cold-too` adds a cold row for each `hotline serve` row of `--only-serve`.
Run: `.venv/bin/python benchmarks/configurations.py [--seconds 20] [--rasa-servers 2]
[--only-serve --rounds 3 --before /path/to/old/checkout --workers 2 --cold-too]
[--only-distinct] [--cold]`.
The Rasa rows print the CPU our server and the Rasa processes used per message, and how busy
the whole machine was during the measured run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from aiohttp import web
from rasa_peer import serve as serve_peer
from rasa_peer import trained as peer_model
from wrk_load import ceiling_app, cold_texts, hotline, lua_script, measure, running, texts

from hotline.bot.nlu import rasa_training
from hotline.bot.nlu.config import NluConfig
from hotline.bot.nlu.rasa_runtime import train_model
from hotline.bot.nlu.rasa_server import RasaServer, free_port


def ceiling_and_serve(args: argparse.Namespace, tmp: Path, round_: int = 0) -> list[dict]:
    """The ceiling, then `hotline serve` with the local NLU: this checkout, and the variants
    asked for (another checkout, several workers), in an order that alternates by round."""
    rows = []
    port = free_port()
    ceiling = [sys.executable, __file__, "--serve-ceiling", str(port)]
    with running(
        ceiling, dict(os.environ), tmp / "ceiling.log", f"http://127.0.0.1:{port}/webhooks/rest/"
    ) as pid:
        base = f"http://127.0.0.1:{port}"
        rows.append(measure("bare aiohttp handler (ceiling)", base, args, pid=pid, cold=args.cold))
    here = Path(__file__).resolve().parent.parent
    model = Path(os.environ.get("HOTLINE_NLU_MODEL_DIR", here / "var" / "nlu"))
    variants = [("hotline serve, SQLite + local NLU", here, 1, args.cold)]
    if args.before:
        variants.insert(0, ("the same, before (--before)", args.before.resolve(), 1, args.cold))
    if args.workers > 1:
        variants.append((f"hotline serve --workers {args.workers}", here, args.workers, args.cold))
    if args.cold_too:
        variants = [(v[0], v[1], v[2], cold) for v in variants for cold in (False, True)]
    for name, root, workers, cold in variants if round_ % 2 == 0 else variants[::-1]:
        port = free_port()
        env = {
            **hotline(tmp, port, "local"),
            "HOTLINE_STORE": f"sqlite:///{tmp}/local-{round_}-{len(rows)}.db",
            "HOTLINE_NLU_MODEL_DIR": str(model.resolve()),
            "HOTLINE_MEDIA_DIR": str(tmp / "media"),
            "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
        }
        serve = [sys.executable, "-m", "hotline.cli", "serve"]
        serve += ["--workers", str(workers)] if workers > 1 else []
        ready = f"http://127.0.0.1:{port}/readyz"
        # Started in the checkout: `python -m` puts the working directory first on sys.path.
        with running(serve, env, tmp / "local.log", ready, cwd=root) as pid:
            name += ", cold" if cold else ""
            rows.append(measure(name, f"http://127.0.0.1:{port}", args, pid=pid, cold=cold))
    return rows


def run(args: argparse.Namespace, tmp: Path) -> list[dict]:
    rows = []
    for round_ in range(0 if args.only_distinct else args.rounds):
        rows += ceiling_and_serve(args, tmp, round_)
    if args.only_serve:
        return rows
    serve = [sys.executable, "-m", "hotline.cli", "serve"]
    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    config = NluConfig(backend="rasa", rasa_work_dir=str(args.rasa_work_dir))
    model = asyncio.run(train_model(config, [], progress=lambda line: None)).path
    variants = [(1, True), (1, False)] + (
        [(args.rasa_servers, True)] if args.rasa_servers > 1 else []
    )
    if args.only_distinct:
        variants = [(args.rasa_servers, True)]
    for servers, batch in variants:
        rasas = [
            RasaServer(env, model, work_dir=args.rasa_work_dir, batch=batch) for _ in range(servers)
        ]
        token = rasas[0].token
        for rasa in rasas:
            rasa.token = token
            rasa.spawn()
        try:
            for rasa in rasas:
                rasa.wait_ready(300)
            urls = ",".join(rasa.url for rasa in rasas)
            if args.only_distinct:
                rows += distinct_rounds(args, tmp, urls, token, rasas)
                continue
            port = free_port()
            environ = hotline(tmp, port, "rasa", urls, token)
            log = tmp / f"rasa-{servers}-{batch}.log"
            with running(serve, environ, log, f"http://127.0.0.1:{port}/readyz") as pid:
                base = f"http://127.0.0.1:{port}"
                pids = {
                    "pid": pid,
                    "rasa_pids": tuple(r.process.pid for r in rasas if r.process),
                    "cold": args.cold,
                }
                if not batch:
                    label = "make run, Rasa without the batch channel, every text distinct"
                    rows.append(measure(label, base, args, distinct=True, **pids))  # type: ignore[arg-type]
                    continue
                label = "" if servers == 1 else f", {servers} Rasa processes"
                rows.append(measure(f"make run, SQLite + Rasa{label}", base, args, **pids))  # type: ignore[arg-type]
                if servers == 1:
                    label = f"make run, every text distinct (no cache hits){label}"
                    rows.append(measure(label, base, args, True, **pids))  # type: ignore[arg-type]
            if "training a Rasa model" in log.read_text(errors="replace"):
                print("  WARNING: the bot retrained Rasa during the run; see", log)
        finally:
            for rasa in rasas:
                rasa.terminate()
    if args.only_distinct:
        return rows
    peer_dir = args.peer_dir or tmp / "peer"
    peer_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    peer = serve_peer(peer_dir, peer_model(peer_dir), port, tmp / "peer.log")
    try:
        base = f"http://127.0.0.1:{port}"
        rows.append(
            measure("Rasa 3.6 REST channel, 5 FAQ rules (peer)", base, args, cold=args.cold)
        )
    finally:
        os.killpg(peer.pid, 15)
        peer.wait(30)
    return rows


def distinct_rounds(
    args: argparse.Namespace, tmp: Path, urls: str, token: str, rasas: list[RasaServer]
) -> list[dict]:
    """`--only-distinct`: the distinct row `--rounds` times on the same Rasa servers, this
    checkout and `--before`'s alternating (each server process a fresh parse cache)."""
    here = Path(__file__).resolve().parent.parent
    checkouts = [("make run, every text distinct (no cache hits)", here)]
    if args.before:
        checkouts.append(
            ("make run, every text distinct, before (--before)", args.before.resolve())
        )
    rows = []
    for round_ in range(args.rounds):
        for name, root in checkouts if round_ % 2 == 0 else checkouts[::-1]:
            port = free_port()
            environ = {
                **hotline(tmp, port, "rasa", urls, token),
                "HOTLINE_STORE": f"sqlite:///{tmp}/distinct-{round_}-{len(rows)}.db",
                # Both checkouts read this checkout's local model and Rasa work directory.
                "HOTLINE_NLU_MODEL_DIR": str((here / "var" / "nlu").resolve()),
                "HOTLINE_RASA_WORK_DIR": str(args.rasa_work_dir.resolve()),
                "HOTLINE_MEDIA_DIR": str(tmp / "media"),
                "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
            }
            serve = [sys.executable, "-m", "hotline.cli", "serve"]
            log = tmp / f"distinct-{round_}.log"
            ready = f"http://127.0.0.1:{port}/readyz"
            with running(serve, environ, log, ready, cwd=root) as pid:
                rasa_pids = tuple(r.process.pid for r in rasas if r.process)
                base = f"http://127.0.0.1:{port}"
                pids = {"pid": pid, "rasa_pids": rasa_pids}
                rows.append(measure(name, base, args, True, cold=args.cold, **pids))  # type: ignore[arg-type]
    return rows


def table(rows: list[dict]) -> None:
    columns = "configuration | msg/s | p50 | p99 | errors | NLU fallbacks (Rasa timeouts)"
    cpu = "server CPU a message (threads: loop / SQLite / other, us)"
    cpu += " | Rasa CPU a message | machine busy"
    print(f"\n| {columns} | cache hits | {cpu} | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        rate = row["requests"] / row["seconds"]
        errors = f"{row['errors']:.0f}, {row['timeouts']:.0f} timeouts, {row['status']:.0f} non-2xx"
        nlu = f"{row['fallbacks']:.0f} ({row['rasa_timeouts']:.0f})" if "fallbacks" in row else ""
        hits = f"{row['hit_rate']:.0%}" if row.get("hit_rate", -1) >= 0 else ""
        cpu = f"{row['cpu']:.2f} ms" if "cpu" in row else ""
        if "loop_us" in row:
            cpu += f" ({row['loop_us']:.0f} / {row['sqlite_us']:.0f} / {row['other_us']:.0f})"
        rasa = f"{row['rasa_cpu']:.2f} ms" if "rasa_cpu" in row else ""
        print(
            f"| {row['name']} | {rate:,.0f} | {row['p50'] / 1000:.1f} ms | "
            f"{row['p99'] / 1000:.1f} ms | {errors} | {nlu} | {hits} | {cpu} | {rasa} | "
            f"{row['busy']:.0%} | {row['load']:.1f} |"
        )
    for warmed in dict.fromkeys(row["warmed"].split(" (")[0] for row in rows):
        print(f"warm-up of the rows, {warmed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warm-seconds", type=int, default=5)
    parser.add_argument("--rasa-servers", type=int, default=1)
    parser.add_argument("--rasa-work-dir", type=Path, default=Path("var/rasa"))
    parser.add_argument("--peer-dir", type=Path, help="keep the peer's trained project here")
    parser.add_argument("--only-serve", action="store_true", help="no Rasa rows, no peer")
    parser.add_argument(
        "--only-distinct", action="store_true", help="only `make run` with every text distinct"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="ceiling and serve rows (or the distinct row), again"
    )
    parser.add_argument(
        "--before", type=Path, help="another checkout's serve (or distinct) row beside ours"
    )
    parser.add_argument("--workers", type=int, default=1, help="a `serve --workers N` row too")
    parser.add_argument(
        "--cold", action="store_true", help="warm up on other texts: first sights measured"
    )
    parser.add_argument(
        "--cold-too", action="store_true", help="each serve row also cold (--only-serve)"
    )
    parser.add_argument("--serve-ceiling", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_ceiling:
        web.run_app(ceiling_app(), host="127.0.0.1", port=args.serve_ceiling, print=None)
        return
    print(f"load before: {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        args.texts = texts("dev")
        args.script = lua_script(tmp / "dev.lua", args.texts)
        args.cold_texts = cold_texts(args.texts)
        args.cold_script = lua_script(tmp / "cold.lua", args.cold_texts)
        warm = "each text once, then" if not args.cold else "other texts,"
        print(f"warm-up before each measured window: {warm} {args.warm_seconds} s of wrk")
        rows = run(args, tmp)
    print(f"load after: {os.getloadavg()}; measured {len(texts('dev'))} distinct messages")
    table(rows)


if __name__ == "__main__":
    main()
