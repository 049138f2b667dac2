/* relate.h — typed relations between the entities of one article:
 * memberOf (with the role as written), locatedIn, issuedBy, mergedInto,
 * partnerOf.  See EXTRACTION.md for when the text supports each. */
#ifndef YG_RELATE_H
#define YG_RELATE_H

#include "match.h"

void yg_relate(yg_ctx *c);

#endif
