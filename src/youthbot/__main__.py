"""``python -m youthbot`` runs the command line."""

from youthbot.cli import main

main()
