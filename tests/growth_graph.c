/* growth_graph — time the merge of N and 4N articles that each give one
 * entity a new alias (the alias list of one node grows with the corpus).
 * Prints "N seconds(N) seconds(4N)" (CPU time of the process); tests/growth.sh compares the ratio.
 * Not a unit test: timing is judged by the script, as a ratio. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "buf.h"
#include "document.h"
#include "graph.h"

static double run(size_t n)
{
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	yg_graph *g = yg_graph_new(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		char id[32], alias[64];
		snprintf(id, sizeof id, "d%zu", i);
		snprintf(alias, sizeof alias, "%zu cơ sở Bạch Mai", i);
		yg_document *d = yg_document_new(id, NULL);
		int32_t e = yg_document_entity(d, YG_T_HOSPITAL, "Bệnh viện Bạch Mai");
		yg_document_strlist_add(d, &d->entities.items[e].aliases, alias, strlen(alias));
		yg_graph_add_document(g, d);
		yg_document_free(d);
	}
	yg_graph_finish(g);
	yg_graph_free(g);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)atol(argv[1]) : 20000;
	double t1 = run(n), t4 = run(4 * n);
	printf("%zu %.4f %.4f\n", n, t1, t4);
	return 0;
}
