"""Briefing packs: print-quality PDF through ReportLab (no Qt here).

The public API::

    from briefings import Pack, Briefing, Scope, build_pack, save_pack, saved_packs, load_pack

    pack = Pack(title="Black Sea shipping", marking="TLP:AMBER",
                briefings=[Briefing(scope=Scope(start="2024-01", end="2024-06"))])
    result = build_pack(ws, pack, "pack.pdf", progress=print, cancel=event)

A :class:`Pack` holds front matter, a marking, a page size and one or more :class:`Briefing` s
(scope, key judgments, sections in order); :func:`save_pack` stores it in the workspace for
Rebuild. :func:`build_pack` writes the PDF atomically and returns a :class:`BuildResult`.
"""

from briefings.build import BuildCancelled, BuildResult, PackWriteError, build_pack
from briefings.definition import (
    BODY_SECTIONS,
    DEFAULT_MARKING,
    ESTIMATIVE_TERMS,
    LARGE_SCOPE,
    TLP_MARKINGS,
    Briefing,
    DefinitionError,
    Pack,
    Scope,
    ScopeError,
    load_pack,
    save_pack,
    saved_packs,
)

__all__ = [
    "BODY_SECTIONS",
    "DEFAULT_MARKING",
    "ESTIMATIVE_TERMS",
    "LARGE_SCOPE",
    "TLP_MARKINGS",
    "Briefing",
    "BuildCancelled",
    "BuildResult",
    "DefinitionError",
    "Pack",
    "PackWriteError",
    "Scope",
    "ScopeError",
    "build_pack",
    "load_pack",
    "save_pack",
    "saved_packs",
]
