"""What the numbers were measured on: CPU (from lscpu), cores, memory, toolchain, commit."""
from __future__ import annotations

import os
import platform
import re
import subprocess
from pathlib import Path


def _run(cmd, cwd=None) -> str:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def describe(repo: Path) -> dict:
    lscpu = _run(["lscpu"])
    field = lambda name: (re.search(rf"^{name}:\s*(.+)$", lscpu, re.M) or [None, ""])[1].strip()  # noqa: E731
    flags = set(field("Flags").split())
    mem_kb = 0
    try:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    except (OSError, AttributeError):
        pass
    head = _run(["git", "rev-parse", "--short", "HEAD"], cwd=repo)
    # The last commit that changed what copyscan itself does (the benchmark's own files aside;
    # Package.swift included, whose flags change the binary — how it is linked, for one): runs of
    # one code commit are comparable across sizes.
    code = _run(["git", "log", "-1", "--format=%h", "--", "Sources", ":!Sources/copyscan-bench", "Package.swift"], cwd=repo)
    dirty = bool(_run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo))
    return {
        "cpu": field("Model name"), "family_model": f"{field('CPU family')}/{field('Model')}",
        "hypervisor": field("Hypervisor vendor") or None, "cores": os.cpu_count(),
        "avx2": "avx2" in flags, "avx512f": "avx512f" in flags,
        "memory_gib": round(mem_kb / 1048576, 1), "kernel": platform.release(),
        "swift": _run(["swift", "--version"]).splitlines()[0] if _run(["swift", "--version"]) else "",
        "python": platform.python_version(), "commit": head + ("+dirty" if dirty else ""), "code_commit": code,
    }


def one_line(m: dict) -> str:
    simd = ", ".join(x for x, on in (("AVX2", m["avx2"]), ("AVX-512", m["avx512f"])) if on) or "no AVX2"
    hv = f" under {m['hypervisor']}" if m.get("hypervisor") else ""
    return (f"{m['cpu']} (family/model {m['family_model']}{hv}, {simd}), {m['cores']} cores, "
            f"{m['memory_gib']} GiB; {m['swift']}; Python {m['python']}; commit {m['commit']}")
