"""Headline style for the object of a headline: no auxiliaries, no trailing clauses.

Headlines drop auxiliaries ("Parliament ratifies treaty", not "... has ratified ..."). The
object of a headline keeps them only inside a clause of its own ("toured five counties that
have been declared ...", "... and police were forced to ...", "... than observers have
seen"): :func:`cut_object` ends the object before that clause. An announcement of a plan is
headlined the way newspapers do it: "GM announced today that it will offer buyouts to
22,000 employees" -> "GM to offer buyouts to 22,000 employees" (:func:`announced_plan`).
"""

from __future__ import annotations

import re

from ingest.extract.verb_finder import base_form, third_person

_AUX = r"(?:has|have|had|was|were|is|are|will|would|must|should|could|been)"
# A clause opener, then up to four words, then an auxiliary: the clause is cut.
_CLAUSE_WITH_AUX = re.compile(
    r"\s(?:that|which|who|whose|whom|and|but|than|while|so|if|whether|because|"
    r"where|when)\s+(?:[\w'’.,$%-]+\s+){0,4}?" + _AUX + r"\b",
    re.IGNORECASE,
)
_ANNOUNCING = frozenset(["announce", "confirm", "unveil", "decide", "disclose", "reveal"])
_PLAN = re.compile(
    r"^\s*(?:[^,]{0,40}?\bthat\s+|that\s+)?(?:(?:on|in|at|during|late|early)\s+)?\s*"
    r"(?P<who>[\w'’. -]{1,60}?)\s+(?:would|will|was\s+to|were\s+to|is\s+to|"
    r"are\s+to|planned\s+to|plans\s+to|intended\s+to|intends\s+to)\s+"
    r"(?:(?:soon|also|now)\s+)?(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)


def cut_object(obj: str) -> str:
    """``obj`` without a trailing clause that carries an auxiliary verb, and a reported
    clause in headline style ("assures him Jordan would close the port" -> "... Jordan to
    close the port", "concludes the hostage had been killed" -> "... hostage killed")."""
    match = _CLAUSE_WITH_AUX.search(" " + obj)
    if match is not None:
        obj = obj[: max(0, match.start() - 1)].rstrip(" ,")
    return _REPORTED_AUX.sub(_headline_verb, obj)


_REPORTED_AUX = re.compile(
    r"\b(?P<aux>would|will|(?:had|has|have)(?:\s+\w+ly)?\s+been|was|were|has|have|had)\s+"
    r"(?:\w+ly\s+)?(?P<verb>[a-z][a-z-]+)\b"
)


def _headline_verb(match: re.Match) -> str:
    aux, verb = match["aux"].lower(), match["verb"]
    base = base_form(verb)
    if aux in ("would", "will"):
        return f"to {verb}"
    if base is None or verb == base:
        return match.group()  # "has the right", "was willing": not an auxiliary here
    if "been" in aux or aux in ("was", "were"):
        return verb  # "had been killed" -> "killed"
    before = match.string[: match.start()].split()
    many = (
        bool(before)
        and before[-1].lower() in ("they", "we")
        or (
            bool(before)
            and before[-1].endswith("s")
            and not before[-1].endswith(("ss", "'s", "’s"))
        )
    )
    return base if many else third_person(base)


def announced_plan(base: str, rest: str) -> tuple[str, str, bool] | None:
    """For an announcing verb (``base``) and what follows it, the reported happening:
    ("it", "cut 13,000 jobs in North America", True) for "announced it would cut 13,000 jobs
    ...", a plan; ("it", "approached for a possible acquisition", False) for "disclosed that
    it was approached for a possible acquisition", a passive happening."""
    if base not in _ANNOUNCING:
        return None
    match = _PLAN.match(rest)
    planned = True
    if match is None:
        match = _REPORTED_PASSIVE.match(rest)
        planned = False
    if match is None or len(match["who"].split()) > 6:
        return None
    return match["who"].strip(), match["rest"].strip(), planned


_REPORTED_PASSIVE = re.compile(
    r"^\s*(?:[^,]{0,40}?\bthat\s+|that\s+)?(?P<who>it|they|he|she)\s+(?:was|were|had\s+been|"
    r"has\s+been|have\s+been)\s+(?P<rest>[a-z]+ed\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
