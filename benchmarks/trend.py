"""The trend check: every figure more than 20% worse than in the last committed results."""

from __future__ import annotations

from typing import Any

THRESHOLD = 0.20


def worse(old: dict[str, Any], new: dict[str, Any], threshold: float = THRESHOLD) -> list[str]:
    """Lines naming each figure (lower is better: times, ratios, memory) that grew by more than
    ``threshold`` between two results documents (``{"figures": {key: {"value", "ratio"}}}``)."""
    out = []
    old_f, new_f = old.get("figures", {}), new.get("figures", {})
    for key, fig in new_f.items():
        before = old_f.get(key)
        if not before:
            continue
        for field in ("value", "ratio"):
            a, b = before.get(field), fig.get(field)
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0 and b > a * (1 + threshold):
                out.append(f"{fig.get('label', key)}: {field} {a:g} → {b:g} ({(b / a - 1) * 100:+.0f}%)")
    return out
