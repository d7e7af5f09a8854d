"""The ``cdsdesk`` command line: ``cdsdesk [--db PATH] COMMAND …``; no command opens the window.

Each command is a module with ``register(subparsers)`` and ``run(args) -> int``. Errors a user
can fix print one line (Vietnamese / English) and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback

from ..domain.errors import UserError

#: Command modules under cdsdesk.cli, in the order `--help` lists them.
COMMANDS = [
    "init",
    "demo",
    "plans",
    "summary",
    "tasks",
    "agencies",
    "indicators",
    "update",
    "form",
    "import_cmd",
    "package",
    "export",
    "gui",
    "backup",
    "restore",
    "check",
]

log = logging.getLogger("cdsdesk")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, f"{self.prog}: lỗi tham số / usage error: {message}\n")


def add_common(p: argparse.ArgumentParser) -> None:
    """Options every command accepts after its name too (``cdsdesk plans --json --db X``)."""
    p.add_argument("--db", dest="db_sub", metavar="PATH", default=argparse.SUPPRESS,
                   help="tệp SQLite hoặc URL SQLAlchemy / SQLite file or SQLAlchemy URL")
    p.add_argument("--json", dest="json_sub", action="store_true", default=argparse.SUPPRESS,
                   help="kết quả dạng JSON / JSON output")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cdsdesk",
        description="Theo dõi nhiệm vụ, chỉ tiêu chuyển đổi số / Digital-transformation task and indicator tracker",
    )
    parser.add_argument("--db", metavar="PATH",
                        help="tệp cơ sở dữ liệu hoặc URL (mặc định: CDSDESK_DB hoặc thư mục dữ liệu người dùng) "
                             "/ database file or URL (default: CDSDESK_DB or the user data folder)")
    parser.add_argument("--json", action="store_true", help="kết quả dạng JSON / JSON output")
    parser.add_argument("--lang", choices=["vi", "en"], default=None, help="ngôn ngữ thông báo / message language")
    parser.add_argument("--version", action="version", version=f"cdsdesk {__import__('cdsdesk').__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        mod = importlib.import_module(f".{name}", __package__)
        p = mod.register(sub)
        add_common(p)
        p.set_defaults(_run=mod.run)
    return parser


def _normalise(args: argparse.Namespace) -> argparse.Namespace:
    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    if getattr(args, "json_sub", False):
        args.json = True
    return args


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = _normalise(parser.parse_args(argv))
    if not args.command:
        from . import gui

        args.demo_if_empty = False
        return gui.run(args)
    try:
        return int(args._run(args) or 0)
    except UserError as exc:
        print(f"cdsdesk: {exc.message(args.lang)}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `cdsdesk tasks --json | head`: the reader went away, not an error
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        print("cdsdesk: đã dừng / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, details in the log
        from .output import write_crash_log

        path = write_crash_log(traceback.format_exc())
        print(f"cdsdesk: lỗi không mong đợi / unexpected error: {type(exc).__name__}: {exc}"
              + (f" (chi tiết / details: {path})" if path else ""), file=sys.stderr)
        return 1
