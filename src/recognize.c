#include "recognize.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Stage 1 reads tokens only; stage 2 (officials) reads what stage 1 kept.
 * Within a stage the order is not significant: overlaps are settled below
 * by span and type priority, never by the order the recognisers ran in. */
static const yg_recognizer_fn stage1[] = {
	yg_recognize_bodies, yg_recognize_facilities, yg_recognize_hospitals,
	yg_recognize_documents, yg_recognize_persons,
};
static const yg_recognizer_fn stage2[] = {
	yg_recognize_officials,
};

static int cmp_mentions(const void *pa, const void *pb)
{
	const yg_mention *a = pa, *b = pb;
	uint32_t la = a->tok_end - a->tok_start, lb = b->tok_end - b->tok_start;
	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->type != b->type)
		return yg_etype_priority((yg_etype)a->type) > yg_etype_priority((yg_etype)b->type) ? -1 : 1;
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

/* Mentions are sorted by two words each (yg_key2), made once per
 * mention: a mention is some 120 bytes and its comparison a call, while
 * the words compare inline.  The mention's index ends the key, so equal
 * mentions keep their order, as the stable sort by cmp_* did. */
typedef yg_key2 mention_key;

/* The order of cmp_mentions: longest span first, then type priority,
 * then priority, then position. */
static mention_key overlap_of(const yg_mention *m, size_t i)
{
	uint32_t len = m->tok_end - m->tok_start;
	unsigned type_rank = 7u - (unsigned)yg_etype_priority((yg_etype)m->type);
	mention_key k = {(uint64_t)(UINT32_MAX - len) << 32 | (uint64_t)type_rank << 16 | (0xFFFFu - m->priority),
	                 (uint64_t)m->tok_start << 32 | i};
	return k;
}

/* The order of cmp_position: by start, then end, then index. */
static mention_key position_of(const yg_mention *m, size_t i)
{
	mention_key k = {(uint64_t)m->tok_start << 32 | m->tok_end, i};
	return k;
}

/* d's first n mentions in the order of key_of, which agrees with cmp
 * (n < 2^32: the index fits a word's half); d->mentions.items may move. */
static void sort_by_key(yg_document *d, size_t n, mention_key (*key_of)(const yg_mention *, size_t),
                        int (*cmp)(const void *, const void *))
{
	yg_mention *m = d->mentions.items;
	if (n < 2 || n > UINT32_MAX) {
		yg_sort(m, n, sizeof *m, cmp);
		return;
	}
	mention_key *keys = yg_xmalloc(2 * n * sizeof *keys);
	size_t i = 0;
	for (; i < n; i++)
		keys[i] = key_of(&m[i], i);
	for (i = 1; i < n && yg_key2_before(&keys[i - 1], &keys[i]); i++)
		;
	if (i < n) {
		yg_sort_key2(keys, keys + n, n);
		/* into a new array of the same room, which replaces the old */
		yg_mention *sorted = yg_xmalloc(d->mentions.cap * sizeof *sorted);
		for (i = 0; i < n; i++)
			sorted[i] = m[(uint32_t)keys[i].lo];
		free(m);
		d->mentions.items = sorted;
	}
	free(keys);
}

/* Keep a non-overlapping set: longest span first, then type priority. */
static void keep_non_overlapping(yg_document *d)
{
	size_t n = d->mentions.len;
	sort_by_key(d, n, overlap_of, cmp_mentions);
	yg_mention *m = d->mentions.items;
	unsigned char *taken = calloc(d->toks.len + 1, 1);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		int clash = 0;
		for (uint32_t k = m[i].tok_start; k < m[i].tok_end && !clash; k++)
			clash = taken[k];
		if (clash) {
			yg_mention_clear(&m[i]);
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
	sort_by_key(d, kept, position_of, cmp_position);
}

/* The province a kept mention names: a Province, or the province a body,
 * facility or hospital is named with ("Sở Y tế TP.HCM"); -1 for none. */
static int32_t named_province(const yg_mention *m)
{
	return m->type == YG_T_RESOLUTION || m->type == YG_T_OFFICIAL ? -1 : m->concept;
}

/* The article's province: one named on the first two content lines
 * (headline, dateline), else the one named most (Thủ đô counts for Hà
 * Nội).  Read from the kept mentions, so a city or a local place that
 * shares a province's name ("thành phố Thanh Hóa", "Trạm Y tế Hòa Bình")
 * does not count. */
static int32_t article_province(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint32_t first_lines[2] = {UINT32_MAX, UINT32_MAX};
	for (size_t li = 0, n = 0; li < d->toks.nlines && n < 2; li++) {
		const yg_line *l = &d->toks.lines[li];
		if (!l->masked && l->tok_first < l->tok_end)
			first_lines[n++] = (uint32_t)li;
	}
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		uint32_t line = d->toks.items[m->tok_start].line;
		if (line > first_lines[1] && first_lines[1] != UINT32_MAX)
			break;
		if (named_province(m) >= 0 && (line == first_lines[0] || line == first_lines[1]))
			return m->concept;
	}
	/* the provinces named, sorted: the longest run is the one named most,
	 * the first of equal runs the lowest concept (no count per concept of
	 * the lexicon, which is most of it zeros) */
	size_t n = yg_lexicon_count(c->lx), k = 0;
	yg_key2 *named = yg_xmalloc(2 * (d->mentions.len + 1) * sizeof *named);
	for (size_t i = 0; i < d->mentions.len; i++) {
		int32_t pc = named_province(&d->mentions.items[i]);
		if (pc >= 0 && (size_t)pc < n)
			named[k++] = (yg_key2){(uint64_t)pc, i};
	}
	yg_sort_key2(named, named + k, k);
	int32_t best = -1;
	size_t best_run = 0;
	for (size_t i = 0, run; i < k; i += run) {
		for (run = 1; i + run < k && named[i + run].hi == named[i].hi; run++)
			;
		if (run > best_run) {
			best_run = run;
			best = (int32_t)named[i].hi;
		}
	}
	free(named);
	return best;
}

void yg_recognize(yg_ctx *c)
{
	yg_document *d = c->d;
	yg_recognize_provinces(c);
	for (size_t r = 0; r < sizeof stage1 / sizeof stage1[0]; r++)
		stage1[r](c);
	keep_non_overlapping(d);
	yg_document_index_mentions(d);
	d->province_concept = article_province(c);
	for (size_t r = 0; r < sizeof stage2 / sizeof stage2[0]; r++)
		stage2[r](c);
	keep_non_overlapping(d);
	yg_document_index_mentions(d);
}
