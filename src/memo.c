#include "memo.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* 4096 slots: with 1024, a few MB of news lost one label in six to
 * collisions (about 1 MB a thread, touched as it fills) */
enum { MEMO_SLOTS = 4096, MEMO_BYTES = 62 };

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
/* The thread's tables at a load: the key only frees them when the thread
 * ends (a lookup through it cost a fifth of a hit). */
static _Thread_local memo *memo_here;

static void memo_init(void)
{
	pthread_key_create(&memo_key, free);
}

static __attribute__((noinline)) memo *memo_new(void)
{
	pthread_once(&memo_once, memo_init);
	memo *m = yg_xcalloc(1, sizeof *m);
	pthread_setspecific(memo_key, m);
	memo_here = m;
	return m;
}

/* The key's bytes, a word at a time: the last word overlaps the one
 * before it instead of being gathered byte by byte (keys of 1..62
 * bytes, read only inside [key, key + klen)). */
static uint64_t memo_hash(const char *key, size_t klen)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ klen, w;
	if (klen < 8) {
		uint32_t lo, hi;
		if (klen >= 4) {
			memcpy(&lo, key, 4);
			memcpy(&hi, key + klen - 4, 4);
		} else {
			lo = (uint32_t)(unsigned char)key[0] | (uint32_t)(unsigned char)key[klen / 2] << 8 |
			     (uint32_t)(unsigned char)key[klen - 1] << 16;
			hi = 0;
		}
		w = (uint64_t)lo | (uint64_t)hi << 32;
	} else {
		for (size_t i = 0; i + 8 < klen; i += 8) {
			memcpy(&w, key + i, 8);
			h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
			h ^= h >> 29;
		}
		memcpy(&w, key + klen - 8, 8);
	}
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 32);
}

static slot *slot_for(yg_memo_kind kind, const char *key, size_t klen)
{
	memo *m = memo_here ? memo_here : memo_new();
	return &m->tab[kind][memo_hash(key, klen) & (MEMO_SLOTS - 1)];
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
