"""The architecture as tests: the analyser's tags stay in nlp/, imports point backwards."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from .conftest import ROOT

SOURCE = ROOT / "src" / "kroniek"

# The order of the data flow. A module may import from its own rank or an earlier one.
RANK = {
    "__init__": 0,
    "records": 0,
    "errors": 0,
    "config": 0,
    "data_files": 0,
    "stages": 1,
    "ingest": 2,
    "nlp": 3,
    "actors": 4,
    # The gazetteer and the locator come before the coder: the argument step (stage 5)
    # reads where events happen; stage 6 stores it.
    "place": 5,
    "events": 6,
    "time": 7,
    "store": 8,
    "pipeline": 9,
    "query": 10,
    "evaluation": 11,
    "api": 12,
    "web": 12,
    "cli": 13,
    "notebook": 13,
    "__main__": 14,
}
# The package's own ``kroniek.open`` is the notebooks' entry point: ``__init__`` imports the
# notebook module inside that function only, the one import allowed to point forwards.
FORWARD_IMPORTS = {("__init__.py", "kroniek.notebook")}

# Frog's CGN part-of-speech tags and features, and the Alpino relation labels kroniek
# has ever read: none may appear as a string outside nlp/.
CGN_TAGS = {"N", "WW", "ADJ", "BW", "VZ", "LID", "VNW", "TW", "LET", "SPEC", "TSW", "VG"}
CGN_FEATURES = {
    "pv", "tgw", "verl", "vd", "od", "inf", "prenom", "nom", "vrij", "soort", "eigen",
    "deeleigen", "bez", "aanw", "betr", "pers", "refl", "onbep", "zijd", "onz", "stan",
}  # fmt: skip
ALPINO_RELATIONS = {"su", "obj1", "obj2", "svp", "vc", "det", "cnj", "mod", "predc", "pc", "ld"}
IOB = re.compile(r"^[BI]-[A-Z]{3,4}$")
TAG_WITH_FEATURES = re.compile(r"^[A-Z]{1,4}\(")


def modules() -> Iterator[tuple[Path, ast.Module]]:
    """Every source module, parsed."""
    for path in sorted(SOURCE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _neutral_vocabulary(tree: ast.Module) -> set[int]:
    """Line numbers inside the enum classes of records.py: kroniek's own tag names,
    some of which are spelt like another tag set's (ADJ, ROOT)."""
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id == "StrEnum" for b in node.bases
        ):
            lines |= set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def test_no_frog_tag_outside_nlp() -> None:
    found = []
    for path, tree in modules():
        if "nlp" in path.relative_to(SOURCE).parts:
            continue
        allowed = _neutral_vocabulary(tree) if path.name == "records.py" else set()
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            value = node.value
            frog = value in CGN_TAGS | CGN_FEATURES | ALPINO_RELATIONS or bool(
                IOB.match(value) or TAG_WITH_FEATURES.match(value)
            )
            if frog and node.lineno not in allowed:
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno} {value!r}")
    assert found == []


def test_only_nlp_imports_the_frog_backend() -> None:
    found = []
    for path, tree in modules():
        if "nlp" in path.relative_to(SOURCE).parts:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "kroniek.nlp.frog"
            ):
                found.append(f"{path.relative_to(SOURCE)}: {node.module}")
    # The pipeline starts Frog servers; everything else sees analysis records.
    assert [f for f in found if not f.startswith("pipeline.py")] == []


def test_imports_point_backwards_along_the_flow() -> None:
    found = []
    for path, tree in modules():
        own = path.relative_to(SOURCE).parts[0].removesuffix(".py")
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(
                "kroniek"
            ):
                continue
            parts = (node.module or "").split(".")
            targets = parts[1:2] or [alias.name for alias in node.names]
            if (str(path.relative_to(SOURCE)), node.module) in FORWARD_IMPORTS:
                continue
            for target in targets:
                if RANK.get(target, RANK[own]) > RANK[own]:
                    found.append(f"{path.relative_to(SOURCE)} imports {node.module} {target}")
    assert found == []


def test_every_module_has_a_place_in_the_flow() -> None:
    tops = {path.relative_to(SOURCE).parts[0].removesuffix(".py") for path, _ in modules()}
    assert tops <= set(RANK), tops - set(RANK)


def test_only_store_and_query_speak_sql() -> None:
    """store/ is the one writer (and reads back stage records); query/ is the one reader."""
    found = []
    for path, tree in modules():
        part = path.relative_to(SOURCE).parts[0]
        if part in ("store", "query"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "sql"):
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert found == []


def test_error_codes_are_written_once() -> None:
    """A message's code is its name in errors.Msg; no string spells one out again."""
    spelt = re.compile(r"^[EW]\d{3} ")
    found = []
    for path, tree in modules():
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and spelt.match(text) and id(node) not in docstrings:
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert found == []
