/* memo.h — per-thread memo tables for pure string functions.
 *
 * Articles name the same bodies, hospitals and people again and again:
 * folding a label or making its slug is done once per thread and
 * remembered by the bytes of the input.  Direct-mapped, short strings only
 * (longer ones are simply not remembered); a thread's tables are freed
 * when it ends. */
#ifndef YG_MEMO_H
#define YG_MEMO_H

#include <stddef.h>

typedef enum { YG_MEMO_SLUG, YG_MEMO_FOLD, YG_MEMO_COUNT } yg_memo_kind;

/* The value remembered for key, or NULL; *vlen is set.  The pointer is
 * valid until the next yg_memo_put on this thread. */
const char *yg_memo_get(yg_memo_kind kind, const char *key, size_t klen, size_t *vlen);
/* Remember value for key (ignored when either is too long to hold). */
void yg_memo_put(yg_memo_kind kind, const char *key, size_t klen, const char *val, size_t vlen);

#endif
