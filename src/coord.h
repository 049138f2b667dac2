/* coord.h — lists and coordination: one mechanism for every recogniser.
 *
 * Vietnamese news coordinates names in lists: "các Trạm Y tế A, B và C",
 * "Trung tâm Y tế các huyện: A, B, C", "HĐND, UBND tỉnh X", "của Bộ Chính
 * trị và Chính phủ", "hợp nhất A, B và C thành D".  A list is items
 * separated by list-separator words (",", ";"), its last item after a
 * list-and word ("và"); a list-open word (":", "gồm") may introduce it, and
 * after a separator or an opener that ends a line the list goes on on the
 * next line.  What an item is, the caller says. */
#ifndef YG_COORD_H
#define YG_COORD_H

#include "match.h"

/* The length in tokens of an item at token k, 0 if none there. */
typedef size_t (*yg_item_fn)(const yg_ctx *c, size_t k, void *user);
/* Called for every item [start, end), in order. */
typedef void (*yg_emit_fn)(const yg_ctx *c, size_t start, size_t end, void *user);

/* The list whose first item starts at token i (item must accept it).
 * Emits every item and returns one past the last; i when no item is at i.
 * With max_items > 0 it stops after that many (0: no limit). */
size_t yg_list(const yg_ctx *c, size_t i, yg_item_fn item, yg_emit_fn emit, void *user, size_t max_items);

/* The length of a separator between two items at token k (",", ";", "và",
 * ", và"), crossing to the next line after one that ends a line; 0 if
 * none. */
size_t yg_list_sep(const yg_ctx *c, size_t k);

/* The length of a list opener at token k (":", "gồm", "gồm:"), crossing to
 * the next line when it ends one; 0 if none. */
static inline size_t yg_list_open(const yg_ctx *c, size_t k)
{
	/* inline: asked at every token, and it is rarely there */
	size_t n = yg_role_at(c, k, YG_ROLE_LIST_OPEN);
	return n ? n + yg_role_at(c, k + n, YG_ROLE_LIST_OPEN) : 0; /* "gồm:" */
}

#endif
