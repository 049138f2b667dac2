#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "iri.h"
#include "normalize.h"

void yg_pathlist_free(yg_pathlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->len = l->cap = 0;
}

/* Files and directories by device and inode, in an open-addressing set:
 * a directory reached twice (a symlink to a sibling folder) is read once,
 * a file reached twice is one article. */
typedef struct {
	struct {
		dev_t dev;
		ino_t ino;
		int used;
	} *items;
	size_t len, cap;
} inode_set;

static size_t inode_hash(dev_t dev, ino_t ino)
{
	return (size_t)(((unsigned long long)ino * 0x9E3779B97F4A7C15ULL) ^ (unsigned long long)dev);
}

/* 1 when added, 0 when it was there. */
static int inode_add(inode_set *v, const struct stat *st)
{
	if ((v->len + 1) * 2 > v->cap) {
		inode_set bigger = {NULL, 0, v->cap ? v->cap * 2 : 64};
		bigger.items = yg_xcalloc(bigger.cap, sizeof *bigger.items);
		for (size_t i = 0; i < v->cap; i++)
			if (v->items[i].used) {
				struct stat old = {.st_dev = v->items[i].dev, .st_ino = v->items[i].ino};
				inode_add(&bigger, &old);
			}
		free(v->items);
		*v = bigger;
	}
	size_t mask = v->cap - 1;
	for (size_t i = inode_hash(st->st_dev, st->st_ino) & mask;; i = (i + 1) & mask) {
		if (!v->items[i].used) {
			v->items[i].used = 1;
			v->items[i].dev = st->st_dev;
			v->items[i].ino = st->st_ino;
			v->len++;
			return 1;
		}
		if (v->items[i].dev == st->st_dev && v->items[i].ino == st->st_ino)
			return 0;
	}
}

static int has_txt_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static int has_txt_suffix_nocase(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is this the aligned entity table that `-o FILE.txt` writes (see
 * write_table.c)?  Written into an input folder it would be read back as
 * an article on the next run, its labels found again as entities. */
static int own_table(const char *s, size_t n)
{
	static const char *const head[] = {"TYPE", "LABEL", "MENTIONS", "DOCUMENTS", "IRI"};
	size_t i = 0;
	for (size_t k = 0; k < sizeof head / sizeof head[0]; k++) {
		size_t w = strlen(head[k]);
		if (i + w > n || memcmp(s + i, head[k], w) != 0)
			return 0;
		i += w;
		size_t sp = i;
		while (i < n && s[i] == ' ')
			i++;
		if (k + 1 < sizeof head / sizeof head[0] ? i - sp < 2 : i != sp)
			return 0;
	}
	return i < n && s[i] == '\n';
}

/* Does the file start like the entity table?  (Only its first line is read.) */
static int own_output(const char *path)
{
	char head[128];
	FILE *fh = fopen(path, "rb");
	if (!fh)
		return 0; /* reading it later reports why */
	size_t n = fread(head, 1, sizeof head, fh);
	fclose(fh);
	return own_table(head, n);
}

typedef struct {
	yg_pathlist *out;
	yg_report_fn report;
	void *ctx;
	yg_status status;
	inode_set dirs, files;
	/* the directories being read, outermost first: a symlink back to
	 * one of them is a loop */
	struct {
		struct stat *items;
		size_t len, cap;
	} open;
	size_t txt, other_case; /* *.txt taken, *.TXT (or .Txt...) seen */
} expander;

static void fail(expander *e, yg_status st, const char *path, const char *what)
{
	yg_diag d;
	yg_diag_set(&d, st, path, "%s", what);
	if (st != YG_OK)
		e->status = st;
	if (e->report)
		e->report(e->ctx, &d);
}

static int is_open(const expander *e, const struct stat *st)
{
	for (size_t i = 0; i < e->open.len; i++)
		if (e->open.items[i].st_dev == st->st_dev && e->open.items[i].st_ino == st->st_ino)
			return 1;
	return 0;
}

static void add_file(expander *e, const char *path, const struct stat *st)
{
	if (inode_add(&e->files, st))
		YG_VEC_PUSH(*e->out, yg_xstrdup(path));
}

static void expand_dir(expander *e, const char *dir, const struct stat *st)
{
	if (is_open(e, st)) {
		fail(e, YG_ERR_IO, dir, "directory loop (a symlink points back to a parent); skipped");
		return;
	}
	if (!inode_add(&e->dirs, st))
		return; /* read already, through another path */
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
	YG_VEC_PUSH(e->open, *st);
	for (size_t i = 0; i < names.len; i++) {
		struct stat cst;
		if (stat(names.items[i], &cst) != 0) {
			fail(e, YG_ERR_IO, names.items[i], strerror(errno));
			continue;
		}
		if (S_ISDIR(cst.st_mode))
			expand_dir(e, names.items[i], &cst);
		else if (S_ISREG(cst.st_mode) && !has_txt_suffix(names.items[i]) && has_txt_suffix_nocase(names.items[i]))
			e->other_case++;
		else if (S_ISREG(cst.st_mode) && has_txt_suffix(names.items[i])) {
			e->txt++;
			if (own_output(names.items[i]))
				fail(e, YG_OK, names.items[i], "an entity list written by ytegraph, not an article; skipped");
			else
				add_file(e, names.items[i], &cst);
		}
	}
	e->open.len--;
	yg_pathlist_free(&names);
}

yg_status yg_expand_inputs(char *const *inputs, int n, yg_pathlist *out,
                           yg_report_fn report, void *ctx)
{
	expander e;
	memset(&e, 0, sizeof e);
	e.out = out;
	e.report = report;
	e.ctx = ctx;
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
			size_t before = e.txt, files = e.files.len;
			e.txt = e.other_case = 0;
			expand_dir(&e, in, &st);
			if (e.txt == 0 && e.files.len == files)
				fail(&e, YG_ERR_IO, in, e.other_case
				     ? "no *.txt file in this folder (names are case-sensitive: rename the *.TXT files, or name them as inputs)"
				     : "no *.txt file in this folder");
			e.txt += before;
		} else
			add_file(&e, in, &st);
	}
	free(e.dirs.items);
	free(e.files.items);
	free(e.open.items);
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

/* The last `levels` + 1 components of path, without the extension of
 * the last one ("." components skipped); *whole when none is left out. */
static char *tail_id(const char *path, size_t levels, int *whole)
{
	const char *end = path + strlen(path), *start = end;
	size_t taken = 0;
	*whole = 1;
	for (const char *p = end; p > path;) {
		const char *slash = p - 1;
		while (slash > path && *slash != '/')
			slash--;
		const char *comp = *slash == '/' ? slash + 1 : slash;
		size_t len = (size_t)(p - comp);
		p = slash;
		if (len == 0 || (len == 1 && *comp == '.'))
			continue;
		if (taken++ > levels) {
			*whole = 0;
			break;
		}
		start = comp;
	}
	const char *base = strrchr(start, '/');
	base = base ? base + 1 : start;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - start) : (size_t)(end - start);
	return yg_xstrndup(start, n);
}

/* A file name as an id: valid UTF-8 (a bad byte becomes U+FFFD), no
 * control characters ('_'), so it can go into every output. */
static char *clean_id(char *raw)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	size_t n = strlen(raw);
	for (size_t i = 0; i < n;) {
		size_t bad = yg_utf8_invalid_at(raw + i, n - i);
		yg_buf_add(&b, raw + i, bad);
		i += bad;
		if (i < n) {
			yg_buf_add(&b, "\xEF\xBF\xBD", 3);
			i++;
		}
	}
	for (char *p = b.s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	free(raw);
	return yg_buf_take(&b);
}

char *yg_doc_id(const char *path)
{
	if (strcmp(path, "-") == 0)
		return yg_xstrdup("stdin");
	int whole;
	return clean_id(tail_id(path, 0, &whole));
}

typedef struct {
	char *key; /* the article IRI of the id, without base */
	size_t i;
} id_key;

static int cmp_key(const void *a, const void *b)
{
	int c = strcmp(((const id_key *)a)->key, ((const id_key *)b)->key);
	if (c)
		return c;
	size_t x = ((const id_key *)a)->i, y = ((const id_key *)b)->i;
	return x < y ? -1 : x > y;
}

char **yg_doc_ids(const yg_pathlist *paths)
{
	size_t n = paths->len;
	char **ids = yg_xcalloc(n + 1, sizeof *ids);
	size_t *levels = yg_xcalloc(n + 1, sizeof *levels);
	id_key *keys = yg_xcalloc(n + 1, sizeof *keys);
	for (size_t i = 0; i < n; i++)
		ids[i] = yg_doc_id(paths->items[i]);
	/* Ids whose articles would meet take one more folder each, until
	 * they part ("a/x" and "b/x") or the paths are used up. */
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < n; i++) {
			keys[i].key = yg_article_iri("", ids[i]);
			keys[i].i = i;
		}
		yg_sort(keys, n, sizeof *keys, cmp_key);
		for (size_t a = 0, b; a < n; a = b) {
			for (b = a + 1; b < n && strcmp(keys[a].key, keys[b].key) == 0; b++)
				;
			for (size_t k = a; b - a > 1 && k < b; k++) {
				size_t i = keys[k].i;
				int whole;
				if (strcmp(paths->items[i], "-") == 0)
					continue;
				char *longer = tail_id(paths->items[i], levels[i] + 1, &whole);
				(void)whole;
				char *id = clean_id(longer);
				if (strcmp(id, ids[i]) != 0) {
					free(ids[i]);
					ids[i] = id;
					levels[i]++;
					changed = 1;
				} else {
					free(id);
				}
			}
		}
		for (size_t i = 0; i < n; i++)
			free(keys[i].key);
	}
	free(keys);
	free(levels);
	return ids;
}
