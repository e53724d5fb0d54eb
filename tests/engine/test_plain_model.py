"""The plain runtime model: built without pydantic when a file is plain, and always what pydantic would build."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
import subprocess
import sys
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Choice, ParseCache, Position, Scene, Story, load_story, read_yaml
from game.engine import build, formats
from game.engine.i18n import load_catalog

from ..conftest import PROJECT, STORIES

SHIPPED = PROJECT / "story"
KIND_OF = {"story.yaml": "StoryManifest", "sources.yaml": "SourcesFile", "role.yaml": "RoleFile"}


def _files(root):
    """(kind, parsed data) of every file of a story folder."""
    for path in sorted(root.rglob("*.yaml")):
        if "i18n" in path.parts:
            continue
        document, _ = read_yaml(path)
        yield KIND_OF.get(path.name, "SceneFile"), document.data


def _pydantic(kind: str, data):
    """What pydantic makes of a file, as plain objects; None when it refuses it."""
    try:
        return build.from_validated(getattr(formats, kind).model_validate(data))
    except Exception:  # noqa: BLE001  pydantic's ValidationError (or a refusal of the file's shape)
        return None


def _shown(attributes: dict | None) -> str | None:
    """A file's attributes as text: equal values of the same types (141.0 is not 141), in any order."""
    return None if attributes is None else repr(sorted(attributes.items()))


def test_the_runtime_objects_are_plain_frozen_slotted_classes(sample_story):
    scene = sample_story.roles["pilot"].scenes["breakaway"]
    assert type(scene) is Scene and type(scene.choices[0]) is Choice and not hasattr(scene, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        scene.choices[0].goto = "elsewhere"
    assert Position(lon=141.0, lat=41.8) == Position(lon=141.0, lat=41.8)
    assert hash(Position(lon=141.0, lat=41.8)) == hash(Position(lon=141.0, lat=41.8))
    assert scene.choice(scene.choices[0].id) is scene.choices[0] and scene.choice("no_such") is None


def test_a_dump_keeps_the_keys_the_files_use(sample_story):
    choice = next(c for c in sample_story.roles["pilot"].scenes["over_the_sea"].choices if c.condition)
    dumped = choice.model_dump(by_alias=True, exclude_none=True)
    assert dumped["if"] == choice.condition and "condition" not in dumped
    assert all(value is not None for value in dumped.values())
    assert choice.model_copy(update={"text": "Other"}).text == "Other" and choice.text != "Other"
    json.dumps(sample_story.story.model_dump(mode="json", by_alias=True, exclude_none=True))


@pytest.mark.parametrize("root", [SHIPPED, STORIES / "sample"], ids=["shipped", "sample"])
def test_the_quick_builder_takes_every_file_of_a_clean_story_and_builds_what_pydantic_builds(root):
    for kind, data in _files(root):
        quick = build.build_file(kind, data)
        assert quick is not None, f"the quick builder declined a {kind} of {root.name}"
        assert _shown(quick) == _shown(_pydantic(kind, data))


def test_each_quick_checker_has_the_keys_requirements_and_defaults_of_its_pydantic_model():
    checkers = {**build.FILES, **{cls: getattr(build, name) for name, cls in [
        ("quote", "Quote"), ("version", "Version"), ("history", "History"), ("dossier", "Dossier"),
        ("choice", "Choice"), ("ending", "Ending"), ("position", "Position"), ("scene", "Scene"),
        ("variable", "Variable"), ("source", "Source")]}}
    for name, check in checkers.items():
        model = getattr(formats, name)
        keys = {field.alias or attr: (attr, field.is_required()) for attr, field in model.model_fields.items()}
        assert {key: (attr, needed) for key, (attr, _, needed) in check.spec.items()} == keys, name
        plain = getattr(__import__("game.engine.model", fromlist=[name]), name, None)
        if plain is not None:
            assert [f.name for f in dataclasses.fields(plain)] == list(model.model_fields), name
            for item in dataclasses.fields(plain):
                field = model.model_fields[item.name]
                if not field.is_required():
                    default = item.default_factory() if item.default is dataclasses.MISSING else item.default
                    assert default == field.get_default(call_default_factory=True), (name, item.name)


def test_the_literal_words_the_quick_builder_allows_are_the_formats_own():
    for attr, key, checker in [("kind", "kind", build.dossier), ("status", "status", build.history),
                               ("record", "record", build.choice), ("kind", "kind", build.ending),
                               ("kind", "kind", build.source), ("type", "type", build.variable)]:
        model = {build.dossier: formats.Dossier, build.history: formats.History, build.choice: formats.Choice,
                 build.ending: formats.Ending, build.source: formats.Source, build.variable: formats.Variable}[checker]
        annotation = model.model_fields[attr].annotation
        words = set(typing.get_args(next((a for a in typing.get_args(annotation) if a is not type(None)), annotation))
                    or typing.get_args(annotation))
        check = checker.spec[key][1]
        for word in words:
            assert check(word) == word
        with pytest.raises(build._Refused):
            check("not_a_word_of_the_format")


# Values a writer might put anywhere: the right ones, and every near miss pydantic coerces or refuses.
_ODD = st.one_of(st.none(), st.booleans(), st.integers(-300, 300), st.floats(allow_nan=True), st.text(max_size=5),
                 st.sampled_from(["", "s1", "Bad Id", "1976-09-06", "1976-09-06T13:50+09:00", "٢٠٢٠-01", "actual",
                                  "documented", "cable", "int", "5", "true", "x" * 65]),
                 st.lists(st.text(max_size=3), max_size=2), st.dictionaries(st.text(max_size=3), st.none(), max_size=1))


def _scene_file():
    data = {"scenes": {"s1": {
        "when": "1976-09-06T13:50+09:00", "where": "Over the sea", "title": "T", "text": "You fly.",
        "choices": [{"id": "on", "text": "Go on", "goto": "s1", "if": "fuel > 1", "set": ["fuel -= 1"],
                     "record": "actual", "note": "n"}],
        "history": {"status": "contested", "what_happened": "It happened.",
                    "sources": [{"source": "src", "quote": "q", "translation": "t", "summary": False}],
                    "versions": [{"claim": "c", "sources": [{"source": "src", "quote": "q"}]}], "dramatized": ""},
        "dossier": [{"id": "d", "kind": "cable", "title": "T", "text": "x", "status": "documented",
                     "sources": [{"source": "src", "quote": "q"}]}],
        "image": "a.png", "at": {"lon": 141, "lat": 41.5},
        "ending": None}}}
    return data


def _paths(node, here=()):
    """Every data path in a tree of dicts and lists."""
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, here + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, here + (index,))


_SCENE_PATHS = list(_paths(_scene_file()))[1:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_SCENE_PATHS), st.sampled_from(["set", "drop", "add"]), _ODD),
                min_size=1, max_size=3))
def test_the_quick_builder_never_accepts_what_pydantic_refuses_nor_builds_anything_else(changes):
    data = _scene_file()
    for path, how, value in changes:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if how == "set":
                parent[path[-1]] = value
            elif how == "drop":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent["unknown_key"] = value
        except (KeyError, IndexError, TypeError):
            continue
    quick = build.build_file("SceneFile", copy.deepcopy(data))
    if quick is not None:
        assert _shown(quick) == _shown(_pydantic("SceneFile", data))


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    return result.stdout.strip()


def test_a_warm_load_and_a_cold_load_of_a_plain_story_never_import_pydantic(tmp_path):
    code = ("import sys; from game.engine import ParseCache, load_story, Edition; "
            f"cache = ParseCache({str(tmp_path / 'cache')!r}); "
            f"cold = load_story({str(SHIPPED)!r}, cache); warm = load_story({str(SHIPPED)!r}, cache); "
            "Edition.build(warm).start(next(iter(warm.roles))); "
            "print(cold.story == warm.story, 'pydantic' in sys.modules)")
    assert _run(code) == "True False"


def test_a_file_only_pydantic_accepts_loads_through_it_to_the_same_story(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    plain = load_story(story).story
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    text = scene_file.read_text(encoding="utf-8")
    assert "    if: " in text
    scene_file.write_text(text.replace("    if: ", "    condition: "), encoding="utf-8")  # the name, not the key
    assert build.build_file("SceneFile", read_yaml(scene_file)[0].data) is None
    assert load_story(story).story == plain


def test_a_cached_load_gives_an_equal_story_and_a_damaged_cache_falls_back_to_reading(tmp_path):
    cache = ParseCache(tmp_path / "cache")
    first = load_story(STORIES / "sample", cache).story
    assert type(first) is Story and load_story(STORIES / "sample", cache).story == first
    for pack in (tmp_path / "cache").glob("*.pack"):
        pack.write_bytes(pack.read_bytes()[:40])
    assert load_story(STORIES / "sample", cache).story == first


def test_a_translation_file_read_quickly_gives_the_catalog_pydantic_gives(monkeypatch):
    quick, problems = load_catalog(SHIPPED, "ja")
    assert problems == [] and quick.entries
    monkeypatch.setattr("game.engine.i18n.translation_file", lambda data: None)  # every file through pydantic
    slow, _ = load_catalog(SHIPPED, "ja")
    assert slow.entries == quick.entries and (slow.name, slow.scope) == (quick.name, quick.scope)


def test_the_hint_for_a_file_that_is_not_a_mapping_quotes_its_models_docstring():
    from game.engine.loader import _FILE_DOCS

    assert _FILE_DOCS == {kind: getattr(formats, kind).__doc__ for kind in build.FILES}
