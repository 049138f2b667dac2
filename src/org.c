#include "org.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "coord.h"

/* "(CDC)" right after a head: an acronym the text defines, skipped. */
static size_t acronym(const yg_ctx *c, size_t j)
{
	const yg_document *d = c->d;
	if (yg_tok_punct(d, j, '(') && yg_tok_has(d, j + 1, YG_TOK_ALLCAP) && yg_tok_punct(d, j + 2, ')'))
		return 3;
	return 0;
}

/* The text of tokens [a, b) appended to out with single spaces. */
static void put_text(const yg_document *d, size_t a, size_t b, yg_buf *out)
{
	yg_document_text_into(d, (uint32_t)a, (uint32_t)b, out);
}

typedef struct {
	yg_ctx *c;
	const yg_org_type *t;
	uint32_t head;
	size_t head_start;   /* the first item's mention starts at the head */
	int32_t unit;        /* a unit word every item shares ("các huyện"), or -1 */
	unsigned flags;      /* yg_place_at flags for the items */
	uint8_t first_kind;  /* the first item's place kind */
	int32_t first_unit;  /* ... and its unit word */
	size_t items;
} org_scan;

/* Label of head `hc` named with place p (the shared unit when the place
 * has none of its own).  Returns 1 when the label is complete; 0 when the
 * text does not tell which one it is (a bare head or unit word of district
 * level: a short reference); 2 for a provincial unit named without its
 * province, which is the article province's (resolve.c completes it once
 * every province of the article is known). */
static int org_label(const org_scan *s, const yg_place *p, yg_buf *out)
{
	const yg_ctx *c = s->c;
	const yg_document *d = c->d;
	const yg_concept *h = yg_concept_of(c, s->head);
	int32_t unit = p->unit >= 0 ? p->unit : s->unit >= 0 ? s->unit : s->first_unit;
	yg_buf_puts(out, yg_head_label(c, s->head));
	switch (p->kind) {
	case YG_PLACE_PROVINCE:
		yg_buf_putc(out, ' ');
		if (h->scope == YG_SCOPE_NAMED)
			put_text(d, p->start, p->end, out);
		else /* as written: with the unit word only where the text has it */
			yg_province_label(c, p->province, s->t->with_unit && p->unit >= 0, out);
		return 1;
	case YG_PLACE_LOCAL:
	case YG_PLACE_NAME:
		if (unit >= 0) {
			yg_buf_putc(out, ' ');
			yg_buf_puts(out, yg_concept_of(c, (uint32_t)unit)->pref);
		}
		yg_buf_putc(out, ' ');
		put_text(d, p->name, p->end, out);
		return 1;
	case YG_PLACE_UNIT:
		if (yg_concept_of(c, (uint32_t)p->unit)->level != YG_LEVEL_PROVINCE)
			return 0;
		/* "UBND tỉnh" is the article province's */
		__attribute__((fallthrough));
	default:
		if (h->scope == YG_SCOPE_NATIONAL || h->scope == YG_SCOPE_NAMED)
			return 1;
		if (h->scope != YG_SCOPE_PROVINCE && p->kind != YG_PLACE_UNIT)
			return 0;
		return 2;
	}
}

static void emit_place(org_scan *s, size_t start, size_t end, const yg_place *p, int elliptic)
{
	yg_ctx *c = s->c;
	yg_document *d = c->d;
	yg_buf label;
	yg_buf_init(&label);
	int known = org_label(s, p, &label);
	{
		/* the province the label names, for locatedIn */
		int32_t prov = p->kind == YG_PLACE_PROVINCE ? p->province : -1;
		size_t m = yg_document_add_mention(d, (uint32_t)start, (uint32_t)end, s->t->type, prov, label.s);
		yg_mention *mm = &d->mentions.items[m];
		mm->head = (int32_t)s->head;
		mm->elliptic = (uint8_t)elliptic;
		/* a bare head names its article's one full mention, if any */
		mm->is_short = known == 2 ? 5
		               : !known || (yg_concept_of(c, s->head)->scope == YG_SCOPE_NAMED &&
		                            p->kind != YG_PLACE_PROVINCE) ? 4 : 0;
		mm->with_unit = (uint8_t)s->t->with_unit;
		mm->place_kind = p->kind;
		if (p->kind == YG_PLACE_UNIT)
			mm->bare_unit = p->unit;
		if (p->kind == YG_PLACE_PROVINCE) {
			mm->place_start = p->start;
			mm->place_end = p->end;
		}
		/* one body or facility per head and province, however written */
		if (prov >= 0) {
			label.len = 0;
			yg_buf_puts(&label, yg_head_label(c, s->head));
			yg_buf_putc(&label, ' ');
			yg_province_label(c, prov, 0, &label);
			mm->canon = yg_xstrdup(label.s);
		}
		/* a local place written out: what a bare unit word or head in the
		 * article may refer to */
		if (p->kind == YG_PLACE_LOCAL) {
			mm->local_start = p->name;
			mm->local_end = p->end;
			mm->local_unit = p->unit;
		}
	}
	yg_buf_free(&label);
}

/* The place at k for this head: heads of district or commune scope are
 * named with local places, so a name that is also a province's is a local
 * name there ("Trung tâm Y tế khu vực Yên Bái" after the 2025 merger). */
static size_t org_place(const org_scan *s, size_t k, yg_place *p)
{
	size_t n = yg_place_at(s->c, k, s->flags, p);
	uint8_t scope = yg_concept_of(s->c, s->head)->scope;
	if (p->kind == YG_PLACE_PROVINCE && p->unit < 0 && (scope == YG_SCOPE_DISTRICT || scope == YG_SCOPE_COMMUNE)) {
		p->kind = YG_PLACE_NAME;
		p->province = -1;
		p->name = p->start;
	}
	return n;
}

/* An item of a list of places sharing one head. */
static size_t place_item(const yg_ctx *c, size_t k, void *user)
{
	org_scan *s = user;
	yg_place p;
	(void)c;
	size_t n = org_place(s, k, &p);
	if (!n || p.kind == YG_PLACE_UNIT)
		return 0;
	/* a province continues a list only with its own unit word ("tỉnh A
	 * và tỉnh B"): "Sở Y tế huyện X, Hà Nội" names X's province */
	if (s->items && p.kind == YG_PLACE_PROVINCE && (p.unit < 0 || s->first_kind != YG_PLACE_PROVINCE))
		return 0;
	if (s->items && s->first_kind == YG_PLACE_PROVINCE && p.kind != YG_PLACE_PROVINCE)
		return 0;
	/* three capitalised words from a family name are a person */
	if (p.kind == YG_PLACE_NAME && n >= 3 && yg_phrase(c, k, YG_LEX_FAMILY, NULL))
		return 0;
	return n;
}

static void emit_item(const yg_ctx *cc, size_t start, size_t end, void *user)
{
	org_scan *s = user;
	yg_place p;
	(void)cc;
	org_place(s, start, &p);
	if (!s->items) {
		s->first_kind = p.kind;
		s->first_unit = p.unit;
	}
	emit_place(s, s->items ? start : s->head_start, end, &p, s->items > 0);
	s->items++;
}

/* "HĐND, UBND tỉnh X", "Thành ủy - HĐND - UBND TP HCM": heads joined by
 * separators or dashes share the place after the last one.  Fills the
 * heads after the first (at most 8) and returns where the place may start,
 * or 0 when no other head follows. */
typedef struct {
	size_t start, end;
	uint32_t head;
} chained;

static size_t head_chain(const yg_ctx *c, const yg_org_type *t, size_t k, chained *out, size_t *count)
{
	const yg_document *d = c->d;
	*count = 0;
	while (*count < 8) {
		size_t sep = yg_list_sep(c, k);
		if (!sep && yg_tok_dash(d, k))
			sep = 1;
		uint32_t hc;
		size_t hn = sep ? yg_phrase(c, k + sep, t->lex_kind, &hc) : 0;
		if (!hn || !yg_starts_capital(d, k + sep))
			break;
		out[*count].start = k + sep;
		out[*count].end = k + sep + hn;
		out[(*count)++].head = hc;
		k += sep + hn;
	}
	return *count ? k : 0;
}

size_t yg_org_at(yg_ctx *c, const yg_org_type *t, size_t i)
{
	yg_document *d = c->d;
	uint32_t hc;
	size_t n = yg_phrase(c, i, t->lex_kind, &hc);
	if (!n)
		return i;
	int plural = yg_role_before(c, i, YG_ROLE_PLURAL);
	if ((!plural && !yg_starts_capital(d, i)) || yg_role_before(c, i, YG_ROLE_GENERIC))
		return i;
	const yg_concept *h = yg_concept_of(c, hc);
	org_scan s = {c, t, hc, i, -1, 0, 0, -1, 0};
	if (h->scope == YG_SCOPE_NATIONAL) {
		yg_place none = {0, (uint32_t)i, (uint32_t)(i + n), 0, -1, -1};
		emit_place(&s, i, i + n, &none, 0);
		return i + n;
	}
	if (h->scope == YG_SCOPE_NAMED) {
		/* complete by itself; a province written after it stays in the
		 * label as written ("Trung tâm Cấp cứu 115 TP.HCM") */
		yg_place p;
		size_t pn = yg_place_at(c, i + n, 0, &p);
		if (p.kind != YG_PLACE_PROVINCE) {
			memset(&p, 0, sizeof p);
			p.province = p.unit = -1;
			pn = 0;
		}
		emit_place(&s, i, i + n + pn, &p, 0);
		return i + n + pn;
	}
	s.flags = (t->name_scopes & (1u << h->scope)) ? YG_PLACE_ALLOW_NAME : 0;
	size_t j = i + n;
	j += acronym(c, j);
	/* "Trung tâm Y tế các huyện: A, B": the unit word every item shares */
	size_t pu = yg_role_at(c, j, YG_ROLE_PLURAL), un;
	uint32_t uc;
	if (pu && (un = yg_phrase(c, j + pu, YG_LEX_UNIT, &uc)) > 0) {
		s.unit = (int32_t)uc;
		s.flags |= YG_PLACE_ALLOW_NAME;
		j += pu + un;
	}
	size_t open = yg_list_open(c, j);
	if (plural || s.unit >= 0 || open) {
		if (plural || open)
			s.flags |= YG_PLACE_ALLOW_NAME;
		size_t end = yg_list(c, j + open, place_item, emit_item, &s, 0);
		if (end > j + open)
			return end;
		if (plural || s.unit >= 0)
			return j; /* "các trung tâm y tế" alone: generic */
	}
	yg_place p;
	size_t pn = org_place(&s, j, &p);
	if (p.kind == YG_PLACE_NONE) {
		chained more[8];
		size_t count, at = head_chain(c, t, j, more, &count);
		if (at && yg_place_at(c, at, 0, &p) && (p.kind == YG_PLACE_PROVINCE || p.kind == YG_PLACE_LOCAL)) {
			emit_place(&s, i, j, &p, 0);
			for (size_t k = 0; k < count; k++) {
				s.head = more[k].head;
				emit_place(&s, more[k].start, k + 1 == count ? p.end : more[k].end, &p, 0);
			}
			return p.end;
		}
		emit_place(&s, i, j, &p, 0);
		return j;
	}
	if (p.kind == YG_PLACE_UNIT) {
		emit_place(&s, i, j + pn, &p, 0);
		return j + pn;
	}
	/* the first place and any more sharing the head */
	return yg_list(c, j, place_item, emit_item, &s, 0);
}
