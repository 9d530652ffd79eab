/// A JSON value whose objects keep their keys in the order given, so that
/// rendered output is byte-identical from run to run.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// A decimal rendered with at most `digits` fraction digits.
  case decimal(Double, digits: Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// Equal when they render the same.
  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    a.rendered(pretty: false) == b.rendered(pretty: false)
  }

  /// The JSON text: two-space indentation when `pretty`, a final newline.
  public func rendered(pretty: Bool = true) -> String {
    var output = ""
    write(to: &output, indent: pretty ? 0 : -1)
    return output + (pretty ? "\n" : "")
  }

  private func write(to output: inout String, indent: Int) {
    let pretty = indent >= 0
    let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
    let outer = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .decimal(let value, let digits): output += Self.decimalText(value, digits: digits)
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        output += inner
        item.write(to: &output, indent: pretty ? indent + 1 : -1)
      }
      output += outer + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        output += inner
        Self.writeString(key, to: &output)
        output += pretty ? ": " : ":"
        value.write(to: &output, indent: pretty ? indent + 1 : -1)
      }
      output += outer + "}"
    }
  }

  /// A plain decimal without exponent or trailing zeros: 0.825, 1, 0.5.
  public static func decimalText(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "null" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = Int(scaled - Double(whole) * scale)
    var fractionText = ""
    if digits > 0 && fraction > 0 {
      var text = String(fraction)
      text = String(repeating: "0", count: digits - text.count) + text
      while text.hasSuffix("0") { text.removeLast() }
      fractionText = "." + text
      fraction = 0
    }
    let sign = value < 0 && (whole > 0 || !fractionText.isEmpty) ? "-" : ""
    return sign + String(whole) + fractionText
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
