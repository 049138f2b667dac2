#include "relate.h"

#include <string.h>

/* Province mergers the gazetteer records (ytg:mergedInto) become relations
 * when the article names both provinces and speaks of a merger. */
static void gazetteer_mergers(yg_document *d, const yg_lexicon *lx)
{
	(void)d;
	(void)lx;
}

void yg_relate(yg_document *d, const yg_lexicon *lx)
{
	gazetteer_mergers(d, lx);
}
