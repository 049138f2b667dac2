/* recognize.h — find entity mentions in a segmented document.
 *
 * Each recogniser adds candidate mentions for one type; yg_recognize runs
 * them all (one table) and then keeps a non-overlapping set by one rule:
 * the longer span wins; for equal spans the higher type priority wins
 * (Hospital, HealthFacility, GovernmentBody, Resolution, Official,
 * Province); then the earlier one.  So a province inside a hospital's name
 * is not a Province mention. */
#ifndef YG_RECOGNIZE_H
#define YG_RECOGNIZE_H

#include "document.h"
#include "lexicon.h"

typedef void (*yg_recognizer_fn)(yg_document *d, const yg_lexicon *lx);

void yg_recognize_provinces(yg_document *d, const yg_lexicon *lx);

/* Run every recogniser and resolve overlaps (sets mention.entity to -1 for
 * the dropped ones, 0 for the kept ones until resolve assigns entities). */
void yg_recognize(yg_document *d, const yg_lexicon *lx);

/* Longest lexicon phrase of `kind` starting at token i (tokens up to `end`,
 * masked tokens never match).  Returns its length in tokens (0 = none) and
 * the concept in *concept. */
size_t yg_match_phrase(const yg_document *d, const yg_lexicon *lx, size_t i,
                       size_t end, int kind, uint32_t *concept);

#endif
