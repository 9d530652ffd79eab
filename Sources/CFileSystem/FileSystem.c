// The one system call Swift's Glibc module does not declare: glibc hides
// renameat2 behind _GNU_SOURCE.
#define _GNU_SOURCE
#include "FileSystem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int migplan_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
  (void)a;
  (void)b;
  errno = ENOSYS;
  return -1;
#endif
}
