"""faits' logger: ``logging.getLogger("faits")`` and its children (``faits.run``, ``faits.table``...).

Progress, warnings and skipped inputs go through it; what a command prints as its
result (the tables of ``faits query`` and ``faits claims``, the JSON lines of ``faits
normalize``, the run's summary and scores) goes to stdout. As a library faits adds
only a ``NullHandler``: an application configures logging as it likes. The ``faits``
command shows warnings by default, errors only with ``--quiet``, everything with
``--verbose`` (:func:`configure`).
"""

from __future__ import annotations

import logging

LOGGER_NAME = "faits"
logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())

LEVELS = {"quiet": logging.ERROR, "default": logging.WARNING, "verbose": logging.DEBUG}
_COLORS = {logging.WARNING: "yellow", logging.ERROR: "red", logging.CRITICAL: "red"}


def get_logger(name: str | None = None) -> logging.Logger:
    """The ``faits`` logger, or its child ``faits.<name>``."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)


class _EchoHandler(logging.Handler):
    """Writes to the stderr of the moment of the message (a test runner swaps it for each command)."""

    def emit(self, record: logging.LogRecord) -> None:
        import typer

        try:
            typer.secho(self.format(record), err=True, fg=_COLORS.get(record.levelno))
        except Exception:  # noqa: BLE001  (logging must never break the command)
            self.handleError(record)


def configure(*, verbose: bool = False, quiet: bool = False) -> None:
    """Set up the ``faits`` logger for the command line: its level and one handler on stderr."""
    logger = get_logger()
    level = LEVELS["quiet"] if quiet else LEVELS["verbose"] if verbose else LEVELS["default"]
    logger.setLevel(level)
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        handler = _EchoHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)


def is_quiet() -> bool:
    """Whether warnings are hidden (``--quiet``): the progress bar is then off too."""
    return not get_logger().isEnabledFor(logging.WARNING)


__all__ = ["LEVELS", "LOGGER_NAME", "configure", "get_logger", "is_quiet"]
