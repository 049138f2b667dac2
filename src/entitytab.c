#include "entitytab.h"

#include <stdlib.h>
#include <string.h>

/* Strings and attributes are never freed one by one: a label or code
 * that a smaller one replaces stays in its block (it is rare). */
enum { BLOCK = 64 << 10, CHUNK_BITS = 12, CHUNK = 1 << CHUNK_BITS };

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
	t->index_cap = 1024;
	t->index = yg_xcalloc(t->index_cap, sizeof *t->index);
	yg_buf_init(&t->iri);
	return t;
}

void yg_entitytab_free(yg_entitytab *t)
{
	if (!t)
		return;
	for (block *b = t->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	for (size_t i = 0; i < t->nchunks; i++)
		free(t->chunks[i]);
	free(t->chunks);
	free(t->index);
	free(t->pairs);
	free(t->order);
	free(t->view.aliases.items);
	free(t->view.degrees.items);
	yg_buf_free(&t->iri);
	free(t->base);
	free(t);
}

size_t yg_entitytab_count(const yg_entitytab *t) { return t->len; }

static void *arena(yg_entitytab *t, size_t n)
{
	n = (n + 7) & ~(size_t)7; /* attributes hold a pointer */
	block *b = t->blocks;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;
		b = yg_xmalloc(sizeof *b + cap);
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

static uint32_t *slot_of(yg_entitytab *t, const char *path, size_t plen)
{
	size_t mask = t->index_cap - 1, i = (size_t)yg_hash64(path, plen) & mask;
	while (t->index[i] && strcmp(node_at(t, t->index[i] - 1)->path, path) != 0)
		i = (i + 1) & mask;
	return &t->index[i];
}

static void index_grow(yg_entitytab *t)
{
	free(t->index);
	t->index_cap *= 2;
	t->index = yg_xcalloc(t->index_cap, sizeof *t->index);
	for (size_t i = 0; i < t->len; i++) {
		const char *p = node_at(t, i)->path;
		*slot_of(t, p, strlen(p)) = (uint32_t)(i + 1);
	}
}

static node *new_node(yg_entitytab *t, uint32_t *slot, uint16_t type, const char *path, const char *label)
{
	if (t->len == t->nchunks * CHUNK) {
		t->chunks = yg_xrealloc(t->chunks, (t->nchunks + 1) * sizeof *t->chunks);
		t->chunks[t->nchunks++] = yg_xmalloc(CHUNK * sizeof(node));
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
	char head[2 + 8];
	memcpy(head, &type, 2);
	memcpy(head + 2, &mentions, 8);
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

const char *yg_entitytab_merge(yg_entitytab *t, const char *rec)
{
	uint16_t type;
	uint64_t mentions;
	memcpy(&type, rec, 2);
	memcpy(&mentions, rec + 2, 8);
	const char *path = rec + 10, *label = path + strlen(path) + 1, *p = label + strlen(label) + 1;
	uint32_t *slot = slot_of(t, path, (size_t)(label - 1 - path));
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
	return p + 1;
}

/* ---- in IRI order ---- */

static int cmp_path(const void *a, const void *b)
{
	return strcmp((*(node *const *)a)->path, (*(node *const *)b)->path);
}

void yg_entitytab_finish(yg_entitytab *t)
{
	free(t->order);
	t->order = yg_xmalloc((t->len + 1) * sizeof *t->order);
	for (size_t i = 0; i < t->len; i++)
		t->order[i] = node_at(t, i);
	yg_sort(t->order, t->len, sizeof *t->order, cmp_path);
	/* the index and the pairs are not needed to write */
	free(t->pairs);
	t->pairs = NULL;
	t->pairs_cap = t->npairs = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const yg_node *yg_entitytab_node(yg_entitytab *t, size_t i)
{
	const node *n = t->order ? t->order[i] : node_at(t, i);
	yg_node *v = &t->view;
	size_t nattrs = 0;
	for (const attr *a = n->attrs; a; a = a->next)
		nattrs++;
	if (nattrs > t->view_cap) {
		t->view_cap = nattrs;
		v->aliases.items = yg_xrealloc(v->aliases.items, nattrs * sizeof *v->aliases.items);
		v->degrees.items = yg_xrealloc(v->degrees.items, nattrs * sizeof *v->degrees.items);
	}
	t->iri.len = 0;
	yg_buf_add(&t->iri, t->base, t->base_len);
	yg_buf_puts(&t->iri, n->path);
	v->type = n->type;
	v->iri = t->iri.s;
	v->label = (char *)n->label;
	v->mentions = (size_t)n->mentions;
	v->aliases.len = v->degrees.len = 0;
	v->identifier = v->doctype = v->date = v->wikidata = NULL;
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
