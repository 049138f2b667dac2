/* pipeline.h — one document from bytes to entities and relations.
 *
 * read → normalize → segment → boilerplate → recognize → resolve → relate.
 * Uses only the read-only lexicon, so documents may be processed on
 * several threads at once. */
#ifndef YG_PIPELINE_H
#define YG_PIPELINE_H

#include "diag.h"
#include "document.h"
#include "lexicon.h"

typedef struct {
	yg_encoding encoding;
	const yg_lexicon *lexicon;
} yg_pipeline_opts;

/* Process bytes[0..len) into d.  On error d is left without entities and
 * the message names d->path and the byte offset/line concerned. */
yg_status yg_document_process(yg_document *d, const char *bytes, size_t len,
                              const yg_pipeline_opts *o, yg_diag *diag);

#endif
