"""Editors: the Details dock's event editor, the date field, actor and source dialogs."""
