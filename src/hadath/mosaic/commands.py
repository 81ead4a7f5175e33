"""``hadath mosaic``: dyads per period from a store, the actor network, plots and exports."""

from __future__ import annotations

import argparse

from hadath.cli_common import date_arg, error
from hadath.mosaic.dyads import LEVELS, PERIODS
from hadath.store.database import Store, StoreError

SHORT_QUADS = {
    "verbal_cooperation": "VC",
    "material_cooperation": "MC",
    "verbal_conflict": "VK",
    "material_conflict": "MK",
}


def cmd_mosaic(args: argparse.Namespace) -> int:
    from hadath.mosaic.dyads import aggregate
    from hadath.mosaic.export import store_event_rows, write_output
    from hadath.mosaic.network import build_network, relations
    from hadath.output import render_rows

    try:
        with Store(args.db, read_only=True) as store:
            rows = store_event_rows(store.connection)
    except StoreError as problem:
        error(str(problem))
        return 2
    role_blocks: frozenset[str] = frozenset()
    if args.level == "country":
        from hadath.lexicon.compiled import load_compiled
        from hadath.mosaic.dyads import role_blocks_of

        role_blocks = role_blocks_of(load_compiled().lexicon)
    table = aggregate(
        rows,
        period=args.period,
        level=args.level,
        actor=args.actor,
        start=args.start,
        end=args.end,
        factual_only=args.factual,
        role_blocks=role_blocks,
    )
    dyads = sorted(table.values(), key=lambda d: (d.period, -d.events, d.actors))
    graph = build_network(dyads)
    shown = dyads if args.limit <= 0 else dyads[: args.limit]
    columns = ["period", "actor1", "actor2", "events", *SHORT_QUADS.values(), "goldstein", "mean", "balance"]
    print(
        render_rows(
            columns,
            [
                (
                    d.period,
                    *d.actors,
                    d.events,
                    *(d.quad_counts.get(q, 0) for q in SHORT_QUADS),
                    d.goldstein_sum,
                    d.goldstein_mean,
                    d.balance,
                )
                for d in shown
            ],
        )
    )
    more = f" (first {len(shown)} shown; --limit 0 for all)" if len(shown) < len(dyads) else ""
    print(
        f"{len(dyads)} dyad-periods, {graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads{more}"
    )
    if args.actor:
        allies, adversaries = relations(graph, args.actor)
        for label, found in (("allies", allies), ("adversaries", adversaries)):
            listed = ", ".join(
                f"{r.partner} ({'' if r.actor == args.actor else r.actor + ', '}{r.balance}, {r.events} ev, "
                f"{r.goldstein_sum:+.1f})"
                for r in found
            )
            print(f"{label} of {args.actor}: {listed or '—'}")
    if graph:
        ranked = sorted(graph.nodes(data=True), key=lambda n: (-n[1]["degree"], n[0]))[:10]
        print(
            "most connected: "
            + ", ".join(
                f"{node} (degree {d['degree']}, balance {d['weighted_balance']:+.1f}, bloc {d['community']})"
                for node, d in ranked
            )
        )
    try:
        if args.plot:
            from hadath.mosaic.plot import draw_mosaic

            title = f"Hadath mosaic: {args.db}" + (f", actor {args.actor}" if args.actor else "")
            drawn = draw_mosaic(graph, dyads, args.plot, title=title, network_actors=args.plot_actors)
            print(f"plot written to {drawn}")
        for path in args.out or []:
            print(f"written {write_output(path, dyads, graph)}")
    except (ValueError, OSError) as problem:
        error(str(problem))
        return 2
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    mosaic = commands.add_parser("mosaic", help="dyads over time and the actor network of a store")
    mosaic.add_argument("--db", required=True)
    mosaic.add_argument("--actor", help="only dyads with an actor whose code starts with this (SYR, RUSMIL)")
    mosaic.add_argument("--from", dest="start", type=date_arg, help="first day (YYYY-MM-DD)")
    mosaic.add_argument("--to", dest="end", type=date_arg, help="last day (YYYY-MM-DD)")
    mosaic.add_argument("--period", choices=PERIODS, default="all")
    mosaic.add_argument(
        "--level", choices=LEVELS, default="code", help="country merges SYRGOV, SYRMIL ... into SYR"
    )
    mosaic.add_argument("--factual", action="store_true", help="asserted and reported events only")
    mosaic.add_argument("--limit", type=int, default=40, help="rows to print (0 = all)")
    mosaic.add_argument("--plot", help="write a PNG: the signed network and the dyad timelines")
    mosaic.add_argument(
        "--plot-actors", type=int, default=30, help="actors drawn in the network (most events)"
    )
    mosaic.add_argument(
        "--out",
        action="append",
        help="write the dyads (.csv .parquet) or the network (.graphml .gexf); repeatable",
    )
    mosaic.set_defaults(handler=cmd_mosaic)
