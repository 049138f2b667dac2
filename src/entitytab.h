/* entitytab.h — the stream's entity table: every entity of a run in a
 * few dozen bytes.
 *
 * `build --stream` writes each article's lines at once and keeps, until
 * the end, only what the default graph says of each entity: its IRI,
 * class, smallest label, other names, degrees, codes, mention count and
 * Wikidata link.  As yg_node those are separately allocated strings and
 * lists (with malloc's overheads about 450 bytes an entity: 40 of the
 * 60 MB of a 100 MB corpus).  Here the strings live in an arena and a
 * node is 40 bytes; identity is the IRI's path under the base, compared
 * in full (no hash stands for a string).  Past a budget (4 MB) the table
 * goes to a temporary file as a run sorted by IRI and starts again empty;
 * the runs are merged at the end, so memory stays bounded whatever the
 * corpus.
 *
 * A document reaches the table as a record (yg_entitytab_put_*), made on
 * the worker thread that processed it, so that the thread that writes
 * in input order only looks up and updates. */
#ifndef YG_ENTITYTAB_H
#define YG_ENTITYTAB_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "graph.h"

typedef struct yg_entitytab yg_entitytab;

/* base is copied: nodes' IRIs are base + path. */
yg_entitytab *yg_entitytab_new(const char *base);
void yg_entitytab_free(yg_entitytab *t); /* accepts NULL */

/* What an entity record holds after its head, each a kind and a string,
 * in any order. */
typedef enum {
	YG_ATTR_END,
	YG_ATTR_ALIAS,      /* another name (not a bare head) */
	YG_ATTR_DEGREE,
	YG_ATTR_IDENTIFIER, /* the smallest wins */
	YG_ATTR_DOCTYPE,    /* the smallest wins */
	YG_ATTR_DATE,       /* the smallest wins */
	YG_ATTR_WIKIDATA,   /* kept from the record that made the node */
	YG_ATTR_COUNT
} yg_attr_kind;

/* Append to b the head of one entity's record (path: the IRI after the
 * base), then its attributes, then yg_entitytab_put_end. */
void yg_entitytab_put_head(yg_buf *b, uint16_t type, uint64_t mentions, const char *path, const char *label);
void yg_entitytab_put_attr(yg_buf *b, yg_attr_kind k, const char *s);
void yg_entitytab_put_end(yg_buf *b);

/* Merge the entity record at rec (as written above) as
 * yg_graph_add_document merges an entity; returns the byte after it. */
const char *yg_entitytab_merge(yg_entitytab *t, const char *rec);

/* Distinct entities (merging spilled runs first: see finish). */
size_t yg_entitytab_count(yg_entitytab *t);
/* Sort by IRI, after the last merge (again: nothing).  When runs were
 * spilled (the table outgrew its budget), they are merged here to count
 * the entities and again, node by node, as yg_entitytab_node asks. */
void yg_entitytab_finish(yg_entitytab *t);
/* Node i in IRI order, as a yg_node whose strings belong to the table:
 * valid until the next call (one view at a time), with aliases and
 * degrees sorted, no article list and no merger (no stream writer
 * reads them). */
const yg_node *yg_entitytab_node(yg_entitytab *t, size_t i);

#endif
