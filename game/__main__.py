"""python -m game: the same as the `foxbat` command."""

from game.cli import main

raise SystemExit(main())
