"""One player's start: import the engine, load a story through the parse cache, play the historical path.

Run as a whole process (bench/speed.py times it, row `historical`): the CPU a player's start
and one playthrough really cost, so that nothing every play needs is merely deferred out of
`import game.engine`. Plays the first role along the record (the `actual` choice where the
record marks one, else the first open choice), reading each scene's text and choices as a
front end does.

Usage: python bench/historical_play.py STORY CACHE_FOLDER
"""

from __future__ import annotations

import sys


def play(story: str, cache: str) -> int:
    """Load, start the first role and take the historical choice to the end; the number of choices taken."""
    from game.engine import Edition, ParseCache, load_story

    edition = Edition.build(load_story(story, ParseCache(cache)))
    session = edition.start(next(iter(edition.story.roles)))
    taken = 0
    while not session.is_finished:
        session.text
        choices = session.choices
        chosen = next((c for c in choices if c.record == "actual"), choices[0])
        session.choose(chosen.id)
        taken += 1
    return taken


if __name__ == "__main__":
    print(play(sys.argv[1], sys.argv[2]))
