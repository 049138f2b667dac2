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
	size_t head_end;
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
	if (s->t->as_written && !h->expansion && s->head_end > s->head_start &&
	    (d->toks.items[s->head_start].flags & YG_TOK_CAP))
		put_text(d, s->head_start, s->head_end, out);
	else
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
		if (h->scope != YG_SCOPE_PROVINCE && h->scope != YG_SCOPE_PLACED && p->kind != YG_PLACE_UNIT)
			return 0;
		return 2;
	}
}

static void emit_place(org_scan *s, size_t start, size_t end, const yg_place *p, int elliptic)
{
	yg_ctx *c = s->c;
	yg_document *d = c->d;
	/* the label and the canon are built in the document's scratch
	 * buffer (nothing below uses it): the mention copies them */
	yg_buf *label = &d->scratch;
	label->len = 0;
	yg_buf_reserve(label, 0);
	label->s[0] = '\0';
	int known = org_label(s, p, label);
	{
		/* the province the label names, for locatedIn */
		int32_t prov = p->kind == YG_PLACE_PROVINCE ? p->province : -1;
		size_t m = yg_document_add_mention(d, (uint32_t)start, (uint32_t)end, s->t->type, prov, label->s);
		yg_mention *mm = &d->mentions.items[m];
		mm->head = (int32_t)s->head;
		mm->elliptic = (uint8_t)elliptic;
		/* a bare head names its article's one full mention, if any */
		mm->is_short = known == 2 ? 5
		               : !known || (yg_concept_of(c, s->head)->scope == YG_SCOPE_NAMED &&
		                            p->kind != YG_PLACE_PROVINCE) ? 4 : 0;
		mm->with_unit = (uint8_t)s->t->with_unit;
		mm->place_kind = p->kind;
		mm->rule = elliptic ? "org.list-item" : mm->is_short == 5 ? "org.article-province"
		           : mm->is_short == 4 ? "org.bare-head" : "org.name";
		if (p->kind == YG_PLACE_UNIT)
			mm->bare_unit = p->unit;
		if (p->kind == YG_PLACE_PROVINCE) {
			mm->place_start = p->start;
			mm->place_end = p->end;
		}
		/* one body or facility per head and province, however written */
		if (prov >= 0) {
			label->len = 0;
			yg_buf_puts(label, yg_head_label(c, s->head));
			yg_buf_putc(label, ' ');
			yg_province_label(c, prov, 0, label);
			mm->canon = yg_document_strndup(d, label->s, label->len);
		}
		/* a local place written out: what a bare unit word or head in the
		 * article may refer to */
		if (p->kind == YG_PLACE_LOCAL) {
			mm->local_start = p->name;
			mm->local_end = p->end;
			mm->local_unit = p->unit;
		}
	}
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
	/* after a commune a district is its address, no item ("Đảng ủy xã
	 * Tân Thanh, huyện Văn Lãng") */
	if (s->items && s->first_unit >= 0 && p.unit >= 0 &&
	    yg_concept_of(c, (uint32_t)s->first_unit)->level == YG_LEVEL_COMMUNE &&
	    yg_concept_of(c, (uint32_t)p.unit)->level != YG_LEVEL_COMMUNE)
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

/* A proper name after a head of scope "proper" ("Cục Y tế Giao thông vận
 * tải", "Phòng khám Đa khoa Ngọc Lâm", "Ban Chỉ huy phòng thủ khu vực 1"):
 * capitalised words, numbers, specialty and compound words, "và" or a
 * hyphen between capitalised words; it needs a proper part (not only
 * "Đa khoa") and stops before a place, another head or title, and a
 * person's name.  Its length, 0 if none. */
static size_t proper_name(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	size_t k = i;
	int proper = 0;
	while (k < i + 10 && yg_tok_live(d, k) && !(k > i && (d->toks.items[k].flags & YG_TOK_SENT_START))) {
		yg_place p;
		uint32_t cc;
		size_t n;
		if (yg_place_at(c, k, 0, &p) && p.kind != YG_PLACE_NAME && p.kind != YG_PLACE_NONE)
			break;
		/* a body's name may start the name ("Vụ Bảo hiểm xã hội") */
		if (yg_kinds_at(c, k, (k > i ? 1u << YG_LEX_BODY : 0) | 1u << YG_LEX_FACILITY | 1u << YG_LEX_HOSPITAL |
		                          1u << YG_LEX_TITLE | 1u << YG_LEX_CREDIT))
			break;
		if (k > i && yg_phrase(c, k, YG_LEX_FAMILY, NULL) && yg_tok_capword(d, k) && yg_tok_capword(d, k + 1))
			break;
		if (k == i && (n = yg_phrase(c, k, YG_LEX_BODY, NULL)) > 0) {
			proper = 1;
			k += n;
		} else if ((n = yg_phrase(c, k, YG_LEX_SPECIALTY, &cc)) > 0 || (n = yg_phrase(c, k, YG_LEX_COMPOUND, &cc)) > 0) {
			if (k == i && !yg_tok_capword(d, k))
				break;
			proper |= yg_tok_capword(d, k) && !(yg_concept_of(c, cc)->flags & (YG_CF(GENERIC) | YG_CF(CLINICAL)));
			k += n;
		} else if (yg_tok_has(d, k, YG_TOK_NUM) || yg_tok_capword(d, k)) {
			proper |= !yg_role_at(c, k, YG_ROLE_NAME_GENERIC);
			k++;
		} else if (k > i && (yg_role_at(c, k, YG_ROLE_LIST_AND) || yg_tok_punct(d, k, '-')) && yg_tok_capword(d, k + 1)) {
			k++;
		} else {
			break;
		}
	}
	while (k > i + 1 && (yg_tok_punct(d, k - 1, '-') || yg_role_at(c, k - 1, YG_ROLE_LIST_AND)))
		k--; /* "Cục Y tế Giao thông vận tải - Bộ ...": not the dash */
	return proper ? k - i : 0;
}

/* Heads of scope "proper" take a name, then maybe a place ("Phòng khám
 * Đa khoa Gia Lâm", "Cục Thuế tỉnh X" is "placed"). */
static size_t proper_org(org_scan *s, size_t i, size_t j)
{
	const yg_ctx *c = s->c;
	size_t nn = proper_name(c, j);
	if (!nn)
		return i;
	yg_place p;
	size_t pn = yg_place_at(c, j + nn, 0, &p);
	if (p.kind != YG_PLACE_PROVINCE && p.kind != YG_PLACE_LOCAL)
		pn = 0;
	yg_place name = {YG_PLACE_NAME, (uint32_t)j, (uint32_t)(j + nn + pn), (uint32_t)j,
	                 pn && p.kind == YG_PLACE_PROVINCE ? p.province : -1, -1};
	emit_place(s, i, j + nn + pn, &name, 0);
	yg_mention *mm = &s->c->d->mentions.items[s->c->d->mentions.len - 1];
	mm->concept = name.province;
	if (name.province >= 0) {
		mm->place_start = p.start;
		mm->place_end = p.end;
	}
	return j + nn + pn;
}

/* Heads of scope "sub" name a part of the body after them ("Văn phòng
 * Sở Y tế Hà Nội", "Cơ quan Cảnh sát điều tra Bộ Công an"): the label is
 * the head and that body's name. */
static size_t sub_org(org_scan *s, size_t i, size_t j)
{
	yg_ctx *c = s->c;
	yg_document *d = c->d;
	uint32_t ic;
	size_t in = yg_phrase(c, j, s->t->lex_kind, &ic);
	if (!in)
		return i;
	const yg_concept *inner = yg_concept_of(c, ic);
	org_scan is = *s;
	is.head = ic;
	is.head_start = j;
	is.head_end = j + in;
	yg_place p;
	if (inner->scope == YG_SCOPE_NATIONAL) {
		memset(&p, 0, sizeof p);
		p.province = p.unit = -1;
	} else {
		org_place(&is, j + in, &p);
	}
	yg_buf label;
	yg_buf_init(&label);
	int known = org_label(&is, &p, &label);
	if (known == 0) {
		yg_buf_free(&label);
		return i;
	}
	yg_buf full;
	yg_buf_init(&full);
	if (yg_starts_capital(d, i))
		put_text(d, i, j, &full);
	else /* "cơ quan Cảnh sát điều tra": the head as the lexicon spells it */
		yg_buf_puts(&full, yg_head_label(s->c, s->head));
	yg_buf_printf(&full, " %s", label.s);
	/* the mention is the head's words: the body named after it is an
	 * entity of its own ("Bộ Công an" in "Cơ quan Cảnh sát điều tra Bộ
	 * Công an") */
	size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)j, s->t->type,
	                                   p.kind == YG_PLACE_PROVINCE ? p.province : -1, full.s);
	yg_mention *mm = &d->mentions.items[m];
	mm->head = (int32_t)s->head;
	mm->place_kind = p.kind;
	mm->rule = "org.sub-unit";
	if (p.kind == YG_PLACE_PROVINCE) {
		mm->place_start = p.start;
		mm->place_end = p.end;
	}
	if (known == 2) {
		/* "Văn phòng Sở Y tế": the article province's, its name appended */
		mm->is_short = 5;
		mm->with_unit = 2;
		mm->canon = yg_document_strdup(d, full.s);
	}
	yg_buf_free(&label);
	yg_buf_free(&full);
	return j;
}

/* Is token i inside a title the lexicon spells with its body ("Phó
 * Trưởng đoàn đại biểu Quốc hội tỉnh X": the body starts at "đoàn")? */
static int inside_title(const yg_ctx *c, size_t i)
{
	for (size_t back = 1; back <= 3 && back <= i; back++)
		if (yg_phrase(c, i - back, YG_LEX_TITLE, NULL) > back)
			return 1;
	return 0;
}

size_t yg_org_at(yg_ctx *c, const yg_org_type *t, size_t i)
{
	yg_document *d = c->d;
	uint32_t hc;
	size_t n = yg_phrase(c, i, t->lex_kind, &hc);
	if (!n)
		return i;
	/* "Sở" alone is the article's Sở Y tế ("Giám đốc Sở", "Phó Giám đốc
	 * Sở Lê Văn A"), but "Sở GD&ĐT" is a department the lexicon lacks */
	if (yg_role_at(c, i, YG_ROLE_BARE_HEAD) == n && yg_tok_capword(d, i + n) &&
	    !(yg_phrase(c, i + n, YG_LEX_FAMILY, NULL) && yg_tok_capword(d, i + n + 1)))
		return i;
	if (yg_role_at(c, i + n, YG_ROLE_GENERIC_LEVEL))
		return i; /* "UBND cấp xã": the units of a level */
	int plural = yg_role_before(c, i, YG_ROLE_PLURAL);
	const yg_concept *h = yg_concept_of(c, hc);
	/* a head may be in lower case in a list of them ("các trung tâm y
	 * tế"), after a title ("Trưởng phòng khám Đa khoa X"), or, for a unit
	 * of another body, when its own name is capitalised ("cơ quan Cảnh
	 * sát điều tra Bộ Công an") */
	int inner_cap = 0;
	for (size_t k = i + 1; k < i + n && h->scope == YG_SCOPE_SUB; k++)
		inner_cap |= yg_tok_capword(d, k);
	/* ... or first in a chain of capitalised heads ("tỉnh ủy, HĐND, UBND
	 * tỉnh X") */
	size_t sep = yg_list_sep(c, i + n);
	int in_chain = sep && yg_phrase(c, i + n + sep, t->lex_kind, NULL) && yg_starts_capital(d, i + n + sep);
	if ((!plural && !yg_starts_capital(d, i) && !yg_kind_before(c, i, YG_LEX_TITLE) && !inside_title(c, i) &&
	     !inner_cap && !in_chain) ||
	    yg_role_before(c, i, YG_ROLE_GENERIC))
		return i;
	org_scan s = {c, t, hc, i, i + n, -1, 0, 0, -1, 0};
	if (h->scope == YG_SCOPE_NATIONAL) {
		yg_place none = {0, (uint32_t)i, (uint32_t)(i + n), 0, -1, -1};
		emit_place(&s, i, i + n, &none, 0);
		return i + n;
	}
	if (h->scope == YG_SCOPE_PROPER)
		return proper_org(&s, i, i + n);
	if (h->scope == YG_SCOPE_SUB)
		return sub_org(&s, i, i + n);
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
	if (p.kind == YG_PLACE_NONE && h->scope == YG_SCOPE_PLACED)
		return i; /* "Công an" alone is a force, not a body */
	if (p.kind == YG_PLACE_NONE) {
		chained more[8];
		size_t count, at = head_chain(c, t, j, more, &count);
		if (at && yg_place_at(c, at, 0, &p) && (p.kind == YG_PLACE_PROVINCE || p.kind == YG_PLACE_LOCAL)) {
			emit_place(&s, i, j, &p, 0);
			for (size_t k = 0; k < count; k++) {
				s.head = more[k].head;
				s.head_start = more[k].start;
				s.head_end = more[k].end;
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
