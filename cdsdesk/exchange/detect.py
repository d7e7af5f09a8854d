"""Which importer reads a file: a small registry each importer adds one line to.

An importer is named by ``"module:Class"`` so that the registry imports nothing until a file is
looked at. ``detect`` asks each importer, in priority order, whether it recognises the file from a
``Probe`` (name, first bytes, zip member names, sheet names): cheap, safe, never a full parse.
"""

from __future__ import annotations

import importlib
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .safety import DEFAULT_LIMITS, ImportRejected, Limits, open_zip

if TYPE_CHECKING:
    from .importer import Importer

#: (priority, "module:Class"); lower priority is asked first. One line per importer.
REGISTRY: list[tuple[int, str]] = [
    (10, "cdsdesk.exchange.form_import:FormImporter"),
    (40, "cdsdesk.exchange.package_import:PackageImporter"),
    (60, "cdsdesk.exchange.dhis2:Dhis2Importer"),
    (70, "cdsdesk.exchange.csv_values:CsvValuesImporter"),
    (80, "cdsdesk.exchange.legacy:LegacyImporter"),
]


def register(spec: str, *, priority: int = 100) -> None:
    """Add an importer at run time (tests, plug-ins); the list above is the normal place."""
    if (priority, spec) not in REGISTRY:
        REGISTRY.append((priority, spec))


def _load(spec: str) -> "Importer":
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()


def importers() -> list["Importer"]:
    return [_load(spec) for _, spec in sorted(REGISTRY, key=lambda e: e[0])]


def importer_by_kind(kind: str) -> "Importer":
    for imp in importers():
        if imp.kind == kind:
            return imp
    raise ImportRejected(f"không có bộ nhập loại '{kind}'", f"no importer of kind '{kind}'")


@dataclass
class Probe:
    """What detection may look at. Zip limits are checked before any member name is read."""

    path: Path
    data: bytes
    limits: Limits = field(default=DEFAULT_LIMITS)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def head(self) -> bytes:
        return self.data[:4096]

    @property
    def is_zip(self) -> bool:
        return self.data[:4] == b"PK\x03\x04"

    @cached_property
    def zip_names(self) -> list[str] | None:
        """Member names of a zip archive (None if not one); raises ImportRejected if unsafe."""
        if not self.is_zip:
            return None
        zf = open_zip(self.data, source=self.name, limits=self.limits)
        try:
            return zf.namelist()
        finally:
            zf.close()

    @cached_property
    def sheet_names(self) -> list[str] | None:
        """Sheet names of an xlsx workbook, read from xl/workbook.xml with defusedxml."""
        names = self.zip_names
        if not names or "xl/workbook.xml" not in names:
            return None
        from defusedxml.ElementTree import fromstring

        try:
            with zipfile.ZipFile(_BytesIO(self.data)) as zf:
                root = fromstring(zf.read("xl/workbook.xml"))
        except Exception:  # any damage: leave it to the importer's full parse to explain
            return None
        out = []
        for el in root.iter():
            if el.tag.endswith("}sheet") or el.tag == "sheet":
                n = el.get("name")
                if n:
                    out.append(n)
        return out

    @cached_property
    def text_head(self) -> str | None:
        """The first 4 KB as text (UTF-8 or Windows-1258), None for binary data."""
        head = self.head
        if b"\x00" in head:
            return None
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:]
        try:
            return head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 3:  # a character cut at the 4 KB boundary
                return head[: exc.start].decode("utf-8", "replace")
            return head.decode("cp1258", "replace")


def _BytesIO(data: bytes):  # noqa: N802 - tiny alias keeps the import local
    import io

    return io.BytesIO(data)


def detect(probe: Probe) -> "Importer":
    """The importer that recognises the file, or ImportRejected saying what was expected."""
    # Loaded one by one, in priority order: a form does not load the other importers' modules.
    for _, spec in sorted(REGISTRY, key=lambda e: e[0]):
        imp = _load(spec)
        if imp.sniff(probe):
            return imp
    kinds_vi = ", ".join(i.label_vi for i in importers())
    kinds_en = ", ".join(i.label_en for i in importers())
    raise ImportRejected(
        f"không nhận ra loại tệp (cdsdesk nhập được: {kinds_vi})",
        f"unrecognised file type (cdsdesk imports: {kinds_en})",
        source=probe.name,
    )
