/* match.c — longest-match lookups of lexicon phrases over tokens. */
#include "recognize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Walk the trie from token i; append every payload met. */
static void index_from(yg_document *d, const yg_trie *trie, size_t i, size_t *cap)
{
	const yg_tokens *t = &d->toks;
	int32_t nd = YG_TRIE_ROOT;
	for (size_t k = i; k < t->len && k - i < UINT16_MAX; k++) {
		if (t->items[k].flags & YG_TOK_MASKED)
			break;
		nd = yg_trie_step(trie, nd, t->items[k].key);
		if (nd < 0)
			break;
		const yg_payload *p;
		size_t np = yg_trie_payloads(trie, nd, &p);
		for (size_t j = 0; j < np; j++) {
			if (d->nmatch_items == *cap) {
				*cap = *cap ? *cap * 2 : 256;
				d->match_items = yg_xrealloc(d->match_items, *cap * sizeof *d->match_items);
			}
			struct yg_match_item *m = &d->match_items[d->nmatch_items++];
			m->kind = p[j].kind;
			m->len = (uint16_t)(k - i + 1);
			m->concept = p[j].concept;
		}
	}
}

void yg_match_index(yg_document *d, const yg_lexicon *lx)
{
	const yg_trie *trie = yg_lexicon_trie(lx);
	size_t n = d->toks.len, cap = 0;
	d->match_first = yg_xmalloc((n + 1) * sizeof *d->match_first);
	d->match_kinds = yg_xcalloc(n + 1, sizeof *d->match_kinds);
	for (size_t i = 0; i < n; i++) {
		d->match_first[i] = (uint32_t)d->nmatch_items;
		index_from(d, trie, i, &cap);
		for (uint32_t k = d->match_first[i]; k < d->nmatch_items; k++)
			d->match_kinds[i] |= 1u << d->match_items[k].kind;
	}
	d->match_first[n] = (uint32_t)d->nmatch_items;
}

void yg_mention_index(yg_document *d)
{
	free(d->mention_at_tok);
	d->mention_at_tok = yg_xmalloc((d->toks.len + 1) * sizeof *d->mention_at_tok);
	for (size_t i = 0; i <= d->toks.len; i++)
		d->mention_at_tok[i] = -1;
	for (size_t m = 0; m < d->mentions.len; m++)
		if (d->mentions.items[m].tok_start < d->toks.len)
			d->mention_at_tok[d->mentions.items[m].tok_start] = (int32_t)m;
}

/* Does concept c qualify: any concept when slug is NULL, else the one with
 * that local name. */
static int wanted(const yg_lexicon *lx, uint32_t c, const char *slug)
{
	if (!slug)
		return 1;
	const yg_concept *k = yg_lexicon_concept(lx, c);
	return k && strcmp(k->slug, slug) == 0;
}

/* Longest phrase of `kind` (and concept `slug`, when given) from token i. */
static size_t longest(const yg_document *d, const yg_lexicon *lx, size_t i, size_t end,
                      int kind, const char *slug, uint32_t *concept)
{
	if (i >= d->toks.len)
		return 0;
	size_t best = 0;
	if (d->match_first) {
		if (!(d->match_kinds[i] & (1u << kind)))
			return 0;
		for (uint32_t k = d->match_first[i]; k < d->match_first[i + 1]; k++) {
			const struct yg_match_item *m = &d->match_items[k];
			if (m->kind == kind && m->len >= best && i + m->len <= end &&
			    wanted(lx, m->concept, slug)) {
				if (m->len > best && concept)
					*concept = m->concept;
				best = m->len;
			}
		}
		return best;
	}
	/* no phrase index (documents built by hand): walk the trie */
	const yg_trie *trie = yg_lexicon_trie(lx);
	const yg_tokens *t = &d->toks;
	int32_t nd = YG_TRIE_ROOT;
	if (end > t->len)
		end = t->len;
	for (size_t k = i; k < end; k++) {
		if (t->items[k].flags & YG_TOK_MASKED)
			break;
		nd = yg_trie_step(trie, nd, t->items[k].key);
		if (nd < 0)
			break;
		const yg_payload *p;
		size_t np = yg_trie_payloads(trie, nd, &p);
		for (size_t j = 0; j < np; j++)
			if (p[j].kind == kind && wanted(lx, p[j].concept, slug)) {
				best = k - i + 1;
				if (concept)
					*concept = p[j].concept;
				break;
			}
	}
	return best;
}

size_t yg_match_phrase_at(const yg_document *d, const yg_lexicon *lx, size_t i,
                          size_t end, int kind, uint32_t *concept)
{
	return longest(d, lx, i, end, kind, NULL, concept);
}

size_t yg_cue_at_slow(const yg_document *d, const yg_lexicon *lx, size_t i, const char *cue)
{
	return longest(d, lx, i, d->toks.len, YG_LEX_CUE, cue, NULL);
}

/* Key id of a literal, cached by its address (callers pass string
 * literals, whose addresses do not change); one cache per thread. */
static uint32_t literal_id(const yg_keytab *kt, const char *lit)
{
	static _Thread_local struct {
		const char *lit;
		const yg_keytab *kt;
		uint32_t id;
	} cache[512];
	size_t slot = ((uintptr_t)lit >> 2) & 511;
	if (cache[slot].lit != lit || cache[slot].kt != kt) {
		cache[slot].lit = lit;
		cache[slot].kt = kt;
		cache[slot].id = yg_keytab_find(kt, lit, strlen(lit));
	}
	return cache[slot].id;
}

int yg_tok_eq(const yg_document *d, size_t i, const char *lit)
{
	if (i >= d->toks.len)
		return 0;
	/* Compare key ids when the word is interned (lexicon.c interns the
	 * words the recognisers use): a token folding to it would have
	 * found the same id.  Otherwise fold the token. */
	uint32_t id = d->keys ? literal_id(d->keys, lit) : YG_KEY_NONE;
	if (id != YG_KEY_NONE)
		return d->toks.items[i].key == id;
	return yg_token_is(d->text.s, &d->toks.items[i], lit);
}

int yg_tok_is(const yg_document *d, size_t i, const char *lit)
{
	return yg_tok_live(d, i) && yg_tok_eq(d, i, lit);
}

size_t yg_province_at(const yg_document *d, const yg_lexicon *lx, size_t i, uint32_t *concept)
{
	size_t n = yg_match_phrase(d, lx, i, d->toks.len, YG_LEX_PROVINCE, concept);
	for (size_t k = i; k < i + n; k++)
		if (d->toks.items[k].flags & YG_TOK_CAP)
			return n;
	return 0;
}

long yg_mention_at(const yg_document *d, size_t i)
{
	if (d->mention_at_tok)
		return i < d->toks.len ? d->mention_at_tok[i] : -1;
	for (size_t m = 0; m < d->mentions.len; m++)
		if (d->mentions.items[m].tok_start == i)
			return (long)m;
	return -1;
}

const char *yg_lex_prop(const yg_lexicon *lx, uint32_t c, const char *pred)
{
	const yg_concept *k = yg_lexicon_concept(lx, c);
	return k ? yg_concept_prop(k, pred) : NULL;
}

const char *yg_lex_label(const yg_lexicon *lx, uint32_t c)
{
	const yg_concept *k = yg_lexicon_concept(lx, c);
	return k ? k->pref : "";
}
