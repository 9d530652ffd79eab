/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes
/// doubled. Cells a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or carriage return) are neutralised by a leading
/// apostrophe, as OWASP recommends, unless they are plain numbers
/// (`-12`, `-0.5`), which stay numbers.
public struct CSVWriter: Sendable {
  /// Excel on Windows: a byte-order mark and CRLF line ends.
  public var excel: Bool

  /// A writer; `excel` for Excel on Windows.
  public init(excel: Bool = false) { self.excel = excel }

  /// The CSV of `header` and `rows`.
  public func render(header: [String], rows: [[String]]) -> String {
    let newline = excel ? "\r\n" : "\n"
    var output = excel ? "\u{FEFF}" : ""
    for row in [header] + rows {
      output += row.map { Self.field($0) }.joined(separator: ",") + newline
    }
    return output
  }

  /// One field, neutralised and quoted as needed.
  public static func field(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
      !isPlainNumber(text)
    {
      text = "'" + text
    }
    let needsQuotes = text.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }
    if needsQuotes {
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
  }

  static func isPlainNumber(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    guard !body.isEmpty else { return false }
    var seenDot = false
    for character in body {
      if character == "." {
        if seenDot { return false }
        seenDot = true
      } else if !character.isASCII || !character.isNumber {
        return false
      }
    }
    return body.first != "." && body.last != "."
  }
}
