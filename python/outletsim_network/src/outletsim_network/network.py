"""network.yaml: the outlets of a network and what to do with each.

```yaml
name: city-network
seed: 1
days: 100            # days (replications) per outlet and variant
work: run            # run | check | optimize
shard_days: 50       # optional: split each run into shards of this many days
outlets:
  - name: east-branch
    scenario: outlets/east-branch.yaml
    variants:                              # optional; the outlet as it is always runs
      - { name: growth, demand_scale: 1.2 }
      - { name: plan-b, plan: plans/east-b.yaml }
  - name: west-hall                        # an outlet known by its queue-system log:
    log: logs/west-hall.csv                #   `outletsim fit` makes its scenario first
    columns: chinese                       #   optional: a ready mapping or a mapping file
    day_type: weekday                      #   optional: the days fitted
```

Every problem is reported as OutletSim reports a scenario's: file, line,
column, key path, what was found and what is allowed; the command then
exits with status 2.
"""
from __future__ import annotations

import dataclasses
import math
import pathlib
import re
import stat

import yaml

# libyaml's composer when PyYAML has it: about ten times faster on large network files.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

WORKS = ("run", "check", "optimize")
MOST_DAYS = 10_000_000
# Shards of one outlet's variant: each is a task, and the plan is held in memory.
MOST_SHARDS = 10_000
# The network file and every file it names are read whole only up to this size.
LARGEST_FILE = 5 << 20
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclasses.dataclass(frozen=True)
class Place:
    """Where a value is in the network file, for problems found later (by outletsim)."""
    line: int
    column: int
    path: str


@dataclasses.dataclass(frozen=True)
class Variant:
    name: str
    demand_scale: float | None = None
    plan: pathlib.Path | None = None
    place: Place | None = None


@dataclasses.dataclass(frozen=True)
class Outlet:
    name: str
    scenario: pathlib.Path | None
    variants: tuple[Variant, ...]
    log: pathlib.Path | None = None
    columns: str | None = None
    day_type: str | None = None
    place: Place | None = None


@dataclasses.dataclass(frozen=True)
class Network:
    file: pathlib.Path
    name: str
    seed: int
    days: int
    work: str
    shard_days: int | None
    outlets: tuple[Outlet, ...]


@dataclasses.dataclass
class Problem:
    file: str
    line: int
    column: int
    path: str
    found: str
    allowed: str

    def __str__(self) -> str:
        place = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: error: {place}found {self.found}; allowed: {self.allowed}"


class NetworkError(Exception):
    """Every problem of a network file."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"'{node.value}'" if node.value != "" else "nothing (an empty value)"
    return "a mapping" if isinstance(node, yaml.MappingNode) else "a list"


class _Reader:
    def __init__(self, file: pathlib.Path):
        self.file = file
        self.problems: list[Problem] = []

    def report(self, node: yaml.Node | None, path: str, found: str, allowed: str) -> None:
        mark = node.start_mark if node is not None else None
        self.problems.append(Problem(str(self.file), (mark.line + 1) if mark else 1, (mark.column + 1) if mark else 1,
                                     path, found, allowed))

    def mapping(self, node: yaml.Node, path: str, keys: dict[str, bool]) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.report(node, path, _describe(node), "a mapping with " + ", ".join(keys))
            return None
        found: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            where = f"{path}.{name}" if path else name
            if name not in keys:
                self.report(key, where, f"the key '{name}'", "one of " + ", ".join(keys))
            elif name in found:
                self.report(key, where, f"the key '{name}' twice", "each key once")
            else:
                found[name] = value
        for name, required in keys.items():
            if required and name not in found:
                self.report(node, f"{path}.{name}" if path else name, f"no '{name}'", f"'{name}' is required")
        return found

    def text(self, node: yaml.Node, path: str, pattern: re.Pattern | None = None, allowed: str = "text") -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.value == "":
            self.report(node, path, _describe(node), allowed)
            return None
        if pattern is not None and not pattern.match(node.value):
            self.report(node, path, _describe(node), allowed)
            return None
        return node.value

    def integer(self, node: yaml.Node, path: str, low: int, high: int) -> int | None:
        text = node.value if isinstance(node, yaml.ScalarNode) else None
        if text is None or not re.fullmatch(r"[0-9]{1,12}", text) or not low <= int(text) <= high:
            self.report(node, path, _describe(node), f"a whole number from {low} to {high}")
            return None
        return int(text)

    def number(self, node: yaml.Node, path: str, low: float, high: float) -> float | None:
        text = node.value if isinstance(node, yaml.ScalarNode) else None
        try:
            value = float(text) if text is not None and re.fullmatch(r"[0-9.eE+-]{1,30}", text) else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            self.report(node, path, _describe(node), f"a number from {low:g} to {high:g}")
            return None
        return value

    def place(self, node: yaml.Node, path: str) -> Place:
        mark = node.start_mark
        return Place(mark.line + 1, mark.column + 1, path)

    def file_path(self, node: yaml.Node, path: str, what: str) -> pathlib.Path | None:
        allowed = f"the path of {what}, relative to the network file"
        text = self.text(node, path, allowed=allowed)
        if text is None:
            return None
        kind = file_kind(self.file.parent / text)
        if kind != "a regular file":
            self.report(node, path, f"'{text}', which is {kind}", allowed)
            return None
        return (self.file.parent / text).resolve()


def file_kind(path: pathlib.Path) -> str:
    """What is at `path`, in a problem's words; "a regular file" when it may be read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "not a file (nothing is there)"
    except (OSError, ValueError, RuntimeError) as error:  # a symlink loop, a name too long, a NUL byte
        return f"not a file that can be read ({getattr(error, 'strerror', None) or error})"
    if stat.S_ISREG(info.st_mode):
        return "a regular file"
    if stat.S_ISDIR(info.st_mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(info.st_mode):
        return "a FIFO (named pipe), not a file"
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        return "a device, not a file"
    return "not a regular file"


def read_bounded(path: pathlib.Path, largest: int = LARGEST_FILE) -> bytes:
    """The bytes of a regular file of at most `largest` bytes; raises ValueError with the reason."""
    kind = file_kind(path)
    if kind != "a regular file":
        raise ValueError(kind)
    with open(path, "rb") as handle:
        data = handle.read(largest + 1)
    if len(data) > largest:
        raise ValueError(f"a file of more than {largest >> 20} MB")
    return data


def load_network(path: str | pathlib.Path) -> Network:
    """Reads and checks `path`; raises NetworkError with every problem."""
    file = pathlib.Path(path)
    reader = _Reader(file)
    try:
        data = read_bounded(file)
    except ValueError as error:
        raise NetworkError([Problem(str(file), 0, 0, "", str(error), "a network file (YAML) of at most 5 MB")])
    except OSError as error:
        raise NetworkError([Problem(str(file), 0, 0, "", f"a file that cannot be read ({error.strerror})", "a network file (YAML)")])
    try:
        text = data.decode("utf-8")
        root = yaml.compose(text, Loader=_Loader)
    except UnicodeDecodeError as error:
        raise NetworkError([Problem(str(file), 1, 1, "", f"a byte that is not UTF-8 at offset {error.start}", "a UTF-8 text file")])
    except RecursionError:
        raise NetworkError([Problem(str(file), 1, 1, "", "lists or mappings nested too deeply to read",
                                    "a network file nested a few levels deep")])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise NetworkError([Problem(str(file), mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, "",
                                    f"invalid YAML ({getattr(error, 'problem', 'a syntax error')})",
                                    "valid YAML (check indentation, colons and brackets)")])
    if root is None:
        raise NetworkError([Problem(str(file), 1, 1, "", "an empty file", "a network mapping with name, days, work and outlets")])
    fields = reader.mapping(root, "", {"name": True, "seed": False, "days": True, "work": True, "shard_days": False, "outlets": True})
    if fields is None:
        raise NetworkError(reader.problems)
    name = reader.text(fields["name"], "name", NAME, "a name of letters, digits, '.', '_' or '-'") if "name" in fields else None
    seed = reader.integer(fields["seed"], "seed", 0, 2**63 - 1) if "seed" in fields else 1
    days = reader.integer(fields["days"], "days", 2, MOST_DAYS) if "days" in fields else None
    work = None
    if "work" in fields:
        work = reader.text(fields["work"], "work", re.compile(r"^(run|check|optimize)$"), "one of run, check, optimize")
    shard_days = reader.integer(fields["shard_days"], "shard_days", 1, MOST_DAYS) if "shard_days" in fields else None
    if shard_days is not None and work not in (None, "run"):
        reader.report(fields["shard_days"], "shard_days", f"shard_days with work '{work}'", "shard_days only with work: run")
    if shard_days is not None and days is not None and shard_count(days, shard_days) > MOST_SHARDS:
        reader.report(fields["shard_days"], "shard_days", f"{shard_days}, which makes {shard_count(days, shard_days):,} shards of {days:,} days",
                      f"at most {MOST_SHARDS:,} shards per outlet and variant: shard_days of at least {-(-days // MOST_SHARDS)}")
    outlets: list[Outlet] = []
    seen: set[str] = set()
    outlet_nodes = fields.get("outlets")
    if outlet_nodes is not None and (not isinstance(outlet_nodes, yaml.SequenceNode) or not outlet_nodes.value):
        reader.report(outlet_nodes, "outlets", _describe(outlet_nodes), "a list of at least one outlet")
    elif outlet_nodes is not None:
        for index, node in enumerate(outlet_nodes.value):
            path = f"outlets[{index}]"
            entry = reader.mapping(node, path, {"name": True, "scenario": False, "log": False, "columns": False, "day_type": False,
                                                "variants": False})
            if entry is None:
                continue
            outlet_name = reader.text(entry["name"], f"{path}.name", NAME, "a name of letters, digits, '.', '_' or '-'") \
                if "name" in entry else None
            if outlet_name is not None and outlet_name in seen:
                reader.report(entry["name"], f"{path}.name", f"'{outlet_name}' a second time", "each outlet named once")
            seen.add(outlet_name or "")
            scenario = reader.file_path(entry["scenario"], f"{path}.scenario", "a scenario file") if "scenario" in entry else None
            log = reader.file_path(entry["log"], f"{path}.log", "a queue-system log (CSV)") if "log" in entry else None
            if ("scenario" in entry) == ("log" in entry):
                reader.report(node, path, "both scenario and log" if "scenario" in entry else "neither scenario nor log",
                              "one of them: a scenario file, or a queue-system log that `outletsim fit` turns into one")
            for key in ("columns", "day_type"):
                if key in entry and "log" not in entry:
                    reader.report(entry[key], f"{path}.{key}", f"'{key}' without a log", f"'{key}' only with log")
            columns = None
            if "columns" in entry:
                columns = reader.text(entry["columns"], f"{path}.columns", allowed="a ready mapping (canonical, chinese, visit-transactions, ticket-api) or a mapping file")
                if columns is not None and columns not in ("canonical", "chinese", "visit-transactions", "ticket-api"):
                    kind = file_kind(file.parent / columns)
                    if kind != "a regular file":
                        reader.report(entry["columns"], f"{path}.columns", f"'{columns}', neither a ready mapping nor a file ({kind})",
                                      "canonical, chinese, visit-transactions, ticket-api, or a mapping file relative to the network file")
                    else:
                        columns = str((file.parent / columns).resolve())
            day_type = reader.text(entry["day_type"], f"{path}.day_type", re.compile(r"^(all|weekday|saturday|sunday|weekend)$"),
                                   "one of all, weekday, saturday, sunday, weekend") if "day_type" in entry else None
            variants: list[Variant] = [Variant("as-is")]
            variant_nodes = entry.get("variants")
            if variant_nodes is not None and not isinstance(variant_nodes, yaml.SequenceNode):
                reader.report(variant_nodes, f"{path}.variants", _describe(variant_nodes), "a list of variants")
            elif variant_nodes is not None:
                for number, vnode in enumerate(variant_nodes.value):
                    vpath = f"{path}.variants[{number}]"
                    variant = reader.mapping(vnode, vpath, {"name": True, "demand_scale": False, "plan": False})
                    if variant is None:
                        continue
                    vname = reader.text(variant["name"], f"{vpath}.name", NAME, "a name of letters, digits, '.', '_' or '-'") \
                        if "name" in variant else None
                    if vname is not None and any(v.name == vname for v in variants):
                        reader.report(variant["name"], f"{vpath}.name", f"'{vname}' a second time", "each variant named once (as-is is the outlet itself)")
                    scale = reader.number(variant["demand_scale"], f"{vpath}.demand_scale", 0.01, 100) if "demand_scale" in variant else None
                    plan = reader.file_path(variant["plan"], f"{vpath}.plan", "a plan file") if "plan" in variant else None
                    if "demand_scale" not in variant and "plan" not in variant:
                        reader.report(vnode, vpath, "a variant that changes nothing", "demand_scale, plan, or both")
                    variants.append(Variant(vname or "", scale, plan, reader.place(variant.get("demand_scale", vnode), f"{vpath}.demand_scale")))
            if outlet_name is not None and (scenario is not None) != (log is not None):
                where = entry.get("log") or entry.get("scenario") or node
                outlets.append(Outlet(outlet_name, scenario, tuple(variants), log, columns, day_type,
                                      reader.place(where, f"{path}.log" if "log" in entry else f"{path}.scenario")))
    if reader.problems:
        raise NetworkError(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    return Network(file.resolve(), name, seed, days, work, shard_days, tuple(outlets))


def shard_count(days: int, shard_days: int | None) -> int:
    """Shards of one variant's run: 0 when it runs whole."""
    return -(-days // shard_days) if shard_days and shard_days < days else 0
