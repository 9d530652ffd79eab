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

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   touch from concurrent code: call it through a function. */
static inline void migplan_xmlFree(void *p) { xmlFree(p); }

static inline const char *migplan_xmlParserVersion(void) { return xmlParserVersion; }

/* An external entity loader that loads nothing: no file, no network.
   Installed once before any parse, so even a bug in our option handling
   cannot make libxml2 open a DTD or an external entity. */
static inline xmlParserInputPtr migplan_refuseExternalEntity(
    const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url; (void)id; (void)ctxt;
  return NULL;
}

static inline void migplan_installSafeEntityLoader(void) {
  xmlSetExternalEntityLoader(migplan_refuseExternalEntity);
}

/* Whether a DOCTYPE node declares entities or points at an external DTD. */
static inline int migplan_dtdIsDangerous(xmlNodePtr node) {
  if (node == NULL || node->type != XML_DTD_NODE) return 0;
  xmlDtdPtr dtd = (xmlDtdPtr)node;
  if (dtd->ExternalID != NULL || dtd->SystemID != NULL) return 1;
  if (dtd->entities != NULL || dtd->pentities != NULL) return 1;
  return 0;
}

/* Same check on a document's subsets (the reader may hand us the document
   before the DOCTYPE node). */
static inline int migplan_docHasDangerousDTD(xmlDocPtr doc) {
  if (doc == NULL) return 0;
  if (doc->extSubset != NULL) return 1;
  return migplan_dtdIsDangerous((xmlNodePtr)doc->intSubset);
}

#endif
