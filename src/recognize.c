#include "recognize.h"

#include <stdlib.h>

/* The recognisers, in no significant order: overlaps are settled below by
 * span and type priority, never by the order they ran in. */
static const yg_recognizer_fn recognizers[] = {
	yg_recognize_provinces,
};

/* Higher wins among equal spans. */
static const int type_priority[YG_T_COUNT] = {
	[YG_T_HOSPITAL] = 6, [YG_T_FACILITY] = 5, [YG_T_BODY] = 4,
	[YG_T_RESOLUTION] = 3, [YG_T_OFFICIAL] = 2, [YG_T_PROVINCE] = 1,
};

static int cmp_mentions(const void *pa, const void *pb)
{
	const yg_mention *a = pa, *b = pb;
	uint32_t la = a->tok_end - a->tok_start, lb = b->tok_end - b->tok_start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->type != b->type)
		return type_priority[a->type] > type_priority[b->type] ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	return a->tok_start < b->tok_start ? -1 : a->tok_start > b->tok_start;
}

static int cmp_position(const void *pa, const void *pb)
{
	const yg_mention *a = pa, *b = pb;
	if (a->tok_start != b->tok_start)
		return a->tok_start < b->tok_start ? -1 : 1;
	return a->tok_end < b->tok_end ? -1 : a->tok_end > b->tok_end;
}

void yg_recognize(yg_document *d, const yg_lexicon *lx)
{
	for (size_t r = 0; r < sizeof recognizers / sizeof recognizers[0]; r++)
		recognizers[r](d, lx);
	yg_mention *m = d->mentions.items;
	size_t n = d->mentions.len;
	qsort(m, n, sizeof *m, cmp_mentions);
	unsigned char *taken = calloc(d->toks.len + 1, 1);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		int clash = 0;
		for (uint32_t k = m[i].tok_start; k < m[i].tok_end && !clash; k++)
			clash = taken[k];
		if (clash) {
			free(m[i].label);
			continue;
		}
		for (uint32_t k = m[i].tok_start; k < m[i].tok_end; k++)
			taken[k] = 1;
		m[kept] = m[i];
		m[kept].entity = 0;
		kept++;
	}
	free(taken);
	d->mentions.len = kept;
	qsort(m, kept, sizeof *m, cmp_position);
}
