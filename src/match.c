/* match.c — the phrase index: longest-match lookups of lexicon phrases. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* A trie node whose payloads are phrases from a token: they are read
 * from the trie when asked for, not copied (a role word, met at one token
 * in two, carries some five payloads). */
struct yg_phrase_hit {
	int32_t node;
	uint32_t len; /* tokens */
};

struct yg_phrases {
	const yg_tokens *toks;
	const yg_trie *trie;
	uint32_t *first;   /* [len + 1] offsets into hits */
	uint32_t *kinds;   /* [len + 1] */
	uint64_t *roles;   /* [len + 1] */
	struct yg_phrase_hit *hits;
	size_t nhits, cap;
};

/* Note every node with payloads met on the walk from token i, whose
 * first step is nd > 0, and their kinds and roles in the masks of token
 * i. */
static void index_from(yg_phrases *px, const yg_trie *trie, int32_t nd, size_t i)
{
	const yg_tokens *t = px->toks;
	uint32_t kinds = 0;
	uint64_t roles = 0;
	for (size_t k = i; nd > 0;) {
		const yg_trie_node *node = &trie->nodes[nd];
		if (node->npay) {
			if (px->nhits == px->cap) {
				px->cap = px->cap ? px->cap * 2 : 256;
				px->hits = yg_xrealloc(px->hits, px->cap * sizeof *px->hits);
			}
			px->hits[px->nhits++] = (struct yg_phrase_hit){nd, (uint32_t)(k - i + 1)};
			kinds |= node->kinds;
			roles |= node->roles;
		}
		/* a node without edges ends the walk: no step to try */
		if (!node->nedges)
			break;
		if (++k >= t->len || k - i >= UINT16_MAX || (t->items[k].flags & YG_TOK_MASKED))
			break;
		nd = yg_trie_step(trie, nd, t->items[k].key);
	}
	px->kinds[i] = kinds;
	px->roles[i] = roles;
}

yg_phrases *yg_phrases_new(const yg_tokens *t, const yg_lexicon *lx)
{
	const yg_trie *trie = yg_lexicon_trie(lx);
	yg_phrases *px = yg_xcalloc(1, sizeof *px);
	size_t n = t->len;
	px->toks = t;
	px->trie = trie;
	px->first = yg_xmalloc((n + 1) * sizeof *px->first);
	px->kinds = yg_xmalloc((n + 1) * sizeof *px->kinds);
	px->roles = yg_xmalloc((n + 1) * sizeof *px->roles);
	uint32_t nroots;
	const int32_t *roots = yg_trie_roots(trie, &nroots);
	for (size_t i = 0; i < n; i++) {
		px->first[i] = (uint32_t)px->nhits;
		const yg_token *tk = &t->items[i];
		/* the root's table answers for most tokens: no phrase starts */
		if (!(tk->flags & YG_TOK_MASKED) && tk->key != YG_KEY_NONE && tk->key < nroots && roots[tk->key] > 0) {
			index_from(px, trie, roots[tk->key], i);
		} else {
			px->kinds[i] = 0;
			px->roles[i] = 0;
		}
	}
	px->first[n] = (uint32_t)px->nhits;
	px->kinds[n] = 0;
	px->roles[n] = 0;
	return px;
}

void yg_phrases_free(yg_phrases *px)
{
	if (!px)
		return;
	free(px->first);
	free(px->kinds);
	free(px->roles);
	free(px->hits);
	free(px);
}

yg_ctx yg_ctx_make(yg_document *d, const yg_lexicon *lx, const yg_phrases *px)
{
	yg_ctx c = {d, lx, px, px->kinds, px->roles};
	return c;
}

size_t yg_phrase_within(const yg_ctx *c, size_t i, size_t end, int kind, uint32_t *concept)
{
	const yg_phrases *px = c->px;
	if (i >= px->toks->len || !(px->kinds[i] & (1u << kind)))
		return 0;
	size_t best = 0;
	for (uint32_t h = px->first[i]; h < px->first[i + 1]; h++) {
		const struct yg_phrase_hit *hit = &px->hits[h];
		if (hit->len <= best || i + hit->len > end || !(yg_trie_kinds(px->trie, hit->node) & (1u << kind)))
			continue;
		const yg_payload *p;
		size_t np = yg_trie_payloads(px->trie, hit->node, &p);
		for (size_t k = 0; k < np; k++)
			if (p[k].kind == kind) {
				best = hit->len;
				if (concept)
					*concept = p[k].concept;
				break;
			}
	}
	return best;
}

size_t yg_role_slow(const yg_ctx *c, size_t i, yg_role r)
{
	const yg_phrases *px = c->px;
	size_t best = 0, word = 0;
	for (uint32_t h = px->first[i]; h < px->first[i + 1]; h++) {
		const struct yg_phrase_hit *hit = &px->hits[h];
		const yg_payload *p;
		size_t np = yg_trie_payloads(px->trie, hit->node, &p);
		for (size_t k = 0; k < np; k++) {
			if (p[k].role == r && hit->len > best)
				best = hit->len;
			if (p[k].role == YG_ROLE_WORD && hit->len > word)
				word = hit->len;
		}
	}
	/* "thành lập" is a word of its own, not the cue "thành" */
	return r == YG_ROLE_WORD || word <= best ? best : 0;
}

size_t yg_province_at(const yg_ctx *c, size_t i, uint32_t *concept)
{
	size_t n = yg_phrase(c, i, YG_LEX_PROVINCE, concept);
	for (size_t k = i; k < i + n; k++)
		if (c->d->toks.items[k].flags & YG_TOK_CAP)
			return n;
	return 0;
}

size_t yg_role_before(const yg_ctx *c, size_t i, yg_role r)
{
	for (size_t back = 1; back <= 3 && back <= i; back++)
		if (yg_role_at(c, i - back, r) == back)
			return back;
	return 0;
}

int yg_kind_before(const yg_ctx *c, size_t i, int kind)
{
	for (size_t back = 1; back <= 4 && back <= i; back++)
		if (yg_phrase_within(c, i - back, i, kind, NULL) == back)
			return 1;
	return 0;
}

int yg_tok_dash(const yg_document *d, size_t i)
{
	if (!yg_tok_live(d, i) || !(d->toks.items[i].flags & YG_TOK_PUNCT))
		return 0;
	const yg_token *t = &d->toks.items[i];
	const char *s = d->text.s + t->start;
	size_t n = t->end - t->start;
	return (n == 1 && *s == '-') ||
	       (n == 3 && (memcmp(s, "\xE2\x80\x93", 3) == 0 || memcmp(s, "\xE2\x80\x94", 3) == 0));
}
