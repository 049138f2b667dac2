#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "place.h"
#include "table.h"
#include "trie.h"

/* Last word of a label ("Nguyễn Trọng Diện" → "Diện"). */
static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

/* A label built here (in a scratch buffer) becomes the mention's; one
 * taken from another mention is shared instead: the strings of a
 * document live in its arena, unchanged, until it is released. */
static void set_label(yg_document *d, yg_mention *m, const char *label)
{
	m->label = yg_document_strdup(d, label);
}

/* A small string → index map for the passes below (documents can hold
 * thousands of mentions: no pairwise loops). */
typedef struct {
	yg_keytab *keys;
	long *val; /* by key id; -1 = none */
	size_t cap;
	yg_buf key; /* the keys are built here, one at a time: no malloc a mention */
} str_map;

static void map_init(str_map *m)
{
	m->keys = NULL; /* made by the first key: most articles leave some maps empty */
	m->val = NULL;
	m->cap = 0;
	yg_buf_init(&m->key);
}

static void map_free(str_map *m)
{
	yg_keytab_free(m->keys);
	free(m->val);
	yg_buf_free(&m->key);
}

static long *map_slot(str_map *m, const char *key)
{
	if (!m->keys)
		m->keys = yg_keytab_new();
	uint32_t id = yg_keytab_intern(m->keys, key, strlen(key));
	if (id >= m->cap) {
		size_t cap = m->cap ? m->cap : 64;
		while (cap <= id)
			cap *= 2;
		m->val = yg_xrealloc(m->val, cap * sizeof *m->val);
		for (size_t i = m->cap; i < cap; i++)
			m->val[i] = -1;
		m->cap = cap;
	}
	return &m->val[id];
}

/* The value of key, or -1: a lookup adds no key. */
static long map_get(const str_map *m, const char *key)
{
	uint32_t id = m->keys ? yg_keytab_find(m->keys, key, strlen(key)) : YG_KEY_NONE;
	return id != YG_KEY_NONE && id < m->cap ? m->val[id] : -1;
}

/* "F:" + the folded full name, or "L:" + the folded last word. */
static const char *name_key(yg_buf *b, const char *label, int last)
{
	const char *w = last ? last_word(label) : label;
	b->len = 0;
	yg_buf_add(b, last ? "L:" : "F:", 2);
	yg_fold_phrase_into(b, w, strlen(w));
	return b->s;
}

/* Officials: a short reference takes the full name of the titled person
 * whose given name it is (the nearest one before it, else the first one
 * after); an untitled full name is kept only if the article titles that
 * person. */
static void resolve_officials(yg_document *d)
{
	str_map latest, first;
	map_init(&latest);
	map_init(&first);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < d->mentions.len; i++) {
			yg_mention *m = &d->mentions.items[i];
			if (m->type != YG_T_OFFICIAL || m->entity < 0 || m->is_short == 3)
				continue;
			if (!m->is_short) {
				if (pass == 1)
					continue;
				for (int last = 0; last < 2; last++) {
					const char *k = name_key(&latest.key, m->label, last);
					*map_slot(&latest, k) = (long)i;
					long *f = map_slot(&first, k);
					if (*f < 0)
						*f = (long)i;
				}
				continue;
			}
			const char *k = name_key(&latest.key, m->label, m->is_short == 1);
			long found = map_get(pass == 0 ? &latest : &first, k);
			if (found >= 0) {
				m->label = d->mentions.items[found].label;
				m->is_short = m->is_short == 1 ? 3 : 0; /* resolved */
			} else if (pass == 1) {
				m->entity = -1;
			}
		}
	}
	for (size_t i = 0; i < d->mentions.len; i++)
		if (d->mentions.items[i].is_short == 3)
			d->mentions.items[i].is_short = 1;
	map_free(&latest);
	map_free(&first);
}

/* Number of a document code or label: "72-NQ/TW" → "72". */
static size_t number_len(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

static const char *label_number(const char *label)
{
	const char *w = last_word(label);
	return number_len(w) ? w : NULL;
}

static const char *doc_key(yg_buf *b, const char *doctype, const char *num, size_t n)
{
	b->len = 0;
	yg_buf_puts(b, doctype);
	yg_buf_putc(b, '|');
	yg_buf_add(b, num, strnlen(num, n));
	return b->s;
}

/* "Nghị quyết 72" and "Nghị quyết số 72-NQ/TW" in one article are one
 * document: the short form takes the coded label and identifier. */
static void resolve_documents(yg_document *d)
{
	str_map full;
	map_init(&full);
	for (size_t j = 0; j < d->mentions.len; j++) {
		const yg_mention *f = &d->mentions.items[j];
		if (f->type != YG_T_RESOLUTION || !f->identifier || !f->doctype)
			continue;
		const char *k = doc_key(&full.key, f->doctype, f->identifier, number_len(f->identifier));
		long *slot = map_slot(&full, k);
		if (*slot < 0)
			*slot = (long)j;
	}
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		const char *num = m->type == YG_T_RESOLUTION && m->is_short && m->doctype ? label_number(m->label) : NULL;
		if (!num)
			continue;
		const char *k = doc_key(&full.key, m->doctype, num, number_len(num));
		long j = map_get(&full, k);
		if (j >= 0) {
			const yg_mention *f = &d->mentions.items[j];
			m->label = f->label;
			m->identifier = f->identifier;
			m->is_short = 0;
		}
	}
	map_free(&full);
}

/* A mention index with its label, to sort by label without global state
 * (documents are resolved on several threads at once). */
typedef struct {
	const char *label;
	size_t index;
} labelled;

static int cmp_by_label(const void *a, const void *b)
{
	return strcmp(((const labelled *)a)->label, ((const labelled *)b)->label);
}

/* "Bệnh viện Đa khoa số 2" after "Bệnh viện Đa khoa số 2 tỉnh Lào Cai":
 * a hospital name that begins another one's, placed in a province, is the
 * same hospital.  Placed names sorted by label: a prefix is found by
 * bisection. */
static void resolve_hospitals(yg_document *d)
{
	size_t *placed = yg_xmalloc((d->mentions.len + 1) * sizeof *placed), np = 0;
	labelled *byl = yg_xmalloc((d->mentions.len + 1) * sizeof *byl);
	for (size_t j = 0; j < d->mentions.len; j++)
		if (d->mentions.items[j].type == YG_T_HOSPITAL && d->mentions.items[j].concept >= 0)
			byl[np++] = (labelled){d->mentions.items[j].label, j};
	yg_sort(byl, np, sizeof *byl, cmp_by_label);
	for (size_t k = 0; k < np; k++)
		placed[k] = byl[k].index;
	free(byl); /* the labels may be replaced below: read them afresh */
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_HOSPITAL)
			continue;
		size_t n = strlen(m->label), lo = 0, hi = np;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(d->mentions.items[placed[mid]].label, m->label) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < np; k++) {
			const yg_mention *f = &d->mentions.items[placed[k]];
			if (strncmp(f->label, m->label, n) != 0)
				break;
			if (f->label[n] == ' ') {
				m->label = f->label;
				m->canon = f->canon;
				m->concept = f->concept;
				break;
			}
		}
	}
	free(placed);
}

/* The identity of a mention within the document: type and folded name. */
static const char *identity_key(yg_buf *b, const yg_mention *m)
{
	const char *name = m->canon ? m->canon : m->label;
	b->len = 0;
	yg_buf_putu(b, m->type);
	yg_buf_putc(b, '|');
	yg_fold_phrase_into(b, name, strlen(name));
	return b->s;
}

/* Tokens between a renamed unit and "thành" at most (", trực thuộc Sở Y
 * tế"). */
enum { RENAME_REACH = 12 };

/* The new name of a unit renamed at mention i ("đổi tên A thành B", "A
 * được đổi tên thành B"): B's mention index, or -1. */
static long renamed_to(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	const yg_mention *a = &d->mentions.items[i];
	if (a->entity < 0)
		return -1;
	size_t from = a->tok_end;
	if (!yg_role_before(c, a->tok_start, YG_ROLE_RENAME)) {
		/* the passive: "A (vừa) được đổi tên thành B" */
		size_t k = from + yg_role_at(c, from, YG_ROLE_TENSE), n = yg_role_at(c, k, YG_ROLE_RENAME);
		if (!n)
			return -1;
		from = k + n;
	}
	uint32_t sent = d->toks.items[a->tok_start].sent;
	for (size_t k = from; k < from + RENAME_REACH && k < d->toks.len && d->toks.items[k].sent == sent;
	     k++) {
		size_t n = yg_role_at(c, k, YG_ROLE_MERGE_DIRECTION);
		if (!n || yg_mention_at(d, k) >= 0)
			continue;
		long b = yg_mention_at(d, k + n);
		return b >= 0 && d->mentions.items[b].type == a->type && d->mentions.items[b].entity >= 0 ? b : -1;
	}
	return -1;
}

/* "đổi tên A thành B": A is B under its old name, in the whole article
 * (one entity, B's label; A's written forms become its aliases). */
static void resolve_renames(const yg_ctx *c)
{
	yg_document *d = c->d;
	str_map to;
	map_init(&to);
	int any = 0;
	for (size_t i = 0; i < d->mentions.len; i++) {
		long b = renamed_to(c, i);
		if (b < 0)
			continue;
		const char *k = identity_key(&to.key, &d->mentions.items[i]);
		*map_slot(&to, k) = b;
		any = 1;
	}
	for (size_t i = 0; any && i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0)
			continue;
		const char *k = identity_key(&to.key, m);
		long b = map_get(&to, k);
		if (b < 0 || (size_t)b == i)
			continue;
		const yg_mention *nb = &d->mentions.items[b];
		m->label = nb->label;
		m->canon = nb->canon;
		m->concept = nb->concept;
	}
	map_free(&to);
}

static const char *head_key(yg_buf *b, const yg_ctx *c, const yg_mention *m)
{
	b->len = 0;
	yg_buf_putu(b, m->type);
	yg_buf_putc(b, '|');
	yg_buf_puts(b, yg_head_label(c, (uint32_t)m->head));
	return b->s;
}

/* The local places the article names with a unit word ("huyện Đồng
 * Văn", "thành phố Hạ Long"), one entry per unit word: its name when the
 * article names one only.  Built in one pass; a bare unit word or head
 * looks it up. */
typedef struct {
	int32_t unit;  /* the unit word's concept */
	char *name;    /* owned; NULL when the article names several */
	char *key;     /* folded name */
} local_place;

typedef struct {
	local_place *items;
	size_t len, cap;
} local_places;

static void locals_build(const yg_document *d, local_places *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->local_end <= m->local_start || m->local_unit < 0)
			continue;
		local_place *lp = NULL;
		for (size_t k = 0; k < out->len && !lp; k++)
			if (out->items[k].unit == m->local_unit)
				lp = &out->items[k];
		if (lp && !lp->key)
			continue; /* several already */
		char *t = yg_document_text(d, m->local_start, m->local_end);
		char *f = yg_fold_phrase(t, strlen(t));
		if (!lp) {
			local_place n = {m->local_unit, t, f};
			YG_VEC_PUSH(*out, n);
			continue;
		}
		if (strcmp(f, lp->key) != 0) {
			free(lp->name);
			free(lp->key);
			lp->name = lp->key = NULL;
		}
		free(t);
		free(f);
	}
}

static void locals_free(local_places *l)
{
	for (size_t i = 0; i < l->len; i++) {
		free(l->items[i].name);
		free(l->items[i].key);
	}
	free(l->items);
}

/* The article's one local place named with unit word `unit` (or, unit < 0,
 * with any unit word of district level, when those name one place only):
 * its name (owned by l) and *unit_out, or NULL. */
static const char *article_local(const yg_ctx *c, const local_places *l, int32_t unit, int32_t *unit_out)
{
	const char *found = NULL;
	for (size_t i = 0; i < l->len; i++) {
		const local_place *lp = &l->items[i];
		if (unit >= 0 ? lp->unit != unit
		              : yg_lexicon_concept(c->lx, (size_t)lp->unit)->level != YG_LEVEL_DISTRICT)
			continue;
		if (!lp->name || found)
			return NULL;
		found = lp->name;
		*unit_out = lp->unit;
	}
	return found;
}

/* "về phía Sở Y tế tỉnh A có ông X, Giám đốc Sở Y tế; về phía tỉnh B
 * có ...": the province each token's side names, or -1; a side lasts to
 * the next one or the sentence's end.  Caller frees. */
static int32_t *side_provinces(const yg_ctx *c)
{
	const yg_document *d = c->d;
	/* a table row with a place column is a side of its own */
	int32_t *rows = yg_table_row_places(c), cur = -1;
	int32_t *side = yg_xmalloc((d->toks.len + 1) * sizeof *side);
	for (size_t k = 0; k < d->toks.len; k++) {
		/* a side lasts over the ";" between the persons it lists */
		if ((d->toks.items[k].flags & YG_TOK_SENT_START) && !(k > 0 && yg_tok_punct(d, k - 1, ';')))
			cur = -1;
		size_t n = yg_role_at(c, k, YG_ROLE_SIDE);
		long m = n ? yg_mention_at(d, k + n) : -1;
		if (m >= 0 && d->mentions.items[m].concept >= 0 &&
		    (d->mentions.items[m].type == YG_T_PROVINCE || d->mentions.items[m].type == YG_T_BODY))
			cur = d->mentions.items[m].concept;
		else if (n)
			cur = -1; /* a side without a province: the article's */
		side[k] = rows && rows[k] >= 0 ? rows[k] : cur;
	}
	free(rows);
	return side;
}

/* "Sở Y tế", "UBND tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh": a
 * provincial unit named without its province is the article province's
 * (or its side's); with none, the text does not tell which it is. */
static void complete_provincial(const yg_ctx *c, const local_places *locals, const int32_t *side)
{
	yg_document *d = c->d;
	yg_buf b;
	yg_buf_init(&b);
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->is_short != 5)
			continue;
		/* "UBND TP", "Bệnh viện đa khoa huyện": the one city or district
		 * the article names with that unit word, if any */
		int32_t lu = -1;
		const yg_concept *bu = m->bare_unit >= 0 ? yg_lexicon_concept(c->lx, (size_t)m->bare_unit) : NULL;
		/* "tỉnh" alone is the article province; "TP", "huyện" may be its
		 * one city or district */
		const char *local = bu && (bu->level != YG_LEVEL_PROVINCE || (bu->flags & YG_CF(ALSO_LOCAL)))
		                        ? article_local(c, locals, m->bare_unit, &lu)
		                        : NULL;
		if (local) {
			const yg_concept *u = yg_lexicon_concept(c->lx, (size_t)lu);
			b.len = 0;
			if (m->with_unit == 2)
				yg_buf_printf(&b, "%s %s", m->label, local);
			else
				yg_buf_printf(&b, "%s %s %s", yg_head_label(c, (uint32_t)m->head), u->pref, local);
			set_label(d, m, b.s);
			m->canon = NULL;
			m->concept = -1;
			m->place_kind = YG_PLACE_LOCAL;
			m->is_short = 0;
			continue;
		}
		int32_t pc = side[m->tok_start] >= 0 ? side[m->tok_start] : d->province_concept;
		if (pc < 0 ||
		    (m->bare_unit >= 0 && yg_lexicon_concept(c->lx, (size_t)m->bare_unit)->level != YG_LEVEL_PROVINCE)) {
			m->entity = -1;
			continue;
		}
		const char *head = yg_head_label(c, (uint32_t)m->head);
		/* the label is the head as written; with_unit 2: it ends with its
		 * unit word ("Bệnh viện Đa khoa tỉnh") and canon is the name
		 * before it */
		b.len = 0;
		yg_buf_printf(&b, "%s ", m->label ? m->label : head);
		yg_province_label(c, pc, m->with_unit == 1, &b);
		set_label(d, m, b.s);
		b.len = 0;
		yg_buf_printf(&b, "%s ", m->canon ? m->canon : head);
		yg_province_label(c, pc, 0, &b);
		m->canon = yg_document_strndup(d, b.s, b.len);
		m->concept = pc;
		m->is_short = 0;
	}
	yg_buf_free(&b);
}

/* A bare head ("Trung tâm Y tế", "Phòng Y tế", "Trung tâm Y tế huyện") is
 * the one entity of that head the article names in full; else, for a head
 * of district level, that head in the article's one district; else
 * nothing. */
/* Do a and b fold alike?  (fold: two buffers, reused.) */
static int same_folded(const char *a, const char *b, yg_buf fold[2])
{
	fold[0].len = fold[1].len = 0;
	yg_fold_phrase_into(&fold[0], a, strlen(a));
	yg_fold_phrase_into(&fold[1], b, strlen(b));
	return fold[0].len == fold[1].len && (!fold[0].len || memcmp(fold[0].s, fold[1].s, fold[0].len) == 0);
}

static void resolve_bare_heads(const yg_ctx *c, const local_places *locals)
{
	yg_buf fold[2];
	yg_buf_init(&fold[0]);
	yg_buf_init(&fold[1]);
	yg_document *d = c->d;
	str_map full;
	map_init(&full);
	for (size_t i = 0; i < d->mentions.len; i++) {
		const yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->is_short || m->head < 0)
			continue;
		const char *k = head_key(&full.key, c, m);
		long *slot = map_slot(&full, k);
		const char *mine = m->canon ? m->canon : m->label;
		if (*slot == -1) {
			*slot = (long)i;
		} else if (*slot >= 0) {
			const yg_mention *o = &d->mentions.items[*slot];
			const char *theirs = o->canon ? o->canon : o->label;
			if (!same_folded(mine, theirs, fold))
				*slot = -2; /* two of them: the bare head cannot tell */
		}
	}
	int32_t district_unit = -1;
	const char *district = article_local(c, locals, -1, &district_unit);
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0 || m->is_short != 4)
			continue;
		const char *k = head_key(&full.key, c, m);
		long found = map_get(&full, k);
		uint8_t scope = yg_lexicon_concept(c->lx, (size_t)m->head)->scope;
		if (found >= 0) {
			const yg_mention *f = &d->mentions.items[found];
			m->label = f->label;
			m->canon = f->canon;
			m->concept = f->concept;
			m->is_short = 0;
		} else if (scope == YG_SCOPE_NAMED) {
			m->is_short = 0; /* complete by itself */
		} else if (district && (scope == YG_SCOPE_DISTRICT || scope == YG_SCOPE_LOCAL) &&
		           (m->bare_unit < 0 || m->bare_unit == district_unit)) {
			yg_buf b;
			yg_buf_init(&b);
			yg_buf_printf(&b, "%s %s %s", yg_head_label(c, (uint32_t)m->head),
			              yg_lexicon_concept(c->lx, (size_t)district_unit)->pref, district);
			set_label(d, m, b.s);
			yg_buf_free(&b);
			m->is_short = 0;
		} else {
			m->entity = -1;
		}
	}
	map_free(&full);
	yg_buf_free(&fold[0]);
	yg_buf_free(&fold[1]);
}

static void add_degrees(yg_document *d, yg_entity *e, const char *list)
{
	const char *p = list;
	while (p && *p) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		if (n)
			yg_document_strlist_add(d, &e->degrees, p, n);
		p = c ? c + 1 : NULL;
	}
}

static void attach_mentions(yg_document *d)
{
	yg_buf form; /* the mention as written, reused */
	yg_buf_init(&form);
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0)
			continue;
		yg_document_cite(d, m->rule, m->tok_start);
		int32_t e = yg_document_entity_named(d, (yg_etype)m->type, m->canon, m->label);
		m->entity = e;
		yg_entity *ent = &d->entities.items[e];
		if (ent->concept < 0 && m->type == YG_T_PROVINCE)
			ent->concept = m->concept;
		if (ent->place < 0 && m->type == YG_T_BODY)
			ent->place = m->concept;
		/* shared, not copied: both live in the document's arena */
		if (!ent->identifier)
			ent->identifier = m->identifier;
		if (!ent->doctype)
			ent->doctype = m->doctype;
		if (!ent->date)
			ent->date = m->date;
		add_degrees(d, ent, m->degrees);
		yg_span sp = yg_document_span(d, m->tok_start, m->tok_end);
		yg_document_add_span(d, e, sp);
		/* a given name alone ("Diện" of "TS Diện") is not another name */
		int given_only = m->type == YG_T_OFFICIAL && m->is_short == 1;
		form.len = 0;
		yg_document_text_into(d, m->tok_start, m->tok_end, &form);
		if (!given_only && !m->elliptic && strcmp(form.s, ent->label) != 0)
			yg_document_strlist_add(d, &ent->aliases, form.s, form.len);
	}
	yg_buf_free(&form);
}

void yg_resolve(yg_ctx *c)
{
	yg_document *d = c->d;
	local_places locals;
	locals_build(d, &locals);
	int32_t *side = side_provinces(c);
	complete_provincial(c, &locals, side);
	/* "Tỉnh ủy viên" on a side: that province's Tỉnh ủy */
	for (size_t i = 0; i < d->links.len; i++)
		if (d->links.items[i].of_article && d->links.items[i].from_tok < d->toks.len)
			d->links.items[i].to_concept = side[d->links.items[i].from_tok];
	free(side);
	resolve_bare_heads(c, &locals);
	locals_free(&locals);
	resolve_officials(d);
	resolve_documents(d);
	resolve_hospitals(d);
	resolve_renames(c);
	attach_mentions(d);
	for (size_t e = 0; d->province_concept >= 0 && e < d->entities.len; e++)
		if (d->entities.items[e].type == YG_T_PROVINCE && d->entities.items[e].concept == d->province_concept)
			d->province = (int32_t)e;
}
