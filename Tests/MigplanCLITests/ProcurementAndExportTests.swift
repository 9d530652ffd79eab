import Foundation
import Testing

/// An RFC 4180 reader written for these tests (independent of migplan's
/// writer): quoted fields, doubled quotes, commas and line breaks in quotes.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text.unicodeScalars)
  if characters.first == "\u{FEFF}" { characters.removeFirst() }
  var index = 0
  while index < characters.count {
    let c = characters[index]
    if quoted {
      if c == "\"" {
        if index + 1 < characters.count && characters[index + 1] == "\"" {
          field.unicodeScalars.append("\"")
          index += 1
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" && field.isEmpty {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\r" && index + 1 < characters.count && characters[index + 1] == "\n" {
      // CRLF: the LF ends the record.
    } else if c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(c)
    }
    index += 1
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

/// A strict RFC 5545 check of what migplan writes: CRLF everywhere, lines of
/// at most 75 octets, folding, BEGIN/END nesting, required properties,
/// property syntax, DATE values, unique UIDs, escaped TEXT.
func iCalendarProblems(_ text: String) -> [String] {
  var problems: [String] = []
  let bytes = Array(text.utf8)
  for (index, byte) in bytes.enumerated() where byte == 0x0A {
    if index == 0 || bytes[index - 1] != 0x0D { problems.append("bare LF at byte \(index)") }
  }
  guard text.hasSuffix("\r\n") else { return problems + ["no final CRLF"] }
  let physical = text.components(separatedBy: "\r\n").dropLast()
  var lines: [String] = []
  for line in physical {
    if line.utf8.count > 75 { problems.append("line over 75 octets: \(line.prefix(20))") }
    if line.hasPrefix(" ") || line.hasPrefix("\t") {
      guard !lines.isEmpty else { return problems + ["continuation first"] }
      lines[lines.count - 1] += String(line.dropFirst())
    } else {
      lines.append(line)
    }
  }
  var stack: [String] = []
  var properties: [String: Int] = [:]
  var uids = Set<String>()
  for line in lines {
    guard let colon = line.firstIndex(of: ":") else {
      problems.append("no colon: \(line)")
      continue
    }
    let head = line[..<colon]
    let value = String(line[line.index(after: colon)...])
    let parts = head.split(separator: ";")
    guard let name = parts.first,
      name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") })
    else {
      problems.append("bad property name: \(head)")
      continue
    }
    for parameter in parts.dropFirst() where !parameter.contains("=") {
      problems.append("bad parameter: \(parameter)")
    }
    switch name {
    case "BEGIN":
      stack.append(value)
      if value == "VEVENT" { properties = [:] }
    case "END":
      guard stack.last == value else {
        return problems + ["END:\(value) does not close \(stack.last ?? "nothing")"]
      }
      if value == "VEVENT" {
        for required in ["UID", "DTSTAMP", "DTSTART"] where properties[required] != 1 {
          problems.append("VEVENT without exactly one \(required)")
        }
      }
      stack.removeLast()
    default:
      properties[String(name), default: 0] += 1
      if name == "UID" && !uids.insert(value).inserted { problems.append("duplicate UID \(value)") }
      if name == "DTSTART" || name == "DTEND" {
        if !(parts.contains("VALUE=DATE") && value.count == 8 && value.allSatisfy(\.isNumber)) {
          problems.append("bad date \(line)")
        }
      }
      if name == "DTSTAMP" && !(value.count == 16 && value.hasSuffix("Z")) {
        problems.append("bad DTSTAMP \(value)")
      }
      if name == "SUMMARY" || name == "DESCRIPTION" {
        var escaped = false
        for character in value {
          if escaped {
            if !["\\", ";", ",", "n", "N"].contains(character) {
              problems.append("bad escape in \(name)")
            }
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == ";" || character == "," {
            problems.append("unescaped \(character) in \(name)")
          }
        }
      }
    }
  }
  if !stack.isEmpty { problems.append("unclosed \(stack)") }
  if lines.first != "BEGIN:VCALENDAR" || !lines.contains("VERSION:2.0")
    || !lines.contains(where: { $0.hasPrefix("PRODID:") })
  {
    problems.append("VCALENDAR without BEGIN, VERSION or PRODID")
  }
  return problems
}

@Suite struct ProposalsCommandTests {
  @Test func listsTheKosekiProposalAndNotKokuho() throws {
    let run = try CLI.run(["proposals", "--format", "json"])
    #expect(run.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let proposals = try #require(json["proposals"] as? [[String: Any]])
    #expect(proposals.compactMap { $0["system"] as? String } == ["koseki"])
    let koseki = proposals[0]
    #expect(koseki["areas"] as? [String] == ["koseki", "koseki-fuhyo"])
    #expect(koseki["respondents"] as? [String] == ["株式会社両毛システムズ", "富士通Japan株式会社"])
    let milestones = try #require(koseki["milestones"] as? [[String: Any]])
    #expect(
      milestones.compactMap { $0["kind"] as? String } == [
        "公告", "質問受付期限", "質問回答", "参加申込期限", "参加資格確認通知", "提案書提出期限", "プレゼンテーション",
        "評価委員会", "審査結果通知", "契約",
      ])
    let dates = milestones.compactMap { $0["date"] as? String }
    #expect(dates == dates.sorted())
    let next = try #require(koseki["next"] as? [String: Any])
    #expect(next["kind"] as? String == "公告")
    #expect((next["workingDaysLeft"] as? Int ?? -1) > 0)
    #expect(koseki["contractInTime"] as? Bool == true)
    let text = try CLI.run(["proposals"])
    #expect(text.stdout.contains("戸籍情報システム") && !text.stdout.contains("国民健康保険システム"))
  }

  @Test func allAddsNegotiatedContractsNotYetSigned() throws {
    let run = try CLI.run(["proposals", "--all", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let systems = (json["proposals"] as? [[String: Any]] ?? []).compactMap {
      $0["system"] as? String
    }
    #expect(systems.contains("koseki") && systems.contains("senkyo"))
    #expect(!systems.contains("jumin") && !systems.contains("kokuho"))
  }

  @Test func asOfReplansTheMilestonesFromThatDay() throws {
    // --as-of re-plans: nothing of the proposal is recorded, so its first
    // milestone, 公告, moves to that day or later.
    let run = try CLI.run(["proposals", "--as-of", "2024-03-20", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let koseki = try #require((json["proposals"] as? [[String: Any]])?.first)
    let next = try #require(koseki["next"] as? [String: Any])
    #expect(next["kind"] as? String == "公告")
    #expect((next["date"] as? String ?? "") >= "2024-03-20")
    #expect(json["asOf"] as? String == "2024-03-20")
  }

  @Test func iCalendarIsStrictlyValidAndStable() throws {
    let run = try CLI.run(["proposals", "--all", "--format", "ics"])
    #expect(run.status == 0)
    #expect(iCalendarProblems(run.stdout) == [])
    #expect(run.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 >= 10)
    #expect(run.stdout.contains("UID:131091-koseki-notice@migplan"))
    // A later look keeps the UIDs and raises the sequence, so calendars update.
    let later = try CLI.run(["proposals", "--all", "--format", "ics", "--as-of", "2024-03-01"])
    let uids = { (text: String) in
      text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }
    #expect(Set(uids(run.stdout)) == Set(uids(later.stdout)))
  }

  @Test func iCalendarCheckerCatchesBadInput() {
    #expect(!iCalendarProblems("BEGIN:VCALENDAR\nEND:VCALENDAR\n").isEmpty)
    #expect(
      !iCalendarProblems(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:a,b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
      ).isEmpty)
  }
}

@Suite struct ExportCSVTests {
  static func scheduleSystems() throws -> [String: [String: Any]] {
    let run = try CLI.run(["schedule", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let systems = try #require(json["systems"] as? [[String: Any]])
    return Dictionary(
      uniqueKeysWithValues: systems.compactMap { s in (s["id"] as? String).map { ($0, s) } })
  }

  @Test func eighteenAreaRowsConsistentWithTheSchedule() throws {
    let run = try CLI.run(["export", "csv"])
    #expect(run.status == 0)
    let rows = parseCSV(run.stdout)
    #expect(
      rows.first == [
        "area_id", "area_name", "systems", "vendors", "procurement_method", "procurement_status",
        "pmo_done",
        "pmo_total", "pmo_rate", "planned_go_live", "deadline", "slack_days", "days_late", "status",
        "tokutei", "binding", "binding_assumed",
      ])
    #expect(rows.count == 19)
    let systems = try Self.scheduleSystems()
    for row in rows.dropFirst() {
      #expect(row.count == 17)
      #expect(Int(row[12]) == max(0, -(Int(row[11]) ?? 0)))
      #expect(row[7] == "40")
      #expect(Double(row[8]) == Double(row[6]).map { $0 / 40 })
      // The area's go-live is the latest of its systems'.
      let serving = systems.values.filter { ($0["areas"] as? [String] ?? []).contains(row[0]) }
      #expect(row[9] == serving.compactMap { $0["goLive"] as? String }.max())
    }
    let kenko = try #require(rows.first { $0[0] == "kenko-kanri" })
    #expect(kenko[2] == "がん検診システム・予防接種;母子保健システム")
  }

  @Test func seventeenSystemRowsMatchScheduleJSON() throws {
    let run = try CLI.run(["export", "csv", "--by", "system"])
    let rows = parseCSV(run.stdout)
    #expect(rows.first?.prefix(3) == ["system_id", "system_name", "areas"])
    #expect(rows.count == 18)
    let systems = try Self.scheduleSystems()
    for row in rows.dropFirst() {
      let system = try #require(systems[row[0]])
      #expect(row[9] == system["goLive"] as? String)
      #expect(row[10] == system["deadline"] as? String)
      #expect(Int(row[11]) == system["slackDays"] as? Int)
      #expect(Int(row[12]) == system["daysLate"] as? Int)
      #expect(row[13] == system["status"] as? String)
      #expect(row[14] == ((system["tokutei"] as? Bool ?? false) ? "true" : "false"))
    }
  }

  @Test func japaneseHeadersExcelAndJSON() throws {
    let ja = try CLI.run(["export", "csv", "--lang", "ja", "--excel"])
    #expect(ja.stdout.hasPrefix("\u{FEFF}事務ID,事務名,システム,"))
    #expect(ja.stdout.contains("\r\n"))
    #expect(!ja.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(parseCSV(ja.stdout).count == 19)
    let json = try CLI.run(["export", "csv", "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 18)
    #expect(rows.first?["pmo_total"] as? Int == 40)
  }

  @Test func quotingAndFormulasSurviveARoundTrip() throws {
    // A plan whose names need quoting and neutralising.
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "name=\"選挙システム\"", with: "name=\"=HYPERLINK(&quot;x&quot;),選挙 &quot;新&quot;\""
      )
      .replacingOccurrences(of: "name=\"行政システム株式会社\"", with: "name=\"@行政, システム\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(["export", "csv", "--by", "system", "--plan", plan])
    #expect(run.status == 0, "\(run.stderr)")
    let row = try #require(parseCSV(run.stdout).first { $0.first == "senkyo" })
    #expect(row[1] == "'=HYPERLINK(\"x\"),選挙 \"新\"")
    #expect(row[3] == "'@行政, システム")
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/status.csv"
    try "old contents\n".write(toFile: target, atomically: true, encoding: .utf8)
    // A failing run (a plan with an error) leaves the file as it was.
    let broken = try CLI.editedPlan {
      $0.replacingOccurrences(of: "<serves area=\"kaigo\"/>", with: "<serves area=\"kaig\"/>")
    }
    defer { try? FileManager.default.removeItem(atPath: broken) }
    let failed = try CLI.run(["export", "csv", "--plan", broken, "-o", target])
    #expect(failed.status == 65)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old contents\n")
    // A good run replaces it whole, leaving no temporary file behind.
    let good = try CLI.run(["export", "csv", "-o", target])
    #expect(good.status == 0 && good.stdout == "")
    #expect(parseCSV(try String(contentsOfFile: target, encoding: .utf8)).count == 19)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["status.csv"])
    let nowhere = try CLI.run(["export", "csv", "-o", directory + "/missing/status.csv"])
    #expect(nowhere.status == 73)
  }
}

@Suite struct KPICommandTests {
  @Test func tableShowsTheNineInitiativesAligned() throws {
    let run = try CLI.run(["kpi"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines[1].hasPrefix("No  取り組み"))
    let rows = lines.dropFirst(3).prefix(9)
    let numbers: [String] = rows.map { line in String(line.prefix { $0 != " " }) }
    let expected: [String] = (1...9).map { String($0) }
    #expect(numbers == expected)
    // Columns align by display width: 評価 starts in the same column on every row.
    let column = rows.map { line -> Int in
      guard let range = line.range(of: "  ○") ?? line.range(of: "  △") else { return -1 }
      return displayWidth(line[..<range.lowerBound])
    }
    #expect(Set(column).count == 1)
  }

  @Test func jsonGivesEveryReason() throws {
    let run = try CLI.run(["kpi", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let initiatives = try #require(json["initiatives"] as? [[String: Any]])
    #expect(initiatives.count == 9)
    for initiative in initiatives {
      for indicator in initiative["indicators"] as? [[String: Any]] ?? [] {
        #expect(!(indicator["reason"] as? String ?? "").isEmpty)
      }
    }
    let standardization = try #require(json["standardization"] as? [String: Any])
    #expect(standardization["areasTotal"] as? Int == 18)
  }

  @Test func pmoView() throws {
    let run = try CLI.run(["kpi", "--pmo"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("住民基本台帳") && run.stdout.contains("82.5%"))
    let csv = try CLI.run(["kpi", "--pmo", "--format", "csv"])
    #expect(parseCSV(csv.stdout).count == 19)
  }
}
