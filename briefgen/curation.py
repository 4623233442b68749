"""The user's curation file: corrections to entity resolution that no general rule can
know ("Daesh" is the Islamic State), applied after every automatic rule.

The file is optional. A bad entry is reported with its line number and skipped; the
rest of the file still applies, and the build goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import yaml

from briefgen.pagekinds import ENTITY_KINDS
from briefgen.records import Problem
from briefgen.sanitize import NoAliasLoader, single_line

KINDS = tuple(ENTITY_KINDS)
# A curation file is a few hundred short lines.
CURATION_MAX_BYTES = 1_000_000
NAME_MAX_CHARS = 200
SECTIONS = ("merge", "split", "rename", "ignore", "kind", "type", "aliases")


@dataclass(frozen=True)
class Ref:
    """A name as written in the curation file, and the line it is on (1-based)."""

    name: str
    line: int


@dataclass(frozen=True)
class Curation:
    merge: tuple[tuple[Ref, ...], ...] = ()
    split: tuple[Ref, ...] = ()
    rename: tuple[tuple[Ref, str], ...] = ()
    ignore: tuple[Ref, ...] = ()
    kind: tuple[tuple[Ref, str], ...] = ()
    type: tuple[tuple[Ref, str], ...] = ()
    aliases: tuple[tuple[Ref, tuple[str, ...]], ...] = ()
    problems: tuple[Problem, ...] = ()
    shown_as: str = "curation.yml"


@dataclass
class Override:
    """What the curation file says about one entity, beyond which mentions it holds."""

    name: str = ""
    kind: str = ""
    type: str = ""
    aliases: list[str] = field(default_factory=list)


def load_curation(path: Path, shown_as: str) -> Curation:
    """Read the file at `path`; `shown_as` is how problems name it (relative path)."""
    if not path.is_file():
        return Curation(shown_as=shown_as)
    problems: list[Problem] = []

    def bad(line: int, reason: str) -> None:
        problems.append(Problem(shown_as, f"line {line}: {reason}", "warning"))

    try:
        if path.stat().st_size > CURATION_MAX_BYTES:
            bad(1, f"larger than {CURATION_MAX_BYTES:,} bytes; file ignored")
            return Curation(problems=tuple(problems), shown_as=shown_as)
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=NoAliasLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        bad(line, f"not valid YAML ({getattr(exc, 'problem', None) or exc}); file ignored")
        return Curation(problems=tuple(problems), shown_as=shown_as)
    if root is None:
        return Curation(shown_as=shown_as)
    if not isinstance(root, yaml.MappingNode):
        bad(_line(root), "expected sections like `merge:` and `rename:`; file ignored")
        return Curation(problems=tuple(problems), shown_as=shown_as)
    sections: dict[str, tuple] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in SECTIONS:
            bad(_line(key_node), f"unknown section {key!r}; expected one of {', '.join(SECTIONS)}")
            continue
        if key in first_line:
            bad(_line(key_node), f"section {key!r} appears again (first on line "
                f"{first_line[key]}); both are applied: write one `{key}:` section")
        first_line.setdefault(key, _line(key_node))
        reader = _READERS[key]
        sections[key] = sections.get(key, ()) + tuple(reader(value_node, bad))
    return Curation(**sections, problems=tuple(problems), shown_as=shown_as)  # type: ignore[arg-type]


Bad = Callable[[int, str], None]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _name(node: yaml.Node, bad: Bad) -> Ref | None:
    name = single_line(str(node.value)) if isinstance(node, yaml.ScalarNode) else ""
    if name and len(str(node.value).strip()) <= NAME_MAX_CHARS:
        return Ref(name, _line(node))
    bad(_line(node), "expected a name" if not name else
        f"a name longer than {NAME_MAX_CHARS} characters")
    return None



def _items(node: yaml.Node, bad: Bad, what: str) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    bad(_line(node), f"expected a list of {what}")
    return []


def _pairs(node: yaml.Node, bad: Bad) -> list[tuple[yaml.Node, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        return list(node.value)
    bad(_line(node), "expected `name: value` lines")
    return []


def _read_merge(node: yaml.Node, bad: Bad) -> Iterable[tuple[Ref, ...]]:
    for item in _items(node, bad, "name lists, e.g. - [Islamic State, Daesh]"):
        names = [r for n in _items(item, bad, "names") if (r := _name(n, bad))]
        if len(names) >= 2:
            yield tuple(names)
        elif isinstance(item, yaml.SequenceNode):
            bad(_line(item), "a merge needs two or more names")


def _read_names(node: yaml.Node, bad: Bad) -> Iterable[Ref]:
    for item in _items(node, bad, "names"):
        if ref := _name(item, bad):
            yield ref


def _read_values(allowed: tuple[str, ...] | None) -> Callable[[yaml.Node, Bad], Iterable]:
    def read(node: yaml.Node, bad: Bad) -> Iterable[tuple[Ref, str]]:
        for key, value in _pairs(node, bad):
            ref, new = _name(key, bad), _name(value, bad)
            if not (ref and new):
                continue
            if allowed and new.name not in allowed:
                bad(new.line, f"{new.name!r} is not one of {', '.join(allowed)}")
                continue
            yield ref, new.name

    return read


def _read_aliases(node: yaml.Node, bad: Bad) -> Iterable[tuple[Ref, tuple[str, ...]]]:
    for key, value in _pairs(node, bad):
        ref = _name(key, bad)
        values = value.value if isinstance(value, yaml.SequenceNode) else [value]
        names = tuple(r.name for v in values if (r := _name(v, bad)))
        if ref and names:
            yield ref, names


_READERS: dict[str, Callable[[yaml.Node, Bad], Iterable]] = {
    "merge": _read_merge,
    "split": _read_names,
    "rename": _read_values(None),
    "ignore": _read_names,
    "kind": _read_values(KINDS),
    "type": _read_values(None),
    "aliases": _read_aliases,
}


class Named(Protocol):
    @property
    def name(self) -> str: ...


C = TypeVar("C", bound=Named)


@dataclass
class Curated(Generic[C]):
    groups: dict[str, list[C]]
    overrides: dict[str, Override]
    problems: list[Problem]


def apply_curation(
    groups: dict[str, list[C]],
    curation: Curation,
    key_of: Callable[[str], str],
    shown_as: str,
) -> Curated[C]:
    """Apply the file to groups of mentions keyed by entity: ignore, split, merge and
    aliases change which mentions make an entity; rename, kind and type are returned
    as overrides for the entity built from each group."""
    groups = {k: list(v) for k, v in groups.items()}
    overrides: dict[str, Override] = {}
    problems: list[Problem] = []

    def find(ref: Ref, quiet: bool = False) -> str | None:
        wanted = key_of(ref.name)
        if wanted in groups:
            return wanted
        for group_key in sorted(groups):
            if any(key_of(m.name) == wanted for m in groups[group_key]):
                return group_key
        if not quiet:
            problems.append(
                Problem(shown_as, f"line {ref.line}: no entity is named {ref.name!r}", "warning")
            )
        return None

    def merge(into: str, other: str) -> None:
        if other != into:
            groups[into].extend(groups.pop(other))
            if other in overrides:
                overrides.setdefault(into, Override()).aliases.extend(overrides[other].aliases)

    for ref in curation.ignore:
        if (key := find(ref)) is not None:
            del groups[key]
    for ref in curation.split:
        if (key := find(ref)) is None:
            continue
        # Split by the form as written: rules may have joined two spellings on purpose.
        written = ref.name.casefold()
        moved = [m for m in groups[key] if m.name.casefold() == written]
        if moved and len(moved) < len(groups[key]):
            groups[key] = [m for m in groups[key] if m.name.casefold() != written]
            groups[f"{key_of(ref.name)}\0split"] = moved
    for refs in curation.merge:
        # The first name is the page's title; it need not occur in the articles.
        first = find(refs[0], quiet=True)
        keys = [k for k in [first, *(find(ref) for ref in refs[1:])] if k is not None]
        for other in keys[1:]:
            if keys[0] in groups and other in groups:
                merge(keys[0], other)
        if keys and keys[0] in groups:
            overrides.setdefault(keys[0], Override()).name = refs[0].name
    for ref, names in curation.aliases:
        if (key := find(ref)) is None:
            continue
        for alias in names:
            wanted = key_of(alias)
            for other in [k for k in sorted(groups) if k != key]:
                if other == wanted or any(key_of(m.name) == wanted for m in groups[other]):
                    merge(key, other)
            overrides.setdefault(key, Override()).aliases.append(alias)
    for field_name in ("rename", "kind", "type"):
        for ref, value in getattr(curation, field_name):
            if (key := find(ref)) is not None:
                setattr(overrides.setdefault(key, Override()), _FIELD[field_name], value)
    return Curated(groups, overrides, problems)


_FIELD = {"rename": "name", "kind": "kind", "type": "type"}
