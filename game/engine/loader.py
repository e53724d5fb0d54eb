"""Read a story folder into the model, mapping every problem to file:line:col."""

from __future__ import annotations

import types
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any

from .build import build_file, from_validated
from .errors import Problem, SourceLocation, StoryError, did_you_mean, error
from .gcpause import gc_paused, release_frozen
from .loaded import LoadedStory
from .locations import Locations
from .model import Role, Story
from .parsecache import ParseCache
from .textcheck import control_character_problems
from .validate import validate_story
from .yamlfile import YamlDocument, display_path, read_yaml

MANIFEST = "story.yaml"
ROLE_FILE = "role.yaml"


def load_story(root: Path | str, cache: ParseCache | None = None) -> LoadedStory:
    """Load, validate and compile a story folder; raise StoryError listing every error."""
    loaded, problems = check_story(root, cache)
    if loaded is None or any(p.is_error for p in problems):
        raise StoryError([p for p in problems if p.is_error] or problems)
    return loaded


def check_story(root: Path | str, cache: ParseCache | None = None) -> tuple[LoadedStory | None, list[Problem]]:
    """Load a story folder and return it (or None) with every problem found, errors and warnings."""
    release_frozen()
    with gc_paused():
        read, problems = read_story(root, cache)
        if read is None:
            return None, problems
        loaded, found = validate_story(read.story, read.locations)
        problems.extend(found)
    return replace(loaded, root=read.root), problems


def read_story(root: Path | str, cache: ParseCache | None = None) -> tuple[LoadedStory | None, list[Problem]]:
    """Read the files of a story folder into a Story model and its places, without graph or reference checks."""
    root = Path(root)
    if root.is_file() and root.name == MANIFEST:
        root = root.parent
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        return None, [error("E007", SourceLocation(display_path(manifest_path)),
                            "no story manifest here", f"a story folder holds {MANIFEST}, sources.yaml and roles/")]
    if cache is None:
        return _read_files(root, None)
    with cache.story(root):  # one pack of parsed files per story, read before and saved after
        return _read_files(root, cache)


def _read_files(root: Path, cache: ParseCache | None) -> tuple[LoadedStory | None, list[Problem]]:
    """Read story.yaml, sources.yaml and every role folder into a Story."""
    manifest_path = root / MANIFEST
    problems: list[Problem] = []
    documents: dict[tuple, YamlDocument] = {}

    manifest, manifest_doc = _read_model(manifest_path, "StoryManifest", problems, cache, root)
    if manifest is None:
        return None, problems
    documents[("story",)] = manifest_doc

    sources: dict = {}
    sources_path = root / manifest["sources"]
    found: list[Problem] = []
    parsed_sources, sources_doc = _read_model(sources_path, "SourcesFile", found, cache, root)
    problems.extend(_at_key_when_unread(found, manifest_doc, "sources", manifest["sources"]))
    if parsed_sources is not None:
        sources = dict(parsed_sources["sources"])
        documents[("sources",)] = sources_doc

    roles: dict[str, Role] = {}
    for index, role_id in enumerate(manifest["roles"]):
        role = _read_role(root, role_id, (manifest_doc, ("roles", index)), documents, problems, cache)
        if role is not None:
            roles[role_id] = role
    if any(p.is_error for p in problems):
        return None, problems
    story = Story(
        id=manifest["id"], title=manifest["title"], version=manifest["version"], language=manifest["language"],
        roles=roles, sources=sources,
    )
    return LoadedStory(story, locations=Locations(display_path(root), documents), root=root), problems


def _read_role(root: Path, role_id: str, listed_at: tuple[YamlDocument, tuple], documents: dict, problems: list,
               cache: ParseCache | None = None) -> Role | None:
    """One role folder: role.yaml plus every other *.yaml as scene files, in name order."""
    folder = root / "roles" / role_id
    if not folder.is_dir():
        manifest_doc, path = listed_at
        problems.append(error("E106", manifest_doc.locate(path), f"role '{role_id}' has no folder {display_path(folder)}",
                              f"create {display_path(folder / ROLE_FILE)}, or remove the role from {MANIFEST}"))
        return None
    role_file, role_doc = _read_model(folder / ROLE_FILE, "RoleFile", problems, cache, root)
    if role_file is not None:
        documents[(role_id,)] = role_doc
    scenes: dict = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == ROLE_FILE:
            continue
        scene_file, doc = _read_model(path, "SceneFile", problems, cache, root)
        if scene_file is None:
            continue
        for scene_id, scene in scene_file["scenes"].items():
            if scene_id in scenes:
                first = documents[(role_id, scene_id)].locate(("scenes", scene_id), key=True)
                problems.append(error("E104", doc.locate(("scenes", scene_id), key=True),
                                      f"scene '{scene_id}' is defined twice in role '{role_id}'",
                                      f"the first is at {first}; scene ids must be unique in a role"))
                continue
            scenes[scene_id] = scene
            documents[(role_id, scene_id)] = doc
    if role_file is None:
        return None
    return Role(id=role_id, scenes=scenes, **role_file)


def _at_key_when_unread(found: list[Problem], document: YamlDocument, key: str, named: str) -> list[Problem]:
    """Problems of a file named by a key of another file; one that could not be read is reported at that key."""
    where = document.locate((key,), key=True)
    return [replace(p, location=where, message=f"{key} file '{named}': {p.message}")
            if p.code in ("E007", "E008") else p for p in found]


def _read_model(path: Path, kind: str, problems: list[Problem],
                cache: ParseCache | None = None, within: Path | None = None) -> tuple[dict | None, YamlDocument | None]:
    """Parse one file (only a regular file inside `within`) and check it against its format, adding any problems.

    Returns the file's attributes (its parts as plain model objects). `kind` names the file's
    model in formats.py, which pydantic validates against only when the quick builder declines.
    """
    document, found = read_yaml(path, cache, within)
    problems.extend(found)
    if document is None:
        return None, None
    problems.extend(control_character_problems(document))
    if not isinstance(document.data, dict):
        problems.append(error("E102", document.locate(()), f"expected a mapping of keys at the top of the file, "
                              f"found {_kind_of(document.data)}", f"see {_FILE_DOCS[kind]}"))
        return None, document
    built = build_file(kind, document.data)
    if built is not None:
        return built, document
    from pydantic import ValidationError  # only here: a file the quick builder declined

    from .formats import RoleFile, SceneFile, SourcesFile, StoryManifest

    model = {"StoryManifest": StoryManifest, "SourcesFile": SourcesFile, "RoleFile": RoleFile,
             "SceneFile": SceneFile}[kind]
    try:
        validated = model.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, document, model))
        return None, document
    return from_validated(validated), document


#: The docstring of each file's model in formats.py (kept here so a malformed file needs no pydantic).
_FILE_DOCS = {
    "StoryManifest": "story/story.yaml: the story's title, version and the roles in order.",
    "SourcesFile": "story/sources.yaml: every document the story cites.",
    "RoleFile": "story/roles/<role>/role.yaml: who the player is and the role's variables.",
    "SceneFile": "story/roles/<role>/*.yaml: a few related scenes of one role.",
}


def validation_problems(exc, document: YamlDocument, model: type) -> list[Problem]:
    """pydantic's errors as writer-facing problems at file:line:col, one per place."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for item in exc.errors(include_url=False):
        loc = tuple(item["loc"])
        data_path = _data_path(loc, document.data)
        kind = item["type"]
        if kind == "extra_forbidden":
            key = data_path[-1] if data_path else loc[-1]
            fields = _field_names_at(model, data_path[:-1])
            where = document.locate(data_path, key=True)
            hint = did_you_mean(str(key), fields) or (f"allowed keys: {', '.join(sorted(fields))}" if fields else "")
            problem = error("E101", where, f"unknown key '{key}'", hint)
        elif kind == "missing":
            where = document.locate(data_path, key=True)
            name = loc[-1]
            problem = error("E102", where, f"missing required key '{name}'" + _in_what(data_path),
                            f"add '{name}:' here")
        else:
            is_key = "[key]" in loc
            where = document.locate(data_path, key=is_key)
            problem = error("E102", where, _friendly_message(item, data_path, is_key), _friendly_hint(item))
        marker = (problem.location, problem.code)
        if marker in seen:
            continue  # unions report each alternative at the same place; one line is enough
        seen.add(marker)
        problems.append(problem)
    return problems


def _data_path(loc: tuple, data: Any) -> tuple:
    """The part of a pydantic error location that exists in the data (drops union tags and '[key]')."""
    path: list = []
    node = data
    for part in loc:
        if part == "[key]":
            break
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            path.append(part)  # a missing or unknown key: point at its parent
            break
    return tuple(path)


def _in_what(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f" in '{'.'.join(str(p) for p in path[:-1])}'" if len(names) > 1 else ""


def _friendly_message(item: dict, path: tuple, is_key: bool) -> str:
    """pydantic's message, reworded where a writer would not follow it."""
    kind, message = item["type"], item["msg"]
    value = item.get("input")
    name = path[-1] if path else "value"
    if kind == "string_pattern_mismatch":
        pattern = item.get("ctx", {}).get("pattern", "")
        if "a-z" in pattern:
            what = "key" if is_key else f"value of '{name}'"
            return f"'{value}' is not a valid id ({what})"
        if r"\d{4}" in pattern:
            return f"'{value}' is not a valid time for '{name}'"
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        return f"'{value}' is not allowed for '{name}'; expected {expected}"
    if kind in ("string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "list_type", "dict_type",
                "model_type", "float_type", "float_parsing"):
        return f"'{name}' should be {_expected_kind(kind)}, found {_kind_of(value)}"
    return f"'{name}': {message[0].lower() + message[1:]}" if message else f"invalid value for '{name}'"


def _friendly_hint(item: dict) -> str:
    pattern = item.get("ctx", {}).get("pattern", "") if item["type"] == "string_pattern_mismatch" else ""
    if "a-z" in pattern:
        return "ids use lower case letters, digits and '_', and start with a letter: 'over_the_sea'"
    if r"\d{4}" in pattern:
        return "write the local time as '1976-09-06T13:50+09:00', or a date such as '1976-09-06'"
    if item["type"] == "string_type":
        return "put text in quotes if it looks like a number or true/false"
    return ""


def _expected_kind(kind: str) -> str:
    return {
        "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
        "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
        "dict_type": "a mapping of keys", "model_type": "a mapping of keys", "float_type": "a number",
        "float_parsing": "a number",
    }.get(kind, "something else")


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:30]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _field_names_at(model: type, path: tuple) -> list[str]:
    """The keys allowed at a data path inside a model (aliases included), for 'did you mean'."""
    annotation: Any = model
    for part in path:
        annotation = _step_into(annotation, part)
        if annotation is None:
            return []
    target = _model_in(annotation)
    if target is None:
        return []
    return [field.alias or name for name, field in target.model_fields.items()]


def _step_into(annotation: Any, part: Any) -> Any:
    """The annotation one step down: a model's field, a dict's value or a list's item."""
    model = _model_in(annotation)
    if model is not None and isinstance(part, str):
        for name, field in model.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    for candidate in _alternatives(annotation):
        origin = typing.get_origin(candidate)
        if origin is dict:
            return typing.get_args(candidate)[1]
        if origin is list:
            return typing.get_args(candidate)[0]
    return None


def _model_in(annotation: Any) -> type | None:
    from pydantic import BaseModel  # only on the way to an error message: pydantic is already loaded

    for candidate in _alternatives(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _alternatives(annotation: Any) -> list:
    """The members of an Optional/Union (or the annotation itself), with Annotated unwrapped."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation)]
    return [annotation]
