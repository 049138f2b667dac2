/* fuzz_writers.c — libFuzzer harness: arbitrary labels through the RDF and
 * DOT writers, parsed back.
 *
 * The input is split at NUL bytes into chunks.  The first byte of a chunk
 * is a control byte, the rest its text (invalid UTF-8 is replaced by '?',
 * since the pipeline only ever hands the writers valid UTF-8).  Control:
 *   bits 0-2  entity type (mod YG_T_COUNT)
 *   bit  3    relate the previous entity to this one (bits 4-6: relation
 *             mod YG_R_COUNT); the relation's role is this chunk's text
 *   bit  7    the text is an alias of the previous entity (no new entity);
 *             with bits 0-2 == 7 it is instead a resolution identifier
 * An empty chunk (two NULs) starts a new article; the first chunk of an
 * article is its id, title and (bits 4-6) its date 20YY-MM-DD.
 *
 * The graph is written as Turtle (".ttl" writer) and as N-Triples (".nt")
 * and both are parsed back with raptor2: any parser error, different sets
 * of triples, or an entity label missing from the parsed rdfs:label
 * literals abort()s.  It is written as DOT (".dot" writer) and read back
 * with agmemread: a parse error, a missing node, or a node count other
 * than entities + the legend node abort()s.
 *
 * YG_FUZZ_VERBOSE=1 prints the written Turtle and DOT to stderr (handy
 * when reproducing a crash). */
#include <graphviz/cgraph.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_writers"
#include "fuzz.h"

#include "buf.h"
#include "document.h"
#include "graph.h"
#include "iri.h"
#include "lexicon.h"
#include "normalize.h"
#include "write.h"

#define MAX_CHUNKS 64

static yg_lexicon *lexicon;
static raptor_world *world;
static int verbose;

/* ---- raptor: parse back ---- */

/* A set of strings (open addressing), for triples and labels. */
typedef struct {
	char **slots;
	size_t cap, len;
} strset;

static int strset_add(strset *t, char *s) /* takes s; 1 when new */
{
	if ((t->len + 1) * 2 > t->cap) {
		strset old = *t;
		t->cap = old.cap ? old.cap * 2 : 64;
		t->slots = yg_xcalloc(t->cap, sizeof *t->slots);
		t->len = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i])
				strset_add(t, old.slots[i]);
		free(old.slots);
	}
	size_t i = (size_t)yg_hash64(s, strlen(s)) & (t->cap - 1);
	while (t->slots[i]) {
		if (strcmp(t->slots[i], s) == 0) {
			free(s);
			return 0;
		}
		i = (i + 1) & (t->cap - 1);
	}
	t->slots[i] = s;
	t->len++;
	return 1;
}

static int strset_has(const strset *t, const char *s)
{
	if (!t->cap)
		return 0;
	size_t i = (size_t)yg_hash64(s, strlen(s)) & (t->cap - 1);
	for (; t->slots[i]; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->slots[i], s) == 0)
			return 1;
	return 0;
}

static void strset_free(strset *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slots[i]);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

typedef struct {
	int errors;
	char first_error[512];
	strset triples;   /* distinct triples, as N-Triples terms */
	strset labels;    /* rdfs:label literals */
} parsed;

static void log_handler(void *ctx, raptor_log_message *m)
{
	parsed *p = ctx;
	if (m->level < RAPTOR_LOG_LEVEL_ERROR)
		return;
	if (!p->errors++)
		snprintf(p->first_error, sizeof p->first_error, "line %d: %s",
		         m->locator ? m->locator->line : -1, m->text ? m->text : "?");
}

static void statement_handler(void *ctx, raptor_statement *st)
{
	parsed *p = ctx;
	unsigned char *ts = raptor_term_to_string(st->subject);
	unsigned char *tp = raptor_term_to_string(st->predicate);
	unsigned char *to = raptor_term_to_string(st->object);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s %s %s", ts, tp, to);
	raptor_free_memory(ts);
	raptor_free_memory(tp);
	raptor_free_memory(to);
	strset_add(&p->triples, yg_buf_take(&b));
	if (st->predicate->type == RAPTOR_TERM_TYPE_URI && st->object->type == RAPTOR_TERM_TYPE_LITERAL &&
	    strcmp((const char *)raptor_uri_as_string(st->predicate->value.uri),
	           "http://www.w3.org/2000/01/rdf-schema#label") == 0)
		strset_add(&p->labels, yg_xstrndup((const char *)st->object->value.literal.string,
		                                   st->object->value.literal.string_len));
}

static void parse_rdf(const char *syntax, const char *text, size_t len, parsed *p)
{
	memset(p, 0, sizeof *p);
	raptor_world_set_log_handler(world, p, log_handler);
	raptor_parser *rp = raptor_new_parser(world, syntax);
	CHECK(rp != NULL, "no %s parser", syntax);
	raptor_parser_set_statement_handler(rp, p, statement_handler);
	raptor_uri *base = raptor_new_uri(world, (const unsigned char *)"http://fuzz.invalid/");
	if (raptor_parser_parse_start(rp, base) ||
	    raptor_parser_parse_chunk(rp, (const unsigned char *)text, len, 1))
		p->errors += !p->errors;
	raptor_free_uri(base);
	raptor_free_parser(rp);
}

/* ---- writing into memory ---- */

static char *write_with(const yg_graph *g, const char *ext, size_t *len, yg_status *st)
{
	char path[32];
	snprintf(path, sizeof path, "fuzz%s", ext);
	const yg_writer *w = yg_writer_for_path(path);
	CHECK(w != NULL, "no writer for %s", ext);
	char *buf = NULL;
	FILE *fh = open_memstream(&buf, len);
	CHECK(fh != NULL, "open_memstream");
	yg_write_opts o;
	memset(&o, 0, sizeof o);
	o.path = path;
	yg_diag d = {0};
	*st = w->fn(g, w, &o, fh, &d);
	fclose(fh);
	if (*st != YG_OK && verbose)
		fprintf(stderr, "writer %s: %s\n", ext, d.msg);
	return buf;
}

/* ---- input -> documents ---- */

static char *clean_utf8(const uint8_t *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t bad = yg_utf8_invalid_at((const char *)s + i, n - i);
		memcpy(out + o, s + i, bad);
		o += bad;
		i += bad;
		if (i < n) {
			out[o++] = '?';
			i++;
		}
	}
	out[o] = '\0';
	return out;
}

typedef struct {
	yg_document **items;
	size_t len, cap;
} doclist;

static yg_document *new_doc(doclist *docs, const char *id, unsigned ctl)
{
	yg_document *d = yg_document_new(id[0] ? id : "doc", NULL);
	if (ctl & 0x70) {
		char date[16];
		snprintf(date, sizeof date, "20%02u-%02u-%02u", (ctl >> 4) * 3 % 100,
		         (ctl >> 4) % 12 + 1, ctl % 28 + 1);
		d->date = yg_xstrdup(date);
	}
	if (id[0])
		d->title = yg_xstrdup(id);
	YG_VEC_PUSH(*docs, d);
	return d;
}

static void add_span(yg_document *d, int32_t e)
{
	yg_span sp = {0, 0};
	yg_document_add_span(d, e, sp);
}

static void build_docs(const uint8_t *data, size_t size, doclist *docs)
{
	yg_document *cur = NULL;
	int32_t prev = -1;
	size_t chunks = 0;
	size_t i = 0;
	while (i <= size && chunks < MAX_CHUNKS) {
		const uint8_t *z = memchr(data + i, 0, size - i);
		size_t end = z ? (size_t)(z - data) : size;
		size_t n = end - i;
		chunks++;
		if (n == 0) {
			cur = NULL; /* empty chunk: next one opens an article */
		} else {
			unsigned ctl = data[i];
			char *text = clean_utf8(data + i + 1, n - 1);
			if (!cur) {
				cur = new_doc(docs, text, ctl);
				prev = -1;
			} else if ((ctl & 0x80) && prev >= 0) {
				yg_entity *e = &cur->entities.items[prev];
				if ((ctl & 7) == 7) {
					e->type = YG_T_RESOLUTION;
					e->identifier = yg_document_strdup(cur, text);
				} else {
					yg_document_strlist_add(cur, &e->aliases, text, strlen(text));
				}
			} else {
				yg_etype t = (yg_etype)((ctl & 7) % YG_T_COUNT);
				int32_t e = yg_document_entity(cur, t, text);
				add_span(cur, e);
				if ((ctl & 8) && prev >= 0)
					yg_document_relate(cur, prev, (yg_rtype)(((ctl >> 4) & 7) % YG_R_COUNT), e,
					                   text, cur->date);
				prev = e;
			}
			free(text);
		}
		if (!z)
			break;
		i = end + 1;
	}
}

/* ---- the test ---- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	verbose = getenv("YG_FUZZ_VERBOSE") != NULL;
	lexicon = yg_lexicon_new();
	yg_lexicon_finish(lexicon, NULL); /* empty: no province concepts needed */
	world = raptor_new_world();
	raptor_world_open(world);
	agseterr(AGMAX); /* keep graphviz quiet; agerrors() still counts */
	return 0;
}

static void check_rdf(const yg_graph *g)
{
	size_t ttl_len = 0, nt_len = 0;
	yg_status st_ttl, st_nt;
	char *ttl = write_with(g, ".ttl", &ttl_len, &st_ttl);
	char *nt = write_with(g, ".nt", &nt_len, &st_nt);
	if (verbose)
		fprintf(stderr, "---- turtle (%zu bytes) ----\n%s\n", ttl_len, ttl);
	/* IRIs are made of slugs and hashes: refusing one is a bug too. */
	CHECK(st_ttl == YG_OK && st_nt == YG_OK, "RDF writer failed (%d, %d)", (int)st_ttl, (int)st_nt);
	parsed pt, pn;
	parse_rdf("turtle", ttl, ttl_len, &pt);
	CHECK(pt.errors == 0, "Turtle does not parse back: %s", pt.first_error);
	parse_rdf("ntriples", nt, nt_len, &pn);
	CHECK(pn.errors == 0, "N-Triples does not parse back: %s", pn.first_error);
	/* N-Triples repeats a triple asserted twice (two roles, one
	 * org:memberOf); compare the sets. */
	CHECK(pt.triples.len == pn.triples.len, "Turtle has %zu distinct triples, N-Triples %zu",
	      pt.triples.len, pn.triples.len);
	for (size_t i = 0; i < pn.triples.cap; i++)
		CHECK(!pn.triples.slots[i] || strset_has(&pt.triples, pn.triples.slots[i]),
		      "N-Triples triple missing from Turtle: %s", pn.triples.slots[i]);
	/* Labels come back as written, except for what no RDF syntax writes
	 * alike (a CR, other C0 controls but tab and LF, DEL, C1: spaces;
	 * noncharacters: U+FFFD; see yg_text_literal_safe).  The pipeline
	 * never makes such labels; this harness does. */
	for (size_t i = 0; i < yg_graph_node_count(g); i++) {
		const char *label = yg_graph_node(g, i)->label;
		char *alt = yg_text_literal_safe(label);
		if (!alt)
			alt = yg_xstrdup(label);
		CHECK(!*label || strset_has(&pt.labels, label) || strset_has(&pt.labels, alt),
		      "label \"%s\" of %s did not round-trip through Turtle", label, yg_graph_node(g, i)->iri);
		free(alt);
	}
	strset_free(&pt.triples);
	strset_free(&pt.labels);
	strset_free(&pn.triples);
	strset_free(&pn.labels);
	free(ttl);
	free(nt);
}

static void check_dot(const yg_graph *g)
{
	size_t len = 0;
	yg_status st;
	char *dot = write_with(g, ".dot", &len, &st);
	if (verbose)
		fprintf(stderr, "---- dot (%zu bytes) ----\n%s\n", len, dot);
	CHECK(st == YG_OK, "DOT writer failed (%d)", (int)st);
	agreseterrors();
	Agraph_t *pg = agmemread(dot);
	CHECK(pg != NULL && agerrors() < AGERR, "DOT does not parse back (agerrors %d): %s",
	      agerrors(), aglasterr() ? aglasterr() : "");
	/* the legend is one node, an HTML table */
	int legend = 1;
	for (size_t i = 0; i < yg_graph_node_count(g); i++) {
		const yg_node *n = yg_graph_node(g, i);
		Agnode_t *an = agnode(pg, (char *)n->iri, 0);
		CHECK(an != NULL, "node %s missing from the parsed DOT", n->iri);
		char *tip = agget(an, "tooltip");
		CHECK(tip && strcmp(tip, n->iri) == 0, "node %s has tooltip \"%s\"", n->iri,
		      tip ? tip : "(null)");
	}
	CHECK((size_t)agnnodes(pg) == yg_graph_node_count(g) + (size_t)legend,
	      "parsed DOT has %d nodes, expected %zu + %d legend", agnnodes(pg),
	      yg_graph_node_count(g), legend);
	agclose(pg);
	free(dot);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0; /* labels, not books */
	doclist docs = {0};
	build_docs(data, size, &docs);
	yg_graph *g = yg_graph_new(NULL, lexicon);
	for (size_t i = 0; i < docs.len; i++)
		yg_graph_add_document(g, docs.items[i]);
	yg_graph_finish(g);
	check_rdf(g);
	check_dot(g);
	yg_graph_free(g);
	for (size_t i = 0; i < docs.len; i++)
		yg_document_free(docs.items[i]);
	free(docs.items);
	return 0;
}
