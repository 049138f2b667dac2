/* tap.h — a minimal TAP producer for the C unit tests: one line per
 * check, so `make check` counts cases, not programs. */
#ifndef YG_TAP_H
#define YG_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define OK(cond, ...)                                                   \
	do {                                                            \
		int ok_ = (cond) ? 1 : 0;                               \
		printf("%s %d - ", ok_ ? "ok" : "not ok", ++tap_n);     \
		printf(__VA_ARGS__);                                    \
		printf("\n");                                           \
		if (!ok_) {                                             \
			tap_failed++;                                   \
			printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                       \
	} while (0)

#define IS_STR(got, want, ...)                                          \
	do {                                                            \
		const char *g_ = (got), *w_ = (want);                   \
		OK(g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__);       \
		if (!(g_ && w_ && strcmp(g_, w_) == 0))                 \
			printf("#   got \"%s\", want \"%s\"\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

/* An expected failure: a known gap, reported as TODO by TAP. */
#define TODO(cond, ...)                                                 \
	do {                                                            \
		printf("%s %d - ", (cond) ? "ok" : "not ok", ++tap_n);  \
		printf(__VA_ARGS__);                                    \
		printf(" # TODO known gap\n");                          \
	} while (0)

#define DONE() (printf("1..%d\n", tap_n), tap_failed ? 1 : 0)

#endif
