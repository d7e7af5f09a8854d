"""Vietnamese text: NFC normalisation, diacritic-insensitive folding and a collation key.

``fold`` serves search: ``chuyen doi so`` finds ``Chuyển đổi số``, ``d`` matches ``đ``, and the
old and new tone placements (``hoà`` / ``hòa``) fold alike.  ``sort_key`` gives a plain string
whose code-point order is Vietnamese dictionary order (a ă â b c d đ e ê …, tones as a secondary
level), so it can be stored in a column and sorted by SQL or by ``sorted()`` without Qt.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")

# Combining marks that make a new letter (primary difference) …
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# … and the five tones (secondary difference), in dictionary order.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_MODIFIED = {
    ("a", _BREVE): "ă", ("a", _CIRCUMFLEX): "â", ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô", ("o", _HORN): "ơ", ("u", _HORN): "ư",
}


def nfc(text: str | None) -> str:
    """Text normalised to NFC with surrounding whitespace removed (None → "")."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text)).strip()


def fold(text: str | None) -> str:
    """Lower-case, diacritics removed, ``đ`` → ``d``, whitespace collapsed: the search key."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch in "đĐ":
            ch = "d"
        out.append(ch)
    return _WS.sub(" ", "".join(out).lower()).strip()


def _letter(ch: str) -> tuple[str, int, bool]:
    """(base letter with its modifier, tone rank, is_upper) of one NFC character."""
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    upper = base.isupper()
    base = base.lower()
    if base == "đ":
        return "đ", 0, upper
    tone = 0
    for m in marks:
        if m in _TONES:
            tone = _TONES[m]
        elif (base, m) in _MODIFIED:
            base = _MODIFIED[(base, m)]
    return base, tone, upper


#: Each character's three collation levels, worked out once (sort keys for 50,000 titles).
_KEY_PARTS: dict[str, tuple[str, str, str]] = {}


def _key_parts(ch: str) -> tuple[str, str, str]:
    base, tone, upper = _letter(ch)
    rank = _LETTER_RANK.get(base)
    if rank is not None:
        # Letters sort after digits and punctuation, as in a dictionary.
        primary = chr(0x3000 + rank)
    elif base.isdigit():
        primary = chr(0x2000 + ord(base))
    else:
        primary = base if ord(base) < 0x2000 else chr(0x2F00)
    parts = (primary, chr(0x41 + tone), "1" if upper else "0")
    if len(_KEY_PARTS) < 20000:
        _KEY_PARTS[ch] = parts
    return parts


def _letters(text: str):
    """Yield (base letter with its modifier, tone rank, is_upper) for each character."""
    for ch in unicodedata.normalize("NFC", text):
        yield _letter(ch)


def sort_key(text: str | None) -> str:
    """A string whose plain ordering is Vietnamese collation order (case- and tone-aware)."""
    if not text:
        return ""
    cache = _KEY_PARTS
    parts = [cache.get(ch) or _key_parts(ch) for ch in unicodedata.normalize("NFC", _WS.sub(" ", str(text)).strip())]
    if not parts:
        return "\x01\x01"
    primary, secondary, tertiary = zip(*parts)
    return "".join(primary) + "\x01" + "".join(secondary) + "\x01" + "".join(tertiary)


def natural_code_key(code: str | None) -> tuple:
    """Orders codes like ``DA06-2`` before ``DA06-10``."""
    parts = re.split(r"(\d+)", code or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts if p)
