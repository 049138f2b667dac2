/* trie.h — interned syllable keys and a trie over key sequences.
 *
 * Lexicon phrases are tokenized like documents, each token's folded key is
 * interned to a small integer, and phrases become paths in the trie.  A
 * document token whose key was never interned gets YG_KEY_NONE and can
 * match nothing, so matching never allocates. Both structures are built
 * once, then only read (safe to share between threads). */
#ifndef YG_TRIE_H
#define YG_TRIE_H

#include <stddef.h>
#include <stdint.h>

#define YG_KEY_NONE 0u

typedef struct yg_keytab yg_keytab;

yg_keytab *yg_keytab_new(void);
void yg_keytab_free(yg_keytab *kt); /* accepts NULL */
/* Id of key s[0..n), adding it when absent (ids start at 1). */
uint32_t yg_keytab_intern(yg_keytab *kt, const char *s, size_t n);
/* Id of key s[0..n), or YG_KEY_NONE. */
/* A number that identifies the table's current contents: it differs
 * between tables and changes when a key is added (for caches). */
uint64_t yg_keytab_stamp(const yg_keytab *kt);
uint32_t yg_keytab_find(const yg_keytab *kt, const char *s, size_t n);

typedef struct {
	uint16_t kind;    /* what the phrase is: a yg_lex_kind */
	uint16_t role;    /* the concept's yg_role, copied for the phrase index */
	uint32_t concept; /* index of the concept in the lexicon */
} yg_payload;

/* Read the trie through the functions below: its layout is here so that
 * the step taken at every token of every document is inlined (and for
 * the tests that check it). */
typedef struct {
	uint32_t key;
	int32_t child;
} yg_trie_edge;

typedef struct {
	yg_trie_edge *edges; /* sorted by key */
	uint32_t nedges;
	uint32_t npay;
	yg_payload *pay;
	uint64_t filter;     /* bit key % 64 of each edge's key: most steps
	                        lead nowhere, and end at this bit */
	uint64_t roles;      /* bit role of each payload with a role */
	uint32_t kinds;      /* bit kind of each payload */
} yg_trie_node;

typedef struct yg_trie {
	yg_trie_node *nodes;
	size_t len, cap;
	/* The root is stepped from at every token: a direct table by key id
	 * (0 = no child; the root is never a child) instead of a search. */
	int32_t *root_child;
	uint32_t root_len;
} yg_trie;

yg_trie *yg_trie_new(void);
void yg_trie_free(yg_trie *t); /* accepts NULL */
/* Add a phrase; the same (kind, concept) twice on one path is stored once. */
void yg_trie_add(yg_trie *t, const uint32_t *keys, size_t n, yg_payload p);

#define YG_TRIE_ROOT 0

/* The child of a node other than the root along key (in its filter), or
 * -1: a binary search of its edges. */
int32_t yg_trie_search(const yg_trie_node *n, uint32_t key);

/* Child of `node` along `key`, or -1. */
static inline int32_t yg_trie_step(const yg_trie *t, int32_t nd, uint32_t key)
{
	if (key == YG_KEY_NONE || nd < 0)
		return -1;
	if (nd == YG_TRIE_ROOT)
		return key < t->root_len && t->root_child[key] ? t->root_child[key] : -1;
	const yg_trie_node *n = &t->nodes[nd];
	return (n->filter >> (key & 63)) & 1 ? yg_trie_search(n, key) : -1;
}

/* The root's children by key id (0: none), *len of them: the step every
 * token starts with, taken without a call.  Owned by the trie. */
const int32_t *yg_trie_roots(const yg_trie *t, uint32_t *len);

/* The kinds (bit kind) and roles (bit role, for payloads with one) of
 * the payloads ending at `node` >= 0. */
static inline uint32_t yg_trie_kinds(const yg_trie *t, int32_t nd) { return t->nodes[nd].kinds; }
static inline uint64_t yg_trie_roles(const yg_trie *t, int32_t nd) { return t->nodes[nd].roles; }

/* Payloads ending at `node`: *out points into the trie (owned by it). */
static inline size_t yg_trie_payloads(const yg_trie *t, int32_t nd, const yg_payload **out)
{
	if (nd < 0) {
		*out = NULL;
		return 0;
	}
	*out = t->nodes[nd].pay;
	return t->nodes[nd].npay;
}

#endif
