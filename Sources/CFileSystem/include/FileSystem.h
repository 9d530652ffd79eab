#ifndef MIGPLAN_FILESYSTEM_H
#define MIGPLAN_FILESYSTEM_H

/// Swaps the directory entries `a` and `b` in one step (Linux
/// renameat2 RENAME_EXCHANGE), so that a reader finds one or the other at
/// each path, never neither. Returns 0, or -1 with errno (ENOSYS or EINVAL
/// where the system or the file system cannot).
int migplan_exchange(const char *a, const char *b);

#endif
