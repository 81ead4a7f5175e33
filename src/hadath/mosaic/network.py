"""The signed actor network of a set of dyads, its metrics, and each actor's allies and adversaries.

Nodes are actor codes; an edge joins the two actors of a dyad and carries its event count, summed and
mean Goldstein score, balance label and sign (+1 cooperation, -1 conflict or pressure, 0 neutral).

Metrics per node: ``degree`` (partners), ``events`` (events with any partner), ``weighted_balance`` (the
summed Goldstein score of its events: how cooperative its relations are overall) and ``community``.
Communities are found with Louvain (networkx, fixed seed, so the same store gives the same communities)
on the cooperative edges only, weighted by event counts: a community is a bloc of actors that cooperate
with each other; actors with no cooperative tie are a community of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from hadath.mosaic.dyads import Dyad

SIGNS = {"cooperation": 1, "conflict": -1, "pressure": -1, "neutral": 0}


def build_network(dyads: Iterable[Dyad]) -> nx.Graph:
    """The network of ``dyads`` merged over their periods."""
    merged: dict[tuple[str, str], Dyad] = {}
    for dyad in dyads:
        total = merged.setdefault(dyad.actors, Dyad(dyad.actors))
        total.events += dyad.events
        total.goldstein_sum += dyad.goldstein_sum
        total.pressure_events += dyad.pressure_events
        for quad, count in dyad.quad_counts.items():
            total.quad_counts[quad] = total.quad_counts.get(quad, 0) + count
    graph = nx.Graph()
    for (a, b), dyad in sorted(merged.items()):
        graph.add_edge(
            a,
            b,
            events=dyad.events,
            goldstein_sum=round(dyad.goldstein_sum, 3),
            goldstein_mean=round(dyad.goldstein_mean, 3),
            balance=dyad.balance,
            balance_score=round(dyad.balance_score, 3),
            sign=SIGNS[dyad.balance],
        )
    for node in graph.nodes:
        edges = graph.edges(node, data=True)
        graph.nodes[node]["degree"] = graph.degree(node)
        graph.nodes[node]["events"] = sum(d["events"] for _, _, d in edges)
        graph.nodes[node]["weighted_balance"] = round(sum(d["goldstein_sum"] for _, _, d in edges), 3)
    for number, community in enumerate(_communities(graph)):
        for node in community:
            graph.nodes[node]["community"] = number
    return graph


def _communities(graph: nx.Graph) -> list[list[str]]:
    cooperative = nx.Graph()
    cooperative.add_nodes_from(graph.nodes)
    cooperative.add_edges_from(
        (a, b, {"weight": d["events"]}) for a, b, d in graph.edges(data=True) if d["sign"] > 0
    )
    found = nx.community.louvain_communities(cooperative, weight="weight", seed=0) if graph else []
    # largest first, then alphabetical, so community numbers are stable
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


@dataclass(frozen=True, slots=True)
class Relation:
    actor: str  # the node whose code starts with the prefix asked for (SYRGOV, SYRMIL for "SYR")
    partner: str
    events: int
    goldstein_sum: float
    balance: str


def relations(graph: nx.Graph, actor: str) -> tuple[list[Relation], list[Relation]]:
    """Allies (cooperative ties) and adversaries (conflict or pressure) of every node whose code starts
    with ``actor``, strongest first."""
    allies: list[Relation] = []
    adversaries: list[Relation] = []
    for node in sorted(n for n in graph.nodes if n.startswith(actor)):
        for partner, data in graph[node].items():
            relation = Relation(node, partner, data["events"], data["goldstein_sum"], data["balance"])
            if data["sign"] > 0:
                allies.append(relation)
            elif data["sign"] < 0:
                adversaries.append(relation)
    allies.sort(key=lambda r: (-r.goldstein_sum, r.partner))
    adversaries.sort(key=lambda r: (r.goldstein_sum, r.partner))
    return allies, adversaries
