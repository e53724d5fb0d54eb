"""The screens of the desktop game, one module each."""
