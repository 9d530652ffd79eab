#ifndef MIGPLAN_INFLATE_H
#define MIGPLAN_INFLATE_H

/// A pull reader of one ZIP member (stored or deflated), with limits:
/// libxml2 pulls the inflated bytes through `migplan_inflateRead`, so a
/// part of any size passes through a fixed buffer, never into memory.

typedef struct migplan_Inflater migplan_Inflater;

/// Why a reader stopped early.
enum {
  migplan_inflateOK = 0,
  /// More than `limit` bytes came out.
  migplan_inflateTooLarge = 1,
  /// More than `ratio` times the compressed size came out (past 1 MiB).
  migplan_inflateRatio = 2,
  /// The deflate stream is corrupt, or ends early.
  migplan_inflateCorrupt = 3,
  /// The file could not be read.
  migplan_inflateIO = 4,
  /// A compression method other than stored (0) or deflate (8).
  migplan_inflateMethod = 5,
};

/// A reader of the `compressed` bytes at `offset` of the open file `fd`
/// (not closed by the reader). NULL when out of memory.
migplan_Inflater *migplan_inflateOpen(int fd, long long offset, long long compressed, int method,
                                      long long limit, long long ratio);

/// Up to `length` inflated bytes into `buffer`: the count, 0 at the end,
/// -1 on a stop (see `migplan_inflateStatus`). libxml2's read callback.
int migplan_inflateRead(void *reader, char *buffer, int length);

/// libxml2's close callback: does nothing (the owner frees the reader).
int migplan_inflateClose(void *reader);

/// Why the reader stopped (`migplan_inflateOK` while it has not).
int migplan_inflateStatus(const migplan_Inflater *reader);

/// The bytes inflated so far.
long long migplan_inflateProduced(const migplan_Inflater *reader);

/// Frees the reader.
void migplan_inflateFree(migplan_Inflater *reader);

/// Whether `needle` occurs in the member's inflated bytes: 1, 0, or -1 on a
/// stop (the status is left in `*status`). Reads the whole member.
int migplan_inflateContains(int fd, long long offset, long long compressed, int method,
                            long long limit, long long ratio, const char *needle, int *status);

#endif
