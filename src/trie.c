#include "trie.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* ---- key table: open addressing (yg_hash_table) ---- */

/* Keys live end to end in one pool, not one allocation each, and the
 * first slots and key references inside the table itself: documents make
 * short-lived tables of a few keys to a few hundred (resolve.c,
 * locate.c). */
enum { FIRST_SLOTS = 64, FIRST_KEYS = 16 };

typedef struct {
	size_t off;      /* in pool */
	uint32_t len;
} key_ref;

struct yg_keytab {
	key_ref *refs;   /* refs[id], id 0 unused */
	char *pool;
	size_t pool_len, pool_cap;
	uint32_t nkeys, keys_cap;
	uint32_t *slots; /* 0 = empty, else id */
	size_t nslots;
	uint64_t stamp;  /* changes whenever the ids could */
	uint32_t first_slots[FIRST_SLOTS];
	key_ref first_refs[FIRST_KEYS];
};

/* Stamps are unique in the process, so a cache keyed on one can never
 * mistake a new table (maybe at a freed one's address) for an old one. */
static uint64_t next_stamp(void)
{
	static _Atomic uint64_t counter;
	return ++counter;
}

uint64_t yg_keytab_stamp(const yg_keytab *kt) { return kt->stamp; }

yg_keytab *yg_keytab_new(void)
{
	yg_keytab *kt = yg_xcalloc(1, sizeof *kt);
	/* small to start: documents make short-lived tables (resolve.c) */
	kt->nslots = FIRST_SLOTS;
	kt->slots = kt->first_slots;
	kt->keys_cap = FIRST_KEYS;
	kt->refs = kt->first_refs;
	kt->nkeys = 1;
	kt->stamp = next_stamp();
	return kt;
}

void yg_keytab_free(yg_keytab *kt)
{
	if (!kt)
		return;
	if (kt->refs != kt->first_refs)
		free(kt->refs);
	if (kt->slots != kt->first_slots)
		free(kt->slots);
	free(kt->pool);
	free(kt);
}

static size_t probe(const yg_keytab *kt, const char *s, size_t n)
{
	size_t mask = kt->nslots - 1;
	size_t i = (size_t)yg_hash_table(s, n) & mask;
	for (;;) {
		uint32_t id = kt->slots[i];
		if (id == 0)
			return i;
		if (kt->refs[id].len == n && memcmp(kt->pool + kt->refs[id].off, s, n) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

uint32_t yg_keytab_find(const yg_keytab *kt, const char *s, size_t n)
{
	return kt->slots[probe(kt, s, n)];
}

static void grow(yg_keytab *kt)
{
	uint32_t *old = kt->slots;
	size_t oldn = kt->nslots;
	kt->nslots *= 2;
	kt->slots = yg_xcalloc(kt->nslots, sizeof *kt->slots);
	for (size_t i = 0; i < oldn; i++)
		if (old[i]) {
			const key_ref *r = &kt->refs[old[i]];
			kt->slots[probe(kt, kt->pool + r->off, r->len)] = old[i];
		}
	if (old != kt->first_slots)
		free(old);
}

uint32_t yg_keytab_intern(yg_keytab *kt, const char *s, size_t n)
{
	size_t i = probe(kt, s, n);
	if (kt->slots[i])
		return kt->slots[i];
	if ((size_t)kt->nkeys * 2 >= kt->nslots) {
		grow(kt);
		i = probe(kt, s, n);
	}
	if (kt->nkeys == kt->keys_cap) {
		kt->keys_cap *= 2;
		if (kt->refs == kt->first_refs) {
			kt->refs = yg_xmalloc(kt->keys_cap * sizeof *kt->refs);
			memcpy(kt->refs, kt->first_refs, sizeof kt->first_refs);
		} else {
			kt->refs = yg_xrealloc(kt->refs, kt->keys_cap * sizeof *kt->refs);
		}
	}
	if (kt->pool_len + n + 1 > kt->pool_cap) {
		size_t cap = kt->pool_cap ? kt->pool_cap : 1024;
		while (cap < kt->pool_len + n + 1)
			cap *= 2;
		kt->pool = yg_xrealloc(kt->pool, cap);
		kt->pool_cap = cap;
	}
	if (n)
		memcpy(kt->pool + kt->pool_len, s, n);
	kt->refs[kt->nkeys] = (key_ref){kt->pool_len, (uint32_t)n};
	kt->pool_len += n;
	kt->slots[i] = kt->nkeys;
	kt->stamp = next_stamp();
	return kt->nkeys++;
}

/* ---- trie: per-node sorted edge arrays ---- */

static int32_t new_node(yg_trie *t)
{
	if (t->len == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->nodes = yg_xrealloc(t->nodes, t->cap * sizeof *t->nodes);
	}
	memset(&t->nodes[t->len], 0, sizeof t->nodes[0]);
	return (int32_t)t->len++;
}

yg_trie *yg_trie_new(void)
{
	yg_trie *t = yg_xcalloc(1, sizeof *t);
	new_node(t);
	return t;
}

void yg_trie_free(yg_trie *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->len; i++) {
		free(t->nodes[i].edges);
		free(t->nodes[i].pay);
	}
	free(t->nodes);
	free(t->root_child);
	free(t);
}

/* Index of the first edge with key >= k. */
static uint32_t lower_bound(const yg_trie_node *n, uint32_t k)
{
	uint32_t lo = 0, hi = n->nedges;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (n->edges[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int32_t yg_trie_search(const yg_trie_node *n, uint32_t key)
{
	uint32_t i = lower_bound(n, key);
	return i < n->nedges && n->edges[i].key == key ? n->edges[i].child : -1;
}

static void root_set(yg_trie *t, uint32_t key, int32_t child)
{
	if (key >= t->root_len) {
		uint32_t n = t->root_len ? t->root_len : 256;
		while (n <= key)
			n *= 2;
		t->root_child = yg_xrealloc(t->root_child, n * sizeof *t->root_child);
		memset(t->root_child + t->root_len, 0, (n - t->root_len) * sizeof *t->root_child);
		t->root_len = n;
	}
	t->root_child[key] = child;
}

void yg_trie_add(yg_trie *t, const uint32_t *keys, size_t nkeys, yg_payload p)
{
	int32_t cur = YG_TRIE_ROOT;
	for (size_t k = 0; k < nkeys; k++) {
		int32_t next = yg_trie_step(t, cur, keys[k]);
		if (next < 0) {
			next = new_node(t);
			yg_trie_node *n = &t->nodes[cur];
			uint32_t i = lower_bound(n, keys[k]);
			n->filter |= 1ull << (keys[k] & 63);
			n->edges = yg_xrealloc(n->edges, (n->nedges + 1) * sizeof *n->edges);
			memmove(&n->edges[i + 1], &n->edges[i], (n->nedges - i) * sizeof *n->edges);
			n->edges[i].key = keys[k];
			n->edges[i].child = next;
			n->nedges++;
			if (cur == YG_TRIE_ROOT)
				root_set(t, keys[k], next);
		}
		cur = next;
	}
	yg_trie_node *n = &t->nodes[cur];
	for (uint32_t i = 0; i < n->npay; i++)
		if (n->pay[i].kind == p.kind && n->pay[i].concept == p.concept)
			return;
	n->pay = yg_xrealloc(n->pay, (n->npay + 1) * sizeof *n->pay);
	n->pay[n->npay++] = p;
	n->kinds |= 1u << p.kind;
	n->roles |= p.role ? 1ull << p.role : 0;
}

const int32_t *yg_trie_roots(const yg_trie *t, uint32_t *len)
{
	*len = t->root_len;
	return t->root_child;
}

