#!/usr/bin/env python3
"""merge-nquads.py — merge the N-Quads of shards built apart into the graph
of a single run.

    python3 merge-nquads.py SHARD.nq... > graph.nq

Each shard is the output of `ytegraph build --stream -o SHARD.nq` over part
of a corpus (the articles of a shard are in no other shard).  An article's
named graph holds what the article asserts: those lines are copied, once.
The default graph holds each entity's merged description, which a shard
knows only for its own articles; merging them follows the rules of
ytegraph's entity table (src/graph.c):

- rdfs:label: the smallest label (code-point order); an entity's other
  labels become skos:altLabel (a role keeps only its label);
- skos:altLabel: the union, without the label;
- ytg:mentionCount: the sum over the shards;
- schema:legislationIdentifier, ytg:documentType, schema:legislationDate:
  the smallest value;
- ytg:headsUnit: true when a shard says so;
- every other statement (class, owl:sameAs, degrees): the union.

So the result has the statements of the single run over all articles
(tests/scale.sh and tests/dask.sh compare them).  Lines are written
sorted, so two merges of the same shards are byte-identical.  Standard
library only; memory grows with the entities, not with the articles
(article lines are kept to remove duplicates: pipe them through
`sort -u` instead, with --entities-only, for very large corpora).
"""
import re
import sys

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
COUNT = "<https://w3id.org/ytegraph/ontology#mentionCount>"
HEADS = "<https://w3id.org/ytegraph/ontology#headsUnit>"
ROLE = "<http://www.w3.org/ns/org#Role>"
SMALLEST = {
    "<https://schema.org/legislationIdentifier>",
    "<https://w3id.org/ytegraph/ontology#documentType>",
    "<https://schema.org/legislationDate>",
}
XSD_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"

TERM = r'(<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?|_:\S+)'
LINE = re.compile(r"^(<[^>]*>|_:\S+) (<[^>]*>) " + TERM + r"(?: (<[^>]*>|_:\S+))? \.$")
ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def lexical(term):
    """The text of a literal term, escapes decoded (for comparisons)."""
    body = term[1:term.rindex('"')]

    def one(m):
        e = m.group(1)
        return chr(int(e[1:], 16)) if e[0] in "uU" and len(e) > 1 else SIMPLE.get(e, e)
    return ESCAPE.sub(one, body)


class Entity:
    __slots__ = ("labels", "alts", "count", "smallest", "heads", "other", "role")

    def __init__(self):
        self.labels, self.alts, self.other = set(), set(), set()
        self.count, self.smallest, self.heads, self.role = None, {}, None, False


def merge(paths, out, entities_only=False):
    articles = set()
    entities = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                m = LINE.match(line)
                if not m:
                    sys.exit("%s:%d: not an N-Quads line ytegraph writes" % (path, n))
                s, p, o, g = m.groups()
                if g is not None:
                    if not entities_only:
                        articles.add(line)
                    continue
                e = entities.setdefault(s, Entity())
                if p == LABEL:
                    e.labels.add(o)
                elif p == ALT:
                    e.alts.add(o)
                elif p == COUNT:
                    e.count = (e.count or 0) + int(lexical(o))
                elif p in SMALLEST:
                    if p not in e.smallest or lexical(o) < lexical(e.smallest[p]):
                        e.smallest[p] = o
                elif p == HEADS:
                    e.heads = o if e.heads is None or lexical(o) == "true" else e.heads
                else:
                    if p == RDF_TYPE and o == ROLE:
                        e.role = True
                    e.other.add((p, o))
    lines = list(articles)
    for s, e in entities.items():
        st = [(p, o) for p, o in e.other]
        if e.labels:
            label = min(e.labels, key=lexical)
            st.append((LABEL, label))
            alts = set(e.alts) if e.role else e.alts | e.labels
            st.extend((ALT, a) for a in alts if lexical(a) != lexical(label))
        else:
            st.extend((ALT, a) for a in e.alts)
        if e.count is not None:
            st.append((COUNT, '"%d"^^%s' % (e.count, XSD_INTEGER)))
        st.extend(e.smallest.items())
        if e.heads is not None:
            st.append((HEADS, e.heads))
        lines.extend("%s %s %s ." % (s, p, o) for p, o in st)
    lines.sort()
    for line in lines:
        out.write(line + "\n")


def main(argv):
    args = argv[1:]
    entities_only = False
    if args and args[0] == "--entities-only":
        entities_only = True
        args = args[1:]
    if not args or args[0] in ("-h", "--help"):
        sys.stderr.write("usage: merge-nquads.py [--entities-only] SHARD.nq... > graph.nq\n")
        return 2
    merge(args, sys.stdout, entities_only)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
