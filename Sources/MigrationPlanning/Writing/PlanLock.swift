import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time on a plan: `record`, `baseline save` and `import
/// --force` hold this exclusive lock from before they read the plan until
/// their last file is in place, so the second of two writers applies its
/// change to the first one's result.
///
/// The lock is an `flock` on `.migplan-lock` in the directory that holds
/// the real plan.xml (after symbolic links): two directories whose plan.xml
/// links to one file share it. `import --force` gives the new plan
/// directory every file of the old one as a hard link, this one included,
/// so a writer waiting on the old directory's lock waits on the new one's:
/// it is one file. The lock file is made with plan.xml's read and write
/// bits (and read for everyone), so whoever may write the plan may lock it;
/// it is never followed through a symbolic link. The kernel lets go when
/// the process ends, however it ends.
public final class PlanLock {
  /// The lock file's name.
  public static let fileName = ".migplan-lock"

  /// The lock file's path.
  public let path: String
  private let descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit {
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// The lock file of the plan in `planDirectory`: beside the real
  /// plan.xml. Nil when there is no plan.xml (nothing to lock yet).
  public static func lockPath(planDirectory: String) -> String? {
    guard let resolved = realPath(planDirectory + "/plan.xml") else { return nil }
    return (resolved as NSString).deletingLastPathComponent + "/" + fileName
  }

  /// Takes the lock of the plan in `planDirectory`, waiting at most `wait`
  /// seconds; `waiting` is called once, after a second, so the command can
  /// say why it pauses. Nil when the directory holds no plan.xml: there is
  /// nothing to lock, and the command's loading says what is missing.
  /// - Throws: `.locked` when another writer still holds it; `.cannotCreate`
  ///   when the lock file cannot be made or is not a plain file.
  public static func acquire(
    planDirectory: String, wait: Double, waiting: () -> Void
  ) throws(OutputFailure) -> PlanLock? {
    guard let path = lockPath(planDirectory: planDirectory) else { return nil }
    let descriptor = try openLockFile(path, planDirectory: planDirectory)
    let started = Date()
    var said = false
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        let reason = String(cString: strerror(errno)).lowercased()
        close(descriptor)
        throw failure(planDirectory, "cannot lock \(path): \(reason)")
      }
      let elapsed = Date().timeIntervalSince(started)
      if elapsed >= wait {
        close(descriptor)
        throw OutputFailure(
          .locked,
          Diagnostic(
            .error, .planLocked,
            "another migplan has been writing this plan for \(Int(elapsed.rounded())) s "
              + "(lock \(path)); nothing was written: try again, or wait longer with --wait SECONDS",
            at: SourceLocation(file: planDirectory)))
      }
      if !said && elapsed >= 1 {
        said = true
        waiting()
      }
      usleep(20_000)
    }
    return PlanLock(path: path, descriptor: descriptor)
  }

  /// Opens the lock file without following a link, creating it with
  /// plan.xml's permissions when missing; read and write where allowed
  /// (an exclusive lock over NFS needs a descriptor open for writing),
  /// else read only.
  static func openLockFile(_ path: String, planDirectory: String) throws(OutputFailure) -> Int32 {
    var plan = stat()
    let planMode = stat(planDirectory + "/plan.xml", &plan) == 0 ? plan.st_mode & 0o666 : 0o644
    let flags = O_NOFOLLOW | O_CLOEXEC
    var descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | flags, 0o600)
    if descriptor >= 0 {
      // New: the plan's read and write bits, and read for everyone.
      _ = fchmod(descriptor, planMode | 0o444)
    } else if errno == EEXIST {
      descriptor = open(path, O_RDWR | flags)
      if descriptor < 0 && errno == EACCES { descriptor = open(path, O_RDONLY | flags) }
    }
    guard descriptor >= 0 else {
      let reason =
        errno == ELOOP
        ? "it is a symbolic link" : String(cString: strerror(errno)).lowercased()
      throw failure(planDirectory, "cannot open the plan's lock file \(path): \(reason)")
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw failure(planDirectory, "the plan's lock file \(path) is not a plain file")
    }
    return descriptor
  }

  static func failure(_ planDirectory: String, _ message: String) -> OutputFailure {
    OutputFailure(
      .cannotCreate,
      Diagnostic(.error, .planLock, message, at: SourceLocation(file: planDirectory)))
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
