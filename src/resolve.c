#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void attach_mentions(yg_document *d)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0)
			continue;
		int32_t e = yg_document_entity(d, (yg_etype)m->type, m->label);
		m->entity = e;
		yg_entity *ent = &d->entities.items[e];
		if (ent->concept < 0)
			ent->concept = m->concept;
		yg_span sp = yg_document_span(d, m->tok_start, m->tok_end);
		YG_VEC_PUSH(ent->mentions, sp);
		size_t n = sp.end - sp.start;
		if (n != strlen(ent->label) || memcmp(d->text.s + sp.start, ent->label, n) != 0)
			yg_strlist_add(&ent->aliases, d->text.s + sp.start, n);
	}
}

/* The article's province: a province named on the first two lines wins
 * (headline, dateline); otherwise the most mentioned one, if any. */
static int32_t article_province(const yg_document *d)
{
	int32_t best = -1;
	size_t best_n = 0;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->type != YG_T_PROVINCE)
			continue;
		if (d->toks.items[m->tok_start].line < 2)
			return m->entity;
	}
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		if (ent->type == YG_T_PROVINCE && ent->mentions.len > best_n) {
			best = (int32_t)e;
			best_n = ent->mentions.len;
		}
	}
	return best;
}

void yg_resolve(yg_document *d, const yg_lexicon *lx)
{
	(void)lx;
	attach_mentions(d);
	d->province = article_province(d);
	if (!d->date)
		d->date = yg_find_date(d);
}
