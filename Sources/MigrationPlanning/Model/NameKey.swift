import Foundation

/// Comparing names the way people write them: Unicode NFKC (full-width
/// letters and digits become ASCII, half-width kana become full-width),
/// without spaces, the legal form (株式会社, (株), ㈱ …) wherever it is
/// written, and case-insensitive for Latin letters.
public enum NameKey {
  static let companyForms = ["株式会社", "(株)", "㈱", "有限会社", "(有)", "㈲", "合同会社", "(同)"]

  /// The legal forms and their spellings (after NFKC, which makes ㈱ and
  /// （株） into (株)).
  static let legalForms: [(form: String, spellings: [String])] = [
    ("株式会社", ["株式会社", "(株)"]), ("有限会社", ["有限会社", "(有)"]), ("合同会社", ["合同会社", "(同)"]),
  ]

  /// A name as compared: NFKC, without white space, Latin letters in lower
  /// case; a company's legal form, written before or after the name
  /// (前株・後株) in any of its spellings (株式会社 = (株) = ㈱), becomes one
  /// tag at the end (`富士通japan#株式会社`), so different legal forms stay
  /// different companies. This one function decides vendor identity
  /// everywhere: import, plan loading, spec-sheet matching, portfolios.
  public static func normalize(_ text: String) -> String {
    key(company(text))
  }

  /// The key of a name already split by `company`: what `normalize` gives.
  public static func key(_ company: (name: String, form: String?)) -> String {
    company.form.map { company.name + "#" + $0 } ?? company.name
  }

  /// The name without its legal form, and the form (nil when none is written).
  public static func company(_ text: String) -> (name: String, form: String?) {
    var value = String(
      text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
        !$0.properties.isWhitespace
      }.map(Character.init))
    var form: String?
    for (canonical, spellings) in legalForms {
      for spelling in spellings where value.contains(spelling) {
        value = value.replacingOccurrences(of: spelling, with: "")
        form = form ?? canonical
      }
    }
    return (value.lowercased(), form)
  }

  /// Whether two names are one company: the same name and the same legal
  /// form, or a form written on one side only.
  public static func sameCompany(_ a: String, _ b: String) -> Bool {
    sameCompany(company(a), company(b))
  }

  /// Whether two names, already split by `company`, are one company.
  public static func sameCompany(
    _ x: (name: String, form: String?), _ y: (name: String, form: String?)
  ) -> Bool {
    x.name == y.name && (x.form == y.form || x.form == nil || y.form == nil)
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
