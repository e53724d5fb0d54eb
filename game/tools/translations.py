"""`foxbat i18n`: translation coverage per language, and template files for translators."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.engine import (
    DATE_PATTERN_VALUES, Catalog, Problem, Story, coverage, error, load_catalog, load_ui_strings, story_strings,
    text_hash, warning,
)
from game.engine import languages_in

from .catalogs import catalog_of

I18N = "i18n"


def file_for(key: str, story: Story) -> str:
    """Which file of a language folder holds a key: one per role, common.yaml, or ui.yaml."""
    head = key.split(".", 1)[0]
    if head == "ui":
        return "ui.yaml"
    if head in story.roles:
        return f"{head}.yaml"
    return "common.yaml"


def wanted_strings(story: Story, root: Path) -> dict[str, str]:
    """Every key a translation should cover, with its English."""
    wanted = dict(story_strings(story))
    wanted.update({f"ui.{k}": v for k, v in load_ui_strings(root).items()})
    return wanted


def update_templates(story: Story, root: Path, language: str) -> dict[str, int]:
    """Add every missing key to a language's files (text empty, English beside it); returns added per file.

    New entries are appended as text, so what translators wrote keeps its layout. `entries:` is
    always the last key of a translation file, which makes appending safe.
    """
    catalog, problems = load_catalog(root, language)
    if any(p.is_error for p in problems):
        raise ValueError("\n".join(p.format() for p in problems))
    folder = root / I18N / language
    folder.mkdir(parents=True, exist_ok=True)
    new: dict[str, dict] = {}
    for key, english in wanted_strings(story, root).items():
        if catalog.scope == "ui" and not key.startswith("ui."):
            continue  # an interface-only language gets no story templates until it opts in
        if key not in catalog.entries:
            new.setdefault(file_for(key, story), {})[key] = {
                "hash": text_hash(english), "en": english.strip(), "text": ""}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for name, entries in new.items():
        path = folder / name
        body = yaml.dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=100, Dumper=dumper)
        if path.is_file():
            existing = path.read_text(encoding="utf-8")
            if "entries: {}" in existing:
                existing = existing.replace("entries: {}", "entries:")
            addition = body.split("\n", 1)[1]  # drop the 'entries:' line: the file has one already
            path.write_text(existing.rstrip("\n") + "\n" + addition, encoding="utf-8")
        else:
            header = ("# Translations for Foxbat, keyed by stable ids. Fill in 'text'; keep 'hash' as the hash of\n"
                      "# the English you translated ('foxbat i18n accept' marks an updated entry current).\n"
                      f"language: {language}\n")
            path.write_text(header + body, encoding="utf-8")
    return {name: len(entries) for name, entries in new.items()}


def accept_entries(story: Story, root: Path, language: str, keys: list[str]) -> list[str]:
    """Mark translations as made from the current English (after the translator updated them).

    Rewrites only the `hash:` and `en:` lines of each entry, so the file keeps its layout.
    Returns the keys that were found and updated.
    """
    wanted = wanted_strings(story, root)
    catalog, problems = load_catalog(root, language)
    if any(p.is_error for p in problems):
        raise ValueError("\n".join(p.format() for p in problems))
    updated = []
    for key in keys:
        where = catalog.defined_at.get(key)
        if where is None or key not in wanted:
            continue
        path = Path(where.path) if Path(where.path).is_absolute() else Path.cwd() / where.path
        lines = path.read_text(encoding="utf-8").split("\n")
        start = where.line  # the line after the key
        end = start
        while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
            end += 1
        block = lines[start:end]
        english = yaml.dump({"en": wanted[key].strip()}, allow_unicode=True, width=100, sort_keys=False).rstrip("\n")
        new_block, skipping = [], False
        for line in block:
            if line.startswith("    hash:"):
                new_block.append(f"    hash: {text_hash(wanted[key])}")
                skipping = False
            elif line.startswith("    en:"):
                new_block.extend("    " + part for part in english.split("\n"))
                skipping = True
            elif skipping and line.startswith("      "):
                continue  # the old English's continuation lines
            else:
                skipping = False
                new_block.append(line)
        lines[start:end] = new_block
        path.write_text("\n".join(lines), encoding="utf-8")
        catalog, _ = load_catalog(root, language)  # line numbers moved
        updated.append(key)
    return updated


def check_translations(story: Story, root: Path) -> list[Problem]:
    """Per language: load errors, plus one warning each for missing, stale and unknown keys, with coverage."""
    problems: list[Problem] = []
    ui = load_ui_strings(root)
    wanted = wanted_strings(story, root)  # once: every language checks against the same English
    for language in languages_in(root):
        if language == story.language:
            continue
        catalog, found = catalog_of(root, language)
        problems.extend(found)
        report = coverage(story, catalog, ui)
        where = _folder_location(root, language)
        share = f"{report.percent:.0f}% of {report.total} strings current"
        if report.missing:
            problems.append(warning("W330", where, f"'{language}': {len(report.missing)} strings not translated "
                                    f"({share}); first: {report.missing[0]}",
                                    f"run 'foxbat i18n update --lang {language}' to add them to the files"))
        for key in report.stale:
            problems.append(warning("W331", catalog.defined_at.get(key, where),
                                    f"'{language}': translation of '{key}' is older than its English",
                                    f"update the text, then set hash: {text_hash(wanted[key])} ('foxbat i18n "
                                    f"status --lang {language}' shows the old and new English side by side)"))
        for key, entry in catalog.entries.items():
            if entry.text.strip() and key in wanted and not _placeholders_fit(key, entry.text, wanted[key]):
                offered = DATE_PATTERN_VALUES.get(key.removeprefix("ui."))
                problems.append(warning("W333", catalog.defined_at.get(key, where),
                                        f"'{language}': translation of '{key}' has placeholders "
                                        f"{sorted(_placeholders(entry.text))}, the English has "
                                        f"{sorted(_placeholders(wanted[key]))}",
                                        f"a date pattern may use {', '.join('{' + v + '}' for v in sorted(offered))}"
                                        if offered else "keep every {name} of the English, spelled exactly the same"))
        for key in report.unknown:
            problems.append(warning("W332", catalog.defined_at.get(key, where),
                                    f"'{language}': '{key}' translates nothing in the story",
                                    "the scene or choice was renamed or removed; delete or rename the entry"))
    return problems


def _placeholders(text: str) -> set[str]:
    """The {names} a string expects the game to fill in ({name:02d} too)."""
    import re

    return set(re.findall(r"\{([a-z_]+)(?:[:!][^{}]*)?\}", text))


def _placeholders_fit(key: str, translation: str, english: str) -> bool:
    """The same {names} as the English; a date pattern may use any value the game gives it."""
    offered = DATE_PATTERN_VALUES.get(key.removeprefix("ui."))
    if offered is not None:
        return _placeholders(translation) <= offered
    return _placeholders(translation) == _placeholders(english)


def _folder_location(root: Path, language: str):
    from game.engine import SourceLocation, display_path

    return SourceLocation(display_path(root / I18N / language))


def status_lines(story: Story, root: Path) -> list[str]:
    """One line per language: coverage, missing and stale counts."""
    lines = []
    ui = load_ui_strings(root)
    for language in languages_in(root):
        if language == story.language:
            continue
        catalog, _ = load_catalog(root, language)
        report = coverage(story, catalog, ui)
        scope = " (interface only)" if catalog.scope == "ui" else ""
        lines.append(f"{language} {catalog.name or ''}{scope}: {report.percent:5.1f}% current, {len(report.missing)} missing, "
                     f"{len(report.stale)} stale, {len(report.unknown)} unknown of {report.total}")
    return lines


def stale_lines(story: Story, root: Path, language: str) -> list[str]:
    """Each stale translation with the English it was made from beside the English now, for the translator."""
    catalog, _ = load_catalog(root, language)
    wanted = wanted_strings(story, root)
    lines = []
    for key in coverage(story, catalog, load_ui_strings(root)).stale:
        entry = catalog.entries[key]
        where = catalog.defined_at.get(key)
        lines += [f"{key}" + (f"  ({where})" if where is not None else ""),
                  f"  English then: {_one_line(entry.en) or '(not recorded)'}",
                  f"  English now:  {_one_line(wanted[key])}",
                  f"  translation:  {_one_line(entry.text)}"]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = ["check_translations", "update_templates", "status_lines", "stale_lines", "Catalog", "error"]


def main(argv: list[str] | None = None) -> int:
    """`foxbat i18n status|update|accept [KEYS] [--lang L] [--path STORY]`: coverage, templates, marking current."""
    import argparse
    import sys

    from game.engine import StoryError, load_story

    parser = argparse.ArgumentParser(prog="foxbat i18n", description="translation coverage and templates")
    parser.add_argument("action", choices=["status", "update", "accept"],
                        help="status: coverage; update: add missing keys; accept: mark KEYS (or --stale) as current")
    parser.add_argument("keys", nargs="*", help="with accept: the keys whose translation you updated; "
                        "with status or update: the story folder (as --path)")
    parser.add_argument("--stale", action="store_true", help="with accept: every stale key of --lang")
    parser.add_argument("--path", type=Path, default=Path("story"), help="story folder (default: story)")
    parser.add_argument("--lang", help="language code (required for update)")
    args = parser.parse_args(argv)
    if args.action != "accept" and args.keys:
        # `foxbat i18n status PATH`: a folder given where keys go is the story, not a key
        if len(args.keys) > 1 or not Path(args.keys[0]).is_dir():
            print(f"foxbat i18n: {args.action} takes one story folder, not {' '.join(args.keys)!r}", file=sys.stderr)
            return 2
        args.path = Path(args.keys[0])
    try:
        story = load_story(args.path).story
    except StoryError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.action == "status":
        for line in status_lines(story, args.path):
            print(line)
        if args.lang:
            stale = stale_lines(story, args.path, args.lang)
            print(f"\n{args.lang}: stale translations, the English they were made from beside the English now:"
                  if stale else f"\n{args.lang}: no stale translations")
            for line in stale:
                print(line)
        return 0
    if not args.lang:
        parser.error(f"{args.action} needs --lang")
    if args.action == "accept":
        keys = list(args.keys)
        if args.stale:
            catalog, _ = load_catalog(args.path, args.lang)
            keys += coverage(story, catalog, load_ui_strings(args.path)).stale
        done = accept_entries(story, args.path, args.lang, keys)
        print(f"{len(done)} entr{'y' if len(done) == 1 else 'ies'} marked current: {', '.join(done) or 'none'}")
        return 0
    added = update_templates(story, args.path, args.lang)
    for name, count in sorted(added.items()):
        print(f"{args.path / I18N / args.lang / name}: {count} entries added")
    if not added:
        print("nothing to add: every key has an entry")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
