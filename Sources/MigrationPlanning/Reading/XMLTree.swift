import Foundation

/// An element of a small XML document (catalog and plan files), with what is
/// needed to point at it: the file, its line and a way to find its column.
public final class XMLElementNode {
  /// The element's local name.
  public let name: String
  /// Its namespace URI, if any.
  public let namespace: String?
  /// Its attributes, in document order.
  public let attributes: [XMLAttribute]
  /// The line it starts on.
  public let line: Int
  /// Its child elements in the document's namespace, in order.
  public internal(set) var children: [XMLElementNode] = []
  /// The element's own text, surrounding white space trimmed.
  public internal(set) var text: String = ""
  let source: SourceText

  init(tag: XMLStartTag, source: SourceText) {
    self.name = tag.name
    self.namespace = tag.namespace
    self.attributes = tag.attributes
    self.line = tag.line
    self.source = source
  }

  /// The value of an unqualified attribute.
  public func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name && $0.namespace == nil }?.value
  }

  /// Where the element's start tag is.
  public var location: SourceLocation {
    source.location(line: line, needle: "<", name: name)
  }

  /// Where one of its attributes is (the element, when the attribute is absent).
  public func location(of attribute: String) -> SourceLocation {
    guard self.attribute(attribute) != nil else { return location }
    return source.location(line: line, needle: "", name: attribute, attribute: true)
  }

  /// Children in a namespace, by local name.
  public func children(_ name: String) -> [XMLElementNode] {
    children.filter { $0.name == name }
  }
}

/// The text of a small file, kept to compute columns on demand (libxml2's
/// nodes carry a line but no column).
final class SourceText {
  let path: String
  private let lines: [Substring]

  init(path: String, contents: String) {
    self.path = path
    // Split at LF bytes (a CRLF line keeps its CR, which no needle matches).
    var lines: [Substring] = []
    let utf8 = contents.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == 0x0A {
        lines.append(contents[start..<index])
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    lines.append(contents[start..<utf8.endIndex])
    self.lines = lines
  }

  /// The location of `<name` (an element) or `name=` (an attribute) on or
  /// after `line`; column 1 when it cannot be found. libxml2 gives the line
  /// a start tag ends on, so the search looks back a few lines too.
  func location(line: Int, needle: String, name: String, attribute: Bool = false)
    -> SourceLocation
  {
    let candidates = [line] + (1...8).map { line - $0 }.filter { $0 >= 1 }
    for candidate in candidates where candidate <= lines.count {
      if let column = Self.column(
        in: lines[candidate - 1], name: name, element: !attribute)
      {
        return SourceLocation(file: path, line: candidate, column: column)
      }
    }
    return SourceLocation(file: path, line: line, column: line > 0 ? 1 : 0)
  }

  /// 1-based column, in characters, of `<[prefix:]name` or ` name=`.
  /// - Complexity: O(bytes of the line), searched as UTF-8.
  static func column(in text: Substring, name: String, element: Bool) -> Int? {
    let bytes = Array(text.utf8)
    let target = Array(name.utf8)
    guard !target.isEmpty, bytes.count >= target.count else { return nil }
    let space = UInt8(ascii: " ")
    let tab = UInt8(ascii: "\t")
    /// Characters before byte `index`, plus one.
    func column(_ index: Int) -> Int {
      bytes[..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
    var index = 0
    while index + target.count <= bytes.count {
      if bytes[index] == target[0] && bytes[index..<index + target.count].elementsEqual(target) {
        let before = index > 0 ? bytes[index - 1] : space
        let after = index + target.count < bytes.count ? bytes[index + target.count] : space
        if element {
          let endsName =
            after == space || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
            || after == tab || after == UInt8(ascii: "\r")
          if endsName && before == UInt8(ascii: "<") { return column(index - 1) }
          if endsName && before == UInt8(ascii: ":") {
            var start = index - 1
            while start > 0 && bytes[start] != UInt8(ascii: "<") && bytes[start] != space {
              start -= 1
            }
            if bytes[start] == UInt8(ascii: "<") { return column(start) }
          }
        } else {
          let endsName = after == UInt8(ascii: "=") || after == space || after == tab
          if endsName && (before == space || before == tab || before == UInt8(ascii: ":")) {
            return column(index)
          }
        }
      }
      index += 1
    }
    return nil
  }
}

/// Reads a small XML document into a tree, through the safe stream reader.
public enum XMLDocumentReader {
  /// Files larger than this are refused before parsing: catalog and plan
  /// files are a few hundred kilobytes at most.
  public static let maximumSize = 16 << 20

  /// Reads `path`; its root must be `rootName` in `namespace`. Returns nil
  /// (with diagnostics) when the file is not usable. Elements in other
  /// namespaces are skipped with their content.
  public static func read(
    path: String, rootName: String, namespace: String, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> XMLElementNode? {
    guard let bytes = try FileCheck.readBounded(path, limit: maximumSize, diagnostics: diagnostics)
    else { return nil }
    let source = SourceText(path: path, contents: String(decoding: bytes, as: UTF8.self))
    let reader = try XMLStreamReader(path: path, diagnostics: diagnostics)
    return tree(
      reader, source: source, path: path, rootName: rootName, namespace: namespace,
      diagnostics: diagnostics)
  }

  /// Reads a document held in memory; `path` names it in diagnostics.
  public static func read(
    bytes: [UInt8], path: String, rootName: String, namespace: String,
    diagnostics: DiagnosticCollector
  ) -> XMLElementNode? {
    let source = SourceText(path: path, contents: String(decoding: bytes, as: UTF8.self))
    let reader = XMLStreamReader(bytes: bytes, name: path, diagnostics: diagnostics)
    return tree(
      reader, source: source, path: path, rootName: rootName, namespace: namespace,
      diagnostics: diagnostics)
  }

  /// Reads `path` and builds a value from its root with `build`; nil when
  /// the file or the value has errors (all reported). The loaders of
  /// small documents (baselines, committed schedules) share it.
  static func load<Value>(
    path: String, rootName: String, namespace: String, diagnostics: DiagnosticCollector,
    _ build: (XMLElementNode) -> Value?
  ) throws(InputFailure) -> Value? {
    let errorsBefore = diagnostics.errorCount
    guard
      let root = try read(
        path: path, rootName: rootName, namespace: namespace, diagnostics: diagnostics)
    else { return nil }
    let value = build(root)
    return diagnostics.errorCount == errorsBefore ? value : nil
  }

  /// `load(path:…)` of a document held in memory; `path` names it.
  static func load<Value>(
    bytes: [UInt8], path: String, rootName: String, namespace: String,
    diagnostics: DiagnosticCollector, _ build: (XMLElementNode) -> Value?
  ) -> Value? {
    let errorsBefore = diagnostics.errorCount
    guard
      let root = read(
        bytes: bytes, path: path, rootName: rootName, namespace: namespace,
        diagnostics: diagnostics)
    else { return nil }
    let value = build(root)
    return diagnostics.errorCount == errorsBefore ? value : nil
  }

  static func tree(
    _ reader: XMLStreamReader, source: SourceText, path: String, rootName: String,
    namespace: String, diagnostics: DiagnosticCollector
  ) -> XMLElementNode? {
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var foreignDepth = 0
    var texts: [[String]] = []
    while let event = reader.next() {
      switch event {
      case .start(let tag):
        if foreignDepth > 0 || (tag.namespace != namespace && root != nil) {
          if !tag.isEmpty { foreignDepth += 1 }
          continue
        }
        let node = XMLElementNode(tag: tag, source: source)
        if root == nil {
          guard tag.name == rootName, tag.namespace == namespace else {
            diagnostics.error(
              .wrongRoot,
              "expected root element '\(rootName)' in namespace '\(namespace)', found '\(tag.name)'"
                + (tag.namespace.map { " in namespace '\($0)'" } ?? " in no namespace"),
              at: node.location)
            return nil
          }
          root = node
        } else {
          stack.last?.children.append(node)
        }
        if tag.isEmpty {
          node.text = ""
        } else {
          stack.append(node)
          texts.append([])
        }
      case .end:
        if foreignDepth > 0 {
          foreignDepth -= 1
          continue
        }
        if let node = stack.popLast(), let parts = texts.popLast() {
          node.text = parts.joined().trimmingWhitespace()
        }
      case .text(let text, _):
        if foreignDepth == 0, !texts.isEmpty { texts[texts.count - 1].append(text) }
      }
    }
    if diagnostics.diagnostics.contains(where: { $0.severity == .error && $0.location.file == path }
    ) {
      return nil
    }
    return root
  }
}
