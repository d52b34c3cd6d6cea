"""Qt item models over the workspace: thin, lazy, refreshed from change records."""
