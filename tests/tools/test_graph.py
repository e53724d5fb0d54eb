"""`foxbat graph`: the story map in dot and Mermaid, and drawn by Graphviz when it is installed."""

from __future__ import annotations

import shutil

import pytest

from game.cli import main
from game.tools import graph
from game.tools.graph import GraphvizMissing, render, to_dot, to_mermaid

from .stories import fixture, load


def test_the_dot_map_has_every_scene_and_every_choice_with_its_text_and_condition():
    dot = to_dot(load("clean"))
    for scene in ("start", "middle", "landed", "ditched"):
        assert f'"agent.{scene}"' in dot
    assert '"agent.middle" -> "agent.ditched"' in dot
    assert "Ditch while the fuel lasts" in dot and "if fuel < 30" in dot


def test_endings_decisions_and_the_historical_path_look_different():
    dot = to_dot(load("clean"))
    lines = {line.strip().split(" [")[0]: line for line in dot.splitlines()}
    assert "doubleoctagon" in lines['"agent.landed"'] and "#c8e6c9" in lines['"agent.landed"']  # historical ending
    assert "#eeeeee" in lines['"agent.ditched"']  # alternative ending
    assert "#fff3c4" in lines['"agent.start"']  # a decision
    record_edges = [line for line in dot.splitlines() if "penwidth=2.5" in line and "agent." in line]
    assert len(record_edges) == 2  # start -go-> middle -land-> landed
    assert any('"agent.start" -> "agent.middle"' in line and "Go" in line for line in record_edges)
    assert not any("Wait an hour" in line for line in record_edges)


def test_an_unreachable_scene_is_drawn_dashed():
    dot = to_dot(load("unreachable"))
    orphan = next(line for line in dot.splitlines() if line.strip().startswith('"agent.orphan" ['))
    assert "dashed" in orphan


def test_quotes_in_text_do_not_break_the_dot_file(tmp_path):
    from .stories import copy, edit

    root = copy("clean", tmp_path)
    edit(root / "roles/agent/01_scenes.yaml", "text: Land\n", "text: 'Say \"land\" and land'\n")
    assert 'Say \\"land\\" and land' in to_dot(load(root))


def test_the_mermaid_map_is_a_flowchart_with_every_scene():
    text = to_mermaid(load("clean"))
    assert text.startswith("flowchart TD")
    assert "agent__start ==>" in text  # the historical path is a thick arrow
    assert "agent__ditched([" in text and "class agent__landed historicalEnding;" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_is_drawn_by_graphviz():
    assert b"<svg" in render(to_dot(load("clean")), "svg")


def test_without_graphviz_svg_fails_with_a_clear_message(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        render("digraph {}", "svg")
    assert main(["graph", str(fixture("clean")), "--format", "svg", "-o", str(tmp_path / "map.svg")]) == 1
    assert "--format dot or --format mermaid" in capsys.readouterr().err


def test_graph_writes_a_file_for_one_role(tmp_path):
    target = tmp_path / "map.dot"
    assert main(["graph", str(fixture("clean")), "--role", "agent", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("digraph story {")


def test_graph_usage_errors_exit_2(tmp_path):
    assert main(["graph", str(fixture("clean")), "--format", "png"]) == 2  # png needs -o
    assert main(["graph", str(fixture("clean")), "--role", "nobody"]) == 2


def test_each_arrow_shows_the_choices_effects():
    dot = to_dot(load("clean"))
    wait = next(line for line in dot.splitlines() if '"agent.start" -> "agent.middle"' in line and "Wait" in line)
    assert "set fuel -= 30" in wait
    assert "(set fuel -= 10)" in to_mermaid(load("clean"))


def test_from_a_scene_draws_only_the_branch_reachable_from_it():
    dot = to_dot(load("clean"), start="middle")
    assert '"agent.middle" [' in dot and '"agent.landed" [' in dot and '"agent.ditched" [' in dot
    assert '"agent.start"' not in dot
    assert "agent__start" not in to_mermaid(load("clean"), start="middle")


def test_linked_scenes_point_at_their_file_and_line():
    dot = to_dot(load("clean"), links=True)
    start = next(line for line in dot.splitlines() if line.strip().startswith('"agent.start" ['))
    assert 'URL="file://' in start and "01_scenes.yaml#L4" in start
    assert 'tooltip="' in start and "01_scenes.yaml:4:" in start
    assert "URL=" not in to_dot(load("clean"))  # plain dot text carries no machine paths


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_the_svg_of_one_branch_links_each_scene(tmp_path):
    target = tmp_path / "branch.svg"
    assert main(["graph", str(fixture("clean")), "--from", "middle", "--format", "svg", "-o", str(target)]) == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.count("01_scenes.yaml#L") == 3  # middle, landed, ditched


def test_from_an_unknown_scene_is_a_usage_error(capsys):
    assert main(["graph", str(fixture("clean")), "--from", "nowhere"]) == 2
    assert "no role has a scene 'nowhere'" in capsys.readouterr().err
