#include "coord.h"

size_t yg_list_sep(const yg_ctx *c, size_t k)
{
	size_t n = yg_role_at(c, k, YG_ROLE_LIST_SEP);
	return n ? n + yg_role_at(c, k + n, YG_ROLE_LIST_AND) : yg_role_at(c, k, YG_ROLE_LIST_AND);
}

/* Tokens are spans of one text, so an item on the next line simply
 * follows the separator that ended the previous one: a list goes on across
 * a line break only when a separator ends the line. */
size_t yg_list(const yg_ctx *c, size_t i, yg_item_fn item, yg_emit_fn emit, void *user, size_t max_items)
{
	size_t k = i, n = item(c, k, user), count = 0;
	while (n) {
		emit(c, k, k + n, user);
		k += n;
		if (max_items && ++count >= max_items)
			break;
		size_t sep = yg_list_sep(c, k);
		if (!sep || !(n = item(c, k + sep, user)))
			break;
		k += sep;
	}
	return k;
}
