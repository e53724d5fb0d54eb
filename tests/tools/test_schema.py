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
