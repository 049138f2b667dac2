/* write_extract.h — one record per document, in the shape of the gold
 * annotation (../shared/eval/seeds-gold.jsonl): doc, date, entities (type,
 * label, aliases, iri, mentions as code-point offsets into the NFC text,
 * "nested" on a mention inside another entity's) and relations (s, p, o,
 * role, date).  Every entity and relation carries the rule that found it
 * and its evidence, the code-point offsets of the sentence that states it.
 * Also a plain-text rendering for people, which with explain shows each
 * rule and sentence. */
#ifndef YG_WRITE_EXTRACT_H
#define YG_WRITE_EXTRACT_H

#include "buf.h"
#include "document.h"
#include "graph.h"

/* Append the JSON line of d to b.  g supplies IRIs (its base). */
void yg_extract_jsonl(yg_buf *b, const yg_document *d, const yg_graph *g);
/* Append a human-readable summary of d to b. */
void yg_extract_text(yg_buf *b, const yg_document *d, const yg_graph *g, int explain);

#endif
