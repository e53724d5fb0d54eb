"""The classroom tools' errors: each message is one line meant for the person at the keyboard."""

from __future__ import annotations


class ClassroomError(Exception):
    """Bad input to a classroom command (unknown role, unreadable save, unwritable file)."""


class PdfUnavailable(ClassroomError):
    """PDF output needs WeasyPrint and its Pango libraries, and they are not installed here."""
