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

/* Run every recogniser and resolve overlaps (sets mention.entity to -1 for
 * the dropped ones, 0 for the kept ones until resolve assigns entities),
 * and work out the article's province (d->province_concept). */
void yg_recognize(yg_ctx *c);

#endif
