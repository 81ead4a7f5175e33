"""Periods, the signed network, allies/adversaries, plots and exports (dyad table, graph, GDELT)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from hadath.mosaic.dyads import EventRow, aggregate, period_label
from hadath.mosaic.export import GDELT_COLUMNS, write_output
from hadath.mosaic.network import build_network, relations
from hadath.mosaic.plot import draw_mosaic


def row(source, target, day, quad="material_conflict", goldstein=-10.0, plover="ASSAULT", factual=True):
    return EventRow(source, target, day, quad, goldstein, plover, factual)


ROWS = [
    row("RUSMIL", "SYRREB", date(2016, 1, 5)),
    row("RUSMIL", "SYRREB", date(2016, 1, 20)),
    row("SYRREB", "RUSMIL", date(2016, 2, 2)),
    row("RUSGOV", "SYRGOV", date(2016, 2, 10), "material_cooperation", 7.4, "AID"),
    row("IRNMIL", "RUSMIL", date(2016, 2, 11), "material_cooperation", 6.0, "COOPERATE"),
    row("RUSGOV", "SYRGOV", date(2016, 3, 14), "verbal_conflict", -4.0, "DEMAND"),
    row("TURGOV", "RUSGOV", date(2016, 3, 1), "verbal_conflict", -2.0, "THREATEN", factual=False),
]


def test_periods_and_filters():
    assert period_label(date(2016, 3, 14), "week") == "2016-W11"
    assert period_label(date(2016, 3, 14), "month") == "2016-03"
    assert period_label(None, "month") == "undated"
    monthly = aggregate(ROWS, period="month")
    assert monthly[("2016-01", ("RUSMIL", "SYRREB"))].events == 2
    assert monthly[("2016-02", ("RUSMIL", "SYRREB"))].events == 1  # direction does not split a dyad
    assert set(aggregate(ROWS, actor="SYR")) == {
        (p, d) for p, d in aggregate(ROWS) if any(side.startswith("SYR") for side in d)
    }
    window = aggregate(ROWS, start=date(2016, 2, 1), end=date(2016, 2, 28))
    assert sum(d.events for d in window.values()) == 3
    assert ("all", ("RUSGOV", "TURGOV")) not in aggregate(ROWS, factual_only=True)
    countries = aggregate(ROWS, level="country")
    without_country = [*ROWS, row("GOV", "SYRREB", date(2016, 1, 6))]
    assert ("all", ("GOV", "SYR")) in aggregate(without_country, level="country")
    assert ("all", ("GOV", "SYR")) not in aggregate(
        without_country, level="country", role_blocks=frozenset({"GOV"})
    )
    assert countries[("all", ("RUS", "SYR"))].events == 5
    with pytest.raises(ValueError, match="period"):
        aggregate(ROWS, period="fortnight")


def test_balance_score_and_labels():
    dyads = aggregate(ROWS)
    rus_syr = dyads[("all", ("RUSGOV", "SYRGOV"))]
    assert rus_syr.balance == "pressure" and rus_syr.balance_score == 0.0  # one aid, one demand
    assert dyads[("all", ("RUSMIL", "SYRREB"))].balance_score == -1.0


def test_network_signs_metrics_communities_and_relations():
    graph = build_network(aggregate(ROWS, period="month").values())  # periods are merged into edges
    assert graph["RUSMIL"]["SYRREB"]["events"] == 3 and graph["RUSMIL"]["SYRREB"]["sign"] == -1
    assert graph["IRNMIL"]["RUSMIL"]["sign"] == 1
    assert graph.nodes["RUSMIL"]["degree"] == 2 and graph.nodes["RUSMIL"]["weighted_balance"] == -24.0
    # cooperating actors share a bloc; enemies do not
    assert graph.nodes["IRNMIL"]["community"] == graph.nodes["RUSMIL"]["community"]
    assert graph.nodes["SYRREB"]["community"] != graph.nodes["RUSMIL"]["community"]
    allies, adversaries = relations(graph, "RUSMIL")
    assert [r.partner for r in allies] == ["IRNMIL"] and [r.partner for r in adversaries] == ["SYRREB"]
    assert (
        build_network(aggregate(ROWS).values()).nodes["RUSMIL"]["community"]
        == graph.nodes["RUSMIL"]["community"]
    )


def test_exports_by_suffix(tmp_path: Path):
    dyads = list(aggregate(ROWS, period="month").values())
    graph = build_network(dyads)
    with (write_output(tmp_path / "d.csv", dyads, graph)).open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == len(dyads) and {
        "period",
        "actor1",
        "actor2",
        "balance",
        "material_conflict",
    } <= set(records[0])
    assert pq.read_table(write_output(tmp_path / "d.parquet", dyads, graph)).num_rows == len(dyads)
    for suffix, reader in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        loaded = reader(write_output(tmp_path / f"n{suffix}", dyads, graph))
        assert set(loaded.nodes) == set(graph.nodes) and loaded.number_of_edges() == graph.number_of_edges()
    with pytest.raises(ValueError, match="unknown output kind"):
        write_output(tmp_path / "n.xlsx", dyads, graph)


def test_plots_are_written_as_png(tmp_path: Path):
    monthly = list(aggregate(ROWS, period="month").values())
    for name, dyads in (
        ("timeline.png", monthly),
        ("single.png", list(aggregate(ROWS).values())),
        ("empty.png", []),
    ):
        path = draw_mosaic(build_network(dyads), dyads, tmp_path / name, title="test")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_gdelt_layout_has_58_columns():
    assert len(GDELT_COLUMNS) == 58 and GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[-1] == "SOURCEURL"
