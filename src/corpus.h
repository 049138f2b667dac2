/* corpus.h — the documents of a run, one at a time, from files,
 * directories, standard input, or JSON Lines corpora.
 *
 * A JSON Lines record is {"id", "text", "date", "url", "title"} (id and
 * text required).  A malformed record is reported with its file and line
 * and skipped; in strict mode it stops the run. */
#ifndef YG_CORPUS_H
#define YG_CORPUS_H

#include <stddef.h>

#include "diag.h"
#include "read.h"

typedef struct {
	char *id;       /* document id */
	char *where;    /* file, or file:line for a JSON Lines record */
	char *bytes;    /* the text, NUL-terminated */
	size_t len;
	char *date, *url, *title; /* metadata, or NULL */
	/* With deferred parsing: the JSON Lines record as read (the fields
	 * above other than `where` are unset until yg_item_parse). */
	char *record;
	size_t record_len;
	int strict;     /* a malformed record ends the run (--strict) */
} yg_item;

void yg_item_free(yg_item *it);

/* Parse a deferred record into the item's fields.  Thread-safe (cJSON
 * without its error pointer).  YG_OK, or YG_ERR_DATA with d saying what is
 * wrong, at `where` (file:line). */
yg_status yg_item_parse(yg_item *it, yg_diag *d);

typedef struct yg_corpus yg_corpus;

/* Paths are taken over (the list is emptied).  jsonl: every path is a
 * JSON Lines file ("-" is stdin).  report is called for each problem. */
yg_corpus *yg_corpus_new(yg_pathlist *paths, int jsonl, int strict,
                         yg_report_fn report, void *ctx);
void yg_corpus_free(yg_corpus *c); /* accepts NULL */

/* The next document: YG_OK with *it filled (caller frees it with
 * yg_item_free), or YG_ERR_DATA/YG_ERR_IO after reporting a document that
 * could not be read (call again for the next one).  Returns 1 at the end,
 * 0 otherwise.  In strict mode a malformed record ends the corpus. */
int yg_corpus_next(yg_corpus *c, yg_item *it, yg_status *st);

/* From now on return JSON Lines records unparsed (yg_item.record), so that
 * worker threads parse them; malformed records are then reported by
 * whoever parses them, and --strict is the caller's to enforce. */
void yg_corpus_defer_parsing(yg_corpus *c);

/* Bytes of input known in advance (file sizes), for progress; 0 if
 * unknown (stdin).  Bytes consumed so far. */
size_t yg_corpus_total_bytes(const yg_corpus *c);
size_t yg_corpus_done_bytes(const yg_corpus *c);

#endif
