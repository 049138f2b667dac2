/* resolve.h — from mentions to the entities of one article.
 *
 * Attaches short references to the full names they abbreviate, groups
 * kept mentions into entities by (type, folded label), records the
 * surface forms as aliases, and finds the entity of the article's own
 * province. */
#ifndef YG_RESOLVE_H
#define YG_RESOLVE_H

#include "match.h"

void yg_resolve(yg_ctx *c);

#endif
