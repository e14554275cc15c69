"""Running and timing commands: wall time from our own clock, peak RSS from GNU time, the load
average around each step, hyperfine for short commands."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


class StepFailed(Exception):
    """A command crashed or exited with a status the step does not accept."""


def loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def clean_env(**extra) -> dict:
    """The environment for copyscan runs: no CI annotation variables (they would change what
    `check` prints and writes), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def summary(values: list[float]) -> dict:
    return {"runs": len(values), "median": statistics.median(values), "min": min(values), "max": max(values),
            "values": values}


GNU_TIME = "/usr/bin/time"


def run_timed(cmd: list[str], *, cwd: Path, ok_codes=(0,), log_file: Path | None = None, env=None) -> dict:
    """One run: wall seconds, peak RSS (kB, from `/usr/bin/time -v` when present), exit code."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        time_file = tf.name
    full = ([GNU_TIME, "-v", "-o", time_file] if os.path.exists(GNU_TIME) else []) + cmd
    started = time.perf_counter()
    with open(log_file or os.devnull, "ab") as log:
        proc = subprocess.run(full, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env or clean_env())
    wall = time.perf_counter() - started
    text = Path(time_file).read_text(errors="replace") if os.path.exists(time_file) else ""
    os.unlink(time_file)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    if proc.returncode not in ok_codes:
        raise StepFailed(f"`{shlex.join(cmd)}` exited with {proc.returncode}"
                         + (f" (see {log_file})" if log_file else ""))
    return {"wall": wall, "cpu": cpu if text else None, "rss_kb": int(m.group(1)) if m else None, "code": proc.returncode}


def repeat(cmd: list[str], runs: int, **kw) -> dict:
    load_before = loadavg()
    results = [run_timed(cmd, **kw) for _ in range(runs)]
    rss = [r["rss_kb"] for r in results if r["rss_kb"] is not None]
    cpu = [r["cpu"] for r in results if r["cpu"] is not None]
    return {"command": shlex.join(cmd), "wall": summary([r["wall"] for r in results]),
            "cpu": summary(cpu) if cpu else None,
            "rss_kb_max": max(rss) if rss else None, "codes": sorted({r["code"] for r in results}),
            "load_before": load_before, "load_after": loadavg()}


def cold_runs(cmd: list[str], runs: int, *, cwd: Path, ok_codes=(0, 1), out_dir: Path) -> dict:
    """Process start to exit of a short command: hyperfine when installed (no shell, a few
    warm-up runs, the page cache stays warm), else our own loop."""
    load_before = loadavg()
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        export = out_dir / "hyperfine.json"
        hcmd = [hyperfine, "-N", "--warmup", "3", "--runs", str(runs), "-i", "--export-json", str(export),
                "--style", "none", shlex.join(cmd)]
        proc = subprocess.run(hcmd, cwd=cwd, capture_output=True, text=True, env=clean_env())
        if proc.returncode != 0:
            raise StepFailed(f"hyperfine failed: {proc.stderr.strip()[-500:]}")
        data = json.loads(export.read_text())["results"][0]
        codes = sorted(set(data.get("exit_codes") or []))
        bad = [c for c in codes if c not in ok_codes]
        if bad:
            raise StepFailed(f"`{shlex.join(cmd)}` exited with {bad}")
        version = subprocess.run([hyperfine, "--version"], capture_output=True, text=True).stdout.strip()
        return {"command": shlex.join(cmd), "tool": version, "wall": summary(data["times"]), "codes": codes,
                "load_before": load_before, "load_after": loadavg()}
    for _ in range(3):
        run_timed(cmd, cwd=cwd, ok_codes=ok_codes)
    walls = [run_timed(cmd, cwd=cwd, ok_codes=ok_codes)["wall"] for _ in range(runs)]
    return {"command": shlex.join(cmd), "tool": "own loop (hyperfine not installed; includes /usr/bin/time)",
            "wall": summary(walls), "load_before": load_before, "load_after": loadavg()}


def capture(cmd: list[str], *, cwd: Path | None = None, env=None, ok_codes=(0,), stderr_file: Path | None = None) -> str:
    with open(stderr_file or os.devnull, "ab") as err:
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=err, env=env or clean_env())
    if proc.returncode not in ok_codes:
        raise StepFailed(f"`{shlex.join(cmd)}` exited with {proc.returncode}" + (f" (see {stderr_file})" if stderr_file else ""))
    return proc.stdout.decode("utf-8", errors="replace")


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]
