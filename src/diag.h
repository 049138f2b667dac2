/* diag.h — status codes and diagnostics that name the input they concern.
 *
 * Every function that can fail returns a yg_status and, when given a
 * yg_diag, leaves a message in it.  The CLI prints that message; nothing
 * below the CLI writes to stderr. */
#ifndef YG_DIAG_H
#define YG_DIAG_H

#include <stddef.h>

typedef enum {
	YG_OK = 0,
	YG_ERR_IO,       /* a file could not be read or written */
	YG_ERR_ENCODING, /* invalid UTF-8, UTF-16, NUL bytes, failed conversion */
	YG_ERR_DATA,     /* malformed data: lexicons, JSON Lines records */
	YG_ERR_LIMIT,    /* a documented limit was exceeded */
	YG_ERR_NOMEM,
	YG_ERR_ICU,      /* an ICU call failed */
	YG_ERR_USAGE     /* bad arguments */
} yg_status;

typedef struct {
	yg_status status;
	char msg[1024];
} yg_diag;

/* A short English description of a status, never NULL. */
const char *yg_strerror(yg_status st);

/* Record an error.  `where` is the file (or document id) concerned; it may be
 * NULL.  Returns `st` so callers can write `return yg_diag_set(...)`.
 * `d` may be NULL, then only the status is returned. */
yg_status yg_diag_set(yg_diag *d, yg_status st, const char *where,
                      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
