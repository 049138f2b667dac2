/* relation.h — what the relation finders share.  relate.c runs them:
 * issuer.c (issuedBy), locate.c (locatedIn), merge.c (mergedInto),
 * partner.c (partnerOf); memberOf comes from the links the recognisers
 * record. */
#ifndef YG_RELATION_H
#define YG_RELATION_H

#include "match.h"

/* The first token from i on whose role masks hold one of `mask`, or the
 * token count: a cue is rare, so the finders go from cue to cue, asking
 * four tokens' masks at a time, not each token in turn. */
static inline size_t yg_next_role(const yg_ctx *c, size_t i, uint64_t mask)
{
	const uint64_t *roles = c->roles;
	size_t n = c->d->toks.len;
	for (; i + 4 <= n; i += 4)
		if ((roles[i] | roles[i + 1] | roles[i + 2] | roles[i + 3]) & mask)
			break;
	while (i < n && !(roles[i] & mask))
		i++;
	return i;
}

/* The entity of the kept mention starting at token t, or -1. */
int32_t yg_entity_at(const yg_document *d, long t);

/* The province entity of gazetteer concept pc, created when the text names
 * it only inside another name (tokens [a, b) there become its mention). */
int32_t yg_province_entity(const yg_ctx *c, int32_t pc, uint32_t a, uint32_t b);

/* The kept mentions of sentence `sent`: [*lo, *hi) (mentions are in text
 * order; found by bisection). */
void yg_sentence_mentions(const yg_document *d, uint32_t sent, size_t *lo, size_t *hi);

/* One past the last token of the sentence of token t, or, when that
 * sentence ends with a colon, of the list items on the lines after it
 * ("... hợp nhất các đơn vị sau:" then "- Trung tâm A;", "2. Trung tâm B").
 * Each call reads only the tokens it returns. */
size_t yg_sentence_list_end(const yg_document *d, size_t t);

/* The first full date (d/m/yyyy, "ngày d tháng m năm yyyy") in tokens
 * [a, b), as YYYY-MM-DD (caller frees), or NULL. */
char *yg_date_between(const yg_ctx *c, size_t a, size_t b);

/* The first date in tokens [a, b) the text says something holds from
 * ("từ ngày 01/9/2025", "kể từ ngày ..."), as YYYY-MM-DD (caller frees),
 * or NULL. */
char *yg_date_since(const yg_ctx *c, size_t a, size_t b);

/* One flag per sentence: does it list examples of a level of care
 * ("các bệnh viện tuyến Trung ương như ...") rather than places or
 * partners?  Caller frees. */
uint8_t *yg_example_sentences(const yg_ctx *c);

void yg_relate_issuers(const yg_ctx *c);
/* examples: yg_example_sentences of the document, made once for both */
void yg_relate_locations(const yg_ctx *c, const uint8_t *examples);
void yg_relate_mergers(const yg_ctx *c);
void yg_relate_partners(const yg_ctx *c, const uint8_t *examples);

#endif
