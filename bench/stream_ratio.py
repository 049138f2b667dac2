#!/usr/bin/env python3
"""The #15 stream targets in one run: `build --stream -o .nq` at -j 1 and
-j 2 (time, peak RSS), and this machine's ceiling for two cores measured
in the same minutes (two independent `extract -j 1` at once against one
after the other), all taken in turns, best of BENCH_REPEAT (3).

usage: stream_ratio.py CORPUS [LABEL=BINARY ...]
  default binary: ./ytegraph.  With several (e.g. before=/tmp/old/ytegraph
  after=./ytegraph) each gets its rows, run in the same turns.
On a shared VM only figures of one run compare: the ceiling says what two
cores gave while the builds ran.  Exits 1 when the last binary's peak RSS
is over BENCH_RSS_LIMIT MB (30, the #15 target for 100 MB; 0: no limit),
so that a run of it catches the stream's memory growing back."""
import os
import subprocess
import sys
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
RSS_LIMIT = float(os.environ.get("BENCH_RSS_LIMIT", "30"))
OUT = os.environ.get("BENCH_DIR", "/tmp/ytegraph-bench")


def once(cmd):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: " + " ".join(cmd))
    return time.monotonic() - t0, ru.ru_maxrss / 1024.0


def two_at_once(cmd):
    t0 = time.monotonic()
    ps = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    for p in ps:
        p.wait()
    return time.monotonic() - t0


def main():
    corpus = sys.argv[1]
    bins = [a.split("=", 1) for a in sys.argv[2:]] or [["this tree", "./ytegraph"]]
    with open(corpus, "rb") as f:  # into the page cache
        while f.read(1 << 20):
            pass
    times = {}
    rss = {}
    one, two = [], []
    for _ in range(REPEAT):
        for label, b in bins:
            for j in ("1", "2"):
                out = os.path.join(OUT, "stream-ratio-%s.nq" % j)
                t, r = once([b, "build", "-q", "--jsonl", "--stream", "-j", j, "-o", out, corpus])
                times.setdefault((label, j), []).append(t)
                rss[(label, j)] = max(rss.get((label, j), 0), r)
        ext = [bins[-1][1], "extract", "-q", "--jsonl", "-j", "1", corpus]
        one.append(once(ext)[0])
        two.append(two_at_once(ext))
    ceiling = 2 * min(one) / min(two)
    print("| binary | -j | seconds (best of %d) | peak RSS (MB) |" % REPEAT)
    print("|---|---|---|---|")
    for label, _ in bins:
        for j in ("1", "2"):
            print("| %s | %s | %.2f | %.1f |" % (label, j, min(times[(label, j)]), rss[(label, j)]))
    for label, _ in bins:
        ratio = min(times[(label, "1")]) / min(times[(label, "2")])
        print("- %s: -j 2 is %.2f× -j 1 (%.0f %% of the ceiling)" % (label, ratio, 100 * ratio / ceiling))
    print("- ceiling, two `extract -j 1` at once against one after the other: %.2f× "
          "(one: %.2f s, two at once: %.2f s)" % (ceiling, min(one), min(two)))
    worst = max(rss[(bins[-1][0], j)] for j in ("1", "2"))
    if RSS_LIMIT and worst > RSS_LIMIT:
        print("FAIL: %s peak RSS %.1f MB > %g MB" % (bins[-1][0], worst, RSS_LIMIT))
        sys.exit(1)


if __name__ == "__main__":
    main()
