"""A built wheel carries the story, the fonts and the map, and plays away from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from .conftest import PROJECT


def test_a_wheel_installed_elsewhere_carries_its_data_and_plays(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(PROJECT)],
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = wheels.glob("foxbat-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("story/story.yaml", "story/roles/pilot/role.yaml", "story/i18n/ja/ui.yaml",
                   "assets/fonts/NotoSansJP-Regular.otf", "assets/fonts/OFL.txt", "assets/maps/flight_map.png"):
        assert f"game/_shipped/{needed}" in names, needed
    assert not [name for name in names if "/make_" in name]  # the asset generators stay in the repository

    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                                str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    env = {**os.environ, "PYTHONPATH": str(target), "FOXBAT_DATA_DIR": str(tmp_path / "data"),
           "FOXBAT_CACHE_DIR": str(tmp_path / "cache"), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env.pop("FOXBAT_STORY", None)
    where = subprocess.run([sys.executable, "-c", "from game.shipped import story_folder, assets_folder; "
                            "print(story_folder()); print(assets_folder())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.split() == [str(target / "game" / "_shipped" / "story"),
                                    str(target / "game" / "_shipped" / "assets")]
    played = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--role", "pilot"], input="1\n" * 40,
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert played.returncode == 0, played.stderr[-2000:]
    assert "You matched the record at" in played.stdout
    page = tmp_path / "debrief.html"
    printed = subprocess.run([sys.executable, "-m", "game", "debrief", "--role", "pilot", "--lang", "ja", "-o", str(page)],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, printed.stderr[-2000:]  # the classroom templates and fonts came with the wheel
    assert "Foxbat Sans JP" in page.read_text(encoding="utf-8")
