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

#include <string.h>

/* While one of migplan's own XSDs compiles, the directory it may load from
   (its imports); empty otherwise. (A function-local static: the Swift
   importer does not emit file-scope statics. Only XMLStreamReader.swift
   calls these functions, so there is one copy.) */
static inline char *migplan_schemaDirectoryBuffer(void) {
  static char buffer[4096];
  return buffer;
}
#define migplan_schemaDirectory (migplan_schemaDirectoryBuffer())

/* An external entity loader that loads nothing: no file, no network.
   Installed once before any parse, so even a bug in our option handling
   cannot make libxml2 open a DTD or an external entity. The one exception:
   while migplan compiles one of its own XSDs, local .xsd files in that
   schema's directory. */
static inline xmlParserInputPtr migplan_refuseExternalEntity(
    const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)id;
  size_t length = strlen(migplan_schemaDirectory);
  if (url != NULL && length > 0 && strncmp(url, migplan_schemaDirectory, length) == 0 &&
      strstr(url, "..") == NULL && strlen(url) > 4 &&
      strcmp(url + strlen(url) - 4, ".xsd") == 0) {
    return xmlNewInputFromFile(ctxt, url);
  }
  return NULL;
}

/* Compiles an XSD of migplan's own (imports only from its directory). */
static inline xmlSchemaPtr migplan_compileSchema(const char *path, const char *directory) {
  strncpy(migplan_schemaDirectory, directory, 4095);
  migplan_schemaDirectory[4095] = 0;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path);
  xmlSchemaPtr schema = parser ? xmlSchemaParse(parser) : NULL;
  if (parser) xmlSchemaFreeParserCtxt(parser);
  migplan_schemaDirectory[0] = 0;
  return schema;
}

static inline void migplan_installSafeEntityLoader(void) {
  xmlSetExternalEntityLoader(migplan_refuseExternalEntity);
}

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
