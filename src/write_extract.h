/* write_extract.h — one record per document, in the shape of the gold
 * annotation (../shared/eval/seeds-gold.jsonl): doc, date, entities (type,
 * label, aliases, iri, mentions as code-point offsets into the NFC text)
 * and relations (s, p, o, role).  Also a plain-text rendering for people. */
#ifndef YG_WRITE_EXTRACT_H
#define YG_WRITE_EXTRACT_H

#include "buf.h"
#include "document.h"
#include "graph.h"

/* Append the JSON line of d to b.  g supplies IRIs (its base). */
void yg_extract_jsonl(yg_buf *b, const yg_document *d, const yg_graph *g);
/* Append a human-readable summary of d to b. */
void yg_extract_text(yg_buf *b, const yg_document *d, const yg_graph *g);

#endif
