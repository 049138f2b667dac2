#include "write_extract.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "normalize.h"

/* The first token that starts (end: ends) at or after off, from token lo
 * on. */
static size_t token_from(const yg_tokens *t, size_t lo, size_t off, int end)
{
	size_t hi = t->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		size_t b = end ? t->items[mid].end : t->items[mid].start;
		if (b < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Code-point offset of a byte offset that starts (or, with end, ends) a
 * token (token lo, if any): mention spans do, and the tokenizer counted
 * code points; anything else is counted from the start. */
static size_t cp_of(const yg_document *d, size_t lo, size_t off, int end)
{
	const yg_tokens *t = &d->toks;
	if (lo < t->len && (end ? t->items[lo].end : t->items[lo].start) == off)
		return end ? t->items[lo].cp_end : t->items[lo].cp_start;
	return yg_utf8_count(d->text.s, off);
}

static size_t cp_at(const yg_document *d, size_t off, int end)
{
	return cp_of(d, token_from(&d->toks, 0, off, end), off, end);
}

/* Code-point offsets of a mention's span: its end is sought from its
 * first token on (the tokens before it end before it starts), a few
 * tokens away, not over the whole text again. */
static void cp_span(const yg_document *d, yg_span sp, size_t *a, size_t *z)
{
	const yg_tokens *t = &d->toks;
	size_t first = token_from(t, 0, sp.start, 0);
	*a = cp_of(d, first, sp.start, 0);
	size_t lo = 0;
	if (first < t->len && t->items[first].start == sp.start && sp.end > sp.start) {
		for (lo = first; lo < t->len && t->items[lo].end < sp.end && lo < first + 8; lo++)
			;
	}
	if (lo >= t->len || t->items[lo].end < sp.end)
		lo = token_from(t, lo, sp.end, 1);
	*z = cp_of(d, lo, sp.end, 1);
}

/* What one record needs besides the document, computed once so that a
 * record stays linear in the document's size. */
typedef struct {
	int32_t *issuer;      /* [entities] the first issuedBy object, or -1 */
	uint32_t *sent_first; /* [nsent + 1] the first token of each sentence,
	                       * UINT32_MAX until a cite asks (a few of all
	                       * sentences: no pass over all tokens) */
	uint8_t **nested;     /* [entities][mentions] inside another's mention */
	uint8_t *nested_flags; /* the block nested[] point into */
	size_t *label_at;     /* [2 * entities] where the entity's record wrote
	                       * its label as JSON in the output (start, end),
	                       * so that the relations copy it; 0, 0: not yet */
	struct {              /* the same for static names (types, predicates,
	                       * rules), by address: a few, written many times */
		const char *s;
		size_t start, end;
	} names[32];
} record_index;

/* A mention inside another entity's longer mention ("tỉnh Lào Cai" in
 * "Bệnh viện Đa khoa tỉnh Lào Cai"): sorted by start, then longest first,
 * a span ends no later than the furthest end before it. */
static void mark_nested(const yg_document *d, record_index *ix)
{
	size_t n = 0, k = 0;
	for (size_t e = 0; e < d->entities.len; e++)
		n += d->entities.items[e].mentions.len;
	ix->nested = yg_xmalloc((d->entities.len + 1) * sizeof *ix->nested);
	/* one block for all entities' flags */
	uint8_t *flags = ix->nested_flags = yg_xcalloc(n + d->entities.len + 1, 1);
	/* by start, the longer first, then entity and mention: two words
	 * that compare inline (a span's start and end fit 32 bits, as in
	 * yg_span) */
	yg_key2 *all = yg_xmalloc(2 * (n + 1) * sizeof *all);
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		ix->nested[e] = flags;
		flags += ent->mentions.len + 1;
		for (size_t m = 0; m < ent->mentions.len; m++) {
			yg_span sp = ent->mentions.items[m];
			all[k++] = (yg_key2){(uint64_t)sp.start << 32 | (UINT32_MAX - sp.end), (uint64_t)e << 32 | m};
		}
	}
	yg_sort_key2(all, all + n, n);
	uint32_t reach = 0, reach_start = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t start = (uint32_t)(all[i].hi >> 32), end = UINT32_MAX - (uint32_t)all[i].hi;
		if (i && end <= reach && !(start == reach_start && end == reach))
			ix->nested[all[i].lo >> 32][(uint32_t)all[i].lo] = 1;
		if (!i || end > reach) {
			reach = end;
			reach_start = start;
		}
	}
	free(all);
}

static void index_record(const yg_document *d, record_index *ix)
{
	ix->issuer = yg_xmalloc((d->entities.len + 1) * sizeof *ix->issuer);
	ix->label_at = yg_xcalloc(2 * d->entities.len + 1, sizeof *ix->label_at);
	for (size_t i = 0; i < sizeof ix->names / sizeof ix->names[0]; i++)
		ix->names[i].s = NULL;
	for (size_t e = 0; e < d->entities.len; e++)
		ix->issuer[e] = -1;
	for (size_t i = d->relations.len; i-- > 0;) {
		const yg_relation *r = &d->relations.items[i];
		if (r->p == YG_R_ISSUED_BY)
			ix->issuer[r->s] = r->o;
	}
	uint32_t ns = d->toks.nsent;
	ix->sent_first = yg_xmalloc((ns + 1) * sizeof *ix->sent_first);
	for (uint32_t i = 0; i < ns; i++)
		ix->sent_first[i] = UINT32_MAX;
	ix->sent_first[ns] = (uint32_t)d->toks.len;
	mark_nested(d, ix);
}

static void index_free(const yg_document *d, record_index *ix)
{
	free(ix->nested_flags);
	free(ix->nested);
	free(ix->issuer);
	free(ix->sent_first);
	free(ix->label_at);
}

/* The first token in [lo, hi) of sentence s or a later one, hi if none:
 * tokens are numbered by sentence in order, one more at each sentence
 * start (yg_segment_sentences), so a few halvings find it. */
static size_t sentence_from(const yg_tokens *t, size_t lo, size_t hi, uint32_t s)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->items[mid].sent < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The tokens [*a, *z) of the sentence of token t (evidence); 0 when it
 * has none. */
static int sentence_tokens(const yg_document *d, const record_index *ix, uint32_t t, uint32_t *a,
                           uint32_t *z)
{
	if (t >= d->toks.len)
		return 0;
	uint32_t s = d->toks.items[t].sent, *first = ix->sent_first;
	if (first[s] == UINT32_MAX)
		first[s] = (uint32_t)sentence_from(&d->toks, 0, t, s);
	if (first[s + 1] == UINT32_MAX)
		first[s + 1] = (uint32_t)sentence_from(&d->toks, t + 1, d->toks.len, s + 1);
	*a = first[s];
	*z = first[s + 1];
	return *z > *a && d->toks.items[*z - 1].end > d->toks.items[*a].start;
}

/* The byte span of the sentence of token t (evidence), or 0, 0. */
static yg_span sentence_of(const yg_document *d, const record_index *ix, uint32_t t)
{
	yg_span sp = {0, 0};
	uint32_t a, z;
	if (!sentence_tokens(d, ix, t, &a, &z))
		return sp;
	sp.start = d->toks.items[a].start;
	sp.end = d->toks.items[z - 1].end;
	return sp;
}

/* A static name (a type's, a predicate's, a rule's) as a JSON string:
 * escaped once a record, by address, and copied from there after. */
static void name_json(yg_buf *b, record_index *ix, const char *s)
{
	size_t slot = (size_t)(((uintptr_t)s * 0x9E3779B97F4A7C15ULL) >> 59);
	if (ix->names[slot].s == s) {
		size_t start = ix->names[slot].start, end = ix->names[slot].end;
		yg_buf_reserve(b, end - start); /* first: the copy is from b itself */
		yg_buf_add(b, b->s + start, end - start);
		return;
	}
	ix->names[slot].s = s;
	ix->names[slot].start = b->len;
	yg_json_str(b, s);
	ix->names[slot].end = b->len;
}

static void cite_json(yg_buf *b, const yg_document *d, record_index *ix, const yg_cite *c)
{
	if (!c->rule)
		return;
	YG_BUF_LIT(b, ",\"rule\":");
	name_json(b, ix, c->rule);
	uint32_t a, z;
	if (sentence_tokens(d, ix, c->tok, &a, &z)) {
		/* the sentence starts and ends with tokens, whose code-point
		 * offsets the tokenizer counted */
		YG_BUF_LIT(b, ",\"evidence\":{\"start\":");
		yg_buf_putu(b, d->toks.items[a].cp_start);
		YG_BUF_LIT(b, ",\"end\":");
		yg_buf_putu(b, d->toks.items[z - 1].cp_end);
		yg_buf_putc(b, '}');
	}
}

/* Entity e's label as a JSON string: escaped once, by its record, and
 * copied from there. */
static void label_json(yg_buf *b, const yg_document *d, const record_index *ix, size_t e)
{
	size_t start = ix->label_at[2 * e], end = ix->label_at[2 * e + 1];
	if (end <= start) {
		yg_json_str(b, d->entities.items[e].label);
		return;
	}
	yg_buf_reserve(b, end - start); /* first: the copy is from b itself */
	yg_buf_add(b, b->s + start, end - start);
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

/* scratch: room for the entity's IRI, reused from entity to entity */
static void entity_json(yg_buf *b, const yg_document *d, const yg_graph *g, record_index *ix, size_t e,
                        yg_buf *scratch)
{
	const yg_entity *ent = &d->entities.items[e];
	YG_BUF_LIT(b, "{\"type\":");
	name_json(b, ix, yg_etype_name((yg_etype)ent->type));
	YG_BUF_LIT(b, ",\"label\":");
	ix->label_at[2 * e] = b->len;
	yg_json_str(b, ent->label);
	ix->label_at[2 * e + 1] = b->len;
	YG_BUF_LIT(b, ",\"aliases\":");
	str_array(b, &ent->aliases);
	scratch->len = 0;
	yg_graph_entity_iri_into(scratch, g, d, e);
	YG_BUF_LIT(b, ",\"iri\":");
	yg_json_strn(b, scratch->s, scratch->len);
	if (ent->identifier) {
		YG_BUF_LIT(b, ",\"identifier\":");
		yg_json_str(b, ent->identifier);
	}
	if (ent->date) {
		YG_BUF_LIT(b, ",\"date\":");
		yg_json_str(b, ent->date);
	}
	if (ix->issuer[e] >= 0) {
		YG_BUF_LIT(b, ",\"issuer\":");
		label_json(b, d, ix, (size_t)ix->issuer[e]);
	}
	if (ent->degrees.len) {
		YG_BUF_LIT(b, ",\"degrees\":");
		str_array(b, &ent->degrees);
	}
	YG_BUF_LIT(b, ",\"mentions\":[");
	for (size_t m = 0; m < ent->mentions.len; m++) {
		yg_span sp = ent->mentions.items[m];
		size_t a, z;
		cp_span(d, sp, &a, &z);
		yg_buf_puts(b, m ? ",{\"start\":" : "{\"start\":");
		yg_buf_putu(b, a);
		YG_BUF_LIT(b, ",\"end\":");
		yg_buf_putu(b, z);
		YG_BUF_LIT(b, ",\"text\":");
		yg_json_strn(b, d->text.s + sp.start, sp.end - sp.start);
		if (ix->nested[e][m])
			YG_BUF_LIT(b, ",\"nested\":true");
		yg_buf_putc(b, '}');
	}
	yg_buf_putc(b, ']');
	cite_json(b, d, ix, &ent->cite);
	yg_buf_putc(b, '}');
}

void yg_extract_jsonl(yg_buf *b, const yg_document *d, const yg_graph *g)
{
	YG_BUF_LIT(b, "{\"doc\":");
	yg_json_str(b, d->id);
	YG_BUF_LIT(b, ",\"date\":");
	yg_json_opt(b, d->date);
	record_index ix;
	index_record(d, &ix);
	YG_BUF_LIT(b, ",\"entities\":[");
	yg_buf scratch;
	yg_buf_init(&scratch);
	for (size_t e = 0; e < d->entities.len; e++) {
		if (e)
			yg_buf_putc(b, ',');
		entity_json(b, d, g, &ix, e, &scratch);
	}
	yg_buf_free(&scratch);
	YG_BUF_LIT(b, "],\"relations\":[");
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		yg_buf_puts(b, i ? ",{\"s\":" : "{\"s\":");
		label_json(b, d, &ix, (size_t)r->s);
		YG_BUF_LIT(b, ",\"p\":");
		name_json(b, &ix, yg_rtype_name((yg_rtype)r->p));
		YG_BUF_LIT(b, ",\"o\":");
		label_json(b, d, &ix, (size_t)r->o);
		if (r->role) {
			YG_BUF_LIT(b, ",\"role\":");
			yg_json_str(b, r->role);
		}
		if (r->date) {
			YG_BUF_LIT(b, ",\"date\":");
			yg_json_str(b, r->date);
		}
		if (r->start) {
			YG_BUF_LIT(b, ",\"start\":");
			yg_json_str(b, r->start);
		}
		cite_json(b, d, &ix, &r->cite);
		yg_buf_putc(b, '}');
	}
	YG_BUF_LIT(b, "]}\n");
	index_free(d, &ix);
}

/* Append s for a terminal: a control character (an escape sequence in an
 * id or a label) is written as \xNN, never sent as it is. */
static void put_shown(yg_buf *b, const char *s)
{
	char *shown = yg_text_printable(s, (size_t)-1);
	yg_buf_puts(b, shown);
	free(shown);
}

/* How much of an evidence sentence --explain shows (code points). */
enum { EXPLAIN_WIDTH = 300 };

static void explain_line(yg_buf *b, const yg_document *d, const record_index *ix, const yg_cite *c)
{
	if (!c->rule)
		return;
	yg_buf_printf(b, "      rule %s", c->rule);
	yg_span sp = sentence_of(d, ix, c->tok);
	if (sp.end > sp.start) {
		char *sent = yg_xstrndup(d->text.s + sp.start, sp.end - sp.start);
		for (char *p = sent; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' '; /* a sentence wrapped over lines: one line here */
		char *shown = yg_text_printable(sent, EXPLAIN_WIDTH);
		yg_buf_printf(b, "  [%zu-%zu] ", cp_at(d, sp.start, 0), cp_at(d, sp.end, 1));
		yg_buf_puts(b, shown);
		free(shown);
		free(sent);
	}
	yg_buf_putc(b, '\n');
}

void yg_extract_text(yg_buf *b, const yg_document *d, const yg_graph *g, int explain)
{
	(void)g;
	record_index ix;
	if (explain)
		index_record(d, &ix);
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
		if (explain)
			explain_line(b, d, &ix, &ent->cite);
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
		if (explain)
			explain_line(b, d, &ix, &r->cite);
	}
	yg_buf_putc(b, '\n');
	if (explain)
		index_free(d, &ix);
}
