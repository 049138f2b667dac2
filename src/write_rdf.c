/* write_rdf.c — the graph as RDF through raptor2 (Turtle, N-Triples,
 * N-Quads, RDF/XML).
 *
 * raptor2 writes invalid IRIs without complaint, so every IRI is checked
 * here first; IRIs stay absolute because the serializer is started on a
 * file handle with no base URI. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <raptor2.h>
#include <stdio_ext.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "bufio.h"
#include "date.h"
#include "iri.h"
#include "normalize.h"
#include "nquads.h"
#include "turtle.h"
#include "write.h"

#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_SCHEMA "https://schema.org/"
#define NS_ORG "http://www.w3.org/ns/org#"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_DCT "http://purl.org/dc/terms/"
#define NS_TIME "http://www.w3.org/2006/time#"

static const yg_ttl_ns prefixes[] = {
	{"rdf", NS_RDF}, {"rdfs", NS_RDFS}, {"xsd", NS_XSD}, {"owl", NS_OWL},
	{"skos", NS_SKOS}, {"schema", NS_SCHEMA}, {"org", NS_ORG},
	{"prov", NS_PROV}, {"dct", NS_DCT}, {"time", NS_TIME}, {"ytg", YG_ONTOLOGY_NS},
	{"wd", "http://www.wikidata.org/entity/"},
};

static const char *const class_of[YG_T_COUNT] = {
#define YG_X(id, name, segment, priority) [YG_T_##id] = YG_ONTOLOGY_NS name,
	YG_ENTITY_TYPES(YG_X)
#undef YG_X
};

static const char *const property_of[YG_R_COUNT] = {
	NS_ORG "memberOf", YG_ONTOLOGY_NS "locatedIn", NS_SCHEMA "legislationPassedBy",
	YG_ONTOLOGY_NS "mergedInto", YG_ONTOLOGY_NS "partnerOf",
};

typedef struct {
	raptor_world *w;
	int own_world;
	raptor_serializer *ser;
	raptor_term *graph;  /* current named graph (N-Quads) or NULL */
	int bad_iri;
	const char *path;
	yg_diag *d;
	/* Predicates are string constants used statement after statement:
	 * their terms are made once, keyed by the constant's address. */
	struct {
		const char *iri;
		raptor_term *term;
	} preds[32];
	/* N-Quads without the serializer: lines assembled from escaped terms
	 * into nq_out (nq NULL: raptor serializes) */
	struct term_memo *memo; /* see iri_term */
	yg_nq *nq;
	yg_buf *nq_out;
	char *nq_graph; /* the escaped graph term, or NULL: a triple */
	/* Turtle without the serializer: one subject's statements at a time
	 * (NULL: raptor serializes) */
	yg_ttl *ttl;
} rdf_out;

/* raptor reports its errors through the world's log handler (by default
 * on stderr, without our prefix, and the write "succeeds"): the writer
 * being run on this thread takes them as its failure. */
static __thread rdf_out *current_out;

static void on_raptor_log(void *data, raptor_log_message *m)
{
	(void)data;
	rdf_out *r = current_out;
	if (m->level < RAPTOR_LOG_LEVEL_ERROR || !r)
		return;
	if (!r->bad_iri)
		yg_diag_set(r->d, YG_ERR_DATA, r->path, "RDF writer (raptor2): %s", m->text ? m->text : "error");
	r->bad_iri = 1;
}

static raptor_world *new_world(void)
{
	raptor_world *w = raptor_new_world();
	raptor_world_set_log_handler(w, NULL, on_raptor_log);
	/* Writers parse no XML: leave libxml2's error handlers alone.  Saving
	 * them makes libxml2 allocate a per-thread state on each worker
	 * thread, which valgrind finds definitely lost once a world's
	 * xmlCleanupParser has dropped the key that would free it. */
	raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
	raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
	raptor_world_open(w);
	return w;
}

/* The terms of the IRIs met last, by a hash of their text: a subject
 * recurs statement after statement, a class or an entity from subject
 * to subject, and each new term costs a check of the IRI and a search of
 * raptor's URI table. */
enum { TERM_MEMO = 256 };
struct term_memo {
	char *iri;
	raptor_term *term;
};

static raptor_term *iri_term(rdf_out *r, const char *iri)
{
	size_t n = strlen(iri);
	struct term_memo *m = NULL;
	if (r->memo || (r->memo = calloc(TERM_MEMO, sizeof *r->memo)) != NULL) {
		m = &r->memo[(yg_hash64(iri, n < 16 ? n : 16) ^ yg_hash64(iri + n - (n < 16 ? n : 16), n < 16 ? n : 16) ^ n) % TERM_MEMO];
		if (m->iri && strcmp(m->iri, iri) == 0)
			return raptor_term_copy(m->term);
	}
	if (!yg_iri_valid(iri)) {
		if (!r->bad_iri)
			yg_diag_set(r->d, YG_ERR_DATA, r->path, "refusing to write invalid IRI <%s>", iri);
		r->bad_iri = 1;
		return NULL;
	}
	raptor_term *t = raptor_new_term_from_uri_string(r->w, (const unsigned char *)iri);
	if (t && m) {
		free(m->iri);
		if (m->term)
			raptor_free_term(m->term);
		m->iri = yg_xstrndup(iri, n);
		m->term = raptor_term_copy(t);
	}
	return t;
}

/* The term of predicate p (a string constant), from the cache when it
 * is there; the caller owns the returned reference. */
static raptor_term *pred_term(rdf_out *r, const char *p)
{
	size_t slot = ((uintptr_t)p >> 3) % (sizeof r->preds / sizeof r->preds[0]);
	if (r->preds[slot].iri != p) {
		raptor_term *t = iri_term(r, p);
		if (!t)
			return NULL;
		if (r->preds[slot].term)
			raptor_free_term(r->preds[slot].term);
		r->preds[slot].iri = p;
		r->preds[slot].term = t;
	}
	return raptor_term_copy(r->preds[slot].term);
}

static void emit(rdf_out *r, const char *s, const char *p, raptor_term *o)
{
	raptor_term *ts = iri_term(r, s), *tp = pred_term(r, p);
	if (!ts || !tp || !o) {
		if (ts) raptor_free_term(ts);
		if (tp) raptor_free_term(tp);
		if (o) raptor_free_term(o);
		return;
	}
	raptor_term *g = r->graph ? raptor_term_copy(r->graph) : NULL;
	raptor_statement *st = raptor_new_statement_from_nodes(r->w, ts, tp, o, g);
	raptor_serializer_serialize_statement(r->ser, st);
	raptor_free_statement(st);
}

/* The escaped IRI, checked as iri_term checks it; NULL when invalid. */
static const char *nq_iri(rdf_out *r, const char *iri, size_t *len)
{
	const char *esc = yg_nq_cached(r->nq, iri, len);
	if (esc)
		return esc;
	if (!yg_iri_valid(iri)) {
		if (!r->bad_iri)
			yg_diag_set(r->d, YG_ERR_DATA, r->path, "refusing to write invalid IRI <%s>", iri);
		r->bad_iri = 1;
		return NULL;
	}
	return yg_nq_iri(r->nq, iri, len);
}

/* One line: subject and predicate, the object already appended at
 * r->nq_out->len == obj (cut again when the statement is not written),
 * and the graph.  raptor's layout: terms separated by a space, " .\n". */
static void nq_line(rdf_out *r, const char *s, const char *p, size_t obj, int obj_ok)
{
	yg_buf *b = r->nq_out;
	size_t ls, lp;
	const char *es = nq_iri(r, s, &ls), *ep = nq_iri(r, p, &lp);
	if (!es || !ep || !obj_ok) {
		b->len = obj;
		b->s[obj] = '\0';
		return;
	}
	size_t lo = b->len - obj, lg = r->nq_graph ? strlen(r->nq_graph) : 0;
	yg_buf_reserve(b, ls + lp + lg + 8);
	/* the object was appended first (it is checked first, as iri_term
	 * checks an object before emit checks the subject): move it behind */
	memmove(b->s + obj + ls + lp + 2, b->s + obj, lo);
	memcpy(b->s + obj, es, ls);
	b->s[obj + ls] = ' ';
	memcpy(b->s + obj + ls + 1, ep, lp);
	b->s[obj + ls + 1 + lp] = ' ';
	b->len = obj + ls + lp + 2 + lo;
	if (r->nq_graph) {
		yg_buf_putc(b, ' ');
		yg_buf_add(b, r->nq_graph, lg);
	}
	YG_BUF_LIT(b, " .\n");
}

/* An object IRI for the Turtle writer, checked as iri_term checks it
 * (the subject is checked once for all its statements, the predicates
 * are our constants). */
static int ttl_iri_ok(rdf_out *r, const char *iri)
{
	if (yg_iri_valid(iri))
		return 1;
	if (!r->bad_iri)
		yg_diag_set(r->d, YG_ERR_DATA, r->path, "refusing to write invalid IRI <%s>", iri);
	r->bad_iri = 1;
	return 0;
}

static void emit_iri(rdf_out *r, const char *s, const char *p, const char *o)
{
	if (r->ttl) {
		(void)s;
		if (ttl_iri_ok(r, o))
			yg_ttl_iri(r->ttl, p, o);
		return;
	}
	if (r->nq) {
		yg_nq_begin(r->nq); /* no escaped term is held between statements */
		size_t obj = r->nq_out->len, lo;
		const char *eo = nq_iri(r, o, &lo);
		if (eo)
			yg_buf_add(r->nq_out, eo, lo);
		nq_line(r, s, p, obj, eo != NULL);
		return;
	}
	emit(r, s, p, iri_term(r, o));
}

static void emit_lit(rdf_out *r, const char *s, const char *p, const char *text,
                     const char *lang, const char *datatype)
{
	/* No property of ours has an empty value, and raptor2 2.0.15's Turtle
	 * serializer writes ""@vi as "" and drops the subject's statements
	 * after it (an article with an empty title lost its identifier). */
	if (!*text)
		return;
	/* The same literal in every syntax: raptor2 writes a CR raw inside a
	 * Turtle string, drops other C0 controls from RDF/XML, and XML has no
	 * U+FFFE/U+FFFF; those become spaces (U+FFFD). */
	char *copy = yg_text_literal_safe(text);
	if (copy)
		text = copy;
	/* an impossible day (31/02) is not written as xsd:date: stores would
	 * disagree on it */
	int y, m, d;
	if (datatype && strcmp(datatype, NS_XSD "date") == 0 && !yg_date_parse_iso(text, &y, &m, &d)) {
		free(copy);
		return;
	}
	if (r->ttl) {
		yg_ttl_literal(r->ttl, p, text, lang, datatype);
		free(copy);
		return;
	}
	if (r->nq) {
		yg_nq_begin(r->nq);
		size_t obj = r->nq_out->len;
		int ok = yg_nq_literal(r->nq, r->nq_out, text, strlen(text), lang, datatype);
		free(copy);
		nq_line(r, s, p, obj, ok);
		return;
	}
	raptor_uri *dt = datatype ? raptor_new_uri(r->w, (const unsigned char *)datatype) : NULL;
	raptor_term *o = raptor_new_term_from_counted_literal(
		r->w, (const unsigned char *)text, strlen(text), dt,
		(const unsigned char *)lang, lang ? (unsigned char)strlen(lang) : 0);
	if (dt)
		raptor_free_uri(dt);
	free(copy);
	emit(r, s, p, o);
}

static void emit_node(rdf_out *r, const yg_node *n)
{
	emit_iri(r, n->iri, NS_RDF "type", class_of[n->type]);
	emit_lit(r, n->iri, NS_RDFS "label", n->label, "vi", NULL);
	for (size_t i = 0; i < n->aliases.len; i++)
		emit_lit(r, n->iri, NS_SKOS "altLabel", n->aliases.items[i], "vi", NULL);
	char count[32];
	snprintf(count, sizeof count, "%zu", n->mentions);
	emit_lit(r, n->iri, YG_ONTOLOGY_NS "mentionCount", count, NULL, NS_XSD "integer");
	if (n->wikidata)
		emit_iri(r, n->iri, NS_OWL "sameAs", n->wikidata);
	for (size_t i = 0; i < n->degrees.len; i++)
		emit_lit(r, n->iri, YG_ONTOLOGY_NS "degree", n->degrees.items[i], NULL, NULL);
	if (n->identifier)
		emit_lit(r, n->iri, NS_SCHEMA "legislationIdentifier", n->identifier, NULL, NULL);
	if (n->doctype)
		emit_lit(r, n->iri, YG_ONTOLOGY_NS "documentType", n->doctype, NULL, NULL);
	if (n->date)
		emit_lit(r, n->iri, NS_SCHEMA "legislationDate", n->date, NULL, NS_XSD "date");
}

static void emit_article_head(rdf_out *r, const yg_graph *g, const yg_article *a)
{
	emit_iri(r, a->iri, NS_RDF "type", NS_SCHEMA "NewsArticle");
	emit_lit(r, a->iri, NS_SCHEMA "identifier", a->id, NULL, NULL);
	if (a->date)
		emit_lit(r, a->iri, NS_SCHEMA "datePublished", a->date, NULL, NS_XSD "date");
	if (a->url && yg_iri_valid(a->url))
		emit_iri(r, a->iri, NS_SCHEMA "url", a->url);
	if (a->title)
		emit_lit(r, a->iri, NS_SCHEMA "headline", a->title, "vi", NULL);
	for (size_t k = 0; k < a->mentions.len; k++)
		emit_iri(r, a->iri, NS_SCHEMA "mentions", yg_graph_node(g, a->mentions.items[k])->iri);
}

static char *article_iri(const yg_graph *g, const char *doc)
{
	return yg_article_iri(yg_graph_base(g), doc);
}

static void emit_role(rdf_out *r, const yg_role_node *ro)
{
	emit_iri(r, ro->iri, NS_RDF "type", NS_ORG "Role");
	emit_lit(r, ro->iri, NS_RDFS "label", ro->label, "vi", NULL);
	if (ro->heads)
		emit_lit(r, ro->iri, YG_ONTOLOGY_NS "headsUnit", "true", NULL, NS_XSD "boolean");
}

/* Each role once (the graph's table): its class, its label, and whether
 * the post heads its unit. */
static void emit_roles(rdf_out *r, const yg_graph *g)
{
	for (size_t i = 0; i < yg_graph_role_count(g); i++)
		emit_role(r, yg_graph_role(g, i));
}

/* The statements an edge makes, by subject: the member's own (PART_S),
 * the membership node's, its interval's and its start instant's.  The
 * Turtle writer asks for one subject's at a time; the others for all,
 * in this order. */
enum { PART_S = 1, PART_M = 2, PART_DURING = 4, PART_START = 8, PART_ALL = 15 };

/* The start of a post as ORG and OWL-Time say it: the membership's
 * org:memberDuring interval begins at an instant dated with
 * time:inXSDDate.  Both are IRIs under the membership's, so that the
 * per-article graphs of a bulk load name the same resources. */
static void emit_start(rdf_out *r, const char *m, const char *start, int parts)
{
	yg_buf during, begin;
	yg_buf_init(&during);
	yg_buf_init(&begin);
	yg_buf_printf(&during, "%s/during", m);
	yg_buf_printf(&begin, "%s/start", m);
	if (parts & PART_M)
		emit_iri(r, m, NS_ORG "memberDuring", during.s);
	if (parts & PART_DURING) {
		emit_iri(r, during.s, NS_RDF "type", NS_TIME "Interval");
		emit_iri(r, during.s, NS_TIME "hasBeginning", begin.s);
	}
	if (parts & PART_START) {
		emit_iri(r, begin.s, NS_RDF "type", NS_TIME "Instant");
		emit_lit(r, begin.s, NS_TIME "inXSDDate", start, NULL, NS_XSD "date");
	}
	yg_buf_free(&during);
	yg_buf_free(&begin);
}

/* The IRI of a membership named by hash h (yg_membership_hash; caller
 * frees). */
static char *membership_iri(const yg_graph *g, unsigned long long h)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%smembership/%016llx", yg_graph_base(g), h);
	return yg_buf_take(&b);
}

/* A membership: an org:Membership node with the role, the date of the
 * article that reports it, the start of the post when the text states
 * it, and the articles (document ids) it was derived from.  The direct
 * org:memberOf is written by the caller, once per (member, organisation)
 * however many roles link them.  The merged graph and the per-article
 * graphs both write memberships here. */
static void emit_membership(rdf_out *r, const yg_graph *g, unsigned long long h, const char *s,
                            const char *o, const char *role, const char *date, const char *start,
                            char *const *docs, size_t ndocs, int parts)
{
	char *m = membership_iri(g, h);
	if (parts & PART_M) {
		emit_iri(r, m, NS_RDF "type", NS_ORG "Membership");
		emit_iri(r, m, NS_ORG "member", s);
		emit_iri(r, m, NS_ORG "organization", o);
		if (role) {
			char *ri = yg_graph_role_iri(g, role);
			emit_iri(r, m, NS_ORG "role", ri);
			free(ri);
		}
		if (date)
			emit_lit(r, m, NS_DCT "date", date, NULL, NS_XSD "date");
	}
	if (start)
		emit_start(r, m, start, parts);
	for (size_t i = 0; (parts & PART_M) && i < ndocs; i++) {
		char *a = article_iri(g, docs[i]);
		emit_iri(r, m, NS_PROV "wasDerivedFrom", a);
		free(a);
	}
	free(m);
}

/* Edges come sorted by (s, p, o): the memberships of one member at one
 * organisation are adjacent, and org:memberOf is written for the first. */
static void emit_edge(rdf_out *r, const yg_graph *g, const yg_edge *e, const yg_edge *prev, int parts)
{
	const yg_node *s = yg_graph_node(g, e->s), *o = yg_graph_node(g, e->o);
	if (e->p == YG_R_MEMBER_OF) {
		if ((parts & PART_S) && (!prev || prev->p != e->p || prev->s != e->s || prev->o != e->o))
			emit_iri(r, s->iri, property_of[YG_R_MEMBER_OF], o->iri);
		if (parts & ~PART_S)
			emit_membership(r, g, e->member_hash, s->iri, o->iri, e->role, e->date, e->start,
			                e->docs.items, e->docs.len, parts);
		return;
	}
	if (!(parts & PART_S))
		return;
	emit_iri(r, s->iri, property_of[e->p], o->iri);
	if (e->p == YG_R_MERGED_INTO && e->date)
		emit_lit(r, s->iri, YG_ONTOLOGY_NS "mergerDate", e->date, NULL, NS_XSD "date");
}

static void emit_all(rdf_out *r, const yg_graph *g)
{
	for (size_t i = 0; i < yg_graph_node_count(g); i++)
		emit_node(r, yg_graph_node(g, i));
	for (size_t i = 0; i < yg_graph_article_count(g); i++)
		emit_article_head(r, g, yg_graph_article(g, i));
	for (size_t i = 0; i < yg_graph_edge_count(g); i++)
		emit_edge(r, g, yg_graph_edge(g, i), i ? yg_graph_edge(g, i - 1) : NULL, PART_ALL);
	emit_roles(r, g);
}

/* A serializer on `world`, or on a world of its own when world is NULL
 * (opening a raptor world registers every parser and serializer: reuse one
 * when writing many small graphs). */
static void rdf_open_in(rdf_out *r, raptor_world *world, const char *syntax, const char *path, yg_diag *d)
{
	memset(r, 0, sizeof *r);
	r->own_world = world == NULL;
	r->w = world ? world : new_world();
	current_out = r;
	r->ser = raptor_new_serializer(r->w, syntax);
	r->path = path;
	r->d = d;
	for (size_t i = 0; r->ser && i < sizeof prefixes / sizeof prefixes[0]; i++) {
		raptor_uri *ns = raptor_new_uri(r->w, (const unsigned char *)prefixes[i].ns);
		raptor_serializer_set_namespace(r->ser, ns, (const unsigned char *)prefixes[i].prefix);
		raptor_free_uri(ns);
	}
}

static void rdf_open(rdf_out *r, const char *syntax, const char *path, yg_diag *d)
{
	rdf_open_in(r, NULL, syntax, path, d);
}

static void rdf_close(rdf_out *r)
{
	if (current_out == r)
		current_out = NULL;
	for (size_t i = 0; i < sizeof r->preds / sizeof r->preds[0]; i++)
		if (r->preds[i].term)
			raptor_free_term(r->preds[i].term);
	for (size_t i = 0; r->memo && i < TERM_MEMO; i++) {
		free(r->memo[i].iri);
		if (r->memo[i].term)
			raptor_free_term(r->memo[i].term);
	}
	free(r->memo);
	if (r->ser)
		raptor_free_serializer(r->ser);
	if (r->graph)
		raptor_free_term(r->graph);
	if (r->own_world)
		raptor_free_world(r->w);
}

/* The output is fsynced before it replaces the old file (outfile.c).
 * With gigabytes of memory the kernel keeps all of it dirty until then,
 * and the run ended waiting for the disk on one thread (1.5 s for the
 * 400 MB of N-Quads of a 100 MB corpus, 0.2 s for its 116 MB of
 * Turtle).  Asking for writeback as the output goes out lets the disk
 * work while the threads do.  Only a hint: a pipe or a system without
 * sync_file_range is left as it was. */
enum { WRITEBACK_STEP = 8 << 20 };

/* Flush fh and start writing back its bytes from `from` on; 1 when the
 * flush failed. */
static int start_writeback(FILE *fh, off_t from)
{
	int bad = fflush(fh) != 0;
#ifdef SYNC_FILE_RANGE_WRITE
	(void)sync_file_range(fileno(fh), from, 0, SYNC_FILE_RANGE_WRITE);
#endif
	return bad;
}

/* ---- Turtle, a chunk of subjects at a time ----
 *
 * raptor's Turtle serializer keeps every statement until the end (some
 * 230 bytes each), then writes the subjects in order of their IRIs, each
 * with all its statements.  So the subjects are taken here in that order,
 * a chunk at a time, each subject's statements written by a yg_ttl (or,
 * with YTEGRAPH_TURTLE_VIA_RAPTOR=1, each chunk by a fresh serializer,
 * less the prefix header each one repeats): the whole graph's Turtle byte
 * for byte (tests/identical.sh compares), in bounded memory, and the
 * chunks can be rendered on several threads. */

/* A chunk through raptor pays for a serializer; one through yg_ttl costs
 * next to nothing, and smaller ones keep less text in flight (a chunk of
 * articles, with their lists of mentions, is some 3 kB a subject). */
enum { CHUNK_RAPTOR = 2048, CHUNK = 512 };

/* Subjects a chunk: CHUNK, or YTEGRAPH_TURTLE_CHUNK (tests make small
 * inputs take many chunks). */
static size_t chunk_size(int via_raptor)
{
	const char *v = getenv("YTEGRAPH_TURTLE_CHUNK");
	long n = v ? strtol(v, NULL, 10) : 0;
	return n > 0 ? (size_t)n : via_raptor ? CHUNK_RAPTOR : CHUNK;
}

typedef enum { SUBJ_NODE, SUBJ_ARTICLE, SUBJ_MEMBERSHIP, SUBJ_DURING, SUBJ_START, SUBJ_ROLE } subj_kind;

typedef struct {
	const char *iri; /* valid until the next subject is asked for */
	uint32_t index;  /* node, article, edge or role */
	uint8_t kind;
} subject;

/* The subjects come from four lists, each in order of its IRIs: the
 * nodes, the articles and the roles (yg_graph_finish sorts them, and the
 * edges by subject, as first_edge needs) and the memberships with
 * their intervals and start instants.  Those are named by a hash (see
 * yg_membership_hash), so their IRIs are not kept: ordered by the hash's
 * value (16 fixed-width lowercase hex digits sort as the number) then
 * "", "/during", "/start", they are in order of their IRIs too, and a
 * merge of the four gives every subject in IRI order without an array
 * of them, nor an IRI string a membership (some 20 MB for a 100 MB
 * corpus). */
enum { SRC_NODE, SRC_ARTICLE, SRC_ROLE, SRC_MEMBER, NSRC };

typedef struct {
	unsigned long long hash;
	uint32_t edge;
	uint8_t kind; /* SUBJ_MEMBERSHIP, SUBJ_DURING or SUBJ_START, in this order */
} member_subject;

/* A place in the merged order: the next item of each list. */
typedef struct {
	size_t at[NSRC];
} subj_pos;

typedef struct {
	const yg_graph *g;
	size_t len[NSRC];
	member_subject *members;  /* sorted */
	size_t *first_edge; /* [node + 1]: the edges whose subject it is */
	subj_pos *chunk;    /* [nchunks]: where each starts */
	size_t *chunk_len;  /* [nchunks]: the subjects (not distinct IRIs) of each */
	size_t nchunks;
	const char *path;
	int via_raptor; /* chunks through raptor's serializer, header and all */
	/* chunks rendered ahead of the writer, at most `window` */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t next, written, window;
	struct rendered {
		yg_buf text;
		int done, bad;
	} *out;
	/* Buffers the writer is done with, for the next chunks: each grew to
	 * a chunk's size once, and a chunk's text is not freed on another
	 * thread than the one that grew it (the free of a large block made
	 * glibc consolidate that thread's arena under its lock). */
	yg_buf *spare;
	size_t nspare;
} ttl_job;

/* A buffer for the next chunk (under j->mu). */
static yg_buf take_spare(ttl_job *j)
{
	yg_buf b;
	if (j->nspare)
		b = j->spare[--j->nspare];
	else
		yg_buf_init(&b);
	b.len = 0;
	return b;
}

/* A walk through the merged order from a place. */
typedef struct {
	const ttl_job *j;
	subj_pos pos;
	yg_buf miri;      /* the IRI of the membership list's next item */
	size_t mprefix;   /* the length of base + "membership/" in it */
	size_t mformatted; /* the item miri holds, or SIZE_MAX */
} subj_walk;

static void walk_init(subj_walk *w, const ttl_job *j, const subj_pos *from)
{
	w->j = j;
	w->pos = *from;
	yg_buf_init(&w->miri);
	yg_buf_puts(&w->miri, yg_graph_base(j->g));
	YG_BUF_LIT(&w->miri, "membership/");
	w->mprefix = w->miri.len;
	w->mformatted = SIZE_MAX;
}

static void walk_free(subj_walk *w)
{
	yg_buf_free(&w->miri);
}

/* The IRI of list src's next item, or NULL at its end. */
static const char *head_iri(subj_walk *w, int src)
{
	const ttl_job *j = w->j;
	size_t k = w->pos.at[src];
	if (k >= j->len[src])
		return NULL;
	switch (src) {
	case SRC_NODE: return yg_graph_node(j->g, k)->iri;
	case SRC_ARTICLE: return yg_graph_article(j->g, k)->iri;
	case SRC_ROLE: return yg_graph_role(j->g, k)->iri;
	default: break;
	}
	if (w->mformatted != k) {
		static const char hex[] = "0123456789abcdef";
		static const char *const suffix[] = {[SUBJ_DURING] = "/during", [SUBJ_START] = "/start"};
		const member_subject *m = &j->members[k];
		yg_buf *b = &w->miri;
		b->len = w->mprefix;
		yg_buf_reserve(b, 16 + 8);
		for (int d = 15; d >= 0; d--)
			b->s[b->len++] = hex[(m->hash >> (4 * d)) & 15];
		b->s[b->len] = '\0';
		if (m->kind != SUBJ_MEMBERSHIP)
			yg_buf_puts(b, suffix[m->kind]);
		w->mformatted = k;
	}
	return w->miri.s;
}

/* The next subject in IRI order (its iri valid until the next call); 0
 * when there is none.  Equal IRIs come one after the other. */
static int walk_next(subj_walk *w, subject *out)
{
	int best = -1;
	const char *bi = NULL;
	for (int src = 0; src < NSRC; src++) {
		const char *iri = head_iri(w, src);
		if (iri && (!bi || strcmp(iri, bi) < 0)) {
			best = src;
			bi = iri;
		}
	}
	if (best < 0)
		return 0;
	size_t k = w->pos.at[best]++;
	static const uint8_t kind_of[NSRC] = {[SRC_NODE] = SUBJ_NODE, [SRC_ARTICLE] = SUBJ_ARTICLE, [SRC_ROLE] = SUBJ_ROLE};
	if (best == SRC_MEMBER)
		*out = (subject){bi, w->j->members[k].edge, w->j->members[k].kind};
	else
		*out = (subject){bi, (uint32_t)k, kind_of[best]};
	return 1;
}

/* Every statement whose subject is s. */
static void emit_subject(rdf_out *r, const ttl_job *j, const subject *s)
{
	const yg_graph *g = j->g;
	switch (s->kind) {
	case SUBJ_NODE:
		emit_node(r, yg_graph_node(g, s->index));
		for (size_t e = j->first_edge[s->index]; e < j->first_edge[s->index + 1]; e++)
			emit_edge(r, g, yg_graph_edge(g, e), e ? yg_graph_edge(g, e - 1) : NULL, PART_S);
		break;
	case SUBJ_ARTICLE: emit_article_head(r, g, yg_graph_article(g, s->index)); break;
	case SUBJ_MEMBERSHIP: emit_edge(r, g, yg_graph_edge(g, s->index), NULL, PART_M); break;
	case SUBJ_DURING: emit_edge(r, g, yg_graph_edge(g, s->index), NULL, PART_DURING); break;
	case SUBJ_START: emit_edge(r, g, yg_graph_edge(g, s->index), NULL, PART_START); break;
	case SUBJ_ROLE: emit_role(r, yg_graph_role(g, s->index)); break;
	}
}

/* Tests compare the Turtle assembled here with raptor's serializer's:
 * YTEGRAPH_TURTLE_VIA_RAPTOR=1 renders every chunk through raptor. */
static int turtle_via_raptor(void)
{
	const char *v = getenv("YTEGRAPH_TURTLE_VIA_RAPTOR");
	return v && *v && strcmp(v, "0") != 0;
}

/* Chunk c's Turtle through a raptor serializer (with the prefix header)
 * into *out; 1 when an IRI was refused. */
static int render_chunk_raptor(raptor_world *w, ttl_job *j, size_t c, yg_buf *out)
{
	raptor_iostream *io = yg_buf_iostream(w, &out);
	rdf_out r;
	yg_diag d = {0};
	rdf_open_in(&r, w, "turtle", j->path, &d);
	int bad = !io || !r.ser;
	if (!bad) {
		raptor_serializer_start_to_iostream(r.ser, NULL, io);
		subj_walk it;
		walk_init(&it, j, &j->chunk[c]);
		subject sub;
		for (size_t k = 0; k < j->chunk_len[c] && walk_next(&it, &sub); k++)
			emit_subject(&r, j, &sub);
		walk_free(&it);
		raptor_serializer_serialize_end(r.ser);
		bad = r.bad_iri;
	}
	rdf_close(&r);
	if (io)
		raptor_free_iostream(io);
	return bad;
}

/* Chunk c's Turtle (without the header) into *out, a subject's statements
 * at a time through a yg_ttl; 1 when an IRI was refused or raptor would
 * have reported an error. */
static int render_chunk(raptor_world *w, ttl_job *j, size_t c, yg_buf *out)
{
	if (j->via_raptor)
		return render_chunk_raptor(w, j, c, out);
	yg_diag d = {0};
	rdf_out r = {.w = w, .path = j->path, .d = &d};
	r.ttl = yg_ttl_new(w, prefixes, sizeof prefixes / sizeof prefixes[0]);
	int bad = 0;
	subj_walk it;
	walk_init(&it, j, &j->chunk[c]);
	yg_buf iri; /* the subject being gathered */
	yg_buf_init(&iri);
	subject sub;
	for (size_t k = 0; k < j->chunk_len[c] && walk_next(&it, &sub); k++) {
		/* the statements of every item with one IRI (a node and an
		 * article may share one) make one subject, as in raptor */
		if (k && strcmp(sub.iri, iri.s) != 0) {
			ttl_iri_ok(&r, iri.s); /* if not, the output is dropped */
			bad |= yg_ttl_subject(r.ttl, iri.s, out);
		}
		if (!k || strcmp(sub.iri, iri.s) != 0) {
			iri.len = 0;
			yg_buf_puts(&iri, sub.iri);
		}
		emit_subject(&r, j, &sub);
	}
	if (iri.len) {
		ttl_iri_ok(&r, iri.s);
		bad |= yg_ttl_subject(r.ttl, iri.s, out);
	}
	yg_buf_free(&iri);
	walk_free(&it);
	yg_ttl_free(r.ttl);
	return bad | r.bad_iri;
}

static void *ttl_worker(void *arg)
{
	ttl_job *j = arg;
	raptor_world *w = new_world();
	for (;;) {
		pthread_mutex_lock(&j->mu);
		while (j->next < j->nchunks && j->next >= j->written + j->window)
			pthread_cond_wait(&j->cv, &j->mu);
		if (j->next >= j->nchunks) {
			pthread_mutex_unlock(&j->mu);
			break;
		}
		size_t c = j->next++;
		yg_buf b = take_spare(j);
		pthread_mutex_unlock(&j->mu);
		int bad = render_chunk(w, j, c, &b);
		pthread_mutex_lock(&j->mu);
		j->out[c].text = b;
		j->out[c].bad = bad;
		j->out[c].done = 1;
		pthread_cond_broadcast(&j->cv);
		pthread_mutex_unlock(&j->mu);
	}
	return w; /* freed by the main thread once every worker is done (see
	           * thread_world: freeing one runs libxml2's cleanup) */
}

static int cmp_member(const void *pa, const void *pb)
{
	const member_subject *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

/* The memberships' list in order and the chunks: CHUNK distinct IRIs
 * each.  0 when the graph's lists are not in order (yg_graph_finish did
 * not run). */
static int plan_subjects(ttl_job *j)
{
	const yg_graph *g = j->g;
	size_t nn = yg_graph_node_count(g), ne = yg_graph_edge_count(g);
	j->len[SRC_NODE] = nn;
	j->len[SRC_ARTICLE] = yg_graph_article_count(g);
	j->len[SRC_ROLE] = yg_graph_role_count(g);
	int sorted = 1;
	for (int src = SRC_NODE; src < SRC_MEMBER; src++) {
		subj_walk w = {.j = j};
		const char *prev = NULL;
		for (size_t k = 0; k < j->len[src] && sorted; prev = head_iri(&w, src), k++) {
			w.pos.at[src] = k;
			sorted = !prev || strcmp(prev, head_iri(&w, src)) <= 0;
		}
	}
	j->first_edge = yg_xcalloc(nn + 2, sizeof *j->first_edge);
	size_t nm = 0;
	for (size_t k = 0; k < ne; k++) {
		const yg_edge *e = yg_graph_edge(g, k);
		sorted &= k == 0 || yg_graph_edge(g, k - 1)->s <= e->s;
		j->first_edge[e->s + 1]++;
		if (e->p == YG_R_MEMBER_OF)
			nm += e->start ? 3 : 1;
	}
	for (size_t i = 0; i < nn; i++)
		j->first_edge[i + 1] += j->first_edge[i];
	j->members = yg_xmalloc((nm + 1) * sizeof *j->members);
	nm = 0;
	for (size_t k = 0; k < ne; k++) {
		const yg_edge *e = yg_graph_edge(g, k);
		if (e->p != YG_R_MEMBER_OF)
			continue;
		unsigned long long h = e->member_hash;
		j->members[nm++] = (member_subject){h, (uint32_t)k, SUBJ_MEMBERSHIP};
		if (e->start) {
			j->members[nm++] = (member_subject){h, (uint32_t)k, SUBJ_DURING};
			j->members[nm++] = (member_subject){h, (uint32_t)k, SUBJ_START};
		}
	}
	j->len[SRC_MEMBER] = nm;
	yg_sort(j->members, nm, sizeof *j->members, cmp_member);
	/* one walk through everything, noting where each chunk starts */
	size_t per = chunk_size(j->via_raptor), cap = 16, distinct = 0;
	j->chunk = yg_xmalloc(cap * sizeof *j->chunk);
	j->chunk_len = yg_xmalloc(cap * sizeof *j->chunk_len);
	j->nchunks = 0;
	subj_walk w;
	walk_init(&w, j, &(subj_pos){{0}});
	yg_buf prev;
	yg_buf_init(&prev);
	for (;;) {
		subj_pos here = w.pos;
		subject sub;
		if (!walk_next(&w, &sub))
			break;
		if (prev.len && strcmp(sub.iri, prev.s) == 0) {
			j->chunk_len[j->nchunks - 1]++;
			continue;
		}
		prev.len = 0;
		yg_buf_puts(&prev, sub.iri);
		if (distinct++ % per == 0) {
			if (j->nchunks == cap) {
				cap *= 2;
				j->chunk = yg_xrealloc(j->chunk, cap * sizeof *j->chunk);
				j->chunk_len = yg_xrealloc(j->chunk_len, cap * sizeof *j->chunk_len);
			}
			j->chunk[j->nchunks] = here;
			j->chunk_len[j->nchunks++] = 0;
		}
		j->chunk_len[j->nchunks - 1]++;
	}
	yg_buf_free(&prev);
	walk_free(&w);
	return sorted;
}

/* Turtle through chunk serializers; YG_ERR_DATA (and no message) when an
 * IRI was refused: the caller writes the whole graph to learn which. */
static yg_status write_turtle_chunks(const yg_graph *g, const yg_write_opts *o, FILE *fh, int *write_failed)
{
	ttl_job j = {.g = g, .path = o->path, .via_raptor = turtle_via_raptor()};
	int bad = !plan_subjects(&j);
	raptor_world *w = new_world();
	/* the header a serializer writes with no statement: every chunk
	 * starts with it, the file once */
	yg_buf head;
	yg_buf_init(&head);
	ttl_job none = j;
	none.nchunks = 0;
	size_t zero = 0;
	none.chunk_len = &zero;
	none.chunk = &(subj_pos){{0}};
	bad |= render_chunk_raptor(w, &none, 0, &head);
	if (fwrite(head.s, 1, head.len, fh) != head.len)
		*write_failed = 1;
	off_t written = (off_t)head.len, pushed = 0;
	int threads = o->threads > 1 ? o->threads : 0;
	pthread_t *tids = yg_xcalloc((size_t)threads + 1, sizeof *tids);
	j.out = yg_xcalloc(j.nchunks + 1, sizeof *j.out);
	j.window = 2 * (size_t)threads;
	/* in flight: `window` chunks, and the one being written */
	j.spare = yg_xcalloc(j.window + 2, sizeof *j.spare);
	pthread_mutex_init(&j.mu, NULL);
	pthread_cond_init(&j.cv, NULL);
	int started = 0;
	for (int t = 0; t < threads; t++)
		started += pthread_create(&tids[t], NULL, ttl_worker, &j) == 0;
	for (size_t c = 0; c < j.nchunks; c++) {
		struct rendered *rc = &j.out[c];
		if (!started) {
			rc->text = take_spare(&j);
			rc->bad = render_chunk(w, &j, c, &rc->text);
		} else {
			pthread_mutex_lock(&j.mu);
			while (!rc->done)
				pthread_cond_wait(&j.cv, &j.mu);
			pthread_mutex_unlock(&j.mu);
		}
		bad |= rc->bad;
		size_t skip = 0;
		const yg_buf *t = &rc->text;
		if (j.via_raptor) {
			if (t->len >= head.len && memcmp(t->s, head.s, head.len) == 0)
				skip = head.len;
			else
				bad = 1; /* not the shape this relies on: the caller writes it whole */
		}
		if (t->len > skip && fwrite(t->s + skip, 1, t->len - skip, fh) != t->len - skip)
			*write_failed = 1;
		written += (off_t)(t->len - skip);
		if (written - pushed >= WRITEBACK_STEP) {
			*write_failed |= start_writeback(fh, pushed);
			pushed = written;
		}
		pthread_mutex_lock(&j.mu);
		j.spare[j.nspare++] = rc->text;
		yg_buf_init(&rc->text);
		j.written = c + 1;
		pthread_cond_broadcast(&j.cv);
		pthread_mutex_unlock(&j.mu);
	}
	raptor_world **ws = yg_xcalloc((size_t)threads + 1, sizeof *ws);
	for (int t = 0; t < threads; t++)
		if (tids[t])
			pthread_join(tids[t], (void **)&ws[t]);
	for (int t = 0; t < threads; t++)
		if (ws[t])
			raptor_free_world(ws[t]);
	free(ws);
	pthread_mutex_destroy(&j.mu);
	pthread_cond_destroy(&j.cv);
	raptor_free_world(w);
	yg_buf_free(&head);
	free(tids);
	for (size_t i = 0; i < j.nspare; i++)
		yg_buf_free(&j.spare[i]);
	free(j.spare);
	free(j.out);
	free(j.members);
	free(j.first_edge);
	free(j.chunk);
	free(j.chunk_len);
	return bad ? YG_ERR_DATA : YG_OK;
}

/* Tests compare the chunked Turtle with one serializer's for the whole
 * graph: YTEGRAPH_TURTLE_WHOLE=1 writes it so. */
static int turtle_whole(void)
{
	const char *v = getenv("YTEGRAPH_TURTLE_WHOLE");
	return v && *v && strcmp(v, "0") != 0;
}

static yg_status yg_write_rdf_whole(const yg_graph *g, const yg_writer *w, const yg_write_opts *o,
                                    FILE *fh, yg_diag *d);

yg_status yg_write_rdf(const yg_graph *g, const yg_writer *w, const yg_write_opts *o,
                       FILE *fh, yg_diag *d)
{
	if (!yg_base_valid(yg_graph_base(g)))
		return yg_diag_set(d, YG_ERR_USAGE, NULL,
		                   "--base <%s> is not an absolute IRI ending in '/' or '#'", yg_graph_base(g));
	if (strcmp(w->arg, "turtle") == 0 && !turtle_whole()) {
		int failed = 0;
		if (write_turtle_chunks(g, o, fh, &failed) == YG_OK)
			return failed ? yg_diag_set(d, YG_ERR_IO, o->path, "write failed") : YG_OK;
		/* a refused IRI: the message the whole graph's serializer gives,
		 * in its order (the output is dropped anyway) */
		FILE *sink = fopen("/dev/null", "w");
		yg_status st = yg_write_rdf_whole(g, w, o, sink ? sink : fh, d);
		if (sink)
			fclose(sink);
		return st != YG_OK ? st : yg_diag_set(d, YG_ERR_DATA, o->path, "Turtle chunks did not join");
	}
	return yg_write_rdf_whole(g, w, o, fh, d);
}

static yg_status yg_write_rdf_whole(const yg_graph *g, const yg_writer *w, const yg_write_opts *o,
                                    FILE *fh, yg_diag *d)
{
	rdf_out r;
	rdf_open(&r, w->arg, o->path, d);
	if (!r.ser) {
		rdf_close(&r);
		return yg_diag_set(d, YG_ERR_DATA, o->path, "raptor2 has no %s serializer", w->arg);
	}
	raptor_serializer_start_to_file_handle(r.ser, NULL, fh);
	emit_all(&r, g);
	raptor_serializer_serialize_end(r.ser);
	rdf_close(&r);
	return r.bad_iri ? YG_ERR_DATA : YG_OK;
}

/* ---- N-Quads, article by article ----
 *
 * Each article's named graph holds everything the article says: its own
 * head and mentions, how it names each entity (rdfs:label, skos:altLabel,
 * degrees, document codes), and its relations and memberships.  The
 * default graph holds only what follows from an entity's identity (its
 * class, a province's Wikidata link), written once at the end.  So shards
 * processed apart, concatenated, with duplicate lines removed, give exactly
 * the graph of a single run (see README: scale-out). */

/* Tests compare the lines assembled here with raptor's own N-Quads
 * serializer: YTEGRAPH_NQUADS_VIA_RAPTOR=1 makes every N-Quads output go
 * through raptor. */
static int via_raptor(void)
{
	const char *v = getenv("YTEGRAPH_NQUADS_VIA_RAPTOR");
	return v && *v && strcmp(v, "0") != 0;
}

struct yg_quads {
	FILE *stream;        /* write each article at once, or NULL: spill */
	off_t streamed, pushed; /* bytes written to it; handed to writeback */
	raptor_world *world; /* shared by the per-article serializers */
	yg_nq *nq;           /* its term cache (NULL: through raptor) */
	FILE *spill;         /* the articles so far, in input order */
	const char *spill_near;
	off_t spilled;
	struct {
		struct {
			char *iri;
			off_t at;
			size_t len;
		} *items;
		size_t len, cap;
	} kept;
	int failed;
};

yg_quads *yg_quads_new(FILE *stream, const char *spill_near)
{
	yg_quads *q = yg_xcalloc(1, sizeof *q);
	q->stream = stream;
	q->spill_near = spill_near;
	q->world = new_world();
	q->nq = via_raptor() ? NULL : yg_nq_new(q->world);
	return q;
}

void yg_quads_free(yg_quads *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->kept.len; i++)
		free(q->kept.items[i].iri);
	free(q->kept.items);
	if (q->spill)
		fclose(q->spill);
	yg_nq_free(q->nq);
	raptor_free_world(q->world);
	free(q);
}

/* A relation of the article with its ends as IRIs: two entities of one
 * article may share an IRI ("Xuyên Á – Long An", "Xuyên Á-Long An"), so
 * relations are compared by IRIs to write each statement once. */
typedef struct {
	const char *s, *o;
	const yg_relation *rel;
} doc_rel;

static int cmp_doc_rel(const void *pa, const void *pb)
{
	const doc_rel *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);
	if (!c)
		c = (a->rel->p > b->rel->p) - (a->rel->p < b->rel->p);
	if (!c)
		c = strcmp(a->o, b->o);
	if (!c)
		c = yg_strcmp_null(a->rel->role, b->rel->role);
	if (!c)
		c = yg_strcmp_null(a->rel->date, b->rel->date);
	return c ? c : yg_strcmp_null(a->rel->start, b->rel->start);
}

/* The article's relations, each statement once; org:memberOf once per
 * (member, organisation) however many roles the article gives. */
static void emit_doc_relations(rdf_out *r, const yg_graph *g, const yg_document *d, char **iris)
{
	size_t n = d->relations.len;
	doc_rel *rs = yg_xcalloc(n + 1, sizeof *rs);
	for (size_t i = 0; i < n; i++) {
		const yg_relation *rel = &d->relations.items[i];
		const char *s = iris[rel->s], *o = iris[rel->o];
		if (rel->p == YG_R_PARTNER_OF && strcmp(s, o) > 0) {
			const char *t = s;
			s = o;
			o = t;
		}
		rs[i] = (doc_rel){s, o, rel};
	}
	yg_sort(rs, n, sizeof *rs, cmp_doc_rel);
	for (size_t i = 0; i < n; i++) {
		const doc_rel *x = &rs[i], *prev = i ? &rs[i - 1] : NULL;
		if (prev && cmp_doc_rel(prev, x) == 0)
			continue;
		const yg_relation *rel = x->rel;
		if (strcmp(x->s, x->o) == 0)
			continue;
		if (rel->p != YG_R_MEMBER_OF) {
			emit_iri(r, x->s, property_of[rel->p], x->o);
			if (rel->p == YG_R_MERGED_INTO && rel->date)
				emit_lit(r, x->s, YG_ONTOLOGY_NS "mergerDate", rel->date, NULL, NS_XSD "date");
			continue;
		}
		if (!prev || prev->rel->p != YG_R_MEMBER_OF || strcmp(prev->s, x->s) || strcmp(prev->o, x->o))
			emit_iri(r, x->s, property_of[YG_R_MEMBER_OF], x->o);
		const char *date = rel->date ? rel->date : d->date;
		emit_membership(r, g, yg_membership_hash(x->s, x->o, rel->role, date, rel->start), x->s, x->o,
		                rel->role, date, rel->start, &d->id, 1, PART_ALL);
	}
	free(rs);
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An article's named graph: what the article asserts — its head, the
 * entities it mentions, their relations and memberships.  What describes
 * an entity or a role (class, label, aliases, codes, counts) is in the
 * default graph, written once from the merged entity table: so the union
 * of the graphs states one rdfs:label per entity and satisfies the
 * shapes, as the Turtle does. */
static void emit_document(rdf_out *r, const yg_graph *g, const yg_document *d, const char *article)
{
	size_t n = d->entities.len;
	char **iris = yg_xcalloc(n + 1, sizeof *iris);
	for (size_t e = 0; e < n; e++)
		iris[e] = yg_graph_entity_iri(g, d, e);
	emit_iri(r, article, NS_RDF "type", NS_SCHEMA "NewsArticle");
	emit_lit(r, article, NS_SCHEMA "identifier", d->id, NULL, NULL);
	if (d->date)
		emit_lit(r, article, NS_SCHEMA "datePublished", d->date, NULL, NS_XSD "date");
	if (d->url && yg_iri_valid(d->url))
		emit_iri(r, article, NS_SCHEMA "url", d->url);
	if (d->title)
		emit_lit(r, article, NS_SCHEMA "headline", d->title, "vi", NULL);
	/* two entities of the article may share an IRI: mention it once */
	char **sorted = yg_xcalloc(n + 1, sizeof *sorted);
	memcpy(sorted, iris, n * sizeof *sorted);
	yg_sort(sorted, n, sizeof *sorted, cmp_cstr);
	for (size_t e = 0; e < n; e++)
		if (e == 0 || strcmp(sorted[e], sorted[e - 1]) != 0)
			emit_iri(r, article, NS_SCHEMA "mentions", sorted[e]);
	free(sorted);
	emit_doc_relations(r, g, d, iris);
	for (size_t e = 0; e < n; e++)
		free(iris[e]);
	free(iris);
}


/* Write with r into out: through raptor's N-Quads serializer, or, with
 * nq, as lines assembled from escaped terms (the same bytes).  graph: the
 * named graph's IRI, or NULL for the default graph. */
static void nq_open(rdf_out *r, raptor_world *world, yg_nq *nq, yg_buf *out, raptor_iostream *io,
                    const char *graph, const char *path, yg_diag *diag)
{
	if (!nq) {
		rdf_open_in(r, world, "nquads", path, diag);
		raptor_serializer_start_to_iostream(r->ser, NULL, io);
		if (graph)
			r->graph = iri_term(r, graph);
		return;
	}
	memset(r, 0, sizeof *r);
	r->w = world;
	r->path = path;
	r->d = diag;
	r->nq = nq;
	r->nq_out = out;
	current_out = r;
	yg_nq_begin(nq);
	size_t len;
	const char *g = graph ? nq_iri(r, graph, &len) : NULL;
	r->nq_graph = g ? yg_xstrndup(g, len) : NULL;
}

static void nq_close(rdf_out *r)
{
	if (r->ser)
		raptor_serializer_serialize_end(r->ser);
	free(r->nq_graph);
	rdf_close(r);
}

/* Serialize one article's named graph to a string (raptor's N-Quads
 * serializer writes statements as they come, one per line). */
static char *document_quads(raptor_world *world, yg_nq *nq, const yg_graph *g, const yg_document *d,
                            const char *article, yg_diag *diag, int *bad)
{
	yg_buf out;
	yg_buf_init(&out);
	yg_buf_reserve(&out, 4096);
	yg_buf *target = &out;
	raptor_iostream *io = nq ? NULL : yg_buf_iostream(world, &target);
	if (!nq && !io)
		return yg_buf_take(&out);
	rdf_out r;
	nq_open(&r, world, nq, &out, io, article, d->path, diag);
	emit_document(&r, g, d, article);
	*bad = r.bad_iri;
	nq_close(&r);
	if (io)
		raptor_free_iostream(io);
	return yg_buf_take(&out);
}

/* One raptor world per thread for yg_quads_render (worlds are not shared
 * between threads), with its term cache.  They are freed together by the
 * main thread at the end, not as each thread ends: freeing a world runs
 * libxml2's cleanup, which deletes its thread-state key, and the state of
 * every thread still running then leaked (968 bytes a worker). */
typedef struct {
	raptor_world *world;
	yg_nq *nq; /* NULL: N-Quads through raptor */
	int helper; /* a thread of the default graph's (render_threads) */
} thread_writer;

static pthread_key_t world_key;
static pthread_once_t world_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t worlds_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	thread_writer **items;
	size_t len, cap;
} worlds;

static void make_world_key(void)
{
	pthread_key_create(&world_key, NULL);
}

static thread_writer *thread_world(void)
{
	pthread_once(&world_once, make_world_key);
	thread_writer *t = pthread_getspecific(world_key);
	if (!t) {
		t = yg_xcalloc(1, sizeof *t);
		t->world = new_world();
		t->nq = via_raptor() ? NULL : yg_nq_new(t->world);
		pthread_setspecific(world_key, t);
		pthread_mutex_lock(&worlds_lock);
		YG_VEC_PUSH(worlds, t);
		pthread_mutex_unlock(&worlds_lock);
	}
	return t;
}

char *yg_quads_render(const yg_graph *g, const yg_document *d, int *bad)
{
	char *article = article_iri(g, d->id);
	thread_writer *t = thread_world();
	char *text = document_quads(t->world, t->nq, g, d, article, NULL, bad);
	free(article);
	return text;
}

void yg_quads_release_thread(void)
{
	pthread_once(&world_once, make_world_key);
	pthread_mutex_lock(&worlds_lock);
	for (size_t i = 0; i < worlds.len; i++) {
		yg_nq_free(worlds.items[i]->nq);
		raptor_free_world(worlds.items[i]->world);
		free(worlds.items[i]);
	}
	free(worlds.items);
	memset(&worlds, 0, sizeof worlds);
	pthread_mutex_unlock(&worlds_lock);
	pthread_setspecific(world_key, NULL);
}

/* The spill file, opened (and unlinked: nothing to clean up) when the
 * first article comes. */
static yg_status spill_open(yg_quads *q, yg_diag *diag)
{
	if (q->spill)
		return YG_OK;
	if (!q->spill_near) {
		q->spill = tmpfile();
	} else {
		char *path = yg_strjoin(q->spill_near, "", ".spill-XXXXXX");
		int fd = mkstemp(path);
		if (fd >= 0) {
			unlink(path);
			q->spill = fdopen(fd, "w+b");
			if (!q->spill)
				close(fd);
		}
		free(path);
	}
	if (!q->spill)
		return yg_diag_set(diag, YG_ERR_IO, q->spill_near, "cannot make a temporary file for N-Quads: %s",
		                   strerror(errno));
	return YG_OK;
}

/* Copy n bytes at `at` of the spill file to fh. */
static int copy_out(FILE *spill, off_t at, size_t n, FILE *fh)
{
	char buf[1 << 16];
	if (fseeko(spill, at, SEEK_SET) != 0)
		return 0;
	while (n) {
		size_t k = n < sizeof buf ? n : sizeof buf;
		if (fread(buf, 1, k, spill) != k || fwrite(buf, 1, k, fh) != k)
			return 0;
		n -= k;
	}
	return 1;
}


yg_status yg_quads_add(yg_quads *q, const yg_graph *g, const yg_document *d, yg_diag *diag)
{
	char *article = article_iri(g, d->id);
	int bad = 0;
	/* the text a worker rendered is written from where it is */
	char *text = d->rendered ? d->rendered : document_quads(q->world, q->nq, g, d, article, diag, &bad);
	size_t n = d->rendered ? d->rendered_len : strlen(text);
	yg_status st = YG_OK;
	if (q->stream) {
		if (fwrite(text, 1, n, q->stream) != n)
			q->failed = 1;
		q->streamed += (off_t)n;
		if (q->streamed - q->pushed >= WRITEBACK_STEP) {
			q->failed |= start_writeback(q->stream, q->pushed);
			q->pushed = q->streamed;
		}
		free(article);
	} else if ((st = spill_open(q, diag)) != YG_OK) {
		q->failed = 1;
		free(article);
	} else {
		if (fwrite(text, 1, n, q->spill) != n)
			q->failed = 1;
		YG_VEC_GROW(q->kept);
		q->kept.items[q->kept.len].iri = article;
		q->kept.items[q->kept.len].at = q->spilled;
		q->kept.items[q->kept.len].len = n;
		q->kept.len++;
		q->spilled += (off_t)n;
	}
	if (text != d->rendered)
		free(text);
	return st != YG_OK ? st : bad ? YG_ERR_DATA : YG_OK;
}

static int cmp_kept(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the default graph on several threads ----
 *
 * The entities' statements are written after the last article, on the
 * main thread alone: 4 % of a --stream run's CPU time at -j 2.  The
 * nodes can only be read in order and one at a time (yg_graph_node of a
 * streaming table is a view merged from its spilled runs), so the main
 * thread copies them, a batch at a time, into flat records that helper
 * threads turn back into nodes and render; the batches are written in
 * order, so the bytes are those of one thread.  Batches of 64 nodes:
 * some 100 kB of text each, 2 x helpers + 1 of them in flight (256 took
 * the stream's peak RSS at -j 2 from 25.8 to 28.5 MB). */

enum { NQ_BATCH = 64 };

typedef struct {
	yg_buf flat;      /* the nodes, flattened (flat_put) */
	size_t n;
	yg_buf text;      /* their N-Quads */
	yg_diag diag;     /* the first refused IRI's message */
	int bad, rendered;
} nq_batch;

typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	nq_batch *slot;   /* a ring of `window` batches */
	size_t window, flattened, taken;
	int done;         /* no batch will come */
} nq_job;

static void flat_str(yg_buf *b, const char *s)
{
	yg_buf_add(b, s, strlen(s) + 1);
}

/* A string that may be NULL: a flag byte first. */
static void flat_opt(yg_buf *b, const char *s)
{
	yg_buf_putc(b, s ? 1 : 0);
	if (s)
		flat_str(b, s);
}

static void flat_list(yg_buf *b, const yg_strlist *l)
{
	uint32_t n = (uint32_t)l->len;
	yg_buf_add(b, (const char *)&n, sizeof n);
	for (size_t i = 0; i < l->len; i++)
		flat_str(b, l->items[i]);
}

/* What emit_node reads of n, copied. */
static void flat_put(yg_buf *b, const yg_node *n)
{
	uint64_t mentions = n->mentions;
	yg_buf_add(b, (const char *)&n->type, sizeof n->type);
	yg_buf_add(b, (const char *)&mentions, sizeof mentions);
	flat_str(b, n->iri);
	flat_str(b, n->label);
	flat_list(b, &n->aliases);
	flat_list(b, &n->degrees);
	flat_opt(b, n->identifier);
	flat_opt(b, n->doctype);
	flat_opt(b, n->date);
	flat_opt(b, n->wikidata);
}

static const char *flat_get_str(const char **p)
{
	const char *s = *p;
	*p += strlen(s) + 1;
	return s;
}

static const char *flat_get_opt(const char **p)
{
	return *(*p)++ ? flat_get_str(p) : NULL;
}

/* The list at *p into l, whose array (the caller's, reused) grows. */
static void flat_get_list(const char **p, yg_strlist *l)
{
	uint32_t n;
	memcpy(&n, *p, sizeof n);
	*p += sizeof n;
	if (n > l->cap) {
		l->cap = n;
		l->items = yg_xrealloc(l->items, n * sizeof *l->items);
	}
	l->len = n;
	for (uint32_t i = 0; i < n; i++)
		l->items[i] = (char *)flat_get_str(p);
}

/* The node flattened at *p into v (strings in the record); moves *p on. */
static void flat_get(const char **p, yg_node *v)
{
	uint64_t mentions;
	memcpy(&v->type, *p, sizeof v->type);
	*p += sizeof v->type;
	memcpy(&mentions, *p, sizeof mentions);
	*p += sizeof mentions;
	v->mentions = (size_t)mentions;
	v->iri = (char *)flat_get_str(p);
	v->label = (char *)flat_get_str(p);
	flat_get_list(p, &v->aliases);
	flat_get_list(p, &v->degrees);
	v->identifier = (char *)flat_get_opt(p);
	v->doctype = (char *)flat_get_opt(p);
	v->date = (char *)flat_get_opt(p);
	v->wikidata = (char *)flat_get_opt(p);
}

static void render_batch(thread_writer *t, nq_batch *b, yg_node *v)
{
	rdf_out r;
	b->text.len = 0;
	memset(&b->diag, 0, sizeof b->diag);
	nq_open(&r, t->world, t->nq, &b->text, NULL, NULL, "N-Quads", &b->diag);
	const char *p = b->flat.s;
	for (size_t i = 0; i < b->n; i++) {
		flat_get(&p, v);
		emit_node(&r, v);
	}
	b->bad = r.bad_iri;
	nq_close(&r);
}

static void *nq_helper(void *arg)
{
	nq_job *j = arg;
	thread_writer *t = thread_world();
	pthread_mutex_lock(&worlds_lock);
	t->helper = 1;
	pthread_mutex_unlock(&worlds_lock);
	yg_node v;
	memset(&v, 0, sizeof v);
	for (;;) {
		pthread_mutex_lock(&j->mu);
		while (j->taken == j->flattened && !j->done)
			pthread_cond_wait(&j->cv, &j->mu);
		if (j->taken == j->flattened) {
			pthread_mutex_unlock(&j->mu);
			break;
		}
		nq_batch *b = &j->slot[j->taken++ % j->window];
		pthread_mutex_unlock(&j->mu);
		render_batch(t, b, &v);
		pthread_mutex_lock(&j->mu);
		b->rendered = 1;
		pthread_cond_broadcast(&j->cv);
		pthread_mutex_unlock(&j->mu);
	}
	free(v.aliases.items);
	free(v.degrees.items);
	return NULL;
}

/* The threads that rendered articles (each made its writer then): as many
 * render the default graph.  Helpers of an earlier output do not count. */
static size_t render_threads(void)
{
	pthread_once(&world_once, make_world_key);
	pthread_mutex_lock(&worlds_lock);
	size_t n = 0;
	for (size_t i = 0; i < worlds.len; i++)
		n += !worlds.items[i]->helper;
	pthread_mutex_unlock(&worlds_lock);
	return n;
}

/* Every node's statements to fh, rendered by `helpers` threads; 1 when
 * an IRI was refused (the first message in diag); *failed on a write
 * error.  Returns -1 when no helper could start (nothing written). */
static int write_nodes_threaded(const yg_graph *g, FILE *fh, size_t helpers, yg_diag *diag, int *failed)
{
	nq_job j;
	memset(&j, 0, sizeof j);
	j.window = 2 * helpers + 1;
	j.slot = yg_xcalloc(j.window, sizeof *j.slot);
	pthread_mutex_init(&j.mu, NULL);
	pthread_cond_init(&j.cv, NULL);
	pthread_t *tids = yg_xcalloc(helpers, sizeof *tids);
	size_t started = 0;
	while (started < helpers && pthread_create(&tids[started], NULL, nq_helper, &j) == 0)
		started++;
	size_t nn = yg_graph_node_count(g), total = (nn + NQ_BATCH - 1) / NQ_BATCH, next = 0;
	int bad = 0;
	for (size_t w = 0; started && w < total; w++) {
		/* flatten ahead as far as the ring allows: slot w - 1's batch is
		 * written, and no helper holds a slot not yet published */
		while (j.flattened < total && j.flattened < w + j.window) {
			nq_batch *b = &j.slot[j.flattened % j.window];
			b->flat.len = 0;
			for (b->n = 0; b->n < NQ_BATCH && next < nn; b->n++)
				flat_put(&b->flat, yg_graph_node(g, next++));
			pthread_mutex_lock(&j.mu);
			b->rendered = 0;
			j.flattened++;
			pthread_cond_broadcast(&j.cv);
			pthread_mutex_unlock(&j.mu);
		}
		nq_batch *b = &j.slot[w % j.window];
		pthread_mutex_lock(&j.mu);
		while (!b->rendered)
			pthread_cond_wait(&j.cv, &j.mu);
		pthread_mutex_unlock(&j.mu);
		if (b->text.len && fwrite(b->text.s, 1, b->text.len, fh) != b->text.len)
			*failed = 1;
		if (b->bad && !bad) {
			bad = 1;
			*diag = b->diag;
		}
	}
	pthread_mutex_lock(&j.mu);
	j.done = 1;
	pthread_cond_broadcast(&j.cv);
	pthread_mutex_unlock(&j.mu);
	for (size_t t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	for (size_t i = 0; i < j.window; i++) {
		yg_buf_free(&j.slot[i].flat);
		yg_buf_free(&j.slot[i].text);
	}
	free(j.slot);
	free(tids);
	pthread_mutex_destroy(&j.mu);
	pthread_cond_destroy(&j.cv);
	return started ? bad : -1;
}

yg_status yg_quads_finish(yg_quads *q, const yg_graph *g, FILE *fh, yg_diag *diag)
{
	yg_sort(q->kept.items, q->kept.len, sizeof *q->kept.items, cmp_kept);
	if (q->spill && fflush(q->spill) != 0)
		q->failed = 1;
	for (size_t i = 0; i < q->kept.len && !q->failed; i++)
		if (!copy_out(q->spill, q->kept.items[i].at, q->kept.items[i].len, fh))
			q->failed = 1;
	/* The default graph: the merged description of every entity and role,
	 * written a block of lines at a time. */
	yg_buf out;
	yg_buf_init(&out);
	raptor_iostream *io = q->nq ? NULL : raptor_new_iostream_to_file_handle(q->world, fh);
	/* with threads, the nodes are rendered by as many helpers */
	size_t helpers = q->nq ? render_threads() : 0;
	int nodes_bad = helpers > 1 && !q->failed ? write_nodes_threaded(g, fh, helpers, diag, &q->failed) : -1;
	rdf_out r;
	nq_open(&r, q->world, q->nq, &out, io, NULL, "N-Quads", diag);
	if (nodes_bad > 0)
		r.bad_iri = 1; /* the message is the first node's */
	for (size_t i = 0; nodes_bad < 0 && i < yg_graph_node_count(g); i++) {
		emit_node(&r, yg_graph_node(g, i));
		if (out.len >= 1 << 16) {
			if (fwrite(out.s, 1, out.len, fh) != out.len)
				q->failed = 1;
			out.len = 0;
		}
	}
	emit_roles(&r, g);
	int bad = r.bad_iri;
	nq_close(&r);
	if (io)
		raptor_free_iostream(io);
	if (out.len && fwrite(out.s, 1, out.len, fh) != out.len)
		q->failed = 1;
	yg_buf_free(&out);
	if (q->failed || ferror(fh))
		return yg_diag_set(diag, YG_ERR_IO, NULL, "write failed");
	return bad ? YG_ERR_DATA : YG_OK;
}
