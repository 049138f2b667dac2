#include "engine.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pipeline.h"

typedef struct {
	yg_document *doc;  /* NULL for a malformed record */
	yg_status st;
	yg_diag diag;
	size_t bytes;
	int stop;          /* a malformed record under --strict: the run ends here */
} result;

/* One document from bytes (or an unparsed record) to a processed
 * yg_document. */
static void process(const yg_engine_opts *o, yg_item *it, result *r)
{
	memset(r, 0, sizeof *r);
	if (it->record && (r->st = yg_item_parse(it, &r->diag)) != YG_OK) {
		r->stop = it->strict;
		yg_item_free(it);
		return;
	}
	r->doc = yg_document_new(it->id, it->where);
	const char *date = it->date ? it->date : o->default_date;
	if (date)
		r->doc->date = yg_xstrdup(date);
	r->doc->url = it->url;
	r->doc->title = it->title;
	it->url = it->title = NULL;
	yg_pipeline_opts po = {o->encoding, o->lexicon};
	r->bytes = it->len;
	r->st = yg_document_process(r->doc, it->bytes, it->len, &po, &r->diag);
	yg_item_free(it);
	/* Free on this thread what the consumer will not read: memory goes
	 * back to the allocator arena it came from, not across threads. */
	if (r->st == YG_OK && o->prepare && o->prepare(o->prepare_ctx, r->doc))
		yg_document_release(r->doc);
	else
		yg_document_trim(r->doc);
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

/* Workers take documents in batches, so that the lock and the wake-ups
 * are paid once per batch rather than once per (small) document. */
enum { BATCH_DOCS = 16, BATCH_BYTES = 256 * 1024 };

typedef struct {
	result r[BATCH_DOCS];
	size_t n;
} batch;

typedef struct {
	yg_corpus *corpus;
	const yg_engine_opts *o;
	pthread_mutex_t lock;
	pthread_cond_t slot_free, slot_ready;
	batch *slots;
	unsigned char *ready;
	size_t window;     /* batches in flight */
	size_t next_seq;   /* sequence number of the next batch taken */
	size_t consumed;   /* batches handed to the consumer */
	int exhausted;     /* the corpus is at its end (or the run stopped) */
	int stopped;       /* --strict met a malformed record: deliver no more */
	int running;       /* workers still working */
} pool;

/* Read the next batch (under the lock); returns its size, 0 at the end. */
static size_t take_batch(pool *p, yg_item *items)
{
	size_t n = 0, bytes = 0;
	while (n < BATCH_DOCS && bytes < BATCH_BYTES && !p->exhausted) {
		yg_status st;
		if (yg_corpus_next(p->corpus, &items[n], &st))
			p->exhausted = 1;
		else if (st == YG_OK) {
			bytes += items[n].len + items[n].record_len; /* one of them is 0 */
			n++;
		}
	}
	return n;
}

/* Process batch `seq` (its items taken under the lock) and mark it
 * ready.  Called without the lock. */
static void work(pool *p, size_t seq, yg_item *items, size_t n)
{
	batch *out = &p->slots[seq % p->window];
	for (size_t i = 0; i < n; i++)
		process(p->o, &items[i], &out->r[i]);
	out->n = n;
	pthread_mutex_lock(&p->lock);
	p->ready[seq % p->window] = 1;
	if (seq == p->consumed) /* the consumer waits for this one */
		pthread_cond_signal(&p->slot_ready);
	pthread_mutex_unlock(&p->lock);
}

static void *worker(void *arg)
{
	pool *p = arg;
	yg_item items[BATCH_DOCS];
	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (!p->exhausted && p->next_seq - p->consumed >= p->window)
			pthread_cond_wait(&p->slot_free, &p->lock);
		size_t n = take_batch(p, items);
		if (n == 0) {
			p->running--;
			pthread_cond_broadcast(&p->slot_ready);
			pthread_cond_broadcast(&p->slot_free);
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		size_t seq = p->next_seq++;
		pthread_mutex_unlock(&p->lock);
		work(p, seq, items, n);
	}
}

/* The calling thread consumes batches in order and, while the next one
 * is not ready and there is room, processes a batch itself: N threads
 * in all, not N workers plus a mostly idle consumer. */
static void run_pool(pool *p, yg_consume_fn consume, void *ctx)
{
	yg_item items[BATCH_DOCS];
	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t slot = p->consumed % p->window;
		if (p->ready[slot]) {
			pthread_mutex_unlock(&p->lock);
			/* the slot is ours until `consumed` moves past it */
			batch *b = &p->slots[slot];
			int stop = 0;
			for (size_t i = 0; i < b->n; i++) {
				if (p->stopped || stop) { /* after the record that stopped the run */
					yg_document_free(b->r[i].doc);
					continue;
				}
				consume(ctx, b->r[i].doc, b->r[i].st, &b->r[i].diag, b->r[i].bytes);
				stop = b->r[i].stop;
			}
			pthread_mutex_lock(&p->lock);
			if (stop)
				p->stopped = p->exhausted = 1;
			p->ready[slot] = 0;
			p->consumed++;
			pthread_cond_broadcast(&p->slot_free);
			continue;
		}
		if (!p->exhausted && p->next_seq - p->consumed < p->window) {
			size_t n = take_batch(p, items);
			if (n > 0) {
				size_t seq = p->next_seq++;
				pthread_mutex_unlock(&p->lock);
				work(p, seq, items, n);
				pthread_mutex_lock(&p->lock);
			}
			continue;
		}
		if (p->running == 0 && p->consumed == p->next_seq)
			break;
		pthread_cond_wait(&p->slot_ready, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
}

yg_status yg_engine_run(yg_corpus *c, const yg_engine_opts *o, yg_consume_fn consume, void *ctx)
{
	if (o->threads <= 1) {
		run_inline(c, o, consume, ctx);
		return YG_OK;
	}
	/* records are parsed by the workers, not under the corpus lock */
	yg_corpus_defer_parsing(c);
	pool p;
	memset(&p, 0, sizeof p);
	p.corpus = c;
	p.o = o;
	/* Four batches a thread: with two, a worker that had filled the
	 * window waited while the calling thread processed a batch of its
	 * own (6 % of a 100 MB run at -j 2); the documents in flight are
	 * small beside the graph (peak RSS 115.8 -> 116.8 MB). */
	p.window = (size_t)o->threads * 4;
	p.slots = yg_xcalloc(p.window, sizeof *p.slots);
	p.ready = yg_xcalloc(p.window, 1);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.slot_free, NULL);
	pthread_cond_init(&p.slot_ready, NULL);
	/* the calling thread is one of the N */
	int helpers = o->threads - 1;
	pthread_t *tids = yg_xcalloc((size_t)helpers, sizeof *tids);
	int started = 0;
	p.running = helpers;
	for (int i = 0; i < helpers; i++) {
		if (pthread_create(&tids[i], NULL, worker, &p) != 0)
			break;
		started++;
	}
	pthread_mutex_lock(&p.lock);
	p.running -= helpers - started;
	pthread_mutex_unlock(&p.lock);
	yg_status st = YG_OK;
	run_pool(&p, consume, ctx);
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
