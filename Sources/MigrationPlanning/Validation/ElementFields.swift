internal import CSheetKernel

/// Reads the attributes and children of one element, reporting what is
/// missing, unknown or malformed — each with its own diagnostic id.
struct ElementFields {
  let node: XMLElementNode
  let diagnostics: DiagnosticCollector

  /// Reports attributes and child elements the format does not define.
  init(
    _ node: XMLElementNode, attributes allowed: Set<String>, children allowedChildren: Set<String>,
    diagnostics: DiagnosticCollector
  ) {
    self.node = node
    self.diagnostics = diagnostics
    for attribute in node.attributes
    where attribute.namespace == nil && !allowed.contains(attribute.name) {
      diagnostics.error(
        .unknownAttribute, "'\(node.name)' has no attribute '\(attribute.name)'",
        at: node.location(of: attribute.name))
    }
    for child in node.children where !allowedChildren.contains(child.name) {
      diagnostics.error(
        .unknownElement, "'\(node.name)' cannot contain '\(child.name)'", at: child.location)
    }
  }

  func optional(_ name: String) -> String? {
    node.attribute(name)
  }

  /// `true` or `false` (`bad-value` for anything else); `value` when absent.
  func flag(_ name: String, default value: Bool) -> Bool {
    guard let text = optional(name) else { return value }
    guard text == "true" || text == "false" else {
      diagnostics.error(
        .badValue, "'\(name)' must be true or false, not '\(text)'", at: node.location(of: name))
      return value
    }
    return text == "true"
  }

  func required(_ name: String) -> String? {
    guard let value = node.attribute(name) else {
      diagnostics.error(
        .missingAttribute, "'\(node.name)' needs attribute '\(name)'", at: node.location)
      return nil
    }
    return value
  }

  /// An identifier: 1–64 characters of `A-Z a-z 0-9 - _ .`.
  func identifier(_ name: String, required isRequired: Bool = true) -> String? {
    guard let value = isRequired ? required(name) : optional(name) else { return nil }
    guard Self.isIdentifier(value) else {
      diagnostics.error(
        .badIdentifier,
        "'\(value)' is not an identifier (1–64 of A-Z a-z 0-9 - _ .)",
        at: node.location(of: name))
      return nil
    }
    return value
  }

  func date(_ name: String, required isRequired: Bool = true) -> CivilDate? {
    guard let value = isRequired ? required(name) : optional(name) else { return nil }
    guard let date = CivilDate(iso: value) else {
      diagnostics.error(
        .badDate, "'\(value)' is not a date (YYYY-MM-DD)", at: node.location(of: name))
      return nil
    }
    guard date.isSupported else {
      diagnostics.error(
        .dateOutOfRange, "\(value) is out of range: \(CivilDate.supportedText)",
        at: node.location(of: name))
      return nil
    }
    return date
  }

  /// A whole number in `range`.
  func integer(_ name: String, in range: ClosedRange<Int>, required isRequired: Bool = true) -> Int?
  {
    guard let value = isRequired ? required(name) : optional(name) else { return nil }
    guard let number = Int(value), range.contains(number) else {
      diagnostics.error(
        .badNumber,
        "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'",
        at: node.location(of: name))
      return nil
    }
    return number
  }

  /// A decimal number in `range` (`0.25`, `1.5`), or nil when absent.
  func decimal(_ name: String, in range: ClosedRange<Double>) -> Double? {
    guard let value = optional(name) else { return nil }
    guard
      value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let number = Double(value), range.contains(number)
    else {
      diagnostics.error(
        .badNumber,
        "'\(name)' must be a decimal from \(range.lowerBound) to \(range.upperBound), not '\(value)'",
        at: node.location(of: name))
      return nil
    }
    return number
  }

  /// One of a fixed list of values.
  func choice<T: RawRepresentable>(
    _ name: String, as type: T.Type, required isRequired: Bool = true,
    id: DiagnosticKind = .badValue,
    parse: (String) -> T? = { T(rawValue: $0) }
  ) -> T? where T.RawValue == String, T: CaseIterable {
    guard let value = isRequired ? required(name) : optional(name) else { return nil }
    guard let parsed = parse(value) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      diagnostics.error(
        id, "'\(value)' is not a valid \(name) (one of: \(allowed))", at: node.location(of: name))
      return nil
    }
    return parsed
  }

  /// The attributes that `assumed="…"` marks as assumptions: each must be
  /// one of `candidates` and present on the element.
  func assumed(among candidates: Set<String>) -> Set<String> {
    guard let value = optional("assumed") else { return [] }
    var names: Set<String> = []
    for name in value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
      if candidates.contains(name), node.attribute(name) != nil {
        names.insert(name)
      } else {
        diagnostics.error(
          .badAssumed,
          "assumed=\"\(value)\" names '\(name)', which is not "
            + (candidates.contains(name)
              ? "given on this element" : "a value that can be assumed here")
            + " (possible: \(candidates.sorted().joined(separator: ", ")))",
          at: node.location(of: "assumed"))
      }
    }
    return names
  }

  /// The element's text, which must not be empty.
  func text() -> String? {
    guard !node.text.isEmpty else {
      diagnostics.error(.emptyText, "'\(node.name)' needs text", at: node.location)
      return nil
    }
    return node.text
  }

  /// The identifier rule (SheetKernel.h): 1 to 64 of A-Z a-z 0-9 - _ .
  static func isIdentifier(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { migplan_isIdentifier($0.baseAddress, $0.count) != 0 }
  }
}

/// Reports a second definition of the same id.
struct DuplicateCheck {
  private var seen: [String: SourceLocation] = [:]
  let what: String

  init(_ what: String) { self.what = what }

  /// Returns false (and reports) when `id` was seen before.
  mutating func insert(_ id: String, at location: SourceLocation, diagnostics: DiagnosticCollector)
    -> Bool
  {
    if let first = seen[id] {
      diagnostics.error(
        .duplicateId, "duplicate \(what) '\(id)' (first defined at \(first.description))",
        at: location)
      return false
    }
    seen[id] = location
    return true
  }
}
