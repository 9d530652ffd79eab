import Foundation
import Testing

/// One language per run (#13): `--lang ja` (the default) shows no English
/// word of the message table, `--lang en` no Japanese one; CSV under
/// `--lang ja` is Japanese through and through, and machine CSV stays codes.
@Suite struct LanguageTests {
  static let commands: [[String]] = [
    ["schedule"], ["gantt"], ["proposals", "--all"], ["kpi"], ["kpi", "--pmo"], ["specs"],
    ["portfolio", "plans/shinagawa"], ["check"], ["baseline", "list"],
    ["schedule", "--as-of", "2026-11-27"], ["forecast", "--samples", "50"],
  ]

  /// Words of the message table that would give a mixed language away.
  static let english = [
    "on-track", "on track", "at-risk", "at risk", " late", "negotiated", "staff capacity",
    "go-live blackout", "systems:", "as of", "deadline", "Legend", "mandatory", "function",
    "recorded progress", "seed",
  ]
  static let japanese = [
    "予定通り", "要注意", "遅延", "随意契約", "職員の容量", "切替禁止期間", "基準日", "期限", "凡例",
    "実装必須", "機能", "実績・作業中", "システム:",
  ]

  @Test(arguments: commands)
  func japaneseTextHasNoEnglishWord(arguments: [String]) throws {
    let run = try CLI.run(arguments + ["--width", "120"])
    #expect(run.status == 0, "\(run.stderr)")
    for word in Self.english {
      #expect(!run.stdout.contains(word), "\(arguments): '\(word)' in\n\(run.stdout)")
    }
  }

  @Test(arguments: commands)
  func englishTextHasNoJapaneseWord(arguments: [String]) throws {
    let run = try CLI.run(arguments + ["--width", "120", "--lang", "en"])
    #expect(run.status == 0, "\(run.stderr)")
    for word in Self.japanese {
      #expect(!run.stdout.contains(word), "\(arguments): '\(word)' in\n\(run.stdout)")
    }
  }

  @Test(arguments: ["area", "system"])
  func japaneseCSVHasNoEnglishWord(unit: String) throws {
    let run = try CLI.run(["export", "csv", "--by", unit, "--lang", "ja", "--as-of", "2026-11-27"])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = parseCSV(run.stdout)
    let header = try #require(rows.first)
    func column(_ name: String) throws -> [String] {
      let index = try #require(header.firstIndex(of: name))
      return rows.dropFirst().map { $0[index] }
    }
    let words: [String: Set<String>] = [
      "調達方法": ["随意契約", "プロポーザル", "一般競争入札"],
      "調達状況": ["予定", "選定済み", "契約済み"],
      "状態": ["完了", "予定通り", "要注意", "遅延"],
      "特定移行支援": ["はい", "いいえ"],
      "律速は仮定": ["はい", "いいえ"],
    ]
    for (name, allowed) in words {
      for cell in try column(name) {
        #expect(
          cell.split(separator: ";").allSatisfy { allowed.contains(String($0)) }, "\(name): \(cell)"
        )
      }
    }
    #expect(try column("状態").contains("遅延"))
    for cell in try column("PMO進捗率") {
      #expect(cell.wholeMatch(of: /\d{1,3}\.\d%/) != nil, "\(cell)")
    }
    for cell in try column("律速") where !cell.isEmpty {
      #expect(cell.unicodeScalars.contains { $0.value > 0x3000 }, "\(cell)")
    }
    // Machine CSV keeps the codes and fractions.
    let machine = try CLI.run(["export", "csv", "--by", unit, "--as-of", "2026-11-27"])
    #expect(machine.stdout.contains(",late,") && machine.stdout.contains(",0.825,"))
  }

  /// The calendar speaks the language asked for; Japanese stays the default.
  @Test func calendarInEnglish() throws {
    let english = try CLI.run(["proposals", "--all", "--format", "ics", "--lang", "en"])
    #expect(english.status == 0)
    for word in ["公告", "随意契約", "プロポーザル", "調達マイルストーン", "予定日"] {
      #expect(!english.stdout.contains(word), "\(word)")
    }
    #expect(english.stdout.contains("SUMMARY:【戸籍情報システム】notice"))
    let japanese = try CLI.run(["proposals", "--format", "ics"])
    #expect(japanese.stdout.contains("SUMMARY:【戸籍情報システム】公告"))
  }
}
