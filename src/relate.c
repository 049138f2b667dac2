#include "relate.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Entity of the kept mention starting at token t, or -1. */
static int32_t entity_at(const yg_document *d, long t)
{
	if (t < 0)
		return -1;
	long m = yg_mention_at(d, (size_t)t);
	return m >= 0 ? d->mentions.items[m].entity : -1;
}

/* Add a span to an entity's mentions unless it is there already. */
static void add_span(yg_entity *ent, yg_span sp)
{
	for (size_t i = 0; i < ent->mentions.len; i++)
		if (ent->mentions.items[i].start == sp.start)
			return;
	YG_VEC_PUSH(ent->mentions, sp);
}

/* The province entity of gazetteer concept c, created when the text names
 * it only inside another name (its span there becomes its mention). */
static int32_t province_entity(const yg_ctx *c, int32_t pc, uint32_t span_a, uint32_t span_b)
{
	yg_document *d = c->d;
	if (pc < 0)
		return -1;
	int32_t e = yg_document_entity(d, YG_T_PROVINCE, yg_province_name(c->lx, (size_t)pc, d->date));
	yg_entity *ent = &d->entities.items[e];
	ent->concept = pc;
	if (span_b > span_a)
		add_span(ent, yg_document_span(d, span_a, span_b));
	return e;
}

/* ---- links recorded by the recognisers ---- */

static void resolve_links(const yg_ctx *c)
{
	yg_document *d = c->d;
	yg_buf label;
	yg_buf_init(&label);
	for (size_t i = 0; i < d->links.len; i++) {
		const yg_link *l = &d->links.items[i];
		int32_t s = entity_at(d, (long)l->from_tok), o;
		if (l->to_tok >= 0) {
			o = entity_at(d, l->to_tok);
		} else if (l->of_article) {
			/* "Tỉnh ủy viên": the Tỉnh ủy of the article's province */
			if (d->province_concept < 0)
				continue;
			label.len = 0;
			yg_buf_printf(&label, "%s %s", l->to_label,
			              yg_province_name(c->lx, (size_t)d->province_concept, d->date));
			o = yg_document_entity(d, (yg_etype)l->to_type, label.s);
			d->entities.items[o].place = d->province_concept;
			if (l->to_b > l->to_a)
				add_span(&d->entities.items[o], yg_document_span(d, l->to_a, l->to_b));
		} else {
			o = yg_document_entity(d, (yg_etype)l->to_type, l->to_label);
			if (l->to_type == YG_T_PROVINCE)
				d->entities.items[o].concept = l->to_concept;
			if (l->to_b > l->to_a)
				add_span(&d->entities.items[o], yg_document_span(d, l->to_a, l->to_b));
		}
		if (s < 0 || o < 0)
			continue;
		if (l->p == YG_R_ISSUED_BY && d->entities.items[o].type != YG_T_BODY)
			continue;
		size_t before = d->relations.len;
		yg_document_relate(d, s, (yg_rtype)l->p, o, l->role, l->date);
		if (d->relations.len > before)
			d->relations.items[before].weight = l->weight;
	}
	yg_buf_free(&label);
}

/* One person, one post per body: the one the article gives most weight
 * (appointed over held over former), then the one stated last. */
typedef struct {
	int32_t s, o;
	uint8_t weight;
	size_t index;
} post;

static int cmp_post(const void *a, const void *b)
{
	const post *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->o != y->o)
		return x->o < y->o ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void one_post_per_body(yg_document *d)
{
	post *ps = yg_xmalloc((d->relations.len + 1) * sizeof *ps);
	uint8_t *keep = yg_xmalloc(d->relations.len + 1);
	size_t n = 0;
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		keep[i] = r->p != YG_R_MEMBER_OF;
		if (r->p == YG_R_MEMBER_OF)
			ps[n++] = (post){r->s, r->o, r->weight, i};
	}
	yg_sort(ps, n, sizeof *ps, cmp_post);
	for (size_t i = 0; i < n; i++)
		if (i + 1 == n || ps[i + 1].s != ps[i].s || ps[i + 1].o != ps[i].o)
			keep[ps[i].index] = 1; /* the last of its (s, o) group */
	yg_document_filter_relations(d, keep);
	free(keep);
	free(ps);
}

/* ---- issuers from codes ---- */

/* issuedBy by entity, kept up to date while relating (no scans). */
typedef struct {
	int32_t *of;
	size_t len;
} issuers;

static void issuers_init(issuers *is, const yg_document *d)
{
	is->len = d->entities.len;
	is->of = yg_xmalloc((is->len + 1) * sizeof *is->of);
	for (size_t e = 0; e < is->len; e++)
		is->of[e] = -1;
	for (size_t i = 0; i < d->relations.len; i++)
		if (d->relations.items[i].p == YG_R_ISSUED_BY && (size_t)d->relations.items[i].s < is->len)
			is->of[d->relations.items[i].s] = d->relations.items[i].o;
}

static int32_t issuer_of(const issuers *is, int32_t e)
{
	return e >= 0 && (size_t)e < is->len ? is->of[e] : -1;
}

static void set_issuer(yg_document *d, issuers *is, int32_t e, int32_t body)
{
	yg_document_relate(d, e, YG_R_ISSUED_BY, body, NULL, NULL);
	if (e >= 0 && (size_t)e < is->len && is->of[e] < 0)
		is->of[e] = body;
}

/* Label of the provincial body a code names: "Tỉnh ủy Lào Cai", or the
 * head's city form where the province is a city ("Thành ủy Hà Nội"). */
static char *provincial_issuer(const yg_ctx *c, int32_t head, int32_t prov)
{
	const char *date = c->d->date;
	const yg_concept *h = yg_lexicon_concept(c->lx, (size_t)head);
	const char *unit = yg_province_unit(c->lx, (size_t)prov, date);
	if (h->city_form >= 0) {
		const yg_concept *city = yg_lexicon_concept(c->lx, (size_t)h->city_form);
		if (unit && city->unit && strcmp(unit, city->unit) == 0)
			h = city;
	}
	return yg_strjoin(h->expansion ? h->expansion : h->pref, " ", yg_province_name(c->lx, (size_t)prov, date));
}

static void code_issuers(const yg_ctx *c, issuers *is)
{
	yg_document *d = c->d;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || !m->issuer_code || m->entity < 0 ||
		    issuer_of(is, m->entity) >= 0)
			continue;
		long ic = yg_lexicon_find_label(c->lx, YG_LEX_ISSUER, m->issuer_code);
		if (ic < 0)
			continue;
		const yg_concept *code = yg_lexicon_concept(c->lx, (size_t)ic);
		char *label = NULL;
		int32_t prov = -1;
		if (code->issuer)
			label = yg_xstrdup(code->issuer);
		else if (code->issuer_body >= 0 && d->province_concept >= 0) {
			prov = d->province_concept;
			label = provincial_issuer(c, code->issuer_body, prov);
		}
		if (!label)
			continue;
		int32_t o = yg_document_entity(d, YG_T_BODY, label);
		free(label);
		if (prov >= 0)
			d->entities.items[o].place = prov;
		/* the code names the issuer ("-TTg"): that token is its mention */
		add_span(&d->entities.items[o], yg_document_span(d, m->issuer_tok, m->issuer_tok + 1));
		set_issuer(d, is, m->entity, o);
		if (prov >= 0)
			yg_document_relate(d, o, YG_R_LOCATED_IN, province_entity(c, prov, 0, 0), NULL, NULL);
	}
}

/* "Nghị quyết 72 của Bộ Chính trị ... Nghị quyết số 57, số 71": later
 * documents of the same type cited by number alone share the issuer of the
 * last one cited with its issuer. */
static void inherit_issuers(yg_document *d, issuers *is)
{
	int32_t last = -1;
	const char *last_type = NULL;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || m->entity < 0)
			continue;
		int32_t by = issuer_of(is, m->entity);
		if (by >= 0) {
			last = by;
			last_type = m->doctype;
		} else if (m->is_short && last >= 0 && last_type && m->doctype && strcmp(last_type, m->doctype) == 0) {
			set_issuer(d, is, m->entity, last);
		}
	}
}

/* Central Party documents cited by number get their implied code:
 * "Nghị quyết 72" of the Politburo is 72-NQ/TW. */
static void implied_identifiers(const yg_ctx *c, const issuers *iss)
{
	yg_document *d = c->d;
	for (size_t e = 0; e < d->entities.len; e++) {
		yg_entity *ent = &d->entities.items[e];
		if (ent->type != YG_T_RESOLUTION || ent->identifier || !ent->doctype)
			continue;
		int32_t is = issuer_of(iss, (int32_t)e);
		const char *num = strrchr(ent->label, ' ');
		if (is < 0 || !num || !(num[1] >= '0' && num[1] <= '9'))
			continue;
		long body = yg_lexicon_find_label(c->lx, YG_LEX_BODY, d->entities.items[is].label);
		long type = yg_lexicon_find_label(c->lx, YG_LEX_DOCTYPE, ent->doctype);
		const char *code = type >= 0 ? yg_lexicon_concept(c->lx, (size_t)type)->code : NULL;
		if (body < 0 || !(yg_lexicon_concept(c->lx, (size_t)body)->flags & YG_CF(CENTRAL_PARTY)) || !code)
			continue;
		yg_buf b;
		yg_buf_init(&b);
		yg_buf_printf(&b, "%s-%s/TW", num + 1, code);
		ent->identifier = yg_buf_take(&b);
	}
}

/* One owner for "provincial": a document issued by a body of a province
 * (Tỉnh ủy Nghệ An, UBND tỉnh Lào Cai) is that province's document, so its
 * identity carries the issuer's province, never the article's. */
static void document_places(yg_document *d, const issuers *is)
{
	for (size_t e = 0; e < d->entities.len; e++) {
		yg_entity *ent = &d->entities.items[e];
		int32_t by = issuer_of(is, (int32_t)e);
		if (ent->type == YG_T_RESOLUTION && by >= 0 && d->entities.items[by].place >= 0)
			ent->place = d->entities.items[by].place;
	}
}

/* ---- sentences ---- */

/* Kept mentions are in text order and sentences follow the tokens: the
 * mentions of sentence `sent` are [*lo, *hi), found by bisection. */
static void sentence_mentions(const yg_document *d, uint32_t sent, size_t *lo, size_t *hi)
{
	size_t a = 0, b = d->mentions.len;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (d->toks.items[d->mentions.items[mid].tok_start].sent < sent)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	b = d->mentions.len;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (d->toks.items[d->mentions.items[mid].tok_start].sent <= sent)
			a = mid + 1;
		else
			b = mid;
	}
	*hi = a;
}

/* ---- locatedIn ---- */

/* Sentences that list examples ("các bệnh viện tuyến Trung ương như
 * ..."), not places: one flag per sentence, found in one pass. */
static uint8_t *generic_sentences(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint8_t *g = yg_xcalloc(d->toks.nsent + 1, 1);
	for (size_t i = 0; i < d->toks.len; i++)
		if (yg_role_at(c, i, YG_ROLE_CENTRAL_LEVEL))
			g[d->toks.items[i].sent] = 1;
	return g;
}

static int sentence_is_generic(const yg_document *d, const uint8_t *generic, uint32_t sent)
{
	return sent < d->toks.nsent && generic[sent];
}

/* The one province a sentence places things in, or -1 (none, or two). */
static int32_t sentence_province(const yg_document *d, uint32_t sent)
{
	int32_t found = -1;
	size_t lo, hi;
	sentence_mentions(d, sent, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->concept < 0)
			continue;
		if (m->type == YG_T_RESOLUTION || m->type == YG_T_OFFICIAL)
			continue;
		if (found >= 0 && found != m->concept)
			return -2;
		found = m->concept;
	}
	return found;
}

/* The gazetteer province of a well-known hospital (KnownHospitalScheme
 * ytg:province), or -1. */
static int32_t known_province(const yg_ctx *c, const yg_mention *m)
{
	uint32_t hc;
	size_t n = yg_phrase_within(c, m->tok_start, m->tok_end, YG_LEX_HOSPITAL_NAME, &hc);
	return n == m->tok_end - m->tok_start ? yg_concept_of(c, hc)->province : -1;
}

/* Where the text places a hospital or facility whose name does not: the
 * one province its sentence names, else the article's province; never in
 * a list of examples ("các bệnh viện tuyến Trung ương như ..."), and never
 * somewhere a well-known hospital is not. */
static int32_t place_of(const yg_ctx *c, const uint8_t *generic, const yg_mention *m)
{
	const yg_document *d = c->d;
	uint32_t sent = d->toks.items[m->tok_start].sent;
	if (sentence_is_generic(d, generic, sent))
		return -1;
	int32_t pc = sentence_province(d, sent);
	if (pc == -1)
		pc = d->province_concept;
	int32_t known = known_province(c, m);
	return known >= 0 && known != pc ? -1 : pc;
}

static void located_in(const yg_ctx *c, const uint8_t *generic)
{
	yg_document *d = c->d;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || (m->type != YG_T_BODY && m->type != YG_T_HOSPITAL && m->type != YG_T_FACILITY))
			continue;
		int32_t pc = m->concept;
		uint32_t a = m->place_start, b = m->place_end;
		if (pc < 0 && m->type != YG_T_BODY) {
			pc = place_of(c, generic, m);
			a = b = 0;
		}
		if (pc < 0)
			continue;
		yg_document_relate(d, m->entity, YG_R_LOCATED_IN, province_entity(c, pc, a, b), NULL, NULL);
	}
}

/* ---- mergers ---- */

/* The d/m/yyyy date of the merger: the last one before the cue in its
 * sentence ("Từ 01/7/2025, ..."), ISO, or NULL. */
static char *sentence_date(const yg_document *d, size_t cue)
{
	uint32_t sent = d->toks.items[cue].sent;
	size_t start = cue;
	while (start > 0 && d->toks.items[start - 1].sent == sent)
		start--;
	char *found = NULL;
	for (size_t i = start; i < cue && i + 4 < d->toks.len; i++) {
		if (!(d->toks.items[i].flags & YG_TOK_NUM))
			continue;
		if (!yg_tok_punct(d, i + 1, '/') || !yg_tok_punct(d, i + 3, '/'))
			continue;
		int dd = atoi(d->text.s + d->toks.items[i].start), mm = atoi(d->text.s + d->toks.items[i + 2].start);
		int yy = atoi(d->text.s + d->toks.items[i + 4].start);
		if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && yy >= 1945 && yy <= 2100) {
			yg_buf b;
			yg_buf_init(&b);
			yg_buf_printf(&b, "%04d-%02d-%02d", yy, mm, dd);
			free(found);
			found = yg_buf_take(&b);
		}
	}
	return found;
}

/* Does the gazetteer say province a merged into province b? */
static int gazetteer_merged(const yg_lexicon *lx, int32_t a, int32_t b, const char **date)
{
	const yg_concept *ca = yg_lexicon_concept(lx, (size_t)a);
	*date = ca->merger_date;
	return ca->merged_into == b;
}

static int mergeable(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_BODY || m->type == YG_T_PROVINCE);
}

static void merge_pair(const yg_ctx *c, const yg_mention *from, const yg_mention *into, const char *date)
{
	yg_document *d = c->d;
	if (from->type != into->type || from->entity == into->entity)
		return;
	const char *gdate = NULL;
	int gz = from->concept >= 0 && into->concept >= 0 &&
	         gazetteer_merged(c->lx, from->concept, into->concept, &gdate);
	const char *when = date ? date : gdate;
	yg_document_relate(d, from->entity, YG_R_MERGED_INTO, into->entity, NULL, when);
	/* two departments of merged provinces: the provinces merged too */
	if (from->type == YG_T_BODY && gz) {
		int32_t pa = province_entity(c, from->concept, from->place_start, from->place_end);
		int32_t pb = province_entity(c, into->concept, into->place_start, into->place_end);
		yg_document_relate(d, pa, YG_R_MERGED_INTO, pb, NULL, when);
	}
}

/* Two shapes around a cue:
 *   "X được thành lập trên cơ sở hợp nhất X (cũ) và Y (cũ)", "X được tổ
 *   chức lại trên nền tảng ba sở: X (cũ), Y và Z": what follows the cue
 *   merged into the last organisation before it;
 *   "A, B và C hợp nhất thành D", "A sáp nhập vào D": what precedes the
 *   cue merged into the first one after "thành"/"vào". */
static void merge_sentence(const yg_ctx *c, size_t cue, size_t len)
{
	yg_document *d = c->d;
	uint32_t sent = d->toks.items[cue].sent;
	char *date = sentence_date(d, cue);
	int forward = yg_role_at(c, cue + len, YG_ROLE_MERGE_DIRECTION) > 0;
	const yg_mention *target = NULL;
	size_t lo, hi;
	sentence_mentions(d, sent, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (!mergeable(m))
			continue;
		if (forward ? (m->tok_start > cue && !target) : m->tok_start < cue)
			target = m;
	}
	for (size_t i = lo; target && i < hi; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (mergeable(m) && (forward ? m->tok_start < cue : m->tok_start > cue))
			merge_pair(c, m, target, date);
	}
	free(date);
}

static void mergers(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->toks.len; i++) {
		size_t n;
		if (d->toks.items[i].sent != done && yg_tok_live(d, i) && (n = yg_role_at(c, i, YG_ROLE_MERGER)) > 0) {
			done = d->toks.items[i].sent;
			merge_sentence(c, i, n);
		}
	}
}

/* ---- partnerOf ---- */

static int is_care_unit(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_HOSPITAL || m->type == YG_T_FACILITY);
}

/* "B là bệnh viện vệ tinh của A": A supports B. */
static void satellite(yg_document *d, size_t cue)
{
	uint32_t sent = d->toks.items[cue].sent;
	const yg_mention *before = NULL, *after = NULL;
	size_t lo, hi;
	sentence_mentions(d, sent, &lo, &hi);
	for (size_t k = lo; k < hi; k++) {
		const yg_mention *m = &d->mentions.items[k];
		if (!is_care_unit(m))
			continue;
		if (m->tok_start < cue)
			before = m;
		else if (!after)
			after = m;
	}
	if (before && after && before->entity != after->entity)
		yg_document_relate(d, after->entity, YG_R_PARTNER_OF, before->entity, NULL, NULL);
}

/* "giữa H1 với H2, H3" or "H1 hỗ trợ/chuyển giao ... cho H2": H1 is the
 * supporting side and partners each other unit named after the cue. */
static void partners(const yg_ctx *c, const uint8_t *generic)
{
	yg_document *d = c->d;
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->toks.len; i++) {
		uint32_t sent = d->toks.items[i].sent;
		int between = yg_role_at(c, i, YG_ROLE_BETWEEN) > 0;
		if (sent != done && yg_role_at(c, i, YG_ROLE_SATELLITE_OF)) {
			satellite(d, i);
			continue;
		}
		if (sent == done || !yg_tok_live(d, i) || (!between && !yg_role_at(c, i, YG_ROLE_SUPPORT)))
			continue;
		if (sentence_is_generic(d, generic, sent))
			continue;
		const yg_mention *s = NULL;
		size_t lo, hi;
		sentence_mentions(d, sent, &lo, &hi);
		for (size_t k = lo; k < hi; k++) {
			const yg_mention *m = &d->mentions.items[k];
			if (!is_care_unit(m))
				continue;
			if (between ? (m->tok_start > i && !s) : (m->tok_start < i))
				s = m;
		}
		if (!s)
			continue;
		done = sent;
		for (size_t k = lo; k < hi; k++) {
			const yg_mention *m = &d->mentions.items[k];
			if (is_care_unit(m) && m->tok_start > i && m->entity != s->entity)
				yg_document_relate(d, s->entity, YG_R_PARTNER_OF, m->entity, NULL, NULL);
		}
	}
}

static int cmp_span(const void *a, const void *b)
{
	const yg_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

void yg_relate(yg_ctx *c)
{
	yg_document *d = c->d;
	resolve_links(c);
	one_post_per_body(d);
	/* code_issuers may create bodies: size the table for them */
	issuers is;
	issuers_init(&is, d);
	code_issuers(c, &is);
	inherit_issuers(d, &is);
	implied_identifiers(c, &is);
	document_places(d, &is);
	free(is.of);
	uint8_t *generic = generic_sentences(c);
	located_in(c, generic);
	mergers(c);
	partners(c, generic);
	free(generic);
	/* places found inside names were appended: keep text order */
	for (size_t e = 0; e < d->entities.len; e++)
		yg_sort(d->entities.items[e].mentions.items, d->entities.items[e].mentions.len, sizeof(yg_span), cmp_span);
}
