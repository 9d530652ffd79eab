/// Reads and validates the catalog directory: `areas.xml`, `steps.xml` and
/// `calendar.xml`, each checked against the rules of `catalog/schema/catalog.xsd`
/// and then semantically (ids, references, cycles).
public enum CatalogLoader {
  /// The namespace of the catalog's files.
  public static let namespace = "urn:migplan:catalog:1"

  /// The catalog of `source`, on disk or held in memory.
  /// - Returns: nil when it has errors (all reported).
  public static func load(source: CatalogSource, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> Catalog?
  {
    guard case .files(let name, _) = source else {
      return try load(directory: source.name, diagnostics: diagnostics)
    }
    var files: [[UInt8]] = []
    for file in ["areas.xml", "steps.xml", "calendar.xml"] {
      guard let bytes = source.bytes(of: file) else {
        throw InputFailure(
          .missing,
          Diagnostic(
            .error, .catalogMissing, "the catalog has no \(file)",
            at: SourceLocation(file: source.path(of: file))))
      }
      files.append(bytes)
    }
    return load(
      areas: files[0], steps: files[1], calendar: files[2], directory: name,
      diagnostics: diagnostics)
  }

  /// Returns nil when the catalog has errors (all reported).
  public static func load(directory: String, diagnostics: DiagnosticCollector) throws(InputFailure)
    -> Catalog?
  {
    guard FileCheck.isDirectory(directory) else {
      throw InputFailure(
        .missing,
        Diagnostic(
          .error, .catalogMissing, "catalog directory not found",
          at: SourceLocation(file: directory)))
    }
    let errorsBefore = diagnostics.errorCount
    let areasNode = try XMLDocumentReader.read(
      path: directory + "/areas.xml", rootName: "areas", namespace: namespace,
      diagnostics: diagnostics)
    let stepsNode = try XMLDocumentReader.read(
      path: directory + "/steps.xml", rootName: "stepTemplate", namespace: namespace,
      diagnostics: diagnostics)
    let calendarNode = try XMLDocumentReader.read(
      path: directory + "/calendar.xml", rootName: "calendar", namespace: namespace,
      diagnostics: diagnostics)
    let catalog = assemble(areasNode, stepsNode, calendarNode, diagnostics)
    return diagnostics.errorCount == errorsBefore ? catalog : nil
  }

  /// The catalog from its three files held in memory (tests, tools);
  /// `directory` names them in diagnostics. Nil when it has errors.
  public static func load(
    areas: [UInt8], steps: [UInt8], calendar: [UInt8], directory: String = "catalog",
    diagnostics: DiagnosticCollector
  ) -> Catalog? {
    let errorsBefore = diagnostics.errorCount
    func read(_ bytes: [UInt8], _ file: String, _ root: String) -> XMLElementNode? {
      XMLDocumentReader.read(
        bytes: bytes, path: directory + "/" + file, rootName: root, namespace: namespace,
        diagnostics: diagnostics)
    }
    let catalog = assemble(
      read(areas, "areas.xml", "areas"), read(steps, "steps.xml", "stepTemplate"),
      read(calendar, "calendar.xml", "calendar"), diagnostics)
    return diagnostics.errorCount == errorsBefore ? catalog : nil
  }

  /// The catalog from its three documents, each checked, then their references.
  static func assemble(
    _ areasNode: XMLElementNode?, _ stepsNode: XMLElementNode?, _ calendarNode: XMLElementNode?,
    _ diagnostics: DiagnosticCollector
  ) -> Catalog? {
    let areas = areasNode.map { readAreas($0, diagnostics) } ?? []
    let template = stepsNode.map { readTemplate($0, diagnostics) }
    let calendar = calendarNode.flatMap { readCalendar($0, diagnostics) }
    if let areasNode { checkAreaReferences(areas, root: areasNode, diagnostics) }
    guard let template, let calendar else { return nil }
    return Catalog(areas: areas, template: template, calendar: calendar)
  }

  /// Reads one step-template file on its own (for tools and tests).
  public static func loadTemplate(path: String, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> StepTemplate?
  {
    let errorsBefore = diagnostics.errorCount
    guard
      let node = try XMLDocumentReader.read(
        path: path, rootName: "stepTemplate", namespace: namespace, diagnostics: diagnostics)
    else { return nil }
    let template = readTemplate(node, diagnostics)
    return diagnostics.errorCount == errorsBefore ? template : nil
  }

  // MARK: - areas.xml

  static func readAreas(_ root: XMLElementNode, _ diagnostics: DiagnosticCollector) -> [Area] {
    _ = ElementFields(root, attributes: [], children: ["area"], diagnostics: diagnostics)
    var ids = DuplicateCheck("area")
    var areas: [Area] = []
    for node in root.children("area") {
      let fields = ElementFields(
        node, attributes: ["id", "ministry", "specVersion"],
        children: ["name", "alias", "blackout", "goLiveAfter"], diagnostics: diagnostics)
      let id = fields.identifier("id")
      let ministry = fields.required("ministry")
      var japanese: String?
      var english: String?
      for name in node.children("name") {
        let nameFields = ElementFields(name, attributes: [], children: [], diagnostics: diagnostics)
        let language = name.attributes.first { $0.name == "lang" && $0.namespace == xmlNamespace }
        if language?.value == "en" {
          english = nameFields.text()
        } else {
          japanese = nameFields.text()
        }
      }
      if japanese == nil {
        diagnostics.error(.missingElement, "area needs a Japanese <name>", at: node.location)
      }
      let aliases = node.children("alias").compactMap {
        ElementFields($0, attributes: [], children: [], diagnostics: diagnostics).text()
      }
      var blackouts: [Blackout] = []
      for blackout in node.children("blackout") {
        let blackoutFields = ElementFields(
          blackout, attributes: ["from", "to", "reason"], children: [], diagnostics: diagnostics)
        if let range = monthDayRange(blackoutFields, diagnostics) {
          blackouts.append(Blackout(range: range, reason: blackoutFields.required("reason") ?? ""))
        }
      }
      let after = node.children("goLiveAfter").compactMap {
        ElementFields($0, attributes: ["area"], children: [], diagnostics: diagnostics)
          .identifier("area")
      }
      guard let id, ids.insert(id, at: node.location(of: "id"), diagnostics: diagnostics),
        let ministry, let japanese
      else { continue }
      areas.append(
        Area(
          id: id, name: japanese, englishName: english ?? id, ministry: ministry,
          specVersion: fields.optional("specVersion"), aliases: aliases, blackouts: blackouts,
          goLiveAfter: after, location: node.location))
    }
    return areas
  }

  static func monthDayRange(_ fields: ElementFields, _ diagnostics: DiagnosticCollector)
    -> MonthDayRange?
  {
    var parts: [(Int, Int)] = []
    for name in ["from", "to"] {
      guard let text = fields.required(name) else { return nil }
      guard let value = MonthDayRange.parseMonthDay(text) else {
        diagnostics.error(
          .badMonthDay, "'\(text)' is not a month and day (MM-DD)",
          at: fields.node.location(of: name))
        return nil
      }
      parts.append(value)
    }
    return MonthDayRange(
      fromMonth: parts[0].0, fromDay: parts[0].1, toMonth: parts[1].0, toDay: parts[1].1)
  }

  static func checkAreaReferences(
    _ areas: [Area], root: XMLElementNode, _ diagnostics: DiagnosticCollector
  ) {
    let known = Set(areas.map(\.id))
    var aliasOwner: [String: String] = [:]
    for area in areas {
      for alias in area.aliases {
        let key = NameKey.normalize(alias)
        if let owner = aliasOwner[key], owner != area.id {
          diagnostics.error(
            .duplicateAlias, "alias '\(alias)' names both '\(owner)' and '\(area.id)'",
            at: area.location)
        }
        aliasOwner[key] = area.id
      }
    }
    for node in root.children("area") {
      for link in node.children("goLiveAfter") {
        if let target = link.attribute("area"), !known.contains(target) {
          diagnostics.error(
            .unknownArea, "unknown area '\(target)'", at: link.location(of: "area"))
        }
      }
    }
  }

  // MARK: - steps.xml

  static func readTemplate(_ root: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> StepTemplate
  {
    let rootFields = ElementFields(
      root, attributes: ["vendorDelaySigma"], children: ["group", "milestone"],
      diagnostics: diagnostics)
    let vendorDelaySigma = rootFields.decimal("vendorDelaySigma", in: 0...1) ?? 0
    var groups: [StepGroup] = []
    var steps: [StepDefinition] = []
    var groupNumbers = DuplicateCheck("group")
    var stepIds = DuplicateCheck("step")
    var linkNodes: [(String, XMLElementNode)] = []
    for groupNode in root.children("group") {
      let fields = ElementFields(
        groupNode, attributes: ["number", "name", "durationLow", "durationHigh"],
        children: ["step"], diagnostics: diagnostics)
      let low = fields.decimal("durationLow", in: 0.1...1) ?? 1
      let high = fields.decimal("durationHigh", in: 1...5) ?? 1
      if low > 1 || high < 1 {
        diagnostics.error(
          .badNumber, "a group's duration spread must hold 1: durationLow ≤ 1 ≤ durationHigh",
          at: groupNode.location)
      }
      guard let number = fields.integer("number", in: 1...99), let name = fields.required("name"),
        groupNumbers.insert(String(number), at: groupNode.location, diagnostics: diagnostics)
      else { continue }
      groups.append(
        StepGroup(number: number, name: name, durationLow: min(low, 1), durationHigh: max(high, 1)))
      for stepNode in groupNode.children("step") {
        let (id, step) = readStep(stepNode, group: number, gathered: &linkNodes, diagnostics)
        guard let id, stepIds.insert(id, at: stepNode.location(of: "id"), diagnostics: diagnostics),
          let step
        else { continue }
        steps.append(step)
      }
    }
    let known = Set(steps.map(\.id))
    for (target, node) in linkNodes where !known.contains(target) {
      diagnostics.error(.unknownStep, "unknown step '\(target)'", at: node.location(of: "step"))
    }
    var template = StepTemplate(groups: groups, steps: steps)
    template.vendorDelaySigma = vendorDelaySigma
    template.milestones = readMilestones(root, steps: known, diagnostics)
    checkCycles(template, diagnostics)
    for role in [StepRole.budgetRequest, .contract, .goLive] {
      let count = template.steps(with: role).count
      if count != 1 {
        diagnostics.error(
          .templateRole,
          "the template needs exactly one step with role '\(role.rawValue)', has \(count)",
          at: root.location)
      }
    }
    return template
  }

  /// One `<step>` of a group: its id (for the duplicate check) and its
  /// definition, nil when it has errors; its `<after>` links are gathered
  /// in `gathered` for checking once every step is known.
  static func readStep(
    _ stepNode: XMLElementNode, group number: Int, gathered: inout [(String, XMLElementNode)],
    _ diagnostics: DiagnosticCollector
  ) -> (id: String?, definition: StepDefinition?) {
    let stepFields = ElementFields(
      stepNode, attributes: ["id", "name", "performer", "duration", "role"],
      children: ["after", "duration"], diagnostics: diagnostics)
    let id = stepFields.identifier("id")
    let stepName = stepFields.required("name")
    let performer = stepFields.choice("performer", as: Performer.self)
    let duration = stepFields.integer("duration", in: 0...2000)
    let role = stepFields.choice("role", as: StepRole.self, required: false)
    var links: [StepLink] = []
    for after in stepNode.children("after") {
      let afterFields = ElementFields(
        after, attributes: ["step", "type", "lag"], children: [], diagnostics: diagnostics)
      guard let target = afterFields.identifier("step") else { continue }
      let type = afterFields.choice("type", as: LinkKind.self, required: false) ?? .FS
      let lag = afterFields.integer("lag", in: -500...2000, required: false) ?? 0
      links.append(
        StepLink(step: target, type: type == .FS ? .finishToStart : .startToStart, lag: lag))
      gathered.append((target, after))
    }
    var byMethod: [ProcurementMethod: Int] = [:]
    for override in stepNode.children("duration") {
      let overrideFields = ElementFields(
        override, attributes: ["method", "days"], children: [], diagnostics: diagnostics)
      if let method = overrideFields.choice("method", as: ProcurementMethod.self),
        let days = overrideFields.integer("days", in: 0...2000)
      {
        byMethod[method] = days
      }
    }
    guard let id, let stepName, let performer, let duration else { return (id, nil) }
    return (
      id,
      StepDefinition(
        id: id, group: number, name: stepName, performer: performer, duration: duration,
        durationByMethod: byMethod, predecessors: links, role: role, location: stepNode.location)
    )
  }

  /// The proposal milestones' rules, one per kind, on known steps.
  static func readMilestones(
    _ root: XMLElementNode, steps known: Set<String>, _ diagnostics: DiagnosticCollector
  ) -> [MilestoneRule] {
    var milestones: [MilestoneRule] = []
    var kinds = DuplicateCheck("milestone")
    for node in root.children("milestone") {
      let fields = ElementFields(
        node, attributes: ["kind", "step", "at", "offset", "methods"], children: [],
        diagnostics: diagnostics)
      let kind = fields.choice("kind", as: ProposalMilestone.self, id: .badMilestone)
      let step = fields.identifier("step")
      let at = fields.choice("at", as: MilestoneAnchor.self)
      let offset = fields.integer("offset", in: -100...100, required: false) ?? 0
      var methods = Set<ProcurementMethod>()
      for word in (fields.required("methods") ?? "").split(separator: " ") {
        if let method = ProcurementMethod(rawValue: String(word)) {
          methods.insert(method)
        } else {
          diagnostics.error(
            .badValue, "'\(word)' is not a procurement method", at: node.location(of: "methods"))
        }
      }
      if let step, !known.contains(step) {
        diagnostics.error(.unknownStep, "unknown step '\(step)'", at: node.location(of: "step"))
      }
      guard let kind, let step, let at,
        kinds.insert(kind.rawValue, at: node.location(of: "kind"), diagnostics: diagnostics)
      else { continue }
      milestones.append(
        MilestoneRule(
          kind: kind, step: step, atStart: at == .start, offset: offset, methods: methods))
    }
    return milestones
  }

  /// `at` attribute values.
  enum MilestoneAnchor: String, CaseIterable {
    case start, end
  }

  /// `type` attribute values.
  enum LinkKind: String, CaseIterable {
    case FS, SS
  }

  /// Reports each cycle of the template's precedence graph once, at a step
  /// on it. Depth-first search, O(steps + links).
  static func checkCycles(_ template: StepTemplate, _ diagnostics: DiagnosticCollector) {
    let index = Dictionary(
      template.steps.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    var state = Array(repeating: 0, count: template.steps.count)  // 0 new, 1 open, 2 closed
    func visit(_ node: Int, _ path: [Int]) {
      state[node] = 1
      for link in template.steps[node].predecessors {
        guard let next = index[link.step] else { continue }
        if state[next] == 1 {
          let cycleStart = path.firstIndex(of: next) ?? 0
          let names = (path[cycleStart...] + [node, next]).map { template.steps[$0].id }
          var unique: [String] = []
          for name in names where unique.last != name { unique.append(name) }
          diagnostics.error(
            .templateCycle, "steps form a cycle: \(unique.joined(separator: " → "))",
            at: template.steps[node].location)
        } else if state[next] == 0 {
          visit(next, path + [node])
        }
      }
      state[node] = 2
    }
    for node in template.steps.indices where state[node] == 0 { visit(node, []) }
  }

  // MARK: - calendar.xml

  static func readCalendar(_ root: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> WorkingCalendar?
  {
    let fields = ElementFields(
      root, attributes: ["from", "to"], children: ["closure", "holiday"], diagnostics: diagnostics)
    let from = fields.integer("from", in: 1990...2200)
    let to = fields.integer("to", in: 1990...2200)
    var closures: [MonthDayRange] = []
    for node in root.children("closure") {
      let closureFields = ElementFields(
        node, attributes: ["from", "to", "name"], children: [], diagnostics: diagnostics)
      if let range = monthDayRange(closureFields, diagnostics) { closures.append(range) }
    }
    var holidays: [CivilDate: String] = [:]
    var seen = DuplicateCheck("holiday")
    for node in root.children("holiday") {
      let holidayFields = ElementFields(
        node, attributes: ["date", "name"], children: [], diagnostics: diagnostics)
      guard let date = holidayFields.date("date"), let name = holidayFields.required("name") else {
        continue
      }
      if let from, let to, !(from...to).contains(date.year) {
        diagnostics.error(
          .holidayOutOfRange, "holiday \(date.iso) is outside the years \(from)–\(to)",
          at: node.location(of: "date"))
      }
      if seen.insert(date.iso, at: node.location(of: "date"), diagnostics: diagnostics) {
        holidays[date] = name
      }
    }
    guard let from, let to, from <= to else {
      if from != nil, to != nil {
        diagnostics.error(.badRange, "'from' is after 'to'", at: root.location)
      }
      return nil
    }
    return WorkingCalendar(holidays: holidays, closures: closures, coveredYears: from...to)
  }
}
