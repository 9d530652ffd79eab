// The system calls Swift's Glibc module does not declare: glibc hides
// renameat2 behind _GNU_SOURCE.
#define _GNU_SOURCE
#include "FileSystem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

static int rename_with(const char *a, const char *b, unsigned int flags) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return renameat2(AT_FDCWD, a, AT_FDCWD, b, flags);
#else
  (void)a;
  (void)b;
  (void)flags;
  errno = ENOSYS;
  return -1;
#endif
}

int migplan_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return rename_with(a, b, RENAME_EXCHANGE);
#else
  return rename_with(a, b, 0);
#endif
}

int migplan_rename_noreplace(const char *from, const char *to) {
#if defined(__linux__) && defined(RENAME_NOREPLACE)
  return rename_with(from, to, RENAME_NOREPLACE);
#else
  return rename_with(from, to, 0);
#endif
}
