"""The zoomable timeline widget (see ``ui.timeline.view`` for its API)."""

from ui.timeline.view import TimelineView

__all__ = ["TimelineView"]
