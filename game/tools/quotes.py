"""Check that every quote in the story appears in the document it cites."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from game.safefiles import ReadRefused, read_bounded

from game.engine import LoadedStory, Problem, SourceLocation, display_path, error, iter_quotes, load_story, warning

_SPACES = re.compile(r"\s+")

#: The story's manifest, where a story-wide warning points.
MANIFEST = "story.yaml"


def normalize(text: str) -> str:
    """NFC and runs of whitespace (non-breaking spaces included) folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def find_shared(story_root: Path) -> Path | None:
    """The shared/ folder beside the project (seeds and research notes), if it is there."""
    for folder in [story_root.resolve(), *story_root.resolve().parents]:
        candidate = folder / "shared"
        if (candidate / "seeds").is_dir():
            return candidate
        candidate = folder.parent / "shared"
        if (candidate / "seeds").is_dir():
            return candidate
    return None


#: A source document past this size is not read (the shipped ones are under 100 KB each).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024


def _read_document(path: Path) -> str | None:
    """A document's normalised text, or None when it is not a regular file or too large to read."""
    try:
        return normalize(read_bounded(path, MAX_DOCUMENT_BYTES).decode("utf-8", errors="replace"))
    except ReadRefused:  # a pipe, a device, a vanished or huge file: its quotes then count as not found
        return None


def load_documents(shared: Path) -> tuple[dict[str, str], str]:
    """Seed files by name, and the research notes joined, all normalised; unreadable files are left out."""
    seeds = {p.name: text for p in sorted((shared / "seeds").glob("*.txt")) if (text := _read_document(p)) is not None}
    notes = " ".join(text for p in sorted((shared / "sources").glob("*.md")) if (text := _read_document(p)) is not None)
    return seeds, notes


def all_quotes(story: LoadedStory):
    """Every quote of the story with the data path it sits at."""
    for role in story.roles.values():
        for scene_id, scene in role.scenes.items():
            yield from iter_quotes(role.id, scene_id, scene)


def unchecked(root: Path) -> Problem:
    """W123: the story quotes documents, but none were found to check the quotes against."""
    return warning("W123", SourceLocation(display_path(root / MANIFEST), 1, 1),
                   "quotes were not checked: no source documents (a folder with seeds/ and sources/) were found "
                   f"beside '{display_path(root)}' or in any folder above it",
                   "pass the folder that holds them: foxbat lint --sources DIR STORY")


def is_sources_folder(folder: Path) -> bool:
    """True for a folder laid out like shared/: a seeds/ folder (and, usually, sources/ notes)."""
    return (folder / "seeds").is_dir()


def check_quotes(story: LoadedStory, shared: Path) -> list[Problem]:
    """One error per quote that is not found in its document."""
    seeds, notes = load_documents(shared)
    problems: list[Problem] = []
    for at, quote in all_quotes(story):
        source = story.sources.get(quote.source)
        if source is None:
            continue  # reported by the loader as E108
        # placed only when wrong: working out a place reads its file with marks (most of this check)
        wanted = normalize(quote.quote)
        if source.kind == "seed":
            text = seeds.get(source.file or "")
            if text is None:
                problems.append(error("E121", story.locate(*at, "quote"), f"seed file '{source.file}' of source '{quote.source}' "
                                      f"is not in {shared / 'seeds'}"))
            elif wanted not in text:
                problems.append(error("E120", story.locate(*at, "quote"), f"quote not found in '{quote.source}' "
                                      f"({source.file}): \"{quote.quote[:60]}\"",
                                      "copy the words exactly from the document, curly quotes included"))
        elif wanted not in notes:
            problems.append(error("E120", story.locate(*at, "quote"), f"quote from secondary source '{quote.source}' is not in "
                                  f"the research notes: \"{quote.quote[:60]}\"",
                                  "quote external references as shared/sources/*.md quotes them"))
        if source.language not in ("en", "") and not quote.translation and not quote.summary:
            problems.append(warning("W122", story.locate(*at, "quote"), f"quote from a '{source.language}' source has no "
                                    "English translation", "add 'translation:' beside the quote"))
    return problems


def main(argv: list[str] | None = None) -> int:
    """python -m game.tools.quotes [STORY]: print quote problems; exit 1 when any quote is missing."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "story")
    story = load_story(root)
    shared = find_shared(root)
    if shared is None:
        print(f"cannot check quotes: no shared/seeds folder found beside {root}", file=sys.stderr)
        return 2
    problems = check_quotes(story, shared)
    for problem in problems:
        print(problem.format())
    print(f"{sum(p.is_error for p in problems)} quote(s) not found")
    return 1 if any(p.is_error for p in problems) else 0


if __name__ == "__main__":
    raise SystemExit(main())
