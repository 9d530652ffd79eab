import ArgumentParser
import Foundation
import MigrationPlanning

/// Writing to the standard streams and to output files, and the steps every
/// command shares: load, re-plan, schedule (one plan or PATHs alike, as a
/// `Workload`).
enum Output {
  /// Writes to standard output. A closed pipe ends the command quietly
  /// (SIGPIPE, as `yes | head` ends `yes`); any other failure (a full disk)
  /// says so in one line and ends it with 73. Never a trap.
  static func standardOutput(_ text: String) {
    do {
      try AtomicFile.writeAll(Array(text.utf8), to: STDOUT_FILENO, shownAs: "<standard output>")
    } catch {
      if error.kind == .closedPipe { endQuietly() }
      standardError(error.diagnostic.description + "\n")
      exit(Exit.cannotCreate)
    }
  }

  /// Writes to standard error; when even that fails, there is nobody to
  /// tell.
  static func standardError(_ text: String) {
    ProgressLine.finishActive()
    do {
      try AtomicFile.writeAll(Array(text.utf8), to: STDERR_FILENO, shownAs: "<standard error>")
    } catch {
      if error.kind == .closedPipe { endQuietly() }
    }
  }

  /// Ends as a shell tool whose reader went away: by SIGPIPE, silently.
  static func endQuietly() -> Never {
    signal(SIGPIPE, SIG_DFL)
    raise(SIGPIPE)
    exit(141)
  }

  /// Prints the diagnostics, sorted, to standard error: every one with
  /// `notes`, else errors and warnings (notes are `check`'s).
  static func report(_ diagnostics: DiagnosticCollector, notes: Bool = false) {
    let text = diagnostics.sorted.filter { notes || $0.severity != .note }
      .map { $0.description + "\n" }.joined()
    standardError(text)
  }

  /// Prints errors in full and, in one line, how many warnings there are,
  /// which kinds, and the `check` that prints them: the warnings of inputs
  /// every command shares are `check`'s to show (notes are not counted).
  /// The diagnostics stay English (docs/reference/diagnostics.md); the
  /// summary line a person reads follows `--lang`.
  static func summarise(
    _ diagnostics: DiagnosticCollector, check: String, words: ReportWords = ReportWords(.ja)
  ) {
    let errors = DiagnosticCollector()
    var warnings: [Diagnostic] = []
    for diagnostic in diagnostics.sorted {
      switch diagnostic.severity {
      case .error: errors.emit(diagnostic)
      // A warning about the finished schedule, which check does not make,
      // is printed in full.
      case .warning where diagnostic.kind.stage == .schedule: errors.emit(diagnostic)
      case .warning: warnings.append(diagnostic)
      case .note: break
      }
    }
    report(errors)
    guard let first = warnings.first else { return }
    var kinds: [String] = []
    for warning in warnings where !kinds.contains(warning.id) { kinds.append(warning.id) }
    let line =
      "\(first.location.file): "
      + words.warningSummary(count: warnings.count, kinds: kinds, check: check)
    // A person reads it: folded to a terminal's width, whole in a log.
    standardError(
      terminalColumns(STDERR_FILENO).map { TextFolding.fold(line, width: $0) } ?? line + "\n")
  }

  /// The width of the terminal `descriptor` is, or nil when it is none.
  static func terminalColumns(_ descriptor: Int32) -> Int? {
    guard isatty(descriptor) == 1 else { return nil }
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
    return Int(size.ws_col)
  }

  /// A word for a shell: quoted when it needs to be.
  static func shellWord(_ word: String) -> String {
    let plain = word.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_./=:+,@%".unicodeScalars.contains($0)
    }
    return plain && !word.isEmpty
      ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Standard output, or a file written atomically.
  static func emit(_ text: String, to path: String?) throws {
    if let path {
      try Exit.written { () throws(OutputFailure) in try AtomicFile.write(text, to: path) }
    } else {
      standardOutput(text)
    }
  }
}

extension Output {
  /// Takes the plan's writer lock, or ends the command (75 when another
  /// writer keeps it longer than `wait` seconds, 73 when it cannot be
  /// made). Says so when it waits more than a second. Nil when the
  /// directory holds no plan yet (its loading says so, or import makes it).
  static func lock(planDirectory: String, wait: Double) throws -> PlanLock? {
    do {
      return try PlanLock.acquire(planDirectory: planDirectory, wait: wait) {
        standardError(
          "\(planDirectory): waiting for another migplan writing this plan "
            + "(up to \(Int(wait)) s)\n")
      }
    } catch {
      throw Exit.failure(error)
    }
  }

  /// Loads the inputs or ends the command with the right exit code.
  static func loadInputs(_ options: InputOptions, diagnostics: DiagnosticCollector) throws
    -> ValidatedInputs
  {
    try Exit.loaded(diagnostics) { () throws(InputFailure) -> ValidatedInputs? in
      do throws(InputFailure) {
        return try InputStage.load(
          catalog: options.catalog, planDirectory: options.planDirectory,
          diagnostics: diagnostics)
      } catch {
        throw options.explained(error)
      }
    }
  }

  /// Loads the inputs and schedules the plan, or ends the command. With
  /// `--as-of`, the plan is re-planned from that day (and a plan that
  /// expected more done by then says how stale it is).
  static func scheduled(
    _ options: InputOptions, asOf day: AsOfOption, words: ReportWords = ReportWords(.ja)
  ) throws -> (ValidatedInputs, MigrationSchedule) {
    let (workload, result) = try scheduled(.plan(options), asOf: day.date, words: words)
    guard let inputs = workload.planInputs else { preconditionFailure("--plan gives one plan") }
    return (inputs, result.schedules[0])
  }

  /// The `check` that prints what a command on the plans of `paths` only
  /// counts.
  static func checkPaths(_ paths: [String], catalog: String?, asOf day: CivilDate?) -> String {
    var words = ["migplan", "check"] + paths
    if let catalog { words += ["--catalog", catalog] }
    if let day { words += ["--as-of", day.iso] }
    return words.map(shellWord).joined(separator: " ")
  }

  /// The `check` that prints what a command on these options only counts.
  static func checkCommand(_ options: InputOptions, asOf day: CivilDate?) -> String {
    var words = ["migplan", "check", "--plan", options.plan]
    if let given = options.catalogOption.given { words += ["--catalog", given] }
    if let day { words += ["--as-of", day.iso] }
    return words.map(shellWord).joined(separator: " ")
  }

  /// The plan's running costs with its schedule, when the plan has
  /// costs.xml (a bad one ends the command, 65); nil without one.
  static func costs(
    plan: Plan, planDirectory: String, schedule: MigrationSchedule, baseline: Baseline? = nil,
    rate: ExchangeRate? = nil
  ) throws -> CostReport? {
    let diagnostics = DiagnosticCollector()
    let data = try Exit.loaded(diagnostics) { () throws(InputFailure) -> CostData?? in
      let data = try CostLoader.load(
        planDirectory: planDirectory, plan: plan, diagnostics: diagnostics)
      return diagnostics.hasErrors ? nil : .some(data)
    }
    report(diagnostics)
    return data.map {
      CostReport(plan: plan, data: $0, schedule: schedule, rate: rate, baseline: baseline)
    }
  }

  /// The running costs of the plans of a workload planned together: the
  /// plans from directories that hold costs.xml (a bad one ends the
  /// command, 65), with a warning when the shares of a shared system add
  /// up past 100 %; nil when none has costs.xml.
  static func portfolioCosts(
    _ workload: Workload, result: PortfolioResult, rate: ExchangeRate?
  ) throws -> PortfolioCostReport? {
    let diagnostics = DiagnosticCollector()
    let bodies = try Exit.loaded(diagnostics) {
      () throws(InputFailure) -> [PortfolioCostReport.Body]? in
      var bodies: [PortfolioCostReport.Body] = []
      for (plan, (directory, schedule)) in zip(
        workload.plans, zip(workload.directories, result.schedules))
      {
        guard let directory,
          let data = try CostLoader.load(
            planDirectory: directory, plan: plan, diagnostics: diagnostics)
        else { continue }
        bodies.append(
          PortfolioCostReport.Body(
            code: plan.code, prefecture: plan.prefecture,
            report: CostReport(
              plan: plan, data: data, schedule: schedule, rate: rate, baseline: nil)))
      }
      guard !diagnostics.hasErrors else { return nil }
      CostLoader.checkShares(
        bodies.map { ($0.report.municipality, $0.report.data) }, diagnostics: diagnostics)
      return bodies
    }
    guard !bodies.isEmpty else {
      report(diagnostics)
      return nil
    }
    do {
      let costs = try PortfolioCostReport(
        bodies: bodies, plans: workload.plans.count,
        asOf: result.schedules.map(\.asOf).max() ?? bodies[0].report.asOf, rate: rate)
      report(diagnostics)
      return costs
    } catch {
      diagnostics.error(
        .badNumber,
        "with this body's costs, the bodies' running costs of a year, or their migration "
          + "costs, add up past \(NumberStyle.count(CostData.maximumYear)) yen",
        at: bodies[error.index].report.data.location)
      throw Exit.dataError(diagnostics)
    }
  }

  /// The baseline `--baseline` names, or nil; ends the command when it
  /// cannot be read.
  static func baseline(_ option: BaselineOption, planDirectory: String) throws -> Baseline? {
    guard let name = option.baseline else { return nil }
    let diagnostics = DiagnosticCollector()
    return try Exit.loaded(diagnostics) { () throws(InputFailure) in
      try BaselineLoader.load(name: name, planDirectory: planDirectory, diagnostics: diagnostics)
    }
  }
}

/// What a command that takes a plan or PATHs was asked to plan: `--plan`'s
/// plan (`forecast`, `report`, `export tjp` without PATHs) or the plan and
/// portfolio directories of PATHs.
enum WorkloadRequest {
  case plan(InputOptions)
  case paths([String], CatalogOption)

  /// PATHs when given, else `--plan`'s plan.
  init(paths: [String], inputs: InputOptions) {
    self = paths.isEmpty ? .plan(inputs) : .paths(paths, inputs.catalogOption)
  }

  /// The core's name for it.
  var source: Workload.Source {
    switch self {
    case .plan(let inputs): .plan(directory: inputs.planDirectory)
    case .paths(let paths, _): .paths(paths)
    }
  }

  /// The catalog to read.
  var catalog: CatalogSource {
    switch self {
    case .plan(let inputs): inputs.catalog
    case .paths(_, let catalog): catalog.catalog
    }
  }

  /// The `check` that prints what a command on this workload only counts.
  func checkCommand(asOf day: CivilDate?) -> String {
    switch self {
    case .plan(let inputs): Output.checkCommand(inputs, asOf: day)
    case .paths(let paths, let catalog): Output.checkPaths(paths, catalog: catalog.given, asOf: day)
    }
  }

  /// A missing default plan says where migplan looked.
  func explained(_ failure: InputFailure) -> InputFailure {
    if case .plan(let inputs) = self { return inputs.explained(failure) }
    return failure
  }
}

extension Output {
  /// Loads the workload asked for and re-plans it from `--as-of`, or ends
  /// the command (65/66 on bad or missing inputs, 64 on a day before a
  /// plan's as-of date).
  static func workload(
    _ request: WorkloadRequest, asOf day: CivilDate?, diagnostics: DiagnosticCollector
  ) throws -> Workload {
    let loaded = try Exit.loaded(diagnostics) { () throws(InputFailure) -> Workload? in
      do throws(InputFailure) {
        return try InputStage.loadWorkload(
          catalog: request.catalog, source: request.source, diagnostics: diagnostics)
      } catch {
        throw request.explained(error)
      }
    }
    if day == nil {
      Replanning.checkBehind(
        loaded.plans, today: try Today.inJapan(), many: loaded.planDirectory == nil,
        diagnostics: diagnostics)
    }
    // Plans planned together are planned from one day: the latest as-of
    // among them (the day a portfolio's header names), unless --as-of says.
    let common = loaded.planDirectory == nil ? loaded.plans.map(\.asOf).max() : nil
    do {
      return try loaded.replanned(
        to: day ?? common, staleness: day == nil ? false : nil, diagnostics: diagnostics)
    } catch {
      throw Exit.refused(error, diagnostics: diagnostics)
    }
  }

  /// Loads the workload asked for, re-plans it from `--as-of` and
  /// schedules its plans together (every task when `includeTasks`; with
  /// the capacity what-ifs), or ends the command. On a terminal, a run
  /// over a second says what it is doing. Prints the warnings' summary
  /// unless `summarise` is false (a second run of the same plans).
  static func scheduled(
    _ request: WorkloadRequest, asOf day: CivilDate?, includeTasks: Bool = true,
    changes: [CapacityChange] = [], summarise: Bool = true, words: ReportWords = ReportWords(.ja),
    method: SchedulingMethod = .repair
  ) throws -> (Workload, PortfolioResult) {
    let diagnostics = DiagnosticCollector()
    let progress = ProgressLine(words.phase(.reading), words: words)
    defer { progress.finish() }
    let loaded = try workload(request, asOf: day, diagnostics: diagnostics)
    progress.begin(words.phase(.planning))
    var scheduler = loaded.scheduler(
      includeTasks: includeTasks, capacityChanges: changes, method: method)
    scheduler.progress = { generated, budget in progress.advance(generated, of: budget) }
    guard let result = scheduler.run(diagnostics: diagnostics) else {
      throw Exit.dataError(diagnostics)
    }
    if summarise {
      Output.summarise(diagnostics, check: request.checkCommand(asOf: day), words: words)
    }
    return (loaded, result)
  }
}
