"""Story files' data into the plain model, quickly, for data already in the format's plain shape.

Every clean story file is plain YAML whose values already have the types the format asks for,
so most of pydantic's work (importing it, building its models, coercing) buys nothing on the
way to play. This builder accepts only that plain shape: exact types, every key known, every id,
time and choice of words as the format allows. Anything else, even what pydantic would accept
by coercing it (a quoted number, `condition:` for `if:`), makes it give up (None), and the
loader then validates the file with the pydantic models of formats.py, whose verdict and error
messages stand. So this may refuse more than the format does, never accept more; a property
test holds it to pydantic (tests/engine/test_plain_model.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import MISSING, fields
from typing import Any, Callable

from .model import Choice, Dossier, Ending, History, Position, Premise, Quote, Role, Scene, Source, Variable, Version

_ID = re.compile(r"[a-z][a-z0-9_]*").fullmatch
_WHEN = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?:[+-][0-9]{2}:[0-9]{2})?)?)?").fullmatch


class _Refused(Exception):
    """The data is not in the plain shape: pydantic decides."""


def _text(value: Any) -> str:
    if type(value) is not str or not value:
        raise _Refused
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Refused
    return value


def _id(value: Any) -> str:
    if type(value) is not str or len(value) > 64 or not _ID(value):
        raise _Refused
    return value


def _when(value: Any) -> str:
    if type(value) is not str or not _WHEN(value):
        raise _Refused
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Refused
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Refused
    return value


def _bool_or_int(value: Any) -> bool | int:
    if type(value) is not int and type(value) is not bool:
        raise _Refused
    return value


def _optional(check: Callable) -> Callable:
    return lambda value: None if value is None else check(value)


def _one_of(*words: str) -> Callable:
    allowed = frozenset(words)

    def check(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            raise _Refused
        return value
    return check


def _degrees(limit: float) -> Callable:
    def check(value: Any) -> float:
        if type(value) is not float and type(value) is not int:
            raise _Refused
        value = float(value)
        if not (-limit <= value <= limit) or math.isnan(value):
            raise _Refused
        return value
    return check


def _list_of(check: Callable, at_least: int = 0) -> Callable:
    def check_list(value: Any) -> list:
        if type(value) is not list or len(value) < at_least:
            raise _Refused
        return [check(item) for item in value]
    return check_list


def _ids_to(check: Callable) -> Callable:
    def check_dict(value: Any) -> dict:
        if type(value) is not dict:
            raise _Refused
        return {_id(key): check(item) for key, item in value.items()}
    return check_dict


def _effects(value: Any) -> str | list[str] | None:
    if value is None or type(value) is str:
        return value
    if type(value) is list and all(type(item) is str for item in value):
        return list(value)
    raise _Refused


_REQUIRED = object()


def _record(cls: type | None, spec: dict[str, tuple[str, Callable, bool]]) -> Callable:
    """A checker for a mapping with exactly these keys (file key -> attribute, check, required) into cls.

    With a class, the object is made and its slots filled directly (what its frozen __init__
    does, without building keyword arguments): a 5,000-scene story has 20,000 of them.
    """
    required = frozenset(key for key, (_, _, needed) in spec.items() if needed)
    if cls is None:
        def check_dict(value: Any) -> dict:
            if type(value) is not dict or not required <= value.keys():
                raise _Refused
            found = {}
            for key, item in value.items():
                entry = spec.get(key)
                if entry is None:
                    raise _Refused
                found[entry[0]] = entry[1](item)
            return found
        check_dict.spec = spec
        return check_dict

    slots = {item.name: getattr(cls, item.name).__set__ for item in fields(cls)}
    setters = {key: (slots[attr], check) for key, (attr, check, _) in spec.items()}
    # The attributes a file may leave out, each with how to fill it: a value, or a factory (a new list).
    defaults = {key: (slots[attr], item.default_factory if item.default is MISSING else None,
                      None if item.default is MISSING else item.default)
                for key, (attr, _, needed) in spec.items() if not needed
                for item in fields(cls) if item.name == attr}
    every = len(spec)
    new = object.__new__

    def check(value: Any):
        if type(value) is not dict or not required <= value.keys():
            raise _Refused
        made = new(cls)
        for key, item in value.items():
            entry = setters.get(key)
            if entry is None:
                raise _Refused
            entry[0](made, entry[1](item))
        if len(value) < every:
            for key, (put, factory, default) in defaults.items():
                if key not in value:
                    put(made, default if factory is None else factory())
        return made
    check.spec = spec  # for the test that holds this to the pydantic models
    return check


def _fields(**spec: tuple[Callable, bool]) -> dict[str, tuple[str, Callable, bool]]:
    """Keys that are their attribute's name."""
    return {key: (key, check, needed) for key, (check, needed) in spec.items()}


REQUIRED, OPTIONAL = True, False

quote = _record(Quote, _fields(source=(_id, REQUIRED), quote=(_text, REQUIRED),
                               translation=(_optional(_str), OPTIONAL), summary=(_bool, OPTIONAL)))
version = _record(Version, _fields(claim=(_text, REQUIRED), sources=(_list_of(quote, 1), REQUIRED)))
history = _record(History, _fields(
    status=(_one_of("documented", "contested", "dramatized"), REQUIRED), what_happened=(_text, REQUIRED),
    sources=(_list_of(quote), OPTIONAL), versions=(_list_of(version), OPTIONAL), dramatized=(_str, OPTIONAL)))
dossier = _record(Dossier, _fields(
    id=(_id, REQUIRED),
    kind=(_one_of("cable", "telex", "radar_log", "police_form", "charge_sheet", "notebook", "newspaper", "memo", "map"),
          REQUIRED),
    title=(_text, REQUIRED), text=(_text, REQUIRED),
    status=(_one_of("documented", "reconstructed", "dramatized"), OPTIONAL), sources=(_list_of(quote), OPTIONAL)))
choice = _record(Choice, {
    "id": ("id", _id, REQUIRED), "text": ("text", _text, REQUIRED), "goto": ("goto", _id, REQUIRED),
    "if": ("condition", _optional(_str), OPTIONAL), "set": ("effects", _effects, OPTIONAL),
    "record": ("record", _optional(_one_of("actual", "considered", "invented")), OPTIONAL),
    "note": ("note", _str, OPTIONAL),
})
ending = _record(Ending, _fields(kind=(_one_of("historical", "alternative"), REQUIRED), title=(_text, REQUIRED),
                                 outcome=(_text, REQUIRED), differs=(_text, REQUIRED)))
position = _record(Position, _fields(lon=(_degrees(180), REQUIRED), lat=(_degrees(90), REQUIRED)))
scene = _record(Scene, _fields(
    when=(_when, REQUIRED), where=(_text, REQUIRED), title=(_str, OPTIONAL), text=(_text, REQUIRED),
    choices=(_list_of(choice), OPTIONAL), ending=(_optional(ending), OPTIONAL), history=(_optional(history), OPTIONAL),
    dossier=(_list_of(dossier), OPTIONAL), image=(_optional(_str), OPTIONAL), at=(_optional(position), OPTIONAL)))
variable = _record(Variable, _fields(
    type=(_one_of("int", "bool"), OPTIONAL), initial=(_bool_or_int, OPTIONAL), min=(_optional(_int), OPTIONAL),
    max=(_optional(_int), OPTIONAL), label=(_text, REQUIRED), unit=(_str, OPTIONAL), visible=(_bool, OPTIONAL),
    description=(_str, OPTIONAL)))
source = _record(Source, _fields(
    title=(_text, REQUIRED), author=(_str, OPTIONAL), publisher=(_str, OPTIONAL), date=(_str, OPTIONAL),
    language=(_str, OPTIONAL), kind=(_one_of("seed", "secondary", "primary"), OPTIONAL),
    file=(_optional(_str), OPTIONAL), url=(_optional(_str), OPTIONAL), reliability=(_text, REQUIRED)))

premise = _record(Premise, {"if": ("condition", _str, REQUIRED), "text": ("text", _text, REQUIRED)})

# The files: their top level as a dict of attributes (the loader assembles Story and Role).
story_manifest = _record(None, _fields(
    id=(_id, REQUIRED), title=(_text, REQUIRED), version=(_str, OPTIONAL), language=(_str, OPTIONAL),
    sources=(_str, OPTIONAL), roles=(_list_of(_id, 1), REQUIRED)))
sources_file = _record(None, _fields(sources=(_ids_to(source), REQUIRED)))
role_file = _record(None, _fields(
    name=(_text, REQUIRED), title=(_text, REQUIRED), summary=(_text, REQUIRED), start=(_id, REQUIRED),
    variables=(_ids_to(variable), OPTIONAL), epilogue=(_str, OPTIONAL), question=(_str, OPTIONAL),
    premise=(_optional(premise), OPTIONAL)))
scene_file = _record(None, _fields(scenes=(_ids_to(scene), REQUIRED)))



def _hash(value: Any) -> str:
    """A translation's hash; an all-digit one reads as a YAML number and is still a hash (as formats.Entry)."""
    if type(value) is int:
        return str(value)
    return _str(value)


def _strs_to(check: Callable) -> Callable:
    def check_dict(value: Any) -> dict:
        if type(value) is not dict:
            raise _Refused
        return {_str(key): check(item) for key, item in value.items()}
    return check_dict


_entry = _record(None, _fields(hash=(_hash, REQUIRED), en=(_str, OPTIONAL), text=(_str, OPTIONAL)))
_translation_file = _record(None, _fields(
    language=(_str, REQUIRED), name=(_str, OPTIONAL), scope=(_one_of("story", "ui"), OPTIONAL),
    entries=(_strs_to(_entry), OPTIONAL)))


def translation_file(data: Any) -> dict | None:
    """A translation file's language, name, scope and entries (each a dict), or None when pydantic must decide."""
    try:
        found = _translation_file(data)
    except _Refused:
        return None
    return {"name": "", "scope": "story", "entries": {}, **found}


#: The quick checker of each kind of file, by the name of its pydantic model in formats.py.
FILES = {"StoryManifest": story_manifest, "SourcesFile": sources_file, "RoleFile": role_file, "SceneFile": scene_file}
#: Defaults of the file-level attributes a file may leave out (the classes hold the rest).
FILE_DEFAULTS = {
    "StoryManifest": {"version": "1", "language": "en", "sources": "sources.yaml"},
    "SourcesFile": {},
    "RoleFile": {"variables": {}, "epilogue": "", "question": "", "premise": None},
    "SceneFile": {},
}


def build_file(kind: str, data: Any) -> dict | None:
    """The attributes of a file of this kind (its parts as plain model objects), or None when pydantic must decide."""
    try:
        found = FILES[kind](data)
    except _Refused:
        return None
    return {**FILE_DEFAULTS[kind], **found}


#: The plain class of each model of formats.py, by its name (the files' own models have none).
_PLAIN = {cls.__name__: cls for cls in (Choice, Dossier, Ending, History, Position, Premise, Quote, Role, Scene,
                                        Source, Variable, Version)}


def from_validated(model: Any) -> Any:
    """What pydantic validated (formats.py models, lists, dicts) as the plain classes of model.py."""
    fields = getattr(type(model), "model_fields", None)
    if fields is not None:
        values = {name: from_validated(getattr(model, name)) for name in fields}
        cls = _PLAIN.get(type(model).__name__)
        return values if cls is None else cls(**values)
    if isinstance(model, dict):
        return {key: from_validated(value) for key, value in model.items()}
    if isinstance(model, list):
        return [from_validated(value) for value in model]
    return model
