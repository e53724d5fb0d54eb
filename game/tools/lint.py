"""`foxbat lint`: every problem in a story, grouped by file, as a compiler would print them."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from game.engine import ParseCache, Problem, check_story, escape_controls, summarize

from . import quotes


def lint_story(root: Path | str, check_sources: bool = True, sources: Path | None = None,
               cache: ParseCache | None = None) -> list[Problem]:
    """Loader, reference and story checks, plus quote checks against the source documents.

    The documents are the folder `sources` when given (it holds seeds/ and sources/), else a
    shared/ folder found beside the story. When none is found, W123 says the quotes went
    unchecked, so an invented quote never passes in silence. With a parse cache, files unchanged
    since the last lint or play are not parsed again, and a role whose choices, conditions and
    effects are unchanged takes its play-search findings from the last lint (flowcache.py, in
    the same folder).
    """
    root = Path(root)
    story, problems = check_story(root, cache)
    if story is not None:
        from . import checks  # the graph and content checks of the writer tooling

        flow = None
        if cache is not None:
            from .flowcache import FlowCache

            flow = FlowCache(cache.folder, root)
            if story.root is not None and (story.root / "i18n").is_dir():
                from .catalogs import read_catalogs

                read_catalogs(story.root, cache, story.language)  # unchanged translation files are not parsed either
        problems.extend(checks.run_checks(story, flow))
        if flow is not None:
            flow.save()
        if check_sources:
            shared = sources if sources is not None else quotes.find_shared(root)
            if shared is not None:
                problems.extend(quotes.check_quotes(story, shared))
            elif any(True for _ in quotes.all_quotes(story)):
                problems.append(quotes.unchecked(root))
    return sorted(problems, key=lambda p: (p.location.path, p.location.line, p.location.column, p.code))


def print_problems(problems: list[Problem], stream: TextIO, colour: bool | None = None) -> None:
    """Problems grouped by file, coloured on a terminal, ending with the count."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.location.path].append(problem)
    plain = colour is False or (colour is None and not _is_terminal(stream))
    console = None
    if not plain:
        from rich.console import Console  # only for colour on a terminal (a fifth of lint's imports)

        console = Console(file=stream, force_terminal=colour, no_color=colour is False, highlight=False,
                          soft_wrap=True)
        plain = not console.is_terminal
    if plain:
        # The same lines without styles, written at once: rich spends ~0.2 ms a line, which
        # is 10 s for a story with an error in each of 50,000 scenes.
        lines = []
        for path, found in by_file.items():
            lines.append(escape_controls(path))
            lines.extend(problem.format() for problem in found)
        lines.append(summarize(problems))
        stream.write("\n".join(lines) + "\n")
        return
    for path, found in by_file.items():
        console.print(f"[bold]{shown(path)}[/bold]")
        for problem in found:
            style = "red" if problem.is_error else "yellow"
            label = shown(f"{problem.severity.value}[{problem.code}]")
            console.print(f"{shown(str(problem.location))}: [{style}]{label}[/{style}]: {shown(problem.message)}")
            if problem.hint:
                console.print(f"  [dim]hint: {shown(problem.hint)}[/dim]")
    closing = summarize(problems)
    style = "red" if any(p.is_error for p in problems) else ("yellow" if problems else "green")
    console.print(f"[{style}]{closing}[/{style}]")


def _is_terminal(stream: TextIO) -> bool:
    """Whether rich could treat the stream as a terminal (it may still decide otherwise, see print_problems)."""
    import os

    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def shown(text: str) -> str:
    """Text for the console: control characters written as escapes, rich markup escaped."""
    from rich.markup import escape

    return escape(escape_controls(text))


def problems_as_json(problems: list[Problem]) -> str:
    """The problems as a JSON document for other tools."""
    return json.dumps({
        "problems": [p.to_dict() for p in problems],
        "errors": sum(p.is_error for p in problems),
        "warnings": sum(not p.is_error for p in problems),
    }, ensure_ascii=False, indent=2)
