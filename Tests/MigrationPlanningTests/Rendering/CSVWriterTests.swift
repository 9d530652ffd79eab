import Testing

@testable import MigrationPlanning

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("=1+2", "'=1+2"), ("+81", "+81"), ("-12.5", "-12.5"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("\rCR", "\"'\rCR\""), ("住民記録", "住民記録"), ("=A1,B1", "\"'=A1,B1\""),
  ])
  func fields(value: String, expected: String) {
    #expect(CSVWriter.field(value) == expected)
  }

  @Test func excelWritesBOMAndCRLF() {
    let text = CSVWriter(excel: true).render(header: ["a", "b"], rows: [["1", "x,y"]])
    #expect(text == "\u{FEFF}a,b\r\n1,\"x,y\"\r\n")
    #expect(CSVWriter().render(header: ["a"], rows: [["1"]]) == "a\n1\n")
  }
}
