#include "engine.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pipeline.h"

typedef struct {
	yg_document *doc;
	yg_status st;
	yg_diag diag;
	size_t bytes;
} result;

/* One document from bytes to a processed yg_document. */
static void process(const yg_engine_opts *o, yg_item *it, result *r)
{
	r->doc = yg_document_new(it->id, it->where);
	const char *date = it->date ? it->date : o->default_date;
	if (date)
		r->doc->date = yg_xstrdup(date);
	r->doc->url = it->url;
	r->doc->title = it->title;
	it->url = it->title = NULL;
	yg_pipeline_opts po = {o->encoding, o->lexicon};
	memset(&r->diag, 0, sizeof r->diag);
	r->bytes = it->len;
	r->st = yg_document_process(r->doc, it->bytes, it->len, &po, &r->diag);
	yg_item_free(it);
	if (r->st == YG_OK && o->prepare)
		o->prepare(o->prepare_ctx, r->doc);
}

/* ---- one thread ---- */

static void run_inline(yg_corpus *c, const yg_engine_opts *o, yg_consume_fn consume, void *ctx)
{
	yg_item it;
	yg_status st;
	while (!yg_corpus_next(c, &it, &st)) {
		if (st != YG_OK)
			continue;
		result r;
		process(o, &it, &r);
		consume(ctx, r.doc, r.st, &r.diag, r.bytes);
	}
}

/* ---- N threads, results delivered in order ---- */

typedef struct {
	yg_corpus *corpus;
	const yg_engine_opts *o;
	pthread_mutex_t lock;
	pthread_cond_t slot_free, slot_ready;
	result *slots;
	unsigned char *ready;
	size_t window;
	size_t next_seq;   /* sequence number of the next document taken */
	size_t consumed;   /* documents handed to the consumer */
	int exhausted;     /* the corpus is at its end */
	int running;       /* workers still working */
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	for (;;) {
		yg_item it;
		yg_status st;
		pthread_mutex_lock(&p->lock);
		while (!p->exhausted && p->next_seq - p->consumed >= p->window)
			pthread_cond_wait(&p->slot_free, &p->lock);
		int end = p->exhausted;
		while (!end) {
			end = yg_corpus_next(p->corpus, &it, &st);
			if (end)
				p->exhausted = 1;
			else if (st == YG_OK)
				break;
		}
		if (end) {
			p->running--;
			pthread_cond_broadcast(&p->slot_ready);
			pthread_cond_broadcast(&p->slot_free);
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		size_t seq = p->next_seq++;
		pthread_mutex_unlock(&p->lock);
		result r;
		process(p->o, &it, &r);
		pthread_mutex_lock(&p->lock);
		p->slots[seq % p->window] = r;
		p->ready[seq % p->window] = 1;
		pthread_cond_broadcast(&p->slot_ready);
		pthread_mutex_unlock(&p->lock);
	}
}

static void run_pool(pool *p, yg_consume_fn consume, void *ctx)
{
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t slot = p->consumed % p->window;
		while (!p->ready[slot] && !(p->running == 0 && p->consumed == p->next_seq))
			pthread_cond_wait(&p->slot_ready, &p->lock);
		if (!p->ready[slot]) {
			pthread_mutex_unlock(&p->lock);
			return;
		}
		result r = p->slots[slot];
		p->ready[slot] = 0;
		p->consumed++;
		pthread_cond_broadcast(&p->slot_free);
		pthread_mutex_unlock(&p->lock);
		consume(ctx, r.doc, r.st, &r.diag, r.bytes);
	}
}

yg_status yg_engine_run(yg_corpus *c, const yg_engine_opts *o, yg_consume_fn consume, void *ctx)
{
	if (o->threads <= 1) {
		run_inline(c, o, consume, ctx);
		return YG_OK;
	}
	pool p;
	memset(&p, 0, sizeof p);
	p.corpus = c;
	p.o = o;
	p.window = (size_t)o->threads * 4;
	p.slots = yg_xcalloc(p.window, sizeof *p.slots);
	p.ready = yg_xcalloc(p.window, 1);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.slot_free, NULL);
	pthread_cond_init(&p.slot_ready, NULL);
	pthread_t *tids = yg_xcalloc((size_t)o->threads, sizeof *tids);
	int started = 0;
	p.running = o->threads;
	for (int i = 0; i < o->threads; i++) {
		if (pthread_create(&tids[i], NULL, worker, &p) != 0)
			break;
		started++;
	}
	pthread_mutex_lock(&p.lock);
	p.running -= o->threads - started;
	pthread_mutex_unlock(&p.lock);
	yg_status st = YG_OK;
	if (started == 0) {
		st = YG_ERR_NOMEM;
	} else {
		run_pool(&p, consume, ctx);
	}
	for (int i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	free(p.slots);
	free(p.ready);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.slot_free);
	pthread_cond_destroy(&p.slot_ready);
	return st;
}
