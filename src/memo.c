#include "memo.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

enum { MEMO_SLOTS = 1024, MEMO_BYTES = 62 };

typedef struct {
	uint8_t klen, vlen; /* klen 0 = empty */
	char key[MEMO_BYTES];
	char val[MEMO_BYTES];
} slot;

typedef struct {
	slot tab[YG_MEMO_COUNT][MEMO_SLOTS];
} memo;

static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

static void memo_init(void)
{
	pthread_key_create(&memo_key, free);
}

static slot *slot_for(yg_memo_kind kind, const char *key, size_t klen)
{
	pthread_once(&memo_once, memo_init);
	memo *m = pthread_getspecific(memo_key);
	if (!m) {
		m = yg_xcalloc(1, sizeof *m);
		pthread_setspecific(memo_key, m);
	}
	return &m->tab[kind][yg_hash_table(key, klen) & (MEMO_SLOTS - 1)];
}

const char *yg_memo_get(yg_memo_kind kind, const char *key, size_t klen, size_t *vlen)
{
	if (klen == 0 || klen > MEMO_BYTES)
		return NULL;
	slot *s = slot_for(kind, key, klen);
	if (s->klen != klen || memcmp(s->key, key, klen) != 0)
		return NULL;
	*vlen = s->vlen;
	return s->val;
}

void yg_memo_put(yg_memo_kind kind, const char *key, size_t klen, const char *val, size_t vlen)
{
	if (klen == 0 || klen > MEMO_BYTES || vlen > MEMO_BYTES)
		return;
	slot *s = slot_for(kind, key, klen);
	s->klen = (uint8_t)klen;
	s->vlen = (uint8_t)vlen;
	memcpy(s->key, key, klen);
	memcpy(s->val, val, vlen);
}
