"""The `hotline` command: serve, train and try the NLU, import and export the FAQ.

Each command imports what it runs inside its function: `hotline nlu parse` should not pay for
loading the web app, the platforms' SDKs or Rasa's tooling (the import cycles test counts these
imports too).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from hotline.cli.sockets import ListenError, listening_sockets
from hotline.config import Settings
from hotline.handoff.users import Role
from hotline.log_secrets import hide_secrets


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    hide_secrets()
    settings = Settings.from_env()
    return int(args.run(settings, args) or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hotline", description="Tổng đài 1022 chatbot service")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="serve the hotline over HTTP")
    serve.add_argument("--host", help="address to listen on (HOTLINE_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (HOTLINE_PORT, default 8080)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes sharing the port (SO_REUSEPORT) and the store (default 1)",
    )
    serve.set_defaults(run=_serve)

    nlu = sub.add_parser("nlu", help="train, evaluate and try the NLU").add_subparsers(
        required=True, metavar="ACTION"
    )
    train = nlu.add_parser(
        "train", help="train the local NLU from its data (and Rasa's when HOTLINE_NLU=rasa)"
    )
    train.add_argument("--if-stale", action="store_true", help="only if data changed")
    train.set_defaults(run=_nlu_train)
    parse = nlu.add_parser("parse", help="parse lines from stdin into Rasa-style JSON lines")
    parse.set_defaults(run=_nlu_parse)
    evaluate = nlu.add_parser("evaluate", help="held-out accuracy of the local NLU")
    evaluate.add_argument("--test-fraction", type=float, default=0.2)
    evaluate.add_argument(
        "--rasa", action="store_true", help="Rasa and the local NLU side by side (trains Rasa)"
    )
    evaluate.add_argument(
        "--open-world",
        action="store_true",
        help="the frozen open-world split: wrong answers, help, forms (--backends local,rasa)",
    )
    evaluate.add_argument(
        "--split",
        default="test",
        help="with --open-world: dev to dev12, test, a union (dev+dev2+dev3), or a file",
    )
    evaluate.add_argument("--backends", default="local,rasa", help="with --open-world")
    evaluate.add_argument("--misses", action="store_true", help="with --open-world: list misses")
    evaluate.add_argument(
        "--rasa-parses",
        type=Path,
        help="with --open-world: replay Rasa's parses from this file (recorded there if missing)",
    )
    evaluate.set_defaults(run=_nlu_evaluate)

    faq = sub.add_parser("faq", help="import and export FAQ entries").add_subparsers(
        required=True, metavar="ACTION"
    )
    imp = faq.add_parser("import", help="import entries from a .yml/.yaml or .csv file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=_faq_import)
    exp = faq.add_parser("export", help="export entries to stdout")
    exp.add_argument("--format", choices=("yaml", "csv"), default="yaml")
    exp.set_defaults(run=_faq_export)
    hooks = sub.add_parser("webhooks", help="messaging platform webhooks").add_subparsers(
        required=True, metavar="ACTION"
    )
    hooks_set = hooks.add_parser("set", help="register HOTLINE_PUBLIC_URL with the platforms")
    hooks_set.set_defaults(run=_webhooks_set)
    user = sub.add_parser("user", help="agents, supervisors, admins, agencies").add_subparsers(
        required=True, metavar="ACTION"
    )
    add = user.add_parser("add", help="add a user; the password is read from stdin or asked")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--team", help="routing team (default: agents / supervisors)")
    add.add_argument("--agency", help="the agency of an agency user, as routing names it")
    add.add_argument(
        "--display-name", help='how citizens see them ("Lan" → "Tổng đài viên Lan"), not the login'
    )
    add.set_defaults(run=_user_add)
    token = user.add_parser("token", help="print a new bearer token for the APIs")
    token.add_argument("name")
    token.set_defaults(run=_user_token)
    listing = user.add_parser("tokens", help="list a user's bearer tokens (ids, expiry)")
    listing.add_argument("name")
    listing.set_defaults(run=_user_manage, action="tokens", value=None)
    revoke = user.add_parser("revoke", help="revoke a user's bearer tokens (all, or --token ID)")
    revoke.add_argument("name")
    revoke.add_argument("--token", dest="value", help="the id `hotline user tokens` shows")
    revoke.set_defaults(run=_user_manage, action="revoke")
    role = user.add_parser("role", help="change a user's role (ends their sessions and tokens)")
    role.add_argument("name")
    role.add_argument("value", metavar="ROLE", choices=[r.value for r in Role])
    role.set_defaults(run=_user_manage, action="role")
    for action, what in (("deactivate", "no more logins"), ("activate", "log in again")):
        state = user.add_parser(action, help=f"{what} (ends their sessions and tokens)")
        state.add_argument("name")
        state.set_defaults(run=_user_manage, action=action, value=None)
    password = user.add_parser("password", help="set a new password (stdin or asked)")
    password.add_argument("name")
    password.set_defaults(run=_user_manage, action="password", value=None)
    store = sub.add_parser("store", help="the hotline's database").add_subparsers(
        required=True, metavar="ACTION"
    )
    move = store.add_parser("migrate", help="copy all data between back ends (idempotent)")
    move.add_argument("--from", dest="source", help="store URL to read (default HOTLINE_STORE)")
    move.add_argument("--to", dest="target", required=True, help="store URL to write")
    move.set_defaults(run=_store_migrate)
    rotate = store.add_parser(
        "rotate-key", help="seal reporters and messages with a new key (hotline stopped)"
    )
    rotate.add_argument(
        "--new-key-file",
        type=Path,
        help="file holding the new Fernet key (default: a new key is made and printed)",
    )
    rotate.set_defaults(run=_store_rotate_key)
    return parser


def _store_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.store import migrate

    copied = asyncio.run(
        migrate(args.source or settings.store, args.target, lambda note: print(note, flush=True))
    )
    print(f"{copied} records copied to {args.target}")
    return 0


def _store_rotate_key(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.store import rotate_key
    from hotline.handoff.crypto import Cipher, load_or_create_key
    from hotline.runtime import key_file

    kept = key_file(settings)
    old = load_or_create_key(settings.secret_key, kept)
    new = args.new_key_file.read_text("ascii").strip() if args.new_key_file else Cipher.new_key()
    Cipher(new)  # refuse a malformed key before anything is written
    count = asyncio.run(rotate_key(settings.store, old, new, lambda n: print(n, flush=True)))
    print(f"{count} records sealed with the new key")
    if settings.secret_key:
        print("Set HOTLINE_SECRET_KEY on every worker to the new key before starting them:")
        print(new)
    else:
        kept.write_text(new + "\n", encoding="ascii")
        print(f"the new key is kept in {kept}; back it up with the database")
    return 0


def _webhooks_set(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.channels.registry import set_webhooks

    for note in asyncio.run(set_webhooks(settings)):
        print(note)
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    port = args.port or settings.port
    try:  # listen before the app is imported: connections wait in the backlog meanwhile
        sockets = listening_sockets(args.host or settings.host, port, max(args.workers, 1))
    except ListenError as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        return 2
    from hotline.cli.serve import serve

    return serve(settings, sockets, port, args.workers)


def _nlu_train(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.bot.nlu.training import model_is_stale, train

    model_dir = Path(settings.nlu_model_dir)
    if args.if_stale and not model_is_stale(model_dir):
        print(f"NLU model in {model_dir} is up to date")
    else:
        print(train(model_dir))
    if settings.nlu == "rasa":
        from hotline.bot.nlu.config import NluConfig
        from hotline.bot.nlu.rasa_runtime import train_model
        from hotline.cli.faq import published_entries

        entries = asyncio.run(published_entries(settings))  # on any store: SQLite or MongoDB
        model = asyncio.run(
            train_model(
                NluConfig.of(settings), entries, progress=lambda line: print(line, flush=True)
            )
        )
        print(f"Rasa model: {model.path}")
    return 0


def _nlu_parse(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.runtime import load_local_nlu

    nlu = asyncio.run(load_local_nlu(Path(settings.nlu_model_dir)))
    for line in sys.stdin:
        text = line.rstrip("\n")
        print(json.dumps(nlu.parse_sync(text).to_rasa(), ensure_ascii=False), flush=True)
    return 0


def _nlu_evaluate(settings: Settings, args: argparse.Namespace) -> int:
    import tempfile

    from hotline.bot.nlu.evaluate import evaluate_local, format_report

    if args.open_world:
        return _open_world(settings, args)
    if args.rasa:
        from hotline.bot.nlu import rasa_evaluate

        return rasa_evaluate.main([])
    with tempfile.TemporaryDirectory() as tmp:
        report = evaluate_local(Path(tmp), test_fraction=args.test_fraction)
    print(format_report(report))
    return 0


def _open_world(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.evaluation import openworld, report

    backends = [b for b in args.backends.split(",") if b]
    columns = asyncio.run(
        openworld.run(
            args.split,
            backends,
            Path(settings.rasa_work_dir),
            Path(settings.nlu_model_dir),
            args.rasa_parses,
        )
    )
    print(report.format_table(args.split, [c.scores for c in columns]))
    if args.misses:
        for column in columns:
            print()
            print(report.format_misses(column.scores.backend, column.misses))
    return 0


def _faq_import(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.faq import import_file

    return asyncio.run(import_file(settings, args.file))


def _faq_export(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.faq import export_all

    sys.stdout.write(asyncio.run(export_all(settings, args.format)))
    return 0


def _user_add(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.users import add_user, read_password

    try:
        password = read_password()
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    return asyncio.run(
        add_user(
            settings, args.name, args.role, args.team, args.agency, password, args.display_name
        )
    )


def _user_manage(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.users import manage, read_password

    value = args.value
    if args.action == "password":
        try:
            value = read_password()
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 1
    return asyncio.run(manage(settings, args.action, args.name, value))


def _user_token(settings: Settings, args: argparse.Namespace) -> int:
    from hotline.cli.users import issue_token

    return asyncio.run(issue_token(settings, args.name))


if __name__ == "__main__":
    sys.exit(main())
