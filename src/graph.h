/* graph.h — the knowledge graph of all inputs.
 *
 * Documents are added one by one; entities merge across documents by
 * their type and canonical key (the gazetteer id for provinces, the code
 * plus, for provincial codes, the province for resolutions, the ASCII slug
 * of the label otherwise).  yg_graph_finish sorts everything by IRI, so
 * writers produce byte-identical output whatever the input order. */
#ifndef YG_GRAPH_H
#define YG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "lexicon.h"

typedef struct {
	uint16_t type;
	char *label;
	char *iri;
	yg_strlist aliases;
	yg_strlist docs;       /* ids of the articles that mention it */
	size_t mentions;       /* number of mentions over all articles */
	char *identifier, *doctype, *date;
	yg_strlist degrees;
	char *wikidata;        /* full IRI, provinces */
	char *merged_into;     /* IRI of the unit it merged into (gazetteer) */
	char *merger_date;
} yg_node;

typedef struct {
	size_t s, o;           /* node indexes */
	uint16_t p;            /* yg_rtype */
	char *role;
	char *date;            /* membership: the asserting article's date; merger date */
	char *start;           /* membership: the date the post began, when stated */
	yg_strlist docs;       /* articles asserting it */
	/* memberships: yg_membership_hash of the edge, which names its IRI
	 * (made when the edge is, on the thread that merges, so that writing
	 * the graph does not hash each membership again alone) */
	unsigned long long member_hash;
} yg_edge;

/* A role (org:Role) of the memberships: one per IRI, which is the slug of
 * the title as written, so "Giám đốc" and "giám đốc" are one role. */
typedef struct {
	char *iri;
	char *label;           /* the smallest spelling seen: order-independent */
	uint8_t heads;         /* a post that heads its unit */
} yg_role_node;

typedef struct {
	char *id, *iri, *date, *url, *title;
	struct {
		size_t *items;
		size_t len, cap;
	} mentions;            /* node indexes, sorted, unique */
} yg_article;

typedef struct yg_graph yg_graph;

/* base is copied; lx must outlive the graph. */
yg_graph *yg_graph_new(const char *base, const yg_lexicon *lx);
/* The lexicon the graph was made with (NULL if none). */
const yg_lexicon *yg_graph_lexicon(const yg_graph *g);
void yg_graph_free(yg_graph *g); /* accepts NULL */

void yg_graph_add_document(yg_graph *g, const yg_document *d);
/* Keep only the entity table (for streaming): relations and articles
 * added afterwards are not stored, so memory does not grow with them. */
void yg_graph_nodes_only(yg_graph *g);
/* Nodes-only: what yg_graph_add_document takes from d, computed ahead
 * (on any thread: reads only the base, the lexicon and tables no thread
 * changes) into one allocation (caller frees), and merged in input order
 * by yg_graph_add_digest.  The document itself may then be released. */
char *yg_graph_digest(const yg_graph *g, const yg_document *d);
void yg_graph_add_digest(yg_graph *g, const char *digest);
/* Sort nodes, edges and articles; indexes change.  Call before writing. */
void yg_graph_finish(yg_graph *g);

const char *yg_graph_base(const yg_graph *g);
size_t yg_graph_node_count(const yg_graph *g);
/* Nodes-only (streaming), after yg_graph_finish: a view valid until the
 * next call, without article lists or mergers. */
const yg_node *yg_graph_node(const yg_graph *g, size_t i);
size_t yg_graph_edge_count(const yg_graph *g);
const yg_edge *yg_graph_edge(const yg_graph *g, size_t i);
size_t yg_graph_article_count(const yg_graph *g);
/* Roles, sorted by IRI; collected in nodes-only mode too. */
size_t yg_graph_role_count(const yg_graph *g);
const yg_role_node *yg_graph_role(const yg_graph *g, size_t i);
/* The IRI of the role titled `role` (caller frees). */
char *yg_graph_role_iri(const yg_graph *g, const char *role);
const yg_article *yg_graph_article(const yg_graph *g, size_t i);

/* The IRI segment for a type: "official", "hospital", ... */
const char *yg_type_segment(yg_etype t);

/* The IRI the graph gives entity e of document d (caller frees). */
char *yg_graph_entity_iri(const yg_graph *g, const yg_document *d, size_t e);
/* The same, appended to out. */
void yg_graph_entity_iri_into(yg_buf *out, const yg_graph *g, const yg_document *d, size_t e);

#endif
