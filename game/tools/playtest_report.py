"""`foxbat playtest`: runs the playtests of game.tools.playtest and prints their reports with rich."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from game.engine import LoadedStory, StoryMachine

from .playtest import Coverage, RandomReport, exhaustive, historical, random_playthroughs


def console_for(stream: TextIO, colour: bool | None = None) -> Console:
    """A rich console on a stream: colours on a terminal, plain text in pipes and tests."""
    return Console(file=stream, force_terminal=colour, no_color=colour is False, highlight=False, soft_wrap=True)


def run_exhaustive(story: LoadedStory, roles: list[str], console: Console) -> int:
    """Print the coverage of every role; 1 when one has a dead end, a trap or an unreachable ending."""
    failed = False
    for role_id in roles:
        coverage = exhaustive(story, role_id)
        print_coverage(coverage, console)
        failed |= coverage.failed
    return 1 if failed else 0


def print_coverage(c: Coverage, console: Console) -> None:
    """One role's exhaustive report."""
    role = c.role
    console.print(f"[bold]{escape(role.id)}[/bold]: {c.states:,} reachable (scene, variables) states"
                  + ("" if c.complete else " [yellow](search stopped at the state limit)[/yellow]"))
    console.print(f"  scenes  {len(c.scenes_reached)}/{len(role.scenes)} reached"
                  + _missing(c.scenes_missed))
    console.print(f"  choices {len(c.choices_taken)}/{len(c.choices_taken) + len(c.choices_missed)} taken"
                  + _missing(c.choices_missed))
    endings = len(c.endings_reached) + len(c.endings_missed)
    console.print(f"  endings {len(c.endings_reached)}/{endings} reached" + _missing(c.endings_missed, "red"))
    if c.playthroughs is not None:
        console.print(f"  {c.playthroughs:,} distinct playthroughs")
    if c.shortest:
        console.print(f"  shortest: {_count(len(c.shortest) - 1)}: {escape(' > '.join(c.shortest))}")
    if c.longest:
        note = " (without repeating a state; the story can loop)" if c.loops else ""
        console.print(f"  longest:  {_count(len(c.longest) - 1)}{note}: {escape(' > '.join(c.longest))}")
    for dead in c.dead_ends:
        console.print(f"  [red]dead end[/red] at {escape(dead)}")
    for trap in c.traps:
        console.print(f"  [red]loop with no way out[/red] from {escape(trap)}")
    console.print()


def _missing(items: list[str], style: str = "yellow") -> str:
    if not items:
        return ""
    return f"; [{style}]never: {escape(', '.join(items))}[/{style}]"


def run_random(story: LoadedStory, roles: list[str], runs: int, seed: int, prefer_unseen: bool, console: Console,
               progress_stream: TextIO | None = None) -> int:
    """N random playthroughs per role with a progress bar; 1 when a run got stuck."""
    failed = False
    bar_console = console_for(progress_stream) if progress_stream is not None else console
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=bar_console, transient=True, disable=not bar_console.is_terminal) as progress:
        reports = []
        for role_id in roles:
            task = progress.add_task(f"{role_id:<10}", total=runs)
            step = max(1, runs // 200)  # redraw ~200 times per role, not once per run
            reports.append(random_playthroughs(
                story, role_id, runs, seed, prefer_unseen,
                advance=lambda run, t=task: (run + 1) % step == 0 and progress.update(t, completed=run + 1)))
            progress.update(task, completed=runs)
    for report in reports:
        print_random(report, console)
        failed |= report.failed
    return 1 if failed else 0


def print_random(r: RandomReport, console: Console) -> None:
    """One role's random-playthrough report: how often each ending and choice was hit."""
    role = r.role
    console.print(f"[bold]{escape(role.id)}[/bold]: {r.runs:,} random playthroughs, "
                  f"{r.steps / max(r.runs, 1):.1f} choices on average")
    endings = Table("ending", "kind", "runs", "share", title=None, box=None, pad_edge=False)
    for scene_id, scene in role.scenes.items():
        if scene.is_ending:
            hits = r.endings[scene_id]
            endings.add_row(scene_id, scene.ending.kind, f"{hits:,}", f"{hits / max(r.runs, 1):.1%}",
                            style=None if hits else "yellow")
    console.print(endings)
    choices = Table("scene/choice", "times", title=None, box=None, pad_edge=False)
    for scene_id, scene in role.scenes.items():
        for choice in scene.choices:
            key = f"{scene_id}/{choice.id}"
            choices.add_row(key, f"{r.choices[key]:,}", style=None if r.choices[key] else "yellow")
    console.print(choices)
    for dead in r.dead_ends:
        console.print(f"  [red]dead end[/red] at {escape(dead)}")
    if r.unfinished:
        console.print(f"  [red]{r.unfinished} run(s) made 1,000 choices without reaching an ending[/red]")
    console.print()


def run_depth(story: LoadedStory, roles: list[str], runs: int, seed: int, console: Console) -> int:
    """The replay figures of each role beside the targets; 1 when a role misses one."""
    from .depth import EARLY, measure

    table = Table("role", "choices/run", "quick ends", f"early alt. endings (<= {EARLY})", "record at 1:2:3...",
                  "one-option", box=None, pad_edge=False)
    missed = []
    for role_id in roles:
        d = measure(story, role_id, runs, seed)
        positions = ":".join(str(d.positions.get(p, 0)) for p in range(1, max(d.positions, default=1) + 1))
        table.add_row(role_id, f"{d.mean_choices:.1f}", f"{len(d.quick_ends)} of {len(d.alternatives)}",
                      str(len(d.early_endings)), f"{positions} ({d.top_position_share:.0%} top)",
                      str(len(d.single_option)))
        missed += [(role_id, miss) for miss in d.misses()]
    console.print(f"Replay value, {runs:,} random playthroughs per role (seed {seed})")
    console.print(table)
    for role_id, miss in missed:
        console.print(f"  [red]{escape(role_id)}[/red]: {escape(miss)}")
    console.print("[green]every role meets the targets[/green]" if not missed else
                  f"[red]{len(missed)} target(s) missed[/red]")
    return 1 if missed else 0


def run_historical(story: LoadedStory, roles: list[str], console: Console, out_dir: Path | None,
                   with_text: bool = False) -> int:
    """Play the record of each role; write transcripts to out_dir (or print them); 1 when one breaks."""
    machine = StoryMachine(story.story, story.rules)  # one for every role
    failed = False
    for role_id in roles:
        transcript = historical(story, role_id, machine, with_text)
        if out_dir is None:
            console.print(escape(transcript.text), end="")
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            target = out_dir / f"{role_id}.txt"
            target.write_text(transcript.text, encoding="utf-8")
            console.print(f"wrote {escape(str(target))}")
        for problem in transcript.problems:
            console.print(f"[red]{escape(role_id)}: {escape(problem)}[/red]")
        failed |= bool(transcript.problems)
    return 1 if failed else 0


def _count(choices: int) -> str:
    return f"{choices} choice{'s' * (choices != 1)}"


def run_ensemble(story: LoadedStory, mode: str, console: Console, runs: int = 0, seed: int = 0,
                 as_json: bool = False) -> int:
    """`foxbat playtest --ensemble`: the historical ensemble, N random ensembles or the exhaustive search."""
    import json

    from .ensemble_playtest import exhaustive_ensemble, historical_ensemble, random_ensembles

    if mode == "historical":
        transcript = historical_ensemble(story)
        if as_json:
            console.file.write(json.dumps([s.as_json() for s in transcript.steps], ensure_ascii=False, indent=1) + "\n")
        else:
            console.print(escape(transcript.text), end="")
        for problem in transcript.problems:
            console.print(f"[red]{escape(problem)}[/red]")
        return 1 if transcript.problems else 0
    if mode == "random":
        report = random_ensembles(story, runs, seed)
        console.print(f"[bold]ensemble[/bold]: {report.runs:,} random ensembles, "
                      f"{report.steps / max(report.runs, 1):.1f} choices on average")
        table = Table("role", "ending", "kind", "runs", box=None, pad_edge=False)
        for (role, scene_id), hits in sorted(report.endings.items()):
            table.add_row(role, scene_id, story.roles[role].scenes[scene_id].ending.kind, f"{hits:,}")
        console.print(table)
        links = Table("scene where another seat changed the choices", "runs", box=None, pad_edge=False)
        for key, hits in report.linked.most_common():
            links.add_row(key, f"{hits:,}")
        console.print(links)
        for dead in report.dead_ends:
            console.print(f"  [red]dead end[/red] {escape(dead)}")
        if report.unfinished:
            console.print(f"  [red]{report.unfinished} run(s) never ended[/red]")
        return 1 if report.failed else 0
    coverage = exhaustive_ensemble(story)
    console.print(f"[bold]ensemble[/bold]: each role searched with every value the others' links can read "
                  f"({coverage.rounds} rounds; at most {', '.join(f'{n} for {r}' for r, n in coverage.inputs.items())} "
                  "combinations at one scene)")
    for role_coverage in coverage.roles:
        print_coverage(role_coverage, console)
    return 1 if coverage.failed else 0
