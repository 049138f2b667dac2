/* write.h — every output format behind one table.
 *
 * The table maps a file extension to a writer; `build -o FILE` dispatch,
 * `--help` and the README's format list all come from the same rows. */
#ifndef YG_WRITE_H
#define YG_WRITE_H

#include <stdio.h>

#include "diag.h"
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

#endif
