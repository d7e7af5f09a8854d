"""The house plan: Qt stays in ui/ and app.py; the core runs in a plain python with no display."""

import ast
import subprocess
import sys
from pathlib import Path

import cdsdesk

PKG = Path(cdsdesk.__file__).parent
QT_FREE = ["domain", "store", "services", "exchange", "reports", "cli"]
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:  # module level only: lazy imports inside functions are allowed
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_at_module_level_outside_ui():
    offenders = []
    for pkg in QT_FREE:
        for f in (PKG / pkg).rglob("*.py"):
            if set(QT) & _top_level_imports(f):
                offenders.append(str(f.relative_to(PKG)))
    assert offenders == []


def test_domain_imports_only_the_standard_library():
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for f in (PKG / "domain").rglob("*.py"):
        assert _top_level_imports(f) <= allowed, f


def test_core_and_cli_load_without_qt():
    code = (
        "import sys, importlib, pkgutil, cdsdesk\n"
        "for pkg in ['domain','store','services','exchange','reports','cli']:\n"
        "    m = importlib.import_module('cdsdesk.' + pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "from cdsdesk.cli.main import build_parser; build_parser()\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6','pyqtgraph','shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
