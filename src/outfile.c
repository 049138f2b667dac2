#include "outfile.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* ---- temporaries to remove on a signal ----
 * A fixed table the handler can walk without allocating or locking:
 * a slot holds a path until commit or abort clears it (signals blocked
 * while a slot changes). */
enum { MAX_TEMPS = 256 };
static char *volatile temps[MAX_TEMPS];

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (temps[i])
			unlink(temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void yg_outfile_cleanup_on_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue; /* nohup and friends: stay ignored */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

static void block(sigset_t *old)
{
	sigset_t all;
	sigemptyset(&all);
	sigaddset(&all, SIGINT);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &all, old);
}

/* Create the temporary file of `path` (a mkstemp template) and hold it
 * in a slot: with the signals blocked across both, so that no signal
 * finds the file made and not yet held.  Returns the descriptor (-1 on
 * error, errno set) and the slot. */
static int temp_create(char *path, int *slot)
{
	sigset_t old;
	block(&old);
	int fd = mkstemp(path);
	int err = errno;
	*slot = -1;
	for (int i = 0; fd >= 0 && i < MAX_TEMPS && *slot < 0; i++)
		if (!temps[i]) {
			temps[i] = path;
			*slot = i;
		}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return fd;
}

static void temp_release(int slot)
{
	if (slot < 0)
		return;
	sigset_t old;
	block(&old);
	temps[slot] = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* ---- where to write ---- */

/* The file a symlink chain ends at, even when that file does not exist
 * yet (a dangling link names the file to create).  NULL on a loop or an
 * error (errno set). */
static char *link_target(const char *path)
{
	char *cur = yg_xstrdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char buf[PATH_MAX];
		ssize_t n = readlink(cur, buf, sizeof buf - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		buf[n] = '\0';
		char *next;
		if (buf[0] == '/') {
			next = yg_xstrdup(buf);
		} else {
			char *copy = yg_xstrdup(cur);
			next = yg_strjoin(dirname(copy), "/", buf);
			free(copy);
		}
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static yg_status fail(yg_outfile *o, yg_diag *d, const char *what, int err)
{
	yg_status st = yg_diag_set(d, YG_ERR_IO, o->path, "%s: %s", what, strerror(err));
	free(o->tmp);
	free(o->dest);
	free(o->path);
	memset(o, 0, sizeof *o);
	o->slot = -1;
	return st;
}

yg_status yg_outfile_open(yg_outfile *o, const char *path, yg_diag *d)
{
	memset(o, 0, sizeof *o);
	o->slot = -1;
	o->path = yg_xstrdup(path);
	/* "-" or "-.nq": standard output (the extension still picks the format) */
	if (strcmp(path, "-") == 0 || strncmp(path, "-.", 2) == 0) {
		o->fh = stdout;
		return YG_OK;
	}
	o->dest = link_target(path);
	if (!o->dest)
		return fail(o, d, "cannot follow the symbolic link", errno);
	struct stat st;
	int exists = stat(o->dest, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		/* Devices such as /dev/full or /dev/null: write in place. */
		o->fh = fopen(o->dest, "wb");
		if (!o->fh)
			return fail(o, d, "cannot open for writing", errno);
		return YG_OK;
	}
	o->tmp = yg_strjoin(o->dest, "", ".tmp-XXXXXX");
	int fd = temp_create(o->tmp, &o->slot);
	if (fd < 0)
		return fail(o, d, "cannot create output", errno);
	/* mkstemp makes 0600: give the file the mode the old one had, or
	 * what the umask allows */
	fchmod(fd, exists ? st.st_mode & 07777 : new_file_mode());
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()) && fchown(fd, st.st_uid, st.st_gid) != 0) {
		/* not ours to give away: the file becomes the writer's, as with any editor */
	}
	o->fh = fdopen(fd, "wb");
	if (!o->fh) {
		int err = errno;
		close(fd);
		unlink(o->tmp);
		temp_release(o->slot);
		return fail(o, d, "cannot open output", err);
	}
	/* only the main thread writes outputs; raptor writes byte by byte */
	__fsetlocking(o->fh, FSETLOCKING_BYCALLER);
	return YG_OK;
}

static void release(yg_outfile *o)
{
	temp_release(o->slot);
	free(o->tmp);
	free(o->dest);
	free(o->path);
	o->tmp = o->dest = o->path = NULL;
	o->slot = -1;
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
	yg_status st = YG_OK;
	if (bad) {
		if (o->tmp)
			unlink(o->tmp);
		st = yg_diag_set(d, YG_ERR_IO, o->path, "write failed: %s", strerror(err));
	} else if (o->tmp && rename(o->tmp, o->dest) != 0) {
		st = yg_diag_set(d, YG_ERR_IO, o->path, "cannot rename output into place: %s", strerror(errno));
		unlink(o->tmp);
	}
	release(o);
	return st;
}

void yg_outfile_abort(yg_outfile *o)
{
	if (o->fh && o->fh != stdout)
		fclose(o->fh);
	o->fh = NULL;
	if (o->tmp)
		unlink(o->tmp);
	release(o);
}
