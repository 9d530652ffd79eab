internal import CInflate
internal import CLibXML2
internal import CSheetKernel
import Foundation

/// An attribute of a start tag, with its namespace (nil when unqualified).
public struct XMLAttribute: Hashable, Sendable {
  /// The attribute's local name.
  public var name: String
  /// Its namespace URI, if any.
  public var namespace: String?
  /// Its value.
  public var value: String
}

/// A start tag as the stream delivers it, with the line it stands on.
public struct XMLStartTag: Sendable {
  /// The element's local name.
  public var name: String
  /// Its namespace URI, if any.
  public var namespace: String?
  /// Its attributes, in document order.
  public var attributes: [XMLAttribute]
  /// The line it starts on.
  public var line: Int
  /// `<x/>`: no end event follows.
  public var isEmpty: Bool

  /// The value of an unqualified attribute (or one in the given namespace).
  public func attribute(_ name: String, namespace: String? = nil) -> String? {
    attributes.first { $0.name == name && $0.namespace == namespace }?.value
  }
}

/// What the stream delivers, in document order.
public enum XMLEvent: Sendable {
  case start(XMLStartTag)
  case end(name: String, line: Int)
  case text(String, line: Int)
}

/// The XML namespace of `xml:lang`.
public let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

/// What libxml2's external entity loader may open: nothing, except, on
/// the thread that compiles one of migplan's own XSDs and only while it
/// does, the local `.xsd` files of that schema's directory (its imports).
/// The allowance is per thread, so a parse on another thread at the same
/// moment opens nothing.
enum ExternalEntityPolicy {
  static let key = "migplan.schemaDirectory"

  /// The directory the calling thread may import schemas from.
  static var allowedDirectory: String? {
    get { Thread.current.threadDictionary[key] as? String }
    set { Thread.current.threadDictionary[key] = newValue }
  }

  /// Whether `url` may be opened on this thread.
  static func allows(_ url: String) -> Bool {
    guard let directory = allowedDirectory, !directory.isEmpty else { return false }
    return url.hasPrefix(directory) && !url.contains("..") && url.hasSuffix(".xsd")
  }

  /// The loader libxml2 calls for every external entity, DTD and import.
  static let loader: xmlExternalEntityLoader = { url, _, context in
    guard let url, ExternalEntityPolicy.allows(String(cString: url)) else { return nil }
    return xmlNewInputFromFile(context, url)
  }

  /// Compiles one of migplan's own XSDs, imports allowed from `directory`.
  static func compileSchema(_ path: String, directory: String) -> xmlSchemaPtr? {
    allowedDirectory = directory
    defer { allowedDirectory = nil }
    guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
    defer { xmlSchemaFreeParserCtxt(parser) }
    return xmlSchemaParse(parser)
  }
}

/// Installed once, before any parse: an external entity loader that loads
/// nothing, so no DTD, entity or URL is ever opened, whatever the options
/// (but a schema's own imports while it compiles: `ExternalEntityPolicy`).
private let safeEntityLoaderInstalled: Bool = {
  xmlInitParser()
  xmlSetExternalEntityLoader(ExternalEntityPolicy.loader)
  return true
}()

/// The one way migplan reads XML: libxml2's streaming `xmlTextReader` with
/// safe options only (no entity expansion, no DTD loading, no network).
///
/// Memory stays flat whatever the size of the file: the reader keeps only the
/// current node. A DOCTYPE that declares entities or names an external DTD is
/// refused before anything else is read; an entity reference is refused.
/// libxml2's own limits (depth 256, text nodes of 10 MB) stay on: the
/// `XML_PARSE_HUGE` option is never set.
///
/// Problems become diagnostics in the collector; after the first error
/// `next()` returns nil.
public final class XMLStreamReader {
  /// The path (or name) diagnostics give.
  public let path: String
  private let diagnostics: DiagnosticCollector
  private var reader: xmlTextReaderPtr?
  private let errorSink: ErrorSink
  private var failed = false
  private var schema: xmlSchemaPtr?
  /// The document, when read from memory: libxml2 reads it in place.
  private var memory: [UInt8] = []
  /// The ZIP member, when reading one, and the stream libxml2 pulls it
  /// through (this reader's own).
  private var part: ZipPart?
  private var stream: Inflater?
  /// Added to every message: the member read (` [xl/styles.xml]`).
  private let suffix: String

  /// The most comments and processing instructions a document may hold.
  static let maximumAsides = 100_000
  private var asides = 0

  /// Safe parser options: never NOENT, DTDLOAD, DTDATTR or HUGE.
  static let options: Int32 =
    Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
    | Int32(XML_PARSE_NOCDATA.rawValue) | Int32(XML_PARSE_NOBLANKS.rawValue)
    | Int32(XML_PARSE_COMPACT.rawValue)

  /// Opens `path`. Throws when it is missing, a directory or unreadable.
  /// With `schema` (an XSD path), the document is also validated against
  /// it as it streams; validity errors are `schema-invalid` diagnostics.
  public init(path: String, diagnostics: DiagnosticCollector, schema: String? = nil)
    throws(InputFailure)
  {
    _ = safeEntityLoaderInstalled
    migplan_silenceGenericErrors()
    self.path = path
    self.diagnostics = diagnostics
    self.errorSink = ErrorSink(path: path, suffix: "")
    self.suffix = ""
    try FileCheck.requireRegularFile(path)
    guard refuseDangerousProlog(PrologScanner.scan(path: path)) else { return }
    guard let reader = xmlReaderForFile(path, nil, Self.options) else {
      throw InputFailure(
        .missing,
        Diagnostic(.error, .fileUnreadable, "cannot open file", at: SourceLocation(file: path)))
    }
    self.reader = reader
    installErrorHandler(reader)
    if let schema {
      let directory =
        schema.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/") + "/"
      self.schema = ExternalEntityPolicy.compileSchema(schema, directory: directory)
      if self.schema == nil || xmlTextReaderSetSchema(reader, self.schema) != 0 {
        diagnostics.error(
          .schemaUnusable, "cannot use the schema \(schema)", at: SourceLocation(file: schema))
        failed = true
      }
    }
  }

  /// Reads a document held in memory (`name` stands for the file in
  /// diagnostics). The same safe options and prolog checks apply.
  public init(bytes: [UInt8], name: String, diagnostics: DiagnosticCollector) {
    _ = safeEntityLoaderInstalled
    migplan_silenceGenericErrors()
    self.path = name
    self.diagnostics = diagnostics
    self.errorSink = ErrorSink(path: name, suffix: "")
    self.suffix = ""
    self.memory = bytes
    let prolog: PrologScanner.Finding =
      bytes.isEmpty
      ? .empty
      : PrologScanner.scan(
        Array(bytes.prefix(PrologScanner.limit)), truncated: bytes.count > PrologScanner.limit)
    guard refuseDangerousProlog(prolog) else { return }
    let reader = memory.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          xmlReaderForMemory($0, Int32(clamping: buffer.count), name, nil, Self.options)
        }
      }
    }
    guard let reader else {
      diagnostics.error(.xmlMalformed, "cannot read the document", at: SourceLocation(file: name))
      failed = true
      return
    }
    self.reader = reader
    installErrorHandler(reader)
  }

  /// Reads one member of a ZIP file (a workbook's part), inflated as
  /// libxml2 pulls it, never whole in memory: diagnostics name the ZIP
  /// file, with the member's line and column and its name in brackets.
  /// The same safe options and prolog checks apply; the member's limits
  /// (`ZipPart`) stop the stream with a `workbook-limit` error.
  init(part: ZipPart, diagnostics: DiagnosticCollector) {
    _ = safeEntityLoaderInstalled
    migplan_silenceGenericErrors()
    self.path = part.file
    self.diagnostics = diagnostics
    self.suffix = " [\(part.name)]"
    self.errorSink = ErrorSink(path: part.file, suffix: suffix)
    self.part = part
    let (prolog, whole, first) = part.prefix(PrologScanner.limit)
    if let stop = part.stopDiagnostic(first, suffix: suffix) {
      diagnostics.emit(stop)
      failed = true
      return
    }
    guard
      refuseDangerousProlog(
        prolog.isEmpty ? .empty : PrologScanner.scan(prolog, truncated: !whole))
    else { return }
    let stream = part.open()
    self.stream = stream
    guard let inflater = stream.pointer,
      let reader = xmlReaderForIO(
        migplan_inflateRead, migplan_inflateClose, UnsafeMutableRawPointer(inflater),
        part.file, nil, Self.options)
    else {
      diagnostics.emit(
        part.stopDiagnostic(stream, suffix: suffix)
          ?? Diagnostic(
            .error, .workbookUnreadable, "the part cannot be read" + suffix,
            at: SourceLocation(file: part.file, line: 1, column: 1)))
      failed = true
      return
    }
    self.reader = reader
    installErrorHandler(reader)
  }

  deinit {
    // The reader goes first: it reads through `stream`, freed after it.
    if let reader { xmlFreeTextReader(reader) }
    if let schema { xmlSchemaFree(schema) }
  }

  /// Whether the part's stream stopped on a limit or damage (its error
  /// then says why, not libxml2's).
  private var streamStopped: Bool {
    guard let stream else { return false }
    return stream.pointer.map { migplan_inflateStatus($0) != 0 } ?? true
  }

  /// The next event, or nil at the end of the document or after an error.
  public func next() -> XMLEvent? {
    guard let node = advance(), let reader else { return nil }
    switch node {
    case .element: return .start(startTag(reader))
    case .endElement:
      return .end(name: string(xmlTextReaderConstLocalName(reader)) ?? "", line: currentLine)
    case .text: return .text(currentText, line: currentLine)
    }
  }

  /// The kinds of node `advance()` stops at.
  enum RawNode {
    case element, endElement, text
  }

  /// Moves to the next element, end tag or text, handling errors, DOCTYPEs
  /// and entity references; nil at the end or after an error. The lower
  /// level of `next()`, for readers that must not build a value per node.
  /// With a spec-sheet kernel, plain requirements are read past in C.
  func advance(kernel: UnsafeMutablePointer<migplan_SheetKernel>? = nil) -> RawNode? {
    guard let reader, !failed else { return nil }
    while true {
      let status = kernel.map { migplan_kernelRead(reader, $0) } ?? xmlTextReaderRead(reader)
      if errorSink.hasPending && !streamStopped { flushErrors() }
      if status != 1 {
        if let stream, let stop = part?.stopDiagnostic(stream, suffix: suffix, line: currentLine) {
          diagnostics.emit(stop)
          failed = true
        } else if status < 0 || errorSink.sawError {
          fail(fallback: "the document is not well-formed XML")
        }
        return nil
      }
      if errorSink.sawError {
        fail(fallback: "the document is not well-formed XML")
        return nil
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
      case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): return .text
      case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) where part != nil:
        // A workbook's parts never have one.
        refuse(.xmlDoctype, "a DOCTYPE in a workbook part is refused", line: currentLine)
        return nil
      case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
        // (Not xmlTextReaderCurrentDoc: it hands the document over to the
        // caller, who must then free it.)
        if migplan_dtdIsDangerous(xmlTextReaderCurrentNode(reader)) != 0 {
          refuse(
            .xmlDoctype,
            "a DOCTYPE that declares entities or names an external DTD is refused",
            line: currentLine)
          return nil
        }
      case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
        refuse(.xmlEntity, "entity references are refused", line: currentLine)
        return nil
      case Int32(XML_READER_TYPE_COMMENT.rawValue),
        Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue):
        // libxml2's reader keeps these until their parent element ends:
        // millions inside one element would fill memory.
        asides += 1
        if asides > Self.maximumAsides {
          refuse(
            part == nil ? .fileTooLarge : .workbookLimit,
            "more than \(NumberStyle.count(Self.maximumAsides)) comments or processing "
              + "instructions", line: currentLine)
          return nil
        }
      default:
        continue  // whitespace
      }
    }
  }

  /// libxml2's reader, for fast paths in this module.
  var rawReader: xmlTextReaderPtr? { reader }

  /// The current element as a start tag.
  var currentStartTag: XMLStartTag? { reader.map(startTag) }

  /// The current text node's text.
  var currentText: String { reader.flatMap { string(xmlTextReaderConstValue($0)) } ?? "" }

  /// The line of the current node.
  var currentLine: Int { reader.map(line) ?? 0 }

  var currentLocalName: UnsafePointer<xmlChar>? { reader.flatMap(xmlTextReaderConstLocalName) }

  var currentNamespace: UnsafePointer<xmlChar>? { reader.flatMap(xmlTextReaderConstNamespaceUri) }

  var currentIsEmpty: Bool { reader.map { xmlTextReaderIsEmptyElement($0) == 1 } ?? false }

  /// The reader's interned copy of a name: compare with `xmlStrEqual`,
  /// which tries pointer equality first.
  func intern(_ text: String) -> UnsafePointer<xmlChar>? {
    guard let reader else { return nil }
    return text.withCString {
      xmlTextReaderConstString(reader, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
    }
  }

  /// Reads to the end, discarding events; returns whether no error was seen.
  public func drain() -> Bool {
    while next() != nil {}
    return !failed
  }

  // MARK: - Internals

  /// Reports an empty file or a dangerous DOCTYPE; false when refused.
  private func refuseDangerousProlog(_ finding: PrologScanner.Finding) -> Bool {
    switch finding {
    case .clean:
      return true
    case .empty:
      diagnostics.error(
        .xmlEmpty, "the file is empty" + suffix, at: SourceLocation(file: path, line: 1, column: 1))
    case .dangerousDoctype(let line, let column, let reason):
      diagnostics.error(
        .xmlDoctype, reason + suffix, at: SourceLocation(file: path, line: line, column: column))
    }
    failed = true
    return false
  }

  /// libxml2's structured errors go to the sink, with line and column.
  private func installErrorHandler(_ reader: xmlTextReaderPtr) {
    xmlTextReaderSetStructuredErrorHandler(
      reader,
      { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
      },
      Unmanaged.passUnretained(errorSink).toOpaque())
  }

  private func startTag(_ reader: xmlTextReaderPtr) -> XMLStartTag {
    let name = string(xmlTextReaderConstLocalName(reader)) ?? ""
    let namespace = string(xmlTextReaderConstNamespaceUri(reader))
    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
    let line = line(reader)
    var attributes: [XMLAttribute] = []
    if xmlTextReaderHasAttributes(reader) == 1 {
      while xmlTextReaderMoveToNextAttribute(reader) == 1 {
        let attributeNamespace = string(xmlTextReaderConstNamespaceUri(reader))
        if attributeNamespace == "http://www.w3.org/2000/xmlns/" { continue }
        attributes.append(
          XMLAttribute(
            name: string(xmlTextReaderConstLocalName(reader)) ?? "",
            namespace: attributeNamespace,
            value: string(xmlTextReaderConstValue(reader)) ?? ""))
      }
      xmlTextReaderMoveToElement(reader)
    }
    return XMLStartTag(
      name: name, namespace: namespace, attributes: attributes, line: line, isEmpty: isEmpty)
  }

  private func line(_ reader: xmlTextReaderPtr) -> Int {
    if let node = xmlTextReaderCurrentNode(reader) {
      let line = Int(xmlGetLineNo(node))
      if line > 0 { return line }
    }
    return Int(xmlTextReaderGetParserLineNumber(reader))
  }

  private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private func flushErrors() {
    for diagnostic in errorSink.take() { diagnostics.emit(diagnostic) }
  }

  private func fail(fallback: String) {
    if !failed && !errorSink.sawError {
      diagnostics.error(.xmlMalformed, fallback + suffix, at: SourceLocation(file: path))
    }
    failed = true
  }

  private func refuse(_ id: DiagnosticKind, _ message: String, line: Int) {
    diagnostics.error(
      id, message + suffix, at: SourceLocation(file: path, line: line, column: 1))
    failed = true
  }
}

/// Receives libxml2's structured errors (through the reader's user data) and
/// turns them into diagnostics with libxml2's own line and column.
private final class ErrorSink {
  let path: String
  /// Added to every message (the ZIP member read).
  let suffix: String
  private var pending: [Diagnostic] = []
  private(set) var sawError = false

  var hasPending: Bool { !pending.isEmpty }

  init(path: String, suffix: String) {
    self.path = path
    self.suffix = suffix
  }

  func record(_ error: xmlError) {
    if error.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
      // Validity errors do not stop the stream: report every one. libxml2
      // gives them a line but no column.
      let message = (error.message.map { String(cString: $0) } ?? "not valid").split(
        whereSeparator: \.isNewline
      ).map { $0.trimmingWhitespace() }.joined(separator: "; ")
      pending.append(
        Diagnostic(
          .error, .schemaInvalid, message + suffix,
          at: SourceLocation(file: path, line: max(Int(error.line), 0), column: 0)))
      return
    }
    let isError = error.level.rawValue >= XML_ERR_ERROR.rawValue
    // One error is enough: libxml2 keeps reporting after a fatal one.
    if isError && sawError { return }
    var message = error.message.map { String(cString: $0) } ?? "XML error"
    message = message.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
      .filter { !$0.isEmpty }.joined(separator: "; ")
    if let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase == true
    {
      message = first.lowercased() + message.dropFirst()
    }
    let id: DiagnosticKind
    switch Int(error.code) {
    case Int(XML_ERR_DOCUMENT_EMPTY.rawValue): id = .xmlEmpty
    case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
      Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
      id = .xmlEncoding
    case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue),
      Int(XML_ERR_ENTITY_LOOP.rawValue), Int(XML_ERR_EXT_ENTITY_STANDALONE.rawValue):
      id = .xmlEntity
    default: id = .xmlMalformed
    }
    let line = Int(error.line)
    let column = Int(error.int2)
    pending.append(
      Diagnostic(
        isError ? .error : .warning, id, message + suffix,
        at: SourceLocation(file: path, line: max(line, 0), column: max(column, 0))))
    if isError { sawError = true }
  }

  func take() -> [Diagnostic] {
    defer { pending.removeAll() }
    return pending
  }
}
