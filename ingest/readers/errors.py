"""The one error readers raise: a single sentence a user can act on."""

from __future__ import annotations

from models.errors import InputError


class ReadError(InputError):
    """A file or dropped item that could not be read.

    ``str(error)`` is one plain-English sentence that names the file, says what happened
    and what to do; the GUI shows it as is and the CLI prints it to stderr.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReadTimeout(ReadError):
    """Reading took longer than allowed and the worker was stopped."""

    exit_status = 1


class ReadCancelled(ReadError):
    """The caller cancelled the read."""
