#include "place.h"

size_t yg_local_place(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	size_t u = yg_phrase(c, i, YG_LEX_UNIT, NULL);
	if (!u)
		return 0;
	size_t k = i + u;
	while (k < d->toks.len && (yg_tok_capword(d, k) || (d->toks.items[k].flags & YG_TOK_NUM)) &&
	       d->toks.items[k].line == d->toks.items[i].line && !(d->toks.items[k].flags & YG_TOK_SENT_START)) {
		if (k - (i + u) >= 2 && yg_phrase(c, k, YG_LEX_FAMILY, NULL) && yg_tok_capword(d, k + 1))
			break;
		k++;
	}
	return k > i + u ? k - i : 0;
}

const char *yg_head_label(const yg_ctx *c, uint32_t concept)
{
	const yg_concept *k = yg_concept_of(c, concept);
	return k->expansion ? k->expansion : k->pref;
}

int yg_starts_capital(const yg_document *d, size_t i)
{
	return yg_tok_live(d, i) && (d->toks.items[i].flags & (YG_TOK_CAP | YG_TOK_ALLCAP));
}
