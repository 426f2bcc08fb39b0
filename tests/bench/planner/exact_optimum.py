#!/usr/bin/env python3
"""The planner bench's referee: the exact optimum of a focusbench/1 instance.

    exact_optimum.py INSTANCE.json [--time-limit S] [--plan-out PLAN.json]
                     [--planner-bench PATH] [--keep DIR]

Builds a block ILP of the instance on its own (no planner code), solves it with `cbc`
(Debian: coinor-cbc), writes the best plan found as focusbench plan JSON and has
planner_bench's independent evaluator (`planner_bench --check-plan`) score it. It fails
loudly (exit 3) when the evaluator's value differs from the ILP objective or the plan has a
violation, so a modelling error cannot slip into best-known.json unnoticed.

Prints {"best_known": v, "proven_optimal": b, "bound": u, "seconds": t}.

Model (mirrors evaluator.cpp, which is what the bench scores):
  x[t,s,L] = 1 when task t has a block of L slots starting at slot s; only generated when
  every slot is available, s >= release, minLen <= L <= maxLen (minLen = ceil(min(min_chunk,
  duration)/slot), maxLen = floor(max_chunk/slot)) and the block ends inside the horizon.
  - every slot is covered by at most one block;
  - per task, sum of block minutes <= duration;
  - blocks of one task never touch end-to-start: the evaluator would merge them and check
    the merged length, so forbidding contact keeps "ILP block" == "evaluator block";
  - dependency i -> j: a block of j starting at s needs i's blocks that end by s to add up
    to i's whole duration (with the per-task cap this also means no i block ends after s);
  - objective: sum weight * max(0, min(end, deadline) - start), the evaluator's value.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load_instance(path):
    with open(path) as f:
        inst = json.load(f)
    slot = inst.get("slot_minutes", 15)
    h0, h1 = inst["horizon"]["start"], inst["horizon"]["end"]
    n = max(0, (h1 - h0) // slot)
    busy = [(c["start"], c["end"]) for c in inst.get("checkins", []) + inst.get("fixed_events", [])]
    busy += [(m["start"] - m.get("buffer_before", 0), m["end"] + m.get("buffer_after", 0))
             for m in inst.get("meetings", [])]
    work = [(w["start"], w["end"]) for w in inst.get("working_hours", [])]
    free = []
    for i in range(n):
        a, b = h0 + i * slot, h0 + (i + 1) * slot
        inside = any(ws <= a and b <= we for ws, we in work)
        touched = any(bs < b and a < be for bs, be in busy)
        free.append(inside and not touched)
    return inst, slot, h0, free


def as_int(v):
    # The evaluator reads numbers with QJsonValue::toInt(): null/missing is 0.
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0


def build_model(inst, slot, h0, free):
    n = len(free)
    tasks = inst["tasks"]
    ids = {t["id"] for t in tasks}
    info = {}
    for t in tasks:
        info[t["id"]] = dict(duration=as_int(t.get("duration")), weight=as_int(t.get("weight")),
                             release=as_int(t.get("release")), deadline=as_int(t.get("deadline")),
                             min_chunk=as_int(t.get("min_chunk")), max_chunk=as_int(t.get("max_chunk")),
                             deps=list(t.get("depends_on") or []))
    successors = {tid: [] for tid in ids}
    for tid, ti in info.items():
        for p in ti["deps"]:
            if p in successors:
                successors[p].append(tid)

    # A task that can never be finished (duration not whole slots, or unknown predecessor,
    # transitively) blocks its successors forever.
    def completable(tid, seen=()):
        ti = info[tid]
        if tid in seen or ti["duration"] <= 0 or ti["duration"] % slot:
            return False
        return all(p in info and completable(p, seen + (tid,)) for p in ti["deps"])

    blocks = []  # (task, start_slot, length_slots, coef)
    for tid, ti in info.items():
        if not all(p in info and completable(p) for p in ti["deps"]):
            continue  # any block of it would break a dependency rule
        min_len = -(-min(ti["min_chunk"], ti["duration"]) // slot)
        min_len = max(min_len, 1)
        max_len = min(ti["max_chunk"] // slot, ti["duration"] // slot)
        feeds_others = bool(successors[tid])
        first = 0
        while h0 + first * slot < ti["release"]:
            first += 1
        for s in range(first, n):
            if not free[s]:
                continue
            start = h0 + s * slot
            run = 0  # free slots from s on
            while s + run < n and free[s + run] and run < max_len:
                run += 1
            for L in range(min_len, run + 1):
                end = start + L * slot
                coef = ti["weight"] * max(0, min(end, ti["deadline"]) - start)
                if coef <= 0 and not feeds_others:
                    continue  # earns nothing and unlocks nothing
                blocks.append((tid, s, L, coef))
    return info, blocks


def write_lp(path, info, blocks, n):
    by_slot = [[] for _ in range(n)]
    by_task = {}
    starts = {}  # (task, slot) -> block indices starting there
    ends = {}    # (task, slot) -> block indices ending at (exclusive) slot
    for k, (tid, s, L, _) in enumerate(blocks):
        for q in range(s, s + L):
            by_slot[q].append(k)
        by_task.setdefault(tid, []).append(k)
        starts.setdefault((tid, s), []).append(k)
        ends.setdefault((tid, s + L), []).append(k)

    def terms(pairs):
        out, line = [], []
        for c, k in pairs:
            line.append(f"{'+' if c >= 0 else '-'} {abs(c)} x{k}")
            if len(line) == 12:
                out.append(" ".join(line))
                line = []
        if line:
            out.append(" ".join(line))
        return "\n  ".join(out) if out else "0 x0"

    with open(path, "w") as f:
        f.write("Maximize\n obj: " + terms([(c, k) for k, (_, _, _, c) in enumerate(blocks)]) + "\n")
        f.write("Subject To\n")
        r = 0
        for q, ks in enumerate(by_slot):
            if len(ks) > 1:
                f.write(f" s{q}: {terms([(1, k) for k in ks])} <= 1\n")
        for tid, ks in by_task.items():
            f.write(f" d{r}: {terms([(blocks[k][2], k) for k in ks])} <= {info[tid]['duration_slots']}\n")
            r += 1
        for (tid, s), ks in ends.items():
            nxt = starts.get((tid, s))
            if nxt:
                f.write(f" t{r}: {terms([(1, k) for k in ks + nxt])} <= 1\n")
                r += 1
        # Dependencies, one row per (successor, start slot, predecessor): at most one block of
        # a task starts at a slot, so the sum of those starts is 0 or 1.
        for (tid, s), ks in starts.items():
            for p in info[tid]["deps"]:
                done = [(blocks[k][2], k) for k in by_task.get(p, []) if blocks[k][1] + blocks[k][2] <= s]
                need = info[p]["duration_slots"]
                f.write(f" p{r}: {terms(done + [(-need, k) for k in ks])} >= 0\n")
                r += 1
        f.write("Binaries\n")
        for k in range(len(blocks)):
            f.write(f" x{k}\n")
        f.write("End\n")


def solve(lp, sol, time_limit, log):
    cmd = ["cbc", lp, "timeMode", "elapsed", "sec", str(time_limit), "ratioGap", "0", "allowableGap", "0", "threads", "1",
           "solve", "solu", sol]
    with open(log, "w") as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, check=False)
    with open(log) as f:
        text = f.read()
    return text


def parse_solution(sol, nblocks):
    chosen, objective, status = [], None, ""
    if not os.path.exists(sol):
        return status, objective, chosen
    with open(sol) as f:
        head = f.readline()
        status = head.strip()
        m = re.search(r"objective value\s+(-?[0-9.eE+]+)", head)
        if m:
            objective = float(m.group(1))
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[1].startswith("x") and float(parts[2]) > 0.5:
                k = int(parts[1][1:])
                if k < nblocks:
                    chosen.append(k)
    return status, objective, chosen


def parse_bound(log_text, objective):
    # cbc minimises the negated objective of a "Maximize" model and logs "best possible B"
    # in that sense; the last one (the final "Partial search" line) is the bound, -B.
    found = re.findall(r"best possible\s+(-?[0-9.eE+]+)", log_text)
    if not found:
        return None
    bound = -float(found[-1])
    if bound < objective - 1e-6:
        sys.exit(f"exact_optimum: cbc bound {bound} below its own solution {objective}")
    return bound


def default_bench():
    for cand in (os.path.join(HERE, "../../../build/dev/tests/bench/planner/planner_bench"),):
        if os.path.exists(cand):
            return os.path.abspath(cand)
    return "planner_bench"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=600)
    ap.add_argument("--plan-out", help="write the best plan here (default: a temporary file)")
    ap.add_argument("--planner-bench", default=default_bench())
    ap.add_argument("--keep", help="keep model.lp, cbc.log and solution here")
    args = ap.parse_args()

    t0 = time.time()
    inst, slot, h0, free = load_instance(args.instance)
    info, blocks = build_model(inst, slot, h0, free)
    for ti in info.values():
        ti["duration_slots"] = ti["duration"] // slot
    work = args.keep or tempfile.mkdtemp(prefix="exact_optimum.")
    os.makedirs(work, exist_ok=True)
    lp, sol, log = (os.path.join(work, n) for n in ("model.lp", "solution.txt", "cbc.log"))
    if os.path.exists(sol):
        os.remove(sol)

    if blocks:
        write_lp(lp, info, blocks, len(free))
        log_text = solve(lp, sol, args.time_limit, log)
        status, objective, chosen = parse_solution(sol, len(blocks))
    else:
        log_text, status, objective, chosen = "Result - Optimal solution found", "Optimal - nothing to plan", 0.0, []
    if objective is None:
        sys.exit(f"exact_optimum: cbc gave no solution for {args.instance} (see {log})")
    proven = status.startswith("Optimal") and "Optimal solution found" in log_text
    value = sum(blocks[k][3] for k in chosen)
    if abs(value - objective) > 0.5:
        sys.exit(f"exact_optimum: cbc objective {objective} but chosen blocks sum to {value}")
    bound = value if proven else parse_bound(log_text, value)

    plan = {"blocks": [{"task": blocks[k][0], "start": h0 + blocks[k][1] * slot,
                        "end": h0 + (blocks[k][1] + blocks[k][2]) * slot}
                       for k in sorted(chosen, key=lambda k: (blocks[k][1], blocks[k][0]))]}
    plan_path = os.path.abspath(args.plan_out or os.path.join(work, "plan.json"))
    with open(plan_path, "w") as f:
        json.dump(plan, f)

    # The referee's referee: the bench's own evaluator must agree on value and find no breach.
    check = subprocess.run([args.planner_bench, "--check-plan", args.instance, plan_path],
                           capture_output=True, text=True)
    kv = dict(p.split("=", 1) for p in check.stdout.split("\n", 1)[0].split() if "=" in p)
    if check.returncode not in (0, 2) or "value" not in kv:
        sys.exit(f"exact_optimum: evaluator failed: {check.stdout}{check.stderr}")
    if int(kv["value"]) != value or int(kv["violations"]) != 0:
        print(f"exact_optimum: MODEL MISMATCH on {args.instance}: ILP {value}, evaluator "
              f"{check.stdout.strip()}", file=sys.stderr)
        sys.exit(3)

    if not args.keep:
        shutil.rmtree(work)
    # Block values are whole numbers, so the floor of cbc's (fractional) bound is still a bound.
    print(json.dumps({"best_known": value, "proven_optimal": proven,
                      "bound": math.floor(bound + 1e-6) if bound is not None else None,
                      "seconds": round(time.time() - t0, 2), "blocks_in_model": len(blocks)}))


if __name__ == "__main__":
    main()
