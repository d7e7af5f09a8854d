"""``cdsdesk demo``: load the demo province (refuses a database that already holds data)."""

from __future__ import annotations

from ..domain.errors import UsageError
from .output import open_db, print_json


def register(sub):  # noqa: ANN001
    p = sub.add_parser("demo", help="nạp dữ liệu mẫu tỉnh Tuyên Quang / load the demo province")
    p.add_argument("--force", action="store_true",
                   help="thay toàn bộ dữ liệu bằng dữ liệu mẫu (sau khi sao lưu) / replace all data with the demo (after a backup)")
    p.add_argument("--scale", choices=["demo", "large"], default="demo",
                   help="'large': tỉnh cỡ lớn cho đo hiệu năng / a province-scale data set for benchmarks")
    p.add_argument("--seed", type=int, default=1, help="hạt giống cho --scale large / seed for --scale large")
    return p


def run(args) -> int:  # noqa: ANN001
    db = open_db(args, create=True)
    try:
        if args.scale == "large":
            try:
                from ..services.scale import generate
            except ImportError:
                raise UsageError("Bộ sinh dữ liệu lớn chưa có trong bản này",
                                 "The large data generator is not in this build") from None
            result = generate(db, seed=args.seed)
        else:
            from ..services.demo import load_demo

            result = load_demo(db, force=args.force)
        if args.json:
            print_json(result)
        else:
            print(f"Đã nạp dữ liệu mẫu vào / demo loaded into {db.display_name()}")
            for k, v in result.items():
                print(f"  {k}: {v}")
    finally:
        db.dispose()
    return 0
