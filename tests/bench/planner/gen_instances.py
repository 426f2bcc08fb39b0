#!/usr/bin/env python3
"""Makes extra focusbench/1 instances (own seeds and sizes) and an upper bound for each.

    gen_instances.py OUT_DIR [--seeds 101 102 ...]

Writes OUT_DIR/instances/NAME.json, NAME.perturbed.json and OUT_DIR/upper-bound.json in the
best-known.json shape, so `planner_bench --instances OUT_DIR/instances` prints ratios
against the bound (a lower bound on the true ratio to the optimum).

The bound relaxes min/max chunks and dependencies: each task's on-time work lies in its
[release, deadline) window and, for every window [a, b) between breakpoints, the work whose
window lies inside it fits the available slots there (Hall's condition for preemptive
interval scheduling). Filling tasks greedily by weight against those constraints is optimal
for the relaxation (its feasible set is a polymatroid).
"""
import argparse
import json
import os
import random

SLOT = 15
DAY = 1440


def instance_name(days, n_tasks, n_meetings, span_days, seed):
    """The name focusbench-own uses: size class first, then tightness, then the seed."""
    return f"d{days}_n{n_tasks}_m{n_meetings}_sp{span_days}_s{seed}"


def write_pair(out_dir, name, inst, pert):
    """Writes NAME.json and NAME.perturbed.json into out_dir (compact: the 500-task ones add up)."""
    for suffix, doc in (("", inst), (".perturbed", pert)):
        with open(os.path.join(out_dir, name + suffix + ".json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))


def make(seed, days, n_tasks, n_meetings, span_days, dep_pct=10):
    rnd = random.Random(seed)
    wh, checkins, fixed, meetings = [], [], [], []
    for d in range(days):
        if d % 7 >= 5:
            continue
        base = d * DAY
        wh.append({"day": d, "start": base + 540, "end": base + 1020})
        checkins += [{"start": base + 540, "end": base + 555}, {"start": base + 840, "end": base + 855}]
        fixed.append({"id": f"lunch{d}", "start": base + 720, "end": base + 780})
    workdays = [w["day"] for w in wh]
    for i in range(n_meetings):
        d = rnd.choice(workdays)
        start = d * DAY + 540 + 15 * rnd.randrange(0, 28)
        length = rnd.choice([30, 30, 60, 60, 90])
        meetings.append({"id": f"m{i}", "start": start, "end": min(start + length, d * DAY + 1020),
                         "buffer_before": 15, "buffer_after": 15})
    tasks = []
    horizon = days * DAY
    for i in range(n_tasks):
        prio = rnd.choice([1, 2, 2, 3, 3, 4, 4])
        duration = rnd.choice([60, 60, 90, 120, 120, 180, 240, 360])
        splittable = rnd.random() < 0.85
        min_chunk = rnd.choice([60, 60, 60, 90, 120]) if splittable else duration
        max_chunk = 180 if splittable else duration
        min_chunk = min(min_chunk, duration)
        release = 0 if rnd.random() < 0.6 else DAY * rnd.randrange(0, max(1, days - 1))
        dl_day = min(days - 1, release // DAY + rnd.randrange(0, span_days))
        deadline = horizon if rnd.random() < 0.1 else dl_day * DAY + 1020
        if deadline is not None and deadline <= release:
            deadline = release + DAY
        deps = []
        if i > 0 and rnd.random() < dep_pct / 100:
            deps = [f"t{rnd.randrange(0, i)}"]
        tasks.append({"id": f"t{i}", "duration": duration, "priority": prio, "weight": 1 << (4 - prio),
                      "release": release, "deadline": min(deadline, horizon) if deadline is not None else None,
                      "splittable": splittable, "min_chunk": min_chunk, "max_chunk": max_chunk,
                      "energy": rnd.choice(["am", "pm", "any", "any"]), "depends_on": deps})
    inst = {"schema": "focusbench/1",
            "generator": {"seed": seed, "days": days, "tasks": n_tasks, "meetings": n_meetings,
                          "deadline_span_days": span_days, "dep_pct": dep_pct,
                          "tool": "tests/bench/planner/gen_instances.py"},
            "slot_minutes": SLOT, "horizon": {"start": 0, "end": horizon},
            "working_hours": wh, "checkins": checkins, "fixed_events": fixed, "meetings": meetings,
            "energy_windows": {"am": [540, 720], "pm": [780, 1020]}, "tasks": tasks}
    pert = json.loads(json.dumps(inst))
    d = workdays[min(2, len(workdays) - 1)]
    pert["meetings"].append({"id": "perturb", "start": d * DAY + 600, "end": d * DAY + 660,
                             "buffer_before": 15, "buffer_after": 15})
    return inst, pert


def available(inst):
    n = inst["horizon"]["end"] // SLOT
    free = [False] * n
    for w in inst["working_hours"]:
        for s in range(-(-w["start"] // SLOT), w["end"] // SLOT):
            free[s] = True

    def busy(a, b):
        for s in range(max(0, a // SLOT), min(n, -(-b // SLOT))):
            free[s] = False
    for c in inst["checkins"] + inst["fixed_events"]:
        busy(c["start"], c["end"])
    for m in inst["meetings"]:
        busy(m["start"] - m["buffer_before"], m["end"] + m["buffer_after"])
    return free


def upper_bound(inst):
    free = available(inst)
    n = len(free)
    # A free run shorter than every task's shortest block can hold no work.
    shortest = min(min(t["min_chunk"], t["duration"]) if t["splittable"] else t["duration"]
                   for t in inst["tasks"]) // SLOT
    s = 0
    while s < n:
        e = s
        while e < n and free[e]:
            e += 1
        if e - s < shortest:
            for k in range(s, e):
                free[k] = False
        s = max(e, s + 1)
    prefix = [0]
    for f in free:
        prefix.append(prefix[-1] + f)
    runs = []  # maximal free runs [s, e)
    s = 0
    while s < n:
        e = s
        while e < n and free[e]:
            e += 1
        if e > s:
            runs.append((s, e))
        s = max(e, s + 1)

    def cap(r, d, shortest_block):
        # Slots of [r, d) in free stretches long enough for one block.
        return sum(min(e, d) - max(s, r) for s, e in runs
                   if min(e, d) - max(s, r) >= shortest_block)

    tasks, caps = [], {}
    for t in inst["tasks"]:
        r = -(-t["release"] // SLOT)
        d = n if t["deadline"] is None else min(n, t["deadline"] // SLOT)
        length = t["duration"] // SLOT
        block = length if not t["splittable"] else min(t["min_chunk"], t["duration"]) // SLOT
        c = min(length, cap(r, d, max(block, 1)))
        if not t["splittable"] and c < length:
            c = 0  # all or nothing
        caps[t["id"]] = (c, length)
    for t in inst["tasks"]:
        c, length = caps[t["id"]]
        # Work waiting for a predecessor that can never be finished earns nothing.
        if any(caps[p][0] < caps[p][1] and caps[p][0] == 0 for p in t["depends_on"]):
            c = 0
        r = -(-t["release"] // SLOT)
        d = n if t["deadline"] is None else min(n, t["deadline"] // SLOT)
        if d > r and c > 0:
            tasks.append((t["weight"], r, d, c))
    points = sorted({0, n} | {r for _, r, _, _ in tasks} | {d for _, _, d, _ in tasks})
    used = {}  # (a, b) -> slots taken by work whose window lies inside [a, b)
    value = 0
    for w, r, d, length in sorted(tasks, key=lambda x: -x[0]):
        x = length
        for a in points:
            if a > r:
                break
            for b in points:
                if b >= d:
                    x = min(x, prefix[b] - prefix[a] - used.get((a, b), 0))
        x = max(0, x)
        if x:
            for a in points:
                if a > r:
                    break
                for b in points:
                    if b >= d:
                        used[(a, b)] = used.get((a, b), 0) + x
        value += w * x * SLOT
    return value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seeds", type=int, nargs="*", default=[101, 102, 103])
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, "instances"), exist_ok=True)
    sizes = [(5, 12, 8, 5), (7, 30, 10, 7), (14, 40, 16, 14), (14, 60, 20, 10), (28, 100, 40, 14)]
    bounds = {}
    for seed in args.seeds:
        for days, n, m, span in sizes:
            name = f"x{days}_n{n}_m{m}_s{seed}"
            inst, pert = make(seed * 1000 + days * 7 + n, days, n, m, span)
            for suffix, doc in (("", inst), (".perturbed", pert)):
                with open(os.path.join(args.out, "instances", name + suffix + ".json"), "w") as f:
                    json.dump(doc, f)
            bounds[name] = {"days": days, "tasks": n, "meetings": m, "best_known": upper_bound(inst),
                            "proven_optimal": False, "kind": "upper bound (relaxation)"}
    with open(os.path.join(args.out, "upper-bound.json"), "w") as f:
        json.dump(bounds, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
