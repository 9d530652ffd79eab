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
/// - a FIFO or a character device (a named pipe, `/dev/null`) is written
///   into, never renamed over; `/dev/stdout`, `/dev/stderr` and `/dev/fd/N`
///   are the descriptors the shell made;
/// - temporary files are named `.NAME.migplan-PID-N.tmp`; the next write of
///   a locked plan removes a killed writer's, any other write those of
///   this user's dead processes after `staleAge`.
public enum AtomicFile {
  /// Writes `bytes` to `path` by the rules above. A failure leaves what was
  /// at `path` untouched. `exclusive`: the caller holds the plan's lock, so
  /// every other temporary file of this name is a dead writer's.
  public static func write(_ bytes: [UInt8], to path: String, exclusive: Bool = false)
    throws(OutputFailure)
  {
    guard !path.isEmpty else { throw .unwritable(path, "") }
    // Standard output and error by name, and every path that is no regular
    // file (a FIFO, a device, a link to one): written into as they are.
    if let descriptor = standardDescriptor(path) {
      try writeAll(bytes, to: descriptor, shownAs: path)
      return
    }
    var existing = stat()
    if stat(path, &existing) == 0 {
      switch existing.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFIFO, S_IFCHR:
        try writeInto(bytes, path: path)
        return
      case S_IFDIR: throw .unwritable(path, "is a directory")
      default: throw .unwritable(path, "is not a regular file, a FIFO or a character device")
      }
      try requireKeepable(existing, path: path)
    } else {
      existing = stat()
    }
    let target = try resolveLinks(path)
    let directory = (target as NSString).deletingLastPathComponent
    let folder = directory.isEmpty ? "." : directory
    guard FileCheck.isDirectory(folder) else {
      throw .unwritable(path, "no such directory: \(folder)")
    }
    let name = (target as NSString).lastPathComponent
    removeStaleTemporaries(in: folder, of: exclusive ? name : nil)
    let replacing = existing.st_ino != 0
    // Private until the mode is set: a replaced file's mode may be 0600.
    let (temporary, descriptor) = try createTemporary(
      for: name, in: folder, mode: replacing ? 0o600 : 0o666, shownAs: path)
    var kept = true
    if replacing {
      // The owner first (fchown clears set-id bits), then the mode.
      kept =
        (existing.st_uid == geteuid() && existing.st_gid == getegid()
          || fchown(descriptor, existing.st_uid, existing.st_gid) == 0)
        && fchmod(descriptor, existing.st_mode & 0o7777) == 0
    }
    do throws(OutputFailure) {
      guard kept else {
        throw OutputFailure(
          .cannotCreate,
          Diagnostic(
            .error, .outputOwner,
            "belongs to \(ownerName(existing)) (owner:group); migplan cannot give the new file "
              + "this owner and group, so nothing was written: run migplan as its owner",
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
    guard !path.isEmpty else { throw .unwritable(path, "") }
    guard !FileCheck.isDirectory(path) else { return }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(path, "cannot create the directory")
    }
  }

  // MARK: The rules

  /// The file a path names after every symbolic link is followed (a
  /// dangling link names the file it would create). As the kernel's
  /// protected_symlinks: a link in a sticky, world-writable directory
  /// (/tmp) is followed only when it is this user's or the directory's
  /// owner's, so nobody can aim another user's output at a victim's file.
  static func resolveLinks(_ path: String) throws(OutputFailure) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      let parent = (current as NSString).deletingLastPathComponent
      var folder = stat()
      if stat(parent.isEmpty ? "." : parent, &folder) == 0,
        folder.st_mode & S_ISVTX != 0 && folder.st_mode & 0o002 != 0,
        info.st_uid != geteuid() && info.st_uid != folder.st_uid
      {
        throw OutputFailure(
          .cannotCreate,
          Diagnostic(
            .error, .outputUnsafeLink,
            "is a symbolic link another user made in a shared directory; migplan does not "
              + "follow it: give another -o", at: SourceLocation(file: path)))
      }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, Int(PATH_MAX))
      guard count > 0 else { throw failure(path, errno) }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : (parent as NSString).appendingPathComponent(link)
    }
    throw .unwritable(path, "too many levels of symbolic links")
  }

  /// The descriptor a path names without a file of its own:
  /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`. Writing
  /// to the descriptor keeps what the shell made of it (a pipe, `>>`).
  static func standardDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        if let number = Int32(path.dropFirst(prefix.count)), number >= 0,
          fcntl(number, F_GETFD) != -1
        {
          return number
        }
      }
      return nil
    }
  }

  /// Refuses a file this writer could replace only by changing what it is:
  /// read-only for everyone (root included), or not writable by this user.
  static func requireKeepable(_ info: stat, path: String) throws(OutputFailure) {
    let mode = String(info.st_mode & 0o777, radix: 8)
    if info.st_mode & 0o222 == 0 {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .outputReadOnly,
          "is read-only (mode \(mode)); nothing was written: make it writable (chmod u+w) to "
            + "change it", at: SourceLocation(file: path)))
    }
    if geteuid() != 0 && access(path, W_OK) != 0 {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .outputReadOnly,
          "is not writable by this user (mode \(mode), owner \(ownerName(info))); nothing was "
            + "written", at: SourceLocation(file: path)))
    }
  }

  /// Writes into a FIFO or a device as it is.
  static func writeInto(_ bytes: [UInt8], path: String) throws(OutputFailure) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, errno) }
    defer { close(descriptor) }
    try writeAll(bytes, to: descriptor, shownAs: path)
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
        .error, .outputUnwritable, "cannot write: \(reason)", at: SourceLocation(file: path)))
  }

  static func ownerName(_ info: stat) -> String {
    let user = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) }
    let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) }
    return (user ?? String(info.st_uid)) + ":" + (group ?? String(info.st_gid))
  }

  // MARK: Temporary files

  /// The marker in every temporary file's name.
  static let marker = ".migplan-"

  /// A new temporary file beside `name`, created exclusively with `mode`
  /// (before the umask).
  static func createTemporary(
    for name: String, in directory: String, mode: mode_t, shownAs path: String
  ) throws(OutputFailure) -> (String, Int32) {
    for _ in 0..<100 {
      let number = UInt32.random(in: 0...UInt32.max)
      let temporary = directory + "/." + name + marker + "\(getpid())-\(number).tmp"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if descriptor >= 0 { return (temporary, descriptor) }
      if errno != EEXIST { throw failure(path, errno) }
    }
    throw .unwritable(path, "cannot create a temporary file in \(directory)")
  }

  /// How old a dead process's temporary file must be before a write that
  /// does not hold the plan's lock removes it (a process of another PID
  /// namespace looks dead from here).
  static let staleAge: TimeInterval = 600

  /// Removes this user's `.NAME.migplan-PID-….tmp` files (and
  /// `.NAME.migplan-import-PID` staging directories) whose process no
  /// longer runs and that are older than `staleAge`. With `name`, the
  /// caller holds the plan's lock: every temporary of that name but this
  /// process's is a dead writer's, whatever its age.
  public static func removeStaleTemporaries(in directory: String, of name: String? = nil) {
    guard let handle = opendir(directory) else { return }
    var stale: [String] = []
    let now = time(nil)
    while let entry = readdir(handle) {
      let entryName = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard entryName.hasPrefix("."), let pid = temporaryOwner(entryName), pid != getpid()
      else { continue }
      var info = stat()
      guard lstat(directory + "/" + entryName, &info) == 0, info.st_uid == geteuid() else {
        continue
      }
      if let name, entryName.hasPrefix("." + name + marker) {
        stale.append(entryName)
      } else if kill(pid, 0) != 0 && errno == ESRCH
        && TimeInterval(now - info.st_mtim.tv_sec) > staleAge
      {
        stale.append(entryName)
      }
    }
    closedir(handle)
    for entryName in stale {
      let path = directory + "/" + entryName
      if entryName.hasSuffix(".tmp") {
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
