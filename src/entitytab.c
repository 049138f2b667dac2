#include "entitytab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Strings and attributes are never freed one by one: a label or code
 * that a smaller one replaces stays in its block (it is rare). */
enum { BLOCK = 64 << 10, CHUNK_BITS = 12, CHUNK = 1 << CHUNK_BITS, INDEX0 = 1024, READ = 16 << 10 };

/* A record's head: type (2 bytes), mentions (8), the hash of the path (8,
 * so the thread that merges does not hash), then path and label. */
enum { HEAD = 18 };

/* The table's bytes in memory before a run is spilled: 85,000 entities
 * of a 100 MB corpus take 20 MB.  YTEGRAPH_ENTITY_BUDGET (bytes) sets it,
 * so that tests make small inputs spill. */
enum { BUDGET = 4 << 20 };

typedef struct attr {
	struct attr *next;
	uint8_t kind;
	char s[];
} attr;

typedef struct {
	const char *path;  /* the IRI after the base */
	const char *label; /* the smallest seen */
	attr *attrs;       /* newest first */
	uint64_t mentions;
	uint16_t type;
} node;

typedef struct block {
	struct block *next;
	size_t used, cap;
	char data[];
} block;

/* (node, alias) pairs seen: a node's aliases grow with the corpus, and
 * scanning its list for each mention was quadratic. */
typedef struct {
	uint64_t hash;     /* 0: empty */
	uint32_t node;
	const char *alias; /* compared in full on a hash match */
} pair;

/* A source of node records when merging runs: a run in the spill file
 * (read with pread, a buffer at a time) or the last run, in memory. */
typedef struct {
	int fd;            /* -1: all of it is in buf */
	off_t pos, end;    /* in the file: what is not read yet */
	char *buf;
	size_t blen, bpos;
	yg_buf rec;        /* the current record */
	int done;
} source;

/* A record, parsed: pointers into its source's rec. */
typedef struct {
	uint16_t type;
	uint64_t mentions;
	const char *path, *label, *attrs;
} record;

struct yg_entitytab {
	char *base;
	size_t base_len;
	/* nodes in chunks of CHUNK: the table grows without copying (a
	 * doubling array holds 1.5 times its size while it moves) */
	node **chunks;
	size_t nchunks, len;
	uint32_t *index; /* open addressing by path: node index + 1 */
	size_t index_cap;
	pair *pairs;
	size_t pairs_cap, npairs;
	block *blocks;
	/* after yg_entitytab_finish */
	node **order;
	yg_node view;
	yg_buf iri;
	size_t view_cap;   /* of view.aliases.items and view.degrees.items */
	/* Past `budget` bytes the table is written to the spill file as a
	 * run sorted by path and emptied; yg_entitytab_finish merges the
	 * runs into one more, read back a node at a time. */
	size_t mem, budget;
	FILE *spill;       /* NULL: nothing spilled (or it cannot be) */
	int nospill;
	struct {
		off_t *items;  /* run k is [items[k], items[k + 1]) */
		size_t len, cap;
	} runs;
	source *src;       /* the runs, oldest first, then the last in memory */
	size_t nsrc;
	size_t merged_len; /* distinct nodes over all runs */
	size_t next;       /* the node yg_entitytab_node gives next */
	yg_buf cur;        /* the node the view shows, merged (a record) */
	struct {
		const char **items;
		size_t len, cap;
	} pick[YG_ATTR_COUNT]; /* strings of the node being merged, by kind */
	int finished;
};

static node *node_at(const yg_entitytab *t, size_t i)
{
	return &t->chunks[i >> CHUNK_BITS][i & (CHUNK - 1)];
}

yg_entitytab *yg_entitytab_new(const char *base)
{
	yg_entitytab *t = yg_xcalloc(1, sizeof *t);
	t->base = yg_xstrdup(base);
	t->base_len = strlen(base);
	t->index_cap = INDEX0;
	t->index = yg_xcalloc(t->index_cap, sizeof *t->index);
	t->mem = t->index_cap * sizeof *t->index;
	yg_buf_init(&t->iri);
	const char *b = getenv("YTEGRAPH_ENTITY_BUDGET");
	t->budget = b && *b ? strtoull(b, NULL, 10) : BUDGET;
	yg_buf_init(&t->cur);
	return t;
}

/* Free the nodes and their strings (the index is the caller's). */
static void drop_nodes(yg_entitytab *t)
{
	for (block *b = t->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	t->blocks = NULL;
	for (size_t i = 0; i < t->nchunks; i++)
		free(t->chunks[i]);
	free(t->chunks);
	t->chunks = NULL;
	t->nchunks = t->len = 0;
	free(t->pairs);
	t->pairs = NULL;
	t->pairs_cap = t->npairs = 0;
}

void yg_entitytab_free(yg_entitytab *t)
{
	if (!t)
		return;
	drop_nodes(t);
	free(t->index);
	free(t->order);
	if (t->spill)
		fclose(t->spill);
	free(t->runs.items);
	for (size_t i = 0; i < t->nsrc; i++) {
		free(t->src[i].buf);
		yg_buf_free(&t->src[i].rec);
	}
	free(t->src);
	yg_buf_free(&t->cur);
	for (size_t k = 0; k < YG_ATTR_COUNT; k++)
		free(t->pick[k].items);
	free(t->view.aliases.items);
	free(t->view.degrees.items);
	yg_buf_free(&t->iri);
	free(t->base);
	free(t);
}

size_t yg_entitytab_count(yg_entitytab *t)
{
	if (t->runs.len && !t->finished)
		yg_entitytab_finish(t);
	return t->runs.len ? t->merged_len : t->len;
}

static void *arena(yg_entitytab *t, size_t n)
{
	n = (n + 7) & ~(size_t)7; /* attributes hold a pointer */
	block *b = t->blocks;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;
		b = yg_xmalloc(sizeof *b + cap);
		t->mem += sizeof *b + cap;
		b->cap = cap;
		b->used = 0;
		b->next = t->blocks;
		t->blocks = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

static const char *arena_str(yg_entitytab *t, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena(t, n), s, n);
}

static attr *new_attr(yg_entitytab *t, node *n, yg_attr_kind k, const char *s)
{
	size_t len = strlen(s) + 1;
	attr *a = arena(t, sizeof *a + len);
	a->kind = (uint8_t)k;
	memcpy(a->s, s, len);
	a->next = n->attrs;
	n->attrs = a;
	return a;
}

/* ---- index by path ---- */

static uint32_t *slot_of(yg_entitytab *t, const char *path, uint64_t h)
{
	size_t mask = t->index_cap - 1, i = (size_t)h & mask;
	while (t->index[i] && strcmp(node_at(t, t->index[i] - 1)->path, path) != 0)
		i = (i + 1) & mask;
	return &t->index[i];
}

static void index_grow(yg_entitytab *t)
{
	free(t->index);
	t->mem += t->index_cap * sizeof *t->index;
	t->index_cap *= 2;
	t->index = yg_xcalloc(t->index_cap, sizeof *t->index);
	for (size_t i = 0; i < t->len; i++) {
		const char *p = node_at(t, i)->path;
		*slot_of(t, p, yg_hash64(p, strlen(p))) = (uint32_t)(i + 1);
	}
}

static node *new_node(yg_entitytab *t, uint32_t *slot, uint16_t type, const char *path, const char *label)
{
	if (t->len == t->nchunks * CHUNK) {
		t->chunks = yg_xrealloc(t->chunks, (t->nchunks + 1) * sizeof *t->chunks);
		t->chunks[t->nchunks++] = yg_xmalloc(CHUNK * sizeof(node));
		t->mem += CHUNK * sizeof(node);
	}
	node *n = node_at(t, t->len++);
	memset(n, 0, sizeof *n);
	n->type = type;
	n->path = arena_str(t, path);
	n->label = arena_str(t, label);
	if (t->len * 2 >= t->index_cap)
		index_grow(t);
	else
		*slot = (uint32_t)t->len;
	return n;
}

/* ---- attributes ---- */

static uint64_t pair_hash(uint32_t n, const char *alias)
{
	uint64_t h = yg_hash64(alias, strlen(alias)) ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);
	return h ? h : 1;
}

static pair *pair_slot(yg_entitytab *t, uint64_t h, uint32_t n, const char *alias)
{
	size_t mask = t->pairs_cap - 1, i = (size_t)h & mask;
	for (pair *p; (p = &t->pairs[i])->hash; i = (i + 1) & mask)
		if (p->hash == h && p->node == n && strcmp(p->alias, alias) == 0)
			return p;
	return &t->pairs[i];
}

static void pairs_grow(yg_entitytab *t)
{
	pair *old = t->pairs;
	size_t oldn = t->pairs_cap;
	t->pairs_cap = oldn ? oldn * 2 : 256;
	t->pairs = yg_xcalloc(t->pairs_cap, sizeof *t->pairs);
	t->mem += (t->pairs_cap - oldn) * sizeof *t->pairs;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].hash)
			*pair_slot(t, old[i].hash, old[i].node, old[i].alias) = old[i];
	free(old);
}

static void add_alias(yg_entitytab *t, node *n, uint32_t id, const char *a)
{
	if (strcmp(a, n->label) == 0)
		return;
	if ((t->npairs + 1) * 2 > t->pairs_cap)
		pairs_grow(t);
	uint64_t h = pair_hash(id, a);
	pair *p = pair_slot(t, h, id, a);
	if (p->hash)
		return;
	p->hash = h;
	p->node = id;
	p->alias = new_attr(t, n, YG_ATTR_ALIAS, a)->s;
	t->npairs++;
}

/* Degrees are few per entity: a scan, as yg_strlist_add does. */
static void add_degree(yg_entitytab *t, node *n, const char *d)
{
	for (const attr *a = n->attrs; a; a = a->next)
		if (a->kind == YG_ATTR_DEGREE && strcmp(a->s, d) == 0)
			return;
	new_attr(t, n, YG_ATTR_DEGREE, d);
}

/* Keep the smallest value, so that what two articles disagree on does not
 * depend on the order of the inputs. */
static void set_min(yg_entitytab *t, node *n, yg_attr_kind k, const char *s)
{
	for (attr **pa = &n->attrs; *pa; pa = &(*pa)->next)
		if ((*pa)->kind == k) {
			if (strcmp(s, (*pa)->s) < 0) {
				attr *old = *pa, *a = new_attr(t, n, k, s);
				n->attrs = a->next; /* new_attr put it first: move it here */
				a->next = old->next;
				*pa = a;
			}
			return;
		}
	new_attr(t, n, k, s);
}

/* ---- records ---- */

static void put_str(yg_buf *b, const char *s)
{
	yg_buf_add(b, s, strlen(s) + 1);
}

void yg_entitytab_put_head(yg_buf *b, uint16_t type, uint64_t mentions, const char *path, const char *label)
{
	char head[HEAD];
	uint64_t h = yg_hash64(path, strlen(path));
	memcpy(head, &type, 2);
	memcpy(head + 2, &mentions, 8);
	memcpy(head + 10, &h, 8);
	yg_buf_add(b, head, sizeof head);
	put_str(b, path);
	put_str(b, label);
}

void yg_entitytab_put_attr(yg_buf *b, yg_attr_kind k, const char *s)
{
	yg_buf_putc(b, (char)k);
	put_str(b, s);
}

void yg_entitytab_put_end(yg_buf *b)
{
	yg_buf_putc(b, (char)YG_ATTR_END);
	/* yg_buf_putc keeps a NUL after the bytes, not in them */
}

/* ---- runs ---- */

static int cmp_path(const void *a, const void *b)
{
	return strcmp((*(node *const *)a)->path, (*(node *const *)b)->path);
}

static node **sorted_nodes(const yg_entitytab *t)
{
	node **order = yg_xmalloc((t->len + 1) * sizeof *order);
	for (size_t i = 0; i < t->len; i++)
		order[i] = node_at(t, i);
	yg_sort(order, t->len, sizeof *order, cmp_path);
	return order;
}

/* A node as a record (the digest's form) after its length. */
static void put_node(yg_buf *b, const node *n)
{
	size_t at = b->len;
	uint32_t len = 0;
	yg_buf_add(b, (const char *)&len, 4);
	yg_entitytab_put_head(b, n->type, n->mentions, n->path, n->label);
	for (const attr *a = n->attrs; a; a = a->next)
		yg_entitytab_put_attr(b, (yg_attr_kind)a->kind, a->s);
	yg_entitytab_put_end(b);
	len = (uint32_t)(b->len - at - 4);
	memcpy(b->s + at, &len, 4);
}

static void reset_index(yg_entitytab *t)
{
	free(t->index);
	t->index_cap = INDEX0;
	t->index = yg_xcalloc(t->index_cap, sizeof *t->index);
	t->mem = t->index_cap * sizeof *t->index;
}

/* Write the table to the spill file as a run sorted by path and empty
 * it.  When the file cannot be made or written, the table stays in
 * memory (as it was before runs existed) and no more runs are made. */
static void spill_run(yg_entitytab *t)
{
	if (!t->spill && !(t->spill = tmpfile())) {
		t->nospill = 1;
		return;
	}
	off_t end = t->runs.len ? t->runs.items[t->runs.len - 1] : 0;
	int bad = fseeko(t->spill, end, SEEK_SET) != 0;
	node **order = sorted_nodes(t);
	yg_buf b;
	yg_buf_init(&b);
	for (size_t i = 0; i < t->len && !bad; i++) {
		put_node(&b, order[i]);
		if (b.len >= READ || i + 1 == t->len) {
			bad = fwrite(b.s, 1, b.len, t->spill) != b.len;
			end += (off_t)b.len;
			b.len = 0;
		}
	}
	bad = bad || fflush(t->spill) != 0;
	yg_buf_free(&b);
	free(order);
	if (bad) {
		t->nospill = 1;
		return;
	}
	YG_VEC_PUSH(t->runs, end);
	drop_nodes(t);
	reset_index(t);
}

static void die(const char *what)
{
	perror(what);
	exit(EXIT_FAILURE);
}

/* Read n bytes of s into dst: 1, or 0 at its end. */
static int src_read(source *s, char *dst, size_t n)
{
	while (n) {
		if (s->bpos == s->blen) {
			if (s->fd < 0 || s->pos >= s->end)
				return 0;
			size_t want = s->end - s->pos < READ ? (size_t)(s->end - s->pos) : READ;
			ssize_t got = pread(s->fd, s->buf, want, s->pos);
			if (got <= 0)
				die("ytegraph: reading back the entity table's temporary file");
			s->pos += got;
			s->blen = (size_t)got;
			s->bpos = 0;
		}
		size_t k = s->blen - s->bpos < n ? s->blen - s->bpos : n;
		memcpy(dst, s->buf + s->bpos, k);
		s->bpos += k;
		dst += k;
		n -= k;
	}
	return 1;
}

static void parse(const char *p, record *r)
{
	memcpy(&r->type, p, 2);
	memcpy(&r->mentions, p + 2, 8);
	r->path = p + HEAD;
	r->label = r->path + strlen(r->path) + 1;
	r->attrs = r->label + strlen(r->label) + 1;
}

/* The next record of s into s->rec; sets s->done at the end. */
static void src_next(source *s)
{
	uint32_t len;
	if (s->done || !src_read(s, (char *)&len, 4)) {
		s->done = 1;
		return;
	}
	s->rec.len = 0;
	yg_buf_reserve(&s->rec, len);
	if (!src_read(s, s->rec.s, len))
		die("ytegraph: the entity table's temporary file is cut short");
	s->rec.len = len;
}

const char *yg_entitytab_merge(yg_entitytab *t, const char *rec)
{
	uint16_t type;
	uint64_t mentions;
	memcpy(&type, rec, 2);
	memcpy(&mentions, rec + 2, 8);
	uint64_t h;
	memcpy(&h, rec + 10, 8);
	const char *path = rec + HEAD, *label = path + strlen(path) + 1, *p = label + strlen(label) + 1;
	uint32_t *slot = slot_of(t, path, h);
	int fresh = !*slot;
	uint32_t id = fresh ? (uint32_t)t->len : *slot - 1;
	node *n = fresh ? new_node(t, slot, type, path, label) : node_at(t, id);
	if (!fresh) {
		/* the smallest label wins; the other becomes an alias */
		if (strcmp(label, n->label) < 0) {
			const char *old = n->label;
			n->label = arena_str(t, label);
			add_alias(t, n, id, old);
		} else {
			add_alias(t, n, id, label);
		}
	}
	while (*p != YG_ATTR_END) {
		yg_attr_kind k = (yg_attr_kind)*p++;
		switch (k) {
		case YG_ATTR_ALIAS: add_alias(t, n, id, p); break;
		case YG_ATTR_DEGREE: add_degree(t, n, p); break;
		case YG_ATTR_WIKIDATA:
			if (fresh)
				new_attr(t, n, k, p);
			break;
		default: set_min(t, n, k, p); break;
		}
		p += strlen(p) + 1;
	}
	n->mentions += mentions;
	if (t->mem > t->budget && !t->nospill)
		spill_run(t);
	return p + 1;
}

/* ---- in IRI order ---- */

/* Back to the first record of every source. */
static void rewind_sources(yg_entitytab *t)
{
	for (size_t i = 0; i < t->nsrc; i++) {
		source *s = &t->src[i];
		s->done = 0;
		s->bpos = 0;
		if (s->fd >= 0) {
			s->pos = i ? t->runs.items[i - 1] : 0;
			s->blen = 0;
		}
		src_next(s);
	}
}

/* The smallest path among the sources' current records, or NULL. */
static const char *min_path(const yg_entitytab *t)
{
	const char *min = NULL;
	for (size_t i = 0; i < t->nsrc; i++) {
		const source *s = &t->src[i];
		if (!s->done) {
			const char *p = s->rec.s + HEAD;
			if (!min || strcmp(p, min) < 0)
				min = p;
		}
	}
	return min;
}

static int cmp_str(const void *a, const void *b);

/* Sort and unique the strings of kind k; drop `except` from them. */
static void pick_sort(yg_entitytab *t, yg_attr_kind k, const char *except)
{
	const char **v = t->pick[k].items;
	size_t n = t->pick[k].len, u = 0;
	yg_sort(v, n, sizeof *v, cmp_str);
	for (size_t i = 0; i < n; i++)
		if ((u == 0 || strcmp(v[u - 1], v[i]) != 0) && !(except && strcmp(v[i], except) == 0))
			v[u++] = v[i];
	t->pick[k].len = u;
}

/* Merge the records of the smallest path into t->cur (when `keep`) and
 * move past them: 0 when every source is done.  The runs are in input
 * order, so the first record holds the node's type and Wikidata link,
 * as the first mention made them; the label is the smallest, the others
 * are aliases; codes the smallest; the rest the union. */
static int merge_next(yg_entitytab *t, int keep)
{
	const char *path = min_path(t);
	if (!path)
		return 0;
	if (keep) {
		record first = {0};
		const char *label = NULL;
		uint64_t mentions = 0;
		for (size_t k = 0; k < YG_ATTR_COUNT; k++)
			t->pick[k].len = 0;
		for (size_t i = 0; i < t->nsrc; i++) {
			source *s = &t->src[i];
			if (s->done || strcmp(s->rec.s + HEAD, path) != 0)
				continue;
			record r;
			parse(s->rec.s, &r);
			if (!label)
				first = r;
			if (!label || strcmp(r.label, label) < 0)
				label = r.label;
			mentions += r.mentions;
			YG_VEC_PUSH(t->pick[YG_ATTR_ALIAS], r.label); /* a label that lost is another name */
			for (const char *p = r.attrs; *p != YG_ATTR_END; p += strlen(p + 1) + 2)
				if ((unsigned char)*p < YG_ATTR_COUNT)
					YG_VEC_PUSH(t->pick[(unsigned char)*p], p + 1);
		}
		yg_buf *b = &t->cur;
		b->len = 0;
		yg_entitytab_put_head(b, first.type, mentions, path, label);
		for (const char *p = first.attrs; *p != YG_ATTR_END; p += strlen(p + 1) + 2)
			if (*p == YG_ATTR_WIKIDATA)
				yg_entitytab_put_attr(b, YG_ATTR_WIKIDATA, p + 1);
		for (yg_attr_kind k = YG_ATTR_ALIAS; k < YG_ATTR_WIKIDATA; k++) {
			pick_sort(t, k, k == YG_ATTR_ALIAS ? label : NULL);
			/* names and degrees: all; codes: the smallest */
			size_t n = k == YG_ATTR_ALIAS || k == YG_ATTR_DEGREE ? t->pick[k].len : t->pick[k].len != 0;
			for (size_t i = 0; i < n; i++)
				yg_entitytab_put_attr(b, k, t->pick[k].items[i]);
		}
		yg_entitytab_put_end(b);
	}
	/* path points into a source's record: compare with a copy */
	size_t plen = strlen(path);
	char *at = yg_xstrndup(path, plen);
	for (size_t i = 0; i < t->nsrc; i++)
		if (!t->src[i].done && strcmp(t->src[i].rec.s + HEAD, at) == 0)
			src_next(&t->src[i]);
	free(at);
	return 1;
}

void yg_entitytab_finish(yg_entitytab *t)
{
	if (t->finished)
		return;
	t->finished = 1;
	free(t->pairs); /* the index and the pairs are not needed to write */
	t->pairs = NULL;
	t->pairs_cap = t->npairs = 0;
	if (!t->runs.len) {
		t->order = sorted_nodes(t);
		return;
	}
	/* the last run stays in memory */
	yg_buf last;
	yg_buf_init(&last);
	node **order = sorted_nodes(t);
	for (size_t i = 0; i < t->len; i++)
		put_node(&last, order[i]);
	free(order);
	drop_nodes(t);
	free(t->index);
	t->index = NULL;
	t->index_cap = 0;
	t->nsrc = t->runs.len + 1;
	t->src = yg_xcalloc(t->nsrc, sizeof *t->src);
	for (size_t i = 0; i < t->nsrc; i++) {
		source *s = &t->src[i];
		yg_buf_init(&s->rec);
		if (i < t->runs.len) {
			s->fd = fileno(t->spill);
			s->end = t->runs.items[i];
			s->buf = yg_xmalloc(READ);
		} else {
			s->fd = -1;
			s->blen = last.len;
			s->buf = yg_buf_take(&last);
		}
	}
	rewind_sources(t);
	while (merge_next(t, 0))
		t->merged_len++;
	t->next = SIZE_MAX; /* the next call rewinds */
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Point the view's lists at room for n strings. */
static void view_room(yg_entitytab *t, size_t n)
{
	yg_node *v = &t->view;
	if (n > t->view_cap) {
		t->view_cap = n;
		v->aliases.items = yg_xrealloc(v->aliases.items, n * sizeof *v->aliases.items);
		v->degrees.items = yg_xrealloc(v->degrees.items, n * sizeof *v->degrees.items);
	}
	v->aliases.len = v->degrees.len = 0;
	v->identifier = v->doctype = v->date = v->wikidata = NULL;
}

static void view_iri(yg_entitytab *t, const char *path)
{
	t->iri.len = 0;
	yg_buf_add(&t->iri, t->base, t->base_len);
	yg_buf_puts(&t->iri, path);
	t->view.iri = t->iri.s;
}

/* Node i after runs were spilled: merged anew from the runs when i is
 * not the one after the last asked for (writers ask in order). */
static const yg_node *merged_node(yg_entitytab *t, size_t i)
{
	if (i != t->next) {
		rewind_sources(t);
		for (size_t k = 0; k < i; k++)
			merge_next(t, 0);
	}
	merge_next(t, 1);
	t->next = i + 1;
	record r;
	parse(t->cur.s, &r);
	size_t nattrs = 0;
	for (const char *p = r.attrs; *p != YG_ATTR_END; p += strlen(p + 1) + 2)
		nattrs++;
	view_room(t, nattrs);
	yg_node *v = &t->view;
	view_iri(t, r.path);
	v->type = r.type;
	v->label = (char *)r.label;
	v->mentions = (size_t)r.mentions;
	for (char *p = (char *)r.attrs; *p != YG_ATTR_END; p += strlen(p + 1) + 2) {
		char *str = p + 1;
		switch ((yg_attr_kind)*p) {
		case YG_ATTR_ALIAS: v->aliases.items[v->aliases.len++] = str; break;
		case YG_ATTR_DEGREE: v->degrees.items[v->degrees.len++] = str; break;
		case YG_ATTR_IDENTIFIER: v->identifier = str; break;
		case YG_ATTR_DOCTYPE: v->doctype = str; break;
		case YG_ATTR_DATE: v->date = str; break;
		case YG_ATTR_WIKIDATA: v->wikidata = str; break;
		default: break;
		}
	}
	return v;
}

const yg_node *yg_entitytab_node(yg_entitytab *t, size_t i)
{
	if (t->runs.len) {
		yg_entitytab_finish(t);
		return merged_node(t, i);
	}
	const node *n = t->order ? t->order[i] : node_at(t, i);
	yg_node *v = &t->view;
	size_t nattrs = 0;
	for (const attr *a = n->attrs; a; a = a->next)
		nattrs++;
	view_room(t, nattrs);
	view_iri(t, n->path);
	v->type = n->type;
	v->label = (char *)n->label;
	v->mentions = (size_t)n->mentions;
	for (attr *a = n->attrs; a; a = a->next) {
		switch ((yg_attr_kind)a->kind) {
		case YG_ATTR_ALIAS:
			/* an alias seen before the label that won was a label */
			if (strcmp(a->s, n->label) != 0)
				v->aliases.items[v->aliases.len++] = a->s;
			break;
		case YG_ATTR_DEGREE: v->degrees.items[v->degrees.len++] = a->s; break;
		case YG_ATTR_IDENTIFIER: v->identifier = a->s; break;
		case YG_ATTR_DOCTYPE: v->doctype = a->s; break;
		case YG_ATTR_DATE: v->date = a->s; break;
		case YG_ATTR_WIKIDATA: v->wikidata = a->s; break;
		default: break;
		}
	}
	yg_sort(v->aliases.items, v->aliases.len, sizeof *v->aliases.items, cmp_str);
	yg_sort(v->degrees.items, v->degrees.len, sizeof *v->degrees.items, cmp_str);
	return v;
}
