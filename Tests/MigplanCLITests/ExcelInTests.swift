import Foundation
import Testing

/// Excel in (#27): `import`, `record --sheet` and `record --tokutei-list`
/// read .xlsx as people keep it. The workbooks are written at the start of
/// the suite by openpyxl (Workbooks/make_workbooks.py), some converted by
/// LibreOffice; the hostile ones by Python's zipfile. Both come with
/// `./test`.
@Suite(.serialized) struct ExcelInTests {
  static let python = CLI.repository + "/.build/test-venv/bin/python"

  /// The workbooks, written once for the suite (`made` says whether they
  /// could be: without openpyxl every test fails, saying why).
  static let workbooks: (directory: String, made: String?) = {
    let directory = (try? CLI.temporaryDirectory()) ?? NSTemporaryDirectory()
    let run = try? CLI.run(
      [CLI.repository + "/Tests/MigplanCLITests/Workbooks/make_workbooks.py", directory],
      executable: python)
    return (
      directory, run?.status == 0 ? nil : "make_workbooks.py: \(run?.stderr ?? "did not run")"
    )
  }()

  static func book(_ name: String) -> String {
    if let failure = workbooks.made { Issue.record(Comment(rawValue: failure)) }
    return workbooks.directory + "/" + name
  }

  /// `import` into a new directory: the run and the plan's text (nil when
  /// nothing was written).
  static func importTable(_ table: String, _ extra: [String] = []) throws -> (
    run: MigplanRun, plan: String?
  ) {
    let directory = try CLI.temporaryDirectory() + "/plan"
    let run = try CLI.run(
      ["import", table, "--name", "品川区", "--as-of", "2024-01-31", "-o", directory] + extra)
    let plan = try? String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    return (run, plan)
  }

  /// plan.xml without the line that names its source table.
  static func body(_ plan: String?) -> String {
    (plan ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("Imported by migplan import from") }.joined(separator: "\n")
  }

  /// LibreOffice's conversion of `file` into `directory` (`xlsx` or `csv`).
  /// CSV is read as UTF-8, comma-separated, with quotes.
  static func convert(_ file: String, to format: String, in directory: String) throws {
    let run = try CLI.run(
      [
        "-env:UserInstallation=file://\(directory)/profile", "--headless",
      ] + (file.hasSuffix(".csv") ? ["--infilter=Text - txt - csv (StarCalc):44,34,76,1"] : [])
        + ["--convert-to", format, "--outdir", directory, file], environment: ["HOME": directory],
      executable: "/usr/bin/soffice")
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func theWorkbookImportsAsTheCSVDoes() throws {
    let xlsx = try Self.importTable(Self.book("調達表.xlsx"))
    let csv = try Self.importTable(Self.book("調達表.csv"))
    #expect(xlsx.run.status == 0, "\(xlsx.run.stderr)")
    #expect(csv.run.status == 0, "\(csv.run.stderr)")
    #expect(xlsx.plan != nil && Self.body(xlsx.plan) == Self.body(csv.plan))
    let plan = try #require(xlsx.plan)
    // Merged cells gave the system, vendor and procurement to each row.
    #expect(plan.contains("<serves area=\"kei-jidoshazei\"/>"))
    // Rich text read as its plain text; the three date forms read as dates.
    #expect(plan.contains("name=\"戸籍情報システム\""))
    #expect(plan.components(separatedBy: "tokuteiDeadline=\"2027-03-31\"").count - 1 == 3)
    // The hidden column is read, and said so, at its cell.
    #expect(xlsx.run.stderr.contains("調達表.xlsx:1:7: warning: column G is hidden"))
    #expect(xlsx.run.stderr.contains("[調達表!G1] [hidden-cells]"))
  }

  @Test func libreOfficeWorkbooksImportAsTheirCSV() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for table in ["shinagawa.csv", "kitakata.csv", "other-town.csv"] {
      let source = CLI.repository + "/Tests/MigplanCLITests/Tables/" + table
      try FileManager.default.copyItem(atPath: source, toPath: directory + "/" + table)
      try Self.convert(directory + "/" + table, to: "xlsx", in: directory)
      let xlsx = try Self.importTable(
        directory + "/" + table.replacingOccurrences(of: ".csv", with: ".xlsx"))
      let csv = try Self.importTable(source)
      #expect(xlsx.run.status == csv.run.status, "\(table): \(xlsx.run.stderr)")
      #expect(Self.body(xlsx.plan) == Self.body(csv.plan), "\(table)")
    }
    // The merged table with dates typed as 令和 and R9.3.31, saved again
    // by LibreOffice (its shared strings, styles and merges).
    try FileManager.default.createDirectory(
      atPath: directory + "/saved", withIntermediateDirectories: true)
    try Self.convert(Self.book("調達表.xlsx"), to: "xlsx", in: directory + "/saved")
    let saved = try Self.importTable(directory + "/saved/調達表.xlsx")
    #expect(saved.run.status == 0, "\(saved.run.stderr)")
    #expect(Self.body(saved.plan) == Self.body(try Self.importTable(Self.book("調達表.csv")).plan))
    // Formulas: LibreOffice stores the values openpyxl could not.
    try FileManager.default.copyItem(
      atPath: Self.book("formulas-uncached.xlsx"), toPath: directory + "/formulas.xlsx")
    try FileManager.default.createDirectory(
      atPath: directory + "/calc", withIntermediateDirectories: true)
    try Self.convert(directory + "/formulas.xlsx", to: "xlsx", in: directory + "/calc")
    let cached = try Self.importTable(directory + "/calc/formulas.xlsx")
    #expect(cached.run.status == 0, "\(cached.run.stderr)")
    let csv = try Self.importTable(CLI.repository + "/Tests/MigplanCLITests/Tables/shinagawa.csv")
    #expect(Self.body(cached.plan) == Self.body(csv.plan))
  }

  @Test func datesInBothSystems() throws {
    for name in ["dates-1900.xlsx", "dates-1904.xlsx"] {
      let result = try Self.importTable(Self.book(name))
      #expect(result.run.status == 0, "\(name): \(result.run.stderr)")
      let plan = try #require(result.plan)
      #expect(plan.contains("tokuteiDeadline=\"2027-03-31\""), "\(name)")
      #expect(plan.contains("tokuteiDeadline=\"2028-03-31\""), "\(name)")
    }
  }

  @Test func errorValuesAndUncachedFormulasAreLocated() throws {
    let uncached = try Self.importTable(Self.book("formulas-uncached.xlsx"))
    #expect(uncached.run.status == 65)
    #expect(uncached.plan == nil)
    #expect(
      uncached.run.stderr.contains(
        "formulas-uncached.xlsx:2:1: error: a formula without a cached value"))
    #expect(uncached.run.stderr.contains("[Sheet!A2] [cell-error]"))
    let error = try Self.importTable(Self.book("error-value.xlsx"))
    #expect(error.run.status == 65)
    #expect(error.plan == nil)
    #expect(
      error.run.stderr.contains(
        "error-value.xlsx:3:4: error: the cell holds the error #N/A; correct it in the workbook [Sheet!D3] [cell-error]"
      ))
  }

  @Test func whichSheet() throws {
    // The first visible sheet: the hidden メモ is passed over.
    let first = try Self.importTable(Self.book("hidden.xlsx"))
    #expect(first.run.status == 0, "\(first.run.stderr)")
    #expect(first.run.stderr.contains("hidden.xlsx:5:1: warning: row 5 is hidden"))
    let named = try Self.importTable(Self.book("hidden.xlsx"), ["--worksheet", "調達表"])
    #expect(Self.body(named.plan) == Self.body(first.plan))
    let missing = try Self.importTable(Self.book("hidden.xlsx"), ["--worksheet", "一覧"])
    #expect(missing.run.status == 65)
    #expect(
      missing.run.stderr.contains(
        "hidden.xlsx:1:1: error: the workbook has no sheet '一覧'; its sheets: 'メモ' (hidden), '調達表', '空白' [worksheet-missing]"
      ), "\(missing.run.stderr)")
    let empty = try Self.importTable(Self.book("hidden.xlsx"), ["--worksheet", "空白"])
    #expect(empty.run.status == 65)
    #expect(empty.run.stderr.contains("[csv-empty]"))
    let onCSV = try Self.importTable(Self.book("調達表.csv"), ["--worksheet", "調達表"])
    #expect(onCSV.run.status == 65)
    #expect(onCSV.run.stderr.contains("names a workbook's sheet, but the file is CSV text"))
  }

  @Test func contentDecidesNotTheName() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let csv = CLI.repository + "/Tests/MigplanCLITests/Tables/shinagawa.csv"
    try FileManager.default.copyItem(atPath: csv, toPath: directory + "/table.xlsx")
    try FileManager.default.copyItem(
      atPath: Self.book("調達表.xlsx"), toPath: directory + "/table.csv")
    let csvNamedXlsx = try Self.importTable(directory + "/table.xlsx")
    #expect(Self.body(csvNamedXlsx.plan) == Self.body(try Self.importTable(csv).plan))
    let xlsxNamedCSV = try Self.importTable(directory + "/table.csv")
    #expect(
      Self.body(xlsxNamedCSV.plan) == Self.body(try Self.importTable(Self.book("調達表.xlsx")).plan))
  }

  /// Each hostile workbook is refused at a place, with its id, in bounded
  /// time and memory; nothing is written.
  @Test(arguments: [
    (
      "bomb-ratio.xlsx", "bomb-ratio.xlsx:1:1: error: the part inflates to more than 100 times",
      "workbook-limit"
    ),
    (
      "slip-dotdot.xlsx",
      "slip-dotdot.xlsx:1:1: error: the workbook holds a part named '../../evil.xml'",
      "workbook-unsafe-name"
    ),
    (
      "slip-absolute.xlsx",
      "slip-absolute.xlsx:1:1: error: the workbook holds a part named '/etc/evil.xml'",
      "workbook-unsafe-name"
    ),
    (
      "doctype-entity.xlsx",
      "doctype-entity.xlsx:1:22: error: a DOCTYPE that declares entities is refused", "xml-doctype"
    ),
    (
      "doctype-external.xlsx",
      "doctype-external.xlsx:1:22: error: a DOCTYPE that names an external DTD", "xml-doctype"
    ),
    (
      "shared-strings.xlsx",
      "shared-strings.xlsx:1:1: error: the workbook's shared strings pass 1,000,000 entries",
      "workbook-limit"
    ),
    ("deep.xlsx", "deep.xlsx:1:909: error: excessive depth in document: 256", "xml-malformed"),
    (
      "merge-overlap.xlsx",
      "merge-overlap.xlsx:1:1: error: the sheet 'Sheet1': two merged ranges overlap at D2",
      "workbook-unreadable"
    ),
    (
      "merge-huge.xlsx",
      "merge-huge.xlsx:1:1: error: the sheet 'Sheet1': merged ranges cover more than 4,000,000 cells",
      "workbook-limit"
    ),
    (
      "comments.xlsx",
      "comments.xlsx:1:1: error: more than 100,000 comments or processing instructions",
      "workbook-limit"
    ),
    (
      "row-past-limit.xlsx",
      "row-past-limit.xlsx:1048577:1: error: row 2,000,000 is past 1,048,576, Excel's last",
      "workbook-unreadable"
    ),
    (
      "cell-row-mismatch.xlsx",
      "cell-row-mismatch.xlsx:2:1: error: the cell 'C9' is out of order, out of range or not in row 2",
      "workbook-unreadable"
    ),
    (
      "not-a-zip.xlsx",
      "not-a-zip.xlsx:1:1: error: the file is named as a workbook but is neither one",
      "workbook-unreadable"
    ),
    (
      "encrypted.xlsx",
      "encrypted.xlsx:1:1: error: the workbook is protected by a password: save a copy without one",
      "workbook-encrypted"
    ),
    (
      "legacy.xls",
      "legacy.xls:1:1: error: a legacy Excel 97–2003 workbook (.xls): save it as .xlsx",
      "workbook-legacy"
    ),
    (
      "million-rows.xlsx",
      "million-rows.xlsx:1000001:1: error: unknown area '存在しない業務' [Sheet1!A1000001]", "unknown-area"
    ),
  ])
  func hostileWorkbooksAreRefused(name: String, message: String, id: String) throws {
    let result = try Self.importTable(Self.book(name))
    #expect(result.run.status == 65, "\(name): \(result.run.stderr)")
    #expect(result.plan == nil)
    #expect(result.run.stderr.contains(message), "\(name): \(result.run.stderr)")
    #expect(result.run.stderr.contains("[\(id)]"), "\(name): \(result.run.stderr)")
    // One line per problem: the refusal, then the summary.
    #expect(result.run.stderr.split(separator: "\n").count <= 3, "\(result.run.stderr)")
  }

  /// Valid workbooks written in ways real writers rarely use (stored, not
  /// deflated; ZIP64; an empty shared string first; a formula cached as
  /// ""; a hidden column past XFD) import as the CSV does.
  @Test(arguments: ["stored.xlsx", "zip64.xlsx", "empty-si.xlsx", "edge-cells.xlsx"])
  func unusualButValidWorkbooks(name: String) throws {
    let result = try Self.importTable(Self.book(name))
    #expect(result.run.status == 0, "\(name): \(result.run.stderr)")
    let csv = try Self.importTable(CLI.repository + "/Tests/MigplanCLITests/Tables/shinagawa.csv")
    #expect(Self.body(result.plan) == Self.body(csv.plan), "\(name)")
  }

  /// The PMO survey as xlsx, with the ministry's 40 headers, records what
  /// its Shift_JIS CSV records.
  @Test func thePMOSheetAsAWorkbook() throws {
    var plans: [String] = []
    for sheet in [
      Self.book("PMO調査-省令様式.xlsx"),
      CLI.repository + "/Tests/MigplanCLITests/Sheets/shinagawa-pmo-ministry-sjis.csv",
    ] {
      let directory = try CLI.temporaryDirectory()
      try FileManager.default.copyItem(
        atPath: CLI.repository + "/plans/shinagawa/plan.xml", toPath: directory + "/plan.xml")
      let run = try CLI.run(
        ["record", "--plan", directory, "--sheet", sheet, "--set-as-of", "2024-09-30"])
      #expect(run.status == 0, "\(run.stderr)")
      plans.append(try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8))
    }
    #expect(plans[0] == plans[1])
    #expect(plans[0].contains("asOf=\"2024-09-30\""))
    // The sheet recorded steps: groups 12–13 in progress, as it says.
    let shipped = try String(
      contentsOfFile: CLI.repository + "/plans/shinagawa/plan.xml", encoding: .utf8)
    let inProgress = { (plan: String) in
      plan.components(separatedBy: "status=\"in-progress\"").count
    }
    #expect(inProgress(plans[0]) > inProgress(shipped) + 10)
  }

  /// A copy of the shipped plan, for `record`.
  static func wardCopy(_ edit: (String) -> String = { $0 }) throws -> String {
    try CLI.editedPlan(edit)
  }

  @Test func theTokuteiListMarksTheWardsSystems() throws {
    let directory = try Self.wardCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(
      ["record", "--plan", directory, "--tokutei-list", Self.book("特定移行支援一覧.xlsx")])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("特定移行支援にした (2): 戸籍情報システム、生活保護システム"))
    #expect(run.stdout.contains("migplan record SYSTEM --tokutei-deadline DATE"))
    #expect(
      run.stderr.contains(
        "特定移行支援一覧.xlsx:4:24: warning: 共通機能 is marked for 東京都品川区; it is not a 業務 of the catalog: ignored [結果一覧!X4] [tokutei-listed]"
      ), "\(run.stderr)")
    let plan = try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    #expect(
      plan.contains(
        "<system id=\"koseki\" name=\"戸籍情報システム\" procurement=\"proposal\" procurementStatus=\"planned\" tokutei=\"true\">"
      ))
    #expect(plan.components(separatedBy: "tokutei=\"true\"").count - 1 == 2)
    // The schedule plans them against the national aim, and says so.
    let schedule = try CLI.run(["schedule", "--plan", directory, "--format", "json"])
    #expect(schedule.status == 0)
    #expect(schedule.stderr.contains("tokutei-deadline-assumed"))
    let check = try CLI.run(["check", "--plan", directory])
    #expect(
      check.stderr.contains(
        "戸籍情報システム is 特定移行支援 with no deadline yet: planned against the national aim, 2031-03-31 (end of FY2030); set its own with `migplan record koseki --tokutei-deadline DATE` [tokutei-deadline-assumed]"
      ), "\(check.stderr)")
    // The real deadline replaces the mark.
    let set = try CLI.run(
      ["record", "--plan", directory, "koseki", "--tokutei-deadline", "2027-03-31"])
    #expect(set.status == 0, "\(set.stderr)")
    let after = try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    #expect(after.contains("procurementStatus=\"planned\" tokuteiDeadline=\"2027-03-31\">"))
    #expect(after.components(separatedBy: "tokutei=\"true\"").count - 1 == 1)
    // The same list again changes nothing and writes nothing.
    let again = try CLI.run(
      ["record", "--plan", directory, "--tokutei-list", Self.book("特定移行支援一覧.xlsx")])
    #expect(again.status == 0)
    #expect(again.stdout.contains("変更はありません"))
    #expect(try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8) == after)
  }

  @Test func aListWithoutTheWardChangesNothing() throws {
    let directory = try Self.wardCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let before = try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    let run = try CLI.run(
      ["record", "--plan", directory, "--tokutei-list", Self.book("特定移行支援一覧-品川区なし.xlsx")])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "東京都品川区 (131091) has no row in the list '特定移行支援システムの該当見込み一覧（令和7年12月末時点）' (no row has its code 131091): nothing changed"
      ), "\(run.stderr)")
    #expect(try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8) == before)
  }

  /// The list as CSV marks what the workbook marks; a code typed as a
  /// number finds its body (札幌市, 011002 in the plan, 11002 in the cell);
  /// a plan whose code is on no row is not matched by its name.
  @Test func theListAsCSVAndCodesAsNumbers() throws {
    var plans: [String] = []
    for list in ["特定移行支援一覧.xlsx", "特定移行支援一覧.csv"] {
      let directory = try Self.wardCopy()
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let run = try CLI.run(["record", "--plan", directory, "--tokutei-list", Self.book(list)])
      #expect(run.status == 0, "\(list): \(run.stderr)")
      plans.append(try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8))
    }
    #expect(plans[0] == plans[1])
    let sapporo = try Self.wardCopy {
      $0.replacingOccurrences(
        of: "municipality=\"品川区\" prefecture=\"東京都\"",
        with: "municipality=\"札幌市\" prefecture=\"北海道\""
      )
      .replacingOccurrences(of: "code=\"131091\"", with: "code=\"011002\"")
    }
    defer { try? FileManager.default.removeItem(atPath: sapporo) }
    let marked = try CLI.run(
      ["record", "--plan", sapporo, "--tokutei-list", Self.book("特定移行支援一覧.xlsx")])
    #expect(marked.stdout.contains("特定移行支援にした (1): 国民健康保険システム"), "\(marked.stdout)")
    #expect(
      marked.stderr.contains(
        "the list marks 法人住民税 for 北海道札幌市, which the plan does not have: ignored [結果一覧!J6]"),
      "\(marked.stderr)")
    let otherCode = try Self.wardCopy {
      $0.replacingOccurrences(of: "code=\"131091\"", with: "code=\"131008\"")
    }
    defer { try? FileManager.default.removeItem(atPath: otherCode) }
    let unmatched = try CLI.run(
      ["record", "--plan", otherCode, "--tokutei-list", Self.book("特定移行支援一覧.xlsx")])
    #expect(
      unmatched.stderr.contains("(no row has its code 131008): nothing changed"),
      "\(unmatched.stderr)")
    #expect(unmatched.stdout.contains("変更はありません"))
  }

  /// A deadline set in the same record wins over the list's mark.
  @Test func aDeadlineInTheSameRecordWins() throws {
    let directory = try Self.wardCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(
      [
        "record", "--plan", directory, "koseki", "--tokutei-deadline", "2029-03-31",
        "--tokutei-list", Self.book("特定移行支援一覧.xlsx"),
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let plan = try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    #expect(plan.contains("procurementStatus=\"planned\" tokuteiDeadline=\"2029-03-31\">"))
    #expect(plan.components(separatedBy: "tokutei=\"true\"").count - 1 == 1)
    #expect(run.stdout.contains("特定移行支援にした (1): 生活保護システム"), "\(run.stdout)")
  }

  /// A body found by its 5-digit code (目黒区, 13110 on the list, 131105
  /// in the plan); a system marked before and not on the list is kept,
  /// then unmarked with --clear-unlisted.
  @Test func byCodeAndUnlisted() throws {
    let directory = try Self.wardCopy {
      $0.replacingOccurrences(of: "municipality=\"品川区\"", with: "municipality=\"目黒区\"")
        .replacingOccurrences(of: "code=\"131091\"", with: "code=\"131105\"")
        .replacingOccurrences(
          of: "<system id=\"koseki\" name=\"戸籍情報システム\"",
          with: "<system id=\"koseki\" tokuteiDeadline=\"2027-03-31\" name=\"戸籍情報システム\"")
    }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let list = Self.book("特定移行支援一覧.xlsx")
    let kept = try CLI.run(["record", "--plan", directory, "--tokutei-list", list])
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stdout.contains("特定移行支援にした (2): 住民税システム、住民記録システム"), "\(kept.stdout)")
    #expect(kept.stdout.contains("一覧にないが特定移行支援のまま (1): 戸籍情報システム"))
    #expect(kept.stderr.contains("戸籍情報システム is 特定移行支援, but the list marks none"))
    let cleared = try CLI.run(
      ["record", "--plan", directory, "--tokutei-list", list, "--clear-unlisted"])
    #expect(cleared.status == 0, "\(cleared.stderr)")
    #expect(cleared.stdout.contains("特定移行支援から外した (1): 戸籍情報システム"))
    let plan = try String(contentsOfFile: directory + "/plan.xml", encoding: .utf8)
    #expect(!plan.contains("tokuteiDeadline="))
    #expect(plan.components(separatedBy: "tokutei=\"true\"").count - 1 == 2)
  }

  /// `generate national --tokutei-list`: the official layout made from the
  /// data's JSON gives the portfolio the JSON gives.
  @Test func theNationalGeneratorReadsTheOfficialList() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let script = """
      import json, sys
      from openpyxl import Workbook
      d = json.load(open(sys.argv[1] + "/tokutei-2025-12.json", encoding="utf-8"))
      areas = ["住民基本台帳", "印鑑登録", "戸籍", "戸籍の附票", "選挙人名簿管理", "個人住民税",
               "法人住民税", "固定資産税", "軽自動車税", "就学", "国民年金", "国民健康保険",
               "後期高齢者医療", "介護保険", "障害者福祉", "生活保護", "健康管理", "児童手当",
               "児童扶養手当", "子ども・子育て支援", "共通機能"]
      wb = Workbook(); ws = wb.active; ws.title = "結果一覧"
      ws["A1"] = "特定移行支援システムの該当見込み一覧"; ws.merge_cells("A1:X1"); ws.append([])
      ws.append(["団体コード", "自治体名", "自治体区分"] + areas)
      for m in d["municipalities"]:
          ws.append([m["code"], m["prefecture"] + m["city"], m["category"]]
                    + ["●" if a in m["applicable_businesses"] else None for a in areas])
      wb.save(sys.argv[2])
      """
    try script.write(toFile: directory + "/list.py", atomically: true, encoding: .utf8)
    // The fixture copy of the national figures: the shared data need not be there.
    let data = CLI.repository + "/Tests/MigrationPlanningTests/Fixtures/national"
    let made = try CLI.run(
      [directory + "/list.py", data, directory + "/一覧.xlsx"], executable: Self.python)
    #expect(made.status == 0, "\(made.stderr)")
    let json = try CLI.run(["generate", "national", "--data", data, "-o", directory + "/a"])
    let xlsx = try CLI.run(
      [
        "generate", "national", "--data", data, "-o", directory + "/b", "--tokutei-list",
        directory + "/一覧.xlsx",
      ])
    #expect(json.status == 0 && xlsx.status == 0, "\(xlsx.stderr)")
    func body(_ path: String) throws -> [Substring] {
      try String(contentsOfFile: path + "/portfolio.xml", encoding: .utf8).split(separator: "\n")
        .filter { !$0.contains("特定移行支援 list") }
    }
    let a = try body(directory + "/a")
    #expect(a.count > 10)
    #expect(a.contains { $0.contains("tokutei=") })
    #expect(a == (try body(directory + "/b")))
    #expect(
      try String(contentsOfFile: directory + "/b/portfolio.xml", encoding: .utf8).contains(
        "特定移行支援 list 一覧.xlsx"))
  }
}
