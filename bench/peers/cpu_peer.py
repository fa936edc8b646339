#!/usr/bin/env python3
"""Telar's Python peer for the lecture's CPU experiments, under Telar's model names.

The CPU experiment: TASKS tasks, each summing DRAWS pseudo-random numbers from its own generator
(seeded by its task number, so every model computes the same total), run

  sequential                                one task after another in the main thread
  thread-target, thread-subclass            a thread per task: Thread(target=...) / a Thread subclass
  pool-submit, pool-map                     a ThreadPoolExecutor of WORKERS: submit() / map()
  process-target, process-subclass          a process per task: Process(target=...) / a Process subclass
  process-pool-submit, process-pool-map     a multiprocessing Pool of WORKERS: apply_async() / map()

and the I/O exception to the interpreter lock: io tasks of 10 waits of WAIT_MS each, sequential
and on a thread per task (the lock is released while a thread waits). With --matmul N, the
lecture's thread-limit table: PRODUCTS products of two N x N matrices in numpy, with the BLAS
library limited to 1, 2, 4, ... threads up to twice the cores, and unlimited (its default).

Wall times cover the whole run of a model, process and pool start-up included (a forked Python
process starts in milliseconds). Each line is a JSON object: kernel, model, workers, tasks, size,
wall_seconds, result, and speedup against the sequential run of the same kernel in this run.
Usage: python3 bench/peers/cpu_peer.py [--draws D] [--tasks T] [--workers W] [--wait-ms MS]
                                       [--matmul N] [--products K] [--only model,...]
"""
import argparse
import concurrent.futures as cf
import json
import multiprocessing as mp
import os
import random
import subprocess
import sys
import threading
import time

SEED = 42
IO_WAITS = 10


def draw_sum(task, draws):
    """The CPU kernel: the sum of DRAWS draws of task TASK's own generator."""
    draw = random.Random(SEED + task).random
    total = 0.0
    for _ in range(draws):
        total += draw()
    return total


def wait_rounds(task, wait_ms):
    """The io kernel: IO_WAITS waits of WAIT_MS, each followed by one draw."""
    draw = random.Random(SEED + task).random
    total = 0.0
    for _ in range(IO_WAITS):
        time.sleep(wait_ms / 1000)
        total += draw()
    return total


def _into_slot(kernel, task, size, slots):
    slots[task] = kernel(task, size)


class KernelThread(threading.Thread):
    def __init__(self, kernel, task, size, slots):
        super().__init__()
        self.kernel, self.task, self.size, self.slots = kernel, task, size, slots

    def run(self):
        self.slots[self.task] = self.kernel(self.task, self.size)


class KernelProcess(mp.Process):
    def __init__(self, kernel, task, size, slots):
        super().__init__()
        self.kernel, self.task, self.size, self.slots = kernel, task, size, slots

    def run(self):
        self.slots[self.task] = self.kernel(self.task, self.size)


def _start_join(workers):
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def sequential(kernel, tasks, size, workers):
    return [kernel(t, size) for t in range(tasks)]


def thread_target(kernel, tasks, size, workers):
    slots = [0.0] * tasks
    _start_join([threading.Thread(target=_into_slot, args=(kernel, t, size, slots)) for t in range(tasks)])
    return slots


def thread_subclass(kernel, tasks, size, workers):
    slots = [0.0] * tasks
    _start_join([KernelThread(kernel, t, size, slots) for t in range(tasks)])
    return slots


def pool_submit(kernel, tasks, size, workers):
    with cf.ThreadPoolExecutor(max_workers=workers) as pool:
        return [f.result() for f in [pool.submit(kernel, t, size) for t in range(tasks)]]


def pool_map(kernel, tasks, size, workers):
    with cf.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(kernel, range(tasks), [size] * tasks))


def process_target(kernel, tasks, size, workers):
    slots = mp.Array("d", tasks, lock=False)
    _start_join([mp.Process(target=_into_slot, args=(kernel, t, size, slots)) for t in range(tasks)])
    return list(slots)


def process_subclass(kernel, tasks, size, workers):
    slots = mp.Array("d", tasks, lock=False)
    _start_join([KernelProcess(kernel, t, size, slots) for t in range(tasks)])
    return list(slots)


def process_pool_submit(kernel, tasks, size, workers):
    with mp.Pool(workers) as pool:
        return [r.get() for r in [pool.apply_async(kernel, (t, size)) for t in range(tasks)]]


def process_pool_map(kernel, tasks, size, workers):
    with mp.Pool(workers) as pool:
        return pool.starmap(kernel, [(t, size) for t in range(tasks)])


MODELS = [sequential, thread_target, thread_subclass, pool_submit, pool_map,
          process_target, process_subclass, process_pool_submit, process_pool_map]
IO_MODELS = [sequential, thread_target]


def model_name(f):
    return f.__name__.replace("_", "-")


def measure(kernel_name, kernel, model, tasks, size, workers, base):
    t0 = time.perf_counter()
    partials = model(kernel, tasks, size, workers)
    wall = time.perf_counter() - t0
    total = 0.0
    for p in partials:  # in task order, as every model's total is added
        total += p
    one_per_task = model in (thread_target, thread_subclass, process_target, process_subclass)
    line = {"kernel": kernel_name, "model": model_name(model),
            "workers": 1 if model is sequential else tasks if one_per_task else workers,
            "tasks": tasks, "size": size, "wall_seconds": round(wall, 4), "result": total}
    if base is not None:
        line["speedup"] = round(base / wall, 3)
    print(json.dumps(line), flush=True)
    return wall


def matmul_child(n, products):
    import numpy as np  # only here: the BLAS thread limit must be in the environment before numpy loads
    rng = np.random.default_rng(SEED)
    a, b = rng.random((n, n)), rng.random((n, n))
    a @ b  # the library's threads start here, not in the timed part
    t0 = time.perf_counter()
    for _ in range(products):
        a @ b
    print(time.perf_counter() - t0)


def matmul_table(n, products):
    """One child interpreter per thread limit: BLAS reads its limit once, when numpy loads."""
    cores = os.cpu_count() or 1
    limits, c = [], 1
    while c <= 2 * cores:
        limits.append(c)
        c *= 2
    base = None
    for limit in limits + [None]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        if limit is not None:
            env.update(OPENBLAS_NUM_THREADS=str(limit), OMP_NUM_THREADS=str(limit), MKL_NUM_THREADS=str(limit))
        out = subprocess.run([sys.executable, __file__, "--matmul-child", str(n), str(products)], env=env,
                             capture_output=True, text=True)
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"cpu_peer.py: matmul needs numpy: {last}", file=sys.stderr)
            return
        wall = float(out.stdout.strip())
        base = wall if base is None else base
        print(json.dumps({"kernel": "matmul", "model": "numpy", "threads": "default" if limit is None else limit,
                          "tasks": products, "size": n, "wall_seconds": round(wall, 4),
                          "speedup": round(base / wall, 3)}), flush=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--matmul-child":
        matmul_child(int(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=5_000_000, help="draws per cpu task (default 5000000)")
    parser.add_argument("--tasks", type=int, default=4, help="tasks (default 4)")
    parser.add_argument("--workers", type=int, default=4, help="pool workers (default 4)")
    parser.add_argument("--wait-ms", type=int, default=50, help="ms per wait of an io task (default 50; 0 skips io)")
    parser.add_argument("--matmul", type=int, default=0, metavar="N", help="also the thread-limit table for N x N")
    parser.add_argument("--products", type=int, default=10, help="matrix products per matmul run (default 10)")
    parser.add_argument("--only", default="", help="comma-separated cpu models: "
                        + ", ".join(model_name(m) for m in MODELS))
    args = parser.parse_args()
    for option, value in (("--draws", args.draws), ("--tasks", args.tasks), ("--workers", args.workers),
                          ("--products", args.products)):
        if value < 1:
            parser.error(f"{option} must be at least 1, got {value}")
    only = [s for s in args.only.split(",") if s]
    unknown = [s for s in only if s not in [model_name(m) for m in MODELS]]
    if unknown:
        parser.error(f"--only: unknown model {unknown[0]}")
    base = measure("cpu", draw_sum, sequential, args.tasks, args.draws, args.workers, None)
    for model in MODELS[1:]:
        if not only or model_name(model) in only:
            measure("cpu", draw_sum, model, args.tasks, args.draws, args.workers, base)
    if args.wait_ms > 0:
        io_base = measure("io", wait_rounds, sequential, args.tasks, args.wait_ms, args.workers, None)
        measure("io", wait_rounds, thread_target, args.tasks, args.wait_ms, args.workers, io_base)
    if args.matmul > 0:
        matmul_table(args.matmul, args.products)


if __name__ == "__main__":
    main()
