"""Commands that live outside cli.py: the directory and the evaluation."""
