import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record progress in plan.xml: steps, the as-of date, 特定移行支援 deadlines, capacities.",
      discussion: """
        Rewrites plan.xml atomically, changing only the elements concerned; comments, \
        order and formatting elsewhere stay as they were. Dates are what people say: \
        --start is the first working day and --end the LAST working day (inclusive; the \
        file keeps the day after it). STEP is a step id (13.1), a group (13) or a range \
        (13.1-14.2); for several steps, --start and --end bound them as a whole and each \
        step's dates are laid in template order and marked assumed. --sheet reads the \
        monthly PMO survey (one row per 業務, one column per step); --tokutei-list the \
        Digital Agency's 特定移行支援 list, marking each system that serves a listed 業務. \
        Both are read from .xlsx or CSV, decided by content. Every record sets the \
        plan's `recorded` date to today (Japan). Bad input changes nothing. One writer \
        at a time: a second record waits for the first (--wait) and applies its change \
        to the first one's result. \
        See docs/reference/record.md.
        """)

    @Argument(help: "The system (id or name), then its steps.")
    var targets: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @Option(
      help: "done, in-progress, not-started or not-applicable (or 完了済み, 作業中, 未着手, 対象外).",
      completion: .list(["done", "in-progress", "not-started", "not-applicable"]))
    var status: String?

    @Option(help: "First working day (YYYY-MM-DD).", transform: DateArgument.parse)
    var start: CivilDate?

    @Option(
      help: "Last working day (YYYY-MM-DD, inclusive); expected, for a step in progress.",
      transform: DateArgument.parse)
    var end: CivilDate?

    @Option(
      name: .customLong("set-as-of"), help: "Move the plan's status date (asOf).",
      transform: DateArgument.parse)
    var setAsOf: CivilDate?

    @Option(
      name: .customLong("tokutei-deadline"), help: "Set the system's 特定移行支援 deadline.",
      transform: DateArgument.parse)
    var tokuteiDeadline: CivilDate?

    @Flag(name: .customLong("clear-tokutei"), help: "Remove the system's 特定移行支援 deadline.")
    var clearTokutei = false

    @Option(
      name: .customLong("correct-as-of"),
      help: "Move a mistaken as-of date back (no recorded fact may follow DATE).",
      transform: DateArgument.parse)
    var correctAsOf: CivilDate?

    @Flag(
      name: .customLong("allow-future"), help: "Accept a --set-as-of after today (Japan).")
    var allowFuture = false

    @Option(parsing: .unconditional, help: "Projects the municipality can run at once.")
    var staff: Int?

    @Option(
      name: .customLong("vendor-capacity"),
      help: "VENDOR=N: a vendor's capacity for this plan (id or official name; repeatable).")
    var vendorCapacity: [String] = []

    @Option(
      help: "The monthly PMO survey: an .xlsx workbook or CSV (UTF-8 or Shift_JIS).",
      completion: .file(extensions: ["xlsx", "xlsm", "csv", "txt"]))
    var sheet: String?

    @Option(
      name: .customLong("tokutei-list"),
      help: "The Digital Agency's 特定移行支援 list (.xlsx or CSV): marks each listed system.",
      completion: .file(extensions: ["xlsx", "xlsm", "csv", "txt"]))
    var tokuteiList: String?

    @Option(
      name: .customLong("cost-sheet"),
      help: "The running-cost sheet (.xlsx or CSV): replaces costs.xml beside plan.xml.",
      completion: .file(extensions: ["xlsx", "xlsm", "csv", "txt"]))
    var costSheet: String?

    @Flag(
      name: .customLong("clear-unlisted"),
      help: "With --tokutei-list: unmark systems marked before that the list does not mark.")
    var clearUnlisted = false

    @Option(
      help: "The workbook's sheet to read (default: the first visible one; 結果一覧 for the list).")
    var worksheet: String?

    @Option(
      help: "The sheet's encoding: auto, utf-8 or shift_jis.",
      completion: .list(["auto", "utf-8", "shift_jis"]))
    var encoding: TableEncoding = .auto

    @OptionGroup var wait: WaitOption

    func validate() throws {
      if let status, StepStatus(text: status) == nil {
        throw ValidationError(
          "--status must be done, in-progress, not-started or not-applicable, not '\(status)'.")
      }
      if let staff, staff < 1 { throw ValidationError("--staff must be at least 1.") }
      if tokuteiDeadline != nil && clearTokutei {
        throw ValidationError("give --tokutei-deadline or --clear-tokutei, not both.")
      }
      let system = targets.first
      let steps = targets.dropFirst()
      if !steps.isEmpty && status == nil {
        throw ValidationError("say what the steps are with --status (done, in-progress, …).")
      }
      if status != nil && steps.isEmpty {
        throw ValidationError(
          "--status needs a system and its steps: migplan record SYSTEM 13.1 --status done …")
      }
      if (start != nil || end != nil) && status == nil {
        throw ValidationError("--start and --end go with a system, its steps and --status.")
      }
      if (tokuteiDeadline != nil || clearTokutei) && system == nil {
        throw ValidationError(
          "--tokutei-deadline needs the system: migplan record SYSTEM --tokutei-deadline DATE.")
      }
      if let system, steps.isEmpty && tokuteiDeadline == nil && !clearTokutei {
        throw ValidationError(
          "what to record for '\(system)'? Its steps with --status, or --tokutei-deadline.")
      }
      if setAsOf != nil && correctAsOf != nil {
        throw ValidationError("give --set-as-of or --correct-as-of, not both.")
      }
      try validateCostSheet()
      if targets.isEmpty && setAsOf == nil && correctAsOf == nil && staff == nil
        && vendorCapacity.isEmpty && sheet == nil && tokuteiList == nil && costSheet == nil
      {
        throw ValidationError(
          "nothing to record: give SYSTEM STEP… --status, --set-as-of, --correct-as-of, --staff, --vendor-capacity, --sheet or --tokutei-list."
        )
      }
      if clearUnlisted && tokuteiList == nil {
        throw ValidationError("--clear-unlisted goes with --tokutei-list.")
      }
      if worksheet != nil && [sheet, tokuteiList, costSheet].compactMap({ $0 }).count != 1 {
        throw ValidationError(
          "--worksheet names the sheet of one workbook: give it with one of --sheet, --tokutei-list or --cost-sheet."
        )
      }
      for item in vendorCapacity {
        let parts = item.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[1]), value >= 1 else {
          throw ValidationError("--vendor-capacity takes VENDOR=N with N ≥ 1, not '\(item)'.")
        }
      }
    }

    /// The cost sheet is recorded alone: costs.xml is its own file.
    func validateCostSheet() throws {
      guard costSheet != nil else { return }
      if !targets.isEmpty || setAsOf != nil || correctAsOf != nil || staff != nil
        || !vendorCapacity.isEmpty || sheet != nil || tokuteiList != nil
      {
        throw ValidationError(
          "--cost-sheet is recorded alone (it writes costs.xml, not plan.xml): run it by itself.")
      }
    }

    func run() throws {
      let directory = inputs.planDirectory
      let file = directory + "/" + PlanLoader.fileName
      // One writer at a time: the second applies its change to the first's
      // result, so the plan is read under the lock.
      let lock = try Output.lock(planDirectory: directory, wait: wait.seconds)
      defer { withExtendedLifetime(lock) {} }
      let diagnostics = DiagnosticCollector()
      let loaded = try Output.loadInputs(inputs, diagnostics: diagnostics)
      if let costSheet {
        try recordCosts(costSheet, loaded: loaded, directory: directory)
        return
      }
      let today = try Today.inJapan()
      var request = PlanRecording.Request(today: today)
      request.setAsOf = setAsOf
      request.correctAsOf = correctAsOf
      request.allowFuture = allowFuture
      request.staffCapacity = staff
      if let status = status.flatMap(StepStatus.init(text:)), let system = targets.first {
        request.steps = StepRecording(
          system: system, selections: Array(targets.dropFirst()), status: status,
          start: start, lastDay: end)
      }
      if tokuteiDeadline != nil || clearTokutei, let system = targets.first {
        request.tokutei = (system, tokuteiDeadline)
      }
      request.vendorCapacities = vendorCapacity.map { item in
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        return (parts[0], Int(parts[1]) ?? 1)
      }
      let check = DiagnosticCollector()
      try readTables(into: &request, file: file, check: check)
      let source = try Exit.loaded(DiagnosticCollector()) { () throws(InputFailure) in
        try PlanSource.read(path: file)
      }
      let outcome: PlanRecording.Outcome
      do {
        outcome = try PlanRecording.record(
          request, source: source, path: file, inputs: loaded, known: diagnostics.diagnostics,
          diagnostics: check)
      } catch {
        switch error {
        case .refused(let usage):
          throw Exit.refused(
            "nothing was recorded", file: file, code: usage ? Exit.usage : Exit.dataError,
            diagnostics: check)
        case .invalidResult:
          throw Exit.refused(
            "the record would make the plan invalid (lines above are of the plan as it would "
              + "be); nothing was recorded", file: file, code: Exit.dataError, diagnostics: check)
        case .notApplied:
          throw Exit.refused(
            "nothing was recorded", file: file, code: Exit.software, diagnostics: check)
        }
      }
      Output.report(check)
      let brought = DiagnosticCollector()
      for warning in outcome.warnings { brought.emit(warning) }
      Output.report(brought)
      if unchanged(outcome, file: file) { return }
      let moves = try write(outcome, file: file, loaded: loaded)
      Output.standardOutput(
        language.words.recorded(
          file, steps: outcome.steps, asOf: outcome.asOfChanged ? outcome.plan.asOf : nil,
          staff: outcome.staffChanged ? outcome.plan.staffCapacity : nil,
          vendorCapacities: outcome.vendorCapacities, tokutei: outcome.tokuteiChanged,
          tokuteiMarks: tokuteiDeadline == nil && !clearTokutei, on: today)
          + "\n")
      if request.tokuteiList != nil {
        let name = { (id: String) in outcome.plan.system(id)?.name ?? id }
        Output.standardOutput(
          language.words.tokuteiListed(
            marked: outcome.tokuteiMarked.map(name), unlisted: outcome.tokuteiUnlisted.map(name),
            cleared: clearUnlisted))
      }
      Output.standardOutput(moves)
    }

    /// The list alone, changing no mark, leaves the plan as it was: says
    /// so (and what the list does not mark) and returns true.
    func unchanged(_ outcome: PlanRecording.Outcome, file: String) -> Bool {
      let listOnly =
        tokuteiList != nil && sheet == nil && targets.isEmpty && setAsOf == nil
        && correctAsOf == nil && staff == nil && vendorCapacity.isEmpty
      guard listOnly && !outcome.tokuteiChanged else { return false }
      let unlisted = outcome.tokuteiUnlisted.compactMap { outcome.plan.system($0)?.name }
      Output.standardOutput(
        language.words.unchanged(file) + "\n"
          + (unlisted.isEmpty
            ? "" : language.words.tokuteiListed(marked: [], unlisted: unlisted, cleared: false)))
      return true
    }

    /// Replaces costs.xml with what the cost sheet gives, under the plan's
    /// lock: read, checked as `costs` will read it, then written in one
    /// step; bad input changes nothing.
    func recordCosts(_ path: String, loaded: ValidatedInputs, directory: String) throws {
      let check = DiagnosticCollector()
      let target = directory + "/" + CostData.fileName
      let data = try Exit.loaded(check) { () throws(InputFailure) -> CostData? in
        guard
          let records = try TableFile.read(
            path: path, encoding: encoding, worksheet: worksheet, diagnostics: check)
        else { return nil }
        return CostSheet(plan: loaded.plan, catalog: loaded.catalog, path: path, diagnostics: check)
          .read(records)
      }
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let header =
        "Recorded by migplan record from the cost sheet \(name). See docs/reference/costs.md."
      let text = CostsWriter.xml(data, header: header)
      let readBack = DiagnosticCollector()
      guard
        let written = CostLoader.load(
          bytes: Array(text.utf8), path: target, plan: loaded.plan, diagnostics: readBack),
        // What is read back writes the same text: nothing was lost.
        CostsWriter.xml(written, header: header) == text
      else {
        for diagnostic in readBack.sorted { check.emit(diagnostic) }
        throw Exit.refused(
          "nothing was recorded", file: target, code: Exit.dataError, diagnostics: check)
      }
      Output.report(check)
      Output.report(readBack)
      try Exit.written { () throws(OutputFailure) in
        try AtomicFile.write(Array(text.utf8), to: target, exclusive: true)
      }
      Output.standardOutput(
        language.words.costsRecorded(
          target, systems: data.systems.count, figures: data.reference.count,
          illustrative: data.illustrative) + "\n")
    }

    /// Opens the PMO sheet and the 特定移行支援 list, when given (.xlsx or
    /// CSV); their rows are read as the record goes.
    func readTables(
      into request: inout PlanRecording.Request, file: String, check: DiagnosticCollector
    ) throws {
      do {
        if let sheet,
          let records = try TableFile.read(
            path: sheet, encoding: encoding, worksheet: worksheet, diagnostics: check)
        {
          request.sheet = (records, sheet)
        }
        if let tokuteiList,
          let records = try TableFile.read(
            path: tokuteiList, encoding: encoding, worksheet: worksheet,
            preferring: TokuteiListSheet.sheetName, diagnostics: check)
        {
          request.tokuteiList = (records, tokuteiList)
          request.clearUnlisted = clearUnlisted
        }
      } catch {
        throw Exit.failure(error, check)
      }
      if check.hasErrors {
        throw Exit.refused(
          "nothing was recorded", file: file, code: Exit.dataError, diagnostics: check)
      }
    }

    /// Writes the recorded plan, then commits its schedule (the committed
    /// one repaired) under the same lock. Returns the lines saying what
    /// moved against the schedule committed before, and why.
    func write(_ outcome: PlanRecording.Outcome, file: String, loaded: ValidatedInputs) throws
      -> String
    {
      var recorded = outcome.plan
      recorded.committed = loaded.plan.committed
      let commits = PlanCommitter.commitsOnWrite(recorded)
      func scheduled(_ plan: Plan) -> MigrationSchedule? {
        MigrationScheduler(catalog: loaded.catalog, plan: plan, vendors: loaded.vendors)
          .schedule(diagnostics: DiagnosticCollector())
      }
      let previous = commits && loaded.plan.committed != nil ? scheduled(loaded.plan) : nil
      let schedule = commits ? scheduled(recorded) : nil
      try Exit.written { () throws(OutputFailure) in
        try AtomicFile.write(outcome.bytes, to: file, exclusive: true)
        if let schedule {
          try PlanCommitter.commit(schedule, planDirectory: PlanLoader.directory(of: file))
        }
      }
      guard let schedule, let previous else { return "" }
      let causes = MoveCause.explain(
        schedule, against: previous, calendar: loaded.catalog.calendar,
        recorded: outcome.plan.recorded)
      // Folded to a terminal's width, whole in a pipe (as check's summary).
      let columns = Output.terminalColumns(STDOUT_FILENO)
      return ReportRenderer.render(
        ReportDocument(
          MovesReport.blocks(causes, schedule: schedule, baseline: nil, words: language.words)),
        as: .text, width: columns ?? 120, foldsLines: columns != nil, words: language.words)
    }
  }
}
