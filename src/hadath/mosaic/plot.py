"""Drawing the mosaic (matplotlib, no display needed): the signed actor network and dyad timelines."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no window system on servers and in CI

import matplotlib.pyplot as plt
import networkx as nx

from hadath.mosaic.dyads import Dyad

EDGE_COLOURS = {1: "#1a9850", -1: "#d73027", 0: "#999999"}
PRESSURE_COLOUR = "#fc8d59"


def draw_mosaic(
    graph: nx.Graph,
    dyads: Iterable[Dyad],
    path: str | Path,
    *,
    title: str = "",
    timeline_dyads: int = 6,
    network_actors: int = 30,
) -> Path:
    """Write a PNG with the signed network of the ``network_actors`` actors with most events (left) and
    the summed Goldstein score per period of the ``timeline_dyads`` dyads with most events (right)."""
    path = Path(path)
    figure, (network_axes, timeline_axes) = plt.subplots(
        1, 2, figsize=(16, 7.5), gridspec_kw={"width_ratios": [1.15, 1]}
    )
    busiest = sorted(graph.nodes, key=lambda n: (-graph.nodes[n]["events"], n))[:network_actors]
    draw_network(graph.subgraph(busiest), network_axes, hidden=graph.number_of_nodes() - len(busiest))
    draw_timeline(list(dyads), timeline_axes, limit=timeline_dyads)
    if title:
        figure.suptitle(title, fontsize=13)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def draw_network(graph: nx.Graph, axes: plt.Axes, hidden: int = 0) -> None:
    axes.set_axis_off()
    if not graph:
        axes.text(0.5, 0.5, "no dyads in this selection", ha="center", va="center")
        return
    layout = nx.spring_layout(graph, seed=0, k=1.6 / math.sqrt(graph.number_of_nodes()), weight=None)
    edges = list(graph.edges(data=True))
    colours = [
        PRESSURE_COLOUR if d["balance"] == "pressure" else EDGE_COLOURS[d["sign"]] for _, _, d in edges
    ]
    widths = [0.8 + 1.6 * math.log1p(d["events"]) for _, _, d in edges]
    nx.draw_networkx_edges(
        graph,
        layout,
        ax=axes,
        edgelist=[(a, b) for a, b, _ in edges],
        edge_color=colours,
        width=widths,
        alpha=0.75,
    )
    sizes = [120 + 90 * math.sqrt(graph.nodes[n]["events"]) for n in graph.nodes]
    communities = [graph.nodes[n].get("community", 0) for n in graph.nodes]
    nx.draw_networkx_nodes(
        graph,
        layout,
        ax=axes,
        node_size=sizes,
        node_color=communities,
        cmap="tab20",
        vmin=0,
        vmax=19,
        linewidths=0.5,
        edgecolors="#333333",
    )
    nx.draw_networkx_labels(graph, layout, ax=axes, font_size=8)
    shown = f"the {graph.number_of_nodes()} busiest actors; " if hidden else ""
    axes.set_title(
        f"actor network ({shown}green cooperation, red conflict, orange pressure; colour = bloc)", fontsize=10
    )


def draw_timeline(dyads: list[Dyad], axes: plt.Axes, *, limit: int) -> None:
    totals: dict[tuple[str, str], int] = {}
    for dyad in dyads:
        totals[dyad.actors] = totals.get(dyad.actors, 0) + dyad.events
    top = sorted(totals, key=lambda pair: (-totals[pair], pair))[:limit]
    periods = sorted({d.period for d in dyads if d.actors in top})
    if not top:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "no dyads in this selection", ha="center", va="center")
        return
    if len(periods) == 1:  # one period: a bar per dyad says more than single points
        values = [sum(d.goldstein_sum for d in dyads if d.actors == pair) for pair in top]
        labels = [f"{a}–{b} ({totals[(a, b)]})" for a, b in top]
        axes.barh(range(len(top)), values, color=["#1a9850" if v > 0 else "#d73027" for v in values])
        axes.set_yticks(range(len(top)), labels, fontsize=8)
        axes.invert_yaxis()
        axes.axvline(0, color="#555555", linewidth=0.8)
        axes.set_xlabel("summed Goldstein score (+ cooperation / − conflict)")
        axes.set_title(
            f"dyad balance, period {periods[0]} (the {len(top)} dyads with most events)", fontsize=10
        )
        axes.grid(alpha=0.3, axis="x")
        return
    for pair in top:
        by_period = {d.period: d.goldstein_sum for d in dyads if d.actors == pair}
        values = [by_period.get(p, 0.0) for p in periods]
        axes.plot(range(len(periods)), values, marker="o", label=f"{pair[0]}–{pair[1]} ({totals[pair]})")
    axes.axhline(0, color="#555555", linewidth=0.8)
    axes.set_xticks(range(len(periods)), periods, rotation=45, ha="right", fontsize=8)
    axes.set_ylabel("summed Goldstein score (+ cooperation / − conflict)")
    axes.set_title(f"dyad balance over time (the {len(top)} dyads with most events)", fontsize=10)
    axes.legend(fontsize=8, loc="best")
    axes.grid(alpha=0.3)
