"""Errors a user can act on, each with a Vietnamese and an English message."""

from __future__ import annotations


class UserError(Exception):
    """An error caused by input or state the user controls; shown as one line, never a traceback."""

    exit_code = 1

    def __init__(self, vi: str, en: str | None = None) -> None:
        self.vi = vi
        self.en = en or vi
        super().__init__(f"{vi} / {en}" if en else vi)

    def message(self, lang: str | None = None) -> str:
        """The message in one language, or both ("vi / en") when none is chosen."""
        if lang == "en":
            return self.en
        if lang == "vi" or self.en == self.vi:
            return self.vi
        return f"{self.vi} / {self.en}"


class NotFound(UserError):
    """A code or id that names nothing in the database."""


class ValidationError(UserError):
    """A value the model cannot hold (a percentage of 120, text where a number belongs)."""


class ConflictError(UserError):
    """Someone else changed the record since it was read (revision mismatch)."""


class UsageError(UserError):
    exit_code = 2
