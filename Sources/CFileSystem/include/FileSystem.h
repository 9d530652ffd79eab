#ifndef MIGPLAN_FILESYSTEM_H
#define MIGPLAN_FILESYSTEM_H

/// Swaps the directory entries `a` and `b` in one step (Linux
/// renameat2 RENAME_EXCHANGE), so that a reader finds one or the other at
/// each path, never neither. Returns 0, or -1 with errno (ENOSYS or EINVAL
/// where the system or the file system cannot).
int migplan_exchange(const char *a, const char *b);

/// Renames `from` to `to` unless `to` exists (renameat2 RENAME_NOREPLACE):
/// -1 with errno EEXIST then; ENOSYS or EINVAL where it cannot be asked.
int migplan_rename_noreplace(const char *from, const char *to);

#endif
