import Testing

@testable import MigrationPlanning

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("abc", 3), ("住民記録", 8), ("富士通Japan", 11), ("ｶﾅ", 2), ("ＡＢ", 4), ("戸籍の附票", 10),
    ("○△", 2), ("█▓░", 3), ("R7年度", 6), ("が", 2), ("\u{304B}\u{3099}", 2), ("", 0),
  ])
  func widths(text: String, width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }

  @Test func padAndTruncateByColumns() {
    #expect(DisplayWidth.pad("住民", to: 6) == "住民  ")
    #expect(DisplayWidth.pad("12", to: 4, alignRight: true) == "  12")
    #expect(DisplayWidth.truncate("後期高齢者医療保険システム", to: 10) == "後期高齢…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("後期高齢者医療保険システム", to: 10)) <= 10)
    #expect(DisplayWidth.pad("後期高齢者医療保険システム", to: 11).count == 6)
  }

  @Test func tableColumnsAlignWithJapaneseText() {
    let table = TextTable(
      header: ["システム", "n"], rows: [["住民記録システム", "1"], ["abc", "22"]], rightAligned: [1])
    let lines = table.rendered().split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[2] == "住民記録システム   1")
    #expect(lines[3] == "abc               22")
  }

  /// A narrow width drops the least important columns first, the
  /// rightmost of equals, and names the --width that shows them all.
  @Test func narrowTablesDropTheLeastImportantFirst() {
    var table = TextTable(
      header: ["名前", "詳細", "確率"],
      rows: [["住民記録システム", String(repeating: "x", count: 30), "82.5%"]])
    table.whole = [2]
    table.importance = [.high, .low, .high]
    let text = table.rendered(width: 30)
    let lines = text.split(separator: "\n")
    #expect(lines[0].contains("確率") && !lines[0].contains("詳細"), "\(text)")
    // The narrowest width that drops nothing: 16 + 16 (cut) + 5 columns
    // and two gaps; the note folds where a space is.
    #expect(
      text.replacingOccurrences(of: "\n", with: " ").contains("(省略した列: 詳細 — --width 41 で全列)"),
      "\(text)")
    #expect(lines.dropLast().allSatisfy { DisplayWidth.of(String($0)) <= 30 })
    // Without importance the last column goes first, as before.
    table.importance = []
    #expect(!table.rendered(width: 30).split(separator: "\n")[0].contains("確率"))
  }

  /// A cut name keeps 16 columns; a cut cause keeps its step.
  @Test func cutsKeepNamesReadableAndStepsWhole() {
    #expect(DisplayWidth.truncateKeepingTail("職員の容量 (14.2)", to: 14) == "職員の… (14.2)")
    #expect(
      DisplayWidth.truncateKeepingTail("ベンダ着手可能日 2024-07-01〜 (11.2)", to: 20) == "ベンダ着手可… (11.2)")
    #expect(DisplayWidth.truncateKeepingTail("no tail here at all", to: 8) == "no tail…")
    #expect(DisplayWidth.truncateKeepingTail("短い (1.1)", to: 20) == "短い (1.1)")
    var table = TextTable(
      header: ["システム", "事務"],
      rows: [["後期高齢者医療保険システム", "後期高齢者医療・国民健康保険・国民年金"]])
    table.importance = [.high, .normal]
    let line = table.rendered(width: 40).split(separator: "\n")[2]
    let name = String(line.prefix { $0 != " " })
    #expect(DisplayWidth.of(name) >= 16, "\(line)")
  }
}
