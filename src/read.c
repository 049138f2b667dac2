#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

void yg_pathlist_free(yg_pathlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->len = l->cap = 0;
}

/* Directories already entered, by device and inode, so a symlink loop is
 * reported once instead of recursing until the path is too long. */
typedef struct {
	struct {
		dev_t dev;
		ino_t ino;
	} *items;
	size_t len, cap;
} visited_set;

static int visited_add(visited_set *v, const struct stat *st)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i].dev == st->st_dev && v->items[i].ino == st->st_ino)
			return 0;
	YG_VEC_GROW(*v);
	v->items[v->len].dev = st->st_dev;
	v->items[v->len].ino = st->st_ino;
	v->len++;
	return 1;
}

static int has_txt_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
	yg_pathlist *out;
	yg_report_fn report;
	void *ctx;
	yg_status status;
	visited_set seen;
} expander;

static void fail(expander *e, yg_status st, const char *path, const char *what)
{
	yg_diag d;
	yg_diag_set(&d, st, path, "%s", what);
	e->status = st;
	if (e->report)
		e->report(e->ctx, &d);
}

static void expand_dir(expander *e, const char *dir, const struct stat *st)
{
	if (!visited_add(&e->seen, st)) {
		fail(e, YG_ERR_IO, dir, "directory loop (a symlink points back to a parent); skipped");
		return;
	}
	DIR *dh = opendir(dir);
	if (!dh) {
		fail(e, YG_ERR_IO, dir, strerror(errno));
		return;
	}
	yg_pathlist names = {0};
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		yg_buf p;
		yg_buf_init(&p);
		yg_buf_printf(&p, "%s/%s", dir, de->d_name);
		YG_VEC_PUSH(names, yg_buf_take(&p));
	}
	closedir(dh);
	yg_sort(names.items, names.len, sizeof *names.items, cmp_str);
	for (size_t i = 0; i < names.len; i++) {
		struct stat cst;
		if (stat(names.items[i], &cst) != 0) {
			fail(e, YG_ERR_IO, names.items[i], strerror(errno));
			continue;
		}
		if (S_ISDIR(cst.st_mode))
			expand_dir(e, names.items[i], &cst);
		else if (S_ISREG(cst.st_mode) && has_txt_suffix(names.items[i]))
			YG_VEC_PUSH(*e->out, yg_xstrdup(names.items[i]));
	}
	yg_pathlist_free(&names);
}

yg_status yg_expand_inputs(char *const *inputs, int n, yg_pathlist *out,
                           yg_report_fn report, void *ctx)
{
	expander e = {out, report, ctx, YG_OK, {0}};
	for (int i = 0; i < n; i++) {
		const char *in = inputs[i];
		struct stat st;
		if (strcmp(in, "-") == 0) {
			YG_VEC_PUSH(*out, yg_xstrdup(in));
			continue;
		}
		if (stat(in, &st) != 0) {
			fail(&e, YG_ERR_IO, in, strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			e.seen.len = 0;
			expand_dir(&e, in, &st);
		} else {
			YG_VEC_PUSH(*out, yg_xstrdup(in));
		}
	}
	free(e.seen.items);
	return e.status;
}

yg_status yg_read_file(const char *path, char **bytes, size_t *len, yg_diag *d)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *fh = is_stdin ? stdin : fopen(path, "rb");
	if (!fh)
		return yg_diag_set(d, YG_ERR_IO, path, "cannot open: %s", strerror(errno));
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_reserve(&b, 4096);
	yg_status st = YG_OK;
	for (;;) {
		yg_buf_reserve(&b, 65536);
		size_t got = fread(b.s + b.len, 1, b.cap - b.len - 1, fh);
		b.len += got;
		b.s[b.len] = '\0';
		if (b.len > YG_MAX_DOC_BYTES) {
			st = yg_diag_set(d, YG_ERR_LIMIT, path,
			                 "document larger than %zu MiB; split it",
			                 YG_MAX_DOC_BYTES >> 20);
			break;
		}
		if (got == 0) {
			if (ferror(fh))
				st = yg_diag_set(d, YG_ERR_IO, path, "read error: %s", strerror(errno));
			break;
		}
	}
	if (!is_stdin)
		fclose(fh);
	if (st != YG_OK) {
		yg_buf_free(&b);
		return st;
	}
	*len = b.len;
	*bytes = yg_buf_take(&b);
	return YG_OK;
}

char *yg_doc_id(const char *path)
{
	if (strcmp(path, "-") == 0)
		return yg_xstrdup("stdin");
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return yg_xstrndup(base, n);
}
