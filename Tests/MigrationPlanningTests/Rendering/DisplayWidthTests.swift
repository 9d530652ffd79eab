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
}
