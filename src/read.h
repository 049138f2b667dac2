/* read.h — turn command-line INPUT arguments into documents' bytes.
 *
 * An INPUT is a file, a directory (read recursively, *.txt files, sorted by
 * path so runs are reproducible) or "-" for standard input. */
#ifndef YG_READ_H
#define YG_READ_H

#include <stddef.h>

#include "diag.h"

/* Largest document accepted, in bytes; larger ones are a YG_ERR_LIMIT. */
#define YG_MAX_DOC_BYTES ((size_t)256 * 1024 * 1024)

typedef struct {
	char **items; /* owned strings */
	size_t len, cap;
} yg_pathlist;

void yg_pathlist_free(yg_pathlist *l);

/* Called for every input that cannot be used (missing file, unreadable
 * directory, symlink loop); expansion goes on with the others. */
typedef void (*yg_report_fn)(void *ctx, const yg_diag *d);

/* Append the files named by inputs[0..n) to `out`.  Returns YG_OK when every
 * input could be expanded, otherwise the last error status (each error was
 * passed to `report`). */
yg_status yg_expand_inputs(char *const *inputs, int n, yg_pathlist *out,
                           yg_report_fn report, void *ctx);

/* Read a whole file ("-" is stdin).  On success *bytes is owned by the
 * caller (free()) and NUL-terminated. */
yg_status yg_read_file(const char *path, char **bytes, size_t *len,
                       yg_diag *d);

/* The document id of a path: its file name without folder and extension
 * (valid UTF-8: a bad byte becomes U+FFFD); "stdin" for "-".  Caller
 * frees. */
char *yg_doc_id(const char *path);

/* The ids of a run's files, one per path, distinct articles for distinct
 * files: the file name, and where two would be the same article
 * ("a/x.txt" and "b/x.txt") as many parent folders as part them
 * ("a/x", "b/x").  Caller frees each and the array. */
char **yg_doc_ids(const yg_pathlist *paths);

#endif
