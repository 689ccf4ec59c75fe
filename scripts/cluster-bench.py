#!/usr/bin/env python3
"""Whole-process throughput of `factcheck serve --cluster localhost` with N silos on this machine (README, Capacity).

usage: scripts/cluster-bench.py --silos N DOCS.jsonl...   (needs the Release build: dotnet build -c Release src/FactCheck.Cli)

Starts N silo processes on loopback (one SQLite store), posts every document over HTTP (batches of 12, 4 clients, round robin
over the silos), and prints articles/s from the first post to the last answer, the per-request latency, then the latency of
single-article posts into the loaded cluster, and the silos' /metrics. Ids are made unique (a repeated id gets "~2", "~3")."""
import argparse, json, os, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def post(url, body):
    req = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=300) as r:
        return r.status, json.loads(r.read())

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--silos", type=int, default=1)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("docs", nargs="+")
    a = ap.parse_args()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dll = os.path.join(here, "src/FactCheck.Cli/bin/Release/net10.0/factcheck.dll")
    seen, docs = {}, []
    for f in a.docs:
        for line in open(f, encoding="utf-8"):
            if not line.strip(): continue
            d = json.loads(line); n = seen[d["id"]] = seen.get(d["id"], 0) + 1
            if n > 1: d["id"] += "~%d" % n
            docs.append(d)
    tmp = tempfile.mkdtemp(prefix="factcheck-bench-")
    db = os.path.join(tmp, "store.db")
    procs, urls, primary = [], [], None
    for i in range(a.silos):
        url, port = "http://127.0.0.1:%d" % free_port(), free_port()
        args = ["dotnet", dll, "serve", "--cluster", "localhost", "--db", db, "--urls", url, "--silo-port", str(port)]
        if primary: args += ["--primary-port", str(primary)]
        p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in p.stdout:
            if line.startswith("serving"): break
        threading.Thread(target=lambda s=p.stdout: [None for _ in s], daemon=True).start()
        procs.append(p); urls.append(url); primary = primary or port
    time.sleep(5)
    idle = [urllib.request.urlopen(u + "/metrics").read().decode() for u in urls]
    print("  idle: " + "; ".join(", ".join(l.split("{")[0].replace("factcheck_", "") + "=" + l.split()[-1][:10] for l in m.splitlines()
                                          if "heap" in l and not l.startswith("#")) for m in idle))
    os.system("ps -o rss= -p %s | awk '{s+=$1} END {print \"  resident memory of the idle silos: \" s/1024 \" MB\"}'" % ",".join(str(p.pid) for p in procs))
    try:
        batches = [docs[i:i + 12] for i in range(0, len(docs), 12)]
        lat, lock, nxt = [], threading.Lock(), [0]
        def client(c):
            while True:
                with lock:
                    i = nxt[0]; nxt[0] += 1
                if i >= len(batches): return
                t = time.monotonic()
                status, body = post(urls[i % len(urls)] + "/api/cluster/articles", json.dumps({"articles": batches[i]}))
                assert status == 200, body
                with lock: lat.append(time.monotonic() - t)
        t0 = time.monotonic()
        ts = [threading.Thread(target=client, args=(c,)) for c in range(a.clients)]
        [t.start() for t in ts]; [t.join() for t in ts]
        wall = time.monotonic() - t0
        single = []
        for k in range(10):
            d = dict(docs[k * 37 % len(docs)]); d["id"] = d["id"] + "-again-%d" % k
            t = time.monotonic(); post(urls[k % len(urls)] + "/api/cluster/articles", json.dumps({"articles": [d]})); single.append(time.monotonic() - t)
        print("silos %d: %d articles in %.1f s = %.1f articles/s (%.0f articles/day); request of 12: median %.2f s; one article into the loaded cluster: median %.3f s"
              % (a.silos, len(docs), wall, len(docs) / wall, len(docs) / wall * 86400, statistics.median(lat), statistics.median(single)))
        for u in urls:
            m = urllib.request.urlopen(u + "/metrics").read().decode()
            print("  " + u + ": " + ", ".join(l.split("{")[0].replace("factcheck_", "") + "=" + l.split()[-1][:8]
                                           for l in m.splitlines() if l and not l.startswith("#")))
        tick = os.sysconf("SC_CLK_TCK")
        cpu = sum((int(f[13]) + int(f[14])) / tick for f in (open("/proc/%d/stat" % p.pid).read().rsplit(")", 1)[1].split() for p in procs) for f in [[None, None] + f])
        print("  CPU time of the silos: %.1f s = %.3f CPU-s per article (%.0f articles/day per core); load average %s"
              % (cpu, cpu / len(docs), 86400 / (cpu / len(docs)), open("/proc/loadavg").read().split()[0]))
        os.system("ps -o rss= -p %s | awk '{s+=$1} END {print \"  resident memory of the silos: \" s/1024 \" MB\"}'" % ",".join(str(p.pid) for p in procs))
    finally:
        for p in procs: p.kill()

if __name__ == "__main__":
    main()
