#include "relate.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "recognize.h"

/* Entity of the kept mention starting at token t, or -1. */
static int32_t entity_at(const yg_document *d, long t)
{
	if (t < 0)
		return -1;
	long m = yg_mention_at(d, (size_t)t);
	return m >= 0 ? d->mentions.items[m].entity : -1;
}

static const yg_mention *mention_of(const yg_document *d, int32_t e)
{
	for (size_t i = 0; i < d->mentions.len; i++)
		if (d->mentions.items[i].entity == e)
			return &d->mentions.items[i];
	return NULL;
}

/* The province entity of gazetteer concept c, created when the text names
 * it only inside another name (its span there becomes its mention). */
static int32_t province_entity(yg_document *d, const yg_lexicon *lx, int32_t c,
                               uint32_t span_a, uint32_t span_b)
{
	if (c < 0)
		return -1;
	int32_t e = yg_document_entity(d, YG_T_PROVINCE, yg_lex_label(lx, (uint32_t)c));
	yg_entity *ent = &d->entities.items[e];
	ent->concept = c;
	if (span_b > span_a) {
		yg_span sp = yg_document_span(d, span_a, span_b);
		int seen = 0;
		for (size_t i = 0; i < ent->mentions.len; i++)
			seen |= ent->mentions.items[i].start == sp.start;
		if (!seen)
			YG_VEC_PUSH(ent->mentions, sp);
	}
	return e;
}

/* ---- links recorded by the recognisers ---- */

static void resolve_links(yg_document *d, const yg_lexicon *lx)
{
	for (size_t i = 0; i < d->links.len; i++) {
		const yg_link *l = &d->links.items[i];
		int32_t s = entity_at(d, (long)l->from_tok), o;
		if (l->to_tok >= 0) {
			o = entity_at(d, l->to_tok);
		} else {
			o = yg_document_entity(d, (yg_etype)l->to_type, l->to_label);
			if (l->to_type == YG_T_PROVINCE)
				d->entities.items[o].concept = l->to_concept;
		}
		if (s < 0 || o < 0)
			continue;
		if (l->p == YG_R_ISSUED_BY && d->entities.items[o].type != YG_T_BODY)
			continue;
		yg_document_relate(d, s, (yg_rtype)l->p, o, l->role, l->date);
	}
	(void)lx;
}

/* ---- issuers from codes ---- */

static long issuer_concept(const yg_lexicon *lx, const char *code)
{
	for (size_t i = 0; i < yg_lexicon_count(lx); i++) {
		const yg_concept *c = yg_lexicon_concept(lx, i);
		if (c->kind == YG_LEX_ISSUER && strcmp(c->pref, code) == 0)
			return (long)i;
	}
	return -1;
}

static int has_relation(const yg_document *d, int32_t s, yg_rtype p)
{
	for (size_t i = 0; i < d->relations.len; i++)
		if (d->relations.items[i].s == s && d->relations.items[i].p == p)
			return 1;
	return 0;
}

/* Label of the provincial body a code names: "Tỉnh ủy Lào Cai". */
static char *provincial_issuer(const yg_lexicon *lx, const char *kind, int32_t prov)
{
	const yg_concept *p = yg_lexicon_concept(lx, (size_t)prov);
	const char *unit = yg_concept_prop(p, "unitKind");
	const char *head = NULL;
	if (strcmp(kind, "party") == 0)
		head = unit && strcmp(unit, "thành phố") == 0 ? "Thành ủy" : "Tỉnh ủy";
	else if (strcmp(kind, "people-committee") == 0)
		head = "Ủy ban nhân dân";
	else if (strcmp(kind, "people-council") == 0)
		head = "Hội đồng nhân dân";
	if (!head)
		return NULL;
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s %s", head, p->pref);
	return yg_buf_take(&b);
}

static void code_issuers(yg_document *d, const yg_lexicon *lx)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || !m->issuer_code || m->entity < 0 ||
		    has_relation(d, m->entity, YG_R_ISSUED_BY))
			continue;
		long c = issuer_concept(lx, m->issuer_code);
		if (c < 0)
			continue;
		const char *national = yg_lex_prop(lx, (uint32_t)c, "issuer");
		const char *provincial = yg_lex_prop(lx, (uint32_t)c, "provincial");
		char *label = NULL;
		int32_t prov = -1;
		if (national)
			label = yg_xstrdup(national);
		else if (provincial && d->province_concept >= 0) {
			prov = d->province_concept;
			label = provincial_issuer(lx, provincial, prov);
		}
		if (!label)
			continue;
		int32_t o = yg_document_entity(d, YG_T_BODY, label);
		free(label);
		yg_document_relate(d, m->entity, YG_R_ISSUED_BY, o, NULL, NULL);
		if (prov >= 0)
			yg_document_relate(d, o, YG_R_LOCATED_IN, province_entity(d, lx, prov, 0, 0), NULL, NULL);
	}
}

static int32_t issuer_of(const yg_document *d, int32_t e)
{
	for (size_t i = 0; i < d->relations.len; i++)
		if (d->relations.items[i].s == e && d->relations.items[i].p == YG_R_ISSUED_BY)
			return d->relations.items[i].o;
	return -1;
}

/* "Nghị quyết 72 của Bộ Chính trị ... Nghị quyết số 57, số 71": later
 * documents of the same type cited by number alone share the issuer of the
 * last one cited with its issuer. */
static void inherit_issuers(yg_document *d)
{
	int32_t last = -1;
	const char *last_type = NULL;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || m->entity < 0)
			continue;
		int32_t is = issuer_of(d, m->entity);
		if (is >= 0) {
			last = is;
			last_type = m->doctype;
		} else if (m->is_short && last >= 0 && last_type && m->doctype && strcmp(last_type, m->doctype) == 0) {
			yg_document_relate(d, m->entity, YG_R_ISSUED_BY, last, NULL, NULL);
		}
	}
}

/* Central Party documents cited by number get their implied code:
 * "Nghị quyết 72" of the Politburo is 72-NQ/TW. */
static void implied_identifiers(yg_document *d, const yg_lexicon *lx)
{
	static const char *const central[] = {"Bộ Chính trị", "Ban Chấp hành Trung ương", "Ban Bí thư",
	                                      "Ban Chấp hành Trung ương Đảng"};
	for (size_t e = 0; e < d->entities.len; e++) {
		yg_entity *ent = &d->entities.items[e];
		if (ent->type != YG_T_RESOLUTION || ent->identifier || !ent->doctype)
			continue;
		int32_t is = issuer_of(d, (int32_t)e);
		const char *num = strrchr(ent->label, ' ');
		if (is < 0 || !num || !(num[1] >= '0' && num[1] <= '9'))
			continue;
		int is_central = 0;
		for (size_t k = 0; k < sizeof central / sizeof central[0]; k++)
			is_central |= strcmp(d->entities.items[is].label, central[k]) == 0;
		const char *code = NULL;
		for (size_t i = 0; i < yg_lexicon_count(lx) && !code; i++) {
			const yg_concept *c = yg_lexicon_concept(lx, i);
			if (c->kind == YG_LEX_DOCTYPE && strcmp(c->pref, ent->doctype) == 0)
				code = yg_concept_prop(c, "code");
		}
		if (!is_central || !code)
			continue;
		yg_buf b;
		yg_buf_init(&b);
		yg_buf_printf(&b, "%s-%s/TW", num + 1, code);
		ent->identifier = yg_buf_take(&b);
	}
}

/* ---- locatedIn ---- */

static int sentence_is_generic(const yg_document *d, uint32_t sent)
{
	/* "các bệnh viện tuyến Trung ương": a list of examples, not places */
	for (size_t i = 0; i + 2 < d->toks.len; i++)
		if (d->toks.items[i].sent == sent && yg_tok_is(d, i, "tuyến") && yg_tok_is(d, i + 1, "trung") &&
		    yg_tok_is(d, i + 2, "ương"))
			return 1;
	return 0;
}

/* The one province a sentence places things in, or -1 (none, or two). */
static int32_t sentence_province(const yg_document *d, uint32_t sent)
{
	int32_t found = -1;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || d->toks.items[m->tok_start].sent != sent || m->concept < 0)
			continue;
		if (m->type == YG_T_RESOLUTION || m->type == YG_T_OFFICIAL)
			continue;
		if (found >= 0 && found != m->concept)
			return -2;
		found = m->concept;
	}
	return found;
}

static void located_in(yg_document *d, const yg_lexicon *lx)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || (m->type != YG_T_BODY && m->type != YG_T_HOSPITAL && m->type != YG_T_FACILITY))
			continue;
		int32_t c = m->concept;
		uint32_t a = m->place_start, b = m->place_end;
		if (c < 0 && m->type != YG_T_BODY) {
			uint32_t sent = d->toks.items[m->tok_start].sent;
			if (sentence_is_generic(d, sent))
				continue;
			c = sentence_province(d, sent);
			a = b = 0;
		}
		if (c < 0)
			continue;
		yg_document_relate(d, m->entity, YG_R_LOCATED_IN, province_entity(d, lx, c, a, b), NULL, NULL);
	}
}

/* ---- mergers ---- */

static int merger_cue(const yg_document *d, size_t i)
{
	return (yg_tok_is(d, i, "hợp") && yg_tok_is(d, i + 1, "nhất")) ||
	       (yg_tok_is(d, i, "sáp") && yg_tok_is(d, i + 1, "nhập"));
}

/* A d/m/yyyy date in the sentence ("Từ 01/7/2025"), ISO, or NULL. */
static char *sentence_date(const yg_document *d, uint32_t sent)
{
	for (size_t i = 0; i + 4 < d->toks.len; i++) {
		if (d->toks.items[i].sent != sent || !(d->toks.items[i].flags & YG_TOK_NUM))
			continue;
		if (!yg_tok_punct(d, i + 1, '/') || !yg_tok_punct(d, i + 3, '/'))
			continue;
		int dd = atoi(d->text.s + d->toks.items[i].start), mm = atoi(d->text.s + d->toks.items[i + 2].start);
		int yy = atoi(d->text.s + d->toks.items[i + 4].start);
		if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && yy >= 1945 && yy <= 2100) {
			yg_buf b;
			yg_buf_init(&b);
			yg_buf_printf(&b, "%04d-%02d-%02d", yy, mm, dd);
			return yg_buf_take(&b);
		}
	}
	return NULL;
}

/* Does the gazetteer say province a merged into province b? */
static int gazetteer_merged(const yg_lexicon *lx, int32_t a, int32_t b, const char **date)
{
	const yg_concept *ca = yg_lexicon_concept(lx, (size_t)a), *cb = yg_lexicon_concept(lx, (size_t)b);
	const char *into = yg_concept_prop(ca, "mergedInto");
	const char *slash = into ? strrchr(into, '/') : NULL;
	*date = yg_concept_prop(ca, "mergerDate");
	return slash && strcmp(slash + 1, cb->slug) == 0;
}

/* "X được thành lập trên cơ sở hợp nhất X (cũ) và Y (cũ)": every other
 * organisation of X's type after the cue merged into the one before it. */
static void merge_sentence(yg_document *d, const yg_lexicon *lx, size_t cue)
{
	uint32_t sent = d->toks.items[cue].sent;
	const yg_mention *target = NULL;
	char *date = sentence_date(d, sent);
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || d->toks.items[m->tok_start].sent != sent)
			continue;
		if (m->tok_start < cue) {
			if (m->type == YG_T_BODY || m->type == YG_T_PROVINCE)
				target = m;
			continue;
		}
		if (!target || m->type != target->type || m->entity == target->entity)
			continue;
		const char *gdate = NULL;
		int gz = m->concept >= 0 && target->concept >= 0 && gazetteer_merged(lx, m->concept, target->concept, &gdate);
		const char *when = date ? date : gdate;
		yg_document_relate(d, m->entity, YG_R_MERGED_INTO, target->entity, NULL, when);
		if (m->type == YG_T_BODY && gz) {
			int32_t pa = province_entity(d, lx, m->concept, m->place_start, m->place_end);
			int32_t pb = province_entity(d, lx, target->concept, target->place_start, target->place_end);
			yg_document_relate(d, pa, YG_R_MERGED_INTO, pb, NULL, when);
		}
	}
	free(date);
}

static void mergers(yg_document *d, const yg_lexicon *lx)
{
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->toks.len; i++)
		if (d->toks.items[i].sent != done && yg_tok_live(d, i) && merger_cue(d, i)) {
			done = d->toks.items[i].sent;
			merge_sentence(d, lx, i);
		}
}

/* ---- partnerOf ---- */

static int partner_verb(const yg_document *d, size_t i)
{
	static const char *const two[][2] = {
		{"hỗ", "trợ"}, {"chuyển", "giao"}, {"kết", "nghĩa"}, {"giúp", "đỡ"}, {"liên", "kết"}, {"ký", "kết"},
	};
	for (size_t k = 0; k < sizeof two / sizeof two[0]; k++)
		if (yg_tok_is(d, i, two[k][0]) && yg_tok_is(d, i + 1, two[k][1]))
			return 1;
	return 0;
}

static int is_care_unit(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_HOSPITAL || m->type == YG_T_FACILITY);
}

/* "giữa H1 với H2, H3" or "H1 hỗ trợ/chuyển giao ... cho H2": H1 is the
 * supporting side and partners each other unit named after the cue. */
static void partners(yg_document *d)
{
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->toks.len; i++) {
		uint32_t sent = d->toks.items[i].sent;
		int between = yg_tok_is(d, i, "giữa");
		if (sent == done || !yg_tok_live(d, i) || (!between && !partner_verb(d, i)))
			continue;
		if (sentence_is_generic(d, sent))
			continue;
		const yg_mention *s = NULL;
		for (size_t k = 0; k < d->mentions.len; k++) {
			const yg_mention *m = &d->mentions.items[k];
			if (!is_care_unit(m) || d->toks.items[m->tok_start].sent != sent)
				continue;
			if (between ? (m->tok_start > i && !s) : (m->tok_start < i))
				s = m;
		}
		if (!s)
			continue;
		done = sent;
		for (size_t k = 0; k < d->mentions.len; k++) {
			const yg_mention *m = &d->mentions.items[k];
			if (is_care_unit(m) && d->toks.items[m->tok_start].sent == sent && m->tok_start > i &&
			    m->entity != s->entity)
				yg_document_relate(d, s->entity, YG_R_PARTNER_OF, m->entity, NULL, NULL);
		}
	}
}

void yg_relate(yg_document *d, const yg_lexicon *lx)
{
	resolve_links(d, lx);
	code_issuers(d, lx);
	inherit_issuers(d);
	implied_identifiers(d, lx);
	located_in(d, lx);
	mergers(d, lx);
	partners(d);
	(void)mention_of;
}
