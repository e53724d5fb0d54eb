"""Translations keyed by the story's stable ids: catalogues, coverage, and a story in another language."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import Problem, SourceLocation, error
from .loader import validation_problems
from .model import Quote, Story
from .textcheck import control_character_problems
from .yamlfile import display_path, read_yaml

I18N_FOLDER = "i18n"
UI_FILE = "ui.yaml"


def text_hash(english: str) -> str:
    """The short hash of an English text that a translation records, to notice when the English changes."""
    return hashlib.sha1(unicodedata.normalize("NFC", english.strip()).encode("utf-8")).hexdigest()[:10]


class Entry(BaseModel):
    """One translated string: the hash of the English it translates, that English, and the translation."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    hash: str = Field(description="text_hash() of the English this translates; lint reports it stale when they differ.")

    @field_validator("hash", mode="before")
    @classmethod
    def _digits_are_text(cls, value):
        """An all-digit hash reads as a YAML number; it is still a hash."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    en: str = Field("", description="The English, for the translator's eyes only.")
    text: str = Field("", description="The translation; empty means not yet translated.")


class TranslationFile(BaseModel):
    """story/i18n/<lang>/*.yaml: translated strings keyed by stable ids."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    language: str = Field(description="The language code of this folder, such as 'ja'.")
    name: str = Field("", description="The language's name in its own script, such as '日本語' (give it in ui.yaml).")
    scope: Literal["story", "ui"] = Field(
        "story", description="story: the whole game is translated; ui: only interface strings so far (give it in ui.yaml).")
    entries: dict[str, Entry] = Field(default_factory=dict)


@dataclass
class Catalog:
    """Every translation of one language, with where each key was defined."""

    language: str
    name: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    scope: str = "story"
    defined_at: dict[str, SourceLocation] = field(default_factory=dict)

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


def load_catalog(root: Path | str, language: str) -> tuple[Catalog, list[Problem]]:
    """All translation files of one language; problems for unreadable files or keys defined twice."""
    catalog = Catalog(language)
    problems: list[Problem] = []
    folder = Path(root) / I18N_FOLDER / language
    if not folder.is_dir():
        return catalog, problems
    for path in sorted(folder.glob("*.yaml")):
        document, found = read_yaml(path, within=Path(root))
        problems.extend(found)
        if document is None:
            continue
        problems.extend(control_character_problems(document))
        try:
            parsed = TranslationFile.model_validate(document.data)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, document, TranslationFile))
            continue
        if parsed.language != language:
            problems.append(error("E130", document.locate(("language",)),
                                  f"file says language '{parsed.language}' but sits in the '{language}' folder"))
        if parsed.name:
            catalog.name = parsed.name
        if path.name == UI_FILE:
            catalog.scope = parsed.scope
        for key, entry in parsed.entries.items():
            where = document.locate(("entries", key), key=True)
            if key in catalog.entries:
                problems.append(error("E131", where, f"translation key '{key}' is defined twice",
                                      f"the first is at {catalog.defined_at[key]}"))
                continue
            catalog.entries[key] = entry
            catalog.defined_at[key] = where
    return catalog, problems


def load_ui_strings(root: Path | str) -> dict[str, str]:
    """The English UI strings (story/i18n/en/ui.yaml: key -> text); empty when the file is missing."""
    path = Path(root) / I18N_FOLDER / "en" / UI_FILE
    if not path.is_file():
        return {}
    document, _ = read_yaml(path, within=Path(root))
    if document is None or not isinstance(document.data, dict):
        return {}
    entries = document.data.get("entries", {})
    return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}


def story_strings(story: Story) -> Iterator[tuple[str, str]]:
    """Every translatable string of a story as (stable key, English), in reading order."""
    yield "story.title", story.title
    for key, source in story.sources.items():
        yield f"sources.{key}.title", source.title
        yield f"sources.{key}.reliability", source.reliability
    for role in story.roles.values():
        r = role.id
        for name in ("name", "title", "summary", "epilogue", "question"):
            if getattr(role, name):
                yield f"{r}.{name}", getattr(role, name)
        for name, variable in role.variables.items():
            yield f"{r}.variables.{name}.label", variable.label
            if variable.unit:
                yield f"{r}.variables.{name}.unit", variable.unit
        for scene_id, scene in role.scenes.items():
            s = f"{r}.{scene_id}"
            if scene.title:
                yield f"{s}.title", scene.title
            yield f"{s}.where", scene.where
            yield f"{s}.text", scene.text
            for choice in scene.choices:
                yield f"{s}.choices.{choice.id}.text", choice.text
                if choice.note:
                    yield f"{s}.choices.{choice.id}.note", choice.note
            if scene.ending:
                for name in ("title", "outcome", "differs"):
                    yield f"{s}.ending.{name}", getattr(scene.ending, name)
            if scene.history:
                yield f"{s}.history.what_happened", scene.history.what_happened
                if scene.history.dramatized:
                    yield f"{s}.history.dramatized", scene.history.dramatized
                for index, version in enumerate(scene.history.versions):
                    yield f"{s}.history.versions.{index}.claim", version.claim
            for key, quote in _scene_quotes(story, r, scene_id):
                yield key, quote.translation or quote.quote
            for document in scene.dossier:
                yield f"{s}.dossier.{document.id}.title", document.title
                yield f"{s}.dossier.{document.id}.text", document.text


def _scene_quotes(story: Story, role_id: str, scene_id: str) -> Iterator[tuple[str, Quote]]:
    """Each quote of a scene with its translation key (by position: quotes have no ids of their own)."""
    scene = story.roles[role_id].scenes[scene_id]
    base = f"{role_id}.{scene_id}"
    if scene.history:
        for index, quote in enumerate(scene.history.sources):
            yield f"{base}.history.sources.{index}.quote", quote
        for v, version in enumerate(scene.history.versions):
            for index, quote in enumerate(version.sources):
                yield f"{base}.history.versions.{v}.sources.{index}.quote", quote
    for document in scene.dossier:
        for index, quote in enumerate(document.sources):
            yield f"{base}.dossier.{document.id}.sources.{index}.quote", quote


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
    missing = [k for k in wanted if k not in translated]
    stale = [k for k in translated if catalog.is_stale(k, wanted[k])]
    unknown = [k for k in catalog.entries if k not in wanted and not (catalog.scope == "ui" and not k.startswith("ui."))]
    return Coverage(catalog.language, len(wanted), len(translated), missing, stale, unknown)


def localize(story: Story, catalog: Catalog) -> Story:
    """The same story with every string in the catalogue's language (English where untranslated).

    Ids, conditions and compiled rules are shared with the original, so sessions, saves and
    statistics work across languages.
    """
    if catalog.language == story.language:
        return story
    t = catalog.text
    roles = {}
    for role in story.roles.values():
        r = role.id
        scenes = {}
        for scene_id, scene in role.scenes.items():
            s = f"{r}.{scene_id}"
            quotes = {id(q): key for key, q in _scene_quotes(story, r, scene_id)}

            def quote(q: Quote, source_language: str) -> Quote:
                if source_language == catalog.language:
                    return q.model_copy(update={"translation": None})
                return q.model_copy(update={"translation": t(quotes[id(q)], q.translation or q.quote)})

            update: dict = {
                "title": t(f"{s}.title", scene.title) if scene.title else "",
                "where": t(f"{s}.where", scene.where),
                "text": t(f"{s}.text", scene.text),
                "choices": [c.model_copy(update={"text": t(f"{s}.choices.{c.id}.text", c.text),
                                                 "note": t(f"{s}.choices.{c.id}.note", c.note) if c.note else ""})
                            for c in scene.choices],
                "dossier": [d.model_copy(update={
                    "title": t(f"{s}.dossier.{d.id}.title", d.title), "text": t(f"{s}.dossier.{d.id}.text", d.text),
                    "sources": [quote(q, _language_of(story, q)) for q in d.sources]}) for d in scene.dossier],
            }
            if scene.ending:
                update["ending"] = scene.ending.model_copy(update={
                    name: t(f"{s}.ending.{name}", getattr(scene.ending, name)) for name in ("title", "outcome", "differs")})
            if scene.history:
                history = scene.history
                update["history"] = history.model_copy(update={
                    "what_happened": t(f"{s}.history.what_happened", history.what_happened),
                    "dramatized": t(f"{s}.history.dramatized", history.dramatized) if history.dramatized else "",
                    "sources": [quote(q, _language_of(story, q)) for q in history.sources],
                    "versions": [v.model_copy(update={
                        "claim": t(f"{s}.history.versions.{i}.claim", v.claim),
                        "sources": [quote(q, _language_of(story, q)) for q in v.sources]})
                        for i, v in enumerate(history.versions)],
                })
            scenes[scene_id] = scene.model_copy(update=update)
        variables = {name: var.model_copy(update={
            "label": t(f"{r}.variables.{name}.label", var.label),
            "unit": t(f"{r}.variables.{name}.unit", var.unit) if var.unit else ""}) for name, var in role.variables.items()}
        roles[r] = role.model_copy(update={
            **{name: t(f"{r}.{name}", getattr(role, name)) for name in ("name", "title", "summary", "epilogue", "question")
               if getattr(role, name)},
            "variables": variables, "scenes": scenes})
    sources = {key: src.model_copy(update={"title": t(f"sources.{key}.title", src.title),
                                           "reliability": t(f"sources.{key}.reliability", src.reliability)})
               for key, src in story.sources.items()}
    localized = story.model_copy(update={"title": t("story.title", story.title), "roles": roles, "sources": sources,
                                         "language": catalog.language})
    localized._documents = story._documents
    localized._compiled = story._compiled
    localized._root = story._root
    return localized


def _language_of(story: Story, quote: Quote) -> str:
    source = story.sources.get(quote.source)
    return source.language if source else "en"


def display_folder(root: Path | str, language: str) -> str:
    """Where a language's files live, as a writer reads it."""
    return display_path(Path(root) / I18N_FOLDER / language)


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


_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]


def format_moment(when: str, language: str = "en") -> str:
    """A scene's `when` as a reader of the language writes a date and time."""
    import re

    match = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?", when)
    if not match:
        return when
    year, month, day, hour, minute = match.groups()
    m = int(month)
    time = f"{hour}:{minute}" if hour else ""
    if language == "ja":
        date = f"{year}年{m}月" + (f"{int(day)}日" if day else "")
        return f"{date} {time}".strip()
    if language == "vi":
        date = (f"ngày {int(day)} " if day else "") + f"tháng {m} năm {year}"
        return f"{time} {date}".strip()
    if language == "ru":
        months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                  "ноября", "декабря"]
        date = f"{int(day)} {months[m - 1]} {year} г." if day else f"{m:02d}.{year}"
        return f"{date}, {time}" if time else date
    date = f"{int(day)} {_MONTHS_EN[m - 1]} {year}" if day else f"{_MONTHS_EN[m - 1]} {year}"
    return f"{date}, {time}" if time else date


def load_language(root: Path | str, story: Story, language: str,
                  ui_root: Path | str | None = None) -> tuple[Story, UiText, list[Problem]]:
    """The story and interface strings in a language (English per string where untranslated).

    Interface strings come from `ui_root` (the shipped story folder) when given, so a museum's
    own story folder need not carry them.
    """
    ui_root = Path(ui_root or root)
    english = load_ui_strings(ui_root)
    if language == story.language:
        return story, UiText(english), []
    catalog, problems = load_catalog(root, language)
    ui_catalog = catalog
    if ui_root.resolve() != Path(root).resolve():
        ui_catalog, more = load_catalog(ui_root, language)
        problems = problems + more
    return localize(story, catalog), UiText(english, ui_catalog), problems
