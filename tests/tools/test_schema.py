"""`foxbat schema`: JSON Schemas from the models, up to date, described, and valid for the shipped story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.tools.schema import SCHEMAS, build_schema, render_schema

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs" / "schema"
STORY = PROJECT / "story"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _schema_for(path: Path) -> Path:
    if path.name == "story.yaml":
        return DOCS / "story-manifest.json"
    if path.name == "sources.yaml":
        return DOCS / "sources.json"
    return DOCS / ("role.json" if path.name == "role.yaml" else "scenes.json")


def test_the_schema_files_in_docs_match_the_models():
    for name in SCHEMAS:
        assert (DOCS / name).read_text(encoding="utf-8") == render_schema(name), "run: foxbat schema"


def test_every_field_in_every_schema_has_a_description():
    missing = []
    for name in SCHEMAS:
        schema = build_schema(name)
        for owner, definition in [(name, schema), *schema.get("$defs", {}).items()]:
            for field, spec in definition.get("properties", {}).items():
                if "description" not in spec:
                    missing.append(f"{owner}.{field}")
    assert missing == []


def test_schema_writes_the_four_files_to_a_chosen_folder(tmp_path, capsys):
    assert main(["schema", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMAS)
    assert json.loads((tmp_path / "scenes.json").read_text(encoding="utf-8"))["title"] == "SceneFile"


def test_every_shipped_story_file_points_its_editor_at_the_right_schema():
    for path in sorted(STORY.rglob("*.yaml")):
        if "i18n" in path.parts:
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == _schema_for(path).resolve(), path


def _validate(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (pip install -e '.[test]')")
def test_every_shipped_story_file_validates_against_its_schema_with_check_jsonschema():
    groups: dict[Path, list[Path]] = {}
    for path in sorted(STORY.rglob("*.yaml")):
        if "i18n" not in path.parts:
            groups.setdefault(_schema_for(path), []).append(path)
    for schema, files in groups.items():
        result = _validate(schema, files)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (pip install -e '.[test]')")
def test_check_jsonschema_rejects_a_scene_file_with_a_misspelt_key(tmp_path):
    bad = tmp_path / "scenes.yaml"
    bad.write_text('scenes:\n  start:\n    wen: "1976-09-06"\n    where: Here\n    text: Words.\n', encoding="utf-8")
    result = _validate(DOCS / "scenes.json", [bad])
    assert result.returncode != 0 and "wen" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def role_schemas(tmp_path_factory):
    """The per-role schemas of the shipped story, written once."""
    out = tmp_path_factory.mktemp("schemas")
    assert main(["schema", "--story", str(STORY), "-o", str(out)]) == 0
    return out


def test_schema_story_writes_one_schema_per_role_with_its_scene_ids_and_source_keys(role_schemas):
    from game.engine import load_story

    story = load_story(STORY)
    for role_id, role in story.roles.items():
        schema = json.loads((role_schemas / f"{role_id}.json").read_text(encoding="utf-8"))
        assert schema["$defs"]["Choice"]["properties"]["goto"]["enum"] == sorted(role.scenes)
        assert schema["$defs"]["Quote"]["properties"]["source"]["enum"] == sorted(story.sources)


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed (pip install -e '.[test]')")
def test_each_role_validates_against_its_own_schema_and_a_goto_typo_or_unknown_variable_does_not(role_schemas,
                                                                                                   tmp_path):
    files = sorted(p for p in (STORY / "roles" / "police").glob("*.yaml") if p.name != "role.yaml")
    result = _validate(role_schemas / "police.json", files)
    assert result.returncode == 0, result.stdout + result.stderr
    text = files[0].read_text(encoding="utf-8")
    goto = text.split("goto: ", 1)[1].split("\n", 1)[0]
    typo = tmp_path / "typo.yaml"
    typo.write_text(text.replace(f"goto: {goto}", f"goto: {goto}x", 1), encoding="utf-8")
    assert _validate(role_schemas / "police.json", [typo]).returncode != 0
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(text.replace("set: ", "set: contrl += 1; ", 1), encoding="utf-8")
    assert "set: " in text and _validate(role_schemas / "police.json", [unknown]).returncode != 0


def test_schema_story_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["schema", "--story", str(tmp_path / "nowhere"), "-o", str(tmp_path)]) == 2
    assert "no such story folder" in capsys.readouterr().err


def test_the_expression_pattern_accepts_known_words_and_numbers_only():
    import re

    from game.tools.schema import expression_pattern

    pattern = re.compile(expression_pattern(["fuel", "nerve2"]))
    assert pattern.match("fuel > 30 and not nerve2 == 5")
    assert pattern.match("fuel -= 10; nerve2 = true")
    assert not pattern.match("feul > 30")
    assert not pattern.match("fuelx > 3")
