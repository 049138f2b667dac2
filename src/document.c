#include "document.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fold.h"

static const struct {
	const char *name, *segment;
	int priority;
} etypes[YG_T_COUNT] = {
#define YG_X(id, name, segment, priority) [YG_T_##id] = {name, segment, priority},
	YG_ENTITY_TYPES(YG_X)
#undef YG_X
};

static const char *const rtype_names[YG_R_COUNT] = {
	"memberOf", "locatedIn", "issuedBy", "mergedInto", "partnerOf",
};

const char *yg_etype_name(yg_etype t)
{
	return (unsigned)t < YG_T_COUNT ? etypes[t].name : "Unknown";
}

const char *yg_etype_segment(yg_etype t)
{
	return (unsigned)t < YG_T_COUNT ? etypes[t].segment : "entity";
}

int yg_etype_priority(yg_etype t)
{
	return (unsigned)t < YG_T_COUNT ? etypes[t].priority : 0;
}

int yg_etype_from_name(const char *name)
{
	for (int i = 0; i < YG_T_COUNT; i++)
		if (strcasecmp(name, etypes[i].name) == 0)
			return i;
	return -1;
}

const char *yg_rtype_name(yg_rtype r)
{
	return (unsigned)r < YG_R_COUNT ? rtype_names[r] : "unknown";
}

static int strlist_has(const yg_strlist *l, const char *s, size_t n)
{
	for (size_t i = 0; i < l->len; i++)
		if (strlen(l->items[i]) == n && memcmp(l->items[i], s, n) == 0)
			return 1;
	return 0;
}

void yg_strlist_add(yg_strlist *l, const char *s, size_t n)
{
	if (!strlist_has(l, s, n))
		YG_VEC_PUSH(*l, yg_xstrndup(s, n));
}

char *yg_document_strndup(yg_document *d, const char *s, size_t n)
{
	return yg_arena_strndup(&d->strings, s, n);
}

char *yg_document_strdup(yg_document *d, const char *s)
{
	return yg_arena_strdup(&d->strings, s);
}

void yg_document_strlist_add(yg_document *d, yg_strlist *l, const char *s, size_t n)
{
	if (!strlist_has(l, s, n))
		YG_ARENA_PUSH(&d->strings, *l, yg_arena_strndup(&d->strings, s, n));
}

void yg_document_add_span(yg_document *d, int32_t e, yg_span sp)
{
	YG_ARENA_PUSH(&d->strings, d->entities.items[e].mentions, sp);
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
	m->label = m->identifier = m->doctype = m->date = m->degrees = m->issuer_code = m->canon = NULL;
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

void yg_document_trim(yg_document *d)
{
	yg_text_free(&d->text);
	yg_tokens_free(&d->toks);
	free(d->mention_at_tok);
	yg_buf_free(&d->scratch);
	d->mention_at_tok = NULL;
	d->mention_at_len = 0;
}

void yg_document_release(yg_document *d)
{
	/* the strings and the entities' arrays are in the arena */
	free(d->mentions.items);
	free(d->links.items);
	free(d->entities.items);
	free(d->relations.items);
	yg_arena_free(&d->strings);
	yg_document_trim(d);
	free(d->entity_index);
	free(d->relation_index);
	yg_document kept = {0};
	kept.id = d->id;
	kept.path = d->path;
	kept.date = d->date;
	kept.url = d->url;
	kept.title = d->title;
	kept.rendered = d->rendered;
	kept.rendered_len = d->rendered_len;
	kept.digest = d->digest;
	kept.province = kept.province_concept = -1;
	*d = kept;
}

void yg_document_free(yg_document *d)
{
	if (!d)
		return;
	yg_document_release(d);
	free(d->id);
	free(d->path);
	free(d->date);
	free(d->url);
	free(d->title);
	free(d->rendered);
	free(d->digest);
	free(d);
}

void yg_document_cite(yg_document *d, const char *rule, uint32_t tok)
{
	d->cite.rule = rule;
	d->cite.tok = tok;
}

/* The first room of a document's vectors, from what it has so far: a
 * mention every dozen tokens or so, an entity at most per mention, about
 * a relation per entity, give or take a few.  Grown from 8 by doubling, each would be copied two or
 * three times per article. */
#define FIRST_ROOM(v, n)                                                    \
	do {                                                                \
		if (!(v).cap) {                                             \
			(v).cap = (n);                                      \
			(v).items = yg_xmalloc((v).cap * sizeof *(v).items); \
		}                                                           \
	} while (0)

size_t yg_document_add_mention(yg_document *d, uint32_t a, uint32_t b,
                               yg_etype type, int32_t concept, const char *label)
{
	FIRST_ROOM(d->mentions, d->toks.len / 16 + 8);
	yg_mention m;
	memset(&m, 0, sizeof m);
	m.tok_start = a;
	m.tok_end = b;
	m.type = (uint16_t)type;
	m.concept = concept;
	m.head = -1;
	m.bare_unit = -1;
	m.local_unit = -1;
	m.label = yg_document_strdup(d, label);
	m.entity = -1;
	m.rule = d->cite.rule;
	YG_VEC_PUSH(d->mentions, m);
	return d->mentions.len - 1;
}

static uint64_t entity_hash(unsigned type, const char *key)
{
	/* the indexes only look up: their order never shows */
	return yg_hash_table(key, strlen(key)) ^ ((uint64_t)type * 0x9E3779B97F4A7C15ULL);
}

static uint32_t *entity_slot(yg_document *d, unsigned type, const char *key)
{
	size_t mask = d->entity_index_cap - 1, i = (size_t)entity_hash(type, key) & mask;
	for (;; i = (i + 1) & mask) {
		uint32_t k = d->entity_index[i];
		if (!k || (d->entities.items[k - 1].type == type && strcmp(d->entities.items[k - 1].key, key) == 0))
			return &d->entity_index[i];
	}
}

static void entity_reindex(yg_document *d, size_t cap)
{
	free(d->entity_index);
	d->entity_index_cap = cap;
	d->entity_index = yg_xcalloc(cap, sizeof *d->entity_index);
	for (size_t i = 0; i < d->entities.len; i++)
		*entity_slot(d, d->entities.items[i].type, d->entities.items[i].key) = (uint32_t)(i + 1);
}

int32_t yg_document_entity(yg_document *d, yg_etype type, const char *label)
{
	return yg_document_entity_named(d, type, NULL, label);
}

int32_t yg_document_entity_named(yg_document *d, yg_etype type, const char *canon, const char *label)
{
	/* fold into the document's scratch buffer: most calls find the entity */
	const char *key = canon ? canon : label;
	d->scratch.len = 0;
	yg_fold_phrase_into(&d->scratch, key, strlen(key));
	if (!d->entity_index)
		entity_reindex(d, 64);
	uint32_t *slot = entity_slot(d, type, d->scratch.s);
	if (*slot)
		return (int32_t)(*slot - 1);
	yg_entity e;
	memset(&e, 0, sizeof e);
	e.type = (uint16_t)type;
	size_t nl = strlen(label), nk = d->scratch.len, nc = canon ? strlen(canon) + 1 : 0;
	e.label = yg_arena_alloc(&d->strings, nl + 1 + nk + 1 + nc);
	memcpy(e.label, label, nl + 1);
	e.key = e.label + nl + 1;
	memcpy(e.key, d->scratch.s, nk);
	e.key[nk] = '\0';
	e.canon = canon ? memcpy(e.key + nk + 1, canon, nc) : NULL;
	e.concept = e.place = -1;
	e.cite = d->cite;
	FIRST_ROOM(d->entities, d->mentions.len + 8);
	YG_VEC_PUSH(d->entities, e);
	if (d->entities.len * 2 >= d->entity_index_cap)
		entity_reindex(d, d->entity_index_cap * 2);
	else
		*slot = (uint32_t)d->entities.len;
	return (int32_t)(d->entities.len - 1);
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Relations are identified by (s, p, o, role); partnerOf is symmetric. */
static uint64_t relation_hash(int32_t s, unsigned p, int32_t o, const char *role)
{
	if (p == YG_R_PARTNER_OF && s > o) {
		int32_t t = s;
		s = o;
		o = t;
	}
	uint64_t h = entity_hash(p, role ? role : "");
	return h ^ ((uint64_t)(uint32_t)s * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)(uint32_t)o << 21);
}

static int same_relation(const yg_relation *r, int32_t s, unsigned p, int32_t o, const char *role)
{
	if (r->p != p || !same_str(r->role, role))
		return 0;
	return (r->s == s && r->o == o) || (p == YG_R_PARTNER_OF && r->s == o && r->o == s);
}

static uint32_t *relation_slot(yg_document *d, int32_t s, unsigned p, int32_t o, const char *role)
{
	size_t mask = d->relation_index_cap - 1, i = (size_t)relation_hash(s, p, o, role) & mask;
	for (;; i = (i + 1) & mask) {
		uint32_t k = d->relation_index[i];
		if (!k || same_relation(&d->relations.items[k - 1], s, p, o, role))
			return &d->relation_index[i];
	}
}

static void relation_reindex(yg_document *d, size_t cap)
{
	free(d->relation_index);
	d->relation_index_cap = cap;
	d->relation_index = yg_xcalloc(cap, sizeof *d->relation_index);
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		*relation_slot(d, r->s, r->p, r->o, r->role) = (uint32_t)(i + 1);
	}
}

void yg_document_filter_relations(yg_document *d, const uint8_t *keep)
{
	size_t out = 0;
	for (size_t i = 0; i < d->relations.len; i++) {
		yg_relation *r = &d->relations.items[i];
		if (keep[i])
			d->relations.items[out++] = *r;
	}
	d->relations.len = out;
	if (d->relation_index)
		relation_reindex(d, d->relation_index_cap);
}

void yg_document_relate(yg_document *d, int32_t s, yg_rtype p, int32_t o,
                        const char *role, const char *date)
{
	if (s < 0 || o < 0 || s == o)
		return;
	if (!d->relation_index)
		relation_reindex(d, 64);
	uint32_t *slot = relation_slot(d, s, p, o, role);
	if (*slot)
		return;
	yg_relation r = {s, o, (uint16_t)p, yg_document_strdup(d, role),
	                 yg_document_strdup(d, date), 0, d->cite, 0, NULL};
	FIRST_ROOM(d->relations, d->entities.len + 8);
	YG_VEC_PUSH(d->relations, r);
	if (d->relations.len * 2 >= d->relation_index_cap)
		relation_reindex(d, d->relation_index_cap * 2);
	else
		*slot = (uint32_t)d->relations.len;
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
	l.role = yg_document_strdup(d, role);
	l.date = yg_document_strdup(d, date);
	l.cite = d->cite;
	YG_VEC_PUSH(d->links, l);
}

void yg_document_link_implied(yg_document *d, uint32_t from_tok, yg_etype type,
                              const char *label, int32_t concept, yg_rtype p,
                              uint32_t a, uint32_t b)
{
	yg_document_link(d, from_tok, -1, p, NULL, NULL);
	yg_link *l = &d->links.items[d->links.len - 1];
	l->to_type = (uint16_t)type;
	l->to_label = yg_document_strdup(d, label);
	l->to_concept = concept;
	l->to_a = a;
	l->to_b = b;
}

void yg_document_text_into(const yg_document *d, uint32_t a, uint32_t b, yg_buf *out)
{
	yg_buf_reserve(out, a < b && b <= d->toks.len ? d->toks.items[b - 1].end - d->toks.items[a].start : 0);
	out->s[out->len] = '\0';
	if (!(a < b && b <= d->toks.len))
		return;
	/* tokens apart by nothing or by one space read as they are written:
	 * copied a run at a time, not a token at a time */
	const yg_token *tk = d->toks.items;
	uint32_t run = tk[a].start, end = tk[a].end;
	for (uint32_t i = a + 1; i < b; i++) {
		uint32_t gap = tk[i].start - end;
		if (gap > 1 || (gap == 1 && d->text.s[end] != ' ')) {
			yg_buf_add(out, d->text.s + run, end - run);
			yg_buf_putc(out, ' ');
			run = tk[i].start;
		}
		end = tk[i].end;
	}
	yg_buf_add(out, d->text.s + run, end - run);
}

char *yg_document_text(const yg_document *d, uint32_t a, uint32_t b)
{
	yg_buf out;
	yg_buf_init(&out);
	yg_document_text_into(d, a, b, &out);
	return yg_buf_take(&out);
}

char *yg_document_text_dup(yg_document *d, uint32_t a, uint32_t b)
{
	d->scratch.len = 0;
	yg_document_text_into(d, a, b, &d->scratch);
	return yg_arena_strndup(&d->strings, d->scratch.s, d->scratch.len);
}

void yg_document_index_mentions(yg_document *d)
{
	/* a token where no kept mention starts any more keeps a stale entry,
	 * which names a mention that starts elsewhere (or none): only a new
	 * array needs clearing */
	if (!d->mention_at_tok || d->mention_at_len != d->toks.len) {
		free(d->mention_at_tok);
		d->mention_at_tok = yg_xmalloc((d->toks.len + 1) * sizeof *d->mention_at_tok);
		d->mention_at_len = d->toks.len;
		for (size_t i = 0; i <= d->toks.len; i++)
			d->mention_at_tok[i] = -1;
	}
	for (size_t m = 0; m < d->mentions.len; m++)
		if (d->mentions.items[m].tok_start < d->toks.len)
			d->mention_at_tok[d->mentions.items[m].tok_start] = (int32_t)m;
}

long yg_mention_at(const yg_document *d, size_t i)
{
	if (!d->mention_at_tok || i >= d->toks.len)
		return -1;
	int32_t m = d->mention_at_tok[i];
	return m >= 0 && (size_t)m < d->mentions.len && d->mentions.items[m].tok_start == i ? m : -1;
}
