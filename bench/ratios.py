#!/usr/bin/env python3
"""Wall-time and memory ratios of two ytegraph binaries, runs taken in turns.

usage: ratios.py OLD_BINARY NEW_BINARY [MEGABYTES]

Each command of bench/instructions.py (and -j 2 of the build commands) is
run on a generated corpus (10 MB by default) with the old and the new
binary alternately, BENCH_REPEAT (5) times each; the table gives the best
time of each, new/old, the user CPU time ratio and the peak RSS of each.
On a shared machine only runs taken side by side compare: a quiet minute
helps both binaries alike.  Prints Markdown (and writes
BENCH_DIR/ratios.md)."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("BENCH_DIR", "/tmp/ytegraph-bench")
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))

COMMANDS = [
    ("extract -j1", ["extract", "-q", "--jsonl", "-j", "1"]),
    ("extract -j2", ["extract", "-q", "--jsonl", "-j", "2"]),
    ("build --stream -o .nq -j1", ["build", "-q", "--jsonl", "-j", "1", "--stream", "-o", "OUT.nq"]),
    ("build --stream -o .nq -j2", ["build", "-q", "--jsonl", "-j", "2", "--stream", "-o", "OUT.nq"]),
    ("build -o .nq -j1", ["build", "-q", "--jsonl", "-j", "1", "-o", "OUT.nq"]),
    ("build -o .ttl -j1", ["build", "-q", "--jsonl", "-j", "1", "-o", "OUT.ttl"]),
    ("build -o .ttl -j2", ["build", "-q", "--jsonl", "-j", "2", "-o", "OUT.ttl"]),
]


def once(binary, args, corpus):
    args = [a.replace("OUT", os.path.join(WORK, "rout")) for a in args]
    t0 = time.monotonic()
    p = subprocess.Popen([binary, *args, corpus], stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s %s" % (binary, " ".join(args)))
    return time.monotonic() - t0, ru.ru_utime, ru.ru_maxrss / 1024.0


def main():
    old, new = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    mb = float(sys.argv[3]) if len(sys.argv) > 3 else 10
    os.makedirs(WORK, exist_ok=True)
    corpus = os.path.join(WORK, "ratios-%g.jsonl" % mb)
    if not os.path.exists(corpus):
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(mb), corpus],
                              stdout=subprocess.DEVNULL)
    rows = []
    for name, args in COMMANDS:
        runs = {old: [], new: []}
        for _ in range(REPEAT):
            for b in (old, new):
                runs[b].append(once(b, args, corpus))
        best = {b: (min(r[0] for r in runs[b]), min(r[1] for r in runs[b]), max(r[2] for r in runs[b]))
                for b in runs}
        rows.append((name, best[old], best[new]))
        print("# %s done" % name, file=sys.stderr)
    out = ["Wall time, user CPU time and peak RSS on %g MB of bench/gen_corpus.py, best of %d runs taken "
           "in turns" % (mb, REPEAT), "",
           "| command | old s | new s | new/old wall | new/old user CPU | old RSS MB | new RSS MB |",
           "|---|---|---|---|---|---|---|"]
    for name, o, n in rows:
        out.append("| %s | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |" % (name, o[0], n[0], n[0] / o[0], n[1] / o[1],
                                                                     o[2], n[2]))
    text = "\n".join(out)
    print(text)
    with open(os.path.join(WORK, "ratios.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
