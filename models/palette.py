"""Drawing rules shared by the screen timeline and the printed chart (no Qt here).

- Actor colours: the actor's own colour, else a stable colour from a palette picked by id.
- Uncertain dates are drawn as what they are: an event's nominal span is ``earliest..latest``
  (a month-precise date covers its whole month); an *approximate* date (``~``, ``%``) is drawn
  wider, by half its precision unit on each side ("c. 2019" spreads half a year either way), and
  fainter; an *uncertain* one (``?``) is drawn fainter, never as a false point.
"""

from __future__ import annotations

from models import dates

# Colour-blind-aware categorical palette (Okabe–Ito first), then darker and distinct tones:
# no two entries are near neighbours in hue and lightness, so adjacent lanes stay apart.
PALETTE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#6a3d9a",
    "#b2182b",
    "#1b7837",
    "#bcbd22",
    "#17becf",
    "#7f7f7f",
    "#393b79",
    "#e7298a",
    "#66a61e",
)
NO_ACTOR_COLOUR = "#5f6b7a"

_HALF_UNIT = {
    "year": 183 * 86400,
    "month": 15 * 86400,
    "day": 12 * 3600,
    "minute": 30,
    "second": 1,
}


def actor_colour(actor_id: int | None, colour: str = "") -> str:
    """The colour to draw an actor with: its own, else a stable palette colour."""
    if colour:
        return colour
    if actor_id is None:
        return NO_ACTOR_COLOUR
    return PALETTE[(actor_id - 1) % len(PALETTE)]


def drawn_bounds(when: dates.When) -> tuple[int, int]:
    """Outer bounds (UTC seconds) to draw a date over, widened when it is approximate."""
    start, end = when.earliest, when.latest
    if when.start is not None and when.start.approximate:
        start -= _HALF_UNIT[when.start.precision]
    last = when.end if when.interval else when.start
    if last is not None and last.approximate:
        end += _HALF_UNIT[last.precision]
    return start, end


def opacity(when: dates.When) -> float:
    """How strongly to draw a date: exact 1.0, approximate or uncertain fainter, both faintest."""
    if when.approximate and when.uncertain:
        return 0.35
    if when.approximate or when.uncertain:
        return 0.55
    return 1.0
