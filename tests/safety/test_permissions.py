"""A read-only file, a read-only folder and a vanished folder, as an ordinary (non-root) user:
root ignores file permissions, so these run in a child process under a plain account."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import faultkit  # noqa: E402

pytestmark = [pytest.mark.sqlite_only,
              pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and accounts")]
HERE = Path(__file__).parent
ROOT = HERE.parents[1]
USER = "cdsdesk-tester"


def _site_packages() -> str:
    import sqlalchemy

    return str(Path(sqlalchemy.__file__).parents[1])


def _runner() -> tuple[list[str], dict, dict] | str:
    """(command prefix, Popen user kwargs, env) to run Python as a non-root user, or why not."""
    env = {"PATH": "/usr/bin:/bin", "CDSDESK_USER": "tester", "LANG": "C.UTF-8"}
    if os.geteuid() != 0:
        return [sys.executable], {}, {**os.environ, **env}
    import pwd

    try:
        pwd.getpwnam(USER)
    except KeyError:
        r = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return f"cannot create the non-root user {USER}: {r.stderr.strip()}"
    user = {"user": USER, "group": pwd.getpwnam(USER).pw_gid, "extra_groups": []}
    path = os.pathsep.join([_site_packages(), str(ROOT)])
    for exe in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        try:
            probe = subprocess.run([exe, "-c", "import cdsdesk.store.session, sqlalchemy"], capture_output=True,
                                   env={**env, "PYTHONPATH": path, "HOME": "/tmp"}, cwd="/", **user)
        except OSError:
            continue
        if probe.returncode == 0:
            return [exe], user, {**env, "PYTHONPATH": path, "HOME": "/tmp"}
    return (f"no Python interpreter with the project's packages is readable by {USER} "
            f"({sys.executable} lives under a private folder)")


RUNNER = _runner()
if isinstance(RUNNER, str):
    pytestmark.append(pytest.mark.skip(reason=RUNNER))


def run_as_user(*args: str) -> dict:
    prefix, user, env = RUNNER
    r = subprocess.run([*prefix, str(HERE / "faultkit.py"), *args], capture_output=True, text=True, timeout=120,
                       env=env, cwd="/", **user)
    assert "Traceback" not in r.stderr, r.stderr
    return json.loads(r.stdout)


@pytest.fixture
def user_folder():
    folder = Path(tempfile.mkdtemp(prefix="cdsdesk-perm-"))
    yield folder
    for p in [folder, *folder.rglob("*")]:
        try:
            os.chmod(p, 0o700)
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def give(folder: Path) -> None:
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam(USER)
        for p in [folder, *folder.rglob("*")]:
            os.chown(p, pw.pw_uid, pw.pw_gid)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("folder_writable", [True, False], ids=["file", "file-and-folder"])
def test_read_only_database_opens_for_reading_and_refuses_writes(folder_writable, user_folder, record_count):
    data = user_folder / "Dữ liệu"
    data.mkdir()
    path = data / "chỉ đọc.db"
    faultkit.seed(path)
    give(user_folder)
    path.chmod(0o444)
    if not folder_writable:
        data.chmod(0o555)
    before = sha(path)
    out = run_as_user("readonly", str(path))
    assert out.get("read_only") is True, out
    assert any("read-only" in n for n in out["notices"])
    assert out["tasks"] == faultkit.N_TASKS
    assert "read-only" in out["error_en"] and "chỉ cho phép đọc" in out["error_vi"]
    assert sha(path) == before
    record_count("read-only database as a non-root user", 1)


def test_vanished_folder_is_reported_not_written_into_the_void(user_folder, record_count):
    data = user_folder / "USB"
    data.mkdir()
    path = data / "cdsdesk.db"
    faultkit.seed(path)
    give(user_folder)
    out = run_as_user("vanish", str(path))
    assert out["tasks"] == faultkit.N_TASKS
    assert "ok" not in out, "a write into a deleted folder must not look saved"
    assert "no longer there" in out["error_en"] and "Không còn tìm thấy" in out["error_vi"]
    assert not data.exists()
    record_count("vanished folder as a non-root user", 1)
