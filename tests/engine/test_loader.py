"""The loader: a valid story loads whole; any input whatsoever gives a Story or a clean StoryError."""

from __future__ import annotations

import shutil
import unicodedata

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import StoryError, check_story, load_story, parse_yaml
from game.engine import yamlfile

from ..conftest import STORIES


def test_the_sample_story_loads_with_its_roles_scenes_and_sources(sample_story):
    pilot = sample_story.roles["pilot"]
    assert pilot.start == "full_tanks" and "hakodate" in pilot.scenes
    assert pilot.scenes["hakodate"].ending.kind == "historical"
    assert sample_story.sources["wib"].kind == "seed"


def test_the_fast_c_loader_is_used_when_pyyaml_has_it():
    if hasattr(yaml, "CSafeLoader"):
        assert yamlfile._LOADER is yaml.CSafeLoader
    else:
        assert yamlfile._LOADER is yaml.SafeLoader


def test_every_story_location_points_at_the_line_that_holds_it(sample_story):
    where = sample_story.locate("pilot", "scenes", "breakaway", "choices", 0, "goto")
    lines = (STORIES / "sample" / "roles" / "pilot" / "01_flight.yaml").read_text().splitlines()
    assert lines[where.line - 1][where.column - 1:].startswith("over_the_sea")


def test_text_is_normalised_to_nfc(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt")
    scene_file.write_text(scene_file.read_text().replace("Over Primorye", decomposed), encoding="utf-8")
    loaded = load_story(story)
    assert loaded.roles["pilot"].scenes["breakaway"].where == unicodedata.normalize("NFC", "Tiếng Việt")


def test_times_written_without_quotes_stay_text(tmp_path):
    document, problems = parse_yaml("when: 1976-09-06\n", "x.yaml")
    assert problems == [] and document.data == {"when": "1976-09-06"}


def test_a_missing_story_folder_is_one_clear_error(tmp_path):
    story, problems = check_story(tmp_path / "nowhere")
    assert story is None and [p.code for p in problems] == ["E007"]


def test_every_error_in_a_story_is_reported_at_once(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(STORIES / "sample", story)
    scene_file = story / "roles" / "pilot" / "01_flight.yaml"
    text = scene_file.read_text().replace("goto: over_the_sea", "goto: over_teh_sea").replace("if: fuel < 80", "if: fule < 80")
    scene_file.write_text(text)
    try:
        load_story(story)
    except StoryError as exc:
        codes = sorted(p.code for p in exc.errors)
    else:
        raise AssertionError("the story should not load")
    assert codes == ["E103", "E103", "E202"]


_yaml_bits = st.sampled_from([
    "scenes:", "  a:", "    text: x", "    when: '1976'", "    choices:", "      - id: b", "        goto: a",
    "&x [1]", "*x", "!!python/object:os.system", "- ", ": ", "{", "}", "[", "]", "'", '"', "\t", "#", "key: value",
    "    ending: {kind: historical, title: t, outcome: o, differs: d}", "    where: w", "\x00", "é", "? ", "---",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(_yaml_bits, max_size=30).map("\n".join)))
def test_any_scene_file_gives_a_story_or_a_clean_story_error(tmp_path_factory, content):
    story = tmp_path_factory.mktemp("fuzz") / "story"
    shutil.copytree(STORIES / "sample", story)
    (story / "roles" / "pilot" / "02_fuzz.yaml").write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        loaded = load_story(story)
    except StoryError as exc:
        assert exc.errors and all(p.location.path for p in exc.errors)
    else:
        assert "pilot" in loaded.roles


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_parse_to_data_or_located_problems(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "file.yaml"
    path.write_bytes(raw)
    document, problems = yamlfile.read_yaml(path)
    assert (document is None) == bool(problems)
    assert all(p.location.line >= 1 for p in problems)


def test_control_characters_in_text_are_a_located_error_and_messages_never_carry_them_raw(tmp_path):
    import io

    from game.tools.lint import lint_story, print_problems

    root = _base_story(tmp_path)
    scene_file = root / "roles" / "pilot" / "01_scenes.yaml"
    text = scene_file.read_text(encoding="utf-8")
    scene_file.write_text(text.replace("    where: Somewhere\n", '    where: Somewhere\n    "\\e[2J": 1\n'), encoding="utf-8")
    problems = lint_story(root, check_sources=False)
    codes = {(p.code, p.location.line) for p in problems}
    assert ("E110", 5) in codes and ("E101", 5) in codes
    out = io.StringIO()
    print_problems(problems, out, colour=False)
    assert "\x1b" not in out.getvalue() and "\\x1b[2J" in out.getvalue()
    assert all("\x1b" not in p.format() for p in problems)


def _base_story(tmp_path):
    """A copy of the malformed-story corpus's valid base story."""
    from ..bad_stories import corpus

    return shutil.copytree(corpus.BASE, tmp_path / "story")
