/* recognize.h — find entity mentions in a segmented document.
 *
 * Each recogniser adds candidate mentions for one type; yg_recognize runs
 * them all (one table) and then keeps a non-overlapping set by one rule:
 * the longer span wins; for equal spans the higher type priority wins
 * (document.h, YG_ENTITY_TYPES); then the earlier one.  So a province
 * inside a hospital's name is not a Province mention. */
#ifndef YG_RECOGNIZE_H
#define YG_RECOGNIZE_H

#include "match.h"

typedef void (*yg_recognizer_fn)(yg_ctx *c);

/* The recognisers (one file each).  Stage 1 works on tokens alone;
 * officials (stage 2) read the organisations stage 1 kept, to split
 * "title + body + name" and link the person to the body. */
void yg_recognize_provinces(yg_ctx *c);
void yg_recognize_bodies(yg_ctx *c);
void yg_recognize_facilities(yg_ctx *c);
void yg_recognize_hospitals(yg_ctx *c);
void yg_recognize_documents(yg_ctx *c);
void yg_recognize_persons(yg_ctx *c);
void yg_recognize_officials(yg_ctx *c);

/* The first token from i on where a phrase of a kind in `mask` starts, or
 * the token count: most tokens start none, so a recogniser goes from
 * candidate to candidate, asking four tokens' masks at a time. */
static inline size_t yg_next_kind(const yg_ctx *c, size_t i, uint32_t mask)
{
	const uint32_t *kinds = c->kinds;
	size_t n = c->d->toks.len;
	for (; i + 4 <= n; i += 4)
		if ((kinds[i] | kinds[i + 1] | kinds[i + 2] | kinds[i + 3]) & mask)
			break;
	while (i < n && !(kinds[i] & mask))
		i++;
	return i;
}

/* Run every recogniser and resolve overlaps (sets mention.entity to -1 for
 * the dropped ones, 0 for the kept ones until resolve assigns entities),
 * and work out the article's province (d->province_concept). */
void yg_recognize(yg_ctx *c);

#endif
