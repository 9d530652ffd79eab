import Foundation
import Testing

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
    // The ward's eight, the standardisation, and the running costs (the
    // sample's costs.xml, illustrative).
    #expect(initiatives.count == 10)
    let costs = try #require(initiatives.last)
    #expect(costs["name"] as? String == "運用経費の削減")
    let indicator = try #require((costs["indicators"] as? [[String: Any]])?.first)
    #expect((indicator["progress"] as? String)?.hasSuffix("例示") == true, "\(indicator)")
    #expect((indicator["reason"] as? String)?.contains("against FY2018 1000000000 yen") == true)
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
