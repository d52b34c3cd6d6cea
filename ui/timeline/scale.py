"""Where a moment is drawn: the mapping between UTC seconds and pixels, and zooming.

Pure Python (no Qt) so the arithmetic the tests lean on is plain. The plot's left edge
shows ``t0``; each pixel is ``spp`` seconds wide.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import dates

MIN_WINDOW = 10 * 60  # seconds across the whole plot: a few minutes
MAX_WINDOW = 12_000 * 365.2425 * 86400  # about the whole range the date model allows
FIRST = float(dates.OPEN_START)
LAST = float(dates.OPEN_END)


@dataclass
class TimeScale:
    """Seconds <-> pixels for a plot ``width`` pixels wide starting at ``left``."""

    t0: float = 0.0
    spp: float = 86400.0
    left: int = 0
    width: int = 1

    @property
    def t1(self) -> float:
        return self.t0 + self.spp * self.width

    def x(self, t: float) -> float:
        """Pixel x of moment ``t`` (may lie outside the plot)."""
        return self.left + (t - self.t0) / self.spp

    def t(self, x: float) -> float:
        """Moment at pixel ``x``."""
        return self.t0 + (x - self.left) * self.spp

    def set_window(self, start: float, end: float) -> None:
        """Show ``start..end`` across the plot (clamped to the allowed zoom)."""
        span = min(max(end - start, MIN_WINDOW), MAX_WINDOW)
        middle = (start + end) / 2
        self.spp = span / max(self.width, 1)
        self.t0 = middle - span / 2
        self._clamp()

    def zoom_at(self, x: float, factor: float) -> None:
        """Zoom by ``factor`` (> 1 zooms in) keeping the moment under pixel ``x`` in place."""
        anchor = self.t(x)
        span = min(max(self.spp * self.width / factor, MIN_WINDOW), MAX_WINDOW)
        self.spp = span / max(self.width, 1)
        self.t0 = anchor - (x - self.left) * self.spp
        self._clamp()

    def pan(self, dx: float) -> None:
        """Move the view ``dx`` pixels (positive shows later times)."""
        self.t0 += dx * self.spp
        self._clamp()

    def resize(self, left: int, width: int) -> None:
        """Follow a resize, keeping the same span of time in view."""
        span = self.spp * max(self.width, 1)
        self.left, self.width = left, max(width, 1)
        self.spp = span / self.width

    def _clamp(self) -> None:
        span = self.spp * self.width
        low, high = FIRST - span / 2, LAST + span / 2 - span
        self.t0 = min(max(self.t0, low), high)
