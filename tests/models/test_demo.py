"""The first run: a default workspace with real, documented demo content."""

from models import demo, queries, search
from models.store import Workspace


def test_first_run_creates_the_default_workspace_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNALIST_DATA_DIR", str(tmp_path / "data"))
    path = demo.ensure_default_workspace()
    assert path == tmp_path / "data" / "default.annalist"
    with Workspace.open(path) as ws:
        events = queries.get_events(ws, search.filtered_ids(ws))
        assert len(events) >= 30
        assert all(e.citations and e.actors for e in events), (
            "every demo event has a source and actors"
        )
        assert all(c.reliability and c.credibility for e in events for c in e.citations)
        assert len({e.when[:4] for e in events}) >= 8, "spread over the years"
        assert any(e.when.endswith("~") or "~/" in e.when for e in events), (
            "some dates are approximate"
        )
        assert any("/" in e.when for e in events), "some events are spans"
        op_count = ws.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        ws.conn.execute("INSERT INTO meta (key, value) VALUES ('touched', 'yes')")
        ws.conn.commit()
    assert demo.ensure_default_workspace() == path  # second run: the same file, not rebuilt
    with Workspace.open(path) as ws:
        assert ws.meta("touched") == "yes"
        assert ws.conn.execute("SELECT count(*) FROM events").fetchone()[0] == op_count
    assert not list((tmp_path / "data").glob(".*"))  # no half-made files left


def test_demo_sources_are_real_addresses(demo_ws):
    for source in queries.list_sources(demo_ws):
        assert source.url.startswith("https://en.wikipedia.org/wiki/"), source.url
        assert " " not in source.url
