import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Start a plan from the RFI/procurement table municipalities keep (.xlsx or CSV).",
      discussion: """
        Columns by header (any order): No, 業務名, 業務システム名, RFI回答事業者, 調達方針, \
        and optionally 特定移行支援 (English: area, system, vendor, procurement, tokutei). \
        A blank cell repeats the value above (merged cells); rows naming the same system \
        describe one system. An .xlsx workbook is read from its first visible sheet (or \
        --worksheet), merged cells giving their value to each cell; CSV is UTF-8 (with \
        or without BOM) or Shift_JIS (CP932), detected or forced with --encoding. Which \
        it is, is decided by the content, not the name. Nothing is written when there \
        are errors; an existing plan directory is replaced only with --force, and then \
        atomically. See docs/reference/import.md and workbooks.md.
        """)

    @Argument(
      help: "The table: an .xlsx workbook or CSV.",
      completion: .file(extensions: ["xlsx", "xlsm", "csv", "txt"]))
    var table: String

    @Option(help: "The workbook's sheet to read (default: the first visible one).")
    var worksheet: String?

    @Option(help: "The municipality's name (品川区).")
    var name: String

    @Option(
      name: .customLong("as-of"),
      help: "The date the table describes (YYYY-MM-DD); default: today in Japan (UTC+9).",
      transform: DateArgument.parse)
    var asOf: CivilDate?

    @Option(
      help: "The common deadline (YYYY-MM-DD). (default: 2026-03-31)", transform: DateArgument.parse
    )
    var deadline = FiscalYear.standardizationDeadline

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Projects the municipality can run at once.",
        discussion:
          "Default: the number of systems, marked as an assumption (it never binds by itself)."))
    var staff: Int?

    @Option(
      help: "A CSV table's text encoding: auto, utf-8 or shift_jis.",
      completion: .list(["auto", "utf-8", "shift_jis"]))
    var encoding: TableEncoding = .auto

    @Option(
      name: .shortAndLong, help: "The plan directory to write (default: plans/NAME).",
      completion: .directory)
    var output: String?

    @Flag(help: "Replace an existing plan directory.")
    var force = false

    @OptionGroup var catalogOption: CatalogOption

    @OptionGroup var language: LanguageOption

    @OptionGroup var wait: WaitOption

    func validate() throws {
      if let staff, staff < 1 { throw ValidationError("--staff must be at least 1.") }
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains("/") else {
        throw ValidationError("--name must be a municipality's name.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let target = output ?? "plans/" + name
      let day = try asOf ?? Today.inJapan()
      let (catalog, vendors) = try Exit.loaded(diagnostics) { () throws(InputFailure) in
        try InputStage.loadCatalog(
          catalogOption.catalog, deadline: deadline, diagnostics: diagnostics)
      }
      let plan = try Exit.loaded(diagnostics) { () throws(InputFailure) -> Plan? in
        guard
          let records = try TableFile.read(
            path: table, encoding: encoding, worksheet: worksheet, diagnostics: diagnostics)
        else { return nil }
        return TableImporter(catalog: catalog, vendors: vendors).importTable(
          records, path: table,
          settings: .init(
            municipality: name, asOf: day, deadline: deadline, staffCapacity: staff),
          diagnostics: diagnostics)
      }
      Output.report(diagnostics)
      if FileCheck.exists(target) && !force {
        throw Exit.exists(target, "already exists; use --force to replace it")
      }
      // A plan being replaced is locked; a new one is made in one rename,
      // which fails if another import made it first.
      let lock = try Output.lock(planDirectory: target, wait: wait.seconds)
      defer { withExtendedLifetime(lock) {} }
      let tableName = (table as NSString).lastPathComponent
      let xml = PlanWriter.xml(
        plan, catalog: catalog,
        header: PlanWriter.importHeader(table: table))
      let check = DiagnosticCollector()
      try Exit.written(check) { () throws(OutputFailure) in
        try PlanDirectoryWriter.write(
          ["plan.xml": xml, "README.md": GeneratedReadme.imported(plan, tableName: tableName)],
          to: target, check: check
        ) { staging in
          readBack(staging, replacing: target, catalog: catalog, check: check)
        }
      }
      // What the plan, read back as every command will read it, warns about
      // (a respondent without a spec sheet, a capacity nobody gives) is
      // check's to print: counted here, not dropped.
      let warnings = check.sorted.filter { $0.severity == .warning }
      if !warnings.isEmpty {
        var kinds: [String] = []
        for warning in warnings where !kinds.contains(warning.id) { kinds.append(warning.id) }
        let command =
          "migplan check --plan \(Output.shellWord(target))"
          + (catalogOption.given.map { " --catalog " + Output.shellWord($0) } ?? "")
        Output.standardError(
          "\(target)/plan.xml: "
            + language.words.warningSummary(count: warnings.count, kinds: kinds, check: command)
            + "\n")
      }
      Output.standardOutput(
        language.words.imported(
          "\(target)/plan.xml", areas: plan.areas.count, systems: plan.systems.count,
          vendors: plan.vendors.count) + "\n"
          + GeneratedReadme.importAssumptions(plan, words: language.words))
    }

    /// Loads the staged plan as every command will, schedules it
    /// (repairing the committed schedule of the plan it replaces) and
    /// commits the result into the staging directory. False on errors.
    func readBack(
      _ staging: String, replacing target: String, catalog: Catalog, check: DiagnosticCollector
    )
      -> Bool
    {
      do throws(InputFailure) {
        guard
          var inputs = try InputStage.load(
            catalog: catalogOption.catalog, planDirectory: staging, diagnostics: check)
        else { return false }
        // The plan it replaces keeps its committed schedule: the new
        // plan repairs it, and commits the result.
        inputs.plan.committed = PlanCommitter.previous(planDirectory: target).map {
          CommittedLoader.fitted(
            $0, to: inputs.plan, template: catalog.template, edited: false,
            file: PlanCommitter.path(planDirectory: target), diagnostics: DiagnosticCollector())
        }
        // A plan that cannot be scheduled (or committed) is still a plan:
        // `schedule` says why; only the commit is left to a later write.
        guard PlanCommitter.commitsOnWrite(inputs.plan),
          let schedule = MigrationScheduler(
            catalog: inputs.catalog, plan: inputs.plan, vendors: inputs.vendors
          ).schedule(diagnostics: DiagnosticCollector())
        else { return true }
        _ = try? PlanCommitter.commit(schedule, planDirectory: staging)
        return true
      } catch {
        check.emit(error.diagnostic)
        return false
      }
    }
  }
}

extension TableEncoding: ExpressibleByArgument {}
