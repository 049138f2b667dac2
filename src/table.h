/* table.h — tables written as text: lines of cells between "|" (a
 * cell-separator word), a header line naming its columns with column
 * words (lexicon/words.ttl: "Họ và tên", "Chức vụ", "Tỉnh" ...) and the
 * rows under it, up to the first line without a separator.  A row is a
 * list whose items the header names: the province in a row's place
 * column is where the units of that row are ("| 2 | Yên Bái | Trần Thị
 * Bình | Giám đốc Sở Y tế |": the Sở Y tế of Yên Bái). */
#ifndef YG_TABLE_H
#define YG_TABLE_H

#include "match.h"

/* For every token, the province concept the place column of its table
 * row names, or -1 (no table, no place column, or no province in it).
 * NULL when no token is in such a row (most documents: no table).
 * One pass over the lines.  Caller frees. */
int32_t *yg_table_row_places(const yg_ctx *c);

#endif
