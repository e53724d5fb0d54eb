"""Translations keyed by the story's stable ids: catalogues, coverage, and a story in another language."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from .build import translation_file
from .errors import Problem, SourceLocation, error
from .loader import validation_problems
from .model import Plain, Quote, Story
from .textcheck import control_character_problems
from .yamlfile import read_yaml

if TYPE_CHECKING:
    from .parsecache import ParseCache

I18N_FOLDER = "i18n"
UI_FILE = "ui.yaml"


def text_hash(english: str) -> str:
    """The short hash of an English text that a translation records, to notice when the English changes."""
    return hashlib.sha1(unicodedata.normalize("NFC", english.strip()).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One translated string: the hash of the English it translates, that English, and the translation."""

    hash: str
    en: str = ""
    text: str = ""


class DefinedAt(Mapping[str, SourceLocation]):
    """Where each translation key was defined, worked out from its file only when asked.

    Most keys never are (only a problem points at one), and locating a key builds the file's
    table of places: eagerly, that was 0.4 s of every `foxbat lint` of the shipped story.
    """

    def __init__(self) -> None:
        self._at: dict[str, tuple] = {}  # key -> (document, data path)
        self._found: dict[str, SourceLocation] = {}

    def add(self, key: str, document, path: tuple) -> None:
        """Remember that `key` is defined at `path` in `document`."""
        self._at[key] = (document, path)

    def __getitem__(self, key: str) -> SourceLocation:
        found = self._found.get(key)
        if found is None:
            document, path = self._at[key]
            found = self._found[key] = document.locate(path, key=True)
        return found

    def __iter__(self):
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


@dataclass
class Catalog:
    """Every translation of one language, with where each key was defined."""

    language: str
    name: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    scope: str = "story"
    defined_at: DefinedAt = field(default_factory=DefinedAt)

    def text(self, key: str, english: str) -> str:
        """The translation of a string, or the English when it has none (never empty, never the key)."""
        entry = self.entries.get(key)
        return entry.text if entry is not None and entry.text.strip() else english

    def is_stale(self, key: str, english: str) -> bool:
        """True when the English changed after this string was translated."""
        entry = self.entries.get(key)
        return entry is not None and bool(entry.text.strip()) and entry.hash != text_hash(english)


def languages_in(root: Path | str) -> list[str]:
    """The language folders under story/i18n/, English first."""
    folder = Path(root) / I18N_FOLDER
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    return ["en"] + [lang for lang in found if lang != "en"]


def load_catalog(root: Path | str, language: str, cache: ParseCache | None = None) -> tuple[Catalog, list[Problem]]:
    """All translation files of one language; problems for unreadable files or keys defined twice.

    With a parse cache, files unchanged since they were last read are not parsed again.
    """
    folder = Path(root) / I18N_FOLDER / language
    if not folder.is_dir():
        return Catalog(language), []
    if cache is None:
        return _read_catalog(Path(root), folder, language, None)
    with cache.story(folder):  # a pack per language, holding just its files
        return _read_catalog(Path(root), folder, language, cache)


def _read_catalog(root: Path, folder: Path, language: str, cache: ParseCache | None) -> tuple[Catalog, list[Problem]]:
    """The translation files of one language folder as a Catalog, with their problems."""
    catalog = Catalog(language)
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        document, found = read_yaml(path, cache, within=root)
        problems.extend(found)
        if document is None:
            continue
        problems.extend(control_character_problems(document))
        parsed = _translation_file(document, problems)
        if parsed is None:
            continue
        if parsed["language"] != language:
            problems.append(error("E130", document.locate(("language",)),
                                  f"file says language '{parsed['language']}' but sits in the '{language}' folder"))
        if parsed["name"]:
            catalog.name = parsed["name"]
        if path.name == UI_FILE:
            catalog.scope = parsed["scope"]
        for key, entry in parsed["entries"].items():
            if key in catalog.entries:
                problems.append(error("E131", document.locate(("entries", key), key=True),
                                      f"translation key '{key}' is defined twice",
                                      f"the first is at {catalog.defined_at[key]}"))
                continue
            catalog.entries[key] = entry
            catalog.defined_at.add(key, document, ("entries", key))
    return catalog, problems


def _translation_file(document, problems: list[Problem]) -> dict | None:
    """A translation file's language, name, scope and entries (as Entry); None with problems when invalid.

    Plain files are read by the quick builder; anything else is validated by pydantic
    (formats.TranslationFile), imported only then.
    """
    parsed = translation_file(document.data)
    if parsed is None:
        from pydantic import ValidationError

        from .formats import TranslationFile

        try:
            validated = TranslationFile.model_validate(document.data)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, document, TranslationFile))
            return None
        parsed = {"language": validated.language, "name": validated.name, "scope": validated.scope,
                  "entries": {key: {"hash": entry.hash, "en": entry.en, "text": entry.text}
                              for key, entry in validated.entries.items()}}
    parsed["entries"] = {key: Entry(**entry) for key, entry in parsed["entries"].items()}
    return parsed


def load_ui_strings(root: Path | str, cache: ParseCache | None = None) -> dict[str, str]:
    """The English UI strings (story/i18n/en/ui.yaml: key -> text); empty when the file is missing."""
    path = Path(root) / I18N_FOLDER / "en" / UI_FILE
    if not path.is_file():
        return {}
    if cache is None:
        document, _ = read_yaml(path, within=Path(root))
    else:
        with cache.story(path.parent):
            document, _ = read_yaml(path, cache, within=Path(root))
    if document is None or not isinstance(document.data, dict):
        return {}
    entries = document.data.get("entries", {})
    return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}


@dataclass(frozen=True)
class Translatable:
    """One translatable string of a story: its stable key, its English, and where localize writes it.

    `path` leads from the Story to the field (attribute names, dict keys, list positions). A
    quote's translation goes in its `translation` field, and `quote_language` is the language
    of the document it quotes: a reader of that language gets the quote alone.
    """

    key: str
    english: str
    path: tuple
    quote_language: str | None = None


def translatables(story: Story) -> Iterator[Translatable]:
    """The one list of every translatable string of a story, in reading order (keys are stable ids)."""
    yield Translatable("story.title", story.title, ("title",))
    for key, source in story.sources.items():
        for name in ("title", "reliability"):
            yield Translatable(f"sources.{key}.{name}", getattr(source, name), ("sources", key, name))
    for role in story.roles.values():
        r = role.id
        at = ("roles", r)
        for name in ("name", "title", "summary", "epilogue", "question"):
            if getattr(role, name):
                yield Translatable(f"{r}.{name}", getattr(role, name), at + (name,))
        if role.premise is not None:
            yield Translatable(f"{r}.premise.text", role.premise.text, at + ("premise", "text"))
        for name, variable in role.variables.items():
            yield Translatable(f"{r}.variables.{name}.label", variable.label, at + ("variables", name, "label"))
            if variable.unit:
                yield Translatable(f"{r}.variables.{name}.unit", variable.unit, at + ("variables", name, "unit"))
        for scene_id, scene in role.scenes.items():
            yield from _scene_translatables(story, r, scene_id, scene)


def _scene_translatables(story: Story, r: str, scene_id: str, scene) -> Iterator[Translatable]:
    """The translatable strings of one scene, in reading order."""
    s = f"{r}.{scene_id}"
    at = ("roles", r, "scenes", scene_id)
    if scene.title:
        yield Translatable(f"{s}.title", scene.title, at + ("title",))
    yield Translatable(f"{s}.where", scene.where, at + ("where",))
    yield Translatable(f"{s}.text", scene.text, at + ("text",))
    for index, choice in enumerate(scene.choices):
        yield Translatable(f"{s}.choices.{choice.id}.text", choice.text, at + ("choices", index, "text"))
        if choice.note:
            yield Translatable(f"{s}.choices.{choice.id}.note", choice.note, at + ("choices", index, "note"))
    if scene.ending:
        for name in ("title", "outcome", "differs"):
            yield Translatable(f"{s}.ending.{name}", getattr(scene.ending, name), at + ("ending", name))
    if scene.history:
        history = scene.history
        yield Translatable(f"{s}.history.what_happened", history.what_happened, at + ("history", "what_happened"))
        if history.dramatized:
            yield Translatable(f"{s}.history.dramatized", history.dramatized, at + ("history", "dramatized"))
        for index, version in enumerate(history.versions):
            yield Translatable(f"{s}.history.versions.{index}.claim", version.claim,
                               at + ("history", "versions", index, "claim"))
    # Quotes have no ids of their own: they are keyed by position.
    quotes: list[tuple[str, tuple, Quote]] = []
    if scene.history:
        quotes += [(f"{s}.history.sources.{i}.quote", at + ("history", "sources", i), q)
                   for i, q in enumerate(scene.history.sources)]
        quotes += [(f"{s}.history.versions.{v}.sources.{i}.quote", at + ("history", "versions", v, "sources", i), q)
                   for v, version in enumerate(scene.history.versions) for i, q in enumerate(version.sources)]
    quotes += [(f"{s}.dossier.{d.id}.sources.{i}.quote", at + ("dossier", index, "sources", i), q)
               for index, d in enumerate(scene.dossier) for i, q in enumerate(d.sources)]
    for key, path, quote in quotes:
        source = story.sources.get(quote.source)
        # a summary is in the story's own words (English), whatever the language of the document it sums up
        language = "en" if quote.summary or source is None else source.language
        yield Translatable(key, quote.translation or quote.quote, path + ("translation",), language)
    for index, document in enumerate(scene.dossier):
        for name in ("title", "text"):
            yield Translatable(f"{s}.dossier.{document.id}.{name}", getattr(document, name),
                               at + ("dossier", index, name))


def story_strings(story: Story) -> Iterator[tuple[str, str]]:
    """Every translatable string of a story as (stable key, English), in reading order."""
    for item in translatables(story):
        yield item.key, item.english


@dataclass(frozen=True)
class Coverage:
    """How much of the story one language covers."""

    language: str
    total: int
    translated: int
    missing: list[str]
    stale: list[str]
    unknown: list[str]

    @property
    def percent(self) -> float:
        """Share of strings translated and current, 0-100."""
        return 100.0 * (self.translated - len(self.stale)) / self.total if self.total else 100.0


def coverage(story: Story, catalog: Catalog, ui: dict[str, str] | None = None) -> Coverage:
    """Missing, stale and unknown keys of a catalogue against the story (and the English UI strings)."""
    wanted = dict(story_strings(story)) if catalog.scope == "story" else {}
    for key, english in (ui or {}).items():
        wanted[f"ui.{key}"] = english
    translated = [k for k in wanted if catalog.entries.get(k) is not None and catalog.entries[k].text.strip()]
    done = set(translated)
    missing = [k for k in wanted if k not in done]
    stale = [k for k in translated if catalog.is_stale(k, wanted[k])]
    unknown = [k for k in catalog.entries if k not in wanted and not (catalog.scope == "ui" and not k.startswith("ui."))]
    return Coverage(catalog.language, len(wanted), len(translated), missing, stale, unknown)


def localize(story: Story, catalog: Catalog) -> Story:
    """The same story with every string in the catalogue's language (English where untranslated).

    Ids, conditions and choices are the original's, so the same compiled rules, machine,
    sessions, saves and statistics work across languages.
    """
    if catalog.language == story.language:
        return story
    changes: dict = {"language": catalog.language}
    for item in translatables(story):
        if item.quote_language == catalog.language:
            value = None  # the reader reads the quote itself
        else:
            value = catalog.text(item.key, item.english)
        node = changes
        for part in item.path[:-1]:
            node = node.setdefault(part, {})
        node[item.path[-1]] = value
    return _with_changes(story, changes)


def _with_changes(node, changes: dict):
    """A copy of a model, dict or list with the changes (a tree shaped like it) applied."""
    if isinstance(node, Plain):
        return node.model_copy(update={
            name: _with_changes(getattr(node, name), change) if isinstance(change, dict) else change
            for name, change in changes.items()})
    if isinstance(node, dict):
        return {key: _with_changes(value, changes[key]) if key in changes else value for key, value in node.items()}
    return [_with_changes(value, changes[index]) if index in changes else value for index, value in enumerate(node)]


class UiText:
    """Interface strings by key in one language, falling back per string to English (never to an id)."""

    def __init__(self, english: dict[str, str], catalog: Catalog | None = None):
        self.english = english
        self.catalog = catalog
        self.language = catalog.language if catalog else "en"

    def __call__(self, key: str, **values) -> str:
        """The string for a key, with {placeholders} filled in."""
        english = self.english.get(key)
        if english is None:
            raise KeyError(f"no English UI string '{key}' in story/i18n/en/ui.yaml")
        text = self.catalog.text(f"ui.{key}", english) if self.catalog else english
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return english.format(**values)  # a translator's broken placeholder must not crash play


#: The values the game gives each date pattern; a language may use any of them (lint W333 allows
#: them), so Japanese can write the month as a number where English writes its name.
DATE_PATTERN_VALUES = {
    "date.day": frozenset({"day", "month", "month_number", "year"}),
    "date.month": frozenset({"month", "month_number", "year"}),
    "date.time": frozenset({"hour", "minute"}),
    "date.with_time": frozenset({"date", "time"}),
}


def format_moment(when: str, ui: "UiText") -> str:
    """A scene's `when` as a reader of the interface's language writes a date and time.

    The patterns and month names are interface strings (date.*), so a new language brings its
    own in its ui.yaml.
    """
    match = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?", when)
    if not match:
        return when
    year, month, day, hour, minute = match.groups()
    number = int(month)
    months = [name.strip() for name in ui("date.months").split(",")]
    if len(months) != 12:  # a translator's list that lost a name: the English names still read
        months = [name.strip() for name in ui.english["date.months"].split(",")]
    values = {"year": year, "month": months[number - 1], "month_number": number}
    if day:
        date = ui("date.day", day=int(day), **values)
    else:
        date = ui("date.month", **values)
    if not hour:
        return date
    return ui("date.with_time", date=date, time=ui("date.time", hour=hour, minute=minute))


def load_language(root: Path | str, story: Story, language: str, ui_root: Path | str | None = None,
                  cache: ParseCache | None = None) -> tuple[Story, UiText, list[Problem]]:
    """The story and interface strings in a language (English per string where untranslated).

    Interface strings come from `ui_root` (the shipped story folder) when given, so a museum's
    own story folder need not carry them. With a parse cache, unchanged translation files are
    not parsed again.
    """
    ui_root = Path(ui_root or root)
    english = load_ui_strings(ui_root, cache)
    if language == story.language:
        return story, UiText(english), []
    catalog, problems = load_catalog(root, language, cache)
    ui_catalog = catalog
    if ui_root.resolve() != Path(root).resolve():
        ui_catalog, more = load_catalog(ui_root, language, cache)
        problems = problems + more
    return localize(story, catalog), UiText(english, ui_catalog), problems
