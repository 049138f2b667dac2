/* official.c — officials: named persons with a title (chức vụ).
 *
 * Two shapes, both with optional degree/honorific prefixes (PGS.TS.BS,
 * đồng chí, ông):
 *   A. TITLE [BODY] (, TITLE [BODY])* NAME   "Bí thư Thành ủy Hà Nội Nguyễn Duy Ngọc"
 *   B. NAME (,|–|-) TITLE [BODY] (, TITLE [BODY])*   "Ông Dương Anh Đức – Phó chủ tịch UBND TP.HCM"
 * A NAME is 2–5 capitalised syllables starting with a family name from the
 * lexicon.  Each TITLE + BODY becomes a memberOf link with the title as
 * written for role; a title that names its body ("Ủy viên Bộ Chính trị")
 * links to the body inside it.  Short references (TS Diện, ông Dũng,
 * Bộ trưởng Tiến) and untitled full names (đồng chí Đinh Tiến Dũng) are
 * recorded and resolve.c attaches them to a titled person or drops them.
 * Runs after stage 1, so the bodies it reads are the kept mentions. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "recognize.h"

#define MAX_TITLES 8
#define MAX_NAME 5

typedef struct {
	size_t start, end; /* title tokens */
	long body;         /* mention index of its body, -1 none */
	const char *implied; /* the body a title names without a mention
	                      * ("Ủy viên Trung ương Đảng"), or NULL */
} title_ref;

typedef struct {
	title_ref t[MAX_TITLES];
	size_t n;
	size_t end;
} chain;

/* Degrees and honorifics before a name: "PGS.TS.BS", "đồng chí", "Ông".
 * Appends degree abbreviations to `deg` (comma separated). */
static size_t prefixes_at(const yg_ctx *c, size_t i, yg_buf *deg, int *any)
{
	const yg_document *d = c->d;
	size_t k = i;
	for (;;) {
		uint32_t cc;
		size_t n = yg_phrase(c, k, YG_LEX_DEGREE, &cc);
		if (n) {
			if (deg) {
				if (deg->len)
					yg_buf_putc(deg, ',');
				yg_buf_puts(deg, yg_concept_of(c, cc)->pref);
			}
		} else {
			n = yg_phrase(c, k, YG_LEX_HONORIFIC, &cc);
			if (!n)
				break;
		}
		k += n;
		*any = 1;
		if (yg_tok_punct(d, k, '.'))
			k++; /* "PGS.TS", "GS. Nguyễn" */
		else if (yg_tok_punct(d, k, ',') && yg_phrase(c, k + 1, YG_LEX_DEGREE, NULL))
			k++; /* "TTƯT, BSCKI" */
	}
	return k - i;
}

static int starts_org(const yg_ctx *c, size_t k)
{
	return yg_kinds_at(c, k, 1u << YG_LEX_TITLE | 1u << YG_LEX_BODY | 1u << YG_LEX_HOSPITAL |
	                            1u << YG_LEX_FACILITY | 1u << YG_LEX_DOCTYPE);
}

/* A personal name at i: 2–5 capitalised syllables, the first a family
 * name; not running into an organisation or across a sentence. */
static size_t name_at(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	if (!yg_phrase(c, i, YG_LEX_FAMILY, NULL) || !yg_tok_capword(d, i) ||
	    (d->toks.items[i].flags & YG_TOK_ALLCAP))
		return 0;
	if (yg_mention_at(d, i) >= 0)
		return 0;
	size_t k = i + 1;
	while (k < i + MAX_NAME && yg_tok_capword(d, k) && !(d->toks.items[k].flags & YG_TOK_ALLCAP) &&
	       !(d->toks.items[k].flags & YG_TOK_SENT_START) && (d->toks.items[k].flags & YG_TOK_SPACE_BEFORE) &&
	       !starts_org(c, k) && yg_mention_at(d, k) < 0)
		k++;
	return k - i >= 2 ? k - i : 0;
}

/* A name, allowing up to three capitalised words of an unrecognised place
 * before it ("Tỉnh ủy Thừa Thiê Huế Phan Ngọc Thọ", with a typo). */
static size_t name_after(const yg_ctx *c, size_t i, size_t *start)
{
	const yg_document *d = c->d;
	for (size_t skip = 0; skip <= 3; skip++) {
		size_t n = name_at(c, i + skip);
		if (n) {
			*start = i + skip;
			return n;
		}
		if (!yg_tok_capword(d, i + skip))
			break;
	}
	return 0;
}

/* The kept organisation mention starting at k (body, hospital, facility). */
static long org_at(const yg_document *d, size_t k)
{
	long m = yg_mention_at(d, k);
	if (m < 0)
		return -1;
	uint16_t t = d->mentions.items[m].type;
	return t == YG_T_BODY || t == YG_T_HOSPITAL || t == YG_T_FACILITY ? m : -1;
}

/* One TITLE [BODY] at k. */
static size_t title_at(const yg_ctx *c, size_t k, title_ref *out)
{
	const yg_document *d = c->d;
	uint32_t tc;
	size_t n = yg_phrase(c, k, YG_LEX_TITLE, &tc);
	if (!n || !(d->toks.items[k].flags & (YG_TOK_CAP | YG_TOK_ALLCAP)))
		return 0;
	out->start = k;
	out->end = k + n;
	out->body = -1;
	out->implied = yg_concept_of(c, tc)->body;
	/* a title that contains its body ("Ủy viên Bộ Chính trị": the role
	 * is the whole title), or whose body starts inside it and runs on
	 * ("Trưởng Ban Tuyên giáo Tỉnh ủy X": the role stops at the body) */
	for (size_t x = k + 1; x < k + n; x++)
		if ((out->body = org_at(d, x)) >= 0) {
			size_t body_end = d->mentions.items[out->body].tok_end;
			if (body_end <= k + n)
				return n;
			out->end = x;
			return body_end - k;
		}
	/* a body right after, maybe after "của" */
	size_t b = k + n;
	b += yg_role_at(c, b, YG_ROLE_OF);
	if ((out->body = org_at(d, b)) >= 0)
		return d->mentions.items[out->body].tok_end - k;
	return n;
}

/* Between two titles of one person: ",", "kiêm", "và". */
static size_t title_sep(const yg_ctx *c, size_t k)
{
	size_t n = yg_role_at(c, k, YG_ROLE_LIST_SEP);
	if (!n)
		n = yg_role_at(c, k, YG_ROLE_CONCURRENT);
	if (!n)
		n = yg_role_at(c, k, YG_ROLE_LIST_AND);
	return n;
}

static size_t chain_at(const yg_ctx *c, size_t i, chain *ch)
{
	ch->n = 0;
	size_t k = i;
	while (ch->n < MAX_TITLES) {
		/* "nguyên Chủ tịch", "cố Bộ trưởng": the modifier stays in the role */
		size_t mod = 0;
		uint32_t hc;
		if (yg_phrase(c, k, YG_LEX_HONORIFIC, &hc) == 1 &&
		    (yg_concept_of(c, hc)->modifier == YG_MOD_FORMER || yg_concept_of(c, hc)->modifier == YG_MOD_DECEASED))
			mod = 1;
		size_t n = title_at(c, k + mod, &ch->t[ch->n]);
		if (n && mod) {
			ch->t[ch->n].start = k;
			n += mod;
		}
		if (!n)
			break;
		ch->n++;
		k += n;
		ch->end = k;
		size_t sep = title_sep(c, k);
		size_t next = k + sep;
		if (yg_phrase(c, next, YG_LEX_HONORIFIC, NULL) == 1)
			next++;
		if (!sep || !yg_phrase(c, next, YG_LEX_TITLE, NULL))
			break;
		k += sep;
	}
	return ch->n ? ch->end - i : 0;
}

static int is_dash(const yg_document *d, size_t k)
{
	if (yg_tok_punct(d, k, ',') || yg_tok_punct(d, k, '-') || yg_tok_punct(d, k, '('))
		return 1;
	if (!yg_tok_live(d, k))
		return 0;
	const yg_token *t = &d->toks.items[k];
	const char *s = d->text.s + t->start;
	/* en dash, em dash */
	return t->end - t->start == 3 && (memcmp(s, "\xE2\x80\x93", 3) == 0 || memcmp(s, "\xE2\x80\x94", 3) == 0);
}

static size_t add_official(yg_document *d, size_t a, size_t b, const char *degrees, uint8_t is_short)
{
	char *label = yg_document_text(d, (uint32_t)a, (uint32_t)b);
	size_t m = yg_document_add_mention(d, (uint32_t)a, (uint32_t)b, YG_T_OFFICIAL, -1, label);
	free(label);
	d->mentions.items[m].is_short = is_short;
	if (degrees && *degrees)
		d->mentions.items[m].degrees = yg_xstrdup(degrees);
	return m;
}

/* One memberOf link per title that has a body; the role is the title as
 * written ("Phó chủ tịch", "Ủy viên Bộ Chính trị"). */
static void link_chain(yg_document *d, size_t name_tok, const chain *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		const title_ref *t = &ch->t[i];
		char *role = yg_document_text(d, (uint32_t)t->start, (uint32_t)t->end);
		if (t->body >= 0) {
			const yg_mention *body = &d->mentions.items[t->body];
			yg_document_link(d, (uint32_t)name_tok, (int32_t)body->tok_start, YG_R_MEMBER_OF, role, NULL);
		} else if (t->implied) {
			/* the title's own words name the body */
			yg_document_link_implied(d, (uint32_t)name_tok, YG_T_BODY, t->implied, -1, YG_R_MEMBER_OF,
			                         (uint32_t)t->start, (uint32_t)t->end);
			d->links.items[d->links.len - 1].role = role;
			role = NULL;
		}
		free(role);
	}
}

/* Returns tokens consumed from i, 0 if nothing here. */
static size_t official_at(yg_ctx *c, size_t i)
{
	yg_document *d = c->d;
	yg_buf deg;
	yg_buf_init(&deg);
	yg_buf_puts(&deg, "");
	int pre = 0;
	size_t p = prefixes_at(c, i, &deg, &pre), consumed = 0;
	chain ch;
	size_t ns, nn;
	size_t tl = chain_at(c, i + p, &ch);
	if (tl && (nn = name_after(c, i + p + tl, &ns)) > 0) {
		/* A: titles, then the name */
		add_official(d, ns, ns + nn, deg.s, 0);
		link_chain(d, ns, &ch);
		consumed = ns + nn - i;
	} else if (tl && yg_tok_capword(d, i + p + tl) && !starts_org(c, i + p + tl) &&
	           !yg_tok_capword(d, i + p + tl + 1) && yg_mention_at(d, i + p + tl) < 0) {
		/* "Bộ trưởng Tiến": a short reference */
		add_official(d, i + p + tl, i + p + tl + 1, deg.s, 1);
		consumed = p + tl + 1;
	} else if ((nn = name_at(c, i + p)) > 0) {
		size_t after = i + p + nn;
		if (is_dash(d, after) && (tl = chain_at(c, after + 1, &ch)) > 0) {
			/* B: the name, then its titles */
			add_official(d, i + p, after, deg.s, 0);
			link_chain(d, i + p, &ch);
			consumed = after + 1 + tl - i;
		} else if (pre) {
			add_official(d, i + p, after, deg.s, 2);
			consumed = after - i;
		}
	} else if (pre && p && yg_tok_capword(d, i + p) && !starts_org(c, i + p) &&
	           yg_mention_at(d, i + p) < 0) {
		/* "TS Diện", "ông Dũng" */
		add_official(d, i + p, i + p + 1, deg.s, 1);
		consumed = p + 1;
	}
	yg_buf_free(&deg);
	return consumed;
}

void yg_recognize_officials(yg_ctx *c)
{
	yg_document *d = c->d;
	const uint32_t starts = 1u << YG_LEX_DEGREE | 1u << YG_LEX_HONORIFIC | 1u << YG_LEX_TITLE |
	                        1u << YG_LEX_FAMILY;
	for (size_t i = 0; i < d->toks.len; i++) {
		/* an official starts with a degree, an honorific, a title or a
		 * family name */
		if (!yg_tok_live(d, i) || !yg_kinds_at(c, i, starts))
			continue;
		size_t n = official_at(c, i);
		if (n)
			i += n - 1;
	}
}

/* Well-known persons by name (PersonScheme): "Bác Hồ" is Hồ Chí Minh. */
void yg_recognize_persons(yg_ctx *c)
{
	yg_document *d = c->d;
	for (size_t i = 0; i < d->toks.len; i++) {
		uint32_t pc;
		size_t n = yg_phrase(c, i, YG_LEX_PERSON, &pc);
		if (!n || !yg_tok_capword(d, i))
			continue;
		yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_OFFICIAL, -1, yg_concept_of(c, pc)->pref);
		i += n - 1;
	}
}
