/* match.c — longest-match lookups of lexicon phrases over tokens. */
#include "recognize.h"

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
