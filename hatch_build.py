"""Hatch build hook: compile the hot modules with mypyc, only when asked (docs/compiled.md).

``pip install .`` and ``pip install -e .`` stay pure Python. With ``POLICY_PARSER_COMPILE=1``
set at build time, ``pip wheel .`` compiles the modules named under
``[tool.hatch.build.targets.wheel.hooks.custom] compile`` in pyproject.toml and puts the
extension modules into the wheel next to the ``.py`` files (which Python then skips: an
extension module is found before a source file of the same name).

The compilation runs on a copy of the package in a temporary folder, so the source tree never
gets ``.so`` files that would shadow the ``.py`` an editable install or ``PYTHONPATH`` runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ENV = "POLICY_PARSER_COMPILE"
PACKAGE = "policy_parser"


def wanted() -> bool:
    """Whether the build was asked to compile (``POLICY_PARSER_COMPILE=1``)."""
    return os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def compiled_sources(root: Path, entries: list[str]) -> list[str]:
    """The ``.py`` files that the ``compile`` entries (files or folders) name, in order."""
    out: list[str] = []
    for entry in entries:
        path = root / entry
        if path.is_dir():
            out += [p.relative_to(root).as_posix() for p in sorted(path.rglob("*.py"))]
        elif path.is_file() and path.suffix == ".py":
            out.append(entry)
        else:
            raise FileNotFoundError(f"{ENV}: compile entry {entry!r} names no module")
    return out


def mypy_ini(root: Path) -> str:
    """The project's ``[tool.mypy]`` settings, as a mypy.ini for the copy that mypyc checks."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    lines = ["[mypy]"]
    for key, value in config.get("tool", {}).get("mypy", {}).items():
        if key == "files":
            continue
        if isinstance(value, list):
            value = ", ".join(value)
        lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


SETUP = """\
from setuptools import setup
from mypyc.build import mypycify
setup(name="{package}", packages=[], ext_modules=mypycify({sources!r}, opt_level="3"))
"""


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the ``compile`` list with mypyc into the wheel when ``POLICY_PARSER_COMPILE=1``."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        """Mypyc, setuptools and what mypy needs to type-check the package, only when asked."""
        if not wanted():
            return []
        return ["mypy>=1.10", "setuptools>=69", "types-regex", *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile into a temporary folder and force-include the extension modules."""
        if not wanted() or self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sources = compiled_sources(root, self.config.get("compile", []))
        self._work = Path(tempfile.mkdtemp(prefix="policy_parser_mypyc_"))
        shutil.copytree(
            root / PACKAGE,
            self._work / PACKAGE,
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
        )
        (self._work / "mypy.ini").write_text(mypy_ini(root), encoding="utf-8")
        (self._work / "setup.py").write_text(
            SETUP.format(package=PACKAGE, sources=sources), encoding="utf-8"
        )
        lib = self._work / "lib"
        command = [sys.executable, "setup.py", "build_ext", "--build-lib", str(lib)]
        command += ["--build-temp", str(self._work / "tmp")]
        done = subprocess.run(command, cwd=self._work, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"mypyc failed:\n{done.stdout}\n{done.stderr}")
        built = sorted(p for p in lib.rglob("*") if p.suffix in {".so", ".pyd"})
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(lib).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"{ENV}: compiled {len(sources)} modules, {len(built)} extensions")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder once the wheel holds the extension modules."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
