/* official.c — officials: named persons with a title (chức vụ).
 *
 * A person is an optional run of degrees and honorifics (PGS.TS.BS, đồng
 * chí, ông, Đại tá) and a name; a title chain is titles joined by ",",
 * "kiêm", "và" or dashes, each with the body it names.  The shapes:
 *   A. CHAIN NAME            "Bí thư Thành ủy Hà Nội Nguyễn Duy Ngọc"
 *   B. NAME sep CHAIN        "ông A, Giám đốc Sở Y tế X", "Đ/c A – Phó Bí thư
 *                            Tỉnh ủy – Chủ tịch UBND tỉnh", "bà A là ..."
 *   C. NAME (...) APPOINT CHAIN   "bổ nhiệm ông A (sinh năm 1977, nguyên
 *                            Giám đốc X) làm Giám đốc Y"; several persons
 *                            may share the chain ("ông A và ông B ... làm 2
 *                            Phó giám đốc Y").
 * A NAME is 2–5 capitalised syllables; without a title or an honorific
 * before it, its first syllable must be a family name from the lexicon
 * (names outside that list, "Sấn Văn Cương", need the context).  Each title
 * with a body gives a memberOf link, the role the title as written
 * ("nguyên Phó Giám đốc", "Ủy viên Bộ Chính trị"): a body after the title,
 * one inside it, one the title names by itself (ytg:body: "Thủ tướng" ->
 * Chính phủ, "Tỉnh ủy viên" -> the article's Tỉnh ủy), or a unit named after
 * it (ytg:unitHead: "Phó Vụ trưởng Bảo hiểm xã hội" -> Vụ Bảo hiểm xã hội).
 * A link carries how the post was stated (former, held, appointed) so that
 * relate.c keeps one post per body.  Short references (TS Diện, ông Dũng)
 * and untitled full names are recorded for resolve.c.  Runs after stage 1,
 * so the bodies it reads are the kept mentions. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "coord.h"
#include "recognize.h"

#define MAX_TITLES 12
#define MAX_NAME 5
#define MAX_UNIT_NAME 6
#define MAX_PERSONS 8

typedef struct {
	size_t start, end;       /* the role as written */
	long body;               /* the mention of its body, or -1 */
	int32_t implied;         /* a body concept the title names, or -1 */
	size_t unit_start, unit_end; /* the name of a unit after the title */
	int32_t unit_title;      /* the title concept whose ytg:unitHead names it */
	uint8_t weight;          /* YG_POST_* */
	uint8_t heads;           /* a head's title (ytg:seniority "head") */
	const char *role_label;  /* the role as the lexicon writes it, or NULL */
} title_ref;

typedef struct {
	title_ref t[MAX_TITLES];
	size_t n;
	size_t end;
} chain;

#define ORG_STARTS                                                                                   \
	(1u << YG_LEX_TITLE | 1u << YG_LEX_BODY | 1u << YG_LEX_HOSPITAL | 1u << YG_LEX_FACILITY |      \
	 1u << YG_LEX_DOCTYPE)

/* Degrees and honorifics before a name: "PGS.TS.BS", "đồng chí", "Ông".
 * Appends degree abbreviations to `deg` (comma separated); *honorific is
 * set when a form of address is among them. */
static size_t prefixes_at(const yg_ctx *c, size_t i, yg_buf *deg, int *honorific)
{
	const yg_document *d = c->d;
	size_t k = i;
	for (;;) {
		uint32_t cc;
		size_t n = yg_phrase(c, k, YG_LEX_DEGREE, &cc);
		if (n) {
			if (deg->len)
				yg_buf_putc(deg, ',');
			yg_buf_puts(deg, yg_concept_of(c, cc)->pref);
		} else if ((n = yg_phrase(c, k, YG_LEX_HONORIFIC, &cc)) > 0) {
			uint8_t mod = yg_concept_of(c, cc)->modifier;
			if (mod == YG_MOD_FORMER || mod == YG_MOD_DECEASED)
				break; /* "nguyên Giám đốc": part of the title */
			*honorific = 1;
		} else {
			break;
		}
		k += n;
		if (yg_tok_punct(d, k, '.') || yg_tok_punct(d, k, '-'))
			k++; /* "PGS.TS", "GS. Nguyễn", "PGS-TS-BS" */
		else if (yg_tok_punct(d, k, ',') && yg_phrase(c, k + 1, YG_LEX_DEGREE, NULL))
			k++; /* "TTƯT, BSCKI" */
	}
	return k - i;
}

static int starts_org(const yg_ctx *c, size_t k)
{
	return yg_kinds_at(c, k, ORG_STARTS);
}

/* Can token k continue (or start) a personal name? */
static int name_word(const yg_ctx *c, size_t k)
{
	const yg_document *d = c->d;
	return yg_tok_capword(d, k) && !(d->toks.items[k].flags & YG_TOK_ALLCAP) && !starts_org(c, k) &&
	       yg_mention_at(d, k) < 0;
}

/* The run of name words from i (up to max). */
static size_t name_run(const yg_ctx *c, size_t i, size_t max)
{
	const yg_document *d = c->d;
	size_t k = i;
	while (k < i + max && name_word(c, k) &&
	       (k == i || ((d->toks.items[k].flags & YG_TOK_SPACE_BEFORE) &&
	                   !(d->toks.items[k].flags & YG_TOK_SENT_START))))
		k++;
	return k - i;
}

/* A personal name at i: 2–5 capitalised syllables; without context the
 * first one must be a family name. */
static size_t name_at(const yg_ctx *c, size_t i, int context)
{
	if (!context && !yg_phrase(c, i, YG_LEX_FAMILY, NULL))
		return 0;
	size_t n = name_run(c, i, MAX_NAME);
	return n >= 2 ? n : 0;
}

/* The name after a title chain: the run of capitalised words that
 * follows, or, when a place the lexicon does not know sits before the
 * name ("Tỉnh ủy Thừa Thiê Huế Phan Ngọc Thọ", "Chủ tịch UBMTTQVN tỉnh
 * Nguyễn Tiếc Hùng"), the last 2–4 of them from a family name. */
static size_t name_after(const yg_ctx *c, size_t i, size_t *start)
{
	const yg_document *d = c->d;
	size_t run = name_run(c, i, 8);
	if (run >= 2 && run <= 4) {
		*start = i;
		return run;
	}
	/* skip up to four words of an unknown organisation or place */
	size_t k = i;
	while (k < i + 4 && yg_tok_live(d, k) && !yg_tok_has(d, k, YG_TOK_PUNCT) &&
	       !(k > i && (d->toks.items[k].flags & YG_TOK_SENT_START))) {
		if (yg_phrase(c, k, YG_LEX_FAMILY, NULL) && name_word(c, k)) {
			size_t n = name_run(c, k, MAX_NAME);
			if (n >= 2 && n <= 4) {
				*start = k;
				return n;
			}
		}
		if (!yg_tok_capword(d, k) && !yg_phrase(c, k, YG_LEX_UNIT, NULL))
			break;
		k++;
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

/* The name of a unit right after a title with ytg:unitHead ("Bảo hiểm xã
 * hội" after "Phó Vụ trưởng"): capitalised first, then words up to a
 * separator, another title or organisation, or a person's name. */
static size_t unit_name(const yg_ctx *c, size_t b, const yg_concept *title)
{
	const yg_document *d = c->d;
	if (!title->unit_head || !yg_tok_capword(d, b) || starts_org(c, b) || yg_mention_at(d, b) >= 0)
		return 0;
	size_t k = b;
	int central = 0;
	while (k < b + MAX_UNIT_NAME && yg_tok_live(d, k) && (d->toks.items[k].flags & YG_TOK_WORD) &&
	       !(k > b && (d->toks.items[k].flags & YG_TOK_SENT_START)) && !(k > b && starts_org(c, k)) &&
	       !(k > b && yg_phrase(c, k, YG_LEX_FAMILY, NULL) && name_word(c, k) && name_word(c, k + 1))) {
		size_t r = yg_role_at(c, k, YG_ROLE_CENTRAL);
		central = r > 0;
		k += r ? r : 1;
	}
	if (k == b)
		return 0;
	if (title->flags & YG_CF(OPEN_UNIT) || central)
		return k - b;
	/* otherwise only a body the lexicon knows ("Bộ trưởng Y tế") */
	char *name = yg_document_text(d, (uint32_t)b, (uint32_t)k);
	char *label = yg_strjoin(title->unit_head, " ", name);
	long known = yg_lexicon_find_label(c->lx, YG_LEX_BODY, label);
	free(name);
	free(label);
	return known >= 0 ? k - b : 0;
}

/* After a title of a unit inside an organisation (ytg:innerUnit): the
 * unit's name, then the organisation, maybe after a comma, a dash, a
 * bracket or "của" ("Trưởng khoa Hồi sức tích cực - Chống độc, Bệnh viện
 * X").  The role keeps the unit's name (*unit_end); returns one past the
 * organisation's mention, 0 if the shape is not there. */
#define MAX_INNER_NAME 8
static size_t inner_unit(const yg_ctx *c, size_t b, size_t *unit_end, long *org)
{
	const yg_document *d = c->d;
	size_t j = b;
	if (!yg_tok_capword(d, b))
		return 0;
	while (j < b + MAX_INNER_NAME && yg_tok_live(d, j) && org_at(d, j) < 0 &&
	       !(j > b && ((d->toks.items[j].flags & YG_TOK_SENT_START) || yg_kinds_at(c, j, 1u << YG_LEX_TITLE)))) {
		int word = (d->toks.items[j].flags & YG_TOK_WORD) != 0;
		/* a dash inside the name ("Nội - Thận"), not before the organisation */
		int inner_dash = j > b && yg_tok_dash(d, j) && org_at(d, j + 1) < 0 && yg_tok_capword(d, j + 1);
		if (!word && !inner_dash)
			break;
		j++;
	}
	size_t sep = 0;
	if (yg_tok_punct(d, j, ',') || yg_tok_punct(d, j, '(') || yg_tok_dash(d, j))
		sep = 1;
	else
		sep = yg_role_at(c, j, YG_ROLE_OF);
	long o = j > b ? org_at(d, j + sep) : -1;
	if (o < 0)
		return 0;
	*unit_end = j;
	*org = o;
	return d->mentions.items[o].tok_end;
}

/* One TITLE [BODY] at k; lower_ok lets it start in lower case (after
 * "nguyên", or inside a chain: "quyền Bộ trưởng"). */
static size_t title_at(const yg_ctx *c, size_t k, int lower_ok, title_ref *out)
{
	const yg_document *d = c->d;
	uint32_t tc;
	size_t n = yg_phrase(c, k, YG_LEX_TITLE, &tc);
	const yg_concept *title = n ? yg_concept_of(c, tc) : NULL;
	if (!n || (!lower_ok && !(title->flags & YG_CF(DUTY)) && !(d->toks.items[k].flags & (YG_TOK_CAP | YG_TOK_ALLCAP))))
		return 0;
	out->start = k;
	out->end = k + n;
	out->body = -1;
	out->implied = title->body;
	out->unit_start = out->unit_end = 0;
	out->unit_title = -1;
	out->weight = YG_POST_HELD;
	out->heads = title->rank == YG_RANK_HEAD;
	out->role_label = NULL;
	/* a title that contains its body ("Ủy viên Bộ Chính trị": the role
	 * is the whole title), or whose body starts inside it and runs on
	 * ("Trưởng Ban Tuyên giáo Tỉnh ủy X": the role stops at the body,
	 * or is the lexicon's ytg:roleLabel: "Trưởng đoàn" of "Trưởng đoàn
	 * đại biểu Quốc hội tỉnh X"); a bare head inside a title of an inner
	 * unit is no body: "Bí thư Đảng ủy Sở Y tế X" is of the Sở, "Bí thư
	 * Đảng ủy, Giám đốc X" of no committee the article names elsewhere */
	for (size_t x = k + 1; x < k + n; x++)
		if ((out->body = org_at(d, x)) >= 0 &&
		    !((title->flags & YG_CF(INNER_UNIT)) && d->mentions.items[out->body].is_short == 4)) {
			size_t body_end = d->mentions.items[out->body].tok_end;
			if (body_end <= k + n)
				return n;
			out->end = x;
			out->role_label = title->role_label;
			return body_end - k;
		}
	/* a body right after, maybe after "của" or a filler word */
	size_t b = k + n;
	b += yg_role_at(c, b, YG_ROLE_FILLER);
	b += yg_role_at(c, b, YG_ROLE_OF);
	if ((out->body = org_at(d, b)) >= 0)
		return d->mentions.items[out->body].tok_end - k;
	size_t ue, past;
	if ((title->flags & YG_CF(INNER_UNIT)) && (past = inner_unit(c, b, &ue, &out->body)) > 0) {
		out->end = ue; /* "Trưởng khoa Nội": the role, of the hospital */
		out->heads = 0;
		return past - k;
	}
	size_t un = unit_name(c, b, title);
	if (un) {
		out->unit_start = b;
		out->unit_end = b + un;
		out->unit_title = (int32_t)tc;
		return b + un - k;
	}
	return n;
}

/* Between two titles of one person: ",", "kiêm", "và", a dash. */
static size_t title_sep(const yg_ctx *c, size_t k)
{
	size_t n = yg_role_at(c, k, YG_ROLE_LIST_SEP);
	if (n)
		return n + yg_role_at(c, k + n, YG_ROLE_CONCURRENT);
	if ((n = yg_role_at(c, k, YG_ROLE_CONCURRENT)) > 0 || (n = yg_role_at(c, k, YG_ROLE_LIST_AND)) > 0 ||
	    (n = yg_role_at(c, k, YG_ROLE_CELL_SEP)) > 0) /* a table row: | name | title | */
		return n;
	return yg_tok_dash(c->d, k) ? 1 : 0;
}

/* "nguyên", "cố" before a title. */
static size_t modifier_at(const yg_ctx *c, size_t k)
{
	uint32_t hc;
	if (yg_phrase(c, k, YG_LEX_HONORIFIC, &hc) != 1)
		return 0;
	uint8_t mod = yg_concept_of(c, hc)->modifier;
	return mod == YG_MOD_FORMER || mod == YG_MOD_DECEASED;
}

/* An honour among the titles ("Anh hùng Lao động"): skipped. */
static size_t honour_at(const yg_ctx *c, size_t k)
{
	uint32_t dc;
	size_t n = yg_phrase(c, k, YG_LEX_DEGREE, &dc);
	return n && yg_concept_of(c, dc)->degree_kind == YG_DEG_HONOUR ? n : 0;
}

/* Can a chain item start at k? */
static int item_start(const yg_ctx *c, size_t k)
{
	return modifier_at(c, k) || honour_at(c, k) || yg_phrase(c, k, YG_LEX_TITLE, NULL);
}

static size_t chain_at(const yg_ctx *c, size_t i, int lower_ok, chain *ch)
{
	ch->n = 0;
	ch->end = i;
	size_t k = i;
	while (ch->n < MAX_TITLES) {
		size_t h = honour_at(c, k);
		if (h) {
			/* "..., Anh hùng Lao động, nguyên Phó Giám đốc" */
			size_t sep = title_sep(c, k + h);
			if (!sep || !item_start(c, k + h + sep))
				break;
			k += h + sep;
			continue;
		}
		size_t mod = modifier_at(c, k);
		size_t n = title_at(c, k + mod, lower_ok || mod || ch->n > 0, &ch->t[ch->n]);
		if (!n)
			break;
		if (mod) {
			ch->t[ch->n].start = k;
			ch->t[ch->n].weight = YG_POST_FORMER;
			n += mod;
		}
		ch->n++;
		k += n;
		/* "Bí thư Ban cán sự Đảng, quyền Bộ trưởng": the words of a unit
		 * the lexicon does not know, up to the next separator */
		const title_ref *last = &ch->t[ch->n - 1];
		if (last->body < 0 && last->implied < 0 && last->unit_end == 0 && yg_tok_capword(c->d, k)) {
			size_t j = k;
			while (j < k + 6 && yg_tok_live(c->d, j) && (c->d->toks.items[j].flags & YG_TOK_WORD) &&
			       !title_sep(c, j) && !(c->d->toks.items[j].flags & YG_TOK_SENT_START) && !item_start(c, j))
				j++;
			if (title_sep(c, j) && item_start(c, j + title_sep(c, j)))
				k = j;
		}
		ch->end = k;
		size_t sep = title_sep(c, k);
		uint32_t tc;
		if (!sep && yg_phrase(c, k, YG_LEX_TITLE, &tc) && (yg_concept_of(c, tc)->flags & YG_CF(DUTY)))
			continue; /* "Phó Giám đốc Sở Y tế phụ trách điều hành ..." */
		if (!sep || !item_start(c, k + sep))
			break;
		k += sep;
	}
	return ch->n ? ch->end - i : 0;
}

/* "Đoàn công tác của Bộ Y tế do Thứ trưởng A dẫn đầu": a first title
 * that names no body of its own is of the unit right before "do". */
static void led_by(const yg_ctx *c, size_t i, chain *ch)
{
	size_t by = yg_role_before(c, i, YG_ROLE_BY);
	title_ref *t = &ch->t[0];
	if (!by || by >= i || t->body >= 0 || t->implied >= 0 || t->unit_end > t->unit_start)
		return;
	/* mentions are indexed by their first token: look back for the one
	 * ending right before "do" (names run a dozen words at most) */
	for (size_t k = i - by, back = 0; k > 0 && back < 16; k--, back++) {
		long o = org_at(c->d, k - 1);
		if (o >= 0) {
			if (c->d->mentions.items[o].tok_end == i - by)
				t->body = o;
			return;
		}
	}
}

/* The name set off by a comma or a dash after a title chain at k:
 * "Giám đốc Sở Y tế, bà A, cho biết", "Phó Giám đốc Sở - ông A - đề
 * nghị".  With no degree or form of address the name starts with a
 * family name and the same mark closes it.  Appends its degrees to `deg` (restored when there
 * is no name); its length, the name's first token in *start. */
static size_t apposed_name(const yg_ctx *c, size_t k, yg_buf *deg, size_t *start)
{
	const yg_document *d = c->d;
	int dash = yg_tok_dash(d, k);
	if (!yg_tok_punct(d, k, ',') && !dash)
		return 0;
	size_t len = deg->len;
	int honorific = 0;
	size_t p = prefixes_at(c, k + 1, deg, &honorific);
	size_t n = name_at(c, k + 1 + p, p > 0);
	size_t close = k + 1 + p + n;
	if (!n || (!p && !(dash ? yg_tok_dash(d, close) : yg_tok_punct(d, close, ',')))) {
		deg->len = len;
		deg->s[len] = '\0';
		return 0;
	}
	*start = k + 1 + p;
	return n;
}

/* A bracket right after a name ("(sinh năm 1977, nguyên Giám đốc X)"):
 * its end (one past ")"), or k when there is none. */
static size_t bracket_end(const yg_document *d, size_t k)
{
	if (!yg_tok_punct(d, k, '('))
		return k;
	for (size_t j = k + 1; j < k + 60 && yg_tok_live(d, j); j++) {
		if (yg_tok_punct(d, j, ')'))
			return j + 1;
		if (yg_tok_punct(d, j, '('))
			break;
	}
	return k;
}

static size_t add_official(yg_document *d, size_t a, size_t b, const char *degrees, uint8_t is_short)
{
	/* the label is read into the scratch buffer: the mention copies it */
	d->scratch.len = 0;
	yg_document_text_into(d, (uint32_t)a, (uint32_t)b, &d->scratch);
	size_t m = yg_document_add_mention(d, (uint32_t)a, (uint32_t)b, YG_T_OFFICIAL, -1, d->scratch.s);
	d->mentions.items[m].is_short = is_short;
	if (degrees && *degrees)
		d->mentions.items[m].degrees = yg_document_strdup(d, degrees);
	return m;
}

/* One memberOf link per title that has a body; the role is the title as
 * written.  `weight`, when not 0, overrides how the posts were stated (an
 * appointment). */
static void link_chain(const yg_ctx *c, size_t name_tok, const chain *ch, uint8_t weight)
{
	yg_document *d = c->d;
	for (size_t i = 0; i < ch->n; i++) {
		const title_ref *t = &ch->t[i];
		char *role = t->role_label ? yg_document_strdup(d, t->role_label)
		                           : yg_document_text_dup(d, (uint32_t)t->start, (uint32_t)t->end);
		uint8_t w = weight && t->weight != YG_POST_FORMER ? weight : t->weight;
		if (t->body >= 0) {
			const yg_mention *body = &d->mentions.items[t->body];
			yg_document_link(d, (uint32_t)name_tok, (int32_t)body->tok_start, YG_R_MEMBER_OF, NULL, NULL);
			d->links.items[d->links.len - 1].role = role;
		} else if (t->unit_end > t->unit_start) {
			char *name = yg_document_text(d, (uint32_t)t->unit_start, (uint32_t)t->unit_end);
			const char *head = yg_concept_of(c, (uint32_t)t->unit_title)->unit_head;
			char *label = yg_strjoin(head, " ", name);
			long known = yg_lexicon_find_label(c->lx, YG_LEX_BODY, label);
			yg_document_link_implied(d, (uint32_t)name_tok, YG_T_BODY,
			                         known >= 0 ? yg_concept_of(c, (uint32_t)known)->pref : label, -1,
			                         YG_R_MEMBER_OF, (uint32_t)t->unit_start, (uint32_t)t->unit_end);
			d->links.items[d->links.len - 1].role = role;
			free(name);
			free(label);
		} else if (t->implied >= 0) {
			/* the title's own words name the body */
			const yg_concept *body = yg_concept_of(c, (uint32_t)t->implied);
			yg_document_link_implied(d, (uint32_t)name_tok, YG_T_BODY, body->pref, -1, YG_R_MEMBER_OF,
			                         (uint32_t)t->start, (uint32_t)t->end);
			yg_link *l = &d->links.items[d->links.len - 1];
			l->role = role;
			l->of_article = body->scope == YG_SCOPE_PROVINCE;
		} else {
			continue;
		}
		d->links.items[d->links.len - 1].weight = w;
		/* a past post heads nothing now */
		d->links.items[d->links.len - 1].heads = (uint8_t)(t->heads && w != YG_POST_FORMER);
	}
}

/* Titles inside a bracket after a name: "(sinh năm 1977, nguyên Giám
 * đốc X, Cục Y)": every chain in it belongs to the person.  With `link`
 * 0 it only tells whether there is one ("(Phó Chủ tịch UBND tỉnh)" has,
 * "(sinh năm 1977)" has not), stopping at the first. */
static int bracket_titles(const yg_ctx *c, size_t name_tok, size_t a, size_t b, int link)
{
	int found = 0;
	for (size_t k = a + 1; k + 1 < b; k++) {
		chain ch;
		if (!item_start(c, k))
			continue;
		size_t n = chain_at(c, k, 1, &ch);
		if (n) {
			if (!link)
				return 1;
			link_chain(c, name_tok, &ch, 0);
			found = 1;
			k += n - 1;
		}
	}
	return found;
}

typedef struct {
	size_t start, end; /* the name */
	char *degrees;
} person;

/* A person at i: prefixes and a name; the name needs a family name unless
 * an honorific or degree is before it. */
static size_t person_at(const yg_ctx *c, size_t i, person *out)
{
	yg_buf deg;
	yg_buf_init(&deg);
	yg_buf_puts(&deg, "");
	int honorific = 0;
	size_t p = prefixes_at(c, i, &deg, &honorific);
	size_t n = name_at(c, i + p, p > 0);
	if (!n) {
		yg_buf_free(&deg);
		return 0;
	}
	out->start = i + p;
	out->end = i + p + n;
	out->degrees = yg_buf_take(&deg);
	return p + n;
}

/* Shape D: one title shared by a list of names, after a plural ("các
 * Phó Giám đốc Sở Y tế: A, B và C").  The persons are list items
 * (coord.c); each gets the chain. */
typedef struct {
	const chain *ch;
	size_t count;
} shared;

static size_t person_item(const yg_ctx *c, size_t k, void *user)
{
	(void)user;
	person p;
	size_t n = person_at(c, k, &p);
	if (n)
		free(p.degrees);
	return n;
}

static void shared_person(const yg_ctx *c, size_t start, size_t end, void *user)
{
	(void)end;
	shared *sh = user;
	person p;
	person_at(c, start, &p);
	yg_document *d = c->d;
	add_official(d, p.start, p.end, p.degrees, 0);
	link_chain(c, p.start, sh->ch, 0);
	free(p.degrees);
	sh->count++;
}

static void count_person(const yg_ctx *c, size_t start, size_t end, void *user)
{
	(void)c;
	(void)start;
	(void)end;
	((shared *)user)->count++;
}

static size_t shared_title(yg_ctx *c, size_t i, size_t tl, const chain *ch)
{
	size_t k = i + tl;
	k += yg_list_open(c, k);
	person first;
	size_t n = person_at(c, k, &first);
	if (!n)
		return 0;
	free(first.degrees);
	yg_document_cite(c->d, "official.shared-title", (uint32_t)i);
	shared sh = {ch, 0};
	size_t end = yg_list(c, k, person_item, shared_person, &sh, 0);
	return end - i;
}

/* Shape E: names after a plural form of address share the titles after
 * them ("các ông A và B, Phó Giám đốc Sở Y tế").  Tokens consumed from
 * i, 0 unless two names or more and a chain follow. */
static size_t names_then_title(yg_ctx *c, size_t i)
{
	shared count = {NULL, 0};
	size_t end = yg_list(c, i, person_item, count_person, &count, 0);
	chain ch;
	size_t sep = title_sep(c, end), tl;
	if (count.count < 2 || !sep || !(tl = chain_at(c, end + sep, 1, &ch)))
		return 0;
	yg_document_cite(c->d, "official.shared-title", (uint32_t)i);
	shared sh = {&ch, 0};
	yg_list(c, i, person_item, shared_person, &sh, 0);
	return end + sep + tl - i;
}

/* "(vừa) được bổ nhiệm (giữ chức)" at k: an `appointed` word, maybe
 * after a `tense` word; its length in tokens, 0 if none. */
static size_t appointed_at(const yg_ctx *c, size_t k)
{
	size_t t = yg_role_at(c, k, YG_ROLE_TENSE);
	size_t pv = yg_role_at(c, k + t, YG_ROLE_APPOINTED);
	return pv ? t + pv : 0;
}

/* The post taken at k: "(được bổ nhiệm) (giữ chức|làm) (2) CHAIN" — an
 * appointed word, an appointment word or both, a count skipped ("làm 2
 * Phó giám đốc"), then the chain (*ch).  `passive`: the appointed word is
 * needed.  Its length in tokens, 0 if none. */
static size_t post_taken(const yg_ctx *c, size_t k, int passive, chain *ch)
{
	size_t pv = appointed_at(c, k);
	size_t a = yg_role_at(c, k + pv, YG_ROLE_APPOINT);
	if (!pv && (passive || !a))
		return 0;
	size_t j = k + pv + a;
	if (yg_tok_has(c->d, j, YG_TOK_NUM))
		j++;
	size_t n = chain_at(c, j, 1, ch);
	return n ? j + n - k : 0;
}

/* ", đến nhận công tác và bổ nhiệm giữ chức CHAIN" after a transfer
 * verb: a few lower-case words, then an appointing verb and the post.
 * Tokens from k, 0 if not there. */
#define TRANSFER_MAX 8
static size_t transfer_clause(const yg_ctx *c, size_t k, chain *ch)
{
	const yg_document *d = c->d;
	for (size_t j = k; j < k + TRANSFER_MAX && yg_tok_live(d, j); j++) {
		if (yg_mention_at(d, j) >= 0 ||
		    (d->toks.items[j].flags & (YG_TOK_CAP | YG_TOK_ALLCAP | YG_TOK_PUNCT | YG_TOK_SENT_START)))
			return 0;
		size_t v = yg_role_at(c, j, YG_ROLE_APPOINTING), n;
		if (v) {
			if (!(n = post_taken(c, j + v, 0, ch)))
				n = chain_at(c, j + v, 1, ch);
			return n ? j + v + n - k : 0;
		}
	}
	return 0;
}

/* After a person's titles: ", được bổ nhiệm giữ chức CHAIN" — the post
 * they take, linked as appointed; after an appointing verb before the
 * person (`active`) ", giữ chức CHAIN" is enough.  Returns tokens
 * consumed from k. */
static size_t later_appointment(yg_ctx *c, size_t name, size_t k, int active)
{
	size_t sep = title_sep(c, k);
	chain ch;
	size_t n = post_taken(c, k + sep, !active, &ch);
	if (!n && active && sep)
		n = transfer_clause(c, k + sep, &ch);
	if (n)
		link_chain(c, name, &ch, YG_POST_APPOINTED);
	return n ? sep + n : 0;
}

/* "A, Trưởng phòng Nghiệp vụ Y, giữ chức Giám đốc X" after an appointing
 * verb: a present title in a unit outside our types (no chain reads it)
 * is skipped up to a separator of the same sentence, a few words on,
 * that the post taken follows, and that post is linked.  Tokens consumed
 * from k, 0 if the shape is not there. */
#define PAST_TITLE_MAX 12
static size_t appointment_past_title(yg_ctx *c, size_t name, size_t k)
{
	const yg_document *d = c->d;
	size_t sep = title_sep(c, k);
	if (!sep || !yg_kinds_at(c, k + sep, 1u << YG_LEX_TITLE))
		return 0;
	uint32_t sent = d->toks.items[name].sent;
	for (size_t j = k + sep + 1; j < d->toks.len && j < k + sep + PAST_TITLE_MAX; j++) {
		if (d->toks.items[j].sent != sent)
			return 0;
		size_t n = title_sep(c, j) ? later_appointment(c, name, j, 1) : 0;
		if (n) /* a dash inside the unit's name is passed over too */
			return j + n - k;
	}
	return 0;
}

/* What joins a name to the titles after it: a separator (",", a dash)
 * or "là"; "từng là", "từng giữ chức" (a `past` word and "là" or an
 * appointment word) make the posts former (*weight).  Its length, 0 if
 * none. */
static size_t sep_before_titles(const yg_ctx *c, size_t k, uint8_t *weight)
{
	size_t sep = title_sep(c, k);
	if (!sep)
		sep = yg_role_at(c, k, YG_ROLE_COPULA);
	size_t pw = sep ? 0 : yg_role_at(c, k, YG_ROLE_PAST);
	if (pw) {
		size_t v = yg_role_at(c, k + pw, YG_ROLE_COPULA);
		if (!v)
			v = yg_role_at(c, k + pw, YG_ROLE_APPOINT);
		if (v) {
			sep = pw + v;
			*weight = YG_POST_FORMER;
		}
	}
	return sep;
}

/* Shape C: persons, each maybe with a bracket, joined by "và" or ",",
 * then an appointment: "làm" and a chain (a count before it is skipped:
 * "làm 2 Phó giám đốc").  A former post stated for them all ("nguyên là
 * 2 phó giám đốc X") is linked as such.  Returns tokens consumed, 0 if
 * the shape is not there. */
static size_t appointment_at(yg_ctx *c, size_t i, person *first, size_t after)
{
	yg_document *d = c->d;
	person ps[MAX_PERSONS];
	size_t np = 1, k = after;
	ps[0] = *first;
	size_t brackets[MAX_PERSONS][2];
	brackets[0][0] = k;
	k = bracket_end(d, k);
	brackets[0][1] = k;
	for (;;) {
		size_t sep = yg_list_sep(c, k);
		person q;
		size_t n = sep && np < MAX_PERSONS ? person_at(c, k + sep, &q) : 0;
		if (!n || q.start == k + sep) { /* another person needs an honorific */
			if (n)
				free(q.degrees);
			break;
		}
		ps[np] = q;
		k += sep + n;
		brackets[np][0] = k;
		k = bracket_end(d, k);
		brackets[np++][1] = k;
	}
	/* "nguyên là 2 phó giám đốc X (...)" */
	chain former = {0};
	if (modifier_at(c, k)) {
		size_t j = k + 1 + yg_role_at(c, k + 1, YG_ROLE_COPULA);
		if (yg_tok_has(d, j, YG_TOK_NUM))
			j++;
		size_t n = chain_at(c, j, 1, &former);
		if (n) {
			for (size_t t = 0; t < former.n; t++)
				former.t[t].weight = YG_POST_FORMER;
			k = bracket_end(d, j + n);
		}
	}
	/* "làm Giám đốc X", "ông A (vừa) được bổ nhiệm (giữ chức) Giám đốc X" */
	chain ch;
	size_t n = post_taken(c, k, 0, &ch);
	if (!n) {
		for (size_t p = 1; p < np; p++)
			free(ps[p].degrees);
		return 0;
	}
	yg_document_cite(d, "official.appointment", (uint32_t)i);
	for (size_t p = 0; p < np; p++) {
		add_official(d, ps[p].start, ps[p].end, ps[p].degrees, 0);
		bracket_titles(c, ps[p].start, brackets[p][0], brackets[p][1], 1);
		link_chain(c, ps[p].start, &former, 0);
		link_chain(c, ps[p].start, &ch, YG_POST_APPOINTED);
		if (p)
			free(ps[p].degrees);
	}
	return k + n - i;
}

/* Returns tokens consumed from i, 0 if nothing here.  degrees: the caller's
 * buffer for the degrees, emptied here (one per document, not one per
 * token tried). */
static size_t official_at(yg_ctx *c, size_t i, yg_buf *degrees)
{
	yg_document *d = c->d;
	yg_buf deg = *degrees;
	deg.len = 0;
	deg.s[0] = '\0';
	int honorific = 0;
	size_t p = prefixes_at(c, i, &deg, &honorific), consumed = 0;
	chain ch;
	size_t ns, nn;
	size_t tl = chain_at(c, i + p, 0, &ch);
	if (tl && !p && yg_role_before(c, i, YG_ROLE_PLURAL) && (consumed = shared_title(c, i, tl, &ch)) > 0) {
		/* D: one title, several names */
	} else if (tl && (nn = name_after(c, i + p + tl, &ns)) > 0) {
		/* A: titles, then the name */
		yg_document_cite(d, "official.title-before", (uint32_t)i);
		add_official(d, ns, ns + nn, deg.s, 0);
		led_by(c, i, &ch);
		link_chain(c, ns, &ch, 0);
		consumed = ns + nn - i;
	} else if (tl && (nn = apposed_name(c, i + p + tl, &deg, &ns)) > 0) {
		/* A, with the name set off by commas */
		yg_document_cite(d, "official.title-before", (uint32_t)i);
		add_official(d, ns, ns + nn, deg.s, 0);
		link_chain(c, ns, &ch, 0);
		consumed = ns + nn - i;
	} else if (tl && yg_tok_capword(d, i + p + tl) && !starts_org(c, i + p + tl) &&
	           !yg_tok_capword(d, i + p + tl + 1) && yg_mention_at(d, i + p + tl) < 0) {
		/* "Bộ trưởng Tiến": a short reference */
		yg_document_cite(d, "official.short-reference", (uint32_t)i);
		add_official(d, i + p + tl, i + p + tl + 1, deg.s, 1);
		consumed = p + tl + 1;
	} else if (honorific && yg_role_before(c, i, YG_ROLE_PLURAL) && (consumed = names_then_title(c, i)) > 0) {
		/* E: "các ông A và B, TITLES" */
	} else if ((nn = name_at(c, i + p, p > 0)) > 0) {
		size_t name = i + p, after = name + nn, got;
		person self = {name, after, deg.s};
		size_t b = bracket_end(d, after);
		uint8_t weight = 0;
		size_t sep = sep_before_titles(c, b, &weight);
		int active = yg_role_before(c, i, YG_ROLE_APPOINTING);
		if ((got = appointment_at(c, i, &self, after)) > 0) {
			/* C: appointed, maybe with others */
			consumed = got;
		} else if ((tl = chain_at(c, b + sep, sep > 0, &ch)) > 0 && (sep || b == after)) {
			/* B: the name, then its titles ("ông A, Giám đốc X";
			 * "A Tỉnh ủy viên - Giám đốc Sở Y tế") */
			yg_document_cite(d, "official.title-after", (uint32_t)i);
			add_official(d, name, after, deg.s, 0);
			bracket_titles(c, name, after, b, 1);
			link_chain(c, name, &ch, weight);
			size_t end = b + sep + tl;
			size_t la = later_appointment(c, name, end, active);
			if (!la && active && (la = appointment_past_title(c, name, b)) > 0)
				end = b; /* "Trưởng khoa Nội": a title the chain read in part */
			consumed = end + la - i;
		} else if (active && (got = appointment_past_title(c, name, b)) > 0) {
			/* "bổ nhiệm bà A, Trưởng phòng Y, giữ chức Giám đốc X" */
			yg_document_cite(d, "official.appointment", (uint32_t)i);
			add_official(d, name, after, deg.s, 0);
			consumed = b + got - i;
		} else if (b > after && bracket_titles(c, name, after, b, 0)) {
			/* "bà A (Phó Chủ tịch UBND tỉnh) cho biết" */
			yg_document_cite(d, "official.title-after", (uint32_t)i);
			add_official(d, name, after, deg.s, 0);
			bracket_titles(c, name, after, b, 1);
			consumed = b - i;
		} else if (p) {
			yg_document_cite(d, "official.honorific", (uint32_t)i);
			add_official(d, name, after, deg.s, 2);
			consumed = after - i;
		}
	} else if (p && yg_tok_capword(d, i + p) && !starts_org(c, i + p) &&
	           yg_mention_at(d, i + p) < 0) {
		/* "TS Diện", "ông Dũng"; "ông Dũng, Giám đốc X", "ông Dũng từng
		 * là Giám đốc X": the titles of the person it refers to */
		yg_document_cite(d, "official.short-reference", (uint32_t)i);
		add_official(d, i + p, i + p + 1, deg.s, 1);
		consumed = p + 1;
		uint8_t weight = 0;
		size_t sep = sep_before_titles(c, i + p + 1, &weight);
		if (sep && (tl = chain_at(c, i + p + 1 + sep, 1, &ch)) > 0) {
			link_chain(c, i + p, &ch, weight);
			consumed += sep + tl;
		}
	}
	*degrees = deg;
	return consumed;
}

void yg_recognize_officials(yg_ctx *c)
{
	yg_document *d = c->d;
	const uint32_t starts = 1u << YG_LEX_DEGREE | 1u << YG_LEX_HONORIFIC | 1u << YG_LEX_TITLE |
	                        1u << YG_LEX_FAMILY;
	yg_buf deg;
	yg_buf_init(&deg);
	yg_buf_reserve(&deg, 0);
	/* an official starts with a degree, an honorific, a title or a
	 * family name */
	for (size_t i = yg_next_kind(c, 0, starts); i < d->toks.len; i = yg_next_kind(c, i + 1, starts)) {
		if (!yg_tok_live(d, i))
			continue;
		size_t n = official_at(c, i, &deg);
		if (n)
			i += n - 1;
	}
	yg_buf_free(&deg);
}

/* Well-known persons by name (PersonScheme): "Bác Hồ" is Hồ Chí Minh. */
void yg_recognize_persons(yg_ctx *c)
{
	yg_document *d = c->d;
	for (size_t i = yg_next_kind(c, 0, 1u << YG_LEX_PERSON); i < d->toks.len;
	     i = yg_next_kind(c, i + 1, 1u << YG_LEX_PERSON)) {
		uint32_t pc;
		size_t n = yg_phrase(c, i, YG_LEX_PERSON, &pc);
		if (!n || !yg_tok_capword(d, i))
			continue;
		yg_document_cite(d, "official.known-person", (uint32_t)i);
		yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_OFFICIAL, -1, yg_concept_of(c, pc)->pref);
		i += n - 1;
	}
}
