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
/// The lock is an `flock` on a file beside the plan directory,
/// `.NAME.migplan-lock` in its parent, keyed by plan.xml's resolved path:
/// two directories whose plan.xml links to one file share it, and `import
/// --force`, which replaces the directory, does not replace the lock. The
/// file is made readable by everyone (an `flock` needs only a read
/// descriptor), so users who may write the plan lock it alike. The kernel
/// lets go when the process ends, however it ends.
public final class PlanLock {
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

  /// The lock file of the plan in `planDirectory`.
  public static func lockPath(planDirectory: String) -> String {
    let planFile = planDirectory + "/plan.xml"
    // The directory that holds the real plan.xml, resolved; else the plan
    // directory itself (a plan yet to be imported).
    let directory: String
    if let resolved = realPath(planFile) {
      directory = (resolved as NSString).deletingLastPathComponent
    } else if let resolved = realPath(planDirectory) {
      directory = resolved
    } else {
      let parent = realPath((planDirectory as NSString).deletingLastPathComponent) ?? "."
      directory = parent + "/" + (planDirectory as NSString).lastPathComponent
    }
    let parent = (directory as NSString).deletingLastPathComponent
    let name = (directory as NSString).lastPathComponent
    return (parent == "/" ? "" : parent) + "/." + name + ".migplan-lock"
  }

  /// Takes the lock of the plan in `planDirectory`, waiting at most `wait`
  /// seconds; `waiting` is called once, after a second, so the command can
  /// say why it pauses.
  /// - Throws: `.locked` when another writer still holds it; `.cannotCreate`
  ///   when the lock file cannot be made.
  public static func acquire(
    planDirectory: String, wait: Double, waiting: () -> Void
  ) throws(OutputFailure) -> PlanLock {
    let path = lockPath(planDirectory: planDirectory)
    let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, "plan-lock",
          "cannot create the plan's lock file \(path): "
            + String(cString: strerror(errno)).lowercased(),
          at: SourceLocation(file: planDirectory)))
    }
    var info = stat()
    if fstat(descriptor, &info) == 0 && info.st_uid == geteuid() {
      _ = fchmod(descriptor, 0o644)
    }
    let started = Date()
    var said = false
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        close(descriptor)
        throw OutputFailure(
          .cannotCreate,
          Diagnostic(
            .error, "plan-lock",
            "cannot lock \(path): " + String(cString: strerror(errno)).lowercased(),
            at: SourceLocation(file: planDirectory)))
      }
      let elapsed = Date().timeIntervalSince(started)
      if elapsed >= wait {
        close(descriptor)
        throw OutputFailure(
          .locked,
          Diagnostic(
            .error, "plan-locked",
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

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
