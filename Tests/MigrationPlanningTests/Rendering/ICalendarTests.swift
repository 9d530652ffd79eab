import Testing

@testable import MigrationPlanning

@Suite struct ICalendarTests {
  @Test func foldsLongLinesWithoutSplittingCharacters() {
    let line = "SUMMARY:" + String(repeating: "戸籍", count: 30)
    let folded = ICalendarWriter.fold(line)
    for part in folded.components(separatedBy: "\r\n") where !part.isEmpty {
      #expect(part.utf8.count <= 75)
    }
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "").hasPrefix(line))
  }

  @Test func escapesText() {
    #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
  }
}
