"""A corpus of damaged database files: truncated, bytes flipped in the structure, the journal of an
interrupted write deleted. Each is detected before anything is written, and the file (and any file
beside it) is byte-identical afterwards; ``cdsdesk check`` reports it too."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import faultkit  # noqa: E402

from cdsdesk.store.errors import DamagedDatabaseError  # noqa: E402
from cdsdesk.store.integrity import check_file  # noqa: E402
from cdsdesk.store.session import open_database  # noqa: E402

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]
FLIPS = faultkit.scaled(120, 1000)


def _pristine(folder: Path) -> Path:
    """A seeded database with some history, in rollback-journal mode, vacuumed (no free pages)."""
    path = folder / "pristine.db"
    faultkit.seed(path)
    db = open_database(path, daily_backup=False)
    for n in range(1, 4):
        faultkit.bulk_write(db, n, note_size=300)
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return _pristine(tmp_path_factory.mktemp("pristine"))


def _btree_pages(path: Path) -> tuple[list[int], int]:
    """Page numbers (1-based) of b-tree pages other than page 1."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        count = con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()
    data = path.read_bytes()
    return [p for p in range(2, count + 1) if data[(p - 1) * page_size] in (0x02, 0x05, 0x0A, 0x0D)], page_size


def _corpus(pristine: Path, folder: Path) -> list[tuple[str, Path]]:
    data = pristine.read_bytes()
    pages, page_size = _btree_pages(pristine)
    rng = random.Random(7)
    out: list[tuple[str, Path]] = []

    def write(name: str, blob: bytes) -> None:
        p = folder / f"{name}.db"
        p.write_bytes(blob)
        out.append((name, p))

    size = len(data)
    write("truncated-half", data[: size // 2])
    write("truncated-to-one-page", data[:page_size])
    write("truncated-last-page", data[: size - page_size])
    write("truncated-odd", data[: size - 1000])
    write("header-magic", b"SQLite format 4\x00" + data[16:])
    write("header-page-size", data[:16] + b"\x03\x00" + data[18:])
    write("zeroed-page-2", data[:page_size] + b"\x00" * page_size + data[2 * page_size:])
    with_cells = [p for p in pages if int.from_bytes(data[(p - 1) * page_size + 3:(p - 1) * page_size + 5], "big")]
    for i in range(FLIPS):
        blob = bytearray(data)
        kind = i % 4
        # A cell pointer only matters on a page that has cells; an empty page's array is free space.
        page = rng.choice(with_cells if kind == 2 else pages)
        base = (page - 1) * page_size
        if kind == 0:  # the page type byte
            blob[base] = rng.choice([0x00, 0x01, 0x07, 0x0B, 0xFF])
        elif kind == 1:  # the cell count: far more cells than the page can hold
            blob[base + 3:base + 5] = (0xFF00 | rng.randrange(256)).to_bytes(2, "big")
        elif kind == 2:  # the first cell pointer points outside the page
            hdr = 12 if blob[base] in (0x02, 0x05) else 8
            blob[base + hdr:base + hdr + 2] = (page_size + rng.randrange(1, 4000)).to_bytes(2, "big")[-2:]
            if int.from_bytes(blob[base + hdr:base + hdr + 2], "big") < page_size:
                blob[base + hdr:base + hdr + 2] = b"\xff\xff"
        else:  # garbage over the page header and cell pointer array
            blob[base:base + 16] = bytes(rng.randrange(256) for _ in range(16))
            blob[base] = 0x63  # not a page type
        write(f"flip-{i:03d}-page{page}-kind{kind}", bytes(blob))

    # An interrupted write whose rollback journal was deleted: the file holds half a transaction.
    jd = folder / "journal-deleted.db"
    shutil.copyfile(pristine, jd)
    con = sqlite3.connect(jd, isolation_level=None)
    con.execute("PRAGMA cache_size=5")  # spill changed pages into the file before the commit
    con.execute("BEGIN")
    con.execute("UPDATE status_updates SET note = note || note, reporter = 'x' || reporter")
    con.execute("UPDATE tasks SET title = title || ' (sửa)', search_text = search_text || search_text")
    assert Path(str(jd) + "-journal").exists()
    crashed = folder / "journal-deleted-copy.db"
    shutil.copyfile(jd, crashed)  # what the disk holds at the crash; the journal is then lost
    con.execute("ROLLBACK")
    con.close()
    jd.unlink()
    out.append(("journal-deleted", crashed))
    return out


def _digest(path: Path) -> dict[str, str]:
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_every_damaged_file_is_detected_before_any_write(pristine, tmp_path, record_count):
    assert check_file(pristine, full=True).ok
    corpus = _corpus(pristine, tmp_path)
    missed = []
    for name, path in corpus:
        before = _digest(path)
        try:
            db = open_database(path)
        except DamagedDatabaseError as exc:
            assert "damaged" in exc.en and "hỏng" in exc.vi and exc.path == path
        else:
            db.dispose()
            missed.append(name)
        assert _digest(path) == before, f"{name}: the file changed"
        assert not (path.parent / (path.name + ".backups")).exists(), f"{name}: a backup was written"
    assert missed == []
    record_count("damaged files detected untouched", len(corpus))


def test_cdsdesk_check_reports_damage_and_passes_a_sound_file(pristine, tmp_path):
    from cdsdesk.cli.main import main

    corpus = dict(_corpus(pristine, tmp_path))
    bad = corpus["journal-deleted"]
    before = _digest(bad)
    assert main(["--db", str(bad), "check"]) != 0
    assert _digest(bad) == before
    good = tmp_path / "good.db"
    shutil.copyfile(pristine, good)
    assert main(["--db", str(good), "check"]) == 0
