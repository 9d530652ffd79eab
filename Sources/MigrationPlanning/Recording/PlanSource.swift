/// The text of a plan file, with the byte ranges of its elements and
/// attributes, so that `migplan record` can change the elements it concerns
/// and leave every other byte (comments, order, formatting) as it was.
///
/// The file has already been read by `PlanLoader` (well-formed, no entity
/// declarations), so a small lexer is enough: it skips comments, processing
/// instructions, CDATA and the DOCTYPE, and records start tags, end tags and
/// quoted attribute values. Elements are matched as the loader matches them:
/// by namespace URI and local name, whatever prefix binds the URI (a plan
/// may bind it by default and by prefix at once); attribute values are
/// compared decoded (`&#106;` is `j`). Elements of other namespaces are
/// never matched, so never edited.
public struct PlanSource: Sendable {
  /// An attribute of a start tag.
  public struct Attribute: Sendable {
    /// The attribute's name as written (with its prefix).
    public var name: String
    /// The value as written (references not expanded).
    public var rawValue: String
    /// The value as the loader reads it: character and predefined entity
    /// references expanded, white space characters normalised to spaces.
    public var value: String { PlanSource.decode(rawValue) }
    /// From the white space before the name to the closing quote.
    public var whole: Range<Int>
    /// Between the quotes.
    public var valueRange: Range<Int>
  }

  /// An element: its start tag and, unless empty, its end tag.
  public struct Element: Sendable {
    /// The element's name as written (with its prefix).
    public var name: String
    /// Its namespace URI (nil: none).
    public var namespace: String?
    /// Its name without the prefix.
    public var localName: String
    /// The prefix that binds the plan namespace here, with its colon (`p:`),
    /// or empty when it is the default namespace; nil when neither does.
    public var planPrefix: String?
    /// Its attributes, in order.
    public var attributes: [Attribute]
    /// From `<` to after `>` of the start tag.
    public var startTag: Range<Int>
    /// Where `/>` or `>` begins: new attributes go here.
    public var tagClose: Int
    /// From `<` of the start tag to after `>` of the end tag (or of `/>`).
    public var whole: Range<Int>
    /// Its parent's index, nil for the root.
    public var parent: Int?
    /// Its children's indices, in order.
    public var children: [Int] = []

    /// The attribute `name` (no namespace), if written.
    public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }

    /// Whether this is the plan namespace's element `name`.
    public func isPlan(_ name: String) -> Bool {
      namespace == PlanLoader.namespace && localName == name
    }
  }

  /// The file's bytes.
  public private(set) var bytes: [UInt8]
  /// Every element, in document order (the root first).
  public private(set) var elements: [Element] = []

  /// The plan file at `path`, to be edited. Throws when it cannot be read,
  /// or is not UTF-8 (`plan-not-utf8`: record writes UTF-8, so a plan in
  /// another encoding is refused, not rewritten).
  public static func read(path: String) throws(InputFailure) -> PlanSource {
    let diagnostics = DiagnosticCollector()
    guard
      let bytes = try FileCheck.readBounded(
        path, limit: XMLDocumentReader.maximumSize, diagnostics: diagnostics)
    else { throw InputFailure(.invalid, diagnostics.sorted[0]) }
    guard Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes else {
      throw InputFailure(
        .invalid,
        Diagnostic(
          .error, .planNotUtf8,
          "record edits UTF-8 plans only; convert the file to UTF-8 (iconv -t UTF-8) and change "
            + "its encoding declaration, then record again",
          at: SourceLocation(file: path)))
    }
    guard let source = PlanSource(bytes: bytes) else {
      throw InputFailure(
        .invalid,
        Diagnostic(
          .error, .planNotEditable,
          "record cannot find its way through this plan's text (a construct its editor does "
            + "not know, such as an unusual DOCTYPE); nothing was recorded: remove the DOCTYPE "
            + "or write the change by hand", at: SourceLocation(file: path)))
    }
    return source
  }

  /// The elements of `bytes`; nil when they are not well-formed enough to
  /// edit (the loader reports why).
  public init?(bytes: [UInt8]) {
    self.bytes = bytes
    guard lex() else { return nil }
  }

  /// The root element, when it is the plan namespace's `plan`.
  public var root: Element? { elements.first.flatMap { $0.isPlan("plan") ? $0 : nil } }

  /// The children of element `index` named `name` in the plan namespace.
  public func children(of index: Int, named name: String) -> [Int] {
    elements[index].children.filter { elements[$0].isPlan(name) }
  }

  /// An attribute value as the XML parser reads it: references expanded
  /// (character references and the five predefined entities; a plan
  /// declares no others), TAB, CR and LF as spaces.
  public static func decode(_ raw: String) -> String {
    guard raw.contains(where: { $0 == "&" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
      return raw
    }
    var output = ""
    var index = raw.startIndex
    while index < raw.endIndex {
      let character = raw[index]
      if character == "&", let semicolon = raw[index...].firstIndex(of: ";") {
        let name = raw[raw.index(after: index)..<semicolon]
        var scalar: Unicode.Scalar?
        if name.hasPrefix("#x") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
        } else {
          let named: [Substring: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
          ]
          scalar = named[name]
        }
        if let scalar {
          output.unicodeScalars.append(scalar)
          index = raw.index(after: semicolon)
          continue
        }
      }
      output.append(character == "\t" || character == "\n" || character == "\r" ? " " : character)
      index = raw.index(after: index)
    }
    return output
  }

  /// The text before an element on its line, when it is only white space.
  public func indentation(of index: Int) -> String {
    var start = elements[index].whole.lowerBound
    while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
    guard start == 0 || bytes[start - 1] == 0x0A else { return "  " }
    return String(decoding: bytes[start..<elements[index].whole.lowerBound], as: UTF8.self)
  }

  /// The line break style of the file.
  public var newline: String {
    bytes.contains(0x0D)
      && bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D }
        == true
      ? "\r\n" : "\n"
  }

  // MARK: Lexing

  // Long: one lexer over plan.xml's bytes, a single state machine (a switch on the byte), read whole.
  private mutating func lex() -> Bool {
    var stack: [Int] = []
    // The namespace bindings in scope, one dictionary per open element
    // (prefix, "" for the default, to URI; "" unbinds the default).
    var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
    var index = 0
    let count = bytes.count
    func starts(with text: String, at position: Int) -> Bool {
      let pattern = Array(text.utf8)
      guard position + pattern.count <= count else { return false }
      return Array(bytes[position..<position + pattern.count]) == pattern
    }
    func skip(past terminator: String, from position: Int) -> Int? {
      let pattern = Array(terminator.utf8)
      var cursor = position
      while cursor + pattern.count <= count {
        if bytes[cursor] == pattern[0], Array(bytes[cursor..<cursor + pattern.count]) == pattern {
          return cursor + pattern.count
        }
        cursor += 1
      }
      return nil
    }
    while index < count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if starts(with: "<!--", at: index) {
        guard let next = skip(past: "-->", from: index + 4) else { return false }
        index = next
      } else if starts(with: "<?", at: index) {
        guard let next = skip(past: "?>", from: index + 2) else { return false }
        index = next
      } else if starts(with: "<![CDATA[", at: index) {
        guard let next = skip(past: "]]>", from: index + 9) else { return false }
        index = next
      } else if starts(with: "<!", at: index) {
        // DOCTYPE, with an internal subset in brackets.
        var cursor = index + 2
        var depth = 0
        var quote: UInt8 = 0
        while cursor < count {
          let byte = bytes[cursor]
          // Comments and processing instructions of the internal subset
          // may hold quotes and brackets of their own.
          if quote == 0, depth > 0, starts(with: "<!--", at: cursor) {
            guard let next = skip(past: "-->", from: cursor + 4) else { return false }
            cursor = next
            continue
          }
          if quote == 0, depth > 0, starts(with: "<?", at: cursor) {
            guard let next = skip(past: "?>", from: cursor + 2) else { return false }
            cursor = next
            continue
          }
          if quote != 0 {
            if byte == quote { quote = 0 }
          } else if byte == 0x22 || byte == 0x27 {
            quote = byte
          } else if byte == UInt8(ascii: "[") {
            depth += 1
          } else if byte == UInt8(ascii: "]") {
            depth -= 1
          } else if byte == UInt8(ascii: ">") && depth <= 0 {
            break
          }
          cursor += 1
        }
        guard cursor < count else { return false }
        index = cursor + 1
      } else if starts(with: "</", at: index) {
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")),
          let open = stack.popLast()
        else { return false }
        scopes.removeLast()
        elements[open].whole = elements[open].whole.lowerBound..<(close + 1)
        index = close + 1
      } else {
        guard var element = startTag(at: index, parent: stack.last) else { return false }
        var scope = scopes[scopes.count - 1]
        for attribute in element.attributes {
          if attribute.name == "xmlns" {
            scope[""] = attribute.value
          } else if attribute.name.hasPrefix("xmlns:") {
            scope[String(attribute.name.dropFirst(6))] = attribute.value
          }
        }
        let parts = element.name.split(separator: ":", maxSplits: 1).map(String.init)
        let (prefix, local) = parts.count == 2 ? (parts[0], parts[1]) : ("", element.name)
        element.localName = local
        element.namespace = scope[prefix].flatMap { $0.isEmpty ? nil : $0 }
        if element.namespace == PlanLoader.namespace {
          element.planPrefix = prefix.isEmpty ? "" : prefix + ":"
        }
        let position = elements.count
        elements.append(element)
        if let parent = stack.last { elements[parent].children.append(position) }
        if bytes[element.tagClose] != UInt8(ascii: "/") {
          stack.append(position)
          scopes.append(scope)
        }
        index = element.startTag.upperBound
      }
    }
    return stack.isEmpty && !elements.isEmpty
  }

  private func startTag(at start: Int, parent: Int?) -> Element? {
    let count = bytes.count
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    var cursor = start + 1
    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
      bytes[cursor] != UInt8(ascii: "/")
    {
      cursor += 1
    }
    let name = String(decoding: bytes[(start + 1)..<cursor], as: UTF8.self)
    var attributes: [Attribute] = []
    while cursor < count {
      let whitespaceStart = cursor
      while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
      guard cursor < count else { return nil }
      if bytes[cursor] == UInt8(ascii: ">") || bytes[cursor] == UInt8(ascii: "/") {
        let close = cursor
        let end: Int
        if bytes[cursor] == UInt8(ascii: "/") {
          guard cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: ">") else { return nil }
          end = cursor + 2
        } else {
          end = cursor + 1
        }
        return Element(
          name: name, namespace: nil, localName: name, planPrefix: nil, attributes: attributes,
          startTag: start..<end, tagClose: close, whole: start..<end, parent: parent)
      }
      let nameStart = cursor
      while cursor < count, bytes[cursor] != UInt8(ascii: "="), !isSpace(bytes[cursor]) {
        cursor += 1
      }
      let attributeName = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
      while cursor < count, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "=") {
        cursor += 1
      }
      guard cursor < count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 else { return nil }
      let quote = bytes[cursor]
      let valueStart = cursor + 1
      guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { return nil }
      attributes.append(
        Attribute(
          name: attributeName,
          rawValue: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self),
          whole: whitespaceStart..<(valueEnd + 1), valueRange: valueStart..<valueEnd))
      cursor = valueEnd + 1
    }
    return nil
  }
}

/// Changes to a plan's text, as byte ranges replaced; applied together, so
/// positions refer to the original text.
public struct PlanTextEdits: Sendable {
  private var edits: [(range: Range<Int>, text: String)] = []

  /// No edits.
  public init() {}

  /// Whether there are no edits.
  public var isEmpty: Bool { edits.isEmpty }

  /// Replaces the bytes in `range` with `text`.
  public mutating func replace(_ range: Range<Int>, with text: String) {
    edits.append((range, text))
  }

  /// Inserts `text` at byte `position`.
  public mutating func insert(_ text: String, at position: Int) {
    edits.append((position..<position, text))
  }

  /// Sets an attribute of an element's start tag: its value replaced in
  /// place, or the attribute added at the end of the tag.
  public mutating func set(
    _ name: String, to value: String, on element: PlanSource.Element
  ) {
    let escaped = PlanWriter.escape(value)
    if let attribute = element.attribute(name) {
      if attribute.value != value { replace(attribute.valueRange, with: escaped) }
    } else {
      insert(
        " \(name)=\"\(escaped)\"", at: element.attributes.last?.whole.upperBound ?? element.tagClose
      )
    }
  }

  /// Removes an attribute (and the white space before it), when present.
  public mutating func remove(_ name: String, from element: PlanSource.Element) {
    if let attribute = element.attribute(name) { replace(attribute.whole, with: "") }
  }

  /// The edited bytes. Insertions at the same position keep their order.
  /// - Precondition: replaced ranges do not overlap.
  public func applied(to bytes: [UInt8]) -> [UInt8] {
    // By position; at one position, insertions (in the order made) before
    // a replacement that starts there.
    let ordered = edits.enumerated().sorted { a, b in
      let (x, y) = (a.element.range, b.element.range)
      if x.lowerBound != y.lowerBound { return x.lowerBound < y.lowerBound }
      if x.isEmpty != y.isEmpty { return x.isEmpty }
      return a.offset < b.offset
    }.map(\.element)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 256)
    var cursor = 0
    for edit in ordered {
      precondition(edit.range.lowerBound >= cursor, "overlapping edits")
      output += bytes[cursor..<edit.range.lowerBound]
      output += Array(edit.text.utf8)
      cursor = edit.range.upperBound
    }
    output += bytes[cursor...]
    return output
  }
}
