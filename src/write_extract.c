#include "write_extract.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "normalize.h"

/* Code-point offsets: mention spans start and end on token boundaries, so
 * one pass over the text gives the code-point offset of every token's
 * start and end, and a span's offsets are found by bisection. */
typedef struct {
	const yg_tokens *t;
	size_t *start_cp, *end_cp;
} cp_index;

static void cp_index_init(cp_index *x, const yg_document *d)
{
	const yg_tokens *t = &d->toks;
	x->t = t;
	x->start_cp = yg_xmalloc((t->len + 1) * sizeof *x->start_cp);
	x->end_cp = yg_xmalloc((t->len + 1) * sizeof *x->end_cp);
	size_t byte = 0, cp = 0;
	for (size_t i = 0; i < t->len; i++) {
		cp += yg_utf8_count(d->text.s + byte, t->items[i].start - byte);
		x->start_cp[i] = cp;
		cp += yg_utf8_count(d->text.s + t->items[i].start, t->items[i].end - t->items[i].start);
		x->end_cp[i] = cp;
		byte = t->items[i].end;
	}
}

/* Code-point offset of a byte offset that starts (or, with end, ends) a
 * token; counts from the nearest token when it does not. */
static size_t cp_at(const cp_index *x, const char *text, size_t off, int end)
{
	size_t lo = 0, hi = x->t->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		size_t b = end ? x->t->items[mid].end : x->t->items[mid].start;
		if (b < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->t->len && (end ? x->t->items[lo].end : x->t->items[lo].start) == off)
		return end ? x->end_cp[lo] : x->start_cp[lo];
	return yg_utf8_count(text, off);
}

static const char *issuer_of(const yg_document *d, size_t e)
{
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		if (r->p == YG_R_ISSUED_BY && r->s == (int32_t)e)
			return d->entities.items[r->o].label;
	}
	return NULL;
}

static void str_array(yg_buf *b, const yg_strlist *l)
{
	yg_buf_putc(b, '[');
	for (size_t i = 0; i < l->len; i++) {
		if (i)
			yg_buf_putc(b, ',');
		yg_json_str(b, l->items[i]);
	}
	yg_buf_putc(b, ']');
}

static void entity_json(yg_buf *b, const yg_document *d, const yg_graph *g, size_t e,
                        const cp_index *cur)
{
	const yg_entity *ent = &d->entities.items[e];
	yg_buf_puts(b, "{\"type\":");
	yg_json_str(b, yg_etype_name((yg_etype)ent->type));
	yg_buf_puts(b, ",\"label\":");
	yg_json_str(b, ent->label);
	yg_buf_puts(b, ",\"aliases\":");
	str_array(b, &ent->aliases);
	char *iri = yg_graph_entity_iri(g, d, e);
	yg_buf_puts(b, ",\"iri\":");
	yg_json_str(b, iri);
	free(iri);
	if (ent->identifier) {
		yg_buf_puts(b, ",\"identifier\":");
		yg_json_str(b, ent->identifier);
	}
	if (ent->date) {
		yg_buf_puts(b, ",\"date\":");
		yg_json_str(b, ent->date);
	}
	const char *issuer = issuer_of(d, e);
	if (issuer) {
		yg_buf_puts(b, ",\"issuer\":");
		yg_json_str(b, issuer);
	}
	if (ent->degrees.len) {
		yg_buf_puts(b, ",\"degrees\":");
		str_array(b, &ent->degrees);
	}
	yg_buf_puts(b, ",\"mentions\":[");
	for (size_t m = 0; m < ent->mentions.len; m++) {
		yg_span sp = ent->mentions.items[m];
		size_t a = cp_at(cur, d->text.s, sp.start, 0), z = cp_at(cur, d->text.s, sp.end, 1);
		yg_buf_puts(b, m ? ",{\"start\":" : "{\"start\":");
		yg_buf_putu(b, a);
		yg_buf_puts(b, ",\"end\":");
		yg_buf_putu(b, z);
		yg_buf_puts(b, ",\"text\":");
		yg_json_strn(b, d->text.s + sp.start, sp.end - sp.start);
		yg_buf_putc(b, '}');
	}
	yg_buf_puts(b, "]}");
}

void yg_extract_jsonl(yg_buf *b, const yg_document *d, const yg_graph *g)
{
	cp_index cur;
	cp_index_init(&cur, d);
	yg_buf_puts(b, "{\"doc\":");
	yg_json_str(b, d->id);
	yg_buf_puts(b, ",\"date\":");
	yg_json_opt(b, d->date);
	yg_buf_puts(b, ",\"entities\":[");
	for (size_t e = 0; e < d->entities.len; e++) {
		if (e)
			yg_buf_putc(b, ',');
		entity_json(b, d, g, e, &cur);
	}
	yg_buf_puts(b, "],\"relations\":[");
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		yg_buf_puts(b, i ? ",{\"s\":" : "{\"s\":");
		yg_json_str(b, d->entities.items[r->s].label);
		yg_buf_puts(b, ",\"p\":");
		yg_json_str(b, yg_rtype_name((yg_rtype)r->p));
		yg_buf_puts(b, ",\"o\":");
		yg_json_str(b, d->entities.items[r->o].label);
		if (r->role) {
			yg_buf_puts(b, ",\"role\":");
			yg_json_str(b, r->role);
		}
		if (r->date) {
			yg_buf_puts(b, ",\"date\":");
			yg_json_str(b, r->date);
		}
		yg_buf_putc(b, '}');
	}
	yg_buf_puts(b, "]}\n");
	free(cur.start_cp);
	free(cur.end_cp);
}

void yg_extract_text(yg_buf *b, const yg_document *d, const yg_graph *g)
{
	(void)g;
	yg_buf_printf(b, "# %s  (date: %s)\n", d->id, d->date ? d->date : "unknown");
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		yg_buf_printf(b, "  %-15s %s", yg_etype_name((yg_etype)ent->type), ent->label);
		if (ent->identifier)
			yg_buf_printf(b, "  [%s]", ent->identifier);
		yg_buf_printf(b, "  ×%zu\n", ent->mentions.len);
	}
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		yg_buf_printf(b, "  %s —%s%s%s→ %s\n", d->entities.items[r->s].label,
		              yg_rtype_name((yg_rtype)r->p), r->role ? ": " : "", r->role ? r->role : "",
		              d->entities.items[r->o].label);
	}
	yg_buf_putc(b, '\n');
}
