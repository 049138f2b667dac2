/* resolve.h — from mentions to the entities of one article.
 *
 * Groups kept mentions into entities by (type, folded label), records the
 * surface forms as aliases, works out the article's own province (the one
 * its headline or dateline names, else the one it names most, "Thủ đô"
 * counting for Hà Nội) and its publication date. */
#ifndef YG_RESOLVE_H
#define YG_RESOLVE_H

#include "document.h"
#include "lexicon.h"

void yg_resolve(yg_document *d, const yg_lexicon *lx);

/* The publication date written in the text (YYYY-MM-DD, caller frees) or
 * NULL: a metadata line "date 2026-02-26", a full date on one of the first
 * lines, or a lede "Ngày 21/2", "Chiều 26/2" completed with the latest year
 * the article mentions. */
char *yg_find_date(const yg_document *d);

#endif
