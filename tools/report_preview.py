"""Render the first page of the demo's six-month report to docs/report-page1.png.

    python tools/report_preview.py [--out docs/report-page1.png] [--via-docx] [--dpi 80]

Loads the demo province into a temporary database, builds the report for 2024S1 as of
30/6/2024 (dated 10/7/2024), writes it as PDF (or as .docx converted by LibreOffice with
--via-docx) and rasterises page 1 with pdftoppm (poppler-utils)."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "report-page1.png")
    ap.add_argument("--via-docx", action="store_true", help="render the .docx through LibreOffice")
    ap.add_argument("--dpi", type=int, default=80)
    ap.add_argument("--pages", type=int, default=1, help="how many pages (page2.png … beside the first)")
    args = ap.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1

    from cdsdesk.domain.periods import Period
    from cdsdesk.reports import build_report
    from cdsdesk.reports.docx_render import render_docx
    from cdsdesk.reports.model import ReportSettings
    from cdsdesk.reports.pdf_render import render_pdf
    from cdsdesk.services.demo import load_demo
    from cdsdesk.store.session import open_database

    with tempfile.TemporaryDirectory(prefix="cdsdesk-preview-") as tmp_name:
        tmp = Path(tmp_name)
        db = open_database(tmp / "demo.db")
        try:
            load_demo(db)
            settings = ReportSettings(number="125", signer_name="Nguyễn Văn Sơn",
                                      signer_authority="TM. BAN CHỈ ĐẠO", signer_title="TRƯỞNG BAN")
            with db.session() as s:
                report = build_report(s, window=Period.parse("2024S1"), as_of=dt.date(2024, 6, 30),
                                      settings=settings, issued_on=dt.date(2024, 7, 10))
        finally:
            db.dispose()
        if args.via_docx:
            soffice = shutil.which("soffice") or shutil.which("libreoffice")
            if soffice is None:
                print("soffice not found: install LibreOffice or drop --via-docx", file=sys.stderr)
                return 1
            docx = render_docx(report, tmp / "bao-cao.docx")
            subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
                           check=True, capture_output=True)
            pdf = tmp / "bao-cao.pdf"
        else:
            pdf = render_pdf(report, tmp / "bao-cao.pdf")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        stem = args.out.with_suffix("")
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", str(args.pages),
                        str(pdf), str(tmp / "page")], check=True)
        pages = sorted(tmp.glob("page*.png"))
        shutil.copyfile(pages[0], args.out)
        for i, extra in enumerate(pages[1:], 2):
            shutil.copyfile(extra, stem.parent / f"{stem.name.replace('page1', f'page{i}')}.png")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
