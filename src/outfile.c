#include "outfile.h"

#include <errno.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

yg_status yg_outfile_open(yg_outfile *o, const char *path, yg_diag *d)
{
	memset(o, 0, sizeof *o);
	o->path = yg_xstrdup(path);
	/* "-" or "-.nq": standard output (the extension still picks the format) */
	if (strcmp(path, "-") == 0 || strncmp(path, "-.", 2) == 0) {
		o->fh = stdout;
		return YG_OK;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* Devices such as /dev/full or /dev/null: write in place. */
		o->fh = fopen(path, "wb");
		if (!o->fh)
			return yg_diag_set(d, YG_ERR_IO, path, "cannot open for writing: %s", strerror(errno));
		return YG_OK;
	}
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s.tmp-XXXXXX", path);
	o->tmp = yg_buf_take(&b);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		yg_status st2 = yg_diag_set(d, YG_ERR_IO, path, "cannot create output: %s", strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return st2;
	}
	fchmod(fd, 0644);
	o->fh = fdopen(fd, "wb");
	if (!o->fh) {
		close(fd);
		unlink(o->tmp);
		return yg_diag_set(d, YG_ERR_IO, path, "cannot open output: %s", strerror(errno));
	}
	/* only the main thread writes outputs; raptor writes byte by byte */
	__fsetlocking(o->fh, FSETLOCKING_BYCALLER);
	return YG_OK;
}

yg_status yg_outfile_commit(yg_outfile *o, yg_diag *d)
{
	if (!o->fh)
		return YG_OK;
	int bad = fflush(o->fh) != 0 || ferror(o->fh);
	int err = errno;
	if (o->fh != stdout) {
		if (!bad && o->tmp)
			bad = fsync(fileno(o->fh)) != 0, err = errno;
		if (fclose(o->fh) != 0 && !bad)
			bad = 1, err = errno;
	}
	o->fh = NULL;
	if (bad) {
		if (o->tmp)
			unlink(o->tmp);
		yg_status st = yg_diag_set(d, YG_ERR_IO, o->path, "write failed: %s", strerror(err));
		free(o->tmp);
		free(o->path);
		o->tmp = o->path = NULL;
		return st;
	}
	yg_status st = YG_OK;
	if (o->tmp && rename(o->tmp, o->path) != 0) {
		st = yg_diag_set(d, YG_ERR_IO, o->path, "cannot rename output into place: %s", strerror(errno));
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return st;
}

void yg_outfile_abort(yg_outfile *o)
{
	if (o->fh && o->fh != stdout)
		fclose(o->fh);
	o->fh = NULL;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}
