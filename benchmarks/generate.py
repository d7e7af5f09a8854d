"""Generate the province-scale data set: ``python benchmarks/generate.py [--seed N] [--scale F] [OUT]``.

Without OUT it fills (or reuses) the benchmarks' cache, ``benchmarks/.cache/large-<seed>-<fingerprint>.sqlite``.
The same data set is also ``cdsdesk demo --scale large --db FILE``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", nargs="?", help="database file to create (default: the benchmarks' cache)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scale", type=float, default=1.0, help="fraction of the tasks and indicators (1 = full size)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument("--hash", action="store_true", help="print the content hash as well")
    args = p.parse_args(argv)
    from cdsdesk.services.scale import content_hash, generate

    if args.out is None:
        from largedb import large_db

        path, took = large_db(args.seed, args.scale)
        result: dict = {"path": str(path), "seconds": took, "cached": took is None}
    else:
        path = Path(args.out)
        if path.exists():
            if not args.force:
                print(f"{path} exists (use --force to replace it)", file=sys.stderr)
                return 2
            for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                extra.unlink(missing_ok=True)
        t0 = time.perf_counter()
        counts = generate(path, seed=args.seed, scale=args.scale)
        result = {"path": str(path), "seconds": round(time.perf_counter() - t0, 2), "counts": counts}
    if args.hash:
        result["content_hash"] = content_hash(path)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
