"""The layout the architecture promises, checked on the code itself.

docs/architecture.md draws the pipeline; these tests keep the code to it: small modules and
functions, imports that only run forward along the stages, no cycle, and lark's own lexer at
work during a parse. That ``bodies=False`` is honoured everywhere, table rows included, is
tests/test_tables.py's test_bodies_off_reads_no_body_in_table_rows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import lark.lexer
import pytest

import policy_parser as pp

PACKAGE = Path(pp.__file__).resolve().parent
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Each top-level module or subpackage of policy_parser/ and its place in the pipeline. A module
# may import modules of its own layer or an earlier one, never a later one: segment does not
# reach into bodies, and bodies=False can switch a late stage off without touching early ones.
LAYER: dict[str, int] = {
    # foundations: no stage of their own
    "errors": 0,
    "views": 0,  # read-only protocols of the models, for export and render
    "numerals": 0,
    "wordlists": 0,
    "_gc": 0,
    "_fastinit": 0,  # a cheaper __init__ for the frozen dataclasses built by the thousand
    "run_in": 0,  # is a group of siblings run together? asked by transform and by render
    "models": 1,
    "table_header": 2,  # the header row and its column roles (Role) of a task table
    "deadlines": 2,  # a task's 完成时限 read as a Deadline (2025年底前 → 2025-12-31)
    # the models' convenience methods (doc.to_markdown(), doc.render(), rows.to_csv()) call
    # these; they read models through protocols and import nothing of models, so no cycle
    "export": 1,
    "render": 1,
    "akn": 1,  # doc.to_akn(): Akoma Ntoso XML, built like export from views only
    # the stages, in order; a stage's helpers sit just before it (transform reads the tables
    # it meets inside a section with tables.py, so tables comes before transform)
    "encoding": 2,
    "mojibake": 2,  # run-by-run repair on top of encoding's whole-text one
    "loaders": 2,
    "tracked": 3,  # TrackedText: the normalised text with its map back to the source
    "normalize": 3,
    "segment": 4,
    # the lex/ PostLex comes first: grammar.py builds the one Lark object around it
    "lex": 5,
    "grammar": 5,
    "drafts": 6,
    "tables": 7,
    "table_blocks": 7,  # flattened and one-cell-per-line tables inside a section, read apart
    "transform": 8,
    "clauses": 9,
    "bodies": 9,
    "task_lines": 10,  # 牵头单位：…；完成时限：… under a task: its deadline holds for the task
    "duties": 10,
    "checks": 11,
    "trace": 11,
    "api": 12,
    # on top of a parsed Document
    "compare": 13,  # two versions of a Document compared (issue 15)
    "view": 13,
    "wire": 13,
    "inputs": 13,  # which of the user's inputs are texts and which are files
    "testing": 13,
    "batch": 14,
    "dask": 14,
    "explain": 14,  # policy-parser explain: a traced parse, printed
    "progress": 14,  # the command line's progress bar (rich, on a terminal's stderr only)
    "cli": 15,
    "__init__": 16,
    "__main__": 17,
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        out[".".join(parts)] = path
    return out


def _top(module: str) -> str:
    return module.split(".")[0]


def _imports(module: str, path: Path) -> set[str]:
    """Every policy_parser module that ``module`` imports, lazily or not, relative or absolute."""
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            elif node.module and node.module.startswith("policy_parser"):
                target = node.module.removeprefix("policy_parser").lstrip(".")
            else:
                continue
            found.add(target)
            found.update(f"{target}.{a.name}".lstrip(".") for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("policy_parser").lstrip(".")
                for a in node.names
                if a.name.startswith("policy_parser")
            )
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    names = set(modules) | {m.removesuffix(".__init__") for m in modules}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        me = module.removesuffix(".__init__")
        deps = {d for d in _imports(module, path) if d in names}
        graph[me] = {d for d in deps if d != me and not me.startswith(d + ".") and d}
    return graph


def test_every_module_has_a_layer() -> None:
    unknown = sorted({_top(m) for m in _modules()} - set(LAYER))
    assert not unknown, f"place these in LAYER (and in docs/architecture.md): {unknown}"


def test_modules_are_small() -> None:
    big = {
        m: n
        for m, p in _modules().items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not big, f"modules over {MAX_MODULE_LINES} lines: {big}"


def test_functions_are_small() -> None:
    long: dict[str, int] = {}
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{module}.{node.name}"] = lines
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_imports_only_run_forward() -> None:
    back = sorted(
        f"{m} -> {d}"
        for m, deps in _graph().items()
        for d in deps
        if _top(m) in LAYER and _top(d) in LAYER and LAYER[_top(d)] > LAYER[_top(m)]
    )
    assert not back, f"imports against the stage order: {back}"


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, f"import cycles: {cycles}"


def test_lark_lexer_tokenizes_the_markers(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "一、总体要求\n（一）工作目标。各区县要加强领导。\n（二）工作原则。\n二、重点任务\n"
    pp.parse(text)  # warm the caches: lark reads its grammar files with its own lexer too
    calls = 0
    original = lark.lexer.Scanner.match

    def spy(self: lark.lexer.Scanner, text: str, pos: int) -> object:
        nonlocal calls
        calls += 1
        return original(self, text, pos)

    monkeypatch.setattr(lark.lexer.Scanner, "match", spy)
    doc = pp.parse(text)
    assert [s.path for s in doc.walk()] == ["一", "一/（一）", "一/（二）", "二"]
    assert calls >= 4, "the markers were not tokenized by lark's lexer"


def test_lark_builds_the_section_tree() -> None:
    from policy_parser.grammar import structure_lark

    tree = structure_lark().parse("前言。\n一、甲\n（一）乙。\n二、丙\n")
    sections = sorted(tree.find_data("section"), key=lambda s: s.meta.start_pos)
    assert [str(s.children[0]) for s in sections] == ["一、甲", "（一）乙。", "二、丙"]
    # propagate_positions: each section's meta spans its marker line to its last text
    assert [(s.meta.start_pos, s.meta.end_pos) for s in sections] == [(4, 13), (8, 13), (14, 17)]


def test_the_pipeline_builds_the_nodes_inside_the_lalr_parser() -> None:
    # structure_lark(NodeBuilder): lark calls the Transformer's rule methods as it reduces,
    # so parse() returns the nodes, with no tree built in between.
    from policy_parser.grammar import structure_lark
    from policy_parser.transform.nodes import Built, NodeBuilder

    built = structure_lark(NodeBuilder).parse("前言。\n一、甲\n（一）乙。\n二、丙\n")
    assert isinstance(built, Built)
    assert [n.marker.marker.marker for n in built.sections if n.marker.marker] == ["一、", "二、"]
    assert [c.marker.level for c in built.sections[0].children] == [2]
