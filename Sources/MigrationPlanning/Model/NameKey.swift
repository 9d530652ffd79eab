import Foundation

/// Comparing names the way people write them: Unicode NFKC (full-width
/// letters and digits become ASCII, half-width kana become full-width),
/// without spaces, without the company-form words (株式会社, (株), 有限会社),
/// and case-insensitive for Latin letters.
public enum NameKey {
  static let companyForms = ["株式会社", "(株)", "㈱", "有限会社", "(有)", "合同会社"]

  public static func normalize(_ text: String) -> String {
    var value = text.precomposedStringWithCompatibilityMapping
    for form in companyForms {
      value = value.replacingOccurrences(
        of: form.precomposedStringWithCompatibilityMapping, with: "")
    }
    value = String(value.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    return value.lowercased()
  }

  /// Levenshtein distance over characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = Array(repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}
