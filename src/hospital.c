/* hospital.c — hospitals.
 *
 * A hospital starts at a head from lexicon/hospitals.ttl (Bệnh viện, BV,
 * BVĐK ...; "Viện" only with a clinical specialty) and its name runs, as
 * the name does, over: capitalised words, numbers ("108", "số 2"),
 * specialty words in any case ("đa khoa", "Tâm thần kinh", "điều trị
 * COVID-19"), region words ("khu vực phía Nam"), places ("tỉnh Lào Cai",
 * "huyện Cần Giờ"), an acronym in brackets ("Trung tâm (ĐKTT) An Giang"),
 * hyphens inside the name ("Sản - Nhi") and a dash before a province
 * ("Xuyên Á – Long An").  It stops before a caption word ("ẢNH"), another
 * organisation, and a person's name once it has a proper part ("Giám đốc
 * Bệnh viện Bạch Mai Đào Xuân Cơ").  The name must contain a proper part:
 * "bệnh viện tim", "Bệnh viện Tâm thần" (planned) and "các bệnh viện tuyến
 * Trung ương" are generic.  A name ending in a bare unit word ("Bệnh viện
 * Đa khoa tỉnh") is the article province's.  Irregular names come whole
 * from hospital-names.ttl. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "buf.h"
#include "fold.h"
#include "coord.h"
#include "place.h"
#include "recognize.h"

typedef struct {
	int proper;      /* a part that makes it a name: a proper word, a number, a place */
	int specialty;   /* a clinical specialty word (for "Viện") */
	int any_specialty;
	int32_t prov;    /* province inside the name, or -1 */
	size_t place_start, place_end;
	size_t bare_unit;   /* tokens of a unit word ending the name without a place */
	int32_t bare_concept; /* ... its concept */
	int local;          /* a local place in the name ("huyện Cần Giờ") */
	size_t local_start, local_end;
	int32_t local_unit;
	size_t last_number; /* one past the last number taken */
	size_t canon_before_unit; /* canon's length before a bare unit word */
	yg_buf canon;    /* the name without unit words before its province */
	int glue;        /* the last part of canon was a dash */
	int titled;      /* a title before the head: a person's name may follow
	                  * ("Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ") */
	size_t known_end; /* one past a well-known name at the head, or 0 */
} name_scan;

/* "(ĐKTT)" inside a name: the acronym the text defines. */
static size_t bracket_acronym(const yg_document *d, size_t k)
{
	return yg_tok_punct(d, k, '(') && yg_tok_has(d, k + 1, YG_TOK_ALLCAP) && yg_tok_punct(d, k + 2, ')') &&
	               yg_tok_capword(d, k + 3) ? 3 : 0;
}

/* Capitalised words from k on its line, at most `max`. */
static size_t cap_run(const yg_document *d, size_t k, size_t max)
{
	size_t n = 0;
	while (n < max && yg_tok_capword(d, k + n) && d->toks.items[k + n].line == d->toks.items[k].line &&
	       !(n && (d->toks.items[k + n].flags & YG_TOK_SENT_START)))
		n++;
	return n;
}

/* A person's name at k: a family name that starts the last two to four
 * capitalised words on its line, not a province's name ("Hùng Vương Gia
 * Lai": a name, then the province).  Of four, a second family name starts
 * the person's three ("Đức Giang Nguyễn Văn Hải": Nguyễn, not Giang). */
static int person_at(const yg_ctx *c, size_t k)
{
	const yg_document *d = c->d;
	size_t run = cap_run(d, k, 5);
	if (run < 2 || run > 4 || !yg_phrase(c, k, YG_LEX_FAMILY, NULL) || (d->toks.items[k].flags & YG_TOK_ALLCAP) ||
	    yg_phrase(c, k, YG_LEX_PROVINCE, NULL) || yg_phrase(c, k + 1, YG_LEX_PROVINCE, NULL))
		return 0;
	return !(run == 4 && yg_phrase(c, k + 1, YG_LEX_FAMILY, NULL));
}

/* A title shortly before the head at i in its sentence ("Giám đốc",
 * "Phó Giám đốc phụ trách", "Trưởng khoa Nội"): the hospital's name may be
 * followed by the person's.  Without one a family name inside a name is
 * the name's ("Hùng Vương", "Cu Ba Đồng Hới"). */
#define TITLE_BACK 6
static int titled(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	for (size_t back = 1; back <= TITLE_BACK && back <= i; back++) {
		if (d->toks.items[i - back].sent != d->toks.items[i].sent)
			return 0;
		if (yg_kinds_at(c, i - back, 1u << YG_LEX_TITLE))
			return 1;
	}
	return 0;
}

/* Parts of the identity joined by spaces; a dash of any kind or spacing
 * is one "-" ("Xuyên Á – Long An" and "Xuyên Á-Long An" are one). */
static void canon_add(name_scan *s, const yg_document *d, size_t a, size_t b)
{
	if (b == a + 1 && yg_tok_dash(d, a)) {
		yg_buf_putc(&s->canon, '-');
		s->glue = 1;
		return;
	}
	if (s->canon.len && !s->glue)
		yg_buf_putc(&s->canon, ' ');
	s->glue = 0;
	yg_document_text_into(d, (uint32_t)a, (uint32_t)b, &s->canon);
}

/* One step of a hospital name at token k; returns tokens taken, 0 to stop. */
static size_t name_step(const yg_ctx *c, size_t k, name_scan *s)
{
	const yg_document *d = c->d;
	uint32_t cc;
	size_t n;
	if (!yg_tok_live(d, k) || (d->toks.items[k].flags & YG_TOK_SENT_START))
		return 0;
	if (yg_kinds_at(c, k, 1u << YG_LEX_CREDIT) && (d->toks.items[k].flags & YG_TOK_ALLCAP))
		return 0; /* "... Quảng Nam ẢNH: BÙI HUÂN" */
	/* a headline in capitals: the name ends with its province or a
	 * well-known name ("BỆNH VIỆN ĐA KHOA TỈNH LẠNG SƠN TRIỂN KHAI ...",
	 * "BỆNH VIỆN BẠCH MAI TIẾP NHẬN ...") */
	if ((d->toks.items[k].flags & YG_TOK_ALLCAP) &&
	    ((s->prov >= 0 && k >= s->place_end) || (s->known_end && k >= s->known_end)))
		return 0;
	yg_place p;
	if ((n = yg_place_at(c, k, 0, &p)) > 0 && p.kind == YG_PLACE_PROVINCE) {
		s->prov = p.province;
		s->proper = 1;
		s->place_start = k;
		s->place_end = k + n;
		canon_add(s, d, p.name && p.unit >= 0 ? p.name : k, k + n);
		return n;
	}
	if (n && p.kind == YG_PLACE_LOCAL) {
		s->proper = 1;
		s->local = 1;
		s->local_start = p.name;
		s->local_end = p.end;
		s->local_unit = p.unit;
		canon_add(s, d, k, k + n);
		return n;
	}
	if (n && p.kind == YG_PLACE_UNIT) {
		s->bare_unit = n; /* ends the name unless more follows */
		s->bare_concept = p.unit;
		s->canon_before_unit = s->canon.len;
		canon_add(s, d, k, k + n);
		return n;
	}
	if (yg_kinds_at(c, k, 1u << YG_LEX_FACILITY | 1u << YG_LEX_HOSPITAL))
		return 0; /* another organisation starts here */
	if ((n = yg_phrase(c, k, YG_LEX_BODY, &cc)) > 0) {
		/* "Bệnh viện 199 Bộ Công an": the ministry a numbered hospital
		 * belongs to is part of its name */
		if (s->last_number != k || yg_concept_of(c, cc)->scope != YG_SCOPE_NATIONAL)
			return 0;
		canon_add(s, d, k, k + n);
		return n;
	}
	if (s->proper && s->titled && person_at(c, k))
		return 0;
	if ((n = yg_phrase(c, k, YG_LEX_SPECIALTY, &cc)) > 0) {
		/* "Tâm thần" names no hospital alone; a capitalised affiliation
		 * ("Đại học Y") or a region ("phía Nam") does */
		const yg_concept *sp = yg_concept_of(c, cc);
		s->specialty |= (sp->flags & YG_CF(CLINICAL)) != 0;
		s->proper |= (sp->flags & YG_CF(NAMED)) != 0 ||
		             (yg_tok_capword(d, k) && !(sp->flags & (YG_CF(CLINICAL) | YG_CF(GENERIC))));
		s->any_specialty = 1;
		canon_add(s, d, k, k + n);
		return n;
	}
	if ((n = yg_role_at(c, k, YG_ROLE_CENTRAL)) > 0 && yg_tok_capword(d, k)) {
		s->proper |= s->any_specialty; /* "Bệnh viện Phổi Trung ương" */
		canon_add(s, d, k, k + n);
		return n;
	}
	if (yg_tok_capword(d, k) && (n = yg_phrase(c, k, YG_LEX_COMPOUND, &cc)) > 0) {
		s->proper |= !(yg_concept_of(c, cc)->flags & YG_CF(GENERIC));
		canon_add(s, d, k, k + n);
		return n;
	}
	/* "Bệnh viện dã chiến số 3", "… Trung ương cơ sở 2": the number is
	 * part of the name */
	if ((n = yg_role_at(c, k, YG_ROLE_NUMBER_WORD)) == 0)
		n = yg_role_at(c, k, YG_ROLE_BRANCH);
	if (n && yg_tok_has(d, k + n, YG_TOK_NUM)) {
		s->proper = 1;
		s->last_number = k + n + 1;
		canon_add(s, d, k, k + n + 1);
		return n + 1;
	}
	if (d->toks.items[k].flags & YG_TOK_NUM) {
		s->proper = 1;
		s->last_number = k + 1;
		canon_add(s, d, k, k + 1);
		return 1;
	}
	if (yg_tok_capword(d, k)) {
		n = yg_role_at(c, k, YG_ROLE_NAME_GENERIC);
		s->proper |= !n;
		n = n ? n : 1;
		canon_add(s, d, k, k + n);
		return n;
	}
	if ((n = bracket_acronym(d, k)) > 0)
		return n; /* kept out of the label */
	if ((yg_tok_punct(d, k, '-') || yg_tok_punct(d, k, '&')) &&
	    (yg_tok_capword(d, k + 1) || (s->last_number == k && yg_tok_has(d, k + 1, YG_TOK_NUM)))) {
		canon_add(s, d, k, k + 1);
		return 1;
	}
	/* "Xuyên Á – Long An": a dash before a province */
	if (s->proper && yg_tok_dash(d, k) && yg_province_at(c, k + 1, NULL)) {
		canon_add(s, d, k, k + 1);
		return 1;
	}
	return 0;
}

/* Is every word of [i, end) in capitals (a headline)? */
static int all_caps(const yg_document *d, size_t i, size_t end)
{
	for (size_t k = i; k < end; k++)
		if ((d->toks.items[k].flags & YG_TOK_WORD) && !(d->toks.items[k].flags & (YG_TOK_ALLCAP | YG_TOK_NUM)) &&
		    !((d->toks.items[k].flags & YG_TOK_CAP) && d->toks.items[k].cp_end - d->toks.items[k].cp_start == 1))
			return 0;
	return 1;
}

/* Token k in lower case, its first letter in capitals when `cap`. */
static void put_cased(const yg_document *d, size_t k, int cap, yg_buf *b)
{
	char key[YG_KEY_MAX];
	const yg_token *t = &d->toks.items[k];
	size_t n = yg_fold_key(d->text.s + t->start, t->end - t->start, key), at = 0;
	UChar32 first;
	U8_NEXT(key, at, (int32_t)n, first);
	if (!cap || first < 0) {
		yg_buf_add(b, key, n);
		return;
	}
	char up[U8_MAX_LENGTH];
	size_t un = 0;
	U8_APPEND_UNSAFE(up, un, u_toupper(first));
	yg_buf_add(b, up, un);
	yg_buf_add(b, key + at, n - at);
}

/* The name of a headline in capitals in the case of running text: the
 * words in lower case but the first and proper ones, its province as the
 * gazetteer writes it ("BỆNH VIỆN ĐA KHOA TỈNH CAO BẰNG" -> "Bệnh viện Đa
 * khoa tỉnh Cao Bằng"); generic name words ("đa khoa") in lower case. */
static void put_caps_name(const yg_ctx *c, size_t i, size_t end, const name_scan *s, yg_buf *b)
{
	const yg_document *d = c->d;
	for (size_t k = i; k < end; k++) {
		if (k > i && (d->toks.items[k].flags & YG_TOK_SPACE_BEFORE))
			yg_buf_putc(b, ' ');
		if (s->prov >= 0 && k == s->place_start && s->place_end > k) {
			/* written with its unit word when it has more words than its name */
			const char *name = yg_province_name(c->lx, (size_t)s->prov, d->date);
			size_t words = 1;
			for (const char *q = name; *q; q++)
				words += *q == ' ';
			yg_province_label(c, s->prov, s->place_end - k > words, b);
			k = s->place_end - 1;
			continue;
		}
		int cap = k == i || yg_role_at(c, k, YG_ROLE_CENTRAL) ||
		          (!yg_role_at(c, k, YG_ROLE_NAME_GENERIC) && !yg_role_at(c, k - 1, YG_ROLE_CENTRAL));
		if (d->toks.items[k].flags & YG_TOK_WORD)
			put_cased(d, k, cap, b);
		else
			yg_document_text_into(d, (uint32_t)k, (uint32_t)(k + 1), b);
	}
}

/* The label: the head (spelled out) and the name as written, without a
 * bracketed acronym; a headline in capitals in the case of running text. */
static char *hospital_label(const yg_ctx *c, const yg_concept *head, size_t i, size_t n, size_t end,
                            const name_scan *s)
{
	const yg_document *d = c->d;
	yg_buf b;
	yg_buf_init(&b);
	if (all_caps(d, i, end)) {
		yg_buf_puts(&b, head->expansion ? head->expansion : head->pref);
		yg_buf_putc(&b, ' ');
		put_caps_name(c, i + n, end, s, &b);
		return yg_buf_take(&b);
	}
	if (head->expansion)
		yg_buf_puts(&b, head->expansion);
	else
		yg_document_text_into(d, (uint32_t)i, (uint32_t)(i + n), &b);
	size_t from = i + n;
	for (size_t k = i + n; k <= end; k++) {
		size_t skip = k < end ? bracket_acronym(d, k) : 0;
		if (k == end || skip) {
			if (k > from) {
				yg_buf_putc(&b, ' ');
				yg_document_text_into(d, (uint32_t)from, (uint32_t)k, &b);
			}
			k += skip;
			from = k;
			if (skip)
				k--;
		}
	}
	return yg_buf_take(&b);
}

/* A planning word ("xây dựng", "đề án") shortly before token i in its
 * sentence, over the commas of a list ("xây dựng bệnh viện Lao, Bệnh viện
 * Phổi"). */
static int planned_clause(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	for (size_t back = 1; back <= 12 && back <= i; back++) {
		size_t k = i - back;
		if (yg_tok_punct(d, k, ';') || (d->toks.items[k + 1].flags & YG_TOK_SENT_START))
			break;
		if (yg_role_at(c, k, YG_ROLE_PLANNED) || yg_role_at(c, k, YG_ROLE_FUTURE))
			return 1;
	}
	return 0;
}

/* Where a hospital head may start: capitalised, or "bệnh viện" before a
 * capitalised name word; never inside another word ("Học viện") and never
 * after a plural or generic determiner ("các bệnh viện", "hệ thống"). */
static int may_start(const yg_ctx *c, size_t i, size_t n, const yg_concept *head)
{
	const yg_document *d = c->d;
	if (yg_role_before(c, i, YG_ROLE_PLURAL) || yg_role_before(c, i, YG_ROLE_GENERIC))
		return 0;
	if (d->toks.items[i].flags & (YG_TOK_CAP | YG_TOK_ALLCAP))
		return 1;
	return !(head->flags & YG_CF(NEEDS_SPECIALTY)) && yg_tok_capword(d, i + n);
}

/* "các bệnh viện: Phổi, Tâm thần và Nội tiết tỉnh X": one head for a
 * list of specialties that names a hospital each in the place after the
 * list. */
typedef struct {
	size_t *spans; /* start, end of each item */
	size_t len, cap;
} item_list;

/* An item: capitalised specialty words, joined by hyphens ("Y học cổ
 * truyền - Phục hồi chức năng"). */
static size_t specialty_item(const yg_ctx *c, size_t k, void *user)
{
	(void)user;
	const yg_document *d = c->d;
	size_t at = k, n;
	if (!yg_tok_capword(d, k))
		return 0;
	while ((n = yg_phrase(c, at, YG_LEX_SPECIALTY, NULL)) > 0) {
		at += n;
		if (!(yg_tok_punct(d, at, '-') || yg_tok_dash(d, at)) || !yg_phrase(c, at + 1, YG_LEX_SPECIALTY, NULL))
			break;
		at++;
	}
	return at - k;
}

static void keep_item(const yg_ctx *c, size_t start, size_t end, void *user)
{
	(void)c;
	item_list *l = user;
	if (l->len + 2 > l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->spans = yg_xrealloc(l->spans, l->cap * sizeof *l->spans);
	}
	l->spans[l->len++] = start;
	l->spans[l->len++] = end;
}

/* The list after plural head [i, i + n); returns one past it, or i. */
static size_t specialty_list(yg_ctx *c, size_t i, size_t n, const yg_concept *head, uint32_t hc)
{
	yg_document *d = c->d;
	size_t k = i + n + yg_list_open(c, i + n);
	item_list l = {NULL, 0, 0};
	size_t end = yg_list(c, k, specialty_item, keep_item, &l, 0);
	yg_place p;
	size_t pn = l.len >= 4 ? yg_place_at(c, end, 0, &p) : 0;
	if (!pn || p.kind != YG_PLACE_PROVINCE) {
		free(l.spans);
		return i;
	}
	yg_buf b;
	yg_buf_init(&b);
	for (size_t it = 0; it < l.len; it += 2) {
		b.len = 0;
		yg_buf_puts(&b, head->expansion ? head->expansion : head->pref);
		yg_buf_putc(&b, ' ');
		yg_document_text_into(d, (uint32_t)l.spans[it], (uint32_t)l.spans[it + 1], &b);
		yg_buf_putc(&b, ' ');
		yg_province_label(c, p.province, 0, &b);
		size_t last = it + 2 == l.len;
		size_t m = yg_document_add_mention(d, (uint32_t)l.spans[it], (uint32_t)(last ? end + pn : l.spans[it + 1]),
		                                   YG_T_HOSPITAL, p.province, b.s);
		yg_mention *mm = &d->mentions.items[m];
		mm->head = (int32_t)hc;
		mm->rule = "hospital.specialty-list";
		mm->place_kind = YG_PLACE_PROVINCE;
		mm->place_start = (uint32_t)end;
		mm->place_end = (uint32_t)(end + pn);
	}
	yg_buf_free(&b);
	free(l.spans);
	return end + pn;
}

/* "các bệnh viện: Thanh Nhàn, Đống Đa và Xanh Pôn": a plural head with a
 * list of names, a hospital each.  An item is up to four capitalised
 * words or numbers; a place ("các bệnh viện Hà Nội"), the central word
 * ("các bệnh viện Trung ương"), a specialty alone (which needs its
 * province: specialty_list) or another organisation is no name, and one
 * such item makes the whole list none. */
#define NAME_ITEM_MAX 4
static size_t name_item(const yg_ctx *c, size_t k, void *user)
{
	int *bad = user;
	const yg_document *d = c->d;
	yg_place p;
	uint32_t orgs = 1u << YG_LEX_BODY | 1u << YG_LEX_FACILITY | 1u << YG_LEX_HOSPITAL | 1u << YG_LEX_TITLE;
	if (!yg_tok_capword(d, k) || yg_place_at(c, k, 0, &p) || yg_role_at(c, k, YG_ROLE_CENTRAL) ||
	    yg_kinds_at(c, k, orgs)) {
		*bad = 1;
		return 0;
	}
	size_t at = k, w;
	while (at < k + NAME_ITEM_MAX && yg_tok_live(d, at) &&
	       (yg_tok_capword(d, at) || yg_tok_has(d, at, YG_TOK_NUM)) &&
	       !(at > k && (d->toks.items[at].flags & YG_TOK_SENT_START))) {
		/* a compound or specialty is taken whole ("Nhân dân 115") */
		if ((w = yg_phrase(c, at, YG_LEX_COMPOUND, NULL)) == 0 && (w = yg_phrase(c, at, YG_LEX_SPECIALTY, NULL)) == 0)
			w = 1;
		at += w;
	}
	if (yg_phrase(c, k, YG_LEX_SPECIALTY, NULL) >= at - k)
		*bad = 1;
	return at - k;
}

typedef struct {
	item_list items;
	int bad;
} name_list_scan;

static size_t name_list_item(const yg_ctx *c, size_t k, void *user)
{
	return name_item(c, k, &((name_list_scan *)user)->bad);
}

static void keep_name(const yg_ctx *c, size_t start, size_t end, void *user)
{
	keep_item(c, start, end, &((name_list_scan *)user)->items);
}

/* The list of names after plural head [i, i + n); one past it, or i. */
static size_t name_list(yg_ctx *c, size_t i, size_t n, const yg_concept *head, uint32_t hc)
{
	yg_document *d = c->d;
	size_t k = i + n + yg_list_open(c, i + n);
	name_list_scan l = {{NULL, 0, 0}, 0};
	size_t end = yg_list(c, k, name_list_item, keep_name, &l, 0);
	if (l.bad || l.items.len < 4) {
		free(l.items.spans);
		return i;
	}
	yg_buf b;
	yg_buf_init(&b);
	for (size_t it = 0; it < l.items.len; it += 2) {
		b.len = 0;
		yg_buf_puts(&b, head->expansion ? head->expansion : head->pref);
		yg_buf_putc(&b, ' ');
		yg_document_text_into(d, (uint32_t)l.items.spans[it], (uint32_t)l.items.spans[it + 1], &b);
		size_t m = yg_document_add_mention(d, (uint32_t)l.items.spans[it], (uint32_t)l.items.spans[it + 1],
		                                   YG_T_HOSPITAL, -1, b.s);
		d->mentions.items[m].head = (int32_t)hc;
		d->mentions.items[m].rule = "hospital.name-list";
	}
	yg_buf_free(&b);
	free(l.items.spans);
	return end;
}

void yg_recognize_hospitals(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	const uint32_t starts = 1u << YG_LEX_HOSPITAL_NAME | 1u << YG_LEX_HOSPITAL;
	for (size_t i = yg_next_kind(c, 0, starts); i < t->len; i = yg_next_kind(c, i + 1, starts)) {
		uint32_t hc;
		size_t n = yg_phrase(c, i, YG_LEX_HOSPITAL_NAME, &hc), known_end = n ? i + n : 0;
		if (n) {
			/* a province in a well-known name places it ("Bệnh viện
			 * Trung ương Huế") */
			int32_t prov = -1;
			for (size_t k = i; k < i + n && prov < 0; k++) {
				uint32_t pc;
				if (yg_province_at(c, k, &pc))
					prov = (int32_t)pc;
			}
			size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_HOSPITAL, prov,
			                                   yg_concept_of(c, hc)->pref);
			d->mentions.items[m].priority = 1;
			d->mentions.items[m].rule = "hospital.known-name";
		}
		n = yg_phrase(c, i, YG_LEX_HOSPITAL, &hc);
		if (!n)
			continue;
		const yg_concept *head = yg_concept_of(c, hc);
		if (!may_start(c, i, n, head)) {
			size_t past = i;
			if (yg_role_before(c, i, YG_ROLE_PLURAL) && (past = specialty_list(c, i, n, head, hc)) == i)
				past = name_list(c, i, n, head, hc);
			i += past > i ? past - i - 1 : n - 1;
			continue;
		}
		name_scan s = {0, 0, 0, -1, 0, 0, 0, -1, 0, 0, 0, -1, 0, 0, {0}, 0, titled(c, i), known_end};
		yg_buf_init(&s.canon);
		size_t k = i + n, step;
		while ((step = name_step(c, k, &s)) > 0) {
			if (step != s.bare_unit)
				s.bare_unit = 0;
			k += step;
		}
		/* a trailing hyphen is not part of the name */
		while (k > i + n && (yg_tok_punct(d, k - 1, '-') || yg_tok_dash(d, k - 1)))
			k--;
		/* "Bệnh viện Sản Nhi", "Bệnh viện Phổi": a specialty alone,
		 * capitalised, names the article province's hospital of it,
		 * unless the clause plans one ("xây dựng Bệnh viện Tâm thần") */
		int implied = !s.proper && !s.bare_unit && s.specialty && k > i + n && yg_tok_capword(d, i + n) &&
		              (d->toks.items[i].flags & YG_TOK_CAP) && !(head->flags & YG_CF(NEEDS_SPECIALTY)) &&
		              !yg_phrase(c, k, YG_LEX_HOSPITAL, NULL) && !planned_clause(c, i);
		if (!implied && ((!s.proper && !s.bare_unit) || ((head->flags & YG_CF(NEEDS_SPECIALTY)) && !s.specialty))) {
			yg_buf_free(&s.canon);
			i += n - 1;
			continue;
		}
		char *label = hospital_label(c, head, i, n, k, &s);
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)k, YG_T_HOSPITAL, s.prov, label);
		yg_mention *mm = &d->mentions.items[m];
		mm->place_start = (uint32_t)s.place_start;
		mm->place_end = (uint32_t)s.place_end;
		mm->head = (int32_t)hc;
		mm->rule = implied ? "hospital.specialty-alone" : s.bare_unit && s.prov < 0 ? "hospital.article-province"
		                                                                           : "hospital.name";
		mm->place_kind = s.prov >= 0 ? YG_PLACE_PROVINCE : s.local ? YG_PLACE_LOCAL : YG_PLACE_NONE;
		if (s.local) {
			mm->local_start = (uint32_t)s.local_start;
			mm->local_end = (uint32_t)s.local_end;
			mm->local_unit = s.local_unit;
		}
		if (implied) {
			mm->is_short = 5;
			mm->with_unit = 0;
			mm->place_kind = YG_PLACE_UNIT;
		} else if (s.bare_unit && s.prov < 0) {
			/* "Bệnh viện Đa khoa tỉnh": the article province's (or, for
			 * "huyện", the article's district); resolve appends its
			 * name to the label and the identity */
			mm->is_short = 5;
			mm->with_unit = 2;
			mm->bare_unit = s.bare_concept;
			mm->place_kind = YG_PLACE_UNIT;
			s.canon.len = s.canon_before_unit;
			if (s.canon.s)
				s.canon.s[s.canon.len] = '\0';
		}
		char *canon = yg_strjoin(head->expansion ? head->expansion : head->pref, " ", s.canon.s ? s.canon.s : "");
		if (implied || ((s.prov >= 0 || mm->is_short == 5) && strcmp(canon, label) != 0))
			mm->canon = yg_document_strdup(d, canon);
		free(canon);
		free(label);
		yg_buf_free(&s.canon);
		i = k - 1;
	}
}
