"""``cdsdesk gui`` (or ``cdsdesk`` alone): open the window."""

from __future__ import annotations


def register(sub):  # noqa: ANN001
    p = sub.add_parser("gui", help="mở cửa sổ ứng dụng / open the window")
    p.add_argument("--demo-if-empty", action="store_true",
                   help="nạp dữ liệu mẫu nếu cơ sở dữ liệu trống / load the demo into an empty database")
    return p


def run(args) -> int:  # noqa: ANN001
    from ..app import run_gui  # the only command that imports Qt

    return run_gui(args.db, demo_if_empty=getattr(args, "demo_if_empty", False))
