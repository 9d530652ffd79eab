import CFileSystem
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// The pipeline's last stage: files written so that a reader never sees
/// half of one, and a file stays what it was (docs/reference/record.md,
/// "How migplan writes a file"):
///
/// - a regular file is replaced by a temporary file beside it, synced, then
///   renamed over it; it keeps its owner, group and mode, or nothing is
///   written (`output-owner`, `output-read-only`);
/// - a symbolic link is written through to its target, in the target's
///   directory, and stays a link;
/// - a FIFO or a character device (`/dev/stdout`, a named pipe) is written
///   into, never renamed over;
/// - temporary files are named `.NAME.migplan-PID-N.tmp`; those of
///   processes that no longer run are removed by the next write there.
public enum AtomicFile {
  /// Writes `bytes` to `path` by the rules above. A failure leaves what was
  /// at `path` untouched.
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputFailure) {
    let target = try resolveLinks(path)
    var existing = stat()
    if stat(target, &existing) == 0 {
      switch existing.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFIFO, S_IFCHR:
        try writeInto(bytes, path: target, shownAs: path)
        return
      case S_IFDIR: throw .unwritable(path, "is a directory")
      default: throw .unwritable(path, "is not a regular file, a FIFO or a character device")
      }
      try requireKeepable(existing, path: path)
    }
    let directory = (target as NSString).deletingLastPathComponent
    let folder = directory.isEmpty ? "." : directory
    guard FileCheck.isDirectory(folder) else {
      throw .unwritable(path, "no such directory: \(folder)")
    }
    let name = (target as NSString).lastPathComponent
    removeStaleTemporaries(in: folder)
    let (temporary, descriptor) = try createTemporary(for: name, in: folder, shownAs: path)
    var kept = true
    if existing.st_ino != 0 {
      // The mode first (the umask narrowed it), then the owner: fchown
      // clears set-id bits, so the mode again after it.
      kept =
        fchmod(descriptor, existing.st_mode & 0o7777) == 0
        && (existing.st_uid == geteuid() && existing.st_gid == getegid()
          || fchown(descriptor, existing.st_uid, existing.st_gid) == 0)
        && fchmod(descriptor, existing.st_mode & 0o7777) == 0
    }
    do throws(OutputFailure) {
      guard kept else {
        throw OutputFailure(
          .cannotCreate,
          Diagnostic(
            .error, "output-owner",
            "belongs to \(ownerName(existing)) (owner:group); migplan cannot keep them, so "
              + "nothing was written: run migplan as its owner",
            at: SourceLocation(file: path)))
      }
      try writeAll(bytes, to: descriptor, shownAs: path)
      guard fsync(descriptor) == 0 else { throw failure(path, errno) }
      guard close(descriptor) == 0 else { throw failure(path, errno) }
      guard rename(temporary, target) == 0 else { throw failure(path, errno) }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    syncDirectory(folder)
  }

  /// Writes `text` as UTF-8 to `path` by the same rules.
  public static func write(_ text: String, to path: String) throws(OutputFailure) {
    try write(Array(text.utf8), to: path)
  }

  /// Creates the directory `path` and its parents when missing.
  public static func makeDirectory(_ path: String) throws(OutputFailure) {
    guard !FileCheck.isDirectory(path) else { return }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(path, "cannot create the directory")
    }
  }

  // MARK: The rules

  /// The file a path names after every symbolic link is followed (a
  /// dangling link names the file it would create).
  static func resolveLinks(_ path: String) throws(OutputFailure) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, Int(PATH_MAX))
      guard count > 0 else { throw failure(path, errno) }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        link.hasPrefix("/")
        ? link
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(link)
    }
    throw .unwritable(path, "too many levels of symbolic links")
  }

  /// Refuses a file this writer could replace only by changing what it is:
  /// read-only for everyone (root included), or not writable by this user.
  static func requireKeepable(_ info: stat, path: String) throws(OutputFailure) {
    let writable: Bool
    if geteuid() == 0 {
      writable = info.st_mode & 0o222 != 0
    } else {
      writable = access(path, W_OK) == 0
    }
    guard writable else {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, "output-read-only",
          "is read-only (mode \(String(info.st_mode & 0o777, radix: 8))); nothing was written: "
            + "make it writable (chmod u+w) to change it", at: SourceLocation(file: path)))
    }
  }

  /// Writes into a FIFO or a device as it is, from its start.
  static func writeInto(_ bytes: [UInt8], path: String, shownAs shown: String)
    throws(OutputFailure)
  {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(shown, errno) }
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor, shownAs: shown)
  }

  /// Every byte to `descriptor`, or the reason it could not take them.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, shownAs path: String)
    throws(OutputFailure)
  {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path, errno)
      }
      offset += written
    }
  }

  /// A failure of the system, in its words (`no space left on device`).
  public static func failure(_ path: String, _ code: Int32) -> OutputFailure {
    let reason = String(cString: strerror(code)).lowercased()
    return OutputFailure(
      code == EPIPE ? .closedPipe : .cannotCreate,
      Diagnostic(
        .error, "output-unwritable", "cannot write: \(reason)", at: SourceLocation(file: path)))
  }

  static func ownerName(_ info: stat) -> String {
    let user = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) }
    let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) }
    return (user ?? String(info.st_uid)) + ":" + (group ?? String(info.st_gid))
  }

  // MARK: Temporary files

  /// The marker in every temporary file's name.
  static let marker = ".migplan-"

  nonisolated(unsafe) private static var counter = 0
  private static let counterLock = NSLock()

  /// A new temporary file beside `name`, created exclusively (mode 0600
  /// until the writer sets the final one).
  static func createTemporary(for name: String, in directory: String, shownAs path: String)
    throws(OutputFailure) -> (String, Int32)
  {
    for _ in 0..<100 {
      let number = counterLock.withLock {
        counter += 1
        return counter
      }
      let temporary = directory + "/." + name + marker + "\(getpid())-\(number).tmp"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (temporary, descriptor) }
      if errno != EEXIST { throw failure(path, errno) }
    }
    throw .unwritable(path, "cannot create a temporary file in \(directory)")
  }

  /// Removes `.NAME.migplan-PID-….tmp` files (and `.import-PID` staging
  /// directories) whose process no longer runs.
  public static func removeStaleTemporaries(in directory: String) {
    guard let handle = opendir(directory) else { return }
    var stale: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name.hasPrefix("."), let pid = temporaryOwner(name), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
    }
    closedir(handle)
    for name in stale {
      let path = directory + "/" + name
      if name.hasSuffix(".tmp") {
        unlink(path)
      } else {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
  }

  /// The process id in a temporary name: `.x.migplan-123-4.tmp`,
  /// `.x.migplan-import-123`, `.x.migplan-old-123`.
  static func temporaryOwner(_ name: String) -> pid_t? {
    guard let range = name.range(of: marker, options: .backwards) else { return nil }
    var rest = name[range.upperBound...]
    if rest.hasSuffix(".tmp") {
      rest = rest.dropLast(4)
      guard let dash = rest.firstIndex(of: "-") else { return nil }
      rest = rest[..<dash]
    } else if let dash = rest.lastIndex(of: "-"),
      ["import", "old"].contains(String(rest[..<dash]))
    {
      rest = rest[rest.index(after: dash)...]
    } else {
      return nil
    }
    return pid_t(rest).flatMap { $0 > 0 ? $0 : nil }
  }

  /// Makes a rename in `directory` durable.
  static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
