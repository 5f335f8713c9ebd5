#!/usr/bin/env python3
"""Load a running fhir-trials server with the eleven searches of PostgresSearchBenchmark.

  python3 scripts/pg-search-load.py http://127.0.0.1:8080/fhir/ [calls]

Eight client threads take the searches in turn: 220 warm-up calls, then `calls` (default 1600)
timed ones. Prints calls/s and p50/p95/p99 per search as a Markdown table. Use it against a
server started on its own, once the start-up compilation of the criteria has ended (log line
"Compiled the eligibility criteria"). At 100k trials that compilation overlaps the whole
in-process PostgresSearchBenchmark run. See docs/benchmarks.md, "FHIR search (PostgreSQL store)".
"""
import sys, time, threading, urllib.request, urllib.parse, statistics
base = sys.argv[1]; calls = int(sys.argv[2]) if len(sys.argv) > 2 else 1600; conc = 8
qs = ["r4/ResearchStudy?condition=Lung Cancer",
 "r4/ResearchStudy?recruitment-status=RECRUITING&condition:text=breast",
 "r4/ResearchStudy?near=42.358|-71.06|50|km&recruitment-status=RECRUITING&_sort=near",
 "r4/ResearchStudy?_text=metastatic colorectal&phase=phase-3",
 "r4/ResearchStudy?identifier=https://clinicaltrials.gov|NCT90012345",
 "r4/ResearchStudy?site:Location.address-city=Boston&condition=Type 2 Diabetes Mellitus",
 "r4/Location?address-city=Boston&_count=10",
 "r4/ResearchStudy?date=ge2024-01-01&recruitment-status=RECRUITING&_sort=-date",
 "r4/ResearchStudy?condition=Breast Neoplasms&_include=ResearchStudy:site&_count=10",
 "r5/ResearchStudy?condition=Colon Cancer&recruitment-status=COMPLETED,RECRUITING",
 "r5/ResearchStudy?phase=phase-2&condition:text=diabetes&_total=accurate"]
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
