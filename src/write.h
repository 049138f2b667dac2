/* write.h — every output format behind one table.
 *
 * The table maps a file extension to a writer; `build -o FILE` dispatch,
 * `--help` and the README's format list all come from the same rows. */
#ifndef YG_WRITE_H
#define YG_WRITE_H

#include <stdio.h>

#include "diag.h"
#include "document.h"
#include "graph.h"

typedef struct {
	const char *focus;     /* label or IRI of the entity to centre a view on */
	int depth;             /* neighbourhood depth with focus */
	const char *layout;    /* graphviz layout engine, NULL = automatic */
	unsigned type_mask;    /* 1 << yg_etype; 0 = all */
	unsigned relation_mask;/* 1 << yg_rtype; 0 = all */
	const char *table_format; /* entities: "table" "tsv" "csv" "jsonl" */
	const char *path;      /* output path, for messages */
	FILE *notes;           /* where to say that a view was scaled, or NULL */
	int raw_cells;         /* CSV/TSV: no spreadsheet-formula neutralising */
	int bom;               /* CSV/TSV: start with a UTF-8 byte-order mark */
	int threads;           /* Turtle: threads that render chunks (0, 1: this one) */
} yg_write_opts;

typedef struct yg_writer yg_writer;
typedef yg_status (*yg_write_fn)(const yg_graph *g, const yg_writer *w,
                                 const yg_write_opts *o, FILE *fh, yg_diag *d);

struct yg_writer {
	const char *ext;       /* ".ttl" */
	const char *name;      /* "turtle" */
	const char *what;      /* one line for --help */
	yg_write_fn fn;
	const char *arg;       /* writer-specific: raptor serializer or gvc format */
	int per_article;       /* written article by article (yg_quads), fn unused */
};

/* The writer for a path's extension, or NULL. */
const yg_writer *yg_writer_for_path(const char *path);
const yg_writer *yg_writer_by_name(const char *name);
/* All writers; *n receives the count. */
const yg_writer *yg_writers(size_t *n);

/* The writers themselves. */
yg_status yg_write_rdf(const yg_graph *g, const yg_writer *w, const yg_write_opts *o, FILE *fh, yg_diag *d);
yg_status yg_write_diagram(const yg_graph *g, const yg_writer *w, const yg_write_opts *o, FILE *fh, yg_diag *d);
yg_status yg_write_entities(const yg_graph *g, const yg_writer *w, const yg_write_opts *o, FILE *fh, yg_diag *d);
/* One diagram per province: o->path holds one "%s", replaced by each
 * province's slug (and "national"); the files are opened here. */
yg_status yg_write_diagram_set(const yg_graph *g, const yg_writer *w, const yg_write_opts *o, yg_diag *d);

/* N-Quads, one named graph per article (write_rdf.c).  With a stream,
 * each article is written as soon as it is added (input order); without,
 * articles are written to a spill file (memory keeps their IRIs and
 * places) and copied out sorted by IRI in yg_quads_finish, which then
 * writes the entity statements of the default graph.  spill_near: a path
 * in the folder for the spill file (removed from the folder at once), or
 * NULL for the system's temporary folder. */
typedef struct yg_quads yg_quads;
yg_quads *yg_quads_new(FILE *stream, const char *spill_near);
/* Adds d's named graph: d->rendered when yg_quads_render prepared it. */
yg_status yg_quads_add(yg_quads *q, const yg_graph *g, const yg_document *d, yg_diag *diag);
/* Render d's named graph as N-Quads text on any thread (caller frees);
 * *bad is set when an IRI was refused. Reads only g's base and lexicon. */
char *yg_quads_render(const yg_graph *g, const yg_document *d, int *bad);
/* Free the raptor worlds of every thread that rendered N-Quads: call it
 * once at the end, from the main thread, when no other thread renders. */
void yg_quads_release_thread(void);
yg_status yg_quads_finish(yg_quads *q, const yg_graph *g, FILE *fh, yg_diag *diag);
void yg_quads_free(yg_quads *q); /* accepts NULL */

#endif
