"""Sorting events by actors (numpy over every link) agrees with a plain Python sort."""

from __future__ import annotations

import random

import pytest

from models import operations as ops
from models import queries, search
from models.store import Workspace
from ui.models.id_loader import ACTOR_KEY_LENGTH, by_actors

# Names in mixed case, names that begin other names, names with spaces and
# accents: the cases where a careless key would disagree.
NAMES = ["Iran", "iranian", "Iran Guard", "IRAQ", "Ägypten", "NATO", "nato forces", "Mali", "Zeta"]


@pytest.fixture
def tangled(tmp_path):
    rng = random.Random(4)
    with Workspace.open(tmp_path / "tangled.annalist") as ws:
        ids = [ops.add_actor(ws, name, "other").first_added("actors") for name in NAMES]
        for n in range(120):
            count = rng.choice((0, 1, 1, 2, 3, ACTOR_KEY_LENGTH + 1))
            actors = rng.sample(ids, min(count, len(ids)))
            day = 1 + rng.randrange(28)
            ops.add_event(ws, f"Event {n}", f"2024-0{1 + n % 9}-{day:02d}", actors=actors)
    return tmp_path / "tangled.annalist"


def reference(ws: Workspace, ids: list[int], descending: bool) -> list[int]:
    names = queries.event_actor_names(ws, ids)
    key = {i: tuple(sorted(n.casefold() for n in names.get(i, []))) for i in ids}
    key = {i: k[:ACTOR_KEY_LENGTH] for i, k in key.items()}
    named = sorted((i for i in ids if key[i]), key=key.__getitem__, reverse=descending)
    return named + [i for i in ids if not key[i]]


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_actors_agrees_with_python(tangled, descending):
    with Workspace.open(tangled) as ws:
        ids = search.filtered_ids(ws, order="when")
        assert by_actors(ws, ids, descending) == reference(ws, ids, descending)
        some = ids[::3]  # a filtered subset: the other events' links are left out
        assert by_actors(ws, some, descending) == reference(ws, some, descending)
        assert by_actors(ws, [], descending) == []


def test_events_without_actors_come_last_in_date_order(tangled):
    with Workspace.open(tangled) as ws:
        ids = search.filtered_ids(ws, order="when")
        names = queries.event_actor_names(ws, ids)
        without = [i for i in ids if i not in names]
        assert without
        for descending in (False, True):
            ordered = by_actors(ws, ids, descending)
            assert ordered[-len(without) :] == without
