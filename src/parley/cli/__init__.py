"""The ``parley`` command line (Typer + Rich)."""
