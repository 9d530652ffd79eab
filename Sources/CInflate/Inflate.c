#define _GNU_SOURCE
#include "Inflate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

enum { inputSize = 1 << 16 };

struct migplan_Inflater {
  z_stream stream;
  int fd;
  long long offset;
  long long remaining;  // compressed bytes not yet read from the file
  long long compressed;
  long long produced;
  long long limit;
  long long ratio;
  int method;
  int status;
  int finished;
  int streamReady;
  unsigned char input[inputSize];
};

migplan_Inflater *migplan_inflateOpen(int fd, long long offset, long long compressed, int method,
                                      long long limit, long long ratio) {
  migplan_Inflater *reader = calloc(1, sizeof *reader);
  if (!reader) return NULL;
  reader->fd = fd;
  reader->offset = offset;
  reader->remaining = compressed;
  reader->compressed = compressed;
  reader->limit = limit;
  reader->ratio = ratio;
  reader->method = method;
  if (method == 8) {
    // Raw deflate (no zlib header), as ZIP stores it.
    if (inflateInit2(&reader->stream, -MAX_WBITS) != Z_OK) {
      free(reader);
      return NULL;
    }
    reader->streamReady = 1;
  } else if (method != 0) {
    reader->status = migplan_inflateMethod;
  }
  return reader;
}

/// Reads up to `size` compressed bytes into `into`; -1 on an error.
static long long readCompressed(migplan_Inflater *reader, unsigned char *into, long long size) {
  if (size > reader->remaining) size = reader->remaining;
  long long done = 0;
  while (done < size) {
    ssize_t got = pread(reader->fd, into + done, (size_t)(size - done), (off_t)reader->offset);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    done += got;
    reader->offset += got;
    reader->remaining -= got;
  }
  return done;
}

/// The compressed bytes inflate has taken so far (not the size the
/// directory declares, which a bomb may inflate).
static long long consumed(const migplan_Inflater *reader) {
  return reader->compressed - reader->remaining - (long long)reader->stream.avail_in;
}

/// Applies the limits to `count` more bytes out; 0 when they pass.
static int overLimits(migplan_Inflater *reader, long long count) {
  long long produced = reader->produced + count;
  if (produced > reader->limit) return migplan_inflateTooLarge;
  long long taken = reader->method == 8 ? consumed(reader) : produced;
  if (produced > (1LL << 20) && produced / reader->ratio >= taken + 1) return migplan_inflateRatio;
  return 0;
}

int migplan_inflateRead(void *context, char *buffer, int length) {
  migplan_Inflater *reader = context;
  if (reader->status != migplan_inflateOK) return -1;
  if (reader->finished || length <= 0) return 0;
  if (reader->method == 0) {
    long long got = readCompressed(reader, (unsigned char *)buffer, length);
    if (got < 0) {
      reader->status = migplan_inflateIO;
      return -1;
    }
    if (got == 0) reader->finished = 1;
    int stop = overLimits(reader, got);
    if (stop) {
      reader->status = stop;
      return -1;
    }
    reader->produced += got;
    return (int)got;
  }
  z_stream *stream = &reader->stream;
  stream->next_out = (unsigned char *)buffer;
  stream->avail_out = (unsigned)length;
  while (stream->avail_out == (unsigned)length) {
    if (stream->avail_in == 0 && reader->remaining > 0) {
      long long got = readCompressed(reader, reader->input, inputSize);
      if (got <= 0) {
        reader->status = migplan_inflateIO;
        return -1;
      }
      stream->next_in = reader->input;
      stream->avail_in = (unsigned)got;
    }
    // Called even with no input left: zlib may still hold output from
    // the last call, which filled the caller's buffer mid-match.
    int result = inflate(stream, Z_NO_FLUSH);
    if (result == Z_STREAM_END) {
      reader->finished = 1;
      break;
    }
    if (result == Z_MEM_ERROR) {
      reader->status = migplan_inflateIO;
      return -1;
    }
    if (result == Z_BUF_ERROR && stream->avail_in == 0 && reader->remaining == 0) {
      // No progress possible: the stream ends before its end.
      if (stream->avail_out != (unsigned)length) break;
      reader->status = migplan_inflateCorrupt;
      return -1;
    }
    if (result != Z_OK && result != Z_BUF_ERROR) {
      reader->status = migplan_inflateCorrupt;
      return -1;
    }
  }
  long long count = length - (long long)stream->avail_out;
  int stop = overLimits(reader, count);
  if (stop) {
    reader->status = stop;
    return -1;
  }
  reader->produced += count;
  return (int)count;
}

int migplan_inflateClose(void *reader) {
  (void)reader;
  return 0;
}

int migplan_inflateStatus(const migplan_Inflater *reader) { return reader->status; }

long long migplan_inflateProduced(const migplan_Inflater *reader) { return reader->produced; }

void migplan_inflateFree(migplan_Inflater *reader) {
  if (!reader) return;
  if (reader->streamReady) inflateEnd(&reader->stream);
  free(reader);
}

int migplan_inflateContains(int fd, long long offset, long long compressed, int method,
                            long long limit, long long ratio, const char *needle, int *status) {
  migplan_Inflater *reader = migplan_inflateOpen(fd, offset, compressed, method, limit, ratio);
  if (!reader) {
    *status = migplan_inflateIO;
    return -1;
  }
  size_t needleLength = strlen(needle);
  enum { blockSize = 1 << 16 };
  // The block, after the tail of the one before (a match may straddle).
  char *block = malloc(blockSize + needleLength);
  if (!block) {
    migplan_inflateFree(reader);
    *status = migplan_inflateIO;
    return -1;
  }
  size_t carried = 0;
  int found = 0;
  for (;;) {
    int got = migplan_inflateRead(reader, block + carried, blockSize);
    if (got < 0) {
      found = -1;
      break;
    }
    if (got == 0) break;
    size_t size = carried + (size_t)got;
    if (memmem(block, size, needle, needleLength)) {
      found = 1;
      break;
    }
    carried = size < needleLength - 1 ? size : needleLength - 1;
    memmove(block, block + size - carried, carried);
  }
  *status = reader->status;
  free(block);
  migplan_inflateFree(reader);
  return found;
}
