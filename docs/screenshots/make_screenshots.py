"""Regenerate docs/screenshots/: play each role by autoplay in a real window under Xvfb and keep a selection.

Needs Xvfb; uses ImageMagick's `convert`, when present, to store them as 256-colour PNGs (< 300 KB).
Run: .venv/bin/python docs/screenshots/make_screenshots.py [FOLDER-OF-EARLIER-AUTOPLAY-SCREENSHOTS]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
#: (role or None for the title and role screens first, screenshot name part, file name here)
KEEP = [
    (None, "_title", "title.png"),
    (None, "_roles", "roles.png"),
    (None, "_map", "pilot-flight-map.png"),
    (None, "_pause", "pause.png"),
    (None, "_settings", "settings.png"),
    (None, "_history", "history.png"),
    (None, "_undo", "undo.png"),
    (None, "_load", "load.png"),
    (None, "_scene-sea_crossing", "pilot-scene.png"),
    (None, "_document-radar_log", "pilot-radar-log.png"),
    (None, "_debrief", "pilot-debrief.png"),
    (None, "_quote", "source-quote.png"),
    ("police", "_scene-white_flag", "police-scene.png"),
    ("police", "_document-charge_sheet", "police-charge-sheet.png"),
    ("police", "_debrief", "police-debrief.png"),
    ("diplomat", "_scene-who_leads", "diplomat-scene.png"),
    ("diplomat", "_document-hakodate_telex", "diplomat-telex.png"),
]


def main() -> None:
    """Play (unless given a folder of earlier autoplay screenshots), pick, shrink."""
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else play()
    pick(work)


def play() -> Path:
    """Autoplay each role in a real window under Xvfb; the folder of their screenshots."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("Xvfb is needed: apt-get install -y xvfb")
    read, write = os.pipe()
    # A screen larger than the 1280x720 window: the game shrinks its window to fit smaller screens.
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as stream:
        display = ":" + stream.readline().strip()
    work = Path(tempfile.mkdtemp())
    try:
        for role in (None, "police", "diplomat"):
            env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
            env.update(DISPLAY=display, SDL_AUDIODRIVER="dummy", FOXBAT_DATA_DIR=str(work / f"data-{role}"))
            command = [sys.executable, "-m", "game", "play", "--autoplay", "historical",
                       "--screenshots", str(work / str(role))]
            if role:
                command[4:4] = ["--role", role]
            subprocess.run(command, cwd=ROOT, env=env, check=True)
    finally:
        server.terminate()
    return work


def pick(work: Path) -> None:
    """Copy the chosen screenshots here, as 256-colour PNGs when ImageMagick is there."""
    convert = shutil.which("convert")
    for role, part, name in KEEP:
        found = sorted((work / str(role)).glob(f"*{part}.png"))
        if not found:
            print(f"missing: {role} {part}")
            continue
        target = HERE / name
        done = convert is not None and subprocess.run(
            [convert, str(found[0]), "-colors", "256", "-define", "png:compression-level=9", str(target)],
            capture_output=True).returncode == 0
        if not done:
            shutil.copy(found[0], target)
        print(f"{name}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
