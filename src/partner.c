/* partner.c — partnerOf between hospitals and health facilities.
 *
 * Support programmes, in a sentence with a cue from lexicon/cues.ttl:
 *   "A (và B) hỗ trợ / chuyển giao kỹ thuật cho C": the units before the
 *       cue support those after it; a mutual cue ("hợp tác", "ký kết")
 *       with units on one side only pairs them ("A và B ký kết hợp tác");
 *   "giữa A với B, C", "giữa A, B đối với C": the units before the partner
 *       word ("với", "đối với") and those after it are partners; with no
 *       such word ("ký kết giữa A, B và C"), every pair of them is;
 *   "C là bệnh viện vệ tinh của A": A supports C;
 *   "các bệnh viện tuyến cuối gồm: A, B ... sẽ hỗ trợ chuyên môn": the
 *       units supported are those of the article's programme, the ones a
 *       support sentence before named.
 * A partnership is stored once per pair, the supporting side first; a
 * sentence of examples ("các bệnh viện tuyến Trung ương như ...") gives
 * none.  Both sides are hospitals or health facilities (an agreement
 * between a UBND and a hospital is no partnership). */
#include <stdlib.h>

#include "buf.h"
#include "relation.h"

static int is_care_unit(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_HOSPITAL || m->type == YG_T_FACILITY);
}

static void partner(yg_document *d, int32_t supporter, int32_t supported)
{
	if (supporter != supported)
		yg_document_relate(d, supporter, YG_R_PARTNER_OF, supported, NULL, NULL);
}

/* "C là bệnh viện vệ tinh của A": A supports C. */
static void satellite(yg_document *d, size_t cue, size_t lo, size_t hi)
{
	const yg_mention *before = NULL, *after = NULL;
	for (size_t k = lo; k < hi; k++) {
		const yg_mention *m = &d->mentions.items[k];
		if (!is_care_unit(m))
			continue;
		if (m->tok_start < cue)
			before = m;
		else if (!after)
			after = m;
	}
	if (before && after)
		partner(d, after->entity, before->entity);
}

/* The first word with role r in tokens (from, end), outside mentions, or 0. */
static size_t word_between(const yg_ctx *c, yg_role r, size_t from, size_t end)
{
	for (size_t k = from + 1; k < end; k++)
		if (yg_role_at(c, k, r) && yg_mention_at(c->d, k) < 0)
			return k;
	return 0;
}

/* The partner word after "giữa" ("với", "đối với"), or 0. */
static size_t partner_word(const yg_ctx *c, size_t cue, size_t end)
{
	return word_between(c, YG_ROLE_PARTNER_WITH, cue, end);
}

/* The care units of a sentence's mentions [lo, hi) that start in tokens
 * [from, to): their entities, in text order.  Caller frees. */
static int32_t *units_between(const yg_document *d, size_t lo, size_t hi, size_t from, size_t to, size_t *n)
{
	int32_t *u = yg_xmalloc((hi - lo + 1) * sizeof *u);
	*n = 0;
	for (size_t k = lo; k < hi; k++) {
		const yg_mention *m = &d->mentions.items[k];
		if (is_care_unit(m) && m->tok_start >= from && m->tok_start < to)
			u[(*n)++] = m->entity;
	}
	return u;
}

/* Partnerships a sentence may state between two lists at most: news
 * pairs a few hospitals with a few others; a sentence of thousands of
 * units is a list, not thousands of agreements (and pairs would grow
 * with the square of it). */
enum { MAX_PAIRS = 256 };

static void pair_lists(yg_document *d, const int32_t *a, size_t na, const int32_t *b, size_t nb)
{
	if (na * nb > MAX_PAIRS)
		return;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			partner(d, a[i], b[j]);
}

/* Every pair of u[0..n), within the bound of pair_lists. */
static void all_pairs(yg_document *d, const int32_t *u, size_t n)
{
	if (n * n > 2 * MAX_PAIRS)
		return;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			partner(d, u[i], u[j]);
}

/* The units in tokens [from, with) and [with, to) are partners. */
static void split_at(yg_document *d, size_t lo, size_t hi, size_t from, size_t with, size_t to)
{
	size_t na, nb;
	int32_t *a = units_between(d, lo, hi, from, with, &na), *b = units_between(d, lo, hi, with, to, &nb);
	pair_lists(d, a, na, b, nb);
	free(a);
	free(b);
}

/* "giữa ...": both sides of the partner word, or every pair. */
static void between(const yg_ctx *c, size_t cue, size_t lo, size_t hi, size_t end)
{
	yg_document *d = c->d;
	size_t with = partner_word(c, cue, end), na;
	if (with) {
		split_at(d, lo, hi, cue, with, end);
		return;
	}
	int32_t *u = units_between(d, lo, hi, cue, end, &na);
	all_pairs(d, u, na);
	free(u);
}

/* "A hỗ trợ C": the units before the cue support those after it (those
 * after a receiving word, "A được B hỗ trợ", support those before it); with
 * none after, the ones the programme supports (*beneficiary).  Units on
 * one side only, joined by a partner word, are partners across it: "A
 * phối hợp với B chuyển giao kỹ thuật", "sự hỗ trợ của A đối với B" (not
 * the earlier sentence's beneficiary).  A mutual cue with units on one
 * side only pairs them ("A và B ký kết hợp tác"). */
static void support(const yg_ctx *c, size_t cue, size_t lo, size_t hi, size_t end, int32_t *beneficiary, int mutual)
{
	yg_document *d = c->d;
	size_t s0 = hi > lo ? d->mentions.items[lo].tok_start : cue, na, nb;
	int32_t *a = units_between(d, lo, hi, s0, cue + 1, &na), *b = units_between(d, lo, hi, cue + 1, end, &nb);
	if (mutual && (!na || !nb) && na + nb >= 2) {
		all_pairs(d, na ? a : b, na ? na : nb);
		free(a);
		free(b);
		return;
	}
	size_t rx = na ? word_between(c, YG_ROLE_RECEIVE, s0, cue) : 0;
	if (rx) {
		/* "A được B hỗ trợ", "A nhận chuyển giao kỹ thuật từ B": the
		 * units after the receiving word support those before it */
		size_t nr, ng;
		int32_t *r = units_between(d, lo, hi, s0, rx, &nr), *g = units_between(d, lo, hi, rx, end, &ng);
		pair_lists(d, g, ng, r, nr);
		if (nr && ng)
			*beneficiary = r[0];
		free(r);
		free(g);
		free(a);
		free(b);
		return;
	}
	size_t with = 0;
	if (!na && nb >= 2)
		with = partner_word(c, cue, end);
	else if (!nb && na >= 2)
		with = partner_word(c, s0, cue);
	if (with) {
		split_at(d, lo, hi, na ? s0 : cue + 1, with, na ? cue + 1 : end);
	} else if (nb) {
		pair_lists(d, a, na, b, nb);
		*beneficiary = b[0];
	} else if (*beneficiary >= 0) {
		pair_lists(d, a, na, beneficiary, 1);
	}
	free(a);
	free(b);
}

/* The cue a sentence's partnerships hang on: "giữa" first, then "vệ
 * tinh của", then a support verb; its token and role, or role 0.  The
 * sentence is the one of token `from`, which starts it; the walk that
 * looks for cues also finds its end (*end), one pass over its tokens. */
static yg_role sentence_cue(const yg_ctx *c, size_t from, size_t *end, size_t *at)
{
	enum { NCUES = 4 };
	static const yg_role order[NCUES] = {YG_ROLE_BETWEEN, YG_ROLE_SATELLITE_OF, YG_ROLE_SUPPORT, YG_ROLE_MUTUAL};
	const uint64_t any = 1ull << YG_ROLE_BETWEEN | 1ull << YG_ROLE_SATELLITE_OF | 1ull << YG_ROLE_SUPPORT |
	                     1ull << YG_ROLE_MUTUAL;
	const yg_tokens *t = &c->d->toks;
	uint32_t sent = t->items[from].sent;
	/* the first token of each cue; most tokens start none */
	size_t first[NCUES] = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX}, k = from;
	for (; k < t->len && t->items[k].sent == sent; k++) {
		if (!(c->roles[k] & any) || !yg_tok_live(c->d, k))
			continue;
		for (size_t r = 0; r < NCUES; r++)
			if (first[r] == SIZE_MAX && yg_role_at(c, k, order[r]))
				first[r] = k;
	}
	*end = k;
	for (size_t r = 0; r < NCUES; r++)
		if (first[r] != SIZE_MAX) {
			*at = first[r];
			return order[r];
		}
	return YG_ROLE_NONE;
}

void yg_relate_partners(const yg_ctx *c, const uint8_t *examples)
{
	yg_document *d = c->d;
	int32_t beneficiary = -1;
	size_t i = 0;
	while (i < d->toks.len) {
		uint32_t sent = d->toks.items[i].sent;
		size_t end, cue, lo, hi;
		yg_role r = sentence_cue(c, i, &end, &cue);
		if (examples[sent])
			r = YG_ROLE_NONE;
		if (r != YG_ROLE_NONE) {
			yg_sentence_mentions(d, sent, &lo, &hi);
			yg_document_cite(d, r == YG_ROLE_BETWEEN        ? "partner.between"
			                    : r == YG_ROLE_SATELLITE_OF ? "partner.satellite"
			                    : r == YG_ROLE_MUTUAL       ? "partner.mutual"
			                                                : "partner.support",
			                 (uint32_t)cue);
			if (r == YG_ROLE_BETWEEN)
				between(c, cue, lo, hi, end);
			else if (r == YG_ROLE_SATELLITE_OF)
				satellite(d, cue, lo, hi);
			else
				support(c, cue, lo, hi, end, &beneficiary, r == YG_ROLE_MUTUAL);
		}
		i = end;
	}
}
