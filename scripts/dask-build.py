#!/usr/bin/env python3
"""dask-build.py — build the graph of a corpus on a Dask cluster.

    python3 dask-build.py --scheduler tcp://HOST:8786 --out DIR SHARD.jsonl...
    python3 dask-build.py --local 3 --out DIR SHARD.jsonl...

Each JSON Lines shard is sent to a Dask worker, which runs
`ytegraph build -q --jsonl --stream -o -.nq -` on it (ytegraph must be
installed on every worker, or named by --ytegraph) and returns the shard's
N-Quads.  The client gathers them and writes into DIR:

- shards/NAME.nq   each shard's N-Quads, as the worker wrote them;
- graph.nq         the merged graph: the same statements as one run of
                   ytegraph over all shards (merge-nquads.py's rules);
- graph.ttl        its triples as Turtle (rapper, from raptor2-utils);
- entities.tsv     the entity list: type, label, iri, mentions, documents,
                   aliases (as `ytegraph entities --format tsv`).

Then bulk-load graph.nq (or the shards and graph.nq's default graph) into
a store: Virtuoso with ld_dir + rdf_loader_run (doc/virtuoso.md), or
Oxigraph (scripts/oxigraph/sparql.mjs, or `oxigraph load`).

--local N starts a cluster of N worker processes on 127.0.0.1 (one thread
each), for a single machine or a test.  A shard whose records are partly
malformed still gives its N-Quads (ytegraph's exit status 1); the
messages are printed and the exit status is 1.  Needs Debian's
python3-distributed.
"""
import argparse
import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
COUNT = "<https://w3id.org/ytegraph/ontology#mentionCount>"
MENTIONS = "<https://schema.org/mentions>"
IDENT = "<https://schema.org/identifier>"
YTG = "https://w3id.org/ytegraph/ontology#"
TYPES = ("Official", "Hospital", "Resolution", "Province", "GovernmentBody", "HealthFacility")


def build_shard(name, data, ytegraph, jobs):
    """On a worker: the shard's N-Quads, ytegraph's messages and exit status,
    and the worker's address."""
    from distributed import get_worker
    p = subprocess.run([ytegraph, "build", "-q", "--jsonl", "--stream", "-j", str(jobs), "-o", "-.nq", "-"],
                       input=data, capture_output=True)
    return name, p.stdout, p.stderr.decode("utf-8", "replace"), p.returncode, get_worker().address


def load_merge():
    spec = importlib.util.spec_from_file_location("merge_nquads", os.path.join(HERE, "merge-nquads.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def entity_list(merge, path, out):
    """The entity list of a merged graph.nq, in the columns and order of
    `ytegraph entities --format tsv` (rows by IRI; documents and aliases
    sorted, joined with "|")."""
    kind, label, count, docs, ident, alts = {}, {}, {}, {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = merge.LINE.match(line.rstrip("\n"))
            s, p, o, g = m.groups()
            if g is None:
                if p == RDF_TYPE and o.startswith("<" + YTG) and o[len(YTG) + 1:-1] in TYPES:
                    kind[s] = o[len(YTG) + 1:-1]
                elif p == LABEL:
                    label[s] = merge.lexical(o)
                elif p == ALT:
                    alts.setdefault(s, []).append(merge.lexical(o))
                elif p == COUNT:
                    count[s] = merge.lexical(o)
            elif p == MENTIONS:
                docs.setdefault(o, set()).add(s)
            elif p == IDENT:
                ident[s] = merge.lexical(o)

    def cell(text):
        return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    out.write("type\tlabel\tiri\tmentions\tdocuments\taliases\n")
    for s in sorted(kind, key=lambda x: x[1:-1]):
        ids = sorted(ident.get(a, "") for a in docs.get(s, ()))
        out.write("%s\t%s\t%s\t%s\t%s\t%s\n" % (kind[s], cell(label.get(s, "")), s[1:-1], count.get(s, "0"),
                                               "|".join(ids), cell("|".join(sorted(alts.get(s, []))))))


def main(argv):
    ap = argparse.ArgumentParser(description="Build ytegraph's graph of JSON Lines shards on a Dask cluster.")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:PORT)")
    where.add_argument("--local", type=int, metavar="N", help="start N worker processes on 127.0.0.1")
    ap.add_argument("--out", required=True, help="folder for the shards' N-Quads and the merged outputs")
    ap.add_argument("--ytegraph", default="ytegraph", help="the ytegraph program on the workers")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="threads of each ytegraph run")
    ap.add_argument("shards", nargs="+", help="JSON Lines shards")
    a = ap.parse_args(argv[1:])

    from distributed import Client, LocalCluster
    cluster = None
    if a.local:
        cluster = LocalCluster(n_workers=a.local, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        client = Client(a.scheduler)
    status = 0
    try:
        os.makedirs(os.path.join(a.out, "shards"), exist_ok=True)
        futures = []
        for path in a.shards:
            name = os.path.splitext(os.path.basename(path))[0]
            with open(path, "rb") as f:
                futures.append(client.submit(build_shard, name, f.read(), a.ytegraph, a.jobs, pure=False))
        outputs = []
        for fut in futures:
            name, nq, err, rc, worker = fut.result()
            sys.stderr.write("dask-build: %s: %d bytes of N-Quads from worker %s\n" % (name, len(nq), worker))
            if err:
                sys.stderr.write("".join("dask-build: %s: %s\n" % (name, l) for l in err.splitlines()))
            if rc not in (0, 1):
                sys.exit("dask-build: %s: ytegraph exited with status %d" % (name, rc))
            status |= rc
            out = os.path.join(a.out, "shards", name + ".nq")
            with open(out, "wb") as f:
                f.write(nq)
            outputs.append(out)
    finally:
        client.close()
        if cluster:
            cluster.close()

    merge = load_merge()
    graph = os.path.join(a.out, "graph.nq")
    with open(graph + ".tmp", "w", encoding="utf-8") as f:
        merge.merge(outputs, f)
    os.replace(graph + ".tmp", graph)
    ttl = os.path.join(a.out, "graph.ttl")
    with open(ttl + ".tmp", "wb") as f:
        subprocess.run(["rapper", "-q", "-i", "nquads", "-o", "turtle",
                        "-f", "xmlns:ytg=\"%s\"" % YTG, graph], stdout=f, check=True)
    os.replace(ttl + ".tmp", ttl)
    tsv = os.path.join(a.out, "entities.tsv")
    with open(tsv + ".tmp", "w", encoding="utf-8") as f:
        entity_list(merge, graph, f)
    os.replace(tsv + ".tmp", tsv)
    sys.stderr.write("dask-build: wrote %s, %s, %s\n" % (graph, ttl, tsv))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
