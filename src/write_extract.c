#include "write_extract.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "normalize.h"

/* Code-point offset of a byte offset that starts (or, with end, ends) a
 * token: mention spans do, and the tokenizer counted code points; anything
 * else is counted from the start. */
static size_t cp_at(const yg_document *d, size_t off, int end)
{
	const yg_tokens *t = &d->toks;
	size_t lo = 0, hi = t->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		size_t b = end ? t->items[mid].end : t->items[mid].start;
		if (b < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->len && (end ? t->items[lo].end : t->items[lo].start) == off)
		return end ? t->items[lo].cp_end : t->items[lo].cp_start;
	return yg_utf8_count(d->text.s, off);
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

static void entity_json(yg_buf *b, const yg_document *d, const yg_graph *g, size_t e)
{
	const yg_entity *ent = &d->entities.items[e];
	YG_BUF_LIT(b, "{\"type\":");
	yg_json_str(b, yg_etype_name((yg_etype)ent->type));
	YG_BUF_LIT(b, ",\"label\":");
	yg_json_str(b, ent->label);
	YG_BUF_LIT(b, ",\"aliases\":");
	str_array(b, &ent->aliases);
	char *iri = yg_graph_entity_iri(g, d, e);
	YG_BUF_LIT(b, ",\"iri\":");
	yg_json_str(b, iri);
	free(iri);
	if (ent->identifier) {
		YG_BUF_LIT(b, ",\"identifier\":");
		yg_json_str(b, ent->identifier);
	}
	if (ent->date) {
		YG_BUF_LIT(b, ",\"date\":");
		yg_json_str(b, ent->date);
	}
	const char *issuer = issuer_of(d, e);
	if (issuer) {
		YG_BUF_LIT(b, ",\"issuer\":");
		yg_json_str(b, issuer);
	}
	if (ent->degrees.len) {
		YG_BUF_LIT(b, ",\"degrees\":");
		str_array(b, &ent->degrees);
	}
	YG_BUF_LIT(b, ",\"mentions\":[");
	for (size_t m = 0; m < ent->mentions.len; m++) {
		yg_span sp = ent->mentions.items[m];
		size_t a = cp_at(d, sp.start, 0), z = cp_at(d, sp.end, 1);
		yg_buf_puts(b, m ? ",{\"start\":" : "{\"start\":");
		yg_buf_putu(b, a);
		YG_BUF_LIT(b, ",\"end\":");
		yg_buf_putu(b, z);
		YG_BUF_LIT(b, ",\"text\":");
		yg_json_strn(b, d->text.s + sp.start, sp.end - sp.start);
		yg_buf_putc(b, '}');
	}
	YG_BUF_LIT(b, "]}");
}

void yg_extract_jsonl(yg_buf *b, const yg_document *d, const yg_graph *g)
{
	YG_BUF_LIT(b, "{\"doc\":");
	yg_json_str(b, d->id);
	YG_BUF_LIT(b, ",\"date\":");
	yg_json_opt(b, d->date);
	YG_BUF_LIT(b, ",\"entities\":[");
	for (size_t e = 0; e < d->entities.len; e++) {
		if (e)
			yg_buf_putc(b, ',');
		entity_json(b, d, g, e);
	}
	YG_BUF_LIT(b, "],\"relations\":[");
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		yg_buf_puts(b, i ? ",{\"s\":" : "{\"s\":");
		yg_json_str(b, d->entities.items[r->s].label);
		YG_BUF_LIT(b, ",\"p\":");
		yg_json_str(b, yg_rtype_name((yg_rtype)r->p));
		YG_BUF_LIT(b, ",\"o\":");
		yg_json_str(b, d->entities.items[r->o].label);
		if (r->role) {
			YG_BUF_LIT(b, ",\"role\":");
			yg_json_str(b, r->role);
		}
		if (r->date) {
			YG_BUF_LIT(b, ",\"date\":");
			yg_json_str(b, r->date);
		}
		yg_buf_putc(b, '}');
	}
	YG_BUF_LIT(b, "]}\n");
}

/* Append s for a terminal: a control character (an escape sequence in an
 * id or a label) is written as \xNN, never sent as it is. */
static void put_shown(yg_buf *b, const char *s)
{
	char *shown = yg_text_printable(s, (size_t)-1);
	yg_buf_puts(b, shown);
	free(shown);
}

void yg_extract_text(yg_buf *b, const yg_document *d, const yg_graph *g)
{
	(void)g;
	YG_BUF_LIT(b, "# ");
	put_shown(b, d->id);
	yg_buf_printf(b, "  (date: %s)\n", d->date ? d->date : "unknown");
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		yg_buf_printf(b, "  %-15s ", yg_etype_name((yg_etype)ent->type));
		put_shown(b, ent->label);
		if (ent->identifier) {
			YG_BUF_LIT(b, "  [");
			put_shown(b, ent->identifier);
			yg_buf_putc(b, ']');
		}
		yg_buf_printf(b, "  ×%zu\n", ent->mentions.len);
	}
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		YG_BUF_LIT(b, "  ");
		put_shown(b, d->entities.items[r->s].label);
		yg_buf_printf(b, " —%s%s", yg_rtype_name((yg_rtype)r->p), r->role ? ": " : "");
		if (r->role)
			put_shown(b, r->role);
		YG_BUF_LIT(b, "→ ");
		put_shown(b, d->entities.items[r->o].label);
		yg_buf_putc(b, '\n');
	}
	yg_buf_putc(b, '\n');
}
