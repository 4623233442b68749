"""Relation graphs drawn at build time as inline SVG: who is named with whom.

Nodes are entities, edges count sentences naming both; each node links to its page.
The layout is networkx's spring layout with a fixed seed, so the same corpus always
draws the same picture; no JavaScript, nothing fetched, readable offline and in print.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from html import escape

import networkx as nx

from briefgen.pagekinds import ENTITY_KINDS
from briefgen.records import Entity, EntityId

LAYOUT_SEED = 7


def ego_graph_svg(
    centre: Entity,
    related: Counter,
    entities: dict[EntityId, Entity],
    href: Callable[[EntityId], str],
    limit: int = 10,
) -> str:
    """The entity and the ones most often named with it, around it."""
    neighbours = sorted(related.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    if not neighbours:
        return ""
    graph = nx.Graph()
    graph.add_node(centre.id)
    for other, count in neighbours:
        graph.add_edge(centre.id, other, weight=count)
    positions = {centre.id: (0.0, 0.0)}
    for n, (other, _) in enumerate(neighbours):
        angle = 2 * math.pi * n / len(neighbours) - math.pi / 2
        positions[other] = (math.cos(angle), math.sin(angle))
    # Sized and labelled by sentences shared with the centre, not by overall mentions:
    # those change with every article, and each change would rewrite every page that
    # draws the entity (the pages of everything named with "Iraq", say).
    together = {other: f"named with {centre.name} in {count} sentences"
                for other, count in neighbours}
    sizes = {**dict(neighbours), centre.id: neighbours[0][1]}
    return _svg(graph, positions, entities, href, width=520, height=360,
                title=f"Named with {centre.name}", sizes=sizes, notes=together,
                centre=centre.id)


def corpus_graph_svg(
    entities: Sequence[Entity],
    co_mentions: dict[EntityId, Counter],
    href: Callable[[EntityId], str],
    limit: int = 40,
) -> str:
    """The most mentioned entities and their strongest ties, in one picture."""
    top = sorted(entities, key=lambda e: (-len(e.mentions), e.id))[:limit]
    chosen = {e.id for e in top}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(chosen))
    for a in sorted(chosen):
        for b, count in sorted(co_mentions.get(a, Counter()).items()):
            if b in chosen and a < b:
                graph.add_edge(a, b, weight=count)
    if graph.number_of_nodes() < 2:
        return ""
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight")
    mentions = {e.id: len(e.mentions) for e in top}
    return _svg(graph, {k: (float(x), float(y)) for k, (x, y) in positions.items()},
                {e.id: e for e in entities}, href, width=960, height=680,
                title="Who is named with whom", sizes=mentions,
                notes={k: f"{n} mentions" for k, n in mentions.items()})


def _svg(
    graph: nx.Graph,
    positions: dict[EntityId, tuple[float, float]],
    entities: dict[EntityId, Entity],
    href: Callable[[EntityId], str],
    width: int,
    height: int,
    title: str,
    sizes: dict[EntityId, int],
    notes: dict[EntityId, str],
    centre: EntityId | None = None,
) -> str:
    """Nodes are drawn with an area growing with `sizes`; `notes` go in their tooltips."""
    margin = 70
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def at(node: EntityId) -> tuple[float, float]:
        x, y = positions[node]
        return (round(margin + (x - min(xs)) / span_x * (width - 2 * margin), 1),
                round(margin + (y - min(ys)) / span_y * (height - 2 * margin), 1))

    heaviest = max((d["weight"] for *_, d in graph.edges(data=True)), default=1)
    most = max(sizes[n] for n in graph.nodes) or 1
    parts = [
        f'<svg class="bg-graph" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for a, b, data in sorted(graph.edges(data=True)):
        (x1, y1), (x2, y2) = at(a), at(b)
        stroke = round(0.8 + 4 * data["weight"] / heaviest, 1)
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
                     f'stroke-width="{stroke}"><title>{data["weight"]} sentences</title></line>')
    for node in sorted(graph.nodes):
        entity = entities[node]
        x, y = at(node)
        radius = round(6 + 12 * math.sqrt(sizes[node] / most), 1)
        colour = ENTITY_KINDS[entity.kind].colour
        label = escape(entity.name)
        shown, anchor, text_x = _label(entity.name, x, width)
        css = "bg-node bg-centre" if node == centre else "bg-node"
        note = f", {escape(notes[node])}" if node in notes else ""
        parts.append(
            f'<a class="{css}" href="{href(node)}"><title>{label} ({entity.kind}{note})</title>'
            f'<circle cx="{x}" cy="{y}" r="{radius}" '
            f'fill="{colour}"/><text x="{text_x}" y="{round(y + radius + 13, 1)}" '
            f'text-anchor="{anchor}">{escape(shown)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


# Labels are 11px text (assets/briefgen.css): about this wide per character at most.
LABEL_CHAR_WIDTH = 6.5
LABEL_MAX_CHARS = 28
LABEL_EDGE = 4


def _label(name: str, x: float, width: int) -> tuple[str, str, float]:
    """The label, cut to a length that fits (the whole name is in the node's tooltip),
    and anchored so that it stays inside the drawing: centred under its node, or
    flush with the edge it would cross."""
    shown = name if len(name) <= LABEL_MAX_CHARS else name[: LABEL_MAX_CHARS - 1] + "…"
    half = len(shown) * LABEL_CHAR_WIDTH / 2
    if x - half < LABEL_EDGE:
        return shown, "start", LABEL_EDGE
    if x + half > width - LABEL_EDGE:
        return shown, "end", width - LABEL_EDGE
    return shown, "middle", x
