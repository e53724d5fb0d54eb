"""Problems a story can have, located at file:line:col, and the error that carries them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable

from .controlchars import escape_controls


class Severity(str, Enum):
    """How bad a problem is: errors stop a story loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A place in a story file; line and column count from 1."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"

    def shifted(self, columns: int) -> "SourceLocation":
        """The same place moved right by `columns` characters."""
        return SourceLocation(self.path, self.line, self.column + columns)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a story, as a compiler would report it."""

    severity: Severity
    code: str
    location: SourceLocation
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        """True when this problem stops the story from loading."""
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """The one-line compiler form, with the hint on a second line when there is one."""
        line = f"{self.location}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            line += f"\n  hint: {self.hint}"
        return escape_controls(line)  # a message may quote a writer's text; never let it drive the terminal

    def to_dict(self) -> dict:
        """A JSON-ready description of this problem."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "hint": self.hint,
        }


def error(code: str, location: SourceLocation, message: str, hint: str = "") -> Problem:
    """An error-level problem."""
    return Problem(Severity.ERROR, code, location, message, hint)


def warning(code: str, location: SourceLocation, message: str, hint: str = "") -> Problem:
    """A warning-level problem."""
    return Problem(Severity.WARNING, code, location, message, hint)


def summarize(problems: Iterable[Problem]) -> str:
    """The closing count line, such as '2 errors, 1 warning'."""
    problems = list(problems)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A 'Did you mean ...?' suggestion for a misspelt name, or ''."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"Did you mean '{matches[0]}'?" if matches else ""


@dataclass
class StoryError(Exception):
    """Raised when a story cannot be loaded; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        lines = [p.format() for p in self.problems]
        lines.append(summarize(self.problems))
        return "\n".join(lines)

    @property
    def errors(self) -> list[Problem]:
        """Only the error-level problems."""
        return [p for p in self.problems if p.is_error]
