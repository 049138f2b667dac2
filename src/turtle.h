/* turtle.h — one subject's statements in Turtle, as raptor2 writes them.
 *
 * raptor's Turtle serializer keeps every statement in AVL trees of
 * reference-counted nodes and, for each IRI it writes, scans every bucket
 * of its namespace table for a prefix (three quarters of `build -o .ttl`
 * went there).  A yg_ttl takes one subject's statements, sorts them as
 * raptor does (predicate IRI, then IRIs before literals, then the object),
 * drops duplicates, and writes the block raptor 2.0.15 writes: the
 * subject, "\n    ", predicates ("a" for rdf:type) separated by " ;\n    ",
 * objects by ", ", then " .\n\n".  IRIs become prefix:local when a declared
 * namespace is a proper prefix and the rest passes raptor_xml_name_check
 * (XML 1.0), as raptor_new_qname_from_namespace_uri decides; literals and
 * IRIs are escaped as raptor's Turtle writer escapes them, with raptor's
 * own raptor_string_escaped_write and raptor_uri_escaped_write for
 * anything but plain text (tests/unit_turtle.c and tests/identical.sh
 * compare the bytes with raptor's serializer). */
#ifndef YG_TURTLE_H
#define YG_TURTLE_H

#include <raptor2.h>
#include <stddef.h>

#include "buf.h"

typedef struct yg_ttl yg_ttl;

typedef struct {
	const char *prefix, *ns;
} yg_ttl_ns;

/* A writer for the namespaces ns[0..n) (borrowed: they must outlive it),
 * in a raptor world (borrowed) used only to escape what is not plain
 * text.  raptor's own xml: namespace is added, as the serializer's
 * namespace stack has it. */
yg_ttl *yg_ttl_new(raptor_world *world, const yg_ttl_ns *ns, size_t n);
void yg_ttl_free(yg_ttl *t); /* accepts NULL */

/* A statement of the next subject, with predicate p.  The object IRI o
 * and the literal's text are copied; p, lang and dt (either may be NULL)
 * are borrowed until the next yg_ttl_subject (string constants here). */
void yg_ttl_iri(yg_ttl *t, const char *p, const char *o);
void yg_ttl_literal(yg_ttl *t, const char *p, const char *text, const char *lang, const char *dt);

/* Append the block of subject IRI s with the statements given since the
 * last call (nothing when there are none) to out, and forget them.
 * Returns 1 when raptor would have reported an error (a typed literal
 * with an illegal value), else 0; ill-formed UTF-8 in a literal ends the
 * subject's statements there, silently, as in raptor. */
int yg_ttl_subject(yg_ttl *t, const char *s, yg_buf *out);

#endif
