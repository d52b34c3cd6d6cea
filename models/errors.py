"""Errors a user can act on. Each message is one sentence: what happened and what to do.

``InputError`` means the user gave something Annalist cannot take (exit status 2 on the
command line); ``WorkspaceError`` means the workspace itself cannot be used as asked.
"""

from __future__ import annotations


class AnnalistError(Exception):
    """Base of every error with a message meant for the user."""

    exit_status = 1


class InputError(AnnalistError):
    """Bad input: a file, a value or a date that Annalist cannot take."""

    exit_status = 2


class ValidationError(InputError):
    """A field value that breaks a rule (empty title, unknown kind, grade out of range)."""


class DuplicateError(InputError):
    """Something that is already in the workspace (same article, same actor name)."""

    def __init__(self, message: str, existing_id: int | None = None):
        super().__init__(message)
        self.existing_id = existing_id


class WorkspaceError(AnnalistError):
    """The workspace file cannot be opened or written as asked."""

    exit_status = 2


class NotAWorkspace(WorkspaceError):
    """The file is not an SQLite database made by Annalist."""


class CorruptWorkspace(WorkspaceError):
    """The file is an Annalist workspace but damaged (truncated, malformed)."""


class NewerWorkspace(WorkspaceError):
    """The workspace was made by a newer version of Annalist."""


class ReadOnlyWorkspace(WorkspaceError):
    """A write was attempted on a workspace opened read-only."""


class WorkspaceLocked(WorkspaceError):
    """Another program kept the workspace busy for longer than we waited."""


class NotFound(InputError):
    """An event, actor or source id that is not (or no longer) in the workspace."""
