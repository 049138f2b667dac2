/* engine.h — run the pipeline over a corpus on N threads.
 *
 * Workers take documents from the corpus and process them in parallel
 * (the lexicon is read-only, ICU normalizers are thread-safe, nothing else
 * is shared); the caller's consumer receives the documents in input order
 * on the calling thread, so the output is the same for any N.  Workers
 * take batches of up to 16 documents (256 KB of text); at most 2 × N
 * batches are in flight, so memory does not grow with the corpus. */
#ifndef YG_ENGINE_H
#define YG_ENGINE_H

#include "corpus.h"
#include "document.h"
#include "lexicon.h"
#include "normalize.h"

typedef struct {
	int threads;               /* 1 or more */
	yg_encoding encoding;
	const yg_lexicon *lexicon;
	const char *default_date;  /* for documents without one, or NULL */
	/* Optional: called on the worker thread after a document was
	 * processed successfully, to render what the consumer will write
	 * (into d->rendered), so rendering runs in parallel too.  Must only
	 * read shared state.  Returns 1 when the consumer will need nothing but d->rendered and the
	 * metadata: the worker then releases the rest (yg_document_release). */
	int (*prepare)(void *ctx, yg_document *d);
	void *prepare_ctx;
} yg_engine_opts;

/* Called in input order on the calling thread.  On success st is YG_OK;
 * otherwise diag says what went wrong and the document has no entities.
 * The consumer owns d (yg_document_free). */
typedef void (*yg_consume_fn)(void *ctx, yg_document *d, yg_status st, const yg_diag *diag,
                              size_t input_bytes);

/* Returns YG_OK, or the status of a failure to start threads. */
yg_status yg_engine_run(yg_corpus *c, const yg_engine_opts *o, yg_consume_fn consume, void *ctx);

#endif
