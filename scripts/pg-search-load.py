#!/usr/bin/env python3
"""Load a running fhir-trials server with the searches of PostgresSearchBenchmark
(src/test/resources/benchmarks/pg-search-queries.txt).

  python3 scripts/pg-search-load.py http://127.0.0.1:8080/fhir/ [calls]

Eight client threads take the searches in turn: 220 warm-up calls, then `calls` (default 1600)
timed ones. Prints calls/s and p50/p95/p99 per search as a Markdown table. Use it against a
server started on its own, once the start-up compilation of the criteria has ended (log line
"Compiled the eligibility criteria"). At 100k trials that compilation overlaps the whole
in-process PostgresSearchBenchmark run. See docs/benchmarks.md, "FHIR search (PostgreSQL store)".
"""
import os, sys, time, threading, urllib.request, urllib.parse
base = sys.argv[1]; calls = int(sys.argv[2]) if len(sys.argv) > 2 else 1600; conc = 8
QUERIES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                       "benchmarks", "pg-search-queries.txt")
with open(QUERIES, encoding="utf-8") as f:
    qs = [l.strip() for l in f if l.strip() and not l.startswith("#")]
urls = [base + urllib.parse.quote(q, safe="/?=&:,") for q in qs]
def run(n):
    lat = {i: [] for i in range(len(qs))}; lock = threading.Lock(); counter = [0]
    def worker():
        while True:
            with lock:
                k = counter[0]; counter[0] += 1
            if k >= n: return
            i = k % len(qs); t = time.perf_counter()
            try:
                with urllib.request.urlopen(urls[i]) as r: r.read()
            except OSError as e:  # an HTTP error or a dropped connection: report it, keep going
                print(f"{qs[i]}: {e}", file=sys.stderr)
                continue
            d = (time.perf_counter() - t) * 1000
            with lock: lat[i].append(d)
    ts = [threading.Thread(target=worker) for _ in range(conc)]; t0 = time.perf_counter()
    [t.start() for t in ts]; [t.join() for t in ts]
    return lat, time.perf_counter() - t0
def pct(a, p):
    a = sorted(a)
    return a[min(len(a) - 1, int(p * len(a)))] if a else float("nan")
run(220)
lat, wall = run(calls)
allv = [x for v in lat.values() for x in v]
print(f"{calls} calls in {wall:.1f} s ({calls/wall:.0f}/s), concurrency {conc}")
for i, q in enumerate(qs):
    print(f"| `{q}` | {pct(lat[i],.5):.1f} | {pct(lat[i],.95):.1f} | {pct(lat[i],.99):.1f} |")
print(f"| **all** | {pct(allv,.5):.1f} | {pct(allv,.95):.1f} | **{pct(allv,.99):.1f}** |")
