"""The peers' virtual environment, outside the repository: ${XDG_CACHE_HOME:-~/.cache}/copyscan-bench/venv."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .corpusgen import cache_root

PINS = {"datasketch": "2.0.0", "rensa": "0.5.0", "gaoya": "0.2.2"}


def path() -> Path:
    return cache_root() / "venv"


def python() -> Path:
    return path() / "bin" / "python"


def installed() -> dict:
    """{package: version or None} as the venv's interpreter sees them."""
    if not python().exists():
        return {p: None for p in PINS}
    code = ("import importlib.metadata as m, json\n"
            "out = {}\n"
            f"for p in {list(PINS)!r}:\n"
            "    try: out[p] = m.version(p)\n"
            "    except Exception: out[p] = None\n"
            "print(json.dumps(out))")
    proc = subprocess.run([str(python()), "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        return {p: None for p in PINS}
    import json
    return json.loads(proc.stdout)


def ensure(log=print) -> dict:
    """Creates the venv and installs the pinned peers that are missing, one by one so that one
    failure does not stop the others. Returns {package: error message} for the failures."""
    problems = {}
    if not python().exists():
        log(f"peers: creating the virtual environment {path()}")
        proc = subprocess.run([sys.executable, "-m", "venv", str(path())], capture_output=True, text=True)
        if proc.returncode != 0:
            return {p: f"cannot create the venv: {proc.stderr.strip()[-300:]}" for p in PINS}
    have = installed()
    for package, version in PINS.items():
        if have.get(package) == version:
            continue
        log(f"peers: pip install {package}=={version}")
        proc = subprocess.run([str(python()), "-m", "pip", "install", "-q", f"{package}=={version}"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            problems[package] = f"pip install {package}=={version} failed: {proc.stderr.strip()[-300:]}"
            log(f"peers: {problems[package]}")
    return problems
