internal import CLibXML2

/// XML written through libxml2's `xmlTextWriter`, the project's XML
/// library: it escapes text and attribute values and closes what it opens,
/// so what it writes is well-formed. Characters XML 1.0 cannot carry
/// (control characters other than tab, line feed and carriage return) are
/// left out. Used by the workbook (`export xlsx`) and MS Project XML
/// (`export mspdi`).
final class XMLDocumentWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr
  private var open = 0

  /// A document with its XML declaration; `indent` for files people read.
  init(indent: Bool = false, standalone: Bool = true) {
    guard let buffer = xmlBufferCreate(), let writer = xmlNewTextWriterMemory(buffer, 0) else {
      fatalError("libxml2 could not allocate a writer")
    }
    self.buffer = buffer
    self.writer = writer
    if indent {
      check(xmlTextWriterSetIndent(writer, 1))
      check(xmlTextWriterSetIndentString(writer, "  "))
    }
    check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", standalone ? "yes" : nil))
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// libxml2's writer fails only when memory runs out.
  private func check(_ result: Int32) {
    precondition(result >= 0, "libxml2's writer failed")
  }

  /// Opens `name` with `attributes` in order.
  func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    check(xmlTextWriterStartElement(writer, name))
    for (key, value) in attributes {
      check(xmlTextWriterWriteAttribute(writer, key, Self.clean(value)))
    }
    open += 1
  }

  /// Opens `name` with attributes given as a list.
  func start(_ name: String, attributes: [(String, String)]) {
    check(xmlTextWriterStartElement(writer, name))
    for (key, value) in attributes {
      check(xmlTextWriterWriteAttribute(writer, key, Self.clean(value)))
    }
    open += 1
  }

  /// Closes the innermost open element.
  func end() {
    check(xmlTextWriterEndElement(writer))
    open -= 1
  }

  /// Text inside the open element, escaped.
  func text(_ text: String) {
    check(xmlTextWriterWriteString(writer, Self.clean(text)))
  }

  /// `<name attributes>text</name>`, or an empty element without text.
  func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
  ) {
    start(name, attributes)
    if let text { self.text(text) }
    end()
  }

  /// The document's bytes (UTF-8); every element still open is closed.
  func finish() -> [UInt8] {
    check(xmlTextWriterEndDocument(writer))
    check(xmlTextWriterFlush(writer))
    open = 0
    let length = Int(xmlBufferLength(buffer))
    guard let content = xmlBufferContent(buffer), length > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: content, count: length))
  }

  /// `text` without the characters XML 1.0 cannot carry.
  static func clean(_ text: String) -> String {
    guard
      text.unicodeScalars.contains(where: { !isAllowed($0) })
    else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
    return String(scalars)
  }

  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
