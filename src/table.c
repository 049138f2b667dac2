#include "table.h"

#include <stdlib.h>

#include "buf.h"

/* Walks a line's tokens with the index of the cell each is in (a leading
 * separator opens cell 0: "| 1 | Lào Cai |"). */
typedef struct {
	const yg_ctx *c;
	const yg_line *l;
	size_t t;
	int cell;
	int cell_start; /* t is the first token of its cell */
} cell_walk;

static void walk_init(cell_walk *w, const yg_ctx *c, const yg_line *l)
{
	w->c = c;
	w->l = l;
	w->t = l->tok_first;
	w->cell = 0;
	w->cell_start = 1;
	while (w->t < l->tok_end && yg_role_at(c, w->t, YG_ROLE_CELL_SEP))
		w->t++; /* a leading separator */
}

/* Move to the next token that is not a separator; 0 at the line's end. */
static int walk_next(cell_walk *w)
{
	w->t++;
	w->cell_start = 0;
	while (w->t < w->l->tok_end && yg_role_at(w->c, w->t, YG_ROLE_CELL_SEP)) {
		w->t++;
		w->cell++;
		w->cell_start = 1;
	}
	return w->t < w->l->tok_end;
}

static int separators(const yg_ctx *c, const yg_line *l)
{
	int n = 0;
	for (size_t t = l->tok_first; t < l->tok_end; t++)
		n += yg_role_at(c, t, YG_ROLE_CELL_SEP) > 0;
	return n;
}

/* The place column of a header line, or -1: the cell that starts with a
 * column-place word, in a line that also has a person's column (name or
 * title). */
static int place_column(const yg_ctx *c, const yg_line *l)
{
	int place = -1, person = 0;
	cell_walk w;
	walk_init(&w, c, l);
	for (int more = w.t < l->tok_end; more; more = walk_next(&w)) {
		if (!w.cell_start)
			continue;
		if (place < 0 && yg_role_at(c, w.t, YG_ROLE_COLUMN_PLACE))
			place = w.cell;
		person |= yg_role_at(c, w.t, YG_ROLE_COLUMN_PERSON) > 0;
	}
	return person ? place : -1;
}

/* The province named in cell `cell` of a row, or -1. */
static int32_t row_province(const yg_ctx *c, const yg_line *l, int cell)
{
	cell_walk w;
	walk_init(&w, c, l);
	for (int more = w.t < l->tok_end; more && w.cell <= cell; more = walk_next(&w)) {
		uint32_t pc;
		if (w.cell == cell && yg_province_at(c, w.t, &pc))
			return (int32_t)pc;
	}
	return -1;
}

/* Most documents have no table: one pass over the role masks tells
 * whether any token may start a separator, cheaper than walking every
 * line's tokens for separators. */
static int may_have_separators(const yg_ctx *c)
{
	/* four masks a step: the loop's own count and test cost more than
	 * the OR of one mask */
	const uint64_t *r = c->roles;
	size_t n = c->d->toks.len, k = 0;
	uint64_t a = 0, b = 0, e = 0, f = 0;
	for (; k + 4 <= n; k += 4) {
		a |= r[k];
		b |= r[k + 1];
		e |= r[k + 2];
		f |= r[k + 3];
	}
	for (; k < n; k++)
		a |= r[k];
	return (((a | b | e | f) >> YG_ROLE_CELL_SEP) & 1) != 0;
}

/* The per-token array, made at the first row that needs it. */
static int32_t *row_places_array(const yg_document *d)
{
	int32_t *at = yg_xmalloc((d->toks.len + 1) * sizeof *at);
	for (size_t k = 0; k < d->toks.len; k++)
		at[k] = -1;
	return at;
}

int32_t *yg_table_row_places(const yg_ctx *c)
{
	const yg_document *d = c->d;
	if (!may_have_separators(c))
		return NULL;
	int32_t *at = NULL;
	int column = -1; /* the place column of the table being read */
	for (size_t li = 0; li < d->toks.nlines; li++) {
		const yg_line *l = &d->toks.lines[li];
		if (l->tok_first == l->tok_end)
			continue; /* a blank line inside a table */
		if (separators(c, l) < 2) {
			column = -1;
			continue;
		}
		int header = place_column(c, l);
		if (header >= 0) {
			column = header;
			continue;
		}
		if (column < 0)
			continue;
		if (!at)
			at = row_places_array(d);
		int32_t pc = row_province(c, l, column);
		for (size_t t = l->tok_first; t < l->tok_end; t++)
			at[t] = pc;
	}
	return at;
}
