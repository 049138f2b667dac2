/* outfile.h — output files that appear whole or not at all.
 *
 * Output goes to a temporary file in the target's folder and is renamed
 * over the target only when everything was written and flushed; on failure
 * the temporary is removed and a previous file stays untouched.  "-", or
 * "-.EXT" to choose a format, is standard output (written directly). */
#ifndef YG_OUTFILE_H
#define YG_OUTFILE_H

#include <stdio.h>

#include "diag.h"

typedef struct {
	FILE *fh;       /* write here */
	char *path;     /* target */
	char *tmp;      /* temporary path, NULL for stdout */
} yg_outfile;

yg_status yg_outfile_open(yg_outfile *o, const char *path, yg_diag *d);
/* Flush, check for write errors, rename into place. */
yg_status yg_outfile_commit(yg_outfile *o, yg_diag *d);
/* Discard what was written. Safe after commit (does nothing). */
void yg_outfile_abort(yg_outfile *o);

#endif
