"""The `foxbat` command: the only module that wires the engine, front ends and tools together."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import game

# The engine (pydantic, yaml, transitions) is imported inside the commands that need it: the
# desktop game draws its first frame before loading it, and --help and --version stay instant.

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class MissingShippedStory(Exception):
    """The story that ships with the game is neither beside the package nor inside it."""


def shipped_story_path() -> Path:
    """The story folder that ships with the game (its English interface strings live there too)."""
    from game.shipped import story_folder

    path = story_folder()
    if not (path / "story.yaml").is_file():
        raise MissingShippedStory(path)
    return path


def default_story_path() -> Path:
    """The story folder: $FOXBAT_STORY, or story/ beside the package."""
    override = os.environ.get("FOXBAT_STORY")
    return Path(override) if override else shipped_story_path()


def data_dir() -> Path:
    """Where saves, settings and statistics live: $FOXBAT_DATA_DIR or the platform's data folder."""
    override = os.environ.get("FOXBAT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("foxbat", appauthor=False))


def parse_cache():
    """The cache of parsed story files: $FOXBAT_CACHE_DIR, or the platform's cache folder."""
    from game.engine import ParseCache

    override = os.environ.get("FOXBAT_CACHE_DIR")
    if override:
        return ParseCache(override)
    import platformdirs

    return ParseCache(Path(platformdirs.user_cache_dir("foxbat", appauthor=False)) / "parsed")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one clear line on usage errors."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        self.print_usage(sys.stderr)
        print(f"foxbat: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand and its options."""
    parser = _Parser(prog="foxbat", description="Foxbat: Hakodate, 1976. With no command, starts the desktop game.")
    parser.add_argument("--version", action="version", version=f"foxbat {game.__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    play = commands.add_parser("play", help="play the game (the window, or --text in the terminal)")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--role", help="the role to play: pilot, police or diplomat")
    play.add_argument("--lang", help="language code: en, ja, vi... (default: the saved setting, else en)")
    play.add_argument("--story", type=Path, help="story folder (default: the shipped story)")
    play.add_argument("--autoplay", help="play by itself in the window: historical or random[:SEED]")
    play.add_argument("--screenshots", type=Path, help="with --autoplay: save a PNG of every screen here")
    play.add_argument("--watch", action="store_true", help="reload the story when its files change")
    play.add_argument("--ensemble", action="store_true",
                      help="play every role at once, on one timeline")

    lint = commands.add_parser("lint", help="check a story and print every problem")
    lint.add_argument("path", nargs="?", type=Path, help="story folder (default: the shipped story)")
    lint.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    lint.add_argument("--no-sources", action="store_true", help="skip checking quotes against the source documents")
    lint.add_argument("--sources", type=Path, metavar="DIR",
                      help="check quotes against the documents in DIR (a folder with seeds/ and sources/); "
                           "default: a shared/ folder found beside the story")
    lint.add_argument("--no-cache", action="store_true",
                      help="parse every file and search every role again, ignoring and leaving the caches")

    i18n = commands.add_parser("i18n", help="translation coverage per language, or add missing keys for translators")
    i18n.add_argument("action", choices=["status", "update", "accept"],
                      help="status: coverage; update: add missing keys; accept: mark updated translations current")
    i18n.add_argument("keys", nargs="*", help="with accept: the keys whose translation was updated; with status or "
                      "update: the story folder (like --path)")
    i18n.add_argument("--path", type=Path, help="story folder (default: the shipped story)")
    i18n.add_argument("--lang", help="language code (needed for update and accept; with status: list its stale "
                      "translations, old and new English side by side)")
    i18n.add_argument("--stale", action="store_true", help="with accept: every stale key of --lang")

    export = commands.add_parser("export", help="write the validated story as JSON on stdout")
    export.add_argument("path", nargs="?", type=Path, help="story folder (default: the shipped story)")
    export.add_argument("--format", choices=["json"], default="json", help="output format")

    add_writer_tool_parsers(commands)

    add_classroom_parsers(commands)

    kiosk = commands.add_parser("kiosk", help="run the museum kiosk: fullscreen, attract loop, staff exit")
    kiosk.add_argument("action", nargs="?", choices=["run", "set-pin"], default="run",
                       help="set-pin: ask for a new staff PIN and write its salted hash into --config")
    kiosk.add_argument("--config", type=Path, metavar="FILE", help="kiosk.yaml (see docs/kiosk.example.yaml)")
    kiosk.add_argument("--check", action="store_true",
                       help="check config, story, PIN, display and statistics store, then exit (0 ok, 1 problems)")
    kiosk.add_argument("--allow-default-pin", action="store_true", help="start even with the default PIN 1976")

    stats = commands.add_parser("stats", help="museum statistics of the kiosks")
    stats.add_argument("action", choices=["export"], help="export: the totals on standard output")
    stats.add_argument("--config", type=Path, metavar="FILE", required=True, help="the kiosk.yaml naming the store")
    stats.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default: csv)")
    return parser


def add_classroom_parsers(commands) -> None:
    """The classroom documents' subcommands: debrief and classroom."""
    debrief = commands.add_parser("debrief", help="write a playthrough's debrief for class as PDF or HTML")
    debrief.add_argument("--role", help="the role: pilot, police or diplomat (optional with a save file)")
    debrief.add_argument("--path", default="historical", metavar="historical|random:SEED|SAVEFILE",
                         help="the playthrough: the record, a seeded random one, or a saved game (default: historical)")
    debrief.add_argument("--lang", default="en", help="language code: en, ja, vi... (default: en)")
    debrief.add_argument("--paper", choices=["a4", "letter"], default="a4", help="paper size (default: a4)")
    debrief.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                         help="FILE.pdf or FILE.html (a self-contained page)")

    pack = commands.add_parser("classroom", help="write the teacher's pack (lesson plan, questions, sources)")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    pack.add_argument("--lang", nargs="+", default=["en", "ja", "vi"], metavar="LANG",
                      help="languages to write (default: en ja vi)")
    pack.add_argument("--paper", choices=["a4", "letter"], default="a4", help="paper size (default: a4)")


def add_writer_tool_parsers(commands) -> None:
    """The writer tools' subcommands: graph, playtest, schema."""
    graph = commands.add_parser("graph", help="draw the story map (scenes as boxes, choices as arrows)")
    graph.add_argument("path", nargs="?", type=Path, help="story folder (default: the shipped story)")
    graph.add_argument("--role", help="draw only this role (default: every role)")
    graph.add_argument("--format", choices=["dot", "mermaid", "svg", "png"], default="dot",
                       help="dot or mermaid text, or svg/png drawn by Graphviz (default: dot)")
    graph.add_argument("-o", "--output", type=Path, help="write here instead of standard output (needed for png)")
    graph.add_argument("--from", dest="start", metavar="SCENE",
                       help="draw only the branch that starts at this scene (its role's scenes reachable from it)")

    playtest = commands.add_parser("playtest", help="play the story automatically and report coverage")
    playtest.add_argument("path", nargs="?", type=Path, help="story folder (default: the shipped story)")
    playtest.add_argument("--role", help="test only this role (default: every role)")
    mode = playtest.add_mutually_exclusive_group(required=True)
    mode.add_argument("--exhaustive", action="store_true",
                      help="visit every reachable (scene, variables) state; exit 1 on a dead end or unreachable ending")
    mode.add_argument("--random", type=int, metavar="N", help="N random playthroughs per role")
    mode.add_argument("--historical", action="store_true",
                      help="play the 'record: actual' path of each role and write its transcript")
    mode.add_argument("--depth", type=int, nargs="?", const=1000, metavar="N",
                      help="replay value per role against the targets (N random playthroughs, default 1000; "
                           "exit 1 on a miss)")
    playtest.add_argument("--seed", type=int, default=None,
                          help="with --random: the random seed (default: 0); with --depth: default 11")
    playtest.add_argument("--ensemble", action="store_true",
                          help="play every role together on one timeline, the links between them live "
                               "(with --historical, --random N or --exhaustive)")
    playtest.add_argument("--format", choices=["text", "json"], default="text",
                          help="with --ensemble --historical: json prints the steps (role, scene, when, choice)")
    playtest.add_argument("--prefer-unseen", action="store_true",
                          help="with --random: pick the choices taken least so far")
    playtest.add_argument("-o", "--output", type=Path, metavar="DIR",
                          help="with --historical: write <role>.txt transcripts into DIR")
    playtest.add_argument("--text", action="store_true",
                          help="with --historical: include each scene's title and text and each choice's words")
    playtest.add_argument("--update-golden", action="store_true",
                          help="with --historical: rewrite the golden transcripts in tests/tools/golden/")

    schema = commands.add_parser("schema", help="write the JSON Schemas of the story files for editors")
    schema.add_argument("-o", "--output", type=Path, metavar="DIR", help="folder to write to (default: docs/schema)")
    schema.add_argument("--story", type=Path, metavar="STORY",
                        help="also write DIR/<role>.json per role of this story, with its scene ids, variables "
                             "and source keys, so the editor flags a misspelled goto, variable or source")


def main(argv: list[str] | None = None) -> int:
    """Run the `foxbat` command; returns the exit code."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        # argparse fills a '*' positional before the first option, so the keys of
        # `foxbat i18n accept --lang ja KEY...` arrive here: take them as keys.
        if args.command == "i18n" and not any(item.startswith("-") for item in extra):
            args.keys = [*args.keys, *extra]
        else:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        if args.command is None:
            return run_desktop_or_terminal()
        handler = {"play": cmd_play, "lint": cmd_lint, "export": cmd_export, "i18n": cmd_i18n, "graph": cmd_graph,
                   "playtest": cmd_playtest, "schema": cmd_schema, "kiosk": cmd_kiosk,
                   "debrief": cmd_debrief, "classroom": cmd_classroom, "stats": cmd_stats}[args.command]
        return handler(args)
    except MissingShippedStory as exc:
        print(f"foxbat: the story that ships with the game is missing (looked in {exc.args[0]}): reinstall "
              "the game, or set FOXBAT_STORY to a story folder.", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _load(path: Path | None):
    """The story at path, or None after printing its problems."""
    from game.engine import StoryError, load_story

    try:
        return load_story(path or default_story_path(), parse_cache())
    except StoryError as exc:
        print(str(exc), file=sys.stderr)
        return None


def run_desktop_or_terminal(role: str | None = None, lang: str | None = None) -> int:
    """Open the desktop game; when no display can be opened, say so in one line and play in the terminal."""
    reason = desktop_unavailable_reason()
    if reason is None:
        try:
            from game.frontends.gui.app import run_desktop
        except ImportError:
            reason = "the desktop game is not built yet"
        else:
            status = run_desktop(default_story_path(), data_dir(), role=role, lang=lang)
            if status is not None and status != "no-display":
                return EXIT_OK
            reason = "the window could not be opened"
    print(f"foxbat: {reason}; playing in the terminal instead.", file=sys.stderr)
    return play_text(None, role, lang=lang)


def desktop_unavailable_reason() -> str | None:
    """Why no window can be opened here, or None when one probably can."""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return "no display (SDL_VIDEODRIVER is set to a headless driver)"
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "no display found (DISPLAY is not set)"
    return None


def cmd_play(args: argparse.Namespace) -> int:
    """`foxbat play`."""
    if args.ensemble and (args.text or desktop_unavailable_reason() is not None):
        if not args.text:
            print(f"foxbat: {desktop_unavailable_reason()}; playing in the terminal instead.", file=sys.stderr)
        return play_text(args.story, None, watch=args.watch, lang=args.lang, ensemble=True)
    if args.ensemble:
        args.role = "ensemble"  # the window starts every role at once
    if args.text:
        return play_text(args.story, args.role, watch=args.watch, lang=args.lang)
    if args.role is not None and args.autoplay is None and desktop_unavailable_reason() is not None:
        print(f"foxbat: {desktop_unavailable_reason()}; playing in the terminal instead.", file=sys.stderr)
        return play_text(args.story, None if args.ensemble else args.role, lang=args.lang, ensemble=args.ensemble)
    try:
        from game.frontends.gui.app import run_desktop
    except ImportError:
        print("foxbat: the desktop game is not built yet; playing in the terminal instead.", file=sys.stderr)
        return play_text(args.story, None if args.ensemble else args.role, lang=args.lang, ensemble=args.ensemble)
    status = run_desktop(args.story or default_story_path(), data_dir(), role=args.role, lang=args.lang,
                         autoplay=args.autoplay, screenshots=args.screenshots, watch=args.watch)
    if status == "no-display":
        print("foxbat: the window could not be opened; playing in the terminal instead.", file=sys.stderr)
        return play_text(args.story, None if args.ensemble else args.role, lang=args.lang, ensemble=args.ensemble)
    return EXIT_OK


def play_text(story_path: Path | None, role: str | None, watch: bool = False, lang: str | None = None,
              ensemble: bool = False) -> int:
    """Terminal play of one role (asking which when not given), or of every role at once; ends with the debrief."""
    from game.frontends.terminal import LiveReload, TerminalGame, choose_role
    from game.engine import Edition, SaveStore, languages_in

    root = story_path or default_story_path()
    lang = lang or "en"
    loaded = _load(story_path)
    if loaded is None:
        return EXIT_PROBLEMS
    known = sorted(set(languages_in(root)) | set(languages_in(shipped_story_path())), key=lambda c: (c != "en", c))
    if lang not in known:
        print(f"foxbat: no language '{lang}'; choose one of: {', '.join(known)}", file=sys.stderr)
        return EXIT_USAGE
    edition = Edition.build(loaded, lang, ui_root=shipped_story_path())
    for problem in edition.problems:
        print(problem.format(), file=sys.stderr)
    if role is not None and role not in edition.story.roles:
        print(f"foxbat: unknown role '{role}'; choose one of: {', '.join(edition.story.roles)}", file=sys.stderr)
        return EXIT_USAGE
    read = _reader()
    if ensemble:
        from game.frontends.terminal_ensemble import EnsembleTerminalGame

        live = LiveReload(edition, sys.stdout, cache=parse_cache()) if watch else None
        EnsembleTerminalGame(edition.start_ensemble(), read, sys.stdout, SaveStore(data_dir() / "saves"), live=live,
                             ui=edition.ui).run()
        return EXIT_OK
    if role is None:
        role = choose_role(edition.story, read, sys.stdout, edition.ui)
        if role is None:
            return EXIT_OK
    live = LiveReload(edition, sys.stdout, cache=parse_cache()) if watch else None
    TerminalGame(edition.start(role), read, sys.stdout, SaveStore(data_dir() / "saves"), live=live, ui=edition.ui).run()
    return EXIT_OK


def _reader():
    """input(), which shows the prompt; on piped stdin the prompt still goes to stdout."""
    return input


def cmd_lint(args: argparse.Namespace) -> int:
    """`foxbat lint`: exit 1 on errors, 0 otherwise."""
    from game.tools.lint import lint_story, print_problems, problems_as_json
    from game.tools.quotes import is_sources_folder

    path = args.path or default_story_path()
    if not path.exists():
        print(f"foxbat lint: no such folder: {path}", file=sys.stderr)
        return EXIT_USAGE
    if args.sources is not None and not is_sources_folder(args.sources):
        print(f"foxbat lint: --sources {args.sources}: not a folder of source documents (it needs a seeds/ folder)",
              file=sys.stderr)
        return EXIT_USAGE
    problems = lint_story(path, check_sources=not args.no_sources, sources=args.sources,
                          cache=None if args.no_cache else parse_cache())
    if args.format == "json":
        print(problems_as_json(problems))
    else:
        print_problems(problems, sys.stdout)
    return EXIT_PROBLEMS if any(p.is_error for p in problems) else EXIT_OK


def cmd_i18n(args: argparse.Namespace) -> int:
    """`foxbat i18n status|update`."""
    from game.tools.translations import main as translations_main

    keys = list(args.keys)
    path = args.path
    if args.action != "accept" and path is None and len(keys) == 1 and Path(keys[0]).is_dir():
        path, keys = Path(keys[0]), []  # `foxbat i18n status PATH`: the folder is the story, not a key
    forwarded = [args.action, *keys, "--path", str(path or default_story_path())]
    forwarded += (["--lang", args.lang] if args.lang else []) + (["--stale"] if args.stale else [])
    return translations_main(forwarded)


def cmd_export(args: argparse.Namespace) -> int:
    """`foxbat export --format json`."""
    loaded = _load(args.path)
    if loaded is None:
        return EXIT_PROBLEMS
    json.dump(loaded.story.model_dump(mode="json", by_alias=True, exclude_none=True), sys.stdout, ensure_ascii=False, indent=1)
    print()
    return EXIT_OK


def project_root() -> Path:
    """The folder that holds game/, docs/ and tests/."""
    return Path(game.__file__).resolve().parent.parent


def _story_and_roles(args: argparse.Namespace, command: str):
    """(story, roles) for a tool, or (None, exit code) after printing why not."""
    story = _load(args.path)
    if story is None:
        return None, EXIT_PROBLEMS
    if args.role is None:
        return story, list(story.roles)
    if args.role not in story.roles:
        print(f"foxbat {command}: unknown role '{args.role}'; choose one of: {', '.join(story.roles)}", file=sys.stderr)
        return None, EXIT_USAGE
    return story, [args.role]


def cmd_graph(args: argparse.Namespace) -> int:
    """`foxbat graph`: the story map as dot, mermaid, svg or png."""
    from game.tools.graph import GraphvizMissing, render, to_dot, to_mermaid

    if args.format == "png" and args.output is None:
        print("foxbat graph: --format png needs -o FILE", file=sys.stderr)
        return EXIT_USAGE
    story, roles = _story_and_roles(args, "graph")
    if story is None:
        return roles
    if args.start is not None:
        roles = [r for r in roles if args.start in story.roles[r].scenes]
        if len(roles) != 1:
            why = "no role has" if not roles else f"roles {', '.join(roles)} each have"
            hint = "check the id (foxbat graph --format dot lists them)" if not roles else "add --role ROLE"
            print(f"foxbat graph: {why} a scene '{args.start}'; {hint}", file=sys.stderr)
            return EXIT_USAGE
    if args.format == "mermaid":
        data: bytes = to_mermaid(story, roles, start=args.start).encode("utf-8")
    else:
        # an SVG links each scene to its file and line; dot text stays free of this machine's paths
        source = to_dot(story, roles, start=args.start, links=args.format == "svg")
        try:
            data = source.encode("utf-8") if args.format == "dot" else render(source, args.format)
        except GraphvizMissing as exc:
            print(f"foxbat graph: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.output.write_bytes(data)
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_playtest(args: argparse.Namespace) -> int:
    """`foxbat playtest --exhaustive | --random N | --historical | --depth [N]`."""
    from game.tools import playtest_report

    for flag, runs in (("--random", args.random), ("--depth", args.depth)):
        if runs is not None and runs < 1:
            print(f"foxbat playtest: {flag} needs a number of playthroughs of at least 1", file=sys.stderr)
            return EXIT_USAGE
    if (args.output is not None or args.update_golden or args.text) and not args.historical:
        print("foxbat playtest: -o, --text and --update-golden go with --historical", file=sys.stderr)
        return EXIT_USAGE
    if args.text and args.update_golden:
        print("foxbat playtest: golden transcripts hold the path only; drop --text with --update-golden",
              file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json" and not (args.ensemble and args.historical):
        print("foxbat playtest: --format json goes with --ensemble --historical", file=sys.stderr)
        return EXIT_USAGE
    if args.ensemble and (args.depth is not None or args.role or args.output or args.update_golden or args.text):
        print("foxbat playtest: --ensemble plays every role: use it with --historical, --random N or --exhaustive",
              file=sys.stderr)
        return EXIT_USAGE
    story, roles = _story_and_roles(args, "playtest")
    if story is None:
        return roles
    console = playtest_report.console_for(sys.stdout)
    if args.ensemble:
        mode = "historical" if args.historical else "random" if args.random is not None else "exhaustive"
        return playtest_report.run_ensemble(story, mode, console, args.random or 0, args.seed or 0,
                                            as_json=args.format == "json")
    if args.exhaustive:
        return playtest_report.run_exhaustive(story, roles, console)
    if args.depth is not None:
        return playtest_report.run_depth(story, roles, args.depth, 11 if args.seed is None else args.seed, console)
    if args.random is not None:
        return playtest_report.run_random(story, roles, args.random, args.seed or 0, args.prefer_unseen, console,
                                          progress_stream=sys.stderr)
    out_dir = project_root() / "tests" / "tools" / "golden" if args.update_golden else args.output
    return playtest_report.run_historical(story, roles, console, out_dir, with_text=args.text)


def cmd_schema(args: argparse.Namespace) -> int:
    """`foxbat schema [--story STORY]`: write docs/schema/*.json, and one schema per role of STORY."""
    from game.tools.schema import write_schemas

    out_dir = args.output or project_root() / "docs" / "schema"
    story = None
    if args.story is not None:
        from game.engine import check_story
        from game.tools.lint import print_problems

        if not args.story.is_dir():
            print(f"foxbat schema: --story {args.story}: no such story folder", file=sys.stderr)
            return EXIT_USAGE
        story, problems = check_story(args.story)
        if story is None:
            print_problems([p for p in problems if p.is_error], sys.stderr)
            print("foxbat schema: the story has errors; fix them (foxbat lint) and run this again", file=sys.stderr)
            return EXIT_PROBLEMS
    for path in write_schemas(out_dir):
        print(f"wrote {path}")
    if story is not None:
        from game.tools.schema import write_role_schemas

        for path in write_role_schemas(story.story, out_dir):
            print(f"wrote {path}")
    return EXIT_OK


def _editions(languages: list[str], command: str):
    """The shipped story's edition in each language, or (None, exit code) after saying why not (before any work)."""
    from game.engine import Edition, languages_in

    root = default_story_path()
    known = sorted(set(languages_in(root)) | set(languages_in(shipped_story_path())), key=lambda c: (c != "en", c))
    unknown = [lang for lang in languages if lang not in known]
    if unknown:
        print(f"foxbat {command}: no language '{unknown[0]}'; choose from: {', '.join(known)}", file=sys.stderr)
        return None, EXIT_USAGE
    loaded = _load(None)
    if loaded is None:
        return None, EXIT_PROBLEMS
    return [Edition.build(loaded, lang, ui_root=shipped_story_path()) for lang in languages], EXIT_OK


def cmd_debrief(args: argparse.Namespace) -> int:
    """`foxbat debrief`: one playthrough's debrief as PDF or HTML; exit 2 on bad input."""
    from game.classroom import ClassroomError
    from game.classroom.documents import debrief_html
    from game.classroom.playthrough import playthrough_from_spec
    from game.classroom.render import check_output, write_document

    editions, code = _editions([args.lang], "debrief")
    if editions is None:
        return code
    edition = editions[0]
    try:
        check_output(args.output)
        run = playthrough_from_spec(edition, args.role, args.path)
        write_document(debrief_html(edition, run, args.paper), args.output)
    except ClassroomError as exc:
        print(f"foxbat debrief: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_classroom(args: argparse.Namespace) -> int:
    """`foxbat classroom`: the teacher's pack in each language, PDF and HTML."""
    from game.classroom import ClassroomError
    from game.classroom.documents import write_pack

    editions, code = _editions(args.lang, "classroom")
    if editions is None:
        return code
    if args.output.exists() and not args.output.is_dir():
        print(f"foxbat classroom: {args.output} is a file; -o needs a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"foxbat classroom: cannot make the folder {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    for edition in editions:
        try:
            for path in write_pack(edition, args.output, args.paper):
                print(f"wrote {path}", file=sys.stderr)
        except ClassroomError as exc:
            print(f"foxbat classroom: {exc}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_OK


def cmd_kiosk(args: argparse.Namespace) -> int:
    """`foxbat kiosk [set-pin] [--config FILE] [--check]`: exit 1 on problems, 10 after a staff exit."""
    if args.action == "set-pin":
        from game.frontends.kiosk.setpin import set_pin

        if args.config is None:
            print("foxbat kiosk set-pin: give --config FILE (the kiosk.yaml to write the PIN's hash into)",
                  file=sys.stderr)
            return EXIT_PROBLEMS
        return set_pin(args.config)
    if args.check:
        from game.frontends.kiosk.check import check_kiosk

        return check_kiosk(args.config, default_story_path(), data_dir(), args.allow_default_pin)
    from game.frontends.kiosk.run import run_kiosk

    return run_kiosk(args.config, default_story_path(), shipped_story_path(), data_dir(),
                     allow_default_pin=args.allow_default_pin)


def cmd_stats(args: argparse.Namespace) -> int:
    """`foxbat stats export --config FILE --format csv|json`: the statistics' totals on standard output."""
    from game.frontends.kiosk.stats_export import export_command

    return export_command(args.config, args.format, data_dir())
