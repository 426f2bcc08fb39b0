#!/usr/bin/env python3
"""Grows focusbench-own: generates new instances, solves each exactly and appends it.

    grow_own.py --size 5x12 --count 10 [--time-limit 60] [-j 2] [--dir focusbench-own]

For each new instance: gen_instances.make() with a seed not used before (seeds count up
from 7001 over the whole set, so no two instances share one), then exact_optimum.py (cbc +
the bench evaluator's check) and an entry in best-known.json. An instance whose check
fails is deleted and reported, never stored. Tightness (meetings per week, deadline spread)
cycles through the size's variants below so every size has loose and tight instances.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_instances  # noqa: E402

FIRST_SEED = 7001  # the public set uses seeds 1-3, gen_instances' default 101-103
# (days, tasks) -> list of (meetings, deadline span in days): sparse to dense calendars,
# tight to loose deadlines.
VARIANTS = {
    (5, 12): [(4, 2), (8, 5), (14, 3), (8, 2), (14, 5)],
    (5, 20): [(6, 2), (10, 5), (16, 3), (10, 2)],
    (7, 30): [(6, 3), (10, 7), (16, 4)],
    (7, 50): [(8, 3), (10, 7), (16, 5)],
    (14, 40): [(10, 5), (16, 14), (24, 7)],
    (28, 100): [(30, 10), (40, 14), (60, 7)],
    (28, 500): [(40, 10), (60, 14)],
}


def write_best(path, entries):
    tmp = path + f".tmp{os.getpid()}"
    with open(tmp, "w") as f:
        json.dump(entries, f, indent=1, sort_keys=True)
    os.replace(tmp, path)  # readers never see a half-written file


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", help="DAYSxTASKS, one of " + ", ".join(f"{d}x{n}" for d, n in VARIANTS))
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=60, help="cbc seconds per instance")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="cbc processes at once")
    ap.add_argument("--dir", default=os.path.join(HERE, "focusbench-own"))
    ap.add_argument("--planner-bench", help="passed on to exact_optimum.py")
    ap.add_argument("--resolve", nargs="+", metavar="NAME",
                    help="instead of growing, solve these stored instances again (e.g. unproven ones with a longer limit)")
    args = ap.parse_args()
    if not args.size and not args.resolve:
        ap.error("give --size or --resolve")

    inst_dir = os.path.join(args.dir, "instances")
    best_path = os.path.join(args.dir, "best-known.json")
    os.makedirs(inst_dir, exist_ok=True)
    best = json.load(open(best_path)) if os.path.exists(best_path) else {}
    jobs = []
    if args.resolve:
        jobs = [(name, best[name]["generator"]) for name in args.resolve]
        days = n_tasks = 0
        args.count = 0
    else:
        days, n_tasks = (int(v) for v in args.size.lower().split("x"))
    used = {v["generator"]["seed"] for v in best.values()}
    used |= {int(f.split("_s")[-1].split(".")[0]) for f in os.listdir(inst_dir) if "_s" in f}
    same_size = sum(1 for v in best.values() if (v["days"], v["tasks"]) == (days, n_tasks))

    seed = FIRST_SEED
    for i in range(args.count):
        variants = VARIANTS[(days, n_tasks)]
        while seed in used:
            seed += 1
        used.add(seed)
        meetings, span = variants[(same_size + i) % len(variants)]
        name = gen_instances.instance_name(days, n_tasks, meetings, span, seed)
        inst, pert = gen_instances.make(seed, days, n_tasks, meetings, span)
        gen_instances.write_pair(inst_dir, name, inst, pert)
        jobs.append((name, inst["generator"]))

    lock = threading.Lock()
    failures = []

    def solve(job):
        name, generator = job
        cmd = [sys.executable, os.path.join(HERE, "exact_optimum.py"), os.path.join(inst_dir, name + ".json"),
               "--time-limit", str(args.time_limit)]
        if args.planner_bench:
            cmd += ["--planner-bench", args.planner_bench]
        run = subprocess.run(cmd, capture_output=True, text=True)
        with lock:
            if run.returncode != 0:
                failures.append(name)
                print(f"FAILED {name}: {run.stderr.strip()}", file=sys.stderr, flush=True)
                current = json.load(open(best_path)) if os.path.exists(best_path) else {}
                if name in current:  # a stored entry that no longer checks out must go too
                    del current[name]
                    write_best(best_path, current)
                for suffix in ("", ".perturbed"):
                    os.remove(os.path.join(inst_dir, name + suffix + ".json"))
                return
            r = json.loads(run.stdout)
            # Re-read so parallel growers (other sizes) never lose each other's entries.
            current = json.load(open(best_path)) if os.path.exists(best_path) else {}
            current[name] = {"days": generator["days"], "tasks": generator["tasks"],
                             "meetings": generator["meetings"], "best_known": r["best_known"],
                             "proven_optimal": r["proven_optimal"], "bound": r["bound"],
                             "cbc_seconds": r["seconds"], "time_limit": args.time_limit,
                             "generator": generator}
            write_best(best_path, current)
            print(f"{name} {run.stdout.strip()}", flush=True)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(solve, jobs))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
