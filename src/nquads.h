/* nquads.h — N-Triples/N-Quads terms, each escaped once.
 *
 * raptor's N-Quads serializer escapes every term of every statement byte
 * by byte through its iostream (two thirds of `build --stream -o .nq`), and
 * most terms recur: the article's IRI is the graph of each of its lines,
 * an entity's IRI is the subject or object of many.  A yg_nq escapes a
 * term with raptor's own raptor_term_escaped_write and the flags its
 * N-Quads writer passes (RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL), so the
 * bytes are the same, and keeps each IRI's escaped form for the next
 * statement.  One per thread: it holds a raptor world. */
#ifndef YG_NQUADS_H
#define YG_NQUADS_H

#include <raptor2.h>
#include <stddef.h>

#include "buf.h"

typedef struct yg_nq yg_nq;

/* Escapes terms of `world` (borrowed; it must outlive the yg_nq). */
yg_nq *yg_nq_new(raptor_world *world);
void yg_nq_free(yg_nq *nq); /* accepts NULL */

/* The escaped forms returned so far may be dropped now: the cache is
 * emptied here when it has grown past its bound (256 KB). */
void yg_nq_begin(yg_nq *nq);

/* The escaped form of the IRI iri ("<...>"), valid until the next
 * yg_nq_begin; NULL when raptor cannot make the term.  The caller checks
 * the IRI first (raptor does not). */
const char *yg_nq_iri(yg_nq *nq, const char *iri, size_t *len);
/* The same when iri is in the cache already (so it was checked), else
 * NULL. */
const char *yg_nq_cached(yg_nq *nq, const char *iri, size_t *len);

/* Append the escaped literal text[0..n) with language lang or datatype
 * IRI dt (either may be NULL) to out; 0 when raptor cannot make it. */
int yg_nq_literal(yg_nq *nq, yg_buf *out, const char *text, size_t n, const char *lang, const char *dt);

#endif
