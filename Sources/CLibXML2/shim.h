#ifndef MIGPLAN_CLIBXML2_SHIM_H
#define MIGPLAN_CLIBXML2_SHIM_H

/* Debian's libxml2 headers pull in the system ICU headers, which clash with
   the ICU module Foundation carries ("'UErrorCode' has different definitions
   in different modules"). migplan never uses libxml2's ICU support. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlschemas.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlwriter.h>

/* libxml2 prints some errors (I/O, encoder) straight to stderr through its
   per-thread generic error function; the parser reports the same problem
   as a structured error, which migplan turns into a diagnostic. */
static inline void migplan_ignoreGenericError(void *context, const char *message, ...) {
  (void)context; (void)message;
}

static inline void migplan_silenceGenericErrors(void) {
  xmlSetGenericErrorFunc(NULL, migplan_ignoreGenericError);
}

/* Whether a DOCTYPE node declares entities or points at an external DTD. */
static inline int migplan_dtdIsDangerous(xmlNodePtr node) {
  if (node == NULL || node->type != XML_DTD_NODE) return 0;
  xmlDtdPtr dtd = (xmlDtdPtr)node;
  if (dtd->ExternalID != NULL || dtd->SystemID != NULL) return 1;
  if (dtd->entities != NULL || dtd->pentities != NULL) return 1;
  return 0;
}

#endif
