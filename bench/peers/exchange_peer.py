#!/usr/bin/env python3
"""Telar's Python peer for the lecture's exchange experiment (`telar run exchange`).

DRAWS pseudo-random numbers are summed, split over P processes (the first ones take one more
when P does not divide DRAWS); each process returns its partial sum to the parent through one
mechanism, named as Telar names them:

  pipe   a Pipe per process: the child send()s its partial, the parent recv()s it
  queue  one Queue: every child put()s (index, partial), the parent get()s P of them
  value  one Value: every child adds its partial under the Value's lock
  array  an Array with a slot per process: each child stores its partial in its own slot
  dict   a Manager's dict and lock: every child adds its partial to one entry under the lock

The parent adds the partials in process order where the mechanism keeps them apart (pipe, queue,
array); value and dict add them in the order the children finish. For each mechanism the
experiment runs with 1 process and then with P; wall time runs from starting the children to the
parent holding the total (a forked Python process starts in milliseconds, so it is included, as
in the lecture). One JSON object per line: mechanism, processes, draws, wall_seconds, result.
Usage: python3 bench/peers/exchange_peer.py [--draws D] [--processes P] [--only pipe,queue,...]
"""
import argparse
import json
import multiprocessing as mp
import os
import time

from cpu_peer import draw_sum  # the lecture's kernel, in this directory

MECHANISMS = ["pipe", "queue", "value", "array", "dict"]


def share(draws, processes, index):
    return draws // processes + (1 if index < draws % processes else 0)


def partial(index, draws):
    """Process INDEX's share: the CPU peer's task INDEX, so both peers draw the same numbers."""
    return draw_sum(index, draws)


def via_pipe(conn, index, draws):
    conn.send(partial(index, draws))


def via_queue(q, index, draws):
    q.put((index, partial(index, draws)))


def via_value(v, index, draws):
    p = partial(index, draws)
    with v.get_lock():
        v.value += p


def via_array(a, index, draws):
    a[index] = partial(index, draws)


def via_dict(d, lock, index, draws):
    p = partial(index, draws)
    with lock:
        d["total"] = d["total"] + p


def run(mechanism, processes, draws, manager):
    """Seconds and the total for one run."""
    sizes = [share(draws, processes, i) for i in range(processes)]
    t0 = time.perf_counter()
    if mechanism == "pipe":
        ends = [mp.Pipe(duplex=False) for _ in range(processes)]
        procs = [mp.Process(target=via_pipe, args=(ends[i][1], i, sizes[i])) for i in range(processes)]
        for p in procs:
            p.start()
        parts = [ends[i][0].recv() for i in range(processes)]
    elif mechanism == "queue":
        q = mp.Queue()
        procs = [mp.Process(target=via_queue, args=(q, i, sizes[i])) for i in range(processes)]
        for p in procs:
            p.start()
        got = dict(q.get() for _ in range(processes))
        parts = [got[i] for i in range(processes)]
    elif mechanism == "value":
        v = mp.Value("d", 0.0)
        procs = [mp.Process(target=via_value, args=(v, i, sizes[i])) for i in range(processes)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        parts = [v.value]
    elif mechanism == "array":
        a = mp.Array("d", processes)
        procs = [mp.Process(target=via_array, args=(a, i, sizes[i])) for i in range(processes)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        parts = list(a)
    else:
        d, lock = manager.dict(total=0.0), manager.Lock()
        procs = [mp.Process(target=via_dict, args=(d, lock, i, sizes[i])) for i in range(processes)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        parts = [d["total"]]
    total = 0.0
    for x in parts:
        total += x
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise RuntimeError(f"{mechanism}: a child ended with exit code {p.exitcode}")
    return wall, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=32_000_000, help="draws in all (default 32000000)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="P (default: the cores)")
    parser.add_argument("--only", default="", help="comma-separated mechanisms: " + ", ".join(MECHANISMS))
    args = parser.parse_args()
    if args.processes < 1 or args.draws < args.processes:
        parser.error(f"need 1 <= processes <= draws, got {args.processes} processes and {args.draws} draws")
    only = [s for s in args.only.split(",") if s] or MECHANISMS
    unknown = [s for s in only if s not in MECHANISMS]
    if unknown:
        parser.error(f"--only: unknown mechanism {unknown[0]} (valid: {', '.join(MECHANISMS)})")
    with mp.Manager() as manager:
        for mechanism in only:
            for processes in sorted({1, args.processes}):
                wall, total = run(mechanism, processes, args.draws, manager)
                print(json.dumps({"mechanism": mechanism, "processes": processes, "draws": args.draws,
                                  "wall_seconds": round(wall, 4), "result": total}), flush=True)


if __name__ == "__main__":
    main()
