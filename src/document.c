#include "document.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fold.h"

static const char *const etype_names[YG_T_COUNT] = {
	"Official", "Hospital", "Resolution", "Province", "GovernmentBody", "HealthFacility",
};

static const char *const rtype_names[YG_R_COUNT] = {
	"memberOf", "locatedIn", "issuedBy", "mergedInto", "partnerOf",
};

const char *yg_etype_name(yg_etype t)
{
	return (unsigned)t < YG_T_COUNT ? etype_names[t] : "Unknown";
}

int yg_etype_from_name(const char *name)
{
	for (int i = 0; i < YG_T_COUNT; i++)
		if (strcasecmp(name, etype_names[i]) == 0)
			return i;
	return -1;
}

const char *yg_rtype_name(yg_rtype r)
{
	return (unsigned)r < YG_R_COUNT ? rtype_names[r] : "unknown";
}

void yg_strlist_add(yg_strlist *l, const char *s, size_t n)
{
	for (size_t i = 0; i < l->len; i++)
		if (strlen(l->items[i]) == n && memcmp(l->items[i], s, n) == 0)
			return;
	YG_VEC_PUSH(*l, yg_xstrndup(s, n));
}

void yg_strlist_free(yg_strlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

void yg_mention_clear(yg_mention *m)
{
	free(m->label);
	free(m->identifier);
	free(m->doctype);
	free(m->date);
	free(m->degrees);
	free(m->issuer_code);
	m->label = m->identifier = m->doctype = m->date = m->degrees = m->issuer_code = NULL;
}

yg_document *yg_document_new(const char *id, const char *path)
{
	yg_document *d = yg_xcalloc(1, sizeof *d);
	d->id = yg_xstrdup(id);
	d->path = yg_xstrdup(path ? path : id);
	d->province = -1;
	d->province_concept = -1;
	return d;
}

void yg_document_free(yg_document *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->mentions.len; i++)
		yg_mention_clear(&d->mentions.items[i]);
	free(d->mentions.items);
	for (size_t i = 0; i < d->links.len; i++) {
		free(d->links.items[i].to_label);
		free(d->links.items[i].role);
		free(d->links.items[i].date);
	}
	free(d->links.items);
	for (size_t i = 0; i < d->entities.len; i++) {
		yg_entity *e = &d->entities.items[i];
		free(e->label);
		free(e->key);
		yg_strlist_free(&e->aliases);
		free(e->mentions.items);
		free(e->identifier);
		free(e->doctype);
		free(e->date);
		yg_strlist_free(&e->degrees);
	}
	free(d->entities.items);
	for (size_t i = 0; i < d->relations.len; i++) {
		free(d->relations.items[i].role);
		free(d->relations.items[i].date);
	}
	free(d->relations.items);
	yg_text_free(&d->text);
	yg_tokens_free(&d->toks);
	free(d->match_first);
	free(d->match_kinds);
	free(d->match_items);
	free(d->mention_at_tok);
	free(d->id);
	free(d->path);
	free(d->date);
	free(d->url);
	free(d->title);
	free(d);
}

size_t yg_document_add_mention(yg_document *d, uint32_t a, uint32_t b,
                               yg_etype type, int32_t concept, const char *label)
{
	yg_mention m;
	memset(&m, 0, sizeof m);
	m.tok_start = a;
	m.tok_end = b;
	m.type = (uint16_t)type;
	m.concept = concept;
	m.label = yg_xstrdup(label);
	m.entity = -1;
	YG_VEC_PUSH(d->mentions, m);
	return d->mentions.len - 1;
}

int32_t yg_document_entity(yg_document *d, yg_etype type, const char *label)
{
	char *key = yg_fold_phrase(label, strlen(label));
	for (size_t i = 0; i < d->entities.len; i++) {
		yg_entity *e = &d->entities.items[i];
		if (e->type == type && strcmp(e->key, key) == 0) {
			free(key);
			return (int32_t)i;
		}
	}
	yg_entity e;
	memset(&e, 0, sizeof e);
	e.type = (uint16_t)type;
	e.label = yg_xstrdup(label);
	e.key = key;
	e.concept = -1;
	YG_VEC_PUSH(d->entities, e);
	return (int32_t)(d->entities.len - 1);
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

void yg_document_relate(yg_document *d, int32_t s, yg_rtype p, int32_t o,
                        const char *role, const char *date)
{
	if (s < 0 || o < 0 || s == o)
		return;
	for (size_t i = 0; i < d->relations.len; i++) {
		yg_relation *r = &d->relations.items[i];
		if (r->p != p || !same_str(r->role, role))
			continue;
		if ((r->s == s && r->o == o) || (p == YG_R_PARTNER_OF && r->s == o && r->o == s))
			return;
	}
	yg_relation r = {s, o, (uint16_t)p, role ? yg_xstrdup(role) : NULL,
	                 date ? yg_xstrdup(date) : NULL};
	YG_VEC_PUSH(d->relations, r);
}

yg_span yg_document_span(const yg_document *d, uint32_t a, uint32_t b)
{
	yg_span sp = {0, 0};
	if (a < b && b <= d->toks.len) {
		sp.start = d->toks.items[a].start;
		sp.end = d->toks.items[b - 1].end;
	}
	return sp;
}

void yg_document_link(yg_document *d, uint32_t from_tok, int32_t to_tok, yg_rtype p,
                      const char *role, const char *date)
{
	yg_link l;
	memset(&l, 0, sizeof l);
	l.from_tok = from_tok;
	l.to_tok = to_tok;
	l.to_concept = -1;
	l.p = (uint16_t)p;
	l.role = role ? yg_xstrdup(role) : NULL;
	l.date = date ? yg_xstrdup(date) : NULL;
	YG_VEC_PUSH(d->links, l);
}

void yg_document_link_implied(yg_document *d, uint32_t from_tok, yg_etype type,
                              const char *label, int32_t concept, yg_rtype p,
                              uint32_t a, uint32_t b)
{
	yg_document_link(d, from_tok, -1, p, NULL, NULL);
	yg_link *l = &d->links.items[d->links.len - 1];
	l->to_type = (uint16_t)type;
	l->to_label = yg_xstrdup(label);
	l->to_concept = concept;
	l->to_a = a;
	l->to_b = b;
}

char *yg_document_text(const yg_document *d, uint32_t a, uint32_t b)
{
	yg_span sp = yg_document_span(d, a, b);
	return yg_xstrndup(d->text.s + sp.start, sp.end - sp.start);
}
