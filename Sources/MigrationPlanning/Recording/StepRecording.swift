/// What `migplan record SYSTEM STEP… --status …` asks for, resolved against
/// a plan into step changes, or refused with located errors (nothing is
/// written then).
///
/// Dates follow what people say: `lastDay` is the last working day
/// ("finished on the 29th"); the plan file keeps the day after it.
public struct StepRecording: Sendable {
  /// The system, by id or name.
  public var system: String
  /// Step ids (`13.1`), groups (`13`) or ranges (`13.1-14.2`).
  public var selections: [String]
  /// The status to record.
  public var status: StepStatus
  /// The first working day, when given.
  public var start: CivilDate?
  /// The last working day (inclusive).
  public var lastDay: CivilDate?

  /// A recording of `selections` (ids, groups or ranges) of `system`.
  public init(
    system: String, selections: [String], status: StepStatus, start: CivilDate?,
    lastDay: CivilDate?
  ) {
    self.system = system
    self.selections = selections
    self.status = status
    self.start = start
    self.lastDay = lastDay
  }

  /// The changes, or nil with errors in `diagnostics`. `asOf` is the plan's
  /// status date after this record (a `--set-as-of` in the same command
  /// counts).
  public func changes(
    plan: Plan, catalog: Catalog, asOf: CivilDate, diagnostics: DiagnosticCollector
  ) -> [StepChange]? {
    let errorsBefore = diagnostics.errorCount
    guard let system = Self.resolveSystem(self.system, in: plan, diagnostics: diagnostics) else {
      return nil
    }
    let at = system.location
    let steps = selectedSteps(catalog.template, at: at, diagnostics: diagnostics)
    let end = lastDay.map { $0.adding(days: 1) }
    checkDates(asOf: asOf, at: at, diagnostics: diagnostics)
    guard diagnostics.errorCount == errorsBefore, !steps.isEmpty else { return nil }

    switch status {
    case .notStarted, .notApplicable:
      return steps.map { StepChange(system: system.id, step: $0.id, status: status) }
    case .done, .inProgress:
      if steps.count == 1, let step = steps.first {
        return oneStep(step, of: system, end: end, diagnostics: diagnostics).map { [$0] }
      }
      // A group or range: --start and --end bound the whole; the steps are
      // laid in template order within it, and their dates are assumed.
      guard let start else {
        diagnostics.error(
          .missingDate, "\(steps.count) steps need --start (the first working day of the first)",
          at: at)
        return nil
      }
      guard let end else {
        if status == .done {
          diagnostics.error(
            .missingDate, "done steps need --end, the last working day of the last", at: at)
          return nil
        }
        return steps.map {
          StepChange(system: system.id, step: $0.id, status: status, start: start)
        }
      }
      let spans = Self.lay(
        steps, from: start, to: end, method: system.procurement, calendar: catalog.calendar)
      return zip(steps, spans).map { step, span in
        StepChange(
          system: system.id, step: step.id, status: status, start: span.start, end: span.end,
          datesAssumed: true)
      }
    }
  }

  /// The selected steps, each once, in template order.
  func selectedSteps(_ template: StepTemplate, at: SourceLocation, diagnostics: DiagnosticCollector)
    -> [StepDefinition]
  {
    var steps: [StepDefinition] = []
    for selection in selections {
      guard
        let chosen = StepSelection.resolve(
          selection, template: template, at: at, diagnostics: diagnostics)
      else { continue }
      for step in chosen where !steps.contains(where: { $0.id == step.id }) { steps.append(step) }
    }
    let order = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    steps.sort { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
    return steps
  }

  /// The dates given must fit the status and the as-of date.
  func checkDates(asOf: CivilDate, at: SourceLocation, diagnostics: DiagnosticCollector) {
    switch status {
    case .notStarted, .notApplicable:
      if start != nil || lastDay != nil {
        diagnostics.error(
          .recordDates,
          "a step that is \(status.rawValue) has no dates: leave out --start and --end", at: at)
      }
    case .done, .inProgress:
      if let start, start > asOf {
        diagnostics.error(
          .dateAfterAsOf,
          "--start \(start.iso) is after the plan's as-of date \(asOf.iso); "
            + "move it first with --set-as-of, or record the step as not-started", at: at)
      }
      if status == .done, let lastDay, lastDay > asOf {
        diagnostics.error(
          .dateAfterAsOf,
          "a done step cannot end after the as-of date \(asOf.iso) (--end \(lastDay.iso)); "
            + "record it in-progress with its expected end, or move the as-of date with --set-as-of",
          at: at)
      }
      if let start, let lastDay, lastDay < start {
        diagnostics.error(
          .badDateOrder, "--end \(lastDay.iso) is before --start \(start.iso)", at: at)
      }
    }
  }

  /// One step's change: the dates as given, else as recorded before.
  /// Dates that were assumed stay so only when none is given now.
  func oneStep(
    _ step: StepDefinition, of system: LocalSystem, end: CivilDate?,
    diagnostics: DiagnosticCollector
  ) -> StepChange? {
    let at = system.location
    let before = system.record(step.id)
    let start = self.start ?? before?.start
    let end = end ?? (status == .inProgress ? before?.end : nil)
    let assumed = before?.datesAssumed == true && self.start == nil && lastDay == nil
    guard let start else {
      diagnostics.error(
        .missingDate,
        "step \(step.id) of '\(system.id)' needs --start (its first working day)",
        at: system.location)
      return nil
    }
    if status == .done && end == nil {
      diagnostics.error(
        .missingDate,
        "a done step needs --end, its last working day (step \(step.id) of '\(system.id)')",
        at: at)
      return nil
    }
    if let end, end <= start {
      if self.start == nil, let before {
        // The start is the plan's, not the user's: say where it came
        // from, and whether anyone ever said it.
        diagnostics.error(
          .badDateOrder,
          "--end \(end.adding(days: -1).iso) is before the start \(start.iso) that plan.xml "
            + (before.datesAssumed
              ? "assumed for step \(step.id) (laid by an import or a sheet, not recorded)"
              : "records for step \(step.id)")
            + "; give the real first day with --start", at: before.location)
      } else {
        diagnostics.error(
          .badDateOrder,
          "--end is the last working day, on or after --start \(start.iso)", at: at)
      }
      return nil
    }
    return StepChange(
      system: system.id, step: step.id, status: status, start: start, end: end,
      datesAssumed: assumed)
  }

  /// Steps laid back to back in template order between `from` and `to`
  /// (exclusive), each a share of the working days by its template
  /// duration, and at least one working day (so they overlap when the span
  /// has fewer working days than steps).
  /// - Complexity: O(d + s) for d days in the span and s steps.
  public static func lay(
    _ steps: [StepDefinition], from: CivilDate, to: CivilDate, method: ProcurementMethod,
    calendar: WorkingCalendar
  ) -> [(start: CivilDate, end: CivilDate)] {
    var days: [CivilDate] = []
    var day = from
    while day < to {
      if calendar.isWorkingDay(day) { days.append(day) }
      day = day.adding(days: 1)
    }
    if days.isEmpty { days = [from] }
    let weights = steps.map { max($0.duration(for: method), 1) }
    let total = weights.reduce(0, +)
    var spans: [(start: CivilDate, end: CivilDate)] = []
    var cumulative = 0
    for (index, weight) in weights.enumerated() {
      var first = days.count * cumulative / total
      cumulative += weight
      var last = days.count * cumulative / total
      if index == 0 { first = 0 }
      if index == weights.count - 1 { last = days.count }
      first = min(first, days.count - 1)
      last = max(last, first + 1)
      let start = index == 0 ? from : days[first]
      let end = index == weights.count - 1 ? to : days[last - 1].adding(days: 1)
      spans.append((start, max(end, start.adding(days: 1))))
    }
    return spans
  }

  /// A system by id or name, or an error that suggests the nearest.
  public static func resolveSystem(
    _ text: String, in plan: Plan, diagnostics: DiagnosticCollector
  ) -> LocalSystem? {
    if let system = plan.systems.first(where: { $0.id == text || $0.name == text }) {
      return system
    }
    var best: (String, Int)?
    for system in plan.systems {
      for candidate in [system.id, system.name] {
        let distance = NameKey.editDistance(text, candidate)
        if distance <= max(2, candidate.count / 3), best.map({ distance < $0.1 }) ?? true {
          best = (system.id, distance)
        }
      }
    }
    diagnostics.error(
      .unknownSystem,
      "no system '\(text)' in the plan; "
        + (best.map { "did you mean '\($0.0)'?" }
          ?? "its systems: " + plan.systems.map(\.id).joined(separator: ", ")),
      at: plan.location)
    return nil
  }
}

/// Steps named on the command line: an id (`13.1`), a group (`13`) or a
/// range in template order (`13.1-14.2`, `13-14`).
public enum StepSelection {
  /// The steps `text` names (an id, a group or a range), in template
  /// order; an `unknown-step` error (with the nearest) when it names none.
  public static func resolve(
    _ text: String, template: StepTemplate, at location: SourceLocation,
    diagnostics: DiagnosticCollector
  ) -> [StepDefinition]? {
    let steps = template.steps
    func bounds(_ part: String) -> (first: Int, last: Int)? {
      if let index = steps.firstIndex(where: { $0.id == part }) { return (index, index) }
      if let group = Int(part) {
        let members = steps.indices.filter { steps[$0].group == group }
        if let first = members.first, let last = members.last { return (first, last) }
      }
      return nil
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let from = bounds(parts[0]),
      let to = parts.count == 2 ? bounds(parts[1]) : from
    else {
      let bad = parts.first { bounds($0) == nil } ?? text
      let nearest = steps.map(\.id).min {
        NameKey.editDistance(bad, $0) < NameKey.editDistance(bad, $1)
      }
      diagnostics.error(
        .unknownStep,
        "no step '\(bad)' in the template: give a step id (13.1), a group (13) or a range "
          + "(13.1-14.2)" + (nearest.map { "; did you mean '\($0)'?" } ?? ""),
        at: location)
      return nil
    }
    guard from.first <= to.last else {
      diagnostics.error(
        .unknownStep, "the range '\(text)' runs backwards: write it in template order",
        at: location)
      return nil
    }
    return Array(steps[from.first...to.last])
  }
}
