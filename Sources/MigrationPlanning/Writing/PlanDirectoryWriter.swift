import CFileSystem
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole plan directory (`import`): the files go into a new
/// directory beside the target, the plan is read back with every rule, and
/// only then does it take the target's place, in one exchange of the two
/// directories (renameat2), so that there is no moment without a plan.
/// Every file of the old directory that the import does not write
/// (baselines/, notes) is kept, hard-linked
/// into the new one before the exchange. On any failure nothing changes.
public enum PlanDirectoryWriter {
  /// Writes `files` as the directory `target`.
  ///
  /// - Parameters:
  ///   - files: file names and their text.
  ///   - target: the plan directory to create or replace; an existing one
  ///     must be a plan (hold plan.xml).
  ///   - check: where `readBack` reports what it finds.
  ///   - readBack: loads the staged directory; it must return true (no
  ///     errors) for the plan to replace the target. Files it writes there
  ///     (the committed schedule) replace the old directory's too.
  /// - Throws: `OutputFailure`: `.cannotCreate` when the target is not a
  ///   plan or a file or a rename fails, `.internal` when the plan does not
  ///   read back clean.
  public static func write(
    _ files: [String: String], to target: String, check: DiagnosticCollector,
    readBack: (String) -> Bool
  ) throws(OutputFailure) {
    guard !target.isEmpty else { throw .unwritable(target, "") }
    var old = stat()
    let existed = lstat(target, &old) == 0
    if existed {
      try requirePlan(target, old)
    }
    let url = URL(fileURLWithPath: target)
    let parent = url.deletingLastPathComponent().path
    try AtomicFile.makeDirectory(parent)
    AtomicFile.removeStaleTemporaries(in: parent)
    let staging =
      parent + "/." + url.lastPathComponent + AtomicFile.marker + "import-\(getpid())"
    let fileManager = FileManager.default
    try? fileManager.removeItem(atPath: staging)
    guard mkdir(staging, 0o755) == 0 else {
      throw .unwritable(target, "cannot create a directory beside it in \(parent)")
    }
    do throws(OutputFailure) {
      if existed {
        // The new directory is what the old one was: its mode, owner and
        // group (a group-shared 2775 plan stays shared).
        guard
          old.st_uid == geteuid() && old.st_gid == getegid()
            || chown(staging, old.st_uid, old.st_gid) == 0,
          chmod(staging, old.st_mode & 0o7777) == 0
        else {
          throw OutputFailure(
            .cannotCreate,
            Diagnostic(
              .error, .outputOwner,
              "belongs to \(AtomicFile.ownerName(old)) (owner:group); migplan cannot give the "
                + "new plan directory this owner and group, so nothing was written: run "
                + "migplan as its owner", at: SourceLocation(file: target)))
        }
      }
      for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try AtomicFile.write(text, to: staging + "/" + name)
      }
      guard readBack(staging), !check.hasErrors else {
        throw OutputFailure(
          .internal,
          Diagnostic(
            .error, .internal,
            "the generated plan does not read back clean; nothing was written. "
              + "This is migplan's fault: please report it with the table attached",
            at: SourceLocation(file: target)))
      }
      if existed {
        // What the read-back wrote (the committed schedule) is new too.
        let made = (try? fileManager.contentsOfDirectory(atPath: staging)) ?? []
        try keep(from: target, into: staging, except: Set(files.keys).union(made))
        try swap(staging, target)
        // The old directory is now at the staging path.
        try? fileManager.removeItem(atPath: staging)
      } else if migplan_rename_noreplace(staging, target) != 0 {
        let code = errno
        if code == EEXIST || code == ENOTEMPTY {
          throw OutputFailure(
            .cannotCreate,
            Diagnostic(
              .error, .outputExists,
              "was made by another run meanwhile; nothing was written: use --force to replace it",
              at: SourceLocation(file: target)))
        }
        guard code == ENOSYS || code == EINVAL, rename(staging, target) == 0 else {
          throw AtomicFile.failure(target, code)
        }
      }
    } catch {
      try? fileManager.removeItem(atPath: staging)
      throw error
    }
    AtomicFile.syncDirectory(parent)
  }

  /// Refuses to replace what is not a plan directory (no plan.xml, or not
  /// a directory), and a plan whose plan.xml is a symbolic link: the new
  /// plan would not reach the file it links to.
  static func requirePlan(_ target: String, _ info: stat) throws(OutputFailure) {
    var plan = stat()
    guard (info.st_mode & S_IFMT) == S_IFDIR, lstat(target + "/plan.xml", &plan) == 0 else {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .outputNotPlan,
          "exists and is not a plan directory (no plan.xml); import replaces plans only: "
            + "give another -o", at: SourceLocation(file: target)))
    }
    if (plan.st_mode & S_IFMT) == S_IFLNK {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .outputNotPlan,
          "its plan.xml is a symbolic link, which a new plan directory would not reach; "
            + "nothing was written: import into the directory it links to",
          at: SourceLocation(file: target)))
    }
  }

  /// Links every entry of `old` but `written` (and this tool's temporary
  /// files) into `new`: directories recreated with their mode, files and
  /// links hard-linked (their bytes are not copied; the plan's lock file
  /// stays one file). Any entry that cannot be kept stops the import.
  static func keep(from old: String, into new: String, except written: Set<String>)
    throws(OutputFailure)
  {
    let fileManager = FileManager.default
    let names: [String]
    do {
      names = try fileManager.contentsOfDirectory(atPath: old)
    } catch {
      throw .unwritable(old, "cannot list the old plan directory to keep its files")
    }
    for name in names.sorted() where !written.contains(name) {
      if name.hasPrefix("."), AtomicFile.temporaryOwner(name) != nil { continue }
      let source = old + "/" + name
      let destination = new + "/" + name
      var info = stat()
      guard lstat(source, &info) == 0 else { throw AtomicFile.failure(source, errno) }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        guard mkdir(destination, info.st_mode & 0o7777) == 0 else {
          throw AtomicFile.failure(destination, errno)
        }
        _ = chown(destination, info.st_uid, info.st_gid)
        try keep(from: source, into: destination, except: [])
      } else if link(source, destination) != 0 {
        // Links refused (another file system): a copy.
        do {
          try fileManager.copyItem(atPath: source, toPath: destination)
        } catch {
          throw .unwritable(source, "cannot keep this file of the old plan")
        }
      }
    }
  }

  /// Exchanges two directories in one step; where the system cannot, two
  /// renames, with a moment between them in which the old plan waits at
  /// `.NAME.migplan-old-PID` beside it.
  static func swap(_ staging: String, _ target: String) throws(OutputFailure) {
    if migplan_exchange(staging, target) == 0 { return }
    guard errno == ENOSYS || errno == EINVAL else { throw AtomicFile.failure(target, errno) }
    let url = URL(fileURLWithPath: target)
    let old =
      url.deletingLastPathComponent().path + "/." + url.lastPathComponent + AtomicFile.marker
      + "old-\(getpid())"
    guard rename(target, old) == 0 else { throw AtomicFile.failure(target, errno) }
    guard rename(staging, target) == 0 else {
      let code = errno
      _ = rename(old, target)
      throw AtomicFile.failure(target, code)
    }
    guard rename(old, staging) == 0 else { throw AtomicFile.failure(target, errno) }
  }
}
