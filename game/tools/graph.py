"""`foxbat graph`: the story map as Graphviz dot or Mermaid, and svg/png through Graphviz's `dot`."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections import deque
from pathlib import Path

from game.engine import Choice, LoadedStory, Role, historical_path

from .explore import reachable_scenes

LABEL_WIDTH = 28  # characters per line in boxes and on arrows: the map stays readable when printed


class GraphvizMissing(RuntimeError):
    """Graphviz's `dot` program is not installed, so svg and png cannot be drawn."""


def scenes_from(role: Role, start: str) -> set[str]:
    """The scenes a player can reach from `start` (itself included), ignoring conditions."""
    found, queue = {start}, deque([start])
    while queue:
        for choice in role.scenes[queue.popleft()].choices:
            if choice.goto in role.scenes and choice.goto not in found:
                found.add(choice.goto)
                queue.append(choice.goto)
    return found


def to_dot(story: LoadedStory, roles: list[str] | None = None, start: str | None = None, links: bool = False) -> str:
    """The story map in Graphviz's dot language: one cluster per role.

    With `start`, only the branch from that scene is drawn; with `links`, each scene links to the
    file and line where it is written (followed in an SVG viewer, shown as a tooltip on hover).
    """
    lines = [
        "digraph story {",
        '  graph [rankdir=TB, fontname="Helvetica", fontsize=12, nodesep=0.3, ranksep=0.45];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=8, color="#666666", fontcolor="#444444"];',
    ]
    chosen = roles or list(story.roles)
    for role_id in chosen:
        role = story.roles[role_id]
        on_record = set(historical_path(role))
        reached = reachable_scenes(role)
        indent = "  " if len(chosen) == 1 else "    "
        if len(chosen) > 1:
            lines.append(f'  subgraph "cluster_{role_id}" {{')
            lines.append(f'    label="{_escape(role.name)} ({role_id})"; style=rounded; color="#999999";')
        shown = scenes_from(role, start) if start is not None else set(role.scenes)
        for scene_id, scene in role.scenes.items():
            if scene_id in shown:
                style = _node_style(role, scene_id, on_record, reached) + (_link(story, role_id, scene_id) if links else "")
                lines.append(f"{indent}{_node(role_id, scene_id)} [{style}];")
        for scene_id, scene in role.scenes.items():
            for choice in scene.choices:
                if choice.goto not in role.scenes or scene_id not in shown:
                    continue
                historical = scene_id in on_record and choice.goto in on_record and _is_record_step(scene, choice)
                attributes = [f'label="{_escape(_edge_label(choice))}"']
                if historical:
                    attributes += ['color="#b22222"', "penwidth=2.5", 'fontcolor="#b22222"']
                elif choice.record == "invented":
                    attributes.append("style=dashed")
                lines.append(f"{indent}{_node(role_id, scene_id)} -> {_node(role_id, choice.goto)} "
                             f"[{', '.join(attributes)}];")
        if len(chosen) > 1:
            lines.append("  }")
    for source, target, label in cross_role_links(story, chosen, start):
        lines.append(f'  {_node(*source)} -> {_node(*target)} [style=dotted, color="#1f5fbf", fontcolor="#1f5fbf", '
                     f'penwidth=1.5, constraint=false, label="{_escape(label)}"];')
    lines.extend(_legend())
    lines.append("}")
    return "\n".join(lines) + "\n"


def _link(story: LoadedStory, role_id: str, scene_id: str) -> str:
    """Dot attributes linking a scene's box to the file and line where it is written."""
    where = story.locate(role_id, "scenes", scene_id, "<key>")
    target = Path(where.path).resolve().as_uri() + f"#L{where.line}"
    return f', URL="{_escape(target)}", tooltip="{_escape(str(where))}", target="_blank"'


def _legend() -> list[str]:
    """A small key to the styles, drawn beside the map."""
    return [
        '  subgraph "cluster_legend" {',
        '    label="Key"; style=rounded; color="#bbbbbb"; fontsize=10;',
        '    "legend.decision" [label="decision", fillcolor="#fff3c4", penwidth=2];',
        '    "legend.scene" [label="scene"];',
        '    "legend.record" [label="on the historical path", color="#b22222", penwidth=3];',
        '    "legend.ending" [label="alternative ending", shape=doubleoctagon, fillcolor="#eeeeee"];',
        '    "legend.historical" [label="historical ending", shape=doubleoctagon, fillcolor="#c8e6c9"];',
        '    "legend.unreachable" [label="unreachable", style="rounded,filled,dashed", color="#999999"];',
        '    "legend.decision" -> "legend.record" [label="what happened", color="#b22222", penwidth=2.5, '
        'fontcolor="#b22222"];',
        '    "legend.decision" -> "legend.scene" [label="invented", style=dashed];',
        '    "legend.record" -> "legend.historical" [style=invis];',
        '    "legend.scene" -> "legend.ending" [style=invis];',
        '    "legend.scene" -> "legend.unreachable" [style=invis];',
        "  }",
    ]


def _is_record_step(scene, choice: Choice) -> bool:
    """True when this choice is the one the historical path takes out of its scene."""
    actual = next((c for c in scene.choices if c.record == "actual"), None)
    return choice is actual if actual is not None else choice is scene.choices[0]


def _node(role_id: str, scene_id: str) -> str:
    return f'"{role_id}.{scene_id}"'


def _node_style(role: Role, scene_id: str, on_record: set[str], reached: set[str]) -> str:
    """Endings, decisions, the historical path and unreachable scenes each look different."""
    scene = role.scenes[scene_id]
    title = scene.title or scene_id
    label = f"{_wrap(title)}\\n[{scene_id}]"
    style = ["rounded", "filled"]
    fill, colour, shape, width = "#ffffff", "#333333", "box", 1
    if scene.is_ending:
        shape = "doubleoctagon"
        fill = "#c8e6c9" if scene.ending.kind == "historical" else "#eeeeee"
        label = f"{label}\\n({scene.ending.kind} ending)"
    elif scene.is_decision:
        fill = "#fff3c4"
        width = 2
    if scene_id in on_record:
        colour, width = "#b22222", 3
    if scene_id not in reached:
        style.append("dashed")
        colour = "#999999"
    return (f'label="{_escape(label)}", shape={shape}, style="{",".join(style)}", fillcolor="{fill}", '
            f'color="{colour}", penwidth={width}')


def _edge_label(choice: Choice) -> str:
    """The choice's words, then its condition and its effects, each on its own line."""
    parts = [_wrap(choice.text)]
    if choice.condition:
        parts.append(f"if {choice.condition.strip()}")
    effects = _effects_text(choice)
    if effects:
        parts.append(f"set {effects}")
    return "\\n".join(parts)


def _effects_text(choice: Choice) -> str:
    """A choice's `set:` as one line, whether written as a string or a list."""
    effects = choice.effects
    if not effects:
        return ""
    return "; ".join(part.strip() for part in ([effects] if isinstance(effects, str) else effects) if part.strip())


def _wrap(text: str) -> str:
    return "\\n".join(textwrap.wrap(" ".join(text.split()), LABEL_WIDTH)) or " "


def _escape(text: str) -> str:
    """Quote marks escaped for a dot string; our own '\\n' line breaks kept."""
    return text.replace('"', '\\"')


def to_mermaid(story: LoadedStory, roles: list[str] | None = None, start: str | None = None) -> str:
    """The story map as a Mermaid flowchart (renders on GitHub and in many editors); `start` draws one branch."""
    lines = ["flowchart TD",
             "  classDef ending fill:#eeeeee,stroke:#333333;",
             "  classDef historicalEnding fill:#c8e6c9,stroke:#b22222,stroke-width:3px;",
             "  classDef decision fill:#fff3c4,stroke:#333333,stroke-width:2px;",
             "  classDef record stroke:#b22222,stroke-width:3px;",
             "  classDef unreachable stroke-dasharray:5 5,color:#999999;"]
    for role_id in roles or list(story.roles):
        role = story.roles[role_id]
        on_record = set(historical_path(role))
        reached = reachable_scenes(role)
        shown = scenes_from(role, start) if start is not None else set(role.scenes)
        lines.append(f'  subgraph {role_id}["{_mermaid_text(role.name)}"]')
        for scene_id, scene in role.scenes.items():
            if scene_id not in shown:
                continue
            node = f"{role_id}__{scene_id}"
            title = _mermaid_text(scene.title or scene_id)
            if scene.is_ending:
                lines.append(f'    {node}(["{title}"])')
                lines.append(f"    class {node} {'historicalEnding' if scene.ending.kind == 'historical' else 'ending'};")
            else:
                lines.append(f'    {node}["{title}"]')
                if scene.is_decision:
                    lines.append(f"    class {node} decision;")
            if scene_id in on_record and not scene.is_ending:
                lines.append(f"    class {node} record;")
            if scene_id not in reached:
                lines.append(f"    class {node} unreachable;")
        for scene_id, scene in role.scenes.items():
            for choice in scene.choices:
                if choice.goto not in role.scenes or scene_id not in shown:
                    continue
                effects = _effects_text(choice)
                label = _mermaid_text(" ".join(choice.text.split()) + (f" (if {choice.condition})" if choice.condition else "")
                                      + (f" (set {effects})" if effects else ""))
                arrow = "==>" if scene_id in on_record and _is_record_step(scene, choice) else (
                    "-.->" if choice.record == "invented" else "-->")
                lines.append(f'    {role_id}__{scene_id} {arrow}|"{label}"| {role_id}__{choice.goto}')
        lines.append("  end")
    for (role_a, scene_a), (role_b, scene_b), label in cross_role_links(story, roles or list(story.roles), start):
        lines.append(f'  {role_a}__{scene_a} -.->|"{_mermaid_text(label)}"| {role_b}__{scene_b}')
    return "\n".join(lines) + "\n"


def cross_role_links(story: LoadedStory, roles: list[str], start: str | None = None) -> list[tuple]:
    """Links between drawn roles: ((role, scene of the choice read), (role, scene that reads it), label).

    Drawn as dotted blue arrows from the scene whose choice is read to the scene whose `if:` or
    `set:` reads it ('fire -> rush': the pilot's `fire` opens or closes the police's `rush`).
    """
    found = []
    for role_id in roles:
        role = story.roles[role_id]
        shown = scenes_from(role, start) if start is not None else set(role.scenes)
        for scene_id, scene in role.scenes.items():
            if scene_id not in shown:
                continue
            for choice in scene.choices:
                compiled = story.rules.of(role_id, scene_id, choice.id)
                names = (compiled.condition.reads if compiled.condition else frozenset()) | compiled.effects.reads
                for name in sorted(n for n in names if n.count(".") == 2):
                    other, read_scene, read_choice = name.split(".")
                    if other in roles and other != role_id and read_scene in story.roles[other].scenes:
                        found.append(((other, read_scene), (role_id, scene_id), f"link: {read_choice} -> {choice.id}"))
    return found


def _mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label."""
    return text.replace('"', "#quot;").replace("|", "#124;")


def render(dot_source: str, fmt: str) -> bytes:
    """svg or png bytes drawn by Graphviz's `dot`; GraphvizMissing when it is not installed."""
    program = shutil.which("dot")
    if program is None:
        raise GraphvizMissing(
            "Graphviz's 'dot' program is not installed, so svg and png cannot be drawn. Install it "
            "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or use "
            "--format dot or --format mermaid.")
    result = subprocess.run([program, f"-T{fmt}"], input=dot_source.encode("utf-8"), capture_output=True,
                            timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"dot failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout
