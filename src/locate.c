/* locate.c — locatedIn: the province a body, hospital or facility is in.
 *
 * EXTRACTION.md and eval/DECISIONS.md: a unit is located where its name
 * places it ("Sở Y tế Hà Nội", "Bệnh viện Đa khoa tỉnh Lào Cai"), where its
 * sentence places it (the one province the sentence names), where a
 * bracket after it does ("BV Dã chiến số 13 (huyện Bình Chánh, TP.HCM)"),
 * where the text says it belongs ("trực thuộc Sở Y tế TP.HCM"), and where
 * a list under a province puts it ("trên địa bàn tỉnh X có 14 bệnh viện
 * gồm: ...").  A unit named with a local place ("Trung tâm Y tế huyện Đăk
 * Hà", "Trạm Y tế xã Đạ Tông") is in the article's province when the
 * article is clearly about one.  A visit places nothing, a list of examples
 * ("các bệnh viện tuyến Trung ương như ...") places nothing, and national
 * units and well-known central hospitals are placed only by the text. */
#include <stdlib.h>

#include <string.h>

#include "buf.h"
#include "coord.h"
#include "fold.h"
#include "place.h"
#include "relation.h"

static int is_unit(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_BODY || m->type == YG_T_HOSPITAL || m->type == YG_T_FACILITY);
}

static int is_care_unit(const yg_mention *m)
{
	return m->entity >= 0 && (m->type == YG_T_HOSPITAL || m->type == YG_T_FACILITY);
}

/* The one province each sentence names (through a Province or, unless
 * `own`, a body, hospital or facility named with one), -1 none, -2
 * several: one pass. */
static int32_t *sentence_provinces(const yg_document *d, int own)
{
	int32_t *sp = yg_xmalloc((d->toks.nsent + 1) * sizeof *sp);
	for (size_t s = 0; s <= d->toks.nsent; s++)
		sp[s] = -1;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->concept < 0 || m->type == YG_T_RESOLUTION || m->type == YG_T_OFFICIAL ||
		    (own && m->type != YG_T_PROVINCE))
			continue;
		uint32_t s = d->toks.items[m->tok_start].sent;
		if (sp[s] == -1)
			sp[s] = m->concept;
		else if (sp[s] != m->concept)
			sp[s] = -2;
	}
	return sp;
}

/* The gazetteer province of a well-known hospital (KnownHospitalScheme
 * ytg:province), or -1. */
static int32_t known_province(const yg_ctx *c, const yg_mention *m)
{
	uint32_t hc;
	size_t n = yg_phrase_within(c, m->tok_start, m->tok_end, YG_LEX_HOSPITAL_NAME, &hc);
	return n == m->tok_end - m->tok_start ? yg_concept_of(c, hc)->province : -1;
}

static void locate(const yg_ctx *c, const yg_mention *m, int32_t pc, const char *rule)
{
	yg_document_cite(c->d, rule, m->tok_start);
	if (pc >= 0)
		yg_document_relate(c->d, m->entity, YG_R_LOCATED_IN, yg_province_entity(c, pc, 0, 0), NULL, NULL);
}

/* Is the article about one province?  Its province is named in the
 * headline or dateline, or at least twice. */
static int strong_article_province(const yg_ctx *c)
{
	const yg_document *d = c->d;
	if (d->province_concept < 0)
		return 0;
	size_t named = 0;
	for (size_t i = 0; i < d->mentions.len && named < 2; i++) {
		const yg_mention *m = &d->mentions.items[i];
		/* written: a Province, or a province inside a name ("Sở Y tế
		 * Hà Nội"), not one the article province completed */
		if (m->entity >= 0 && m->concept == d->province_concept &&
		    (m->type == YG_T_PROVINCE || m->place_end > m->place_start))
			named++;
	}
	if (named >= 2)
		return 1;
	size_t lines = 0;
	for (size_t li = 0; li < d->toks.nlines && lines < 2; li++) {
		const yg_line *l = &d->toks.lines[li];
		if (l->masked || l->tok_first == l->tok_end)
			continue;
		lines++;
		for (size_t i = 0; i < d->mentions.len; i++) {
			const yg_mention *m = &d->mentions.items[i];
			if (m->concept == d->province_concept && d->toks.items[m->tok_start].line == li &&
			    (m->type == YG_T_PROVINCE || m->place_end > m->place_start))
				return 1;
		}
	}
	return 0;
}

/* A bracket right after a unit that gives its address ("(xã Bình Hưng,
 * huyện Bình Chánh, Tp Hồ Chí Minh)", "(đóng tại xã Núi Thành, TP.Đà
 * Nẵng)"): the province it ends with; *local is set when it names a local
 * place only ("(quận 7)").  -1 when there is none. */
static int32_t bracket_province(const yg_ctx *c, const yg_mention *m, int *local)
{
	const yg_document *d = c->d;
	size_t k = m->tok_end;
	*local = 0;
	if (!yg_tok_punct(d, k, '('))
		return -1;
	int32_t last = -1;
	for (size_t j = k + 1; j < k + 40 && yg_tok_live(d, j) && !yg_tok_punct(d, j, ')'); j++) {
		long mi = yg_mention_at(d, j);
		yg_place p;
		if (mi >= 0 && d->mentions.items[mi].type == YG_T_PROVINCE)
			last = d->mentions.items[mi].concept;
		else if (mi >= 0)
			return -1; /* another organisation: not an address */
		else if (yg_place_at(c, j, 0, &p) && p.kind == YG_PLACE_LOCAL)
			*local = 1;
	}
	return last;
}

/* "Bệnh viện X, trực thuộc Sở Y tế TP.HCM": every care unit before the
 * cue in its sentence is where the body after it is. */
static void belongs_to(const yg_ctx *c, size_t cue, size_t len)
{
	const yg_document *d = c->d;
	long bm = yg_mention_at(d, cue + len);
	if (bm < 0 || d->mentions.items[bm].type != YG_T_BODY || d->mentions.items[bm].concept < 0)
		return;
	int32_t pc = d->mentions.items[bm].concept;
	size_t lo, hi;
	yg_sentence_mentions(d, d->toks.items[cue].sent, &lo, &hi);
	for (size_t i = lo; i < hi && d->mentions.items[i].tok_start < cue; i++)
		if (is_care_unit(&d->mentions.items[i]))
			locate(c, &d->mentions.items[i], pc, "locate.belongs-to");
}

/* A list under a province: a sentence that names one province and opens
 * a list ("trên địa bàn tỉnh X có 14 bệnh viện gồm:"): the units listed,
 * on this line and on lines the list runs over, are in it. */
typedef struct {
	const yg_ctx *c;
	int32_t province;
} list_under;

static size_t unit_item(const yg_ctx *c, size_t k, void *user)
{
	(void)user;
	long m = yg_mention_at(c->d, k);
	return m >= 0 && is_care_unit(&c->d->mentions.items[m])
	               ? c->d->mentions.items[m].tok_end - c->d->mentions.items[m].tok_start
	               : 0;
}

static void locate_item(const yg_ctx *c, size_t start, size_t end, void *user)
{
	(void)end;
	list_under *l = user;
	locate(c, &c->d->mentions.items[yg_mention_at(c->d, start)], l->province, "locate.list-under-province");
}

/* "của thành phố", "trên địa bàn tỉnh": a province-level unit word
 * alone between tokens a and b names the article's province. */
static int bare_province_unit(const yg_ctx *c, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		yg_place p;
		if (yg_place_at(c, k, 0, &p) && p.kind == YG_PLACE_UNIT &&
		    yg_concept_of(c, (uint32_t)p.unit)->level == YG_LEVEL_PROVINCE && yg_mention_at(c->d, k) < 0)
			return 1;
	}
	return 0;
}

/* Items with descriptions, one a clause ended by ";": "Đồng Nai có 7
 * bệnh viện dã chiến gồm: Bệnh viện số 1 tại X, 300 giường; Bệnh viện số
 * 2 tại Y (TP. Biên Hòa); ...": each clause that starts with a unit (maybe
 * after "và" or a dash) names one.  Returns the last token read. */
static size_t described_items(const yg_ctx *c, size_t k, int32_t pc)
{
	const yg_document *d = c->d;
	size_t last = k;
	while (k < d->toks.len) {
		size_t lead = yg_role_at(c, k, YG_ROLE_LIST_AND) + yg_tok_dash(d, k);
		if (!unit_item(c, k + lead, NULL))
			break;
		locate(c, &d->mentions.items[yg_mention_at(d, k + lead)], pc, "locate.list-under-province");
		/* on to the ";" that ends the clause, within its sentence */
		size_t e = k + lead + 1;
		while (e < d->toks.len && !yg_tok_punct(d, e, ';') && !(d->toks.items[e].flags & YG_TOK_SENT_START))
			e++;
		if (!yg_tok_punct(d, e, ';')) {
			last = e - 1;
			break;
		}
		last = e;
		k = e + 1;
	}
	return last;
}

static void lists_under_provinces(const yg_ctx *c, const int32_t *sp, const uint8_t *examples)
{
	const yg_document *d = c->d;
	size_t sent_start = 0;
	for (size_t i = 0; i < d->toks.len; i++) {
		uint32_t s = d->toks.items[i].sent;
		if (d->toks.items[i].flags & YG_TOK_SENT_START)
			sent_start = i;
		size_t open = yg_list_open(c, i);
		if (!open || examples[s])
			continue;
		int32_t pc = sp[s];
		if (pc == -1 && d->province_concept >= 0 && bare_province_unit(c, sent_start, i))
			pc = d->province_concept;
		if (pc < 0)
			continue;
		list_under l = {c, pc};
		size_t first = i + open, end = yg_list(c, first, unit_item, locate_item, &l, 0);
		if (end > i)
			i = end - 1;
		if (unit_item(c, first, NULL))
			i = described_items(c, first, pc);
	}
}

/* "trực thuộc Sở Y tế" of the article's province (or "thuộc Sở Y tế"):
 * the article is about the units of that province's health sector. */
static int provincial_units_article(const yg_ctx *c)
{
	const yg_document *d = c->d;
	if (d->province_concept < 0)
		return 0;
	const uint64_t cue = 1ull << YG_ROLE_BELONGS_TO;
	for (size_t i = yg_next_role(c, 0, cue); i < d->toks.len; i = yg_next_role(c, i + 1, cue)) {
		size_t n = yg_role_at(c, i, YG_ROLE_BELONGS_TO);
		long bm = n ? yg_mention_at(d, i + n) : -1;
		if (bm >= 0 && d->mentions.items[bm].type == YG_T_BODY &&
		    d->mentions.items[bm].concept == d->province_concept)
			return 1;
	}
	return 0;
}

/* Two buffers for the folded names below, reused over the article. */
typedef struct {
	yg_buf text, key;
} fold_bufs;

/* The folded text of tokens [a, b), in f->key. */
static const char *folded(const yg_document *d, uint32_t a, uint32_t b, fold_bufs *f)
{
	f->text.len = f->key.len = 0;
	yg_document_text_into(d, a, b, &f->text);
	yg_buf_reserve(&f->key, f->text.len); /* a string even when empty */
	f->key.s[0] = '\0';
	yg_fold_phrase_into(&f->key, f->text.s, f->text.len);
	return f->key.s;
}

/* The local places the article names with a unit word ("huyện Cần Giờ"):
 * a unit named with one of those names alone ("Bệnh viện điều trị
 * COVID-19 Cần Giờ") is a local unit too.  Folded names in a key table,
 * or NULL when the article names none (most do not). */
static yg_keytab *article_local_names(const yg_document *d, fold_bufs *f)
{
	yg_keytab *kt = NULL;
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->local_end <= m->local_start)
			continue;
		if (!kt)
			kt = yg_keytab_new();
		const char *k = folded(d, m->local_start, m->local_end, f);
		yg_keytab_intern(kt, k, f->key.len);
	}
	return kt;
}

/* Does mention m end with one of the article's local place names? */
static int ends_with_local(const yg_document *d, const yg_keytab *names, const yg_mention *m, fold_bufs *f)
{
	int found = 0;
	for (uint32_t from = m->tok_end > 3 ? m->tok_end - 3 : 0; names && from < m->tok_end && !found; from++) {
		if (from <= m->tok_start)
			continue;
		const char *k = folded(d, from, m->tok_end, f);
		found = yg_keytab_find(names, k, f->key.len) != YG_KEY_NONE;
	}
	return found;
}

void yg_relate_locations(const yg_ctx *c, const uint8_t *examples)
{
	const yg_document *d = c->d;
	int32_t *sp = sentence_provinces(d, 0), *own = sentence_provinces(d, 1);
	int strong = strong_article_province(c);
	int sector = provincial_units_article(c);
	fold_bufs fb;
	yg_buf_init(&fb.text);
	yg_buf_init(&fb.key);
	yg_keytab *locals = article_local_names(d, &fb);
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (!is_unit(m))
			continue;
		if (m->concept >= 0) {
			/* the name places it */
			yg_document_cite(c->d, "locate.name", m->tok_start);
			yg_document_relate(c->d, m->entity, YG_R_LOCATED_IN,
			                   yg_province_entity(c, m->concept, m->place_start, m->place_end), NULL, NULL);
			continue;
		}
		if (m->type == YG_T_BODY)
			continue;
		if (m->head >= 0 && yg_concept_of(c, (uint32_t)m->head)->province >= 0) {
			/* an acronym that names its province ("HCDC") */
			locate(c, m, yg_concept_of(c, (uint32_t)m->head)->province, "locate.name");
			continue;
		}
		uint32_t s = d->toks.items[m->tok_start].sent;
		int local = 0;
		int32_t known = known_province(c, m), pc = bracket_province(c, m, &local);
		int national = m->head >= 0 && yg_concept_of(c, (uint32_t)m->head)->scope == YG_SCOPE_NATIONAL;
		const char *rule = "locate.bracket";
		/* a national unit is placed by a province its sentence names,
		 * not by one inside another unit's name ("Phó Giám đốc CDC Hà
		 * Nội cho biết Viện Vệ sinh dịch tễ Trung ương đã hỗ trợ") */
		int32_t placing = national ? own[s] : sp[s];
		if (pc < 0 && !examples[s] && placing >= 0) {
			pc = placing; /* its sentence places it */
			rule = "locate.sentence";
		}
		local |= m->place_kind == YG_PLACE_LOCAL || m->place_kind == YG_PLACE_NAME || ends_with_local(d, locals, m, &fb);
		if (pc < 0 && strong && local && sp[s] != -2 && !examples[s]) {
			pc = d->province_concept; /* a local unit of the article's province */
			rule = "locate.local-unit";
		}
		if (pc < 0 && sector && !national && known < 0 && !examples[s]) {
			pc = d->province_concept; /* one of the province's units */
			rule = "locate.sector-article";
		}
		if (known >= 0 && pc != known)
			pc = -1; /* a well-known hospital is where it is */
		locate(c, m, pc, rule);
	}
	yg_keytab_free(locals);
	yg_buf_free(&fb.text);
	yg_buf_free(&fb.key);
	const uint64_t cue = 1ull << YG_ROLE_BELONGS_TO;
	for (size_t i = yg_next_role(c, 0, cue); i < d->toks.len; i = yg_next_role(c, i + 1, cue)) {
		size_t n = yg_role_at(c, i, YG_ROLE_BELONGS_TO);
		if (n)
			belongs_to(c, i, n);
	}
	lists_under_provinces(c, sp, examples);
	free(sp);
	free(own);
}
