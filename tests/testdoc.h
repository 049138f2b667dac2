/* testdoc.h — shared by the C tests that run texts through the pipeline:
 * the lexicon they load once, and a run of one text. */
#ifndef YG_TESTDOC_H
#define YG_TESTDOC_H

#include <stdio.h>
#include <string.h>

#include "pipeline.h"

static yg_lexicon *lx;

/* Process `text` as document "t" (t.txt); the caller frees the result. */
static yg_document *run(const char *text)
{
	yg_document *d = yg_document_new("t", "t.txt");
	yg_pipeline_opts o = {YG_ENC_UTF8, lx};
	yg_diag diag = {0};
	if (yg_document_process(d, text, strlen(text), &o, &diag) != YG_OK)
		printf("# process failed: %s\n", diag.msg);
	return d;
}

#endif
