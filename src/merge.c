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
 * written "(cũ)" with the new unit's name is the new unit.  A
 * reorganisation ("tổ chức lại") is a merger only when it names several
 * merged units (one unit reorganised is a conversion).  A planned
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

/* from merged into into (add_pair checked that they may). */
static void merge_pair(const yg_ctx *c, const yg_mention *from, const yg_mention *into, const char *date)
{
	yg_document *d = c->d;
	const char *gdate = NULL;
	int gz = from->concept >= 0 && into->concept >= 0 && from->concept != into->concept &&
	         gazetteer_merged(c->lx, from->concept, into->concept, &gdate);
	const char *when = date ? date : gdate;
	yg_document_relate(d, from->entity, YG_R_MERGED_INTO, into->entity, NULL, when);
	/* two units of merged provinces: the provinces merged too */
	if (from->type != YG_T_PROVINCE && gz) {
		yg_cite was = d->cite;
		yg_document_cite(d, "merge.provinces-of-units", d->cite.tok);
		int32_t pa = yg_province_entity(c, from->concept, from->place_start, from->place_end);
		int32_t pb = yg_province_entity(c, into->concept, into->place_start, into->place_end);
		yg_document_relate(d, pa, YG_R_MERGED_INTO, pb, NULL, when);
		d->cite = was;
	}
}

/* The pairs a sentence's merger names, applied together at the end, so
 * that a cue which needs several merged units ("tổ chức lại": one unit
 * reorganised is no merger) can give none.  Mention indices, not
 * pointers: relating may add mentions. */
typedef struct {
	size_t (*p)[2];
	size_t n, cap, units;
} pairs;

static void add_pair(const yg_document *d, pairs *ps, size_t from, size_t into)
{
	const yg_mention *a = &d->mentions.items[from], *b = &d->mentions.items[into];
	if (merge_kind(a) != merge_kind(b) || a->entity == b->entity)
		return;
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 8;
		ps->p = yg_xrealloc(ps->p, ps->cap * sizeof *ps->p);
	}
	ps->p[ps->n][0] = from;
	ps->p[ps->n][1] = into;
	ps->n++;
}

/* Does the sentence give the date a change holds from ("từ ngày 1/4")? */
static int effective_date(const yg_ctx *c, size_t s0, size_t s1)
{
	const yg_document *d = c->d;
	for (size_t k = s0; k < s1; k++) {
		size_t n = yg_role_at(c, k, YG_ROLE_SINCE);
		if (n && (yg_role_at(c, k + n, YG_ROLE_DATE_WORD) || yg_tok_has(d, k + n, YG_TOK_NUM)))
			return 1;
	}
	return 0;
}

/* A planned merger: a planning word ("dự kiến", "đề án", "khi") in the
 * clause before the cue (back to a comma or the sentence start, at most
 * PLAN_REACH tokens: a bound, so that a sentence of many cues costs a
 * linear time), or "sẽ" in a sentence that gives no date the change holds
 * from. */
enum { PLAN_REACH = 40 };

static int planned(const yg_ctx *c, size_t cue, size_t s0, size_t s1)
{
	const yg_document *d = c->d;
	for (size_t back = 1; back <= PLAN_REACH && back <= cue - s0; back++) {
		size_t k = cue - back;
		if (yg_tok_punct(d, k, ',') || yg_tok_punct(d, k, ';'))
			break;
		if (yg_role_at(c, k, YG_ROLE_PLANNED))
			return 1;
		if (yg_role_at(c, k, YG_ROLE_FUTURE))
			return !effective_date(c, s0, s1);
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

/* Tokens between two items of a list of merged units at most: "(cũ),
 * và", "; - ", "; 3." */
enum { LIST_GAP = 6 };

/* The merger of the sentence of cue [cue, cue + len), with the list its
 * colon introduces; returns one past the last token it used (the cue
 * alone when it found none in its sentence alone: a later cue of the
 * sentence may). */
static size_t merge_sentence(const yg_ctx *c, size_t cue, size_t len, size_t min_units)
{
	const yg_document *d = c->d;
	uint32_t sent = d->toks.items[cue].sent;
	size_t lo, hi, last_lo, s0 = cue;
	size_t s1 = yg_sentence_list_end(d, cue);
	while (s0 > 0 && d->toks.items[s0 - 1].sent == sent)
		s0--;
	if (planned(c, cue, s0, s1))
		return cue + len;
	yg_sentence_mentions(d, sent, &lo, &hi);
	yg_sentence_mentions(d, d->toks.items[s1 - 1].sent, &last_lo, &hi);
	char *date = yg_date_between(c, s0, s1);
	/* "A thành các đơn vị trực thuộc D": as "A hợp nhất thành D" */
	size_t dir = yg_role_at(c, cue, YG_ROLE_MERGE_JOIN)       ? cue + len - 1
	             : yg_role_at(c, cue + len, YG_ROLE_MERGE_SOURCE) ? 0
	                                                             : direction_after(c, cue, lo, hi);
	const yg_mention *target = NULL;
	size_t ti = 0;
	pairs ps = {0};
	yg_document *dd = c->d;
	yg_document_cite(dd, dir == cue + len - 1 ? "merge.join" : dir ? "merge.direction" : "merge.after-cue", (uint32_t)cue);
	if (dir) {
		for (size_t i = lo; i < hi && !target; i++)
			if (merge_kind(&d->mentions.items[i]) && d->mentions.items[i].tok_start > dir)
				target = &d->mentions.items[ti = i];
		int between = 0;
		for (size_t i = lo; target && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start > cue && m->tok_start < dir && merge_kind(m) == merge_kind(target)) {
				add_pair(d, &ps, i, ti);
				between = 1;
			}
		}
		if (!between && dir != cue + len - 1)
			yg_document_cite(dd, "merge.before-cue", (uint32_t)cue);
		for (size_t i = lo; target && !between && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start < cue && merge_kind(m) == merge_kind(target))
				add_pair(d, &ps, i, ti);
		}
	} else {
		/* the merged units: a list right after the cue, no clause
		 * break before its first ("về sáp nhập tỉnh, Sở Y tế A ..."
		 * names none); units after "trực thuộc" own, not merge */
		size_t f = lo;
		while (f < hi && (d->mentions.items[f].tok_start <= cue || !merge_kind(&d->mentions.items[f]) ||
		                  yg_role_before(c, d->mentions.items[f].tok_start, YG_ROLE_BELONGS_TO)))
			f++;
		for (size_t k = cue + len; f < hi && k < d->mentions.items[f].tok_start; k++)
			if (yg_tok_punct(d, k, ',') || yg_tok_punct(d, k, ';'))
				f = hi;
		/* the new unit: the last one before the cue of the first merged
		 * one's kind ("Trung tâm A trực thuộc Sở Y tế trên cơ sở hợp
		 * nhất ...": not the Sở) */
		int kind = f < hi ? merge_kind(&d->mentions.items[f]) : 0;
		for (size_t i = lo; kind && i < hi; i++)
			if (merge_kind(&d->mentions.items[i]) == kind && d->mentions.items[i].tok_start < cue)
				target = &d->mentions.items[ti = i];
		size_t prev_end = f < hi ? d->mentions.items[f].tok_start : 0;
		for (size_t i = f; target && i < hi; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->tok_start > prev_end + LIST_GAP)
				break; /* the list has ended */
			if (merge_kind(m) == kind && !yg_role_before(c, m->tok_start, YG_ROLE_BELONGS_TO)) {
				add_pair(d, &ps, i, ti);
				prev_end = m->tok_end;
			}
		}
	}
	int found = ps.n >= min_units; /* min_units is at least 1 */
	for (size_t k = 0; found && k < ps.n; k++)
		merge_pair(c, &d->mentions.items[ps.p[k][0]], &d->mentions.items[ps.p[k][1]], date);
	free(ps.p);
	free(date);
	/* a list on the lines after a colon is read once: a cue inside one of
	 * its items does not read the rest again (a million items) */
	return found || d->toks.items[s1 - 1].sent != sent ? s1 : cue + len;
}

/* Cues a sentence may try before it is given up: each try reads the
 * sentence, so a sentence of a million cues stays linear. */
enum { CUES_PER_SENTENCE = 4 };

void yg_relate_mergers(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint32_t sent = UINT32_MAX;
	int tries = 0;
	const uint64_t cues = 1ull << YG_ROLE_MERGER | 1ull << YG_ROLE_MERGE_JOIN | 1ull << YG_ROLE_REORGANISE;
	for (size_t i = yg_next_role(c, 0, cues); i < d->toks.len; i = yg_next_role(c, i + 1, cues)) {
		size_t n, min_units = 1;
		if (!yg_tok_live(d, i))
			continue;
		if ((n = yg_role_at(c, i, YG_ROLE_MERGER)) == 0 && (n = yg_role_at(c, i, YG_ROLE_MERGE_JOIN)) == 0 &&
		    (n = yg_role_at(c, i, YG_ROLE_REORGANISE)) > 0)
			min_units = 2; /* "tổ chức lại" one unit: a conversion */
		if (!n)
			continue;
		if (d->toks.items[i].sent != sent) {
			sent = d->toks.items[i].sent;
			tries = 0;
		}
		if (tries++ < CUES_PER_SENTENCE)
			i = merge_sentence(c, i, n, min_units) - 1;
	}
}
