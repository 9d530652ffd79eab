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

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to
   touch from concurrent code: call it through a function. */
static inline void migplan_xmlFree(void *p) { xmlFree(p); }

static inline const char *migplan_xmlParserVersion(void) { return xmlParserVersion; }

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

/* The attributes of a spec sheet's <function> or <form>, read straight
   from the reader's current node (no per-attribute reader calls): the
   values of id, class, status and date, or NULL when absent. `unusual` is
   set when anything needs the general, diagnosing path: another attribute
   of no namespace or of the sheet's namespace, or a value that is not a
   single text node. `idValid` tells whether the id is an identifier
   (1-64 of A-Z a-z 0-9 - _ .), and `idHash` is its FNV-1a hash. */
typedef struct {
  const xmlChar *id, *requirementClass, *status, *date;
  /* 0 mandatory, 1 optional, 2 prohibited; -1 absent or unknown. */
  int classIndex;
  /* 0 implemented, 1 planned, 2 deferred, 3 not-implemented; -1 otherwise. */
  int statusIndex;
  int unusual;
  int idValid;
  int idLength;
  unsigned long long idHash;
} migplan_RequirementAttributes;

static inline const xmlChar *migplan_attributeText(xmlAttrPtr attribute) {
  xmlNodePtr child = attribute->children;
  if (child == NULL) return (const xmlChar *)"";
  if (child->type != XML_TEXT_NODE || child->next != NULL) return NULL;
  return child->content;
}

/* Attribute names as interned in the reader's dictionary: compared by
   pointer first. */
typedef struct {
  const xmlChar *id, *requirementClass, *status, *date;
} migplan_RequirementNames;

static inline int migplan_nameIs(const xmlChar *name, const xmlChar *interned, const char *text) {
  return name == interned || strcmp((const char *)name, text) == 0;
}

static inline void migplan_readRequirementAttributes(
    xmlTextReaderPtr reader, const xmlChar *sheetNamespace, const migplan_RequirementNames *names,
    migplan_RequirementAttributes *out) {
  memset(out, 0, sizeof(*out));
  xmlNodePtr node = xmlTextReaderCurrentNode(reader);
  if (node == NULL || node->type != XML_ELEMENT_NODE) { out->unusual = 1; return; }
  for (xmlAttrPtr attribute = node->properties; attribute != NULL; attribute = attribute->next) {
    if (attribute->ns != NULL) {
      if (xmlStrEqual(attribute->ns->href, sheetNamespace)) out->unusual = 1;
      continue;
    }
    const xmlChar *value = migplan_attributeText(attribute);
    if (value == NULL) { out->unusual = 1; continue; }
    const xmlChar *name = attribute->name;
    if (migplan_nameIs(name, names->id, "id")) out->id = value;
    else if (migplan_nameIs(name, names->requirementClass, "class")) out->requirementClass = value;
    else if (migplan_nameIs(name, names->status, "status")) out->status = value;
    else if (migplan_nameIs(name, names->date, "date")) out->date = value;
    else out->unusual = 1;
  }
  out->classIndex = -1;
  out->statusIndex = -1;
  /* The first letter tells the candidate; one comparison confirms it. */
  if (out->requirementClass != NULL) {
    const char *c = (const char *)out->requirementClass;
    switch (c[0]) {
    case 'm': if (strcmp(c, "mandatory") == 0) out->classIndex = 0; break;
    case 'o': if (strcmp(c, "optional") == 0) out->classIndex = 1; break;
    case 'p': if (strcmp(c, "prohibited") == 0) out->classIndex = 2; break;
    }
  }
  if (out->status != NULL) {
    const char *c = (const char *)out->status;
    switch (c[0]) {
    case 'i': if (strcmp(c, "implemented") == 0) out->statusIndex = 0; break;
    case 'p': if (strcmp(c, "planned") == 0) out->statusIndex = 1; break;
    case 'd': if (strcmp(c, "deferred") == 0) out->statusIndex = 2; break;
    case 'n': if (strcmp(c, "not-implemented") == 0) out->statusIndex = 3; break;
    }
  }
  if (out->id != NULL) {
    unsigned long long hash = 1469598103934665603ULL;
    int length = 0, valid = 1;
    for (const xmlChar *c = out->id; *c; c++, length++) {
      unsigned char b = *c;
      hash = (hash ^ b) * 1099511628211ULL;
      if (!((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
            b == '-' || b == '_' || b == '.')) valid = 0;
    }
    out->idHash = hash;
    out->idLength = length;
    out->idValid = valid && length >= 1 && length <= 64;
  }
}

#endif
