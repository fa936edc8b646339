#!/usr/bin/env python3
"""Telar's Python peer for `telar bench ipc` and `telar bench sync`.

Measures Python's multiprocessing mechanisms and primitives on this machine with the counts and
names Telar's benchmarks use for N operations, so that both can run in one session and be set
side by side (bench/peer-ratios):

  pipe                      1 sender, 1 receiver, N messages
  queue                     1 producer, 1 consumer, N messages
  value_locked_incr         2 processes x N/2 increments of a Value under its lock
  array_store               2 processes x N stores, each to its own slot of an Array
  manager_dict_locked_incr  2 processes x N/50 increments of a Manager dict entry under a Manager lock
  lock_acq_rel              2 processes x N/2 acquire/release of one Lock
  lock_acq_rel_uncontended  1 process x N acquire/release
  barrier_rounds            N/20 rounds of a Barrier(2)
  event_pingpong            N/20 round trips between two Events

and the four primitive figures again between threads of one process, prefixed thread_.

Timing, as in Telar: the participants are started first and meet at a barrier; each notes the
monotonic clock when it leaves the barrier and when it has done its share, and a round lasts from
the first start to the last end (process start-up and exit are left out). Every figure runs
ROUNDS rounds with fresh participants; the median round gives ops_per_s.

Output: one line per figure, "name ops_per_s", or with --json one JSON document shaped like
Telar's: {"bench": "python-multiprocessing", "n": N, "results": [{"name", "ops_per_s", ...}]}.
Usage: python3 bench/peers/mp_peer.py [N] [--rounds R] [--only a,b] [--json]
"""
import argparse
import json
import multiprocessing as mp
import statistics
import sys
import threading
import time

CLOCK = time.perf_counter  # CLOCK_MONOTONIC on Linux: one time line for every process


# --- what each participant does; 'share' is its number of operations ---------------------------

def send_all(conn, share):
    for i in range(share):
        conn.send(i)


def receive_all(conn, share):
    for _ in range(share):
        conn.recv()


def put_all(q, share):
    for i in range(share):
        q.put(i)


def get_all(q, share):
    for _ in range(share):
        q.get()


def increment_value(v, share):
    for _ in range(share):
        with v.get_lock():
            v.value += 1


def store_in_slot(slots, index, share):
    for k in range(share):
        slots[index] = k


def increment_entry(d, lock, share):
    for _ in range(share):
        with lock:
            d["k"] = d["k"] + 1


def take_and_give_back(lock, share):
    for _ in range(share):
        lock.acquire()
        lock.release()


def meet_at(barrier, share):
    for _ in range(share):
        barrier.wait()


def ping(mine, theirs, share):
    for _ in range(share):
        theirs.set()
        mine.wait()
        mine.clear()


def pong(mine, theirs, share):
    for _ in range(share):
        mine.wait()
        mine.clear()
        theirs.set()


# --- one round -------------------------------------------------------------------------------

def _timed(start_line, times, slot, work, args):
    start_line.wait()
    times[2 * slot] = CLOCK()
    work(*args)
    times[2 * slot + 1] = CLOCK()


def round_in_processes(jobs):
    """jobs: [(work, args)], one per process. Seconds from the first start to the last end."""
    start_line = mp.Barrier(len(jobs))
    times = mp.Array("d", 2 * len(jobs), lock=False)
    procs = [mp.Process(target=_timed, args=(start_line, times, i, w, a)) for i, (w, a) in enumerate(jobs)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise RuntimeError(f"a participant ended with exit code {p.exitcode}")
    return max(times[1::2]) - min(times[0::2])


def round_in_threads(jobs):
    start_line = threading.Barrier(len(jobs))
    times = [0.0] * (2 * len(jobs))
    threads = [threading.Thread(target=_timed, args=(start_line, times, i, w, a)) for i, (w, a) in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return max(times[1::2]) - min(times[0::2])


# --- the figures -----------------------------------------------------------------------------

def pipe(n):
    receiving, sending = mp.Pipe(duplex=False)
    return n, lambda: round_in_processes([(send_all, (sending, n)), (receive_all, (receiving, n))])


def queue(n):
    q = mp.Queue()
    return n, lambda: round_in_processes([(put_all, (q, n)), (get_all, (q, n))])


def value_locked_incr(n):
    v = mp.Value("d", 0.0)

    def one_round():
        v.value = 0.0
        seconds = round_in_processes([(increment_value, (v, n // 2))] * 2)
        if v.value != 2 * (n // 2):
            raise RuntimeError(f"value_locked_incr: {v.value:.0f} of {2 * (n // 2)} increments")
        return seconds
    return 2 * (n // 2), one_round


def array_store(n):
    slots = mp.Array("d", 2)
    return 2 * n, lambda: round_in_processes([(store_in_slot, (slots, i, n)) for i in range(2)])


_manager = None


def manager_dict_locked_incr(n):
    global _manager
    if _manager is None:
        _manager = mp.Manager()
    d = _manager.dict(k=0)
    lock = _manager.Lock()

    def one_round():
        d["k"] = 0
        seconds = round_in_processes([(increment_entry, (d, lock, n // 50))] * 2)
        if d["k"] != 2 * (n // 50):
            raise RuntimeError(f"manager_dict_locked_incr: {d['k']} of {2 * (n // 50)} increments")
        return seconds
    return 2 * (n // 50), one_round


def primitives(kind):
    """The four primitive figures, between processes or between threads."""
    lib, run = (mp, round_in_processes) if kind == "processes" else (threading, round_in_threads)

    def lock_acq_rel(n):
        lock = lib.Lock()
        return 2 * (n // 2), lambda: run([(take_and_give_back, (lock, n // 2))] * 2)

    def lock_acq_rel_uncontended(n):
        lock = lib.Lock()
        return n, lambda: run([(take_and_give_back, (lock, n))])

    def barrier_rounds(n):
        barrier = lib.Barrier(2)
        return n // 20, lambda: run([(meet_at, (barrier, n // 20))] * 2)

    def event_pingpong(n):
        a, b = lib.Event(), lib.Event()
        return n // 20, lambda: run([(ping, (a, b, n // 20)), (pong, (b, a, n // 20))])

    return [lock_acq_rel, lock_acq_rel_uncontended, barrier_rounds, event_pingpong]


FIGURES = [("", f) for f in (pipe, queue, value_locked_incr, array_store, manager_dict_locked_incr)]
FIGURES += [("", f) for f in primitives("processes")] + [("thread_", f) for f in primitives("threads")]
NAMES = [prefix + f.__name__ for prefix, f in FIGURES]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200_000, help="operations N (default 200000)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per figure; the median counts (default 5)")
    parser.add_argument("--only", default="", help="comma-separated figure names: " + ", ".join(NAMES))
    parser.add_argument("--json", action="store_true", help="one JSON document instead of lines")
    args = parser.parse_args()
    if args.n < 100:
        parser.error(f"N must be at least 100, got {args.n}")
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, got {args.rounds}")
    only = [s for s in args.only.split(",") if s]
    unknown = [s for s in only if s not in NAMES]
    if unknown:
        parser.error(f"--only: unknown figure {unknown[0]} (valid: {', '.join(NAMES)})")
    results = []
    for prefix, figure in FIGURES:
        name = prefix + figure.__name__
        if only and name not in only:
            continue
        operations, one_round = figure(args.n)
        seconds = [one_round() for _ in range(args.rounds)]
        rates = [operations / s for s in seconds]
        result = {"name": name, "ops_per_s": round(statistics.median(rates)), "operations": operations,
                  "seconds": statistics.median(seconds), "rounds": args.rounds,
                  "round_ops_per_s": [round(r) for r in rates],
                  "kind": "threads" if prefix else "processes"}
        results.append(result)
        if not args.json:
            print(f"{name} {result['ops_per_s']}", flush=True)
    if _manager is not None:
        _manager.shutdown()
    if args.json:
        print(json.dumps({"bench": "python-multiprocessing", "n": args.n, "python": sys.version.split()[0],
                          "results": results}))


if __name__ == "__main__":
    main()
