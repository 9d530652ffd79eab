#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Commits a schedule: writes `committed.xml` beside a plan's plan.xml,
/// with the digest of the plan.xml it was made from, in one atomic
/// replacement. The caller holds the plan's lock (or writes into a
/// directory no one else sees yet, as `import` does).
public enum PlanCommitter {
  /// The most systems a plan without a committed schedule may have for
  /// `import` and `record` to search and commit one as they write: beyond,
  /// a first search takes minutes (a vendor serving hundreds of systems in
  /// turn), so such a plan is committed by the commands that schedule it
  /// anyway (`baseline save`, `optimize --accept`), and repaired from then.
  public static let searchOnWriteLimit = 300

  /// Whether `import` and `record` commit `plan` as they write it: it has
  /// a committed schedule to repair, or it is small enough to search.
  public static func commitsOnWrite(_ plan: Plan) -> Bool {
    plan.committed != nil || plan.systems.count <= searchOnWriteLimit
  }

  /// The committed schedule file of a plan directory.
  public static func path(planDirectory: String) -> String {
    planDirectory + "/" + CommittedSchedule.fileName
  }

  /// Commits `schedule`, the schedule of the plan now in `planDirectory`.
  /// - Returns: what was committed.
  @discardableResult
  public static func commit(_ schedule: MigrationSchedule, planDirectory: String)
    throws(OutputFailure) -> CommittedSchedule
  {
    let planFile = planDirectory + "/" + PlanLoader.fileName
    let scratch = DiagnosticCollector()
    let bytes: [UInt8]?
    do {
      bytes = try FileCheck.readBounded(
        planFile, limit: XMLDocumentReader.maximumSize, diagnostics: scratch)
    } catch {
      throw .unwritable(planFile, "cannot read plan.xml back to commit its schedule")
    }
    guard let bytes else {
      throw .unwritable(planFile, "cannot read plan.xml back to commit its schedule")
    }
    let committed = CommittedSchedule(
      schedule: schedule, planDigest: CommittedSchedule.digest(of: bytes))
    let file = path(planDirectory: planDirectory)
    // Read back as every input is: its dates in range, or it is not kept.
    if let last = schedule.tasks.map(\.end).max(), !last.isSupported {
      throw OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .dateOutOfRange,
          "the schedule runs to \(last.iso), past \(CivilDate.supported.upperBound.iso); it was "
            + "not committed: check the plan's capacities", at: SourceLocation(file: file)))
    }
    // migplan's own file: a link, a FIFO or a device in its place is
    // replaced, never written through or into.
    var info = stat()
    if lstat(file, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      guard (info.st_mode & S_IFMT) != S_IFDIR, unlink(file) == 0 else {
        throw .unwritable(file, "is not a regular file and cannot be replaced")
      }
    }
    try AtomicFile.write(Array(CommittedWriter.xml(committed).utf8), to: file, exclusive: true)
    return committed
  }

  /// The committed schedule a plan directory holds now, read for a plan
  /// about to replace it (`import --force`): nil when there is none or it
  /// cannot be used.
  public static func previous(planDirectory: String) -> CommittedSchedule? {
    let file = path(planDirectory: planDirectory)
    guard FileCheck.exists(file) else { return nil }
    return try? CommittedLoader.load(file: file, diagnostics: DiagnosticCollector())
  }
}
