import Foundation
import Testing

/// `migplan costs` (#28) on the shipped sample (illustrative figures) and
/// copies of it.
@Suite(.serialized) struct CostsCommandTests {
  struct Year: Decodable {
    var year: Int
    var old: Int
    var new: Int
    var parallel: Int
    var total: Int
    var rating: String?
    var cloud: Int
    var network: Int
    var systemOperation: Int

    enum CodingKeys: String, CodingKey {
      case year, old, new, parallel, total, rating, cloud, network
      case systemOperation = "system-operation"
    }
  }

  struct System: Decodable {
    var system: String
    var total: Int
    var slipCost: Int?
  }

  struct Report: Decodable {
    var illustrative: Bool
    var rate: String?
    var reference: Int
    var years: [Year]
    var systems: [System]
  }

  static func report(_ arguments: [String] = []) throws -> Report {
    let run = try CLI.run(["costs", "--format", "json"] + arguments, environment: CLI.shippedDay)
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
  }

  @Test func theSampleIsIllustrativeEverywhere() throws {
    let text = try CLI.run(["costs"], environment: CLI.shippedDay)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("例示: この金額は団体の実績ではありません"))
    #expect(text.stdout.contains("運用経費 (円)"))
    #expect(text.stdout.contains("為替 ¥139.0000/$"))
    // At 80 columns the rating and the total stay; うち並行稼働 goes first.
    let narrow = try CLI.run(["costs", "--width", "80"], environment: CLI.shippedDay)
    let header = narrow.stdout.split(separator: "\n").first { $0.hasPrefix("年度") } ?? ""
    #expect(header.contains("合計") && header.contains("評価"), "\(narrow.stdout)")
    #expect(!header.contains("うち並行稼働"))
    let report = try Self.report()
    #expect(report.illustrative)
    #expect(report.years.map(\.year) == Array(2018...2030))
    #expect(report.years.first?.rating == nil)
    // JSON keeps its codes in English too.
    let english = try CLI.run(
      ["costs", "--format", "json", "--lang", "en"], environment: CLI.shippedDay)
    let japanese = try CLI.run(["costs", "--format", "json"], environment: CLI.shippedDay)
    #expect(english.stdout == japanese.stdout)
    #expect(report.years.count == 13)
    let csv = try CLI.run(["costs", "--format", "csv"], environment: CLI.shippedDay)
    let rows = csv.stdout.split(separator: "\n")
    #expect(
      rows.first?.hasPrefix(
        "system,name,fiscal_year,old,new,parallel,total,rating,illustrative,usd_jpy,") == true)
    // The rate used, on every row.
    #expect(rows.dropFirst().allSatisfy { $0.contains(",139,") })
    #expect(rows.dropFirst().allSatisfy { $0.contains(",true,") })
  }

  @Test func totalsAreSumsAndRatingsFollowTheRule() throws {
    let report = try Self.report()
    #expect(report.reference == 1_000_000_000)
    for year in report.years.dropFirst() {
      #expect(year.total == year.old + year.new)
      let expected =
        10 * year.total <= 7 * report.reference
        ? "met" : year.total <= report.reference ? "below" : "above"
      #expect(year.rating == expected, "\(year.year)")
    }
    // Per system, FY2019–FY2030, adds up to the years'.
    let years = report.years.dropFirst().map(\.total).reduce(0, +)
    #expect(report.systems.map(\.total).reduce(0, +) == years)
    // The sample: new contracts 8 % above the old, so × once every system runs.
    #expect(report.years.last?.rating == "above")
  }

  @Test func theRateMovesTheCloudOnly() throws {
    let at139 = try Self.report()
    let at160 = try Self.report(["--usd-jpy", "160"])
    #expect(at160.rate == "160.0000")
    for (was, now) in zip(at139.years, at160.years) {
      #expect(was.network == now.network && was.systemOperation == now.systemOperation)
      #expect(was.old == now.old)
      if was.cloud > 0 { #expect(now.cloud > was.cloud, "\(was.year)") }
      #expect(now.total - was.total == now.cloud - was.cloud)
    }
    let bad = try CLI.run(["costs", "--usd-jpy", "0"])
    #expect(bad.status == 64)
  }

  /// A slip against a saved schedule costs the slipped system, and only it.
  @Test func whatTheSlipCosts() throws {
    let directory = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.copyItem(
      atPath: CLI.repository + "/plans/shinagawa/costs.xml", toPath: directory + "/costs.xml")
    let day = ["MIGPLAN_TODAY": "2024-02-01"]
    let saved = try CLI.run(["baseline", "save", "before", "--plan", directory], environment: day)
    #expect(saved.status == 0, "\(saved.stderr)")
    // 国民健康保険システム's data migration runs eleven months longer: it
    // holds the staff 生活保護システム needed, whose go-live moves 24 days.
    let recorded = try CLI.run(
      [
        "record", "--plan", directory, "kokuho", "12.1", "--status", "in-progress", "--start",
        "2024-01-04", "--end", "2024-12-27",
      ], environment: day)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let run = try CLI.run(
      ["costs", "--plan", directory, "--baseline", "before", "--format", "json"], environment: day)
    #expect(run.status == 0, "\(run.stderr)")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
    // Its old contract (ended 2025-03-31) runs on 24 days longer at its
    // rate and the new one starts 24 days later: the slip costs 24 days
    // of the old minus 24 of the new, here a saving, as the sample's new
    // contracts cost 8 % more (¥50,000,000 against ¥54,000,000 a year).
    let moved = try #require(report.systems.first { $0.system == "seikatsu-hogo" })
    let expected = 24 * (50_000_000 - 54_000_000) / 365
    #expect(abs((moved.slipCost ?? 0) - expected) <= 10, "\(moved)")
    let unmoved = report.systems.filter {
      $0.system != "seikatsu-hogo" && $0.system != "gan-kenshin"
    }
    #expect(unmoved.allSatisfy { $0.slipCost == 0 }, "\(unmoved)")
    let text = try CLI.run(
      ["costs", "--plan", directory, "--baseline", "before"], environment: day)
    #expect(text.stdout.contains("遅れの費用 (対 before)"))
  }

  @Test func noFileAndABadFile() throws {
    let directory = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let missing = try CLI.run(["costs", "--plan", directory], environment: CLI.shippedDay)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("に運用経費 (costs.xml) がありません"))
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <costs xmlns="urn:migplan:costs:1">
      <system ref="koseki" share="120"/>
    </costs>
    """.write(toFile: directory + "/costs.xml", atomically: true, encoding: .utf8)
    let bad = try CLI.run(["costs", "--plan", directory], environment: CLI.shippedDay)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("costs.xml:3:"), "\(bad.stderr)")
    #expect(bad.stderr.contains("[bad-range]"))
    #expect(bad.stdout.isEmpty)
  }

  /// The example cost sheet (the sample's costs as a sheet), recorded from
  /// xlsx and from CSV, gives the sample's costs; a bad sheet changes
  /// nothing; `import --force` keeps costs.xml.
  @Test func theCostSheet() throws {
    let day = CLI.shippedDay
    let shipped = try CLI.run(["costs", "--format", "json"], environment: day).stdout
    for sheet in ["運用経費.xlsx", "運用経費.csv"] {
      let directory = try CLI.editedPlan { $0 }
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let run = try CLI.run(
        [
          "record", "--plan", directory, "--cost-sheet", CLI.repository + "/docs/examples/" + sheet,
        ],
        environment: day)
      #expect(run.status == 0, "\(sheet): \(run.stderr)")
      #expect(run.stdout.contains("システム 17、2018年度の金額 6件 (例示)"), "\(run.stdout)")
      let costs = try CLI.run(["costs", "--plan", directory, "--format", "json"], environment: day)
      #expect(costs.stdout == shipped, "\(sheet)")
    }
    let directory = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.copyItem(
      atPath: CLI.repository + "/plans/shinagawa/costs.xml", toPath: directory + "/costs.xml")
    let before = try String(contentsOfFile: directory + "/costs.xml", encoding: .utf8)
    try """
    区分,システム,費目,金額(円),契約開始,契約終了
    現行,住民税システム,通信回線,-5,,
    標準準拠,戸籍情報システム,コーヒー,5,,
    現行,住民記録システム,通信回線,5,2026-04-01,2026-03-01
    """.write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
    let bad = try CLI.run(
      ["record", "--plan", directory, "--cost-sheet", directory + "/bad.csv"], environment: day)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("bad.csv:2:17: error: '-5' is not an amount"), "\(bad.stderr)")
    #expect(bad.stderr.contains("bad.csv:3:15: error: unknown 費目 'コーヒー'"), "\(bad.stderr)")
    #expect(bad.stderr.contains("[bad-date-order]"), "\(bad.stderr)")
    #expect(try String(contentsOfFile: directory + "/costs.xml", encoding: .utf8) == before)
    let reimport = try CLI.run(
      [
        "import", CLI.repository + "/Tests/MigplanCLITests/Tables/shinagawa.csv", "--name", "品川区",
        "-o", directory, "--force",
      ], environment: day)
    #expect(reimport.status == 0, "\(reimport.stderr)")
    #expect(try String(contentsOfFile: directory + "/costs.xml", encoding: .utf8) == before)
  }

  /// The CSV opens in LibreOffice with its amounts as numbers.
  @Test func theCSVOpensWithNumbers() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let csv = try CLI.run(["costs", "--format", "csv"], environment: CLI.shippedDay)
    try csv.stdout.write(toFile: directory + "/costs.csv", atomically: true, encoding: .utf8)
    let convert = try CLI.run(
      [
        "-env:UserInstallation=file://\(directory)/profile", "--headless",
        "--infilter=Text - txt - csv (StarCalc):44,34,76,1", "--convert-to", "xlsx", "--outdir",
        directory, directory + "/costs.csv",
      ], environment: ["HOME": directory], executable: "/usr/bin/soffice")
    #expect(convert.status == 0, "\(convert.stderr)")
    let script = """
      import sys, openpyxl
      ws = openpyxl.load_workbook(sys.argv[1]).active
      header = [c.value for c in ws[1]]
      total = header.index("total")
      types = {type(row[total].value).__name__ for row in ws.iter_rows(min_row=2)}
      print(",".join(sorted(types)))
      """
    try script.write(toFile: directory + "/column_types.py", atomically: true, encoding: .utf8)
    let types = try CLI.run(
      [directory + "/column_types.py", directory + "/costs.xlsx"], executable: ExcelInTests.python)
    #expect(types.status == 0, "\(types.stderr)")
    #expect(types.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "int")
  }

  /// Two bodies: a copy of the sample, and one renamed whose every amount
  /// is twice the sample's, each paying 60 % of one shared system.
  static func twoBodies() throws -> (String, String) {
    let costs = try String(
      contentsOfFile: CLI.repository + "/plans/shinagawa/costs.xml", encoding: .utf8
    ).replacingOccurrences(
      of: "<system ref=\"juminzei\">",
      with: "<system ref=\"juminzei\" share=\"60\" shared=\"特別区共同住民税\">")
    let doubled = try NSRegularExpression(pattern: "(yen|usdCents|subsidy)=\"([0-9]+)\"")
    var twice = costs
    for match in doubled.matches(in: costs, range: NSRange(costs.startIndex..., in: costs))
      .reversed()
    {
      let range = try #require(Range(match.range, in: costs))
      let name = try #require(Range(match.range(at: 1), in: costs))
      let value = try #require(Range(match.range(at: 2), in: costs).flatMap { Int(costs[$0]) })
      twice.replaceSubrange(range, with: "\(costs[name])=\"\(value * 2)\"")
    }
    let first = try CLI.editedPlan { $0 }
    let second = try CLI.editedPlan {
      $0.replacingOccurrences(of: "municipality=\"品川区\"", with: "municipality=\"目黒区\"")
        .replacingOccurrences(of: "code=\"131091\"", with: "code=\"131105\"")
    }
    try costs.write(toFile: first + "/costs.xml", atomically: true, encoding: .utf8)
    try twice.write(toFile: second + "/costs.xml", atomically: true, encoding: .utf8)
    return (first, second)
  }

  /// `costs PATH…`: each year's total row is the sum of the bodies' rows,
  /// column by column, in exact yen; `portfolio` shows the same years; the
  /// shares of the shared system, 120 %, warn.
  @Test func severalBodiesAddUp() throws {
    let (first, second) = try Self.twoBodies()
    defer {
      for directory in [first, second] { try? FileManager.default.removeItem(atPath: directory) }
    }
    let csv = try CLI.run(["costs", first, second, "--format", "csv"], environment: CLI.shippedDay)
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(
      csv.stderr.contains(
        "costs.xml:24:3: warning: the shares of the shared system '特別区共同住民税' add up to 120 % (品川区 60 %, 目黒区 60 %)"
      ), "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(lines.first)
    let money = [
      "old", "new", "parallel", "total", "system-operation", "hardware-maintenance",
      "other-outsourcing", "hardware-software", "data-center", "network", "cloud",
    ]
    let columns = money.compactMap { header.firstIndex(of: $0) }
    #expect(columns.count == money.count, "\(header)")
    let rows = lines.dropFirst()
    #expect(Set(rows.map { $0[0] }) == ["131091", "131105", "total"])
    // FY2019, before any go-live, is each body's old contracts for a whole
    // year: 目黒区's twice 品川区's, each on its own row.
    let total = try #require(header.firstIndex(of: "total"))
    func cost(_ code: String, _ year: String) -> Int? {
      rows.first { $0[0] == code && $0[2] == year }.flatMap { Int($0[total]) }
    }
    let shinagawa = try #require(cost("131091", "2019"))
    #expect(shinagawa > 0 && cost("131105", "2019") == 2 * shinagawa)
    #expect(cost("total", "2019") == 3 * shinagawa)
    for year in 2018...2030 {
      let ofYear = rows.filter { $0[2] == String(year) }
      let total = try #require(ofYear.first { $0[0] == "total" })
      let bodies = ofYear.filter { $0[0] != "total" }
      #expect(bodies.count == 2)
      for column in columns {
        #expect(
          Int(total[column]) == bodies.compactMap { Int($0[column]) }.reduce(0, +),
          "\(year) \(header[column])")
      }
    }
    // portfolio's costs are the same years.
    let json = try CLI.run(
      ["costs", first, second, "--format", "json"], environment: CLI.shippedDay)
    let portfolio = try CLI.run(
      ["portfolio", first, second, "--format", "json"], environment: CLI.shippedDay)
    #expect(portfolio.status == 0, "\(portfolio.stderr)")
    let own = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let theirs = try #require(
      (JSONSerialization.jsonObject(with: Data(portfolio.stdout.utf8)) as? [String: Any])?["costs"]
        as? [String: Any])
    #expect((own["years"] as? [[String: Any]])?.count == 13)
    #expect(
      NSArray(array: own["years"] as? [Any] ?? [])
        == NSArray(array: theirs["years"] as? [Any] ?? []))
    #expect(
      (own["bodies"] as? [[String: Any]])?.map { $0["municipality"] as? String } == ["品川区", "目黒区"])
    #expect(own["illustrative"] as? [String] == ["品川区", "目黒区"])
    // The portfolio page: the costs section with a line per body.
    let page = try CLI.run(["report", first, second], environment: CLI.shippedDay)
    #expect(page.status == 0, "\(page.stderr)")
    let section = try #require(page.stdout.components(separatedBy: "<section id=\"costs\">").last)
    #expect(section.contains("<svg") && section.contains(">品川区<") && section.contains(">目黒区<"))
    let repriced = try CLI.run(
      ["portfolio", first, second, "--format", "json", "--usd-jpy", "160"],
      environment: CLI.shippedDay)
    #expect(repriced.stdout.contains("\"rate\": \"160.0000\""), "\(repriced.stdout.suffix(300))")
    let text = try CLI.run(
      ["portfolio", first, second, "--width", "120"], environment: CLI.shippedDay)
    #expect(text.stdout.contains("運用経費 (円)  2団体  為替: 各団体の costs.xml"), "\(text.stdout)")
    #expect(text.stdout.contains("例示を含む: 品川区、目黒区"))
  }

  /// PATHs refuse --baseline; PATHs without costs.xml say so; a
  /// portfolio without costs prints no costs.
  @Test func pathsAndTheirLimits() throws {
    let baseline = try CLI.run(
      ["costs", "plans/shinagawa", "--baseline", "b"], environment: CLI.shippedDay)
    #expect(baseline.status == 64, "\(baseline.stderr)")
    let bare = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: bare) }
    let some = try CLI.run(["costs", "plans/shinagawa", bare], environment: CLI.shippedDay)
    #expect(some.stdout.contains("1団体 (2団体のうち costs.xml のある団体)"), "\(some.stdout)")
    let none = try CLI.run(["costs", bare], environment: CLI.shippedDay)
    #expect(none.status == 66)
    #expect(none.stderr.contains("どの計画にも運用経費 (costs.xml) がありません"), "\(none.stderr)")
    let portfolio = try CLI.run(
      ["portfolio", bare, "--format", "json"], environment: CLI.shippedDay)
    #expect(portfolio.status == 0 && !portfolio.stdout.contains("\"costs\""))
  }

  /// The cost sheet's 共同利用システム column reaches costs.xml, and a
  /// system given two names is refused at its cell.
  @Test func theSharedSystemFromTheSheet() throws {
    let directory = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try """
    区分,システム,費目,金額(円),負担割合(%),共同利用システム
    基準年度,,通信回線,1000,,
    現行,住民税システム,通信回線,500,40,特別区共同住民税
    標準準拠,住民税システム,通信回線,400,40,特別区共同住民税
    """.write(toFile: directory + "/good.csv", atomically: true, encoding: .utf8)
    let good = try CLI.run(
      ["record", "--plan", directory, "--cost-sheet", directory + "/good.csv"],
      environment: CLI.shippedDay)
    #expect(good.status == 0, "\(good.stderr)")
    let written = try String(contentsOfFile: directory + "/costs.xml", encoding: .utf8)
    #expect(
      written.contains("<system ref=\"juminzei\" share=\"40\" shared=\"特別区共同住民税\">"), "\(written)")
    try """
    区分,システム,費目,金額(円),負担割合(%),共同利用システム
    現行,住民税システム,通信回線,500,40,特別区共同住民税
    標準準拠,住民税システム,通信回線,400,40,別の共同システム
    """.write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
    let bad = try CLI.run(
      ["record", "--plan", directory, "--cost-sheet", directory + "/bad.csv"],
      environment: CLI.shippedDay)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("bad.csv:3:"), "\(bad.stderr)")
    #expect(bad.stderr.contains("[contradiction]"), "\(bad.stderr)")
    #expect(try String(contentsOfFile: directory + "/costs.xml", encoding: .utf8) == written)
  }

  /// `--usd-jpy` reaches the page, `kpi` and the workbook: the page names
  /// the rate and its table shows `costs`' totals at that rate; the page
  /// with a baseline has each system's slip cost.
  @Test func theRateReachesEveryOutput() throws {
    let day = CLI.shippedDay
    let at160 = try Self.report(["--usd-jpy", "160"])
    let page = try CLI.run(["report", "--usd-jpy", "160"], environment: day)
    #expect(page.status == 0, "\(page.stderr)")
    let costs = try #require(page.stdout.components(separatedBy: "<section id=\"costs\">").last)
    #expect(costs.contains("為替 ¥160.0000/$"))
    let last = try #require(at160.years.last)
    #expect(
      costs.contains(
        ">\(last.total.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))<"
      ))
    // R8 (FY2026): the systems run on the cloud.
    let plain = try CLI.run(["kpi", "--format", "json", "--as-of", "2026-04-01"], environment: day)
    let repriced = try CLI.run(
      ["kpi", "--format", "json", "--as-of", "2026-04-01", "--usd-jpy", "160"], environment: day)
    #expect(repriced.status == 0 && plain.stdout != repriced.stdout)
    let bad = try CLI.run(["report", "--usd-jpy", "0"], environment: day)
    #expect(
      bad.status == 64 && bad.stderr.contains("--usd-jpy must be yen per dollar"), "\(bad.stderr)")
  }
  /// Bodies each within the bound whose sum passes it are refused at the
  /// body that passes it, not summed past 64 bits.
  @Test func bodiesPastTheBound() throws {
    let figures = String(
      repeating: "    <cost scope=\"body\" item=\"network\" yen=\"10000000000000\"/>\n",
      count: 6_000)
    let costs = """
      <?xml version="1.0" encoding="UTF-8"?>
      <costs xmlns="urn:migplan:costs:1">
        <reference>
      \(figures)  </reference>
      </costs>

      """
    let first = try CLI.editedPlan { $0 }
    let second = try CLI.editedPlan {
      $0.replacingOccurrences(of: "municipality=\"品川区\"", with: "municipality=\"目黒区\"")
    }
    defer {
      for directory in [first, second] { try? FileManager.default.removeItem(atPath: directory) }
    }
    for directory in [first, second] {
      try costs.write(toFile: directory + "/costs.xml", atomically: true, encoding: .utf8)
    }
    let alone = try CLI.run(["costs", "--plan", first], environment: CLI.shippedDay)
    #expect(alone.status == 0, "\(alone.stderr)")
    let both = try CLI.run(["costs", first, second], environment: CLI.shippedDay)
    #expect(both.status == 65)
    #expect(
      both.stderr.contains(second + "/costs.xml:2:1: error: with this body's costs"),
      "\(both.stderr)")
    #expect(both.stdout.isEmpty)
  }

  /// `export xlsx --usd-jpy` writes the rate given into the 運用経費 sheet.
  @Test func theWorkbookAtARate() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(
      ["export", "xlsx", "--usd-jpy", "160.5", "-o", directory + "/r.xlsx"],
      environment: CLI.shippedDay)
    #expect(run.status == 0, "\(run.stderr)")
    let sheet = try CLI.run(
      [
        "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        directory + "/r.xlsx", "xl/worksheets/sheet6.xml",
      ], executable: ExcelInTests.python)
    #expect(sheet.stdout.contains("<v>160.5</v>") && !sheet.stdout.contains("<v>139</v>"))
  }

  /// The cost sheet's checks that need every row, at their cells: a
  /// subsidy row before its amount row is fine, a subsidy above the
  /// migration's total is refused at its cell, a dollar fee without 為替
  /// at the dollar cell, a blank amount at its cell; CSV follows --lang.
  @Test func theSheetsCells() throws {
    let directory = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    func record(_ sheet: String) throws -> MigplanRun {
      try sheet.write(toFile: directory + "/s.csv", atomically: true, encoding: .utf8)
      return try CLI.run(
        ["record", "--plan", directory, "--cost-sheet", directory + "/s.csv"],
        environment: CLI.shippedDay)
    }
    let header = "区分,システム,費目,金額(円),金額(ドル),補助金(円)\n"
    let good = try record(
      header + "基準年度,,通信回線,1000,,\n移行,住民税システム,,0,,64\n移行,住民税システム,,80,,\n")
    #expect(good.status == 0, "\(good.stderr)")
    let over = try record(
      header + "移行,住民税システム,,80,,60\n移行,住民税システム,,0,,30\n")
    #expect(over.status == 65)
    #expect(over.stderr.contains("s.csv:3:16: error: a subsidy of 90 yen"), "\(over.stderr)")
    let dollars = try record(header + "標準準拠,住民税システム,クラウド利用料,,1200.50,\n")
    #expect(dollars.status == 65)
    #expect(
      dollars.stderr.contains("s.csv:2:") && dollars.stderr.contains("[セル E2]"), "\(dollars.stderr)"
    )
    #expect(dollars.stderr.contains("needs the rate: add a row of 区分 為替"), "\(dollars.stderr)")
    let blank = try record(header + "移行,住民税システム,,,,64\n")
    #expect(blank.status == 65)
    #expect(blank.stderr.contains("s.csv:2:13: error: this row needs its 金額(円)"), "\(blank.stderr)")
    let japanese = try CLI.run(
      ["costs", "--format", "csv", "--lang", "ja"], environment: CLI.shippedDay)
    #expect(japanese.stdout.hasPrefix("システムID,システム,年度,"), "\(japanese.stdout.prefix(80))")
  }
}
