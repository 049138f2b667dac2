#include "dotids.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "iri.h"

/* Named objects get even IDs 2, 4, 6 ... in order of first use; anonymous
 * ones odd IDs, as in cgraph's own convention. */
typedef struct {
	Agraph_t *root; /* names are the root's reference-counted strings */
	char **names;
	size_t n, cap;
	size_t *slots; /* open addressing: index + 1 */
	size_t nslots;
	IDTYPE anon;
} id_table;

static size_t *slot_of(id_table *t, const char *s)
{
	size_t mask = t->nslots - 1, i = (size_t)yg_hash64(s, strlen(s)) & mask;
	while (t->slots[i] && strcmp(t->names[t->slots[i] - 1], s) != 0)
		i = (i + 1) & mask;
	return &t->slots[i];
}

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	id_table *t = yg_xcalloc(1, sizeof *t);
	t->root = g;
	t->nslots = 256;
	t->slots = yg_xcalloc(t->nslots, sizeof *t->slots);
	t->anon = 1;
	return t;
}

static void grow(id_table *t)
{
	free(t->slots);
	t->nslots *= 2;
	t->slots = yg_xcalloc(t->nslots, sizeof *t->slots);
	for (size_t i = 0; i < t->n; i++)
		*slot_of(t, t->names[i]) = i + 1;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int create)
{
	(void)objtype;
	id_table *t = state;
	if (!str) {
		if (!create)
			return 0;
		*id = t->anon;
		t->anon += 2;
		return 1;
	}
	size_t *slot = slot_of(t, str);
	if (*slot) {
		*id = (IDTYPE)(*slot * 2);
		return 1;
	}
	if (!create)
		return 0;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->names = yg_xrealloc(t->names, t->cap * sizeof *t->names);
	}
	/* agwrite reads a header in front of every name (the HTML-string
	 * flag), so names must be cgraph's own reference-counted strings */
	t->names[t->n++] = agstrdup(t->root, str);
	*slot = t->n;
	*id = (IDTYPE)(t->n * 2);
	if (t->n * 2 >= t->nslots)
		grow(t);
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0; /* objects are never created from a bare ID here */
}

static void id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	id_table *t = state;
	if (id % 2 == 0 && id / 2 >= 1 && id / 2 <= t->n)
		return t->names[id / 2 - 1];
	return NULL;
}

static void id_close(void *state)
{
	id_table *t = state;
	/* the strings go with the graph's string dictionary */
	free(t->names);
	free(t->slots);
	free(t);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t sequential_ids = {
	id_open, id_map, id_alloc, id_free, id_print, id_close, id_register,
};

Agdisc_t yg_sequential_disc = {&AgMemDisc, &sequential_ids, &AgIoDisc};
