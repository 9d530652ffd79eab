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
        monthly PMO survey (one row per 業務, one column per step). Every record sets the \
        plan's `recorded` date to today (Japan). Bad input changes nothing. \
        See docs/reference/record.md.
        """)

    @Argument(help: "The system (id or name), then its steps.")
    var targets: [String] = []

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "done, in-progress, not-started or not-applicable (or 完了済み, 作業中, 未着手, 対象外).")
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

    @Option(help: "Projects the municipality can run at once.")
    var staff: Int?

    @Option(
      name: .customLong("vendor-capacity"),
      help: "VENDOR=N: a vendor's capacity for this plan (id or official name; repeatable).")
    var vendorCapacity: [String] = []

    @Option(help: "The monthly PMO survey as CSV (UTF-8 or Shift_JIS).")
    var sheet: String?

    @Option(help: "The sheet's encoding: auto, utf-8 or shift_jis.")
    var encoding: TableEncoding = .auto

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
      if targets.isEmpty && setAsOf == nil && staff == nil && vendorCapacity.isEmpty
        && sheet == nil
      {
        throw ValidationError(
          "nothing to record: give SYSTEM STEP… --status, --set-as-of, --staff, --vendor-capacity or --sheet."
        )
      }
      for item in vendorCapacity {
        let parts = item.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[1]), value >= 1 else {
          throw ValidationError("--vendor-capacity takes VENDOR=N with N ≥ 1, not '\(item)'.")
        }
      }
    }

    func run() throws {
      let directory = inputs.planDirectory
      let diagnostics = DiagnosticCollector()
      let loaded = try Output.loadInputs(inputs, diagnostics: diagnostics)
      let model = loaded.plan
      let file = directory + "/" + PlanLoader.fileName
      let today = try Today.inJapan()
      var changes: [PlanChange] = []

      var asOf = model.asOf
      if let date = setAsOf {
        guard date >= model.asOf else {
          throw Exit.usage(
            "--set-as-of \(date.iso) is before the plan's as-of date "
              + "\(model.asOf.iso): facts after it are already recorded",
            file: file, id: "as-of-backwards", diagnostics: diagnostics)
        }
        asOf = date
        changes.append(.asOf(date))
      }
      let request = DiagnosticCollector()
      if let status = status.flatMap(StepStatus.init(text:)), let system = targets.first {
        let recording = StepRecording(
          system: system, selections: Array(targets.dropFirst()), status: status,
          start: start, lastDay: end)
        if let steps = recording.changes(
          plan: model, catalog: loaded.catalog, asOf: asOf, diagnostics: request)
        {
          changes += steps.map { .step($0) }
        }
      }
      if tokuteiDeadline != nil || clearTokutei, let name = targets.first,
        let system = StepRecording.resolveSystem(name, in: model, diagnostics: request)
      {
        changes.append(
          .tokuteiDeadline(system: system.id, tokuteiDeadline))
      }
      if let staff { changes.append(.staffCapacity(staff)) }
      for item in vendorCapacity {
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        guard let vendor = Self.vendor(parts[0], in: model, diagnostics: request) else { continue }
        changes.append(.vendorCapacity(vendor: vendor.id, Int(parts[1]) ?? 1))
      }
      if let sheet {
        do {
          if let records = try CSVReader.read(
            path: sheet, encoding: encoding, diagnostics: request),
            let steps = ProgressSheet(catalog: loaded.catalog, plan: model.replanned(from: asOf))
              .changes(records, path: sheet, asOf: asOf, diagnostics: request)
          {
            changes += steps.map { .step($0) }
          }
        } catch {
          throw Exit.failure(error, request)
        }
      }
      if request.hasErrors {
        throw Exit.refused(
          "nothing was recorded", file: file, code: sheet != nil ? Exit.dataError : Exit.usage,
          diagnostics: request)
      }
      Output.report(request)
      changes.append(.recorded(today))

      let source = try Exit.loaded(DiagnosticCollector()) { () throws(InputFailure) in
        try PlanSource.read(path: file)
      }
      let updated = PlanRecorder.apply(changes, to: source, template: loaded.catalog.template)
      let check = DiagnosticCollector()
      guard
        let readBack = PlanLoader.load(
          bytes: updated, path: file, catalog: loaded.catalog, diagnostics: check)
      else {
        throw Exit.refused(
          "the record would make the plan invalid (lines above are of the plan as it would be); "
            + "nothing was recorded", file: file, code: Exit.dataError, diagnostics: check)
      }
      // Warnings the record itself brings (a step done before its predecessors).
      let known = Set(diagnostics.diagnostics.map { $0.id + $0.message })
      let brought = DiagnosticCollector()
      for warning in check.sorted where !known.contains(warning.id + warning.message) {
        brought.emit(warning)
      }
      Output.report(brought)
      try Exit.written { () throws(OutputFailure) in try AtomicFile.write(updated, to: file) }
      let stepCount = changes.filter { if case .step = $0 { true } else { false } }.count
      Output.standardOutput(
        language.words.recorded(
          file, steps: stepCount, asOf: setAsOf != nil ? readBack.asOf : nil,
          staff: staff != nil ? readBack.staffCapacity : nil,
          vendorCapacities: vendorCapacity.count,
          tokutei: tokuteiDeadline != nil || clearTokutei, on: today) + "\n")
    }

    static func vendor(_ text: String, in plan: Plan, diagnostics: DiagnosticCollector)
      -> PlanVendor?
    {
      if let vendor = plan.vendors.first(where: {
        $0.id == text || NameKey.normalize($0.name) == NameKey.normalize(text)
      }) {
        return vendor
      }
      diagnostics.error(
        "unknown-vendor",
        "no vendor '\(text)' in the plan; its vendors: "
          + plan.vendors.map(\.id).joined(separator: ", "), at: plan.location)
      return nil
    }
  }
}
