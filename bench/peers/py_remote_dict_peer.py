#!/usr/bin/env python3
"""Telar's own twins, in Python, of two dict figures of `telar bench remote` that the lecture's peer
(py_remote_manager_peer.py) has not: a Manager server process serves one dict over TCP with an
authentication key, CLIENTS client processes connect to it, all start together at a Barrier.
  remote_dict_get           each client reads one shared entry N times (checked each time)
  remote_dict_incr_own_key  each client adds one to an entry of its own N times, no lock (read,
                            then write: safe only because no other client touches that entry;
                            each entry checked to be N at the end)
Prints one line per figure: name ops_per_s (all clients' operations over the slowest client's time).
usage: py_remote_dict_peer.py [N] [CLIENTS]"""
import multiprocessing as mp, sys, threading, time
from multiprocessing.managers import BaseManager, DictProxy, BarrierProxy

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
CLIENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
KEY = b'telar-dict-peer'
READ_VALUE = 42

class Served(BaseManager): pass
class Remote(BaseManager): pass
Remote.register('entries', proxytype=DictProxy)
Remote.register('start', proxytype=BarrierProxy)

def serve(address_out, parties):
    entries, start = {'read': READ_VALUE}, threading.Barrier(parties)
    Served.register('entries', callable=lambda: entries, proxytype=DictProxy)
    Served.register('start', callable=lambda: start, proxytype=BarrierProxy)
    server = Served(address=('127.0.0.1', 0), authkey=KEY).get_server()
    address_out.put(server.address)
    server.serve_forever()

def connect(address):
    m = Remote(address=address, authkey=KEY)
    m.connect()
    return m

def client(address, figure, index, n, times):
    m = connect(address)
    entries, start = m.entries(), m.start()
    own = f'client-{index}'
    start.wait()
    t0 = time.perf_counter()
    for _ in range(n):
        if figure == 'remote_dict_get':
            if entries.get('read') != READ_VALUE:
                raise SystemExit('the shared entry lost its value')
        else:
            entries[own] = entries.get(own, 0) + 1
    times.put(time.perf_counter() - t0)

def run(figure, n):
    address_q, times = mp.Queue(), mp.Queue()
    server = mp.Process(target=serve, args=(address_q, CLIENTS), daemon=True)
    server.start()
    address = address_q.get()
    workers = [mp.Process(target=client, args=(address, figure, i, n, times)) for i in range(CLIENTS)]
    for w in workers: w.start()
    for w in workers: w.join()
    if any(w.exitcode != 0 for w in workers):
        raise SystemExit(f'{figure}: a client failed')
    slowest = max(times.get() for _ in workers)
    if figure == 'remote_dict_incr_own_key':
        entries = connect(address).entries()
        for i in range(CLIENTS):
            if entries.get(f'client-{i}') != n:
                raise SystemExit(f'{figure}: client {i} counted {entries.get(f"client-{i}")}, not {n}')
    server.terminate()
    return CLIENTS * n / slowest

if __name__ == '__main__':
    for figure in ('remote_dict_get', 'remote_dict_incr_own_key'):
        print(f'{figure} {run(figure, N):.0f}', flush=True)
