#!/usr/bin/env python3
"""make bench-instructions: instructions per input byte, by callgrind.

Each command runs under `valgrind --tool=callgrind` on a 1 MB and a 2 MB
corpus of bench/gen_corpus.py (the 2 MB one starts with the 1 MB one's
articles: same seed); the difference of the two counts over the difference
of the two sizes is the marginal cost of a byte, with start-up (lexicons,
gazetteer, ICU, raptor) cancelled.  Instruction counts do not depend on
what else the machine runs, so two binaries compare even on a busy VM.

usage: instructions.py [LABEL=BINARY ...]
  default: the build's own ytegraph ($YTEGRAPH), labelled "this tree".
  Several give one column each, e.g. baseline=/tmp/base/ytegraph now=./ytegraph
Environment: BENCH_DIR (corpora and outputs, default /tmp/ytegraph-bench),
BENCH_ONLY (comma-separated command names to run), BENCH_KEEP=1 keeps the
callgrind files (BENCH_DIR/cg.LABEL.COMMAND.SIZE) for callgrind_annotate.
Prints a Markdown table and writes it to BENCH_DIR/instructions.md."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
WORK = os.environ.get("BENCH_DIR", "/tmp/ytegraph-bench")

# name, arguments after the binary (the corpus is appended); OUT is replaced
# by a file in WORK
COMMANDS = [
    ("extract -j1", ["extract", "-q", "--jsonl", "-j", "1"]),
    ("build --stream -o .nq", ["build", "-q", "--jsonl", "-j", "1", "--stream", "-o", "OUT.nq"]),
    ("build -o .ttl", ["build", "-q", "--jsonl", "-j", "1", "-o", "OUT.ttl"]),
    ("build -o .nq", ["build", "-q", "--jsonl", "-j", "1", "-o", "OUT.nq"]),
    ("entities --format tsv", ["entities", "-q", "--jsonl", "-j", "1", "--format", "tsv"]),
]


def corpus(mb):
    path = os.path.join(WORK, "icorpus-%d.jsonl" % mb)
    if not os.path.exists(path):
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(mb), path],
                              stdout=subprocess.DEVNULL)
    return path


def instructions(binary, args, path, keep):
    args = [a.replace("OUT", os.path.join(WORK, "iout")) for a in args]
    out = keep or "/dev/null"
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                        binary, *args, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    m = re.search(r"Collected\s*:\s*(\d+)", err)
    # a run that stops early (no data, a usage error) would count nothing
    if p.returncode != 0 or not m:
        sys.exit("failed (%d): %s %s\n%s" % (p.returncode, binary, " ".join(args), err[-2000:]))
    return int(m.group(1))


def main():
    os.makedirs(WORK, exist_ok=True)
    bins = []
    for a in sys.argv[1:]:
        label, _, path = a.partition("=")
        bins.append((label, os.path.abspath(path)))
    if not bins:
        bins = [("this tree", os.environ.get("YTEGRAPH", os.path.join(TOP, "ytegraph")))]
    only = [s.strip() for s in os.environ.get("BENCH_ONLY", "").split(",") if s.strip()]
    small, large = corpus(1), corpus(2)
    nbytes = os.path.getsize(large) - os.path.getsize(small)
    keep = os.environ.get("BENCH_KEEP") == "1"
    rows = []
    for name, args in COMMANDS:
        if only and name not in only:
            continue
        cells = []
        for label, binary in bins:
            counts = []
            for size, path in (("1", small), ("2", large)):
                kf = os.path.join(WORK, "cg.%s.%s.%s" % (re.sub(r"\W+", "_", label),
                                                         re.sub(r"\W+", "_", name), size)) if keep else None
                counts.append(instructions(binary, args, path, kf))
            cells.append((counts[1] - counts[0]) / nbytes)
            print("# %s, %s: %.1f instructions/byte" % (name, label, cells[-1]), file=sys.stderr)
        rows.append((name, cells))
    out = ["Instructions per input byte (callgrind, 2 MB run minus 1 MB run of bench/gen_corpus.py, -j 1)", ""]
    head = "| command | " + " | ".join(label for label, _ in bins) + " |"
    if len(bins) > 1:
        head += " " + " | ".join("%s / %s" % (label, bins[0][0]) for label, _ in bins[1:]) + " |"
    out.append(head)
    out.append("|---" * (head.count("|") - 1) + "|")
    for name, cells in rows:
        line = "| %s | " % name + " | ".join("%.1f" % c for c in cells) + " |"
        if len(bins) > 1:
            line += " " + " | ".join("%.3f" % (c / cells[0]) for c in cells[1:]) + " |"
        out.append(line)
    text = "\n".join(out)
    print(text)
    with open(os.path.join(WORK, "instructions.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
