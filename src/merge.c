/* merge.c — mergedInto: units the text says were merged into another.
 *
 * Around a merger cue (lexicon/cues.ttl: "sáp nhập", "hợp nhất" ...), in
 * its sentence:
 *   "hợp nhất A, B và C thành D", "sáp nhập A vào D": what lies between
 *       the cue and the direction word ("thành", "vào") merged into the first
 *       unit after it; with nothing between, the units before the cue did
 *       ("A và B hợp nhất thành D");
 *   "D được thành lập trên cơ sở hợp nhất A (cũ) và B (cũ)": what follows
 *       the cue merged into the last unit before it; so does "D hợp nhất từ
 *       A và B" (the source word "từ");
 * for provinces, departments, centres and hospitals alike (a hospital may
 * merge into a centre), never between a unit and a province.  The one
 * written "(cũ)" with the new unit's name is the new unit.  A planned
 * merger ("sẽ", "dự kiến", "đề án") is no merger.  The date is the one the
 * sentence gives, else the gazetteer's; two departments of provinces the
 * gazetteer says merged give the province merger too. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "relation.h"

/* Merger kinds: provinces with provinces, bodies with bodies, health
 * units (hospitals, facilities) with each other. */
static int merge_kind(const yg_mention *m)
{
	if (m->entity < 0)
		return 0;
	switch (m->type) {
	case YG_T_PROVINCE:
		return 1;
	case YG_T_BODY:
		return 2;
	case YG_T_HOSPITAL:
	case YG_T_FACILITY:
		return 3;
	default:
		return 0;
	}
}

/* Does the gazetteer say province a merged into province b? */
static int gazetteer_merged(const yg_lexicon *lx, int32_t a, int32_t b, const char **date)
{
	const yg_concept *ca = yg_lexicon_concept(lx, (size_t)a);
	*date = ca->merger_date;
	return ca->merged_into == b;
}

static void merge_pair(const yg_ctx *c, const yg_mention *from, const yg_mention *into, const char *date)
{
	yg_document *d = c->d;
	if (merge_kind(from) != merge_kind(into) || from->entity == into->entity)
		return;
	const char *gdate = NULL;
	int gz = from->concept >= 0 && into->concept >= 0 && from->concept != into->concept &&
	         gazetteer_merged(c->lx, from->concept, into->concept, &gdate);
	const char *when = date ? date : gdate;
	yg_document_relate(d, from->entity, YG_R_MERGED_INTO, into->entity, NULL, when);
	/* two units of merged provinces: the provinces merged too */
	if (from->type != YG_T_PROVINCE && gz) {
		int32_t pa = yg_province_entity(c, from->concept, from->place_start, from->place_end);
		int32_t pb = yg_province_entity(c, into->concept, into->place_start, into->place_end);
		yg_document_relate(d, pa, YG_R_MERGED_INTO, pb, NULL, when);
	}
}

/* A planned merger: a planning word ("sẽ", "dự kiến", "đề án") in the
 * clause before the cue (back to a comma or the sentence start). */
static int planned(const yg_ctx *c, size_t cue)
{
	const yg_document *d = c->d;
	uint32_t sent = d->toks.items[cue].sent;
	for (size_t back = 1; back <= 8 && back <= cue; back++) {
		size_t k = cue - back;
		if (d->toks.items[k].sent != sent || yg_tok_punct(d, k, ',') || yg_tok_punct(d, k, ';'))
			break;
		if (yg_role_at(c, k, YG_ROLE_PLANNED))
			return 1;
	}
	return 0;
}

/* Is token k a free word (not inside a kept mention)? */
static int outside_mentions(const yg_document *d, size_t lo, size_t hi, size_t k)
{
	for (size_t i = lo; i < hi; i++)
		if (d->mentions.items[i].tok_start <= k && k < d->mentions.items[i].tok_end)
			return 0;
	return 1;
}

/* The direction word after the cue ("thành", "vào") in its sentence, not
 * inside a name ("thành phố"): its token, or 0. */
static size_t direction_after(const yg_ctx *c, size_t cue, size_t lo, size_t hi)
{
	const yg_document *d = c->d;
	uint32_t sent = d->toks.items[cue].sent;
	for (size_t k = cue + 1; k < d->toks.len && d->toks.items[k].sent == sent; k++)
		if (yg_role_at(c, k, YG_ROLE_MERGE_DIRECTION) && !yg_phrase(c, k, YG_LEX_UNIT, NULL) &&
		    outside_mentions(d, lo, hi, k))
			return k;
	return 0;
}

static void merge_sentence(const yg_ctx *c, size_t cue, size_t len)
{
	const yg_document *d = c->d;
	uint32_t sent = d->toks.items[cue].sent;
	size_t lo, hi, s0 = cue;
	yg_sentence_mentions(d, sent, &lo, &hi);
	while (s0 > 0 && d->toks.items[s0 - 1].sent == sent)
		s0--;
	size_t s1 = cue;
	while (s1 < d->toks.len && d->toks.items[s1].sent == sent)
		s1++;
	char *date = yg_date_between(c, s0, s1);
	size_t dir = yg_role_at(c, cue + len, YG_ROLE_MERGE_SOURCE) ? 0 : direction_after(c, cue, lo, hi);
	const yg_mention *target = NULL;
	if (dir) {
		for (size_t i = lo; i < hi && !target; i++)
			if (merge_kind(&d->mentions.items[i]) && d->mentions.items[i].tok_start > dir)
				target = &d->mentions.items[i];
		int between = 0;
		for (size_t i = lo; target && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start > cue && m->tok_start < dir && merge_kind(m) == merge_kind(target)) {
				merge_pair(c, m, target, date);
				between = 1;
			}
		}
		for (size_t i = lo; target && !between && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start < cue && merge_kind(m) == merge_kind(target))
				merge_pair(c, m, target, date);
		}
	} else {
		for (size_t i = lo; i < hi; i++)
			if (merge_kind(&d->mentions.items[i]) && d->mentions.items[i].tok_start < cue)
				target = &d->mentions.items[i];
		for (size_t i = lo; target && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start > cue)
				merge_pair(c, m, target, date);
		}
	}
	free(date);
}

void yg_relate_mergers(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->toks.len; i++) {
		size_t n;
		if (d->toks.items[i].sent != done && yg_tok_live(d, i) && (n = yg_role_at(c, i, YG_ROLE_MERGER)) > 0 &&
		    !planned(c, i)) {
			done = d->toks.items[i].sent;
			merge_sentence(c, i, n);
		}
	}
}
