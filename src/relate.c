/* relate.c — typed relations between the entities of one article.
 *
 * memberOf comes from the links the official recogniser records (one post
 * per person and body); the finders of relation.h add issuedBy, locatedIn,
 * mergedInto and partnerOf.  Also the helpers they share. */
#include "relate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "relation.h"

int32_t yg_entity_at(const yg_document *d, long t)
{
	if (t < 0)
		return -1;
	long m = yg_mention_at(d, (size_t)t);
	return m >= 0 ? d->mentions.items[m].entity : -1;
}

int32_t yg_province_entity(const yg_ctx *c, int32_t pc, uint32_t a, uint32_t b)
{
	yg_document *d = c->d;
	if (pc < 0)
		return -1;
	/* the name depends on the concept and the article's date only, and
	 * an entity stays: the one found before is the one */
	yg_province_memo *memo = &d->province_memo[(uint32_t)pc % 8];
	int32_t e;
	if (memo->entity1 && memo->concept == pc) {
		e = (int32_t)memo->entity1 - 1;
	} else {
		yg_cite was = d->cite;
		if (b > a)
			yg_document_cite(d, "province.in-name", a);
		e = yg_document_entity(d, YG_T_PROVINCE, yg_province_name(c->lx, (size_t)pc, d->date));
		d->cite = was;
		memo->concept = pc;
		memo->entity1 = (uint32_t)e + 1;
	}
	yg_entity *ent = &d->entities.items[e];
	ent->concept = pc;
	if (b > a)
		yg_document_add_span(d, e, yg_document_span(d, a, b));
	return e;
}

void yg_sentence_mentions(const yg_document *d, uint32_t sent, size_t *lo, size_t *hi)
{
	size_t a = 0, b = d->mentions.len;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (d->toks.items[d->mentions.items[mid].tok_start].sent < sent)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	b = d->mentions.len;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (d->toks.items[d->mentions.items[mid].tok_start].sent <= sent)
			a = mid + 1;
		else
			b = mid;
	}
	*hi = a;
}

/* Does the sentence starting at token t start with a list marker: a
 * dash, "+", a bullet, or a number or letter followed by "." or ")"? */
static int list_item_at(const yg_document *d, size_t t)
{
	static const char *const bullets[] = {"+", "*", "\xE2\x80\xA2", "\xC2\xB7"};
	if (!yg_tok_has(d, t, YG_TOK_LINE_START))
		return 0;
	if (yg_tok_dash(d, t))
		return 1;
	const yg_token *k = &d->toks.items[t];
	for (size_t b = 0; b < sizeof bullets / sizeof *bullets; b++)
		if (k->end - k->start == strlen(bullets[b]) && memcmp(d->text.s + k->start, bullets[b], k->end - k->start) == 0)
			return 1;
	int enumerator = yg_tok_has(d, t, YG_TOK_NUM) || (k->end - k->start == 1 && yg_tok_has(d, t, YG_TOK_WORD));
	return enumerator && t + 1 < d->toks.len && (yg_tok_punct(d, t + 1, '.') || yg_tok_punct(d, t + 1, ')'));
}

static size_t sentence_end(const yg_document *d, size_t t)
{
	uint32_t sent = d->toks.items[t].sent;
	while (t < d->toks.len && d->toks.items[t].sent == sent)
		t++;
	return t;
}

size_t yg_sentence_list_end(const yg_document *d, size_t t)
{
	size_t end = sentence_end(d, t);
	if (!yg_tok_punct(d, end - 1, ':'))
		return end;
	while (end < d->toks.len && list_item_at(d, end)) {
		size_t item = end;
		end = sentence_end(d, end);
		if (end - item <= 2 && end < d->toks.len) /* "3." ended a sentence */
			end = sentence_end(d, end);
	}
	return end;
}

static int tok_int(const yg_document *d, size_t i, int maxlen)
{
	if (!yg_tok_has(d, i, YG_TOK_NUM) || (int)(d->toks.items[i].end - d->toks.items[i].start) > maxlen)
		return -1;
	return atoi(d->text.s + d->toks.items[i].start);
}

/* Is token i inside a kept Resolution mention (its own date)? */
static int in_document_mention(const yg_document *d, size_t i)
{
	size_t lo = 0, hi = d->mentions.len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->mentions.items[mid].tok_start <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && d->mentions.items[lo - 1].tok_end > i && d->mentions.items[lo - 1].type == YG_T_RESOLUTION;
}

/* The full date at token i (its tokens after an optional date word), or
 * NULL. */
static char *date_at(const yg_ctx *c, size_t i);

static char *date_in(const yg_ctx *c, size_t a, size_t b, int since_only);

char *yg_date_between(const yg_ctx *c, size_t a, size_t b)
{
	return date_in(c, a, b, 0);
}

char *yg_date_since(const yg_ctx *c, size_t a, size_t b)
{
	return date_in(c, a, b, 1);
}

static char *date_in(const yg_ctx *c, size_t a, size_t b, int since_only)
{
	/* a date the text says something holds from ("từ ngày 01/7/2025")
	 * first, then any date that is not a document's own */
	char *first = NULL;
	for (size_t i = a; i < b && i < c->d->toks.len; i++) {
		/* a date starts with a number: the cheap test first */
		if (!yg_tok_has(c->d, i, YG_TOK_NUM) || in_document_mention(c->d, i))
			continue;
		char *dt = date_at(c, i);
		if (!dt)
			continue;
		size_t w = 0;
		for (size_t back = 1; back <= 3 && back <= i && !w; back++)
			w = yg_role_at(c, i - back, YG_ROLE_SINCE) >= 1 && i - back >= a;
		if (w) {
			free(first);
			return dt;
		}
		if (!first && !since_only)
			first = dt;
		else
			free(dt);
	}
	return first;
}

static char *date_at(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	{
		int dd = tok_int(d, i, 2), m = -1, y = -1;
		if (dd < 0)
			return NULL;
		size_t mw;
		if (i + 4 < d->toks.len &&
		    (yg_tok_punct(d, i + 1, '/') || yg_tok_punct(d, i + 1, '-') || yg_tok_punct(d, i + 1, '.')) &&
		    d->toks.items[i + 3].start == d->toks.items[i + 2].end) {
			m = tok_int(d, i + 2, 2);
			y = tok_int(d, i + 4, 4);
		} else if ((mw = yg_role_at(c, i + 1, YG_ROLE_MONTH_WORD)) > 0) {
			size_t yw;
			m = tok_int(d, i + 1 + mw, 2);
			if ((yw = yg_role_at(c, i + 2 + mw, YG_ROLE_YEAR_WORD)) > 0)
				y = tok_int(d, i + 2 + mw + yw, 4);
		}
		if (yg_date_in_news(y, m, dd)) {
			char buf[48];
			snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
			return yg_xstrdup(buf);
		}
	}
	return NULL;
}

uint8_t *yg_example_sentences(const yg_ctx *c)
{
	const yg_document *d = c->d;
	uint8_t *g = yg_xcalloc(d->toks.nsent + 1, 1);
	const uint64_t cue = 1ull << YG_ROLE_CENTRAL_LEVEL;
	for (size_t i = yg_next_role(c, 0, cue); i < d->toks.len; i = yg_next_role(c, i + 1, cue))
		if (yg_role_at(c, i, YG_ROLE_CENTRAL_LEVEL))
			g[d->toks.items[i].sent] = 1;
	return g;
}

/* ---- links recorded by the recognisers ---- */

/* The start of a post: a date its sentence says it holds from ("được bổ
 * nhiệm ... kể từ ngày 01/9/2025"), or NULL (caller frees).  The
 * sentence's date is kept for the next link of the same sentence: many
 * persons of one sentence read it once. */
typedef struct {
	uint32_t sent;
	char *date;
	int valid;
} start_memo;

static const char *post_start(const yg_ctx *c, uint32_t tok, start_memo *memo)
{
	const yg_document *d = c->d;
	if (tok >= d->toks.len)
		return NULL;
	uint32_t sent = d->toks.items[tok].sent;
	if (!memo->valid || memo->sent != sent) {
		size_t a = tok, b = tok;
		while (a > 0 && d->toks.items[a - 1].sent == sent)
			a--;
		while (b < d->toks.len && d->toks.items[b].sent == sent)
			b++;
		free(memo->date);
		memo->date = yg_date_since(c, a, b);
		memo->sent = sent;
		memo->valid = 1;
	}
	return memo->date;
}

static void resolve_links(const yg_ctx *c)
{
	yg_document *d = c->d;
	start_memo memo = {0, NULL, 0};
	yg_buf label;
	yg_buf_init(&label);
	for (size_t i = 0; i < d->links.len; i++) {
		const yg_link *l = &d->links.items[i];
		int32_t s = yg_entity_at(d, (long)l->from_tok), o;
		yg_document_cite(d, l->cite.rule, l->cite.tok);
		if (l->to_tok >= 0) {
			o = yg_entity_at(d, l->to_tok);
		} else if (l->of_article) {
			/* "Tỉnh ủy viên": the Tỉnh ủy of the article's province
			 * (or of the side the sentence names) */
			int32_t pc = l->to_concept >= 0 ? l->to_concept : d->province_concept;
			if (pc < 0)
				continue;
			label.len = 0;
			yg_buf_printf(&label, "%s %s", l->to_label, yg_province_name(c->lx, (size_t)pc, d->date));
			o = yg_document_entity(d, (yg_etype)l->to_type, label.s);
			d->entities.items[o].place = pc;
			if (l->to_b > l->to_a)
				yg_document_add_span(d, o, yg_document_span(d, l->to_a, l->to_b));
		} else {
			o = yg_document_entity(d, (yg_etype)l->to_type, l->to_label);
			if (l->to_type == YG_T_PROVINCE)
				d->entities.items[o].concept = l->to_concept;
			if (l->to_b > l->to_a)
				yg_document_add_span(d, o, yg_document_span(d, l->to_a, l->to_b));
		}
		if (s < 0 || o < 0)
			continue;
		if (l->p == YG_R_ISSUED_BY && d->entities.items[o].type != YG_T_BODY)
			continue;
		size_t before = d->relations.len;
		yg_document_relate(d, s, (yg_rtype)l->p, o, l->role, l->date);
		if (d->relations.len > before) {
			yg_relation *r = &d->relations.items[before];
			r->weight = l->weight;
			r->heads = l->heads;
			if (l->p == YG_R_MEMBER_OF)
				r->start = yg_document_strdup(d, post_start(c, l->from_tok, &memo));
		}
	}
	yg_buf_free(&label);
	free(memo.date);
}

/* One person, one post per body: the one the article gives most weight
 * (appointed over held over former), then the one stated last. */
typedef struct {
	int32_t s, o;
	uint8_t weight;
	size_t index;
} post;

static int cmp_post(const void *a, const void *b)
{
	const post *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->o != y->o)
		return x->o < y->o ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void one_post_per_body(yg_document *d)
{
	post *ps = yg_xmalloc((d->relations.len + 1) * sizeof *ps);
	uint8_t *keep = yg_xmalloc(d->relations.len + 1);
	size_t n = 0;
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		keep[i] = r->p != YG_R_MEMBER_OF;
		if (r->p == YG_R_MEMBER_OF)
			ps[n++] = (post){r->s, r->o, r->weight, i};
	}
	yg_sort(ps, n, sizeof *ps, cmp_post);
	for (size_t i = 0; i < n; i++)
		if (i + 1 == n || ps[i + 1].s != ps[i].s || ps[i + 1].o != ps[i].o)
			keep[ps[i].index] = 1; /* the last of its (s, o) group */
	yg_document_filter_relations(d, keep);
	free(keep);
	free(ps);
}


static int cmp_span(const void *a, const void *b)
{
	const yg_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Mentions were appended by several finders (a province named inside a
 * name, an issuer's code): text order, each span once. */
static void tidy_mentions(yg_entity *e)
{
	yg_sort(e->mentions.items, e->mentions.len, sizeof(yg_span), cmp_span);
	size_t out = 0;
	for (size_t i = 0; i < e->mentions.len; i++)
		if (!out || e->mentions.items[i].start != e->mentions.items[out - 1].start)
			e->mentions.items[out++] = e->mentions.items[i];
	e->mentions.len = out;
}

void yg_relate(yg_ctx *c)
{
	yg_document *d = c->d;
	resolve_links(c);
	one_post_per_body(d);
	yg_relate_issuers(c);
	uint8_t *examples = yg_example_sentences(c);
	yg_relate_locations(c, examples);
	yg_relate_mergers(c);
	yg_relate_partners(c, examples);
	free(examples);
	for (size_t e = 0; e < d->entities.len; e++)
		tidy_mentions(&d->entities.items[e]);
}
