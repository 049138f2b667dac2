/* fuzz.h — what the libFuzzer harnesses share: the entry points, a check
 * that stops the run with the harness's name, and the lexicon they load.
 * Define FUZZ_NAME ("fuzz_extract", ...) before including it. */
#ifndef YG_FUZZ_H
#define YG_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "lexicon.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A failed check is a finding: libFuzzer keeps the input that aborted. */
#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, FUZZ_NAME ": check failed: %s: ", #cond); \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			abort();                                               \
		}                                                              \
	} while (0)

/* The lexicon of the data folder (YTEGRAPH_DATADIR, else the configured
 * one); the run ends when it cannot be loaded.  Owned by the caller. */
static inline yg_lexicon *fuzz_lexicon(void)
{
	yg_diag d = {0};
	const char *dir = yg_default_datadir();
	yg_lexicon *lx = yg_lexicon_new();
	if (yg_lexicon_load_dir(lx, dir, &d) != YG_OK) {
		fprintf(stderr, FUZZ_NAME ": cannot load the lexicon from %s: %s\n"
		                "(set YTEGRAPH_DATADIR to the ontology/ folder)\n",
		        dir, d.msg);
		exit(1);
	}
	return lx;
}

#endif
