/// How many terminal columns text takes: East Asian wide and fullwidth
/// characters (漢字, かな, full-width forms) take two, combining marks and
/// zero-width characters none, everything else one. Ambiguous-width
/// characters (○, △, box drawing, ░▒▓█) count as one, as in most terminals
/// outside legacy CJK settings.
///
/// The ranges follow Unicode's EastAsianWidth.txt (W and F) for the blocks
/// text in this domain uses.
public enum DisplayWidth {
  /// The columns `text` takes in a terminal (East Asian wide characters 2).
  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }

  /// The columns one scalar takes (0 for combining marks).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0 { return 0 }
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    return isWide(value) ? 2 : 1
  }

  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// `text` padded with spaces to `width` columns (cut, with "…", when
  /// wider).
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let fitted = truncate(text, to: width)
    let padding = String(repeating: " ", count: max(0, width - of(fitted)))
    return alignRight ? padding + fitted : fitted + padding
  }

  /// The longest prefix of `text` that fits `width` columns, ending in "…"
  /// when something was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    if of(text) <= width { return text }
    guard width > 0 else { return "" }
    var result = ""
    var used = 0
    for character in text {
      let w = of(String(character))
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// `text` within `width` columns, cut before its last parenthesised
  /// part, which stays whole when it leaves room for a character and
  /// the ellipsis: `職員の… (14.2)`. Otherwise cut at the end.
  public static func truncateKeepingTail(_ text: String, to width: Int) -> String {
    if of(text) <= width { return text }
    guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else {
      return truncate(text, to: width)
    }
    var head = String(text[..<open])
    let tail = String(text[open...])
    let gap = head.hasSuffix(" ") ? " " : ""
    if !gap.isEmpty { head.removeLast() }
    let room = width - of(tail) - of(gap)
    guard room >= 3 else { return truncate(text, to: width) }
    return truncate(head, to: room) + gap + tail
  }
}
