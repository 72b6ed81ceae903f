"""``python -m pipeline``: the ``faits`` command."""

from .cli import app

app(prog_name="faits")
