import ArgumentParser
import Foundation
import MigrationPlanning

extension Migplan {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Start a plan from the RFI/procurement table municipalities keep (CSV).",
      discussion: """
        Columns by header (any order): No, 業務名, 業務システム名, RFI回答事業者, 調達方針, \
        and optionally 特定移行支援 (English: area, system, vendor, procurement, tokutei). \
        A blank cell repeats the value above (merged cells); rows naming the same system \
        describe one system. UTF-8 (with or without BOM) or Shift_JIS (CP932), detected \
        or forced with --encoding. Nothing is written when there are errors; an existing \
        plan directory is replaced only with --force, and then atomically.
        """)

    @Argument(help: "The table, as CSV.")
    var table: String

    @Option(help: "The municipality's name (品川区).")
    var name: String

    @Option(
      name: .customLong("as-of"),
      help: "The date the table describes (YYYY-MM-DD); default: today in Japan (UTC+9).")
    var asOf: String?

    @Option(help: "The common deadline (YYYY-MM-DD).")
    var deadline: String = "2026-03-31"

    @Option(
      help: ArgumentHelp(
        "Projects the municipality can run at once.",
        discussion:
          "Default: the number of systems, marked as an assumption (it never binds by itself)."))
    var staff: Int?

    @Option(help: "Text encoding: auto, utf-8 or shift_jis.")
    var encoding: TableEncoding = .auto

    @Option(name: .shortAndLong, help: "The plan directory to write (default: plans/NAME).")
    var output: String?

    @Flag(help: "Replace an existing plan directory.")
    var force = false

    @Option(help: "The catalog directory.")
    var catalog: String = "catalog"

    func validate() throws {
      for (option, value) in [("--as-of", asOf), ("--deadline", deadline)] {
        if let value, CivilDate(iso: value) == nil {
          throw ValidationError("\(option) must be a date as YYYY-MM-DD, not '\(value)'.")
        }
      }
      if let staff, staff < 1 { throw ValidationError("--staff must be at least 1.") }
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains("/") else {
        throw ValidationError("--name must be a municipality's name.")
      }
    }

    func run() throws {
      let diagnostics = DiagnosticCollector()
      let target = output ?? "plans/" + name
      let day = try asOf.flatMap(CivilDate.init(iso:)) ?? Today.inJapan()
      let plan: Plan
      let loadedCatalog: Catalog
      do {
        guard let catalogData = try CatalogLoader.load(directory: catalog, diagnostics: diagnostics)
        else {
          Output.report(diagnostics)
          throw ExitCode(Output.dataError)
        }
        loadedCatalog = catalogData
        // The sheets serve only to match vendor names here; `check` reports on them.
        let sheets = try SpecSheetLoader.load(
          directory: catalog + "/vendors", catalog: catalogData,
          deadline: CivilDate(iso: deadline) ?? day, diagnostics: DiagnosticCollector())
        let bytes = try Self.readBytes(table)
        guard
          let text = CSVReader.decode(
            bytes, encoding: encoding, path: table, diagnostics: diagnostics),
          let records = CSVReader.parse(text, path: table, diagnostics: diagnostics),
          let imported = TableImporter(
            catalog: catalogData, vendors: VendorDirectory(sheets: sheets)
          )
          .importTable(
            records, path: table,
            settings: .init(
              municipality: name, asOf: day, deadline: CivilDate(iso: deadline) ?? day,
              staffCapacity: staff),
            diagnostics: diagnostics)
        else {
          Output.report(diagnostics)
          throw ExitCode(Output.dataError)
        }
        plan = imported
      } catch let failure as InputFailure {
        diagnostics.emit(failure.diagnostic)
        Output.report(diagnostics)
        throw ExitCode(failure.kind == .missing ? Output.noInput : Output.dataError)
      }
      Output.report(diagnostics)
      if FileManager.default.fileExists(atPath: target) && !force {
        Output.standardError(
          "\(target): error: already exists; use --force to replace it [output-exists]\n")
        throw ExitCode(Output.cannotCreate)
      }
      let xml = PlanWriter.xml(
        plan, catalog: loadedCatalog,
        header:
          "Imported by migplan import from \((table as NSString).lastPathComponent). See README.md beside this file."
      )
      try Self.writePlanDirectory(
        target, files: ["plan.xml": xml, "README.md": Self.readme(plan, table: table)],
        catalog: catalog)
      Output.standardOutput(
        "wrote \(target)/plan.xml: \(plan.areas.count) areas, \(plan.systems.count) systems, "
          + "\(plan.vendors.count) vendors\n" + Self.assumptions(plan))
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputFailure(
          .missing,
          Diagnostic(.error, "file-missing", "no such file", at: SourceLocation(file: path)))
      }
      guard !isDirectory.boolValue else {
        throw InputFailure(
          .invalid,
          Diagnostic(
            .error, "file-is-directory", "is a directory, not a file",
            at: SourceLocation(file: path)))
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw InputFailure(
          .missing,
          Diagnostic(.error, "file-unreadable", "cannot open file", at: SourceLocation(file: path)))
      }
      defer { try? handle.close() }
      let data = (try? handle.read(upToCount: CSVReader.maximumSize + 1)) ?? Data()
      guard data.count <= CSVReader.maximumSize else {
        throw InputFailure(
          .invalid,
          Diagnostic(
            .error, "file-too-large", "the table is larger than 32 MB",
            at: SourceLocation(file: path)))
      }
      return Array(data)
    }

    /// Writes the files into a new directory beside the target, checks the
    /// plan reads back clean, then swaps it in with renames.
    static func writePlanDirectory(_ target: String, files: [String: String], catalog: String)
      throws
    {
      let fileManager = FileManager.default
      let url = URL(fileURLWithPath: target)
      let parent = url.deletingLastPathComponent().path
      try? fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
      let staging = parent + "/." + url.lastPathComponent + ".import-\(getpid())"
      let backup = parent + "/." + url.lastPathComponent + ".old-\(getpid())"
      do {
        try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
          try Data(text.utf8).write(
            to: URL(fileURLWithPath: staging + "/" + name), options: .atomic)
        }
      } catch {
        try? fileManager.removeItem(atPath: staging)
        Output.standardError(
          "\(target): error: cannot write the plan directory [output-unwritable]\n")
        throw ExitCode(Output.cannotCreate)
      }
      let check = DiagnosticCollector()
      let readBack = try? InputStage.load(
        catalogDirectory: catalog, planDirectory: staging, diagnostics: check)
      guard readBack != nil, !check.hasErrors else {
        try? fileManager.removeItem(atPath: staging)
        Output.report(check)
        Output.standardError(
          "\(target): error: the generated plan does not read back clean; nothing was written. "
            + "This is migplan's fault: please report it with the table attached [internal]\n")
        throw ExitCode(70)
      }
      let existed = fileManager.fileExists(atPath: target)
      // A re-import keeps the plan's baselines.
      let baselines = target + "/" + MigrationPlanning.Baseline.folder
      let keptBaselines = staging + "/" + MigrationPlanning.Baseline.folder
      let movedBaselines = existed && fileManager.fileExists(atPath: baselines)
      if movedBaselines && rename(baselines, keptBaselines) != 0 {
        try? fileManager.removeItem(atPath: staging)
        Output.standardError(
          "\(target): error: cannot keep the plan's baselines [output-unwritable]\n")
        throw ExitCode(Output.cannotCreate)
      }
      if existed && rename(target, backup) != 0 {
        if movedBaselines { _ = rename(keptBaselines, baselines) }
        try? fileManager.removeItem(atPath: staging)
        Output.standardError(
          "\(target): error: cannot replace the existing directory [output-unwritable]\n")
        throw ExitCode(Output.cannotCreate)
      }
      if rename(staging, target) != 0 {
        if existed { _ = rename(backup, target) }
        if movedBaselines { _ = rename(keptBaselines, baselines) }
        try? fileManager.removeItem(atPath: staging)
        Output.standardError(
          "\(target): error: cannot write the plan directory [output-unwritable]\n")
        throw ExitCode(Output.cannotCreate)
      }
      if existed { try? fileManager.removeItem(atPath: backup) }
    }

    /// Every value the import chose by default, one line each.
    static func assumptions(_ plan: Plan) -> String {
      var lines: [String] = []
      if plan.staffCapacityAssumed {
        lines.append(
          "  staff capacity \(plan.staffCapacity) (one project per system; give --staff, or record --staff later)"
        )
      }
      for vendor in plan.vendors where vendor.capacityAssumed {
        lines.append(
          "  \(vendor.name): capacity \(vendor.capacity ?? 1) (no spec sheet; the systems it serves here)"
        )
      }
      let dated = plan.systems.reduce(0) { $0 + $1.steps.filter(\.datesAssumed).count }
      if dated > 0 {
        lines.append(
          "  dates of \(dated) done steps (laid back to back, ending on \(plan.asOf.iso))")
      }
      guard !lines.isEmpty else { return "" }
      return "assumed (marked assumed=\"…\" in plan.xml):\n" + lines.joined(separator: "\n") + "\n"
    }

    static func readme(_ plan: Plan, table: String) -> String {
      """
      # \(plan.municipality)

      Imported by `migplan import` from `\((table as NSString).lastPathComponent)` as of \(plan.asOf.iso):
      \(plan.areas.count) areas, \(plan.systems.count) systems, \(plan.vendors.count) vendors.

      ## What comes from the table

      - The areas (業務名, by catalog name or alias), the systems (業務システム名) that
        serve them, the RFI respondents (RFI回答事業者) and the procurement (調達方針),
        read with the merged-cell rule: a blank cell repeats the value above, and rows
        naming the same system describe one system.
      - Vendors are matched to the spec sheets in `catalog/vendors/` by official name;
        a vendor without a sheet is recorded all the same (check warns).

      ## What the table does not say

      Step statuses follow from the table and nothing more: the RFI steps (groups 5
      RFI準備 and 6 RFI実施) are done where respondents are listed, RFP and selection
      (groups 9 and 10) done where a proposal is done; everything else is 未着手 (not
      started). The dates of the done steps are assumed: laid back to back, in template
      order, ending on the as-of date. `migplan check` warns where a step is done
      before its predecessors; correct the statuses and dates as you learn them.

      Also assumed: the staff capacity (`<staff capacity>`, \(plan.staffCapacity) projects at
      once), no budget dates (the contract waits for 1 April after the budget request),
      the expected vendor of a system with several respondents (the first), and the
      deadline \(plan.deadline.iso) except where the table gives a 特定移行支援 date.

      """
    }
  }
}

extension TableEncoding: ExpressibleByArgument {}
