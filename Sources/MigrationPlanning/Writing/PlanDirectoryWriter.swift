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
/// (baselines/, notes, later the committed schedule) is kept, hard-linked
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
  ///     errors) for the plan to replace the target.
  /// - Throws: `OutputFailure`: `.cannotCreate` when the target is not a
  ///   plan or a file or a rename fails, `.internal` when the plan does not
  ///   read back clean.
  public static func write(
    _ files: [String: String], to target: String, check: DiagnosticCollector,
    readBack: (String) -> Bool
  ) throws(OutputFailure) {
    let existed = FileCheck.exists(target)
    if existed && !FileCheck.exists(target + "/plan.xml") {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, "output-not-plan",
          "exists and is not a plan directory (no plan.xml); import replaces plans only: "
            + "give another -o", at: SourceLocation(file: target)))
    }
    let url = URL(fileURLWithPath: target)
    let parent = url.deletingLastPathComponent().path
    try AtomicFile.makeDirectory(parent)
    AtomicFile.removeStaleTemporaries(in: parent)
    let staging =
      parent + "/." + url.lastPathComponent + AtomicFile.marker + "import-\(getpid())"
    let fileManager = FileManager.default
    try? fileManager.removeItem(atPath: staging)
    do {
      try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
    } catch {
      throw .unwritable(target, "cannot create a directory beside it in \(parent)")
    }
    do throws(OutputFailure) {
      for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try AtomicFile.write(text, to: staging + "/" + name)
      }
      guard readBack(staging), !check.hasErrors else {
        throw OutputFailure(
          .internal,
          Diagnostic(
            .error, "internal",
            "the generated plan does not read back clean; nothing was written. "
              + "This is migplan's fault: please report it with the table attached",
            at: SourceLocation(file: target)))
      }
      if existed {
        try keep(from: target, into: staging, except: Set(files.keys))
        try swap(staging, target)
        // The old directory is now at the staging path.
        try? fileManager.removeItem(atPath: staging)
      } else if rename(staging, target) != 0 {
        throw AtomicFile.failure(target, errno)
      }
    } catch {
      try? fileManager.removeItem(atPath: staging)
      throw error
    }
    AtomicFile.syncDirectory(parent)
  }

  /// Links every entry of `old` but `written` (and temporaries) into `new`,
  /// directories recreated, files hard-linked (their bytes are not copied).
  static func keep(from old: String, into new: String, except written: Set<String>)
    throws(OutputFailure)
  {
    let fileManager = FileManager.default
    let names = (try? fileManager.contentsOfDirectory(atPath: old)) ?? []
    for name in names.sorted() where !written.contains(name) && !name.contains(AtomicFile.marker) {
      let source = old + "/" + name
      let destination = new + "/" + name
      var info = stat()
      guard lstat(source, &info) == 0 else { continue }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        guard mkdir(destination, info.st_mode & 0o7777) == 0 else {
          throw AtomicFile.failure(destination, errno)
        }
        try keep(from: source, into: destination, except: [])
      } else if link(source, destination) != 0 {
        // Another file system, or links refused: a copy.
        do {
          try fileManager.copyItem(atPath: source, toPath: destination)
        } catch {
          throw .unwritable(source, "cannot keep this file of the old plan")
        }
      }
    }
  }

  /// Exchanges two directories in one step; where the system cannot, two
  /// renames (with a moment between them).
  static func swap(_ staging: String, _ target: String) throws(OutputFailure) {
    if migplan_exchange(staging, target) == 0 { return }
    guard errno == ENOSYS || errno == EINVAL else { throw AtomicFile.failure(target, errno) }
    let old = staging + "-old"
    guard rename(target, old) == 0 else { throw AtomicFile.failure(target, errno) }
    guard rename(staging, target) == 0 else {
      let code = errno
      _ = rename(old, target)
      throw AtomicFile.failure(target, code)
    }
    guard rename(old, staging) == 0 else { throw AtomicFile.failure(target, errno) }
  }
}
