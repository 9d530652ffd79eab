/// `migplan record` as a use case of the core: a typed request and the plan
/// as it is go in; the new bytes, the plan read back from them and the
/// warnings the record brings come out. The command line only parses,
/// locks, writes and maps failures to exit codes.
///
/// Nothing is invented: every change is resolved against the plan (systems
/// by id or name, vendors by id or company name), written by
/// `PlanRecorder`, and the plan read back from the new bytes must hold every
/// change, or the record is refused.
public enum PlanRecording {
  /// What to record.
  public struct Request {
    /// Steps of one system with a status (`record SYSTEM STEP… --status`).
    public var steps: StepRecording?
    /// A later as-of date (`--set-as-of`).
    public var setAsOf: CivilDate?
    /// A mistaken as-of date moved back (`--correct-as-of`).
    public var correctAsOf: CivilDate?
    /// A system's 特定移行支援 deadline (nil date: remove it).
    public var tokutei: (system: String, deadline: CivilDate?)?
    /// The staff capacity.
    public var staffCapacity: Int?
    /// Vendor capacities, by vendor id or company name.
    public var vendorCapacities: [(vendor: String, capacity: Int)] = []
    /// The PMO survey's rows and the file they came from.
    public var sheet: (records: AnySequence<[CSVCell]>, path: String)?
    /// The official 特定移行支援 list's rows and its file; with
    /// `clearUnlisted`, systems marked before but not on it are unmarked.
    public var tokuteiList: (records: AnySequence<[CSVCell]>, path: String)?
    /// Unmark systems the list does not mark.
    public var clearUnlisted = false
    /// Today (Japan): the plan's `recorded` date, and the latest as-of
    /// allowed unless `allowFuture`.
    public var today: CivilDate
    /// Accept an as-of after today.
    public var allowFuture = false

    /// A request recorded on `today`.
    public init(today: CivilDate) { self.today = today }
  }

  /// What a record did.
  public struct Outcome: Sendable {
    /// The plan file's new bytes.
    public var bytes: [UInt8]
    /// The plan read back from them.
    public var plan: Plan
    /// Warnings of the new plan that the old one did not have.
    public var warnings: [Diagnostic]
    /// Steps whose record changed (a step recorded as it was is not
    /// counted).
    public var steps: Int
    /// Whether the as-of date changed.
    public var asOfChanged: Bool
    /// Whether the staff capacity changed.
    public var staffChanged: Bool
    /// Whether a 特定移行支援 deadline or mark changed.
    public var tokuteiChanged: Bool
    /// Systems the 特定移行支援 list newly marked (ids).
    public var tokuteiMarked: [String] = []
    /// Systems marked before that the list does not mark (ids): kept,
    /// with a warning, unless `clearUnlisted` unmarked them.
    public var tokuteiUnlisted: [String] = []
    /// How many vendor capacities changed.
    public var vendorCapacities: Int
  }

  /// Why a record was refused; its diagnostics say where.
  public enum Failure: Error {
    /// The request does not fit the plan (64: an option, 65: a sheet).
    case refused(usage: Bool)
    /// The plan would be invalid after it (65).
    case invalidResult
    /// The new bytes do not hold what was asked: migplan's fault (70).
    case notApplied
  }

  /// Records `request` into the plan `inputs` were loaded from, whose text
  /// is `source` at `path`.
  /// - Parameters:
  ///   - request: what to record.
  ///   - source: the plan file's text, to edit.
  ///   - path: the plan file, for locations.
  ///   - inputs: the catalog and the plan, as loaded.
  ///   - known: the warnings of the plan before the record, which the
  ///     outcome leaves out.
  ///   - diagnostics: errors of the request (refused) or of the new plan
  ///     (invalid result); warnings about what was given.
  /// - Returns: the new bytes, the plan read back and what changed.
  /// - Throws: `Failure`: refused, an invalid result, or changes the new
  ///   bytes would not hold.
  public static func record(
    _ request: Request, source: PlanSource, path: String, inputs: ValidatedInputs,
    known: [Diagnostic], diagnostics: DiagnosticCollector
  ) throws(Failure) -> Outcome {
    let plan = inputs.plan
    let catalog = inputs.catalog
    var changes: [PlanChange] = []
    let asOf = try newAsOf(request, plan: plan, path: path, diagnostics: diagnostics)
    if let asOf, asOf != plan.asOf { changes.append(.asOf(asOf)) }
    if let day = request.correctAsOf {
      changes += correction(plan, to: day, path: path, diagnostics: diagnostics)
    }
    let effectiveAsOf = asOf ?? plan.asOf
    if let steps = request.steps,
      let made = steps.changes(
        plan: plan, catalog: catalog, asOf: effectiveAsOf, diagnostics: diagnostics)
    {
      changes += made.map { .step($0) }
      warnDaysOff(
        steps, system: made.first?.system, calendar: catalog.calendar, plan: plan,
        diagnostics: diagnostics)
    }
    changes += capacityAndDeadlineChanges(request, plan: plan, diagnostics: diagnostics)
    // The plan as of the new date (earlier than its own after a
    // correction), which the sheet's assumed dates end on.
    var planThen = plan
    planThen.asOf = effectiveAsOf
    if let sheet = request.sheet,
      let steps = ProgressSheet(catalog: catalog, plan: planThen)
        .changes(sheet.records, path: sheet.path, asOf: effectiveAsOf, diagnostics: diagnostics)
    {
      changes += steps.map { .step($0) }
    }
    let listed = listMarks(request, plan: plan, catalog: catalog, diagnostics: diagnostics)
    changes += listed.changes
    if diagnostics.hasErrors {
      throw .refused(usage: request.sheet == nil && request.tokuteiList == nil)
    }
    changes.append(.recorded(request.today))

    let bytes = PlanRecorder.apply(changes, to: source, template: catalog.template)
    let check = DiagnosticCollector()
    guard
      let readBack = PlanLoader.load(bytes: bytes, path: path, catalog: catalog, diagnostics: check)
    else {
      for diagnostic in check.sorted { diagnostics.emit(diagnostic) }
      throw .invalidResult
    }
    let missing = unapplied(changes, in: readBack)
    if !missing.isEmpty {
      diagnostics.error(
        .recordNotApplied,
        "the plan written would not hold " + missing.joined(separator: ", ")
          + "; nothing was recorded. This is migplan's fault: please report it with plan.xml",
        at: SourceLocation(file: path))
      throw .notApplied
    }
    let brought = newWarnings(check.sorted, known: known)
    return Outcome(
      bytes: bytes, plan: readBack, warnings: brought,
      steps: changedSteps(changes, before: plan, after: readBack),
      asOfChanged: readBack.asOf != plan.asOf,
      staffChanged: request.staffCapacity != nil && readBack.staffCapacity != plan.staffCapacity,
      tokuteiChanged: (request.tokutei != nil || request.tokuteiList != nil)
        && (readBack.systems.map(\.tokuteiDeadline) != plan.systems.map(\.tokuteiDeadline)
          || readBack.systems.map(\.isTokutei) != plan.systems.map(\.isTokutei)),
      tokuteiMarked: listed.marked, tokuteiUnlisted: listed.unlisted,
      vendorCapacities: zip(plan.vendors, readBack.vendors).filter {
        $0.capacity != $1.capacity
      }.count)
  }

  /// What the 特定移行支援 list of the request changes (nothing without
  /// one); a deadline set in the same record wins over the list.
  static func listMarks(
    _ request: Request, plan: Plan, catalog: Catalog, diagnostics: DiagnosticCollector
  ) -> TokuteiMarks {
    guard let list = request.tokuteiList,
      let sheet = TokuteiListSheet.read(
        list.records, path: list.path, catalog: catalog, diagnostics: diagnostics)
    else { return TokuteiMarks() }
    let explicit = request.tokutei.flatMap { tokutei in
      plan.system(tokutei.system)?.id
        ?? plan.systems.first { NameKey.normalize($0.name) == NameKey.normalize(tokutei.system) }?
        .id
    }
    return TokuteiMarks(
      sheet, plan: plan, catalog: catalog, clearUnlisted: request.clearUnlisted,
      explicit: explicit, diagnostics: diagnostics)
  }

  /// The new plan's warnings, less those it had before (as a multiset of
  /// id and message: a record moves lines, so locations are left out).
  static func newWarnings(_ after: [Diagnostic], known: [Diagnostic]) -> [Diagnostic] {
    var before: [String: Int] = [:]
    for warning in known where warning.severity == .warning {
      before[warning.id + "\u{0}" + warning.message, default: 0] += 1
    }
    var brought: [Diagnostic] = []
    for warning in after where warning.severity == .warning {
      let key = warning.id + "\u{0}" + warning.message
      if let count = before[key], count > 0 {
        before[key] = count - 1
      } else {
        brought.append(warning)
      }
    }
    return brought
  }

  /// The 特定移行支援 deadline, staff and vendor capacities a request sets,
  /// each checked.
  static func capacityAndDeadlineChanges(
    _ request: Request, plan: Plan, diagnostics: DiagnosticCollector
  ) -> [PlanChange] {
    var changes: [PlanChange] = []
    if let tokutei = request.tokutei,
      let system = StepRecording.resolveSystem(tokutei.system, in: plan, diagnostics: diagnostics)
    {
      if let deadline = tokutei.deadline, !deadline.isSupported {
        diagnostics.error(
          .dateOutOfRange, "\(deadline.iso) is out of range: \(CivilDate.supportedText)",
          at: system.location)
      }
      changes.append(.tokuteiDeadline(system: system.id, tokutei.deadline))
    }
    if let staff = request.staffCapacity {
      if !PlanLoader.staffCapacityRange.contains(staff) {
        diagnostics.error(
          .badCapacity,
          "a staff capacity runs from \(PlanLoader.staffCapacityRange.lowerBound) to "
            + "\(PlanLoader.staffCapacityRange.upperBound), not \(staff)", at: plan.location)
      }
      changes.append(.staffCapacity(staff))
    }
    for (text, capacity) in request.vendorCapacities {
      guard let vendor = vendor(text, in: plan, diagnostics: diagnostics) else { continue }
      changes.append(.vendorCapacity(vendor: vendor.id, capacity))
    }
    return changes
  }

  // MARK: The as-of date

  /// The plan's as-of date after `--set-as-of`: never backwards, never
  /// after today unless allowed.
  static func newAsOf(
    _ request: Request, plan: Plan, path: String, diagnostics: DiagnosticCollector
  ) throws(Failure) -> CivilDate? {
    if let day = request.correctAsOf {
      if day > request.today && !request.allowFuture {
        diagnostics.error(
          .asOfFuture,
          "--correct-as-of \(day.iso) is after today (\(request.today.iso)); give "
            + "--allow-future if you mean it", at: plan.location)
        throw .refused(usage: true)
      }
      guard request.setAsOf == nil else {
        diagnostics.error(
          .asOfBackwards, "give --set-as-of or --correct-as-of, not both",
          at: SourceLocation(file: path))
        throw .refused(usage: true)
      }
      return day
    }
    guard let day = request.setAsOf else { return nil }
    if day < plan.asOf {
      diagnostics.error(
        .asOfBackwards,
        "--set-as-of \(day.iso) is before the plan's as-of date \(plan.asOf.iso): facts after "
          + "it are already recorded; if \(plan.asOf.iso) was a mistake, move it back with "
          + "--correct-as-of \(day.iso)", at: plan.location)
      throw .refused(usage: true)
    }
    if day > request.today && !request.allowFuture {
      diagnostics.error(
        .asOfFuture,
        "--set-as-of \(day.iso) is after today (\(request.today.iso)): progress is recorded as "
          + "of a day that has come; give --allow-future if you mean it", at: plan.location)
      throw .refused(usage: true)
    }
    return day
  }

  /// The changes that move a mistaken as-of date back to `day`: refused
  /// when a recorded fact follows it; dates only assumed after it (laid by
  /// import or a sheet) move back with it.
  static func correction(
    _ plan: Plan, to day: CivilDate, path: String, diagnostics: DiagnosticCollector
  ) -> [PlanChange] {
    var facts: [String] = []
    var moved: [PlanChange] = []
    for system in plan.systems {
      for step in system.steps where step.status == .done || step.status == .inProgress {
        let lateStart = step.start.map { $0 > day } ?? false
        let lateEnd = step.status == .done && (step.end.map { $0 > day.adding(days: 1) } ?? false)
        guard lateStart || lateEnd else { continue }
        guard step.datesAssumed else {
          let date = lateStart ? step.start : step.end?.adding(days: -1)
          facts.append(
            "\(system.id) \(step.step) (\(step.status.rawValue), "
              + "\(lateStart ? "started" : "ended") \(date?.iso ?? "?"), line \(step.location.line))"
          )
          continue
        }
        var start = step.start.map { min($0, day) }
        var end = step.end
        if step.status == .done, let last = end, last > day.adding(days: 1) {
          end = day.adding(days: 1)
        }
        if let first = start, let last = end, last <= first { start = last.adding(days: -1) }
        moved.append(
          .step(
            StepChange(
              system: system.id, step: step.step, status: step.status, start: start, end: end,
              datesAssumed: true)))
      }
    }
    if !facts.isEmpty {
      diagnostics.error(
        .asOfBackwards,
        "--correct-as-of \(day.iso): recorded facts follow it: " + facts.joined(separator: "; ")
          + "; record them again (record SYSTEM STEP --status …) or correct to a later day",
        at: plan.location)
    } else if day > plan.asOf {
      diagnostics.error(
        .asOfBackwards,
        "--correct-as-of moves the as-of date back; \(day.iso) is after \(plan.asOf.iso): "
          + "use --set-as-of", at: plan.location)
    }
    return moved
  }

  // MARK: Checks

  /// A warning when the plan's as-of date is after today (a typed year):
  /// `check` says how to move it back.
  public static func checkAsOf(_ plan: Plan, today: CivilDate, diagnostics: DiagnosticCollector) {
    guard plan.asOf > today else { return }
    diagnostics.warning(
      .asOfFuture,
      "the plan's as-of date \(plan.asOf.iso) is after today (\(today.iso)); if it is a "
        + "mistake, move it back with migplan record --correct-as-of DATE",
      at: plan.location)
  }

  /// A warning for each given day that is not a working day (weekend
  /// cut-overs happen: the date is kept as given).
  static func warnDaysOff(
    _ steps: StepRecording, system: String?, calendar: WorkingCalendar, plan: Plan,
    diagnostics: DiagnosticCollector
  ) {
    let location = system.flatMap { plan.system($0)?.location } ?? plan.location
    for (option, day) in [("--start", steps.start), ("--end", steps.lastDay)] {
      guard let day, !calendar.isWorkingDay(day) else { continue }
      diagnostics.warning(
        .notWorkingDay,
        "\(option) \(day.iso) is not a working day (a weekend or holiday); it is kept as given",
        at: location)
    }
  }

  /// A plan vendor by id or official name (the same company whatever its
  /// legal form is written as).
  static func vendor(_ text: String, in plan: Plan, diagnostics: DiagnosticCollector)
    -> PlanVendor?
  {
    if let vendor = plan.vendors.first(where: {
      $0.id == text || NameKey.sameCompany($0.name, text)
    }) {
      return vendor
    }
    diagnostics.error(
      .unknownVendor,
      "no vendor '\(text)' in the plan; its vendors: "
        + plan.vendors.map(\.id).joined(separator: ", "), at: plan.location)
    return nil
  }

  /// The changes the plan read back does not hold, in words.
  static func unapplied(_ changes: [PlanChange], in plan: Plan) -> [String] {
    // The last change of a step wins, as PlanRecorder writes it (a step a
    // correction moves and the command records again).
    var last: [String: Int] = [:]
    for (index, change) in changes.enumerated() {
      if case .step(let step) = change { last[step.system + "\u{0}" + step.step] = index }
    }
    var missing: [String] = []
    for (index, change) in changes.enumerated() {
      if case .step(let step) = change, last[step.system + "\u{0}" + step.step] != index {
        continue
      }
      switch change {
      case .asOf(let day) where plan.asOf != day: missing.append("as-of \(day.iso)")
      case .recorded(let day) where plan.recorded != day: missing.append("recorded \(day.iso)")
      case .staffCapacity(let value) where plan.staffCapacity != value:
        missing.append("staff capacity \(value)")
      case .vendorCapacity(let vendor, let value) where plan.vendor(vendor)?.capacity != value:
        missing.append("capacity \(value) of \(vendor)")
      case .tokuteiDeadline(let system, let day) where plan.system(system)?.tokuteiDeadline != day:
        missing.append("the 特定移行支援 deadline of \(system)")
      case .tokuteiListed(let system, let isListed)
      where plan.system(system)?.isTokutei != isListed:
        missing.append("the 特定移行支援 mark of \(system)")
      case .step(let step):
        let record = plan.system(step.system)?.record(step.step)
        if record?.status != step.status || record?.start != step.start
          || record?.end != step.end
        {
          missing.append("step \(step.step) of \(step.system)")
        }
      default: break
      }
    }
    return missing
  }

  /// How many steps' records differ between the two plans, among those
  /// changed.
  static func changedSteps(_ changes: [PlanChange], before: Plan, after: Plan) -> Int {
    var seen = Set<String>()
    var count = 0
    for case .step(let step) in changes
    where seen.insert(step.system + "\u{0}" + step.step).inserted {
      let old = before.system(step.system)?.record(step.step)
      let new = after.system(step.system)?.record(step.step)
      if old?.status != new?.status || old?.start != new?.start || old?.end != new?.end
        || old?.datesAssumed != new?.datesAssumed
      {
        count += 1
      }
    }
    return count
  }
}
