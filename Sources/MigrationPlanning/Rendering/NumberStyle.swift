/// How numbers read in text output and on the HTML page.
public enum NumberStyle {
  /// A share as text shows it: one decimal, `82.5%`.
  public static func percent(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return "-" }
    let tenths = Int((value * 1000).rounded())
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(number(Double(abs(tenths) / 10))).\(abs(tenths) % 10)%"
  }

  /// A count as text shows it: thousands separated from four digits
  /// (`1,741`, `551`).
  public static func count(_ value: Int) -> String { number(Double(value)) }

  /// A number as text shows it: at most two decimals (none from four
  /// digits up), thousands separated (`1,661`).
  public static func number(_ value: Double) -> String {
    var text = JSONValue.decimalText(value, digits: 2)
    if let dot = text.firstIndex(of: "."), text[..<dot].count > 3 { text = String(text[..<dot]) }
    // Thousands separators for readability (1,661).
    let parts = text.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    let negative = whole.hasPrefix("-")
    if negative { whole.removeFirst() }
    var grouped = ""
    for (index, character) in whole.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    return (negative ? "-" : "") + String(grouped.reversed())
      + (parts.count > 1 ? "." + parts[1] : "")
  }
}
