/* organization.c — government bodies, health facilities and hospitals.
 *
 * Each starts at a head from the lexicon (Sở Y tế, UBND, Trung tâm Y tế,
 * Bệnh viện, BVĐK ...).  A body of provincial scope takes the province
 * written after it, else the article's province; without either it is not
 * an entity (EXTRACTION.md: say nothing the text does not tell).  A
 * hospital's name runs over capitalised words, numbers, specialty words
 * (which may be lower case: "đa khoa"), "số 2", places and hyphens, and
 * must contain a proper name: "bệnh viện tim" and "các bệnh viện tuyến
 * Trung ương" are generic.  The province a name contains is kept in the
 * mention's concept, for locatedIn. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "recognize.h"

static int scope_is(const yg_lexicon *lx, uint32_t c, const char *scope)
{
	const char *s = yg_lex_prop(lx, c, "scope");
	return s && strcmp(s, scope) == 0;
}

/* Head label: the expansion of an abbreviation ("UBND" → "Ủy ban nhân
 * dân"), else the prefLabel. */
static const char *head_label(const yg_lexicon *lx, uint32_t c)
{
	const char *e = yg_lex_prop(lx, c, "expansion");
	return e ? e : yg_lex_label(lx, c);
}

static char *join2(const char *a, const char *b)
{
	return yg_strjoin(a, " ", b);
}

/* A place after a head: a unit word and capitalised words ("huyện Ba Vì",
 * "phường Vĩnh Hưng", "xã A Lưới 3").  After two words, a family name that
 * starts another run of capitalised words is a person's name, not more of
 * the place ("Trạm Y tế xã Nghi Phong Lò Văn Tùng").  Returns its length
 * in tokens, 0 if none. */
static size_t local_place(const yg_document *d, const yg_lexicon *lx, size_t i)
{
	size_t u = yg_match_phrase(d, lx, i, d->toks.len, YG_LEX_UNIT, NULL);
	if (!u)
		return 0;
	size_t k = i + u;
	while (k < d->toks.len && (yg_tok_capword(d, k) || (d->toks.items[k].flags & YG_TOK_NUM)) &&
	       d->toks.items[k].line == d->toks.items[i].line && !(d->toks.items[k].flags & YG_TOK_SENT_START)) {
		if (k - (i + u) >= 2 && yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_FAMILY, NULL) &&
		    yg_tok_capword(d, k + 1))
			break;
		k++;
	}
	return k > i + u ? k - i : 0;
}

static int starts_capital(const yg_document *d, size_t i)
{
	return yg_tok_live(d, i) && (d->toks.items[i].flags & (YG_TOK_CAP | YG_TOK_ALLCAP));
}

/* ---- government bodies ---- */

void yg_recognize_bodies(yg_document *d, const yg_lexicon *lx)
{
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t c;
		size_t n = yg_match_phrase(d, lx, i, t->len, YG_LEX_BODY, &c);
		if (!n || !starts_capital(d, i))
			continue;
		size_t j = i + n;
		char *label = NULL;
		int32_t prov = -1;
		uint32_t pc;
		size_t pn, place = 0;
		if (scope_is(lx, c, "national")) {
			label = yg_xstrdup(head_label(lx, c));
		} else if ((pn = yg_province_at(d, lx, j, &pc)) > 0) {
			prov = (int32_t)pc;
			label = join2(head_label(lx, c), yg_province_name(lx, pc, d->date));
			place = j;
			j += pn;
		} else if ((pn = local_place(d, lx, j)) > 0) {
			char *where = yg_document_text(d, (uint32_t)j, (uint32_t)(j + pn));
			label = join2(head_label(lx, c), where);
			free(where);
			j += pn;
		} else if (scope_is(lx, c, "province") && d->province_concept >= 0) {
			prov = d->province_concept;
			label = join2(head_label(lx, c), yg_province_name(lx, (size_t)prov, d->date));
			/* "UBND tỉnh", "Sở Y tế tỉnh": the unit word belongs to it */
			if (yg_tok_is(d, j, "tỉnh") || (yg_tok_is(d, j, "thành") && yg_tok_is(d, j + 1, "phố")))
				j += yg_tok_is(d, j, "tỉnh") ? 1 : 2;
		}
		if (!label)
			continue;
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)j, YG_T_BODY, prov, label);
		if (place) {
			d->mentions.items[m].place_start = (uint32_t)place;
			d->mentions.items[m].place_end = (uint32_t)j;
		}
		free(label);
		i = j - 1;
	}
}

/* ---- health facilities ---- */

void yg_recognize_facilities(yg_document *d, const yg_lexicon *lx)
{
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t c;
		size_t n = yg_match_phrase(d, lx, i, t->len, YG_LEX_FACILITY, &c);
		if (!n || !starts_capital(d, i))
			continue;
		size_t j = i + n;
		/* "Trung tâm Kiểm soát bệnh tật (CDC) tỉnh X": skip the acronym */
		size_t after = j;
		if (yg_tok_punct(d, j, '(') && j + 2 < t->len && yg_tok_punct(d, j + 2, ')'))
			after = j + 3;
		uint32_t pc;
		int32_t prov = -1;
		size_t pn = yg_province_at(d, lx, after, &pc);
		if (pn)
			prov = (int32_t)pc;
		else
			pn = local_place(d, lx, after);
		if (!pn && !scope_is(lx, c, "national"))
			continue;
		char *place = pn ? yg_document_text(d, (uint32_t)after, (uint32_t)(after + pn)) : NULL;
		const char *head = yg_lex_prop(lx, c, "expansion") ? head_label(lx, c) : NULL;
		char *head_text = head ? yg_xstrdup(head) : yg_document_text(d, (uint32_t)i, (uint32_t)j);
		char *label = place ? join2(head_text, place) : yg_xstrdup(head_text);
		size_t end = pn ? after + pn : j;
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)end, YG_T_FACILITY, prov, label);
		if (prov >= 0) {
			d->mentions.items[m].place_start = (uint32_t)after;
			d->mentions.items[m].place_end = (uint32_t)end;
		}
		free(label);
		free(head_text);
		free(place);
		i = end - 1;
	}
}

/* ---- hospitals ---- */

/* Capitalised words that do not make a name on their own. */
static const char *const generic_words[] = {
	"trung", "ương", "tuyến", "tw", "đa", "khoa", "tỉnh", "huyện", "quận", "thành", "phố",
	"khu", "vực", "công", "lập", "tư", "nhân", "các", "những", "nhiều",
};

static int is_generic(const yg_document *d, size_t i)
{
	for (size_t g = 0; g < sizeof generic_words / sizeof generic_words[0]; g++)
		if (yg_tok_is(d, i, generic_words[g]))
			return 1;
	return 0;
}

/* Plural or generic determiners before a head: "các bệnh viện". */
static int generic_before(const yg_document *d, size_t i)
{
	static const char *const det[] = {"các", "những", "nhiều", "mọi", "một", "hai", "ba", "số"};
	if (i == 0)
		return 0;
	for (size_t k = 0; k < sizeof det / sizeof det[0]; k++)
		if (yg_tok_is(d, i - 1, det[k]))
			return 1;
	return 0;
}

typedef struct {
	size_t end;     /* one past the last token of the name */
	int proper;     /* a token that makes it a name */
	int32_t prov;   /* province inside the name, or -1 */
	size_t place_start, place_end;
	int specialty;  /* a clinical specialty word (for "Viện") */
} name_scan;

/* One step of a hospital name at token k; returns tokens taken, 0 to stop. */
static size_t name_step(const yg_document *d, const yg_lexicon *lx, size_t k, name_scan *s)
{
	uint32_t c;
	size_t n;
	if (!yg_tok_live(d, k) || (d->toks.items[k].flags & YG_TOK_SENT_START))
		return 0;
	if ((n = yg_province_at(d, lx, k, &c)) > 0) {
		s->prov = (int32_t)c;
		s->proper = 1;
		s->place_start = k;
		s->place_end = k + n;
		return n;
	}
	if (yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_BODY, NULL) ||
	    yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_FACILITY, NULL) ||
	    yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_HOSPITAL, NULL))
		return 0; /* another organisation starts here */
	if ((n = yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_SPECIALTY, &c)) > 0) {
		if (yg_lex_prop(lx, c, "clinical"))
			s->specialty = 1;
		if (d->toks.items[k].flags & YG_TOK_CAP)
			s->proper = 1;
		return n;
	}
	if (yg_tok_capword(d, k) && (n = yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_COMPOUND, &c)) > 0) {
		if (!yg_lex_prop(lx, c, "generic"))
			s->proper = 1;
		return n;
	}
	if (yg_tok_is(d, k, "số") && (d->toks.items[k + 1].flags & YG_TOK_NUM) && yg_tok_live(d, k + 1)) {
		s->proper = 1;
		return 2;
	}
	if (d->toks.items[k].flags & YG_TOK_NUM) {
		s->proper = 1;
		return 1;
	}
	if ((n = yg_match_phrase(d, lx, k, d->toks.len, YG_LEX_UNIT, NULL)) > 0 && yg_tok_capword(d, k + n))
		return n;
	if (yg_tok_capword(d, k)) {
		if (!is_generic(d, k))
			s->proper = 1;
		return 1;
	}
	if ((yg_tok_punct(d, k, '-') || yg_tok_punct(d, k, '&')) && yg_tok_capword(d, k + 1))
		return 1;
	return 0;
}

void yg_recognize_hospitals(yg_document *d, const yg_lexicon *lx)
{
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t c;
		size_t n = yg_match_phrase(d, lx, i, t->len, YG_LEX_HOSPITAL_NAME, &c);
		if (n) {
			size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)(i + n), YG_T_HOSPITAL, -1,
			                                   yg_lex_label(lx, c));
			d->mentions.items[m].priority = 1;
		}
		n = yg_match_phrase(d, lx, i, t->len, YG_LEX_HOSPITAL, &c);
		if (!n || generic_before(d, i))
			continue;
		name_scan s = {i + n, 0, -1, 0, 0, 0};
		size_t k = i + n, step;
		while ((step = name_step(d, lx, k, &s)) > 0)
			k += step;
		/* a trailing hyphen is not part of the name */
		while (k > i + n && yg_tok_punct(d, k - 1, '-'))
			k--;
		int needs_specialty = yg_lex_prop(lx, c, "needsSpecialty") != NULL;
		if (!s.proper || (needs_specialty && !s.specialty))
			continue;
		if (!starts_capital(d, i) && !yg_tok_capword(d, i + n))
			continue;
		char *rest = yg_document_text(d, (uint32_t)(i + n), (uint32_t)k);
		const char *exp = yg_lex_prop(lx, c, "expansion");
		char *head = exp ? yg_xstrdup(exp) : yg_document_text(d, (uint32_t)i, (uint32_t)(i + n));
		char *label = join2(head, rest);
		size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)k, YG_T_HOSPITAL, s.prov, label);
		d->mentions.items[m].place_start = (uint32_t)s.place_start;
		d->mentions.items[m].place_end = (uint32_t)s.place_end;
		free(label);
		free(head);
		free(rest);
		i = k - 1;
	}
}
