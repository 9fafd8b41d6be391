"""The `hotline` command."""

from hotline.cli.main import main

__all__ = ["main"]
