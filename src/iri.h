/* iri.h — stable identifiers.
 *
 * An entity's IRI comes from its type and a canonical key, never from
 * counters or input order, so the same entity gets the same IRI in every
 * article, every run and every shard. */
#ifndef YG_IRI_H
#define YG_IRI_H

#include <stddef.h>

#define YG_DEFAULT_BASE "https://w3id.org/ytegraph/id/"
#define YG_ONTOLOGY_NS "https://w3id.org/ytegraph/ontology#"

/* ASCII slug of a label: Vietnamese letters lose their marks (đ → d),
 * runs of anything else become one '-', lower case, at most 80 bytes, a
 * short hash appended when letters were lost or the text was cut.  Never
 * empty.  Caller frees. */
char *yg_slug(const char *s, size_t n);

/* Is `iri` an absolute IRI safe to hand to raptor2 (scheme, no spaces,
 * no <>"{}|\^` or controls)? */
int yg_iri_valid(const char *iri);

/* Is `base` usable as --base: a valid IRI ending in '/' or '#'? */
int yg_base_valid(const char *base);

#endif
