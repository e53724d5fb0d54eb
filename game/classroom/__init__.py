"""Printable documents for classrooms: a playthrough's debrief and the teacher's pack (engine only, no pygame)."""

from .errors import ClassroomError, PdfUnavailable

__all__ = ["ClassroomError", "PdfUnavailable"]
