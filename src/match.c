/* match.c — longest-match lookups of lexicon phrases over tokens. */
#include "recognize.h"

#include <string.h>

size_t yg_match_phrase(const yg_document *d, const yg_lexicon *lx, size_t i,
                       size_t end, int kind, uint32_t *concept)
{
	const yg_trie *trie = yg_lexicon_trie(lx);
	const yg_tokens *t = &d->toks;
	int32_t nd = YG_TRIE_ROOT;
	size_t best = 0;
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
			if (p[j].kind == kind) {
				best = k - i + 1;
				if (concept)
					*concept = p[j].concept;
				break;
			}
	}
	return best;
}

int yg_tok_live(const yg_document *d, size_t i)
{
	return i < d->toks.len && !(d->toks.items[i].flags & YG_TOK_MASKED);
}

int yg_tok_punct(const yg_document *d, size_t i, char c)
{
	if (!yg_tok_live(d, i))
		return 0;
	const yg_token *t = &d->toks.items[i];
	return (t->flags & YG_TOK_PUNCT) && t->end - t->start == 1 && d->text.s[t->start] == c;
}

int yg_tok_is(const yg_document *d, size_t i, const char *lit)
{
	return yg_tok_live(d, i) && yg_token_is(d->text.s, &d->toks.items[i], lit);
}

int yg_tok_capword(const yg_document *d, size_t i)
{
	if (!yg_tok_live(d, i))
		return 0;
	uint16_t f = d->toks.items[i].flags;
	return (f & YG_TOK_WORD) && (f & (YG_TOK_CAP | YG_TOK_ALLCAP));
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
