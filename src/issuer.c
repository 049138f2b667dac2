/* issuer.c — issuedBy: who issued a document.
 *
 * "của <body>" after the document (a link recorded by legaldoc.c); else
 * the body that is the subject of the issuing verb before it ("Bộ Chính
 * trị ban hành Nghị quyết 72"); else the body its code names (IssuerScheme in lexicon/documents.ttl: BYT is Bộ
 * Y tế, TTg Chính phủ; TU, UBND, HĐND the provincial body of the article's
 * province, a Thành ủy where the province is a city); a document cited by
 * number alone after one with an issuer shares it ("Nghị quyết 72 của Bộ
 * Chính trị ... Nghị quyết số 57, số 71"), and a central Party issuer gives
 * the code ("72-NQ/TW").  A document issued by a provincial body is that
 * province's: its identity carries the issuer's province. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "relation.h"


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
		yg_document_cite(d, "issuer.code", m->tok_start);
		int32_t o = yg_document_entity(d, YG_T_BODY, label);
		free(label);
		if (prov >= 0)
			d->entities.items[o].place = prov;
		/* the code names the issuer ("-TTg"): that token is its mention */
		yg_document_add_span(d, o, yg_document_span(d, m->issuer_tok, m->issuer_tok + 1));
		set_issuer(d, is, m->entity, o);
		if (prov >= 0)
			yg_document_relate(d, o, YG_R_LOCATED_IN, yg_province_entity(c, prov, 0, 0), NULL, NULL);
	}
}

/* "Bộ Chính trị (vừa) ban hành Nghị quyết 72": the body that is the
 * subject of an issuing verb right before a document issued it.  A body
 * named there comes before the one a code implies ("HĐND tỉnh Lâm Đồng
 * thông qua Nghị quyết 25/2024/NQ-HĐND" in an article about another
 * province). */
/* For every token, the entity of the body mention ending right before
 * it, or -1.  Caller frees. */
static int32_t *bodies_ending(const yg_document *d)
{
	int32_t *ending = yg_xmalloc((d->toks.len + 1) * sizeof *ending);
	for (size_t k = 0; k <= d->toks.len; k++)
		ending[k] = -1;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type == YG_T_BODY && m->entity >= 0 && m->tok_end <= d->toks.len)
			ending[m->tok_end] = m->entity;
	}
	return ending;
}

static void subject_issuers(const yg_ctx *c, issuers *is)
{
	yg_document *d = c->d;
	/* made at the first document after an issuing verb: most articles
	 * have none, and a per-token array is then a pass for nothing */
	int32_t *ending = NULL;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || m->entity < 0 || issuer_of(is, m->entity) >= 0)
			continue;
		size_t v = yg_role_before(c, m->tok_start, YG_ROLE_ISSUE);
		if (!v)
			continue;
		size_t b = m->tok_start - v;
		b -= yg_role_before(c, b, YG_ROLE_TENSE);
		if (!ending)
			ending = bodies_ending(d);
		if (ending[b] < 0)
			continue;
		yg_document_cite(d, "issuer.subject", m->tok_start);
		set_issuer(d, is, m->entity, ending[b]);
	}
	free(ending);
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
			yg_document_cite(d, "issuer.inherited", m->tok_start);
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
		ent->identifier = yg_document_strndup(d, b.s, b.len);
		yg_buf_free(&b);
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


void yg_relate_issuers(const yg_ctx *c)
{
	issuers is;
	issuers_init(&is, c->d);
	subject_issuers(c, &is);
	code_issuers(c, &is);
	inherit_issuers(c->d, &is);
	implied_identifiers(c, &is);
	document_places(c->d, &is);
	free(is.of);
}
