#include "graph.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entitytab.h"
#include "fold.h"
#include "iri.h"
#include "trie.h"

/* The strings of nodes, edges and articles are carved from an arena freed
 * together: a 100 MB corpus makes some two million of them, and freeing
 * them one by one at the end took longer than sorting the graph (a
 * serial step whatever -j).  A string replaced (a smaller label, date
 * or code) stays in its block: values only get smaller, so each is
 * replaced at most once per distinct value. */

struct yg_graph {
	char *base;
	yg_arena strings;      /* every string of the graph, see above */
	yg_buf scratch;        /* an IRI or key being looked up */
	const yg_lexicon *lx;
	struct {
		yg_node *items;
		size_t len, cap;
	} nodes;
	struct {
		yg_edge *items;
		size_t len, cap;
	} edges;
	struct {
		yg_article *items;
		size_t len, cap;
	} articles;
	/* open-addressing index IRI -> node index + 1 */
	size_t *index;
	size_t index_cap;
	/* open-addressing index of edges by (s, p, o, role, date) -> index + 1 */
	size_t *eindex;
	size_t eindex_cap;
	struct {
		yg_role_node *items;
		size_t len, cap;
	} roles;
	yg_keytab *role_index; /* role IRI -> index + 1 (keytab ids are 1, 2, ...) */
	int nodes_only;
	yg_entitytab *slim;    /* nodes-only: the entities, compact */
	/* folded heads alone ("sở y tế", "ubnd tỉnh"): aliases that name a
	 * different body in every province, so they are no altLabel in the
	 * merged graph (extract still reports them per article) */
	yg_keytab *bare_heads;
	/* (node, alias) pairs already listed: a node's alias list grows with
	 * the corpus, and scanning it for each new alias was quadratic */
	yg_keytab *alias_keys;
	uint32_t nalias_keys;
};

/* A copy of s (NULL for NULL) that lives as long as g. */
static char *graph_strdup(yg_graph *g, const char *s)
{
	return yg_arena_strdup(&g->strings, s);
}

/* yg_strlist_add for a list whose strings are g's. */
static void graph_list_add(yg_graph *g, yg_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->len; i++)
		if (strcmp(l->items[i], s) == 0)
			return;
	YG_VEC_PUSH(*l, graph_strdup(g, s));
}

void yg_graph_nodes_only(yg_graph *g)
{
	g->nodes_only = 1;
	if (!g->slim)
		g->slim = yg_entitytab_new(g->base);
}

const char *yg_type_segment(yg_etype t)
{
	return yg_etype_segment(t);
}

/* A head alone, or followed by one province-level unit word ("Sở Y tế",
 * "UBND tỉnh", "Sở Y tế thành phố"). */
static void add_bare_head(yg_keytab *kt, const char *label, const yg_lexicon *lx)
{
	char *f = yg_fold_phrase(label, strlen(label));
	yg_keytab_intern(kt, f, strlen(f));
	free(f);
	for (size_t i = 0; i < yg_lexicon_count(lx); i++) {
		const yg_concept *u = yg_lexicon_concept(lx, i);
		if (u->kind != YG_LEX_UNIT || u->level != YG_LEVEL_PROVINCE)
			continue;
		for (size_t a = 0; a <= u->nalts; a++) {
			char *with = yg_strjoin(label, " ", a ? u->alts[a - 1] : u->pref);
			f = yg_fold_phrase(with, strlen(with));
			yg_keytab_intern(kt, f, strlen(f));
			free(f);
			free(with);
		}
	}
}

/* The bare heads depend on the lexicon only, and collecting them folds
 * every body and facility name: do it once per lexicon, not once per
 * graph (a program that makes many small graphs spent half its time
 * here).  A lexicon's key table stamp names it. */
static struct {
	pthread_mutex_t lock;
	uint64_t stamp;
	yg_keytab *heads;
	size_t users;
} heads_cache = {PTHREAD_MUTEX_INITIALIZER, 0, NULL, 0};

static void collect_bare_heads(yg_graph *g);

static void share_bare_heads(yg_graph *g)
{
	uint64_t stamp = g->lx ? yg_keytab_stamp(yg_lexicon_keys(g->lx)) : 0;
	pthread_mutex_lock(&heads_cache.lock);
	if (!heads_cache.heads || (heads_cache.stamp != stamp && heads_cache.users == 0)) {
		yg_keytab_free(heads_cache.heads);
		collect_bare_heads(g);
		heads_cache.heads = g->bare_heads;
		heads_cache.stamp = stamp;
	}
	if (heads_cache.stamp == stamp) {
		g->bare_heads = heads_cache.heads;
		heads_cache.users++;
	} else {
		collect_bare_heads(g); /* another lexicon in use: a table of its own */
	}
	pthread_mutex_unlock(&heads_cache.lock);
}

static void release_bare_heads(yg_graph *g)
{
	pthread_mutex_lock(&heads_cache.lock);
	if (g->bare_heads == heads_cache.heads)
		heads_cache.users--;
	else
		yg_keytab_free(g->bare_heads);
	pthread_mutex_unlock(&heads_cache.lock);
}

static void collect_bare_heads(yg_graph *g)
{
	g->bare_heads = yg_keytab_new();
	for (size_t i = 0; g->lx && i < yg_lexicon_count(g->lx); i++) {
		const yg_concept *c = yg_lexicon_concept(g->lx, i);
		if (c->kind != YG_LEX_BODY && c->kind != YG_LEX_FACILITY)
			continue;
		if (c->scope == YG_SCOPE_NATIONAL)
			continue;
		add_bare_head(g->bare_heads, c->pref, g->lx);
		for (size_t a = 0; a < c->nalts; a++)
			add_bare_head(g->bare_heads, c->alts[a], g->lx);
	}
}

static int is_bare_head(const yg_graph *g, const char *alias)
{
	char *f = yg_fold_phrase(alias, strlen(alias));
	int bare = yg_keytab_find(g->bare_heads, f, strlen(f)) != YG_KEY_NONE;
	free(f);
	return bare;
}

yg_graph *yg_graph_new(const char *base, const yg_lexicon *lx)
{
	yg_graph *g = yg_xcalloc(1, sizeof *g);
	g->base = yg_xstrdup(base ? base : YG_DEFAULT_BASE);
	g->lx = lx;
	g->index_cap = 1024;
	g->index = yg_xcalloc(g->index_cap, sizeof *g->index);
	g->role_index = yg_keytab_new();
	share_bare_heads(g);
	g->alias_keys = yg_keytab_new();
	yg_buf_init(&g->scratch);
	return g;
}

/* The strings are the arena's: only the lists' arrays are the node's. */
static void node_free(yg_node *n)
{
	free(n->aliases.items);
	free(n->docs.items);
	free(n->degrees.items);
}

void yg_graph_free(yg_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nodes.len; i++)
		node_free(&g->nodes.items[i]);
	free(g->nodes.items);
	for (size_t i = 0; i < g->edges.len; i++)
		free(g->edges.items[i].docs.items);
	free(g->edges.items);
	for (size_t i = 0; i < g->articles.len; i++)
		free(g->articles.items[i].mentions.items);
	free(g->articles.items);
	for (size_t i = 0; i < g->roles.len; i++)
		free(g->roles.items[i].iri);
	free(g->roles.items);
	yg_keytab_free(g->role_index);
	free(g->index);
	free(g->eindex);
	yg_entitytab_free(g->slim);
	release_bare_heads(g);
	yg_keytab_free(g->alias_keys);
	yg_arena_free(&g->strings);
	yg_buf_free(&g->scratch);
	free(g->base);
	free(g);
}

/* ---- canonical keys and IRIs ---- */

static const yg_concept *province_concept(const yg_graph *g, const yg_document *d, int32_t e)
{
	if (e < 0)
		return NULL;
	const yg_entity *ent = &d->entities.items[e];
	if (ent->type != YG_T_PROVINCE || ent->concept < 0)
		return NULL;
	return yg_lexicon_concept(g->lx, (size_t)ent->concept);
}

void yg_graph_entity_iri_into(yg_buf *out, const yg_graph *g, const yg_document *d, size_t e)
{
	const yg_entity *ent = &d->entities.items[e];
	yg_buf_puts(out, g->base);
	yg_buf_puts(out, yg_type_segment((yg_etype)ent->type));
	yg_buf_putc(out, '/');
	const yg_concept *pc = province_concept(g, d, (int32_t)e);
	if (pc) {
		yg_buf_puts(out, pc->slug);
	} else if (ent->type == YG_T_RESOLUTION && ent->identifier) {
		/* a provincial document is its issuer's province's (relate.c) */
		const yg_concept *ip = ent->place >= 0 ? yg_lexicon_concept(g->lx, (size_t)ent->place) : NULL;
		if (ip) {
			yg_buf_puts(out, ip->slug);
			yg_buf_putc(out, '/');
		}
		yg_slug_into(out, ent->identifier, strlen(ent->identifier));
	} else {
		const char *name = ent->canon ? ent->canon : ent->label;
		yg_slug_into(out, name, strlen(name));
	}
}

char *yg_graph_entity_iri(const yg_graph *g, const yg_document *d, size_t e)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_graph_entity_iri_into(&b, g, d, e);
	return yg_buf_take(&b);
}

/* ---- node index ---- */

static size_t *index_slot(yg_graph *g, const char *iri)
{
	size_t mask = g->index_cap - 1;
	size_t i = (size_t)yg_hash64(iri, strlen(iri)) & mask;
	while (g->index[i] && strcmp(g->nodes.items[g->index[i] - 1].iri, iri) != 0)
		i = (i + 1) & mask;
	return &g->index[i];
}

static void index_rebuild(yg_graph *g, size_t cap)
{
	free(g->index);
	g->index_cap = cap;
	g->index = yg_xcalloc(cap, sizeof *g->index);
	for (size_t i = 0; i < g->nodes.len; i++)
		*index_slot(g, g->nodes.items[i].iri) = i + 1;
}

/* Keep the smallest value, so that what two articles disagree on does not
 * depend on the order of the inputs. */
static void set_min(yg_graph *g, char **dst, const char *src)
{
	if (src && (!*dst || strcmp(src, *dst) < 0))
		*dst = graph_strdup(g, src);
}

/* a: a string of g's arena, or NULL to copy `text`. */
static void add_alias(yg_graph *g, yg_node *n, const char *text, char *a)
{
	if (strcmp(text, n->label) == 0)
		return;
	yg_buf *key = &g->scratch;
	key->len = 0;
	yg_buf_puts(key, n->iri);
	yg_buf_putc(key, '\x1f');
	yg_buf_puts(key, text);
	/* keys get ids 1, 2, 3...: a new pair gets the next one */
	if (yg_keytab_intern(g->alias_keys, key->s, key->len) == g->nalias_keys + 1) {
		g->nalias_keys++;
		YG_VEC_PUSH(n->aliases, a ? a : graph_strdup(g, text));
	}
}

/* Documents arrive one at a time and all of a document's statements are
 * merged together, so only the last id can repeat: no scan of the list.
 * id: the article's own copy (yg_graph_add_document), shared by every
 * list that names the article. */
static void add_doc(yg_strlist *l, char *id)
{
	if (l->len && strcmp(l->items[l->len - 1], id) == 0)
		return;
	YG_VEC_PUSH(*l, id);
}

/* article_id: the article's copy of d->id (see add_doc). */
static size_t merge_entity(yg_graph *g, const yg_document *d, size_t e, char *article_id)
{
	const yg_entity *ent = &d->entities.items[e];
	yg_buf *iri = &g->scratch;
	iri->len = 0;
	yg_graph_entity_iri_into(iri, g, d, e);
	size_t *slot = index_slot(g, iri->s);
	yg_node *n;
	if (*slot) {
		n = &g->nodes.items[*slot - 1];
		/* Keep the smallest label so the result does not depend on
		 * input order; the others become aliases. */
		if (strcmp(ent->label, n->label) < 0) {
			/* the old label becomes an alias once the new one is
			 * in place (before, it was compared with itself) */
			char *old = n->label;
			n->label = graph_strdup(g, ent->label);
			add_alias(g, n, old, old);
		} else {
			add_alias(g, n, ent->label, NULL);
		}
	} else {
		YG_VEC_GROW(g->nodes);
		n = &g->nodes.items[g->nodes.len++];
		memset(n, 0, sizeof *n);
		n->type = ent->type;
		n->iri = yg_arena_strndup(&g->strings, iri->s, iri->len);
		n->label = graph_strdup(g, ent->label);
		const yg_concept *pc = province_concept(g, d, (int32_t)e);
		if (pc) {
			n->wikidata = graph_strdup(g, pc->same_as);
			const yg_concept *into = pc->merged_into >= 0 ? yg_lexicon_concept(g->lx, (size_t)pc->merged_into) : NULL;
			if (into) {
				yg_buf b;
				yg_buf_init(&b);
				yg_buf_printf(&b, "%s%s/%s", g->base, yg_etype_segment(YG_T_PROVINCE), into->slug);
				n->merged_into = yg_arena_strndup(&g->strings, b.s, b.len);
				yg_buf_free(&b);
			}
			n->merger_date = graph_strdup(g, pc->merger_date);
		}
		if (g->nodes.len * 2 >= g->index_cap)
			index_rebuild(g, g->index_cap * 2);
		else
			*slot = g->nodes.len;
	}
	for (size_t i = 0; i < ent->aliases.len; i++)
		if (!is_bare_head(g, ent->aliases.items[i]))
			add_alias(g, n, ent->aliases.items[i], NULL);
	for (size_t i = 0; i < ent->degrees.len; i++)
		graph_list_add(g, &n->degrees, ent->degrees.items[i]);
	set_min(g, &n->identifier, ent->identifier);
	set_min(g, &n->doctype, ent->doctype);
	set_min(g, &n->date, ent->date);
	/* streaming writes no entity's article list: keeping it grew the
	 * table with every (entity, article) pair */
	if (!g->nodes_only)
		add_doc(&n->docs, article_id);
	n->mentions += ent->mentions.len;
	return (size_t)(n - g->nodes.items);
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static size_t edge_hash(size_t s, size_t o, unsigned p, const char *role, const char *date,
                        const char *start)
{
	unsigned long long h = yg_hash64(role ? role : "", role ? strlen(role) : 0);
	h ^= yg_hash64(date ? date : "", date ? strlen(date) : 0) * 31;
	h ^= yg_hash64(start ? start : "", start ? strlen(start) : 0) * 131;
	h ^= ((unsigned long long)s * 0x9E3779B97F4A7C15ULL) ^ ((unsigned long long)o << 17) ^ p;
	return (size_t)h;
}

/* Slot of the edge (s, p, o, role, date, start) in the index; *found tells
 * whether it holds that edge already. */
static size_t *edge_slot(yg_graph *g, size_t s, size_t o, unsigned p, const char *role,
                         const char *date, const char *start, int *found)
{
	size_t mask = g->eindex_cap - 1, i = edge_hash(s, o, p, role, date, start) & mask;
	for (;; i = (i + 1) & mask) {
		size_t k = g->eindex[i];
		if (!k) {
			*found = 0;
			return &g->eindex[i];
		}
		const yg_edge *e = &g->edges.items[k - 1];
		if (e->s == s && e->o == o && e->p == p && same(e->role, role) && same(e->date, date) &&
		    same(e->start, start)) {
			*found = 1;
			return &g->eindex[i];
		}
	}
}

static void eindex_rebuild(yg_graph *g, size_t cap)
{
	free(g->eindex);
	g->eindex_cap = cap;
	g->eindex = yg_xcalloc(cap, sizeof *g->eindex);
	for (size_t k = 0; k < g->edges.len; k++) {
		const yg_edge *e = &g->edges.items[k];
		int found;
		*edge_slot(g, e->s, e->o, e->p, e->role, e->date, e->start, &found) = k + 1;
	}
}

static void merge_relation(yg_graph *g, const yg_document *d, const yg_relation *r,
                           const size_t *map, char *article_id)
{
	size_t s = map[r->s], o = map[r->o];
	if (r->p == YG_R_PARTNER_OF && strcmp(g->nodes.items[s].iri, g->nodes.items[o].iri) > 0) {
		size_t t = s;
		s = o;
		o = t;
	}
	const char *date = r->date ? r->date : (r->p == YG_R_MEMBER_OF ? d->date : NULL);
	if (!g->eindex)
		eindex_rebuild(g, 1024);
	int found;
	size_t *slot = edge_slot(g, s, o, r->p, r->role, date, r->start, &found);
	if (found) {
		add_doc(&g->edges.items[*slot - 1].docs, article_id);
		return;
	}
	yg_edge e = {s, o, r->p, graph_strdup(g, r->role), graph_strdup(g, date), graph_strdup(g, r->start), {0}, 0};
	if (r->p == YG_R_MEMBER_OF)
		e.member_hash = yg_membership_hash(g->nodes.items[s].iri, g->nodes.items[o].iri, e.role, e.date, e.start);
	YG_VEC_PUSH(e.docs, article_id);
	YG_VEC_PUSH(g->edges, e);
	if (g->edges.len * 2 >= g->eindex_cap)
		eindex_rebuild(g, g->eindex_cap * 2);
	else
		*slot = g->edges.len;
}

char *yg_graph_role_iri(const yg_graph *g, const char *role)
{
	char *slug = yg_slug(role, strlen(role));
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%srole/%s", g->base, slug);
	free(slug);
	return yg_buf_take(&b);
}

/* iri: the role's IRI, taken over. */
static void add_role_iri(yg_graph *g, char *iri, const char *role, int heads)
{
	uint32_t id = yg_keytab_intern(g->role_index, iri, strlen(iri));
	if (id > g->roles.len) {
		YG_VEC_GROW(g->roles);
		yg_role_node *r = &g->roles.items[g->roles.len++];
		r->iri = iri;
		r->label = graph_strdup(g, role);
		r->heads = (uint8_t)(heads != 0);
		return;
	}
	free(iri);
	yg_role_node *r = &g->roles.items[id - 1];
	set_min(g, &r->label, role);
	r->heads |= (uint8_t)(heads != 0);
}

static void add_role(yg_graph *g, const char *role, int heads)
{
	add_role_iri(g, yg_graph_role_iri(g, role), role, heads);
}

/* Does the title `role` head its unit by the lexicon (ytg:seniority
 * "head" of the title concept with that label or slug)?  The extraction
 * may say so already (yg_relation.heads); this covers titles as written. */
static int lexicon_heads(const yg_graph *g, const char *role)
{
	if (!g->lx)
		return 0;
	long c = yg_lexicon_find_label(g->lx, YG_LEX_TITLE, role);
	if (c < 0) {
		char *slug = yg_slug(role, strlen(role));
		c = yg_lexicon_find_slug(g->lx, YG_LEX_TITLE, slug);
		free(slug);
	}
	const yg_concept *k = c >= 0 ? yg_lexicon_concept(g->lx, (size_t)c) : NULL;
	return k && k->rank == YG_RANK_HEAD;
}

static void add_roles(yg_graph *g, const yg_document *d)
{
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		if (r->p == YG_R_MEMBER_OF && r->role)
			add_role(g, r->role, r->heads || lexicon_heads(g, r->role));
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

void yg_graph_add_document(yg_graph *g, const yg_document *d)
{
	if (g->slim) {
		char *digest = yg_graph_digest(g, d);
		yg_graph_add_digest(g, digest);
		free(digest);
		return;
	}
	if (!g->index) /* dropped by yg_graph_finish */
		index_rebuild(g, g->index_cap);
	add_roles(g, d);
	size_t *map = yg_xcalloc(d->entities.len + 1, sizeof *map);
	yg_article a;
	memset(&a, 0, sizeof a);
	a.id = graph_strdup(g, d->id);
	char *iri = yg_article_iri(g->base, d->id);
	a.iri = graph_strdup(g, iri);
	free(iri);
	a.date = graph_strdup(g, d->date);
	a.url = graph_strdup(g, d->url);
	a.title = graph_strdup(g, d->title);
	for (size_t e = 0; e < d->entities.len; e++) {
		map[e] = merge_entity(g, d, e, a.id);
		YG_VEC_PUSH(a.mentions, map[e]);
	}
	for (size_t r = 0; r < d->relations.len; r++)
		merge_relation(g, d, &d->relations.items[r], map, a.id);
	YG_VEC_PUSH(g->articles, a);
	free(map);
}

/* ---- nodes-only: a document as a digest ----
 *
 * The digest holds what yg_graph_add_document computes from the document
 * alone (IRIs, slugs, folded aliases, role lookups), packed in one
 * allocation: R records (heads, role IRI, role) and entity records
 * (entitytab.h), then a 0 byte. */

enum { DIGEST_END, DIGEST_ROLE, DIGEST_ENTITY };

char *yg_graph_digest(const yg_graph *g, const yg_document *d)
{
	yg_buf b;
	yg_buf_init(&b);
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		if (r->p != YG_R_MEMBER_OF || !r->role)
			continue;
		char *iri = yg_graph_role_iri(g, r->role);
		yg_buf_putc(&b, DIGEST_ROLE);
		yg_buf_putc(&b, (char)(r->heads || lexicon_heads(g, r->role)));
		yg_buf_add(&b, iri, strlen(iri) + 1);
		yg_buf_add(&b, r->role, strlen(r->role) + 1);
		free(iri);
	}
	size_t base = strlen(g->base);
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		char *iri = yg_graph_entity_iri(g, d, e);
		yg_buf_putc(&b, DIGEST_ENTITY);
		yg_entitytab_put_head(&b, ent->type, ent->mentions.len, iri + base, ent->label);
		free(iri);
		const yg_concept *pc = province_concept(g, d, (int32_t)e);
		if (pc && pc->same_as)
			yg_entitytab_put_attr(&b, YG_ATTR_WIKIDATA, pc->same_as);
		for (size_t i = 0; i < ent->aliases.len; i++)
			if (!is_bare_head(g, ent->aliases.items[i]))
				yg_entitytab_put_attr(&b, YG_ATTR_ALIAS, ent->aliases.items[i]);
		for (size_t i = 0; i < ent->degrees.len; i++)
			yg_entitytab_put_attr(&b, YG_ATTR_DEGREE, ent->degrees.items[i]);
		if (ent->identifier)
			yg_entitytab_put_attr(&b, YG_ATTR_IDENTIFIER, ent->identifier);
		if (ent->doctype)
			yg_entitytab_put_attr(&b, YG_ATTR_DOCTYPE, ent->doctype);
		if (ent->date)
			yg_entitytab_put_attr(&b, YG_ATTR_DATE, ent->date);
		yg_entitytab_put_end(&b);
	}
	yg_buf_putc(&b, DIGEST_END);
	return yg_buf_take(&b);
}

void yg_graph_add_digest(yg_graph *g, const char *digest)
{
	for (const char *p = digest; *p != DIGEST_END;) {
		if (*p++ == DIGEST_ROLE) {
			int heads = *p++;
			const char *iri = p, *role = iri + strlen(iri) + 1;
			add_role_iri(g, yg_xstrdup(iri), role, heads);
			p = role + strlen(role) + 1;
		} else {
			p = yg_entitytab_merge(g->slim, p);
		}
	}
}

/* ---- finishing: deterministic order ---- */

static int cmp_nodes_role(const void *a, const void *b)
{
	return strcmp(((const yg_role_node *)a)->iri, ((const yg_role_node *)b)->iri);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_edges(const void *pa, const void *pb)
{
	const yg_edge *a = pa, *b = pb;
	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	if (a->p != b->p)
		return a->p < b->p ? -1 : 1;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	int c = yg_strcmp_null(a->role, b->role);
	if (!c)
		c = yg_strcmp_null(a->date, b->date);
	return c ? c : yg_strcmp_null(a->start, b->start);
}

static int cmp_articles(const void *a, const void *b)
{
	return strcmp(((const yg_article *)a)->iri, ((const yg_article *)b)->iri);
}

/* An alias seen before the label that won was itself a label: drop it,
 * so that the aliases are the other names whatever the input order. */
static void drop_label_alias(yg_node *n)
{
	size_t u = 0;
	for (size_t i = 0; i < n->aliases.len; i++)
		if (strcmp(n->aliases.items[i], n->label) != 0)
			n->aliases.items[u++] = n->aliases.items[i];
	n->aliases.len = u;
}

static void sort_strlist(yg_strlist *l)
{
	yg_sort(l->items, l->len, sizeof *l->items, cmp_strp);
}

typedef struct {
	const char *iri;
	size_t at; /* the node's index before sorting */
} node_ref;

static int cmp_node_refs(const void *a, const void *b)
{
	return strcmp(((const node_ref *)a)->iri, ((const node_ref *)b)->iri);
}

/* Sort the nodes by IRI and return order[old index] = new index (caller
 * frees).  References are sorted (16 bytes moved a step, not a node) and
 * the nodes then moved in place a cycle of the permutation at a time.
 * The IRI index is dropped, not rebuilt: finding each IRI again to learn
 * the order cost as much as the sort, and it serves only merging, which
 * rebuilds it if a document comes after all. */
static size_t *sort_nodes(yg_graph *g)
{
	size_t n = g->nodes.len;
	yg_node *nodes = g->nodes.items;
	node_ref *ref = yg_xmalloc((n + 1) * sizeof *ref);
	for (size_t i = 0; i < n; i++)
		ref[i] = (node_ref){nodes[i].iri, i};
	yg_sort(ref, n, sizeof *ref, cmp_node_refs);
	size_t *order = yg_xmalloc((n + 1) * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[ref[i].at] = i;
	/* position i gets node ref[i].at; a placed position is marked SIZE_MAX */
	for (size_t i = 0; i < n; i++) {
		if (ref[i].at == SIZE_MAX)
			continue;
		yg_node first = nodes[i];
		size_t j = i;
		while (ref[j].at != i) {
			size_t from = ref[j].at;
			nodes[j] = nodes[from];
			ref[j].at = SIZE_MAX;
			j = from;
		}
		nodes[j] = first;
		ref[j].at = SIZE_MAX;
	}
	free(ref);
	free(g->index);
	g->index = NULL;
	return order;
}

/* An article's mentions: some twenty node indexes. */
static void sort_sizes(size_t *a, size_t n)
{
	if (n > 32) {
		yg_sort(a, n, sizeof *a, cmp_size);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		size_t v = a[i], j = i;
		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

void yg_graph_finish(yg_graph *g)
{
	if (g->slim) {
		yg_entitytab_finish(g->slim);
		yg_sort(g->roles.items, g->roles.len, sizeof *g->roles.items, cmp_nodes_role);
		return;
	}
	size_t n = g->nodes.len;
	/* Sort, then renumber edges and mentions through old -> new. */
	size_t *order = sort_nodes(g);
	for (size_t i = 0; i < n; i++) {
		yg_node *nd = &g->nodes.items[i];
		sort_strlist(&nd->aliases);
		drop_label_alias(nd);
		sort_strlist(&nd->docs);
		sort_strlist(&nd->degrees);
	}
	for (size_t i = 0; i < g->edges.len; i++) {
		yg_edge *e = &g->edges.items[i];
		e->s = order[e->s];
		e->o = order[e->o];
		sort_strlist(&e->docs);
	}
	yg_sort(g->edges.items, g->edges.len, sizeof *g->edges.items, cmp_edges);
	for (size_t i = 0; i < g->articles.len; i++) {
		yg_article *a = &g->articles.items[i];
		for (size_t k = 0; k < a->mentions.len; k++)
			a->mentions.items[k] = order[a->mentions.items[k]];
		sort_sizes(a->mentions.items, a->mentions.len);
		size_t u = 0;
		for (size_t k = 0; k < a->mentions.len; k++)
			if (u == 0 || a->mentions.items[u - 1] != a->mentions.items[k])
				a->mentions.items[u++] = a->mentions.items[k];
		a->mentions.len = u;
	}
	yg_sort(g->articles.items, g->articles.len, sizeof *g->articles.items, cmp_articles);
	free(order);
	/* Roles by IRI; the index is not needed any more. */
	yg_sort(g->roles.items, g->roles.len, sizeof *g->roles.items, cmp_nodes_role);
}

const char *yg_graph_base(const yg_graph *g) { return g->base; }
size_t yg_graph_node_count(const yg_graph *g)
{
	return g->slim ? yg_entitytab_count(g->slim) : g->nodes.len;
}

const yg_node *yg_graph_node(const yg_graph *g, size_t i)
{
	return g->slim ? yg_entitytab_node(g->slim, i) : &g->nodes.items[i];
}
size_t yg_graph_edge_count(const yg_graph *g) { return g->edges.len; }
const yg_edge *yg_graph_edge(const yg_graph *g, size_t i) { return &g->edges.items[i]; }
size_t yg_graph_article_count(const yg_graph *g) { return g->articles.len; }
const yg_article *yg_graph_article(const yg_graph *g, size_t i) { return &g->articles.items[i]; }
size_t yg_graph_role_count(const yg_graph *g) { return g->roles.len; }
const yg_role_node *yg_graph_role(const yg_graph *g, size_t i) { return &g->roles.items[i]; }

const yg_lexicon *yg_graph_lexicon(const yg_graph *g)
{
	return g->lx;
}
