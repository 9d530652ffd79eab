#ifndef MIGPLAN_SHEET_KERNEL_H
#define MIGPLAN_SHEET_KERNEL_H

/* The spec-sheet reader's hot loop, in C: it reads past the "plain"
   requirements of a vendor spec sheet (tens of thousands of <function> and
   <form> elements) without a Swift call or an allocation per element.
   Swift (SpecSheetReader.swift) handles every other node.

   This header is the one definition of what the kernel and Swift share:
   - the order of requirement kinds, classes and statuses (the order of the
     Swift enums' cases; their names are handed over at setup, so the names
     live in Swift alone), and the layout of the counts;
   - the identifier rule (1-64 of A-Z a-z 0-9 - _ .);
   - the hash of requirement ids (64-bit FNV-1a). */

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED /* see CLibXML2/shim.h */
#include <libxml/xmlreader.h>

/* The indices of kinds, classes and statuses: in the counts, in
   `migplan_RequirementNames`, in `migplan_RequirementAttributes`. Swift maps
   each of its enum cases to one of these (`kernelIndex`), never by the
   cases' order. */
enum {
  migplan_kindFunction = 0,
  migplan_kindForm = 1,
  migplan_requirementKinds = 2,

  migplan_classMandatory = 0,
  migplan_classOptional = 1,
  migplan_classProhibited = 2,
  migplan_requirementClasses = 3,

  migplan_statusImplemented = 0,
  migplan_statusPlanned = 1,
  migplan_statusDeferred = 2,
  migplan_statusNotImplemented = 3,
  migplan_requirementStatuses = 4,

  migplan_identifierMaximumLength = 64
};

/* Whether `bytes` is an identifier: 1 to 64 of A-Z a-z 0-9 - _ . */
int migplan_isIdentifier(const unsigned char *bytes, long length);

/* The 64-bit FNV-1a hash of `bytes`. */
unsigned long long migplan_hash(const unsigned char *bytes, long length);

/* What the kernel compares against: the attribute names as interned in
   the reader's dictionary (compared by pointer first), and the names of
   the classes and statuses, each at its index above. */
typedef struct {
  const xmlChar *id, *requirementClass, *status, *date;
  const char *classNames[migplan_requirementClasses];
  const char *statusNames[migplan_requirementStatuses];
} migplan_RequirementNames;

/* The attributes of a <function> or <form>, read straight from the
   reader's current node: the values of id, class, status and date, or NULL
   when absent. `unusual` is set when anything needs the general,
   diagnosing path: another attribute of no namespace or of the sheet's
   namespace, or a value that is not a single text node. */
typedef struct {
  const xmlChar *id, *requirementClass, *status, *date;
  /* Index in the order above; -1 when absent or unknown. */
  int classIndex;
  int statusIndex;
  int unusual;
  int idValid;
  int idLength;
  unsigned long long idHash;
} migplan_RequirementAttributes;

void migplan_readRequirementAttributes(
    xmlTextReaderPtr reader, const xmlChar *sheetNamespace, const migplan_RequirementNames *names,
    migplan_RequirementAttributes *out);

/* The kernel's state. While `active` (inside <requirements>),
   migplan_kernelRead reads on past plain requirements (empty; attributes
   id, class and status only; implemented mandatory or optional ones,
   not-implemented optional or prohibited ones), counting them and checking
   their ids for duplicates, and stops at every other node. Ids live in an
   arena with an open-addressing table keyed by hash and bytes. */
typedef struct {
  int active;
  const xmlChar *sheetNamespace;
  const xmlChar *knownNamespace;
  const xmlChar *function, *form;
  migplan_RequirementNames names;
  long counts[migplan_requirementKinds][migplan_requirementClasses][migplan_requirementStatuses];
  unsigned long long *hashes;
  long *starts;
  int *lengths;
  long slots, used;
  unsigned char *arena;
  long arenaUsed, arenaCapacity;
} migplan_SheetKernel;

/* Like xmlTextReaderRead, but reads on past plain requirements. */
int migplan_kernelRead(xmlTextReaderPtr reader, migplan_SheetKernel *kernel);

/* The plain requirements counted since the last take, for one kind, class
   and status; the count is reset. */
long migplan_kernelTakeCount(migplan_SheetKernel *kernel, int kind, int requirementClass, int status);

/* 1: the id was new (now kept); 0: already seen; -1: out of memory. */
int migplan_kernelInsertId(
    migplan_SheetKernel *kernel, const unsigned char *bytes, int length, unsigned long long hash);

/* Forgets the ids (a new set of requirements begins). */
void migplan_kernelResetIds(migplan_SheetKernel *kernel);

void migplan_kernelFree(migplan_SheetKernel *kernel);

#endif
