"""The large database the benchmarks share, generated once per seed and schema and kept in
``benchmarks/.cache/`` (not in git): ``large-<seed>-<fingerprint>.sqlite``."""

from __future__ import annotations

import os
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"


def cached_path(seed: int = 1, scale: float = 1.0) -> Path:
    from cdsdesk.services.scale import schema_fingerprint

    tag = "large" if scale == 1.0 else f"scale{scale:g}"
    return CACHE / f"{tag}-{seed}-{schema_fingerprint()}.sqlite"


def large_db(seed: int = 1, scale: float = 1.0, *, log=print) -> tuple[Path, float | None]:  # noqa: ANN001
    """The cached database (generated if missing) and the seconds generating it took (None: cached)."""
    from cdsdesk.services.scale import generate

    path = cached_path(seed, scale)
    if path.exists():
        return path, None
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{path.name.split('-')[0]}-{seed}-*.sqlite*"):
        if old.is_file():
            old.unlink()  # an older schema or generator: never used again
    tmp = path.with_name(path.name + ".part")
    for extra in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        extra.unlink(missing_ok=True)
    log(f"generating {path.name} (seed {seed}, scale {scale:g}) …")
    t0 = time.perf_counter()
    generate(tmp, seed=seed, scale=scale)
    took = time.perf_counter() - t0
    os.replace(tmp, path)
    built_seconds_path(path).write_text(f"{took:.1f}\n", encoding="utf-8")
    log(f"  done in {took:.1f} s")
    return path, took


def built_seconds_path(path: Path) -> Path:
    return path.with_name(path.name + ".seconds")


def built_seconds(path: Path) -> float | None:
    """How long generating the cached ``path`` took, when it was recorded."""
    try:
        return float(built_seconds_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
