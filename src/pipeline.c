#include "pipeline.h"

#include "boilerplate.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"

yg_status yg_document_process(yg_document *d, const char *bytes, size_t len,
                              const yg_pipeline_opts *o, yg_diag *diag)
{
	if (len == 0)
		return yg_diag_set(diag, YG_ERR_DATA, d->path, "empty document");
	yg_status st = yg_text_normalize(bytes, len, o->encoding, d->path, &d->text, diag);
	if (st != YG_OK)
		return st;
	if (d->text.len > UINT32_MAX / 2)
		return yg_diag_set(diag, YG_ERR_LIMIT, d->path, "document too large");
	yg_tokenize(d->text.s, d->text.len, NULL, yg_lexicon_keys(o->lexicon), &d->toks);
	if (d->toks.len == 0)
		return yg_diag_set(diag, YG_ERR_DATA, d->path, "document has no text (only white space)");
	yg_segment_sentences(d->text.s, &d->toks);
	yg_boilerplate_mask(d->text.s, &d->toks, o->lexicon);
	d->keys = yg_lexicon_keys(o->lexicon);
	yg_match_index(d, o->lexicon);
	/* the date decides which names are in force (renamed provinces) */
	if (!d->date)
		d->date = yg_find_date(d);
	yg_recognize(d, o->lexicon);
	yg_resolve(d, o->lexicon);
	yg_relate(d, o->lexicon);
	return YG_OK;
}
