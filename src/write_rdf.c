/* write_rdf.c — the graph as RDF through raptor2 (Turtle, N-Triples,
 * N-Quads, RDF/XML).
 *
 * raptor2 writes invalid IRIs without complaint, so every IRI is checked
 * here first; IRIs stay absolute because the serializer is started on a
 * file handle with no base URI. */
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "iri.h"
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

static const struct {
	const char *prefix, *ns;
} prefixes[] = {
	{"rdf", NS_RDF}, {"rdfs", NS_RDFS}, {"xsd", NS_XSD}, {"owl", NS_OWL},
	{"skos", NS_SKOS}, {"schema", NS_SCHEMA}, {"org", NS_ORG},
	{"prov", NS_PROV}, {"dct", NS_DCT}, {"ytg", YG_ONTOLOGY_NS},
	{"wd", "http://www.wikidata.org/entity/"},
};

static const char *const class_of[YG_T_COUNT] = {
	YG_ONTOLOGY_NS "Official", YG_ONTOLOGY_NS "Hospital", YG_ONTOLOGY_NS "Resolution",
	YG_ONTOLOGY_NS "Province", YG_ONTOLOGY_NS "GovernmentBody", YG_ONTOLOGY_NS "HealthFacility",
};

static const char *const property_of[YG_R_COUNT] = {
	NS_ORG "memberOf", YG_ONTOLOGY_NS "locatedIn", NS_SCHEMA "legislationPassedBy",
	YG_ONTOLOGY_NS "mergedInto", YG_ONTOLOGY_NS "partnerOf",
};

typedef struct {
	raptor_world *w;
	raptor_serializer *ser;
	raptor_term *graph;  /* current named graph (N-Quads) or NULL */
	int bad_iri;
	const char *path;
	yg_diag *d;
} rdf_out;

static raptor_term *iri_term(rdf_out *r, const char *iri)
{
	if (!yg_iri_valid(iri)) {
		if (!r->bad_iri)
			yg_diag_set(r->d, YG_ERR_DATA, r->path, "refusing to write invalid IRI <%s>", iri);
		r->bad_iri = 1;
		return NULL;
	}
	return raptor_new_term_from_uri_string(r->w, (const unsigned char *)iri);
}

static void emit(rdf_out *r, const char *s, const char *p, raptor_term *o)
{
	raptor_term *ts = iri_term(r, s), *tp = iri_term(r, p);
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

static void emit_iri(rdf_out *r, const char *s, const char *p, const char *o)
{
	emit(r, s, p, iri_term(r, o));
}

static void emit_lit(rdf_out *r, const char *s, const char *p, const char *text,
                     const char *lang, const char *datatype)
{
	raptor_uri *dt = datatype ? raptor_new_uri(r->w, (const unsigned char *)datatype) : NULL;
	raptor_term *o = raptor_new_term_from_counted_literal(
		r->w, (const unsigned char *)text, strlen(text), dt,
		(const unsigned char *)lang, lang ? (unsigned char)strlen(lang) : 0);
	if (dt)
		raptor_free_uri(dt);
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

static char *derived_iri(const yg_graph *g, const char *kind, const char *key)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s%s/%016llx", yg_graph_base(g), kind, yg_hash64(key, strlen(key)));
	return yg_buf_take(&b);
}

static char *article_iri(const yg_graph *g, const char *doc)
{
	char *slug = yg_slug(doc, strlen(doc));
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%sarticle/%s", yg_graph_base(g), slug);
	free(slug);
	return yg_buf_take(&b);
}

/* A membership: the direct org:memberOf plus an org:Membership node with
 * the role, the date and the articles it was derived from. */
static void emit_membership(rdf_out *r, const yg_graph *g, const yg_edge *e,
                            const char *only_doc)
{
	const yg_node *s = yg_graph_node(g, e->s), *o = yg_graph_node(g, e->o);
	emit_iri(r, s->iri, property_of[YG_R_MEMBER_OF], o->iri);
	yg_buf key;
	yg_buf_init(&key);
	yg_buf_printf(&key, "%s|%s|%s|%s", s->iri, o->iri, e->role ? e->role : "", e->date ? e->date : "");
	char *m = derived_iri(g, "membership", key.s);
	yg_buf_free(&key);
	emit_iri(r, m, NS_RDF "type", NS_ORG "Membership");
	emit_iri(r, m, NS_ORG "member", s->iri);
	emit_iri(r, m, NS_ORG "organization", o->iri);
	if (e->role) {
		char *slug = yg_slug(e->role, strlen(e->role));
		yg_buf rb;
		yg_buf_init(&rb);
		yg_buf_printf(&rb, "%srole/%s", yg_graph_base(g), slug);
		free(slug);
		emit_iri(r, m, NS_ORG "role", rb.s);
		emit_iri(r, rb.s, NS_RDF "type", NS_ORG "Role");
		emit_lit(r, rb.s, NS_RDFS "label", e->role, "vi", NULL);
		yg_buf_free(&rb);
	}
	if (e->date)
		emit_lit(r, m, NS_DCT "date", e->date, NULL, NS_XSD "date");
	for (size_t i = 0; i < e->docs.len; i++) {
		if (only_doc && strcmp(only_doc, e->docs.items[i]) != 0)
			continue;
		char *a = article_iri(g, e->docs.items[i]);
		emit_iri(r, m, NS_PROV "wasDerivedFrom", a);
		free(a);
	}
	free(m);
}

static void emit_edge(rdf_out *r, const yg_graph *g, const yg_edge *e, const char *only_doc)
{
	const yg_node *s = yg_graph_node(g, e->s), *o = yg_graph_node(g, e->o);
	if (e->p == YG_R_MEMBER_OF) {
		emit_membership(r, g, e, only_doc);
		return;
	}
	emit_iri(r, s->iri, property_of[e->p], o->iri);
	if (e->p == YG_R_MERGED_INTO && e->date)
		emit_lit(r, s->iri, YG_ONTOLOGY_NS "mergerDate", e->date, NULL, NS_XSD "date");
}

static int edge_in_doc(const yg_edge *e, const char *doc)
{
	for (size_t i = 0; i < e->docs.len; i++)
		if (strcmp(e->docs.items[i], doc) == 0)
			return 1;
	return 0;
}

static void emit_all(rdf_out *r, const yg_graph *g, int quads)
{
	for (size_t i = 0; i < yg_graph_node_count(g); i++)
		emit_node(r, yg_graph_node(g, i));
	if (!quads) {
		for (size_t i = 0; i < yg_graph_article_count(g); i++)
			emit_article_head(r, g, yg_graph_article(g, i));
		for (size_t i = 0; i < yg_graph_edge_count(g); i++)
			emit_edge(r, g, yg_graph_edge(g, i), NULL);
		return;
	}
	/* N-Quads: entity statements in the default graph, everything an
	 * article asserts in the article's own named graph. */
	for (size_t i = 0; i < yg_graph_article_count(g); i++) {
		const yg_article *a = yg_graph_article(g, i);
		r->graph = iri_term(r, a->iri);
		emit_article_head(r, g, a);
		for (size_t k = 0; k < yg_graph_edge_count(g); k++)
			if (edge_in_doc(yg_graph_edge(g, k), a->id))
				emit_edge(r, g, yg_graph_edge(g, k), a->id);
		if (r->graph)
			raptor_free_term(r->graph);
		r->graph = NULL;
	}
}

yg_status yg_write_rdf(const yg_graph *g, const yg_writer *w, const yg_write_opts *o,
                       FILE *fh, yg_diag *d)
{
	if (!yg_base_valid(yg_graph_base(g)))
		return yg_diag_set(d, YG_ERR_USAGE, NULL,
		                   "--base <%s> is not an absolute IRI ending in '/' or '#'", yg_graph_base(g));
	rdf_out r = {0};
	r.w = raptor_new_world();
	raptor_world_open(r.w);
	r.ser = raptor_new_serializer(r.w, w->arg);
	r.path = o->path;
	r.d = d;
	if (!r.ser) {
		raptor_free_world(r.w);
		return yg_diag_set(d, YG_ERR_DATA, o->path, "raptor2 has no %s serializer", w->arg);
	}
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		raptor_uri *ns = raptor_new_uri(r.w, (const unsigned char *)prefixes[i].ns);
		raptor_serializer_set_namespace(r.ser, ns, (const unsigned char *)prefixes[i].prefix);
		raptor_free_uri(ns);
	}
	raptor_serializer_start_to_file_handle(r.ser, NULL, fh);
	emit_all(&r, g, strcmp(w->arg, "nquads") == 0);
	raptor_serializer_serialize_end(r.ser);
	raptor_free_serializer(r.ser);
	raptor_free_world(r.w);
	return r.bad_iri ? YG_ERR_DATA : YG_OK;
}
