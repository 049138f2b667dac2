/* iri.h — stable identifiers.
 *
 * An entity's IRI comes from its type and a canonical key, never from
 * counters or input order, so the same entity gets the same IRI in every
 * article, every run and every shard. */
#ifndef YG_IRI_H
#define YG_IRI_H

#include <stddef.h>

#include "buf.h"

#define YG_DEFAULT_BASE "https://w3id.org/ytegraph/id/"
#define YG_ONTOLOGY_NS "https://w3id.org/ytegraph/ontology#"

/* ASCII slug of a label: Vietnamese letters lose their marks (đ → d),
 * runs of anything else become one '-', lower case, at most 80 bytes, a
 * short hash appended when letters were lost or the text was cut.  Never
 * empty.  Caller frees. */
char *yg_slug(const char *s, size_t n);
/* The same, appended to out. */
void yg_slug_into(yg_buf *out, const char *s, size_t n);

/* The IRI of the article with document id `id`: base + "article/" + the
 * id percent-encoded (all but ASCII letters, digits and "-._~"), so that
 * distinct ids are distinct articles ("A B" is A%20B, "a-b" a-b).
 * Caller frees. */
char *yg_article_iri(const char *base, const char *id);

/* The hash that names a membership (subject and organisation IRIs, the
 * role and the date, each NULL for none, and the start only when given):
 * its IRI is the base, "membership/" and the hash in 16 hex digits. */
unsigned long long yg_membership_hash(const char *s, const char *o, const char *role, const char *date,
                                      const char *start);

/* Is `iri` an absolute IRI by RFC 3987 (a scheme; only the characters
 * an IRI may hold: no space, control, C1, noncharacter or <>"{}|\^`;
 * percent-escapes of two hex digits; brackets only around an IP
 * literal host; one "#")?  Everything written as an IRI passes here. */
int yg_iri_valid(const char *iri);

/* url with what an IRI cannot hold percent-encoded, byte by byte (a
 * space, a stray "%", a control, a second "#", a bracket outside the
 * host).  The result may still be invalid (no scheme, a broken host):
 * check it with yg_iri_valid.  Empty when url is not UTF-8.  Caller
 * frees. */
char *yg_iri_repair(const char *url);

/* Is `base` usable as --base: a valid IRI ending in '/' or '#'? */
int yg_base_valid(const char *base);

#endif
