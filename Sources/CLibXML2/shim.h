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
#include <stdlib.h>

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

/* The spec-sheet reader's hot loop. A sheet lists tens of thousands of
   <function> and <form> elements, nearly all "plain": empty, attributes
   id, class and status only, and nothing to flag (implemented mandatory or
   optional ones, not-implemented optional or prohibited ones). While
   `active` (inside <requirements>), migplan_kernelRead reads on past plain
   ones, counting them and checking their ids for duplicates, and stops at
   every other node, which Swift then handles as usual (it never consumes a
   node Swift must see). Ids live in an arena with an open-addressing table
   keyed by hash and bytes: exact, and no allocation per id. */
typedef struct {
  int active;
  const xmlChar *sheetNamespace;
  const xmlChar *knownNamespace;
  const xmlChar *function, *form;
  migplan_RequirementNames names;
  /* counts[(kind * 3 + class) * 4 + status] since the last take. */
  long counts[24];
  unsigned long long *hashes;
  long *starts;
  int *lengths;
  long slots, used;
  unsigned char *arena;
  long arenaUsed, arenaCapacity;
} migplan_SheetKernel;

static inline void migplan_kernelResetIds(migplan_SheetKernel *k) {
  if (k->lengths != NULL) memset(k->lengths, 0, sizeof(int) * (size_t)k->slots);
  k->used = 0;
  k->arenaUsed = 0;
}

static inline void migplan_kernelFree(migplan_SheetKernel *k) {
  free(k->hashes); free(k->starts); free(k->lengths); free(k->arena);
  k->hashes = NULL; k->starts = NULL; k->lengths = NULL; k->arena = NULL;
  k->slots = 0; k->used = 0; k->arenaUsed = 0; k->arenaCapacity = 0;
}

static inline int migplan_kernelGrow(migplan_SheetKernel *k) {
  long slots = k->slots == 0 ? 1024 : k->slots * 2;
  unsigned long long *hashes = calloc((size_t)slots, sizeof(unsigned long long));
  long *starts = calloc((size_t)slots, sizeof(long));
  int *lengths = calloc((size_t)slots, sizeof(int));
  if (hashes == NULL || starts == NULL || lengths == NULL) {
    free(hashes); free(starts); free(lengths);
    return 0;
  }
  for (long i = 0; i < k->slots; i++) {
    if (k->lengths[i] == 0) continue;
    long j = (long)(k->hashes[i] & (unsigned long long)(slots - 1));
    while (lengths[j] != 0) j = (j + 1) & (slots - 1);
    hashes[j] = k->hashes[i]; starts[j] = k->starts[i]; lengths[j] = k->lengths[i];
  }
  free(k->hashes); free(k->starts); free(k->lengths);
  k->hashes = hashes; k->starts = starts; k->lengths = lengths; k->slots = slots;
  return 1;
}

/* 1: the id was new (now kept); 0: already seen; -1: out of memory. */
static inline int migplan_kernelInsertId(
    migplan_SheetKernel *k, const unsigned char *bytes, int length, unsigned long long hash) {
  if (length <= 0) return -1;
  if ((k->used + 1) * 2 > k->slots && !migplan_kernelGrow(k)) return -1;
  long j = (long)(hash & (unsigned long long)(k->slots - 1));
  while (k->lengths[j] != 0) {
    if (k->hashes[j] == hash && k->lengths[j] == length &&
        memcmp(k->arena + k->starts[j], bytes, (size_t)length) == 0) return 0;
    j = (j + 1) & (k->slots - 1);
  }
  if (k->arenaUsed + length > k->arenaCapacity) {
    long capacity = k->arenaCapacity == 0 ? 65536 : k->arenaCapacity * 2;
    while (capacity < k->arenaUsed + length) capacity *= 2;
    unsigned char *arena = realloc(k->arena, (size_t)capacity);
    if (arena == NULL) return -1;
    k->arena = arena; k->arenaCapacity = capacity;
  }
  memcpy(k->arena + k->arenaUsed, bytes, (size_t)length);
  k->hashes[j] = hash; k->starts[j] = k->arenaUsed; k->lengths[j] = length;
  k->arenaUsed += length;
  k->used += 1;
  return 1;
}

/* Like xmlTextReaderRead, but reads on past plain requirements. */
static inline int migplan_kernelRead(xmlTextReaderPtr reader, migplan_SheetKernel *k) {
  for (;;) {
    int status = xmlTextReaderRead(reader);
    if (status != 1 || !k->active) return status;
    if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) return status;
    xmlNodePtr node = xmlTextReaderCurrentNode(reader);
    if (node == NULL || node->ns == NULL || node->ns->href == NULL) return status;
    if (node->ns->href != k->knownNamespace) {
      if (!xmlStrEqual(node->ns->href, k->sheetNamespace)) return status;
      k->knownNamespace = node->ns->href;
    }
    int kind;
    if (node->name == k->function || xmlStrEqual(node->name, (const xmlChar *)"function")) kind = 0;
    else if (node->name == k->form || xmlStrEqual(node->name, (const xmlChar *)"form")) kind = 1;
    else return status;
    if (xmlTextReaderIsEmptyElement(reader) != 1) return status;
    migplan_RequirementAttributes a;
    migplan_readRequirementAttributes(reader, k->sheetNamespace, &k->names, &a);
    if (a.unusual || !a.idValid || a.classIndex < 0 || a.statusIndex < 0 || a.date != NULL) return status;
    int c = a.classIndex, st = a.statusIndex;
    int plain = (c == 0 && st == 0) || (c == 1 && (st == 0 || st == 3)) || (c == 2 && st == 3);
    if (!plain) return status;
    if (migplan_kernelInsertId(k, a.id, a.idLength, a.idHash) != 1) return status;
    k->counts[(kind * 3 + c) * 4 + st] += 1;
  }
}

#endif
