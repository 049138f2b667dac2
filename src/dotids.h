/* dotids.h — a cgraph ID discipline that numbers objects in creation order.
 *
 * cgraph's default discipline uses string addresses as IDs and orders
 * subgraphs by them, so agwrite's order changed from run to run.  With
 * sequential IDs, the DOT we write follows the (sorted) order in which
 * write_dot.c creates objects, and two runs diff clean. */
#ifndef YG_DOTIDS_H
#define YG_DOTIDS_H

#include <graphviz/cgraph.h>

/* Pass to agopen(); each root graph gets its own ID table. */
extern Agdisc_t yg_sequential_disc;

#endif
