#include "SheetKernel.h"

#include <stdlib.h>
#include <string.h>

int migplan_isIdentifier(const unsigned char *bytes, long length) {
  if (length < 1 || length > migplan_identifierMaximumLength) return 0;
  for (long i = 0; i < length; i++) {
    unsigned char b = bytes[i];
    if (!((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
          b == '-' || b == '_' || b == '.'))
      return 0;
  }
  return 1;
}

unsigned long long migplan_hash(const unsigned char *bytes, long length) {
  unsigned long long hash = 1469598103934665603ULL;
  for (long i = 0; i < length; i++) hash = (hash ^ bytes[i]) * 1099511628211ULL;
  return hash;
}

static const xmlChar *attributeText(xmlAttrPtr attribute) {
  xmlNodePtr child = attribute->children;
  if (child == NULL) return (const xmlChar *)"";
  if (child->type != XML_TEXT_NODE || child->next != NULL) return NULL;
  return child->content;
}

static int nameIs(const xmlChar *name, const xmlChar *interned, const char *text) {
  return name == interned || strcmp((const char *)name, text) == 0;
}

/* The index of `value` among `names`; -1 when none. The first byte rules
   out most candidates before a comparison. */
static int indexOf(const xmlChar *value, const char *const *names, int count) {
  const char *text = (const char *)value;
  for (int i = 0; i < count; i++) {
    if (names[i] != NULL && text[0] == names[i][0] && strcmp(text, names[i]) == 0) return i;
  }
  return -1;
}

void migplan_readRequirementAttributes(
    xmlTextReaderPtr reader, const xmlChar *sheetNamespace, const migplan_RequirementNames *names,
    migplan_RequirementAttributes *out) {
  memset(out, 0, sizeof(*out));
  out->classIndex = -1;
  out->statusIndex = -1;
  xmlNodePtr node = xmlTextReaderCurrentNode(reader);
  if (node == NULL || node->type != XML_ELEMENT_NODE) {
    out->unusual = 1;
    return;
  }
  for (xmlAttrPtr attribute = node->properties; attribute != NULL; attribute = attribute->next) {
    if (attribute->ns != NULL) {
      if (xmlStrEqual(attribute->ns->href, sheetNamespace)) out->unusual = 1;
      continue;
    }
    const xmlChar *value = attributeText(attribute);
    if (value == NULL) {
      out->unusual = 1;
      continue;
    }
    const xmlChar *name = attribute->name;
    if (nameIs(name, names->id, "id")) out->id = value;
    else if (nameIs(name, names->requirementClass, "class")) out->requirementClass = value;
    else if (nameIs(name, names->status, "status")) out->status = value;
    else if (nameIs(name, names->date, "date")) out->date = value;
    else out->unusual = 1;
  }
  if (out->requirementClass != NULL)
    out->classIndex = indexOf(out->requirementClass, names->classNames, migplan_requirementClasses);
  if (out->status != NULL)
    out->statusIndex = indexOf(out->status, names->statusNames, migplan_requirementStatuses);
  if (out->id != NULL) {
    long length = (long)strlen((const char *)out->id);
    out->idLength = (int)(length > 0x7fffffff ? 0x7fffffff : length);
    out->idHash = migplan_hash(out->id, length);
    out->idValid = migplan_isIdentifier(out->id, length);
  }
}

void migplan_kernelResetIds(migplan_SheetKernel *k) {
  if (k->lengths != NULL) memset(k->lengths, 0, sizeof(int) * (size_t)k->slots);
  k->used = 0;
  k->arenaUsed = 0;
}

void migplan_kernelFree(migplan_SheetKernel *k) {
  free(k->hashes);
  free(k->starts);
  free(k->lengths);
  free(k->arena);
  k->hashes = NULL;
  k->starts = NULL;
  k->lengths = NULL;
  k->arena = NULL;
  k->slots = 0;
  k->used = 0;
  k->arenaUsed = 0;
  k->arenaCapacity = 0;
}

static int grow(migplan_SheetKernel *k) {
  long slots = k->slots == 0 ? 1024 : k->slots * 2;
  unsigned long long *hashes = calloc((size_t)slots, sizeof(unsigned long long));
  long *starts = calloc((size_t)slots, sizeof(long));
  int *lengths = calloc((size_t)slots, sizeof(int));
  if (hashes == NULL || starts == NULL || lengths == NULL) {
    free(hashes);
    free(starts);
    free(lengths);
    return 0;
  }
  for (long i = 0; i < k->slots; i++) {
    if (k->lengths[i] == 0) continue;
    long j = (long)(k->hashes[i] & (unsigned long long)(slots - 1));
    while (lengths[j] != 0) j = (j + 1) & (slots - 1);
    hashes[j] = k->hashes[i];
    starts[j] = k->starts[i];
    lengths[j] = k->lengths[i];
  }
  free(k->hashes);
  free(k->starts);
  free(k->lengths);
  k->hashes = hashes;
  k->starts = starts;
  k->lengths = lengths;
  k->slots = slots;
  return 1;
}

int migplan_kernelInsertId(
    migplan_SheetKernel *k, const unsigned char *bytes, int length, unsigned long long hash) {
  if (length <= 0) return -1;
  if ((k->used + 1) * 2 > k->slots && !grow(k)) return -1;
  long j = (long)(hash & (unsigned long long)(k->slots - 1));
  while (k->lengths[j] != 0) {
    if (k->hashes[j] == hash && k->lengths[j] == length &&
        memcmp(k->arena + k->starts[j], bytes, (size_t)length) == 0)
      return 0;
    j = (j + 1) & (k->slots - 1);
  }
  if (k->arenaUsed + length > k->arenaCapacity) {
    long capacity = k->arenaCapacity == 0 ? 65536 : k->arenaCapacity * 2;
    while (capacity < k->arenaUsed + length) capacity *= 2;
    unsigned char *arena = realloc(k->arena, (size_t)capacity);
    if (arena == NULL) return -1;
    k->arena = arena;
    k->arenaCapacity = capacity;
  }
  memcpy(k->arena + k->arenaUsed, bytes, (size_t)length);
  k->hashes[j] = hash;
  k->starts[j] = k->arenaUsed;
  k->lengths[j] = length;
  k->arenaUsed += length;
  k->used += 1;
  return 1;
}

long migplan_kernelTakeCount(migplan_SheetKernel *k, int kind, int requirementClass, int status) {
  if (kind < 0 || kind >= migplan_requirementKinds || requirementClass < 0 ||
      requirementClass >= migplan_requirementClasses || status < 0 ||
      status >= migplan_requirementStatuses)
    return 0;
  long count = k->counts[kind][requirementClass][status];
  k->counts[kind][requirementClass][status] = 0;
  return count;
}

int migplan_kernelRead(xmlTextReaderPtr reader, migplan_SheetKernel *k) {
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
    if (node->name == k->function || xmlStrEqual(node->name, (const xmlChar *)"function"))
      kind = migplan_kindFunction;
    else if (node->name == k->form || xmlStrEqual(node->name, (const xmlChar *)"form"))
      kind = migplan_kindForm;
    else return status;
    if (xmlTextReaderIsEmptyElement(reader) != 1) return status;
    migplan_RequirementAttributes a;
    migplan_readRequirementAttributes(reader, k->sheetNamespace, &k->names, &a);
    if (a.unusual || !a.idValid || a.classIndex < 0 || a.statusIndex < 0 || a.date != NULL)
      return status;
    int c = a.classIndex, st = a.statusIndex;
    int plain = (c == migplan_classMandatory && st == migplan_statusImplemented) ||
                (c == migplan_classOptional &&
                 (st == migplan_statusImplemented || st == migplan_statusNotImplemented)) ||
                (c == migplan_classProhibited && st == migplan_statusNotImplemented);
    if (!plain) return status;
    if (migplan_kernelInsertId(k, a.id, a.idLength, a.idHash) != 1) return status;
    k->counts[kind][c][st] += 1;
  }
}
