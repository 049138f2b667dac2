#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"

static int same_folded(const char *a, const char *b)
{
	char *fa = yg_fold_phrase(a, strlen(a)), *fb = yg_fold_phrase(b, strlen(b));
	int eq = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return eq;
}

/* Last word of a label ("Nguyễn Trọng Diện" → "Diện"). */
static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

static void set_label(yg_mention *m, const char *label)
{
	char *l = yg_xstrdup(label);
	free(m->label);
	m->label = l;
}

/* Officials: a short reference takes the full name of the titled person
 * whose given name it is (the nearest one before it, else the only one);
 * an untitled full name is kept only if the article titles that person. */
static void resolve_officials(yg_document *d)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_OFFICIAL || !m->is_short)
			continue;
		const yg_mention *found = NULL;
		for (size_t j = 0; j < d->mentions.len; j++) {
			const yg_mention *f = &d->mentions.items[j];
			if (f->type != YG_T_OFFICIAL || f->is_short || f->entity < 0)
				continue;
			int match = m->is_short == 2 ? same_folded(f->label, m->label)
			                             : same_folded(last_word(f->label), m->label);
			if (match && (!found || j < i))
				found = f;
		}
		if (found)
			set_label(m, found->label);
		else
			m->entity = -1;
	}
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

/* "Nghị quyết 72" and "Nghị quyết số 72-NQ/TW" in one article are one
 * document: the short form takes the coded label and identifier. */
static void resolve_documents(yg_document *d)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_RESOLUTION || !m->is_short)
			continue;
		const char *num = label_number(m->label);
		if (!num)
			continue;
		size_t nl = number_len(num);
		for (size_t j = 0; j < d->mentions.len; j++) {
			const yg_mention *f = &d->mentions.items[j];
			if (f->type != YG_T_RESOLUTION || !f->identifier || !f->doctype || !m->doctype ||
			    strcmp(f->doctype, m->doctype) != 0)
				continue;
			if (number_len(f->identifier) == nl && strncmp(f->identifier, num, nl) == 0) {
				set_label(m, f->label);
				m->identifier = yg_xstrdup(f->identifier);
				m->is_short = 0;
				break;
			}
		}
	}
}

/* "Bệnh viện Đa khoa số 2" after "Bệnh viện Đa khoa số 2 tỉnh Lào Cai":
 * a hospital name that begins another one's is the same hospital. */
static void resolve_hospitals(yg_document *d)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->type != YG_T_HOSPITAL)
			continue;
		size_t n = strlen(m->label);
		for (size_t j = 0; j < d->mentions.len; j++) {
			const yg_mention *f = &d->mentions.items[j];
			if (f->type == YG_T_HOSPITAL && strlen(f->label) > n + 1 &&
			    strncmp(f->label, m->label, n) == 0 && f->label[n] == ' ' && f->concept >= 0) {
				set_label(m, f->label);
				m->concept = f->concept;
				break;
			}
		}
	}
}

static void add_degrees(yg_entity *e, const char *list)
{
	const char *p = list;
	while (p && *p) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		if (n)
			yg_strlist_add(&e->degrees, p, n);
		p = c ? c + 1 : NULL;
	}
}

static void attach_mentions(yg_document *d)
{
	for (size_t i = 0; i < d->mentions.len; i++) {
		yg_mention *m = &d->mentions.items[i];
		if (m->entity < 0)
			continue;
		int32_t e = yg_document_entity(d, (yg_etype)m->type, m->label);
		m->entity = e;
		yg_entity *ent = &d->entities.items[e];
		if (ent->concept < 0 && m->type == YG_T_PROVINCE)
			ent->concept = m->concept;
		if (!ent->identifier && m->identifier)
			ent->identifier = yg_xstrdup(m->identifier);
		if (!ent->doctype && m->doctype)
			ent->doctype = yg_xstrdup(m->doctype);
		if (!ent->date && m->date)
			ent->date = yg_xstrdup(m->date);
		add_degrees(ent, m->degrees);
		yg_span sp = yg_document_span(d, m->tok_start, m->tok_end);
		YG_VEC_PUSH(ent->mentions, sp);
		size_t n = sp.end - sp.start;
		/* a given name alone ("Diện" of "TS Diện") is not another name */
		int given_only = m->type == YG_T_OFFICIAL && m->is_short == 1;
		if (!given_only && (n != strlen(ent->label) || memcmp(d->text.s + sp.start, ent->label, n) != 0))
			yg_strlist_add(&ent->aliases, d->text.s + sp.start, n);
	}
}

void yg_resolve(yg_document *d, const yg_lexicon *lx)
{
	resolve_officials(d);
	resolve_documents(d);
	resolve_hospitals(d);
	attach_mentions(d);
	if (d->province_concept >= 0) {
		const yg_concept *c = yg_lexicon_concept(lx, (size_t)d->province_concept);
		for (size_t e = 0; e < d->entities.len; e++)
			if (d->entities.items[e].type == YG_T_PROVINCE &&
			    d->entities.items[e].concept == d->province_concept)
				d->province = (int32_t)e;
		(void)c;
	}
}
