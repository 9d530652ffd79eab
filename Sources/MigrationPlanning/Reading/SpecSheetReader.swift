internal import CLibXML2
internal import CSheetKernel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a vendor spec sheet (format 1, `urn:migplan:vendor-spec-sheet:1`,
/// `shared/formats/vendor-spec-sheet.md`) in one streaming pass: memory
/// stays flat however many functions and forms it lists.
///
/// Rejects (errors) what the format says a reader must reject, and flags
/// (warnings) what it says a reader should flag. Diagnostic ids:
/// `wrong-root`, `missing-attribute`, `unknown-attribute`, `unknown-element`,
/// `misplaced-element`, `unexpected-text`, `bad-value`, `bad-date`,
/// `bad-identifier`, `bad-number`, `duplicate-id`, `date-required`,
/// `date-not-allowed`, `requirements-not-covered`, `missing-element`; and
/// the warnings `prohibited-implemented`, `mandatory-after-deadline`,
/// `old-spec-version`, `unknown-area`.
public struct SpecSheetReader: Sendable {
  /// The namespace of format 1.
  public static let namespace = "urn:migplan:vendor-spec-sheet:1"

  /// Known areas and their target specification versions (id → version).
  public var areaVersions: [String: String?]
  /// The migration deadline mandatory functions are measured against.
  public var deadline: CivilDate

  /// A reader that knows the catalog's areas and their target versions.
  public init(catalog: Catalog, deadline: CivilDate) {
    var versions: [String: String?] = [:]
    for area in catalog.areas { versions[area.id] = area.specVersion }
    self.init(areaVersions: versions, deadline: deadline)
  }

  /// A reader that knows these areas (id → target version) only.
  public init(areaVersions: [String: String?], deadline: CivilDate) {
    self.areaVersions = areaVersions
    self.deadline = deadline
  }

  /// Nil when the sheet has errors (all reported, with line and column).
  /// - Complexity: one streaming pass, O(bytes); memory does not grow with
  ///   the number of requirements beyond their ids (for duplicates).
  public func read(path: String, diagnostics: DiagnosticCollector) throws(InputFailure)
    -> SpecSheet?
  {
    let local = DiagnosticCollector()
    let reader = try XMLStreamReader(path: path, diagnostics: local)
    let state = parse(reader, name: path)
    return finish(
      state, local: local, resolved: state.columns.resolved(path: path), into: diagnostics)
  }

  /// Reads a sheet held in memory (`name` stands for the file).
  public func read(bytes: [UInt8], name: String, diagnostics: DiagnosticCollector) -> SpecSheet? {
    let local = DiagnosticCollector()
    let reader = XMLStreamReader(bytes: bytes, name: name, diagnostics: local)
    let state = parse(reader, name: name)
    return finish(
      state, local: local, resolved: state.columns.resolved(bytes: bytes), into: diagnostics)
  }

  /// One pass over the document. Functions and forms, the bulk of a large
  /// sheet, take a fast path that builds no value per attribute; anything
  /// unusual about one falls back to the general path, which reports it.
  private func parse(_ reader: XMLStreamReader, name: String) -> ParseState {
    var names = InternedNames(reader)
    let kernel = UnsafeMutablePointer<migplan_SheetKernel>.allocate(capacity: 1)
    kernel.initialize(to: migplan_SheetKernel())
    kernel.pointee.sheetNamespace = names.namespace
    kernel.pointee.function = names.function
    kernel.pointee.form = names.form
    kernel.pointee.names = names.attributeNames
    defer {
      migplan_kernelFree(kernel)
      kernel.deinitialize(count: 1)
      kernel.deallocate()
    }
    var state = ParseState(path: name, reader: self, kernel: kernel)
    while true {
      kernel.pointee.active = state.inRequirements ? 1 : 0
      guard let node = reader.advance(kernel: kernel) else { break }
      switch node {
      case .element:
        if state.inRequirements, names.isSheetNamespace(reader.currentNamespace),
          state.fastRequirement(reader, names)
        {
          continue
        }
        if let tag = reader.currentStartTag { state.handle(.start(tag)) }
      case .endElement: state.handle(.end(name: "", line: reader.currentLine))
      case .text: state.handle(.text(reader.currentText, line: reader.currentLine))
      }
    }
    state.foldKernelCounts()
    return state
  }

  private func finish(
    _ state: ParseState, local: DiagnosticCollector, resolved: [Diagnostic],
    into diagnostics: DiagnosticCollector
  ) -> SpecSheet? {
    // Parser errors come with columns; the sheet's own rules get theirs now.
    for diagnostic in local.diagnostics { diagnostics.emit(diagnostic) }
    for diagnostic in resolved { diagnostics.emit(diagnostic) }
    let failed =
      local.hasErrors || state.columns.requests.contains { $0.diagnostic.severity == .error }
    guard !failed else { return nil }
    return state.sheet()
  }

  /// Dotted version comparison: "3.1" < "4.0" < "4.0.1"; non-numeric parts
  /// compare as text.
  static func isOlder(_ version: String, than target: String) -> Bool {
    let a = version.split(separator: ".")
    let b = target.split(separator: ".")
    for index in 0..<max(a.count, b.count) {
      let x = index < a.count ? a[index] : "0"
      let y = index < b.count ? b[index] : "0"
      if let p = Int(x), let q = Int(y) {
        if p != q { return p < q }
      } else if x != y {
        return x < y
      }
    }
    return false
  }
}

/// The names the fast path compares with, interned in the reader's
/// dictionary (so that most comparisons are pointer comparisons).
private struct InternedNames {
  /// The namespace pointer last found equal to the sheet's: elements share
  /// their namespace declaration, so this is a pointer comparison.
  private var knownNamespace: UnsafePointer<xmlChar>?

  mutating func isSheetNamespace(_ pointer: UnsafePointer<xmlChar>?) -> Bool {
    guard let pointer else { return false }
    if pointer == knownNamespace { return true }
    if xmlStrEqual(pointer, namespace) != 0 {
      knownNamespace = pointer
      return true
    }
    return false
  }

  let namespace, function, form, id, requirementClass, status, date: UnsafePointer<xmlChar>?
  let attributeNames: migplan_RequirementNames

  init(_ reader: XMLStreamReader) {
    namespace = reader.intern(SpecSheetReader.namespace)
    function = reader.intern("function")
    form = reader.intern("form")
    id = reader.intern("id")
    requirementClass = reader.intern("class")
    status = reader.intern("status")
    date = reader.intern("date")
    let classes = RequirementNameTable.classes
    let statuses = RequirementNameTable.statuses
    attributeNames = migplan_RequirementNames(
      id: id, requirementClass: requirementClass, status: status, date: date,
      classNames: (classes[0], classes[1], classes[2]),
      statusNames: (statuses[0], statuses[1], statuses[2], statuses[3]))
  }
}

/// The names of the requirement classes and statuses, as C strings for the
/// kernel, each at its kernel index (SheetKernel.h). Made once, kept for
/// the process's life.
private enum RequirementNameTable {
  nonisolated(unsafe) static let classes = names(RequirementClass.self, count: kernelClasses)
  nonisolated(unsafe) static let statuses = names(RequirementStatus.self, count: kernelStatuses)

  static func names<T: KernelIndexed & RawRepresentable>(_: T.Type, count: Int)
    -> [UnsafePointer<CChar>?]
  where T.RawValue == String {
    var table = [UnsafePointer<CChar>?](repeating: nil, count: count)
    for value in T.allCases { table[value.kernelIndex] = UnsafePointer(strdup(value.rawValue)) }
    return table
  }
}

/// The kernel's sizes (SheetKernel.h).
let kernelKinds = Int(migplan_requirementKinds)
let kernelClasses = Int(migplan_requirementClasses)
let kernelStatuses = Int(migplan_requirementStatuses)

/// A value the kernel knows by an index of SheetKernel.h. Every case maps
/// to the header's named index, never to its place among the cases, so the
/// Swift enums may be reordered or grow without the kernel miscounting;
/// `SharedRulesTests` checks that the mapping is one-to-one.
protocol KernelIndexed: CaseIterable, Hashable {
  var kernelIndex: Int { get }
}

extension KernelIndexed {
  /// The case at a kernel index, or nil (the kernel's -1: absent or unknown).
  static func at(kernelIndex index: Int32, table: [Self?]) -> Self? {
    table.indices.contains(Int(index)) ? table[Int(index)] : nil
  }

  /// The cases by kernel index.
  static func table(count: Int) -> [Self?] {
    var table = [Self?](repeating: nil, count: count)
    for value in allCases where table.indices.contains(value.kernelIndex) {
      table[value.kernelIndex] = value
    }
    return table
  }
}

extension RequirementKind: KernelIndexed {
  var kernelIndex: Int {
    switch self {
    case .function: Int(migplan_kindFunction)
    case .form: Int(migplan_kindForm)
    }
  }
}

extension RequirementClass: KernelIndexed {
  var kernelIndex: Int {
    switch self {
    case .mandatory: Int(migplan_classMandatory)
    case .optional: Int(migplan_classOptional)
    case .prohibited: Int(migplan_classProhibited)
    }
  }
}

extension RequirementStatus: KernelIndexed {
  var kernelIndex: Int {
    switch self {
    case .implemented: Int(migplan_statusImplemented)
    case .planned: Int(migplan_statusPlanned)
    case .deferred: Int(migplan_statusDeferred)
    case .notImplemented: Int(migplan_statusNotImplemented)
    }
  }
}

/// The state of one streaming pass.
private struct ParseState {
  enum Context {
    case sheet
    case vendor
    case name(owner: NameOwner, language: String?)
    case product
    case leaf(String)
    case requirements(area: String?)
    case requirement
    case foreign
  }

  enum NameOwner { case vendor, product }

  let path: String
  let reader: SpecSheetReader
  var columns = ColumnResolver()
  var stack: [Context] = []
  var sawRoot = false
  var issued: CivilDate?
  var vendorId: String?
  var vendorName: String?
  var otherNames: [(String, String)] = []
  var vendorSeen = false
  var childIndex = 0
  var products: [SpecProduct] = []
  var productIds: [String: Int] = [:]
  var current: SpecProduct?
  var currentValid = true
  var migrationSeen = false
  var text = ""

  /// The C loop that counts plain requirements and keeps the ids.
  let kernel: UnsafeMutablePointer<migplan_SheetKernel>

  init(path: String, reader: SpecSheetReader, kernel: UnsafeMutablePointer<migplan_SheetKernel>) {
    self.path = path
    self.reader = reader
    self.kernel = kernel
  }

  /// Adds what the kernel counted to the current product.
  mutating func foldKernelCounts() {
    for kind in RequirementKind.allCases {
      for requirementClass in RequirementClass.allCases {
        for status in RequirementStatus.allCases {
          let count = migplan_kernelTakeCount(
            kernel, Int32(kind.kernelIndex), Int32(requirementClass.kernelIndex),
            Int32(status.kernelIndex))
          if count > 0 { current?.counts[kind, requirementClass, status] += count }
        }
      }
    }
  }

  /// Whether an id is new among the current requirements' (exact: hash and bytes).
  mutating func insertRequirementId(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return migplan_kernelInsertId(kernel, base, Int32(bytes.count), hash) != 0
  }

  mutating func insertRequirementId(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      insertRequirementId(bytes, hash: migplan_hash(bytes.baseAddress, bytes.count))
    }
  }

  mutating func error(
    _ id: DiagnosticKind, _ message: String, line: Int, needle: String, attribute: Bool = false
  ) {
    columns.add(
      Diagnostic(.error, id, message, at: SourceLocation(file: path, line: line)), needle: needle,
      attribute: attribute)
  }

  mutating func warning(
    _ id: DiagnosticKind, _ message: String, line: Int, needle: String, attribute: Bool = false
  ) {
    columns.add(
      Diagnostic(.warning, id, message, at: SourceLocation(file: path, line: line)), needle: needle,
      attribute: attribute)
  }

  mutating func handle(_ event: XMLEvent) {
    switch event {
    case .start(let tag):
      if case .foreign = stack.last {
        if !tag.isEmpty { stack.append(.foreign) }
        return
      }
      if !sawRoot {
        sawRoot = true
        guard tag.name == "specSheet", tag.namespace == SpecSheetReader.namespace else {
          error(
            .wrongRoot,
            "expected <specSheet> in namespace '\(SpecSheetReader.namespace)', found '\(tag.name)'"
              + (tag.namespace.map { " in '\($0)'" } ?? " in no namespace"),
            line: tag.line, needle: tag.name)
          stack.append(.foreign)
          return
        }
        checkAttributes(tag, allowed: ["issued"])
        issued = date(tag, "issued", required: true)
        if tag.isEmpty {
          finishRoot(line: tag.line)
        } else {
          stack.append(.sheet)
        }
        return
      }
      if tag.namespace != SpecSheetReader.namespace {
        if !tag.isEmpty { stack.append(.foreign) }
        return
      }
      let context = open(tag)
      if tag.isEmpty {
        close(context, line: tag.line)
      } else {
        stack.append(context)
        text = ""
      }
    case .end(_, let line):
      guard let context = stack.popLast() else { return }
      if case .sheet = context {
        finishRoot(line: line)
        return
      }
      close(context, line: line)
    case .text(let value, let line):
      guard let context = stack.last else { return }
      switch context {
      case .name: text += value
      case .foreign: break
      default:
        if !value.allSatisfy(\.isWhitespace) {
          error(.unexpectedText, "text is not allowed here", line: line, needle: "")
        }
      }
    }
  }

  // Long: the element dispatch of the streaming reader, run for every element of sheets up to gigabytes.
  /// Checks where an element may stand and reads its attributes.
  mutating func open(_ tag: XMLStartTag) -> Context {
    let parent = stack.last
    switch (tag.name, parent) {
    case ("vendor", .sheet?):
      if vendorSeen || childIndex > 0 {
        error(
          .misplacedElement, "<vendor> must be the first child of <specSheet>, once",
          line: tag.line, needle: "vendor")
      }
      vendorSeen = true
      childIndex += 1
      checkAttributes(tag, allowed: ["id"])
      vendorId = identifier(tag, "id")
      return .vendor
    case ("product", .sheet?):
      if !vendorSeen {
        error(
          .misplacedElement, "<vendor> must come before any <product>", line: tag.line,
          needle: "product")
        vendorSeen = true
      }
      childIndex += 1
      checkAttributes(tag, allowed: ["id", "release"])
      let id = identifier(tag, "id")
      currentValid = id != nil
      if let id {
        if productIds[id] != nil {
          error(
            .duplicateId, "duplicate product id '\(id)'", line: tag.line, needle: "id",
            attribute: true)
          currentValid = false
        }
        productIds[id] = products.count
      }
      current = SpecProduct(
        id: id ?? "", release: tag.attribute("release"), name: nil, covers: [], clouds: [],
        capacity: nil, earliestStart: nil, counts: RequirementCounts(), notes: [],
        location: SourceLocation(file: path, line: tag.line))
      migrationSeen = false
      return .product
    case ("name", .vendor?), ("name", .product?):
      let language = tag.attributes.first { $0.name == "lang" && $0.namespace == xmlNamespace }?
        .value
      for attribute in tag.attributes
      where attribute.namespace == nil || attribute.namespace == SpecSheetReader.namespace {
        error(
          .unknownAttribute, "<name> has no attribute '\(attribute.name)'", line: tag.line,
          needle: attribute.name, attribute: true)
      }
      if case .vendor? = parent { return .name(owner: .vendor, language: language) }
      return .name(owner: .product, language: language)
    case ("covers", .product?):
      checkAttributes(tag, allowed: ["area", "specVersion"])
      let area = identifier(tag, "area")
      let version = required(tag, "specVersion")
      if let area, let version {
        if let known = reader.areaVersions[area] {
          if let target = known, SpecSheetReader.isOlder(version, than: target) {
            warning(
              .oldSpecVersion,
              "product '\(current?.id ?? "")' covers '\(area)' at version \(version), older than the catalog's \(target)",
              line: tag.line, needle: "specVersion", attribute: true)
          }
        } else {
          warning(
            .unknownArea, "the catalog knows no area '\(area)'", line: tag.line, needle: "area",
            attribute: true)
        }
        if current?.covers.contains(where: { $0.area == area }) == true {
          error(
            .duplicateId, "area '\(area)' is covered twice", line: tag.line, needle: "area",
            attribute: true)
        }
        current?.covers.append((area, version))
      }
      return .leaf("covers")
    case ("cloud", .product?):
      checkAttributes(tag, allowed: ["provider"])
      if let provider = choice(tag, "provider", CloudProvider.self) {
        if current?.clouds.contains(provider) == false { current?.clouds.append(provider) }
      }
      return .leaf("cloud")
    case ("migration", .product?):
      checkAttributes(tag, allowed: ["capacity", "earliestStart"])
      if migrationSeen {
        error(
          .duplicateElement, "a product has at most one <migration>", line: tag.line,
          needle: "migration")
      }
      migrationSeen = true
      if let text = required(tag, "capacity") {
        if let value = Int(text), value > 0, value <= 1_000_000 {
          current?.capacity = value
        } else {
          error(
            .badNumber, "capacity must be a positive integer, not '\(text)'", line: tag.line,
            needle: "capacity", attribute: true)
        }
      }
      let earliest = date(tag, "earliestStart", required: false)
      current?.earliestStart = earliest
      return .leaf("migration")
    case ("requirements", .product?):
      checkAttributes(tag, allowed: ["area"])
      let area = identifier(tag, "area")
      if let area, current?.covers(area) == false {
        error(
          .requirementsNotCovered,
          "requirements for area '\(area)', which product '\(current?.id ?? "")' does not cover",
          line: tag.line, needle: "area", attribute: true)
      }
      migplan_kernelResetIds(kernel)
      return .requirements(area: area)
    case ("function", .requirements(let area)?), ("form", .requirements(let area)?):
      readRequirement(tag, kind: tag.name == "function" ? .function : .form, area: area)
      return .requirement
    default:
      let known = [
        "specSheet", "vendor", "product", "name", "covers", "cloud", "migration", "requirements",
        "function", "form",
      ]
      if known.contains(tag.name) {
        error(
          .misplacedElement, "<\(tag.name)> is not allowed here", line: tag.line, needle: tag.name
        )
      } else {
        error(
          .unknownElement, "unknown element <\(tag.name)> in the spec-sheet namespace",
          line: tag.line, needle: tag.name)
      }
      return .foreign
    }
  }

  mutating func close(_ context: Context, line: Int) {
    switch context {
    case .name(let owner, let language):
      let value = text.trimmingWhitespace()
      if value.isEmpty {
        error(.emptyText, "<name> needs text", line: line, needle: "name")
      }
      switch owner {
      case .vendor:
        if let language {
          otherNames.append((language, value))
        } else if vendorName != nil {
          error(
            .duplicateElement, "the vendor has one <name> without xml:lang", line: line,
            needle: "name")
        } else {
          vendorName = value
        }
      case .product:
        if language == nil { current?.name = value }
      }
      text = ""
    case .vendor:
      if vendorName == nil {
        error(
          .missingElement, "<vendor> needs a <name> without xml:lang (the official name)",
          line: line, needle: "vendor")
      }
    case .product:
      foldKernelCounts()
      guard let product = current else { return }
      if product.covers.isEmpty {
        error(
          .missingElement, "product '\(product.id)' covers no area (<covers>)",
          line: product.location.line, needle: "product")
      }
      if currentValid { products.append(product) }
      current = nil
    default:
      break
    }
  }

  mutating func finishRoot(line: Int) {
    if !vendorSeen {
      error(.missingElement, "<specSheet> needs a <vendor>", line: line, needle: "specSheet")
    }
    if productIds.isEmpty {
      error(
        .missingElement, "<specSheet> needs at least one <product>", line: line,
        needle: "specSheet")
    }
  }

  func sheet() -> SpecSheet? {
    guard let issued, let vendorId, let vendorName else { return nil }
    return SpecSheet(
      path: path, issued: issued, vendorId: vendorId, vendorName: vendorName,
      otherNames: otherNames, products: products)
  }

  static let classes = RequirementClass.table(count: kernelClasses)
  static let statuses = RequirementStatus.table(count: kernelStatuses)

  /// The kernel's class index as a class.
  static func requirementClass(_ index: Int32) -> RequirementClass? {
    RequirementClass.at(kernelIndex: index, table: classes)
  }

  /// The kernel's status index as a status.
  static func requirementStatus(_ index: Int32) -> RequirementStatus? {
    RequirementStatus.at(kernelIndex: index, table: statuses)
  }

  var inRequirements: Bool {
    if case .requirements = stack.last { return true }
    return false
  }

  /// A function or form read straight from the reader. Returns false, having
  /// changed nothing, when anything about it needs the general path.
  mutating func fastRequirement(_ reader: XMLStreamReader, _ names: InternedNames) -> Bool {
    guard case .requirements(let area)? = stack.last, let raw = reader.rawReader else {
      return false
    }
    let localName = reader.currentLocalName
    let kind: RequirementKind
    if xmlStrEqual(localName, names.function) != 0 {
      kind = .function
    } else if xmlStrEqual(localName, names.form) != 0 {
      kind = .form
    } else {
      return false
    }
    var attributes = migplan_RequirementAttributes()
    withUnsafePointer(to: names.attributeNames) {
      migplan_readRequirementAttributes(raw, names.namespace, $0, &attributes)
    }
    guard attributes.unusual == 0, attributes.idValid != 0, let id = attributes.id,
      let requirementClass = Self.requirementClass(attributes.classIndex),
      let status = Self.requirementStatus(attributes.statusIndex)
    else { return false }
    var date: CivilDate?
    switch status {
    case .planned, .deferred:
      guard let text = attributes.date, let parsed = CivilDate(isoBytes: text), parsed.isSupported
      else { return false }
      date = parsed
    case .implemented, .notImplemented:
      guard attributes.date == nil else { return false }
    }
    if !insertRequirementId(
      UnsafeBufferPointer(start: id, count: Int(attributes.idLength)), hash: attributes.idHash)
    {
      duplicateRequirement(String(cString: id), line: reader.currentLine)
    }
    record(
      kind, area: area, id: String(cString: id), requirementClass, status, date: date,
      line: reader.currentLine)
    if !reader.currentIsEmpty { stack.append(.requirement) }
    return true
  }

  mutating func readRequirement(_ tag: XMLStartTag, kind: RequirementKind, area: String?) {
    checkAttributes(tag, allowed: ["id", "class", "status", "date"])
    let id = identifier(tag, "id")
    if let id, !insertRequirementId(id) { duplicateRequirement(id, line: tag.line) }
    let requirementClass = choice(tag, "class", RequirementClass.self)
    let status = choice(tag, "status", RequirementStatus.self)
    var dated: CivilDate?
    if let status {
      switch status {
      case .planned, .deferred:
        if tag.attribute("date") == nil {
          error(
            .dateRequired, "a \(status.rawValue) \(kind.rawValue) needs a date", line: tag.line,
            needle: kind.rawValue)
        } else {
          dated = date(tag, "date", required: true)
        }
      case .implemented, .notImplemented:
        if tag.attribute("date") != nil {
          error(
            .dateNotAllowed, "an \(status.rawValue) \(kind.rawValue) has no date",
            line: tag.line, needle: "date", attribute: true)
        }
      }
    }
    guard let requirementClass, let status, let id else { return }
    record(kind, area: area, id: id, requirementClass, status, date: dated, line: tag.line)
  }

  mutating func duplicateRequirement(_ id: String, line: Int) {
    error(
      .duplicateId, "duplicate id '\(id)' among these requirements' functions and forms",
      line: line, needle: "id", attribute: true)
  }

  /// Counts a requirement and raises what it calls for. The id's text is
  /// made only when something needs it.
  mutating func record(
    _ kind: RequirementKind, area: String?, id makeId: @autoclosure () -> String,
    _ requirementClass: RequirementClass, _ status: RequirementStatus, date dated: CivilDate?,
    line makeLine: @autoclosure () -> Int
  ) {
    current?.counts[kind, requirementClass, status] += 1
    let mandatoryOpen = requirementClass == .mandatory && status != .implemented
    let prohibitedBuilt = requirementClass == .prohibited && status != .notImplemented
    guard mandatoryOpen || prohibitedBuilt || status == .deferred else { return }
    let id = makeId()
    let line = makeLine()
    if requirementClass == .prohibited && status != .notImplemented {
      warning(
        .prohibitedImplemented,
        "\(kind.rawValue) '\(id)' is 実装不可 (prohibited) but its status is \(status.rawValue)",
        line: line, needle: "status", attribute: true)
    }
    if requirementClass == .mandatory, status == .planned || status == .deferred, let dated,
      dated > reader.deadline
    {
      warning(
        .mandatoryAfterDeadline,
        "mandatory \(kind.rawValue) '\(id)' is \(status.rawValue) for \(dated.iso), after the deadline \(reader.deadline.iso)",
        line: line, needle: "date", attribute: true)
    }
    if (requirementClass == .mandatory && status != .implemented) || status == .deferred {
      current?.notes.append(
        RequirementNote(
          kind: kind, id: id, area: area ?? "", requirementClass: requirementClass, status: status,
          date: dated))
    }
  }

  mutating func checkAttributes(_ tag: XMLStartTag, allowed: Set<String>) {
    for attribute in tag.attributes
    where (attribute.namespace == nil || attribute.namespace == SpecSheetReader.namespace)
      && !allowed.contains(attribute.name)
    {
      error(
        .unknownAttribute, "<\(tag.name)> has no attribute '\(attribute.name)'", line: tag.line,
        needle: attribute.name, attribute: true)
    }
  }

  mutating func required(_ tag: XMLStartTag, _ name: String) -> String? {
    guard let value = tag.attribute(name) else {
      error(
        .missingAttribute, "<\(tag.name)> needs attribute '\(name)'", line: tag.line,
        needle: tag.name)
      return nil
    }
    return value
  }

  mutating func identifier(_ tag: XMLStartTag, _ name: String) -> String? {
    guard let value = required(tag, name) else { return nil }
    guard ElementFields.isIdentifier(value) else {
      error(
        .badIdentifier, "'\(value.prefix(80))' is not an identifier (1–64 of A-Z a-z 0-9 - _ .)",
        line: tag.line, needle: name, attribute: true)
      return nil
    }
    return value
  }

  mutating func date(_ tag: XMLStartTag, _ name: String, required isRequired: Bool) -> CivilDate? {
    guard let value = isRequired ? required(tag, name) : tag.attribute(name) else { return nil }
    guard let date = CivilDate(iso: value) else {
      error(
        .badDate, "'\(value.prefix(40))' is not a date (YYYY-MM-DD)", line: tag.line,
        needle: name, attribute: true)
      return nil
    }
    guard date.isSupported else {
      error(
        .dateOutOfRange, "\(value) is out of range: \(CivilDate.supportedText)",
        line: tag.line, needle: name, attribute: true)
      return nil
    }
    return date
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ tag: XMLStartTag, _ name: String, _ type: T.Type
  )
    -> T? where T.RawValue == String
  {
    guard let value = required(tag, name) else { return nil }
    guard let parsed = T(rawValue: value) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      error(
        .badValue, "'\(value.prefix(40))' is not a valid \(name) (one of: \(allowed))",
        line: tag.line, needle: name, attribute: true)
      return nil
    }
    return parsed
  }
}
