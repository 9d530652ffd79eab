import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipeline's last stage: files written so that a reader never sees
/// half of one. A failure leaves what was there untouched.
public enum AtomicFile {
  /// Writes `bytes` to `path`: a temporary file beside it, synced, then
  /// renamed over it (as `sort -o` and `curl -o` replace a file). A file
  /// replaced keeps its permissions.
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputFailure) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    guard FileCheck.isDirectory(directory) else {
      throw .unwritable(path, "no such directory: \(directory)")
    }
    let temporary = directory + "/." + url.lastPathComponent + ".migplan-\(getpid()).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else { throw .unwritable(path, "cannot write in \(directory)") }
    var existing = stat()
    if stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
      _ = chmod(temporary, existing.st_mode & 0o7777)
    }
    do {
      try handle.write(contentsOf: Data(bytes))
      try handle.synchronize()
      try handle.close()
      if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw .unwritable(path, "cannot write the file")
    }
  }

  /// Writes `text` as UTF-8 to `path`, atomically.
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
}

/// Writes a whole plan directory (`import`): the files go into a new
/// directory beside the target, the plan is read back with every rule, and
/// only then is it swapped in with renames. The target's `baselines/` are
/// kept. On any failure nothing changes.
public enum PlanDirectoryWriter {
  /// Writes `files` as the directory `target`.
  ///
  /// - Parameters:
  ///   - files: file names and their text.
  ///   - target: the plan directory to create or replace.
  ///   - check: where `readBack` reports what it finds.
  ///   - readBack: loads the staged directory; it must return true (no
  ///     errors) for the plan to replace the target.
  /// - Throws: `OutputFailure`: `.cannotCreate` when a file or a rename
  ///   fails, `.internal` when the plan does not read back clean.
  public static func write(
    _ files: [String: String], to target: String, check: DiagnosticCollector,
    readBack: (String) -> Bool
  ) throws(OutputFailure) {
    let fileManager = FileManager.default
    let url = URL(fileURLWithPath: target)
    let parent = url.deletingLastPathComponent().path
    try AtomicFile.makeDirectory(parent)
    let staging = parent + "/." + url.lastPathComponent + ".import-\(getpid())"
    let backup = parent + "/." + url.lastPathComponent + ".old-\(getpid())"
    do {
      try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
      for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + name), options: .atomic)
      }
    } catch {
      try? fileManager.removeItem(atPath: staging)
      throw .unwritable(target, "cannot write the plan directory")
    }
    guard readBack(staging), !check.hasErrors else {
      try? fileManager.removeItem(atPath: staging)
      throw OutputFailure(
        .internal,
        Diagnostic(
          .error, "internal",
          "the generated plan does not read back clean; nothing was written. "
            + "This is migplan's fault: please report it with the table attached",
          at: SourceLocation(file: target)))
    }
    let existed = FileCheck.exists(target)
    // A re-import keeps the plan's baselines.
    let baselines = target + "/" + Baseline.folder
    let keptBaselines = staging + "/" + Baseline.folder
    let movedBaselines = existed && FileCheck.exists(baselines)
    if movedBaselines && rename(baselines, keptBaselines) != 0 {
      try? fileManager.removeItem(atPath: staging)
      throw .unwritable(target, "cannot keep the plan's baselines")
    }
    if existed && rename(target, backup) != 0 {
      if movedBaselines { _ = rename(keptBaselines, baselines) }
      try? fileManager.removeItem(atPath: staging)
      throw .unwritable(target, "cannot replace the existing directory")
    }
    if rename(staging, target) != 0 {
      if existed { _ = rename(backup, target) }
      if movedBaselines { _ = rename(keptBaselines, baselines) }
      try? fileManager.removeItem(atPath: staging)
      throw .unwritable(target, "cannot write the plan directory")
    }
    if existed { try? fileManager.removeItem(atPath: backup) }
  }
}
