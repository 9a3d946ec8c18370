"""``python -m extract``: the same command as ``reportfacts``."""
from .cli import main

main(prog_name="reportfacts")
