/* hospital.c — hospitals.
 *
 * A hospital starts at a head from lexicon/hospitals.ttl (Bệnh viện, BV,
 * BVĐK ...; "Viện" only with a clinical specialty) and its name runs over
 * capitalised words, numbers, specialty words (which may be lower case:
 * "đa khoa"), "số 2", places and hyphens.  The name must contain a proper
 * part: "bệnh viện tim" and "các bệnh viện tuyến Trung ương" are generic.
 * The province a name contains is kept in the mention's concept, for
 * locatedIn.  Irregular names come whole from hospital-names.ttl. */
#include <stdlib.h>

#include "buf.h"
#include "place.h"
#include "recognize.h"

/* A plural or generic determiner ends right before token i ("các bệnh
 * viện", "một số bệnh viện"). */
static int generic_before(const yg_ctx *c, size_t i)
{
	for (size_t back = 1; back <= 3 && back <= i; back++) {
		size_t k = i - back;
		if (yg_role_at(c, k, YG_ROLE_PLURAL) == back || yg_role_at(c, k, YG_ROLE_GENERIC) == back)
			return 1;
	}
	return 0;
}

typedef struct {
	size_t end;     /* one past the last token of the name */
	int proper;     /* a token that makes it a name */
	int32_t prov;   /* province inside the name, or -1 */
	size_t place_start, place_end;
	int specialty;  /* a clinical specialty word (for "Viện") */
} name_scan;

/* One step of a hospital name at token k; returns tokens taken, 0 to stop. */
static size_t name_step(const yg_ctx *c, size_t k, name_scan *s)
{
	const yg_document *d = c->d;
	uint32_t cc;
	size_t n;
	if (!yg_tok_live(d, k) || (d->toks.items[k].flags & YG_TOK_SENT_START))
		return 0;
	if ((n = yg_province_at(c, k, &cc)) > 0) {
		s->prov = (int32_t)cc;
		s->proper = 1;
		s->place_start = k;
		s->place_end = k + n;
		return n;
	}
	if (yg_kinds_at(c, k, 1u << YG_LEX_BODY | 1u << YG_LEX_FACILITY | 1u << YG_LEX_HOSPITAL))
		return 0; /* another organisation starts here */
	if ((n = yg_phrase(c, k, YG_LEX_SPECIALTY, &cc)) > 0) {
		if (yg_concept_of(c, cc)->flags & YG_CF(CLINICAL))
			s->specialty = 1;
		if (d->toks.items[k].flags & YG_TOK_CAP)
			s->proper = 1;
		return n;
	}
	if (yg_tok_capword(d, k) && (n = yg_phrase(c, k, YG_LEX_COMPOUND, &cc)) > 0) {
		if (!(yg_concept_of(c, cc)->flags & YG_CF(GENERIC)))
			s->proper = 1;
		return n;
	}
	if (yg_role_at(c, k, YG_ROLE_NUMBER_WORD) == 1 && yg_tok_has(d, k + 1, YG_TOK_NUM)) {
		s->proper = 1;
		return 2;
	}
	if (d->toks.items[k].flags & YG_TOK_NUM) {
		s->proper = 1;
		return 1;
	}
	if ((n = yg_phrase(c, k, YG_LEX_UNIT, NULL)) > 0 && yg_tok_capword(d, k + n))
		return n;
	if (yg_tok_capword(d, k)) {
		if (!yg_role_at(c, k, YG_ROLE_NAME_GENERIC))
			s->proper = 1;
		return 1;
	}
	if ((yg_tok_punct(d, k, '-') || yg_tok_punct(d, k, '&')) && yg_tok_capword(d, k + 1))
		return 1;
	return 0;
}

void yg_recognize_hospitals(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t hc;
		size_t n = yg_phrase(c, i, YG_LEX_HOSPITAL_NAME, &hc);
		if (n) {
			size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_HOSPITAL, -1,
			                                   yg_concept_of(c, hc)->pref);
			d->mentions.items[m].priority = 1;
		}
		n = yg_phrase(c, i, YG_LEX_HOSPITAL, &hc);
		if (!n || generic_before(c, i))
			continue;
		const yg_concept *head = yg_concept_of(c, hc);
		name_scan s = {i + n, 0, -1, 0, 0, 0};
		size_t k = i + n, step;
		while ((step = name_step(c, k, &s)) > 0)
			k += step;
		/* a trailing hyphen is not part of the name */
		while (k > i + n && yg_tok_punct(d, k - 1, '-'))
			k--;
		if (!s.proper || ((head->flags & YG_CF(NEEDS_SPECIALTY)) && !s.specialty))
			continue;
		if (!yg_starts_capital(d, i) && !yg_tok_capword(d, i + n))
			continue;
		char *rest = yg_document_text(d, (uint32_t)(i + n), (uint32_t)k);
		char *written = head->expansion ? yg_xstrdup(head->expansion)
		                                : yg_document_text(d, (uint32_t)i, (uint32_t)(i + n));
		char *label = yg_strjoin(written, " ", rest);
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)k, YG_T_HOSPITAL, s.prov, label);
		d->mentions.items[m].place_start = (uint32_t)s.place_start;
		d->mentions.items[m].place_end = (uint32_t)s.place_end;
		free(label);
		free(written);
		free(rest);
		i = k - 1;
	}
}
