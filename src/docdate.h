/* docdate.h — the article's publication date from its own text. */
#ifndef YG_DOCDATE_H
#define YG_DOCDATE_H

#include "match.h"

/* The publication date written in the text (YYYY-MM-DD, caller frees) or
 * NULL: a metadata line "date 2026-02-26", a full date on one of the first
 * lines, or a lede ("Ngày 21/2", "Chiều 26/2": date-word and daypart roles)
 * completed with the latest year the article mentions. */
char *yg_find_date(const yg_ctx *c);

#endif
