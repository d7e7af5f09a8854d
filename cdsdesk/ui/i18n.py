"""The interface language: Vietnamese by default, English selectable.

Source strings in the code are English (``self.tr``); ``resources/translations/cdsdesk_vi.ts`` holds
the Vietnamese, compiled to ``.qm`` by ``tools/build_translations.py``. A string written in
Vietnamese in the code is translated the other way, by ``cdsdesk_en.ts``. ``qt_vi.ts`` translates the
few texts Qt itself draws (standard buttons, the line-edit menu), which Qt ships no Vietnamese for.
Numbers and dates follow vi_VN in both languages: the committee's figures are Vietnamese figures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..paths import resource

LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> str:
    """Install the translators for ``lang`` (replacing earlier ones); returns the language used."""
    lang = lang if lang in LANGUAGES else "vi"
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    names = ["cdsdesk_vi", "qt_vi"] if lang == "vi" else ["cdsdesk_en"]
    for name in names:
        tr = QTranslator(app)
        if tr.load(str(resource("translations", f"{name}.qm"))):
            app.installTranslator(tr)
            _installed.append(tr)
    app.setProperty("cdsdesk_lang", lang)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    return lang
