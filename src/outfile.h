/* outfile.h — output files that appear whole or not at all.
 *
 * Output goes to a temporary file in the target's folder and is renamed
 * over the target only when everything was written and flushed; on failure
 * the temporary is removed and a previous file stays untouched.  "-", or
 * "-.EXT" to choose a format, is standard output (written directly).
 *
 * The file keeps what the user set up: an existing output keeps its mode
 * (a new one gets 0666 less the umask, as any program's would), and when
 * the output path is a symbolic link the file it points to is replaced,
 * the link stays.  Temporary files are removed when the process is ended
 * by SIGINT, SIGTERM or SIGHUP (yg_outfile_cleanup_on_signals). */
#ifndef YG_OUTFILE_H
#define YG_OUTFILE_H

#include <stdio.h>

#include "diag.h"

typedef struct {
	FILE *fh;       /* write here */
	char *path;     /* target as given, for messages */
	char *dest;     /* the file renamed over: path, or where its symlink points */
	char *tmp;      /* temporary path, NULL for stdout and devices */
	int slot;       /* in the signal-cleanup table, or -1 */
} yg_outfile;

yg_status yg_outfile_open(yg_outfile *o, const char *path, yg_diag *d);
/* Flush, check for write errors, rename into place. */
yg_status yg_outfile_commit(yg_outfile *o, yg_diag *d);
/* Discard what was written. Safe after commit (does nothing). */
void yg_outfile_abort(yg_outfile *o);

/* Install handlers for SIGINT, SIGTERM and SIGHUP that remove the
 * temporary files still open, then end the process as the signal would
 * have.  Call once, from the main thread, before opening outputs. */
void yg_outfile_cleanup_on_signals(void);

#endif
