/// Reads a plan's committed schedule (`committed.xml` beside plan.xml)
/// through the same safe XML reader as every input, and fits it to the plan
/// as it is now. It is never fatal: a file that cannot be used is a warning
/// (`committed-unusable`) and the plan is searched as if it had none; one
/// that names tasks the plan no longer has, or whose plan.xml was changed
/// since (by hand, or a write cut short), is repaired with a warning
/// (`committed-repaired`) that says what was dropped.
public enum CommittedLoader {
  /// The committed schedule of the plan read from `planFile`, fitted to
  /// `plan`; nil when there is none or it cannot be used.
  public static func load(
    planFile: String, plan: Plan, template: StepTemplate, diagnostics: DiagnosticCollector
  ) -> CommittedSchedule? {
    let file = PlanLoader.directory(of: planFile) + "/" + CommittedSchedule.fileName
    guard FileCheck.exists(file) else { return nil }
    let scratch = DiagnosticCollector()
    let read: CommittedSchedule?
    do {
      read = try load(file: file, diagnostics: scratch)
    } catch {
      scratch.emit(error.diagnostic)
      read = nil
    }
    guard let read, !scratch.hasErrors else {
      let first = scratch.sorted.first { $0.severity == .error }
      diagnostics.warning(
        .committedUnusable,
        "the committed schedule cannot be used (\(first?.message ?? "unreadable")): the plan "
          + "is searched as if it had none; the next baseline save or optimize --accept (or, "
          + "up to 300 systems, record) commits a new one",
        at: first?.location ?? SourceLocation(file: file))
      return nil
    }
    let planBytes =
      (try? FileCheck.readBounded(
        planFile, limit: XMLDocumentReader.maximumSize, diagnostics: DiagnosticCollector()))
      ?? nil
    let edited = planBytes.map { CommittedSchedule.digest(of: $0) != read.planDigest } ?? true
    return fitted(
      read, to: plan, template: template, edited: edited, file: file,
      diagnostics: diagnostics)
  }

  /// Reads one committed schedule file.
  public static func load(file: String, diagnostics: DiagnosticCollector) throws(InputFailure)
    -> CommittedSchedule?
  {
    try XMLDocumentReader.load(
      path: file, rootName: "committed", namespace: CommittedSchedule.namespace,
      diagnostics: diagnostics
    ) { read($0, diagnostics: diagnostics) }
  }

  /// Reads a committed schedule held in memory; `path` names it.
  public static func load(bytes: [UInt8], path: String, diagnostics: DiagnosticCollector)
    -> CommittedSchedule?
  {
    XMLDocumentReader.load(
      bytes: bytes, path: path, rootName: "committed", namespace: CommittedSchedule.namespace,
      diagnostics: diagnostics
    ) { read($0, diagnostics: diagnostics) }
  }

  static func read(_ root: XMLElementNode, diagnostics: DiagnosticCollector)
    -> CommittedSchedule?
  {
    let fields = ElementFields(
      root, attributes: ["asOf", "plan"], children: ["task"], diagnostics: diagnostics)
    let asOf = fields.date("asOf")
    let digest = fields.required("plan")
    if let digest, digest.utf8.count != 16 || !digest.utf8.allSatisfy(Self.isHexDigit) {
      diagnostics.error(
        .badIdentifier, "'\(digest)' is not a plan digest (16 hexadecimal digits)",
        at: root.location(of: "plan"))
    }
    let nodes = root.children("task")
    if nodes.count > CommittedSchedule.maximumTasks {
      diagnostics.error(
        .fileTooLarge,
        "more than \(CommittedSchedule.maximumTasks) tasks: no plan has that many",
        at: root.location)
      return nil
    }
    var tasks: [CommittedSchedule.Task] = []
    var ids = DuplicateCheck("task")
    for node in nodes {
      let taskFields = ElementFields(
        node, attributes: ["id", "start"], children: [], diagnostics: diagnostics)
      guard let id = taskFields.required("id"), let start = taskFields.date("start") else {
        continue
      }
      let parts = id.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, parts.allSatisfy({ ElementFields.isIdentifier(String($0)) }) else {
        diagnostics.error(
          .badIdentifier, "'\(id)' is not a task id (SYSTEM/STEP)", at: node.location(of: "id"))
        continue
      }
      guard ids.insert(id, at: node.location(of: "id"), diagnostics: diagnostics) else {
        continue
      }
      tasks.append(CommittedSchedule.Task(id: id, start: start))
    }
    guard let asOf, let digest else { return nil }
    return CommittedSchedule(asOf: asOf, planDigest: digest, tasks: tasks)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }

  /// The committed tasks the plan still has as planned steps. Tasks of
  /// systems or steps it no longer has are dropped with a warning; so is
  /// the whole file's trust when plan.xml was edited since (`edited`): the
  /// repair then starts from what is left, and says so.
  public static func fitted(
    _ committed: CommittedSchedule, to plan: Plan, template: StepTemplate, edited: Bool,
    file: String, diagnostics: DiagnosticCollector
  ) -> CommittedSchedule {
    let steps = Set(template.steps.map(\.id))
    var systems: [String: LocalSystem] = [:]
    for system in plan.systems { systems[system.id] = system }
    var kept: [CommittedSchedule.Task] = []
    var dropped: [String] = []
    for task in committed.tasks {
      let parts = task.id.split(separator: "/").map(String.init)
      guard parts.count == 2, let system = systems[parts[0]], steps.contains(parts[1]) else {
        dropped.append(task.id)
        continue
      }
      // A step recorded since is a fact now: nothing to keep.
      if !system.isFact(parts[1]) { kept.append(task) }
    }
    let keptIds = Set(kept.map(\.id))
    var added = 0
    for system in plan.systems {
      for step in template.steps
      where !system.isFact(step.id) && !keptIds.contains(system.id + "/" + step.id) {
        added += 1
      }
    }
    if edited || !dropped.isEmpty {
      var parts: [String] = []
      if edited { parts.append("plan.xml was changed since the schedule was committed") }
      if !dropped.isEmpty {
        let shown = dropped.prefix(5).joined(separator: ", ")
        parts.append(
          "\(dropped.count) task\(dropped.count == 1 ? "" : "s") the plan no longer has "
            + "\(dropped.count == 1 ? "was" : "were") dropped (\(shown)"
            + (dropped.count > 5 ? ", …)" : ")"))
      }
      if added > 0 {
        parts.append(
          "\(added) planned task\(added == 1 ? "" : "s") it did not hold \(added == 1 ? "is" : "are") placed by a search"
        )
      }
      diagnostics.warning(
        .committedRepaired,
        parts.joined(separator: "; ")
          + ": the committed schedule is repaired to the plan as it is; the next record, "
          + "baseline save or optimize --accept commits the result",
        at: SourceLocation(file: file))
    }
    var fitted = committed
    fitted.tasks = kept
    return fitted
  }
}

extension LocalSystem {
  /// Whether step `id` is recorded done or in progress (a fact, not part
  /// of a committed order).
  func isFact(_ id: String) -> Bool {
    switch record(id)?.status {
    case .done?, .inProgress?: true
    default: false
    }
  }
}
