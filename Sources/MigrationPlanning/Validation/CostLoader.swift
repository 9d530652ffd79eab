/// Reads a plan's cost data (`costs.xml` beside plan.xml) through the safe
/// XML reader, against the plan: a negative amount, an unknown item, a
/// contract that ends before it starts, a rate of 0, a share above 100 %, a
/// system or area the plan does not have, are located errors; a system with
/// costs but no FY2018 figure at any level (its own, one of its areas', or
/// the body's) is a warning (`costs-no-reference`).
public enum CostLoader {
  /// The largest amount a file may give (10 trillion yen or cents).
  public static let maximumAmount = 10_000_000_000_000
  /// The most a year may cost in all (`CostData.maximumYear`).
  public static let maximumYear = CostData.maximumYear

  /// The cost data of the plan in `planDirectory`; nil when it has no
  /// costs.xml, or (with errors) when the file is bad.
  public static func load(planDirectory: String, plan: Plan, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> CostData?
  {
    let file = planDirectory + "/" + CostData.fileName
    guard FileCheck.exists(file) else { return nil }
    return try XMLDocumentReader.load(
      path: file, rootName: "costs", namespace: CostData.namespace, diagnostics: diagnostics
    ) { read($0, plan: plan, diagnostics: diagnostics) }
  }

  /// Reads cost data held in memory (`path` names it): what a record is
  /// about to write is checked this way first.
  public static func load(
    bytes: [UInt8], path: String, plan: Plan, diagnostics: DiagnosticCollector
  ) -> CostData? {
    XMLDocumentReader.load(
      bytes: bytes, path: path, rootName: "costs", namespace: CostData.namespace,
      diagnostics: diagnostics
    ) { read($0, plan: plan, diagnostics: diagnostics) }
  }

  static func read(_ root: XMLElementNode, plan: Plan, diagnostics: DiagnosticCollector)
    -> CostData?
  {
    let errors = diagnostics.errorCount
    let fields = ElementFields(
      root, attributes: ["illustrative", "rate"], children: ["source", "reference", "system"],
      diagnostics: diagnostics)
    var data = CostData(
      illustrative: fields.flag("illustrative", default: false),
      source: root.children("source").first?.text.trimmingWhitespace())
    data.rate = rate(fields, "rate")
    data.location = root.location
    for reference in root.children("reference") {
      _ = ElementFields(reference, attributes: [], children: ["cost"], diagnostics: diagnostics)
      for node in reference.children("cost") {
        if let figure = referenceCost(node, plan: plan, diagnostics: diagnostics) {
          data.reference.append(figure)
        }
      }
    }
    var seen: Set<String> = []
    for node in root.children("system") {
      guard let system = systemCosts(node, plan: plan, diagnostics: diagnostics) else { continue }
      guard seen.insert(system.system).inserted else {
        diagnostics.error(
          .duplicateId, "system '\(system.system)' has costs twice", at: node.location)
        continue
      }
      data.systems.append(system)
    }
    guard diagnostics.errorCount == errors else { return nil }
    refuseUnbounded(data, at: root.location, diagnostics: diagnostics)
    if data.rate == nil, let dollars = data.firstDollarFee {
      diagnostics.error(
        .missingAttribute,
        "a fee in dollars needs the file's rate (rate=\"139.0000\" on <costs>)",
        at: dollars.location)
    }
    checkOwnShares(data, diagnostics: diagnostics)
    guard diagnostics.errorCount == errors else { return nil }
    warnUnreferenced(data, plan: plan, diagnostics: diagnostics)
    return data
  }

  /// A FY2018 figure: `scope="body"`, `area="…"` or `system="…"`.
  static func referenceCost(
    _ node: XMLElementNode, plan: Plan, diagnostics: DiagnosticCollector
  ) -> ReferenceCost? {
    let fields = ElementFields(
      node, attributes: ["scope", "area", "system", "item", "yen"], children: [],
      diagnostics: diagnostics)
    let scopes = [fields.optional("scope"), fields.optional("area"), fields.optional("system")]
    guard scopes.compactMap({ $0 }).count == 1 else {
      diagnostics.error(
        .missingAttribute,
        "a FY2018 figure covers one of scope=\"body\", area=\"…\" or system=\"…\"",
        at: node.location)
      return nil
    }
    let scope: ReferenceCost.Scope
    if let body = scopes[0] {
      guard body == "body" else {
        diagnostics.error(
          .badValue, "scope is \"body\", not '\(body)'", at: node.location(of: "scope"))
        return nil
      }
      scope = .body
    } else if let area = scopes[1] {
      guard plan.areas.contains(area) else {
        diagnostics.error(
          .unknownArea, "the plan has no area '\(area)'", at: node.location(of: "area"))
        return nil
      }
      scope = .area(area)
    } else {
      guard let system = scopes[2], plan.system(system) != nil else {
        diagnostics.error(
          .unknownSystem, "the plan has no system '\(scopes[2] ?? "")'",
          at: node.location(of: "system"))
        return nil
      }
      scope = .system(system)
    }
    guard let item = item(fields), let yen = amount(fields, "yen", required: true) else {
      return nil
    }
    return ReferenceCost(scope: scope, item: item, yen: yen, location: node.location)
  }

  /// A system's contracts, share and one-off costs.
  static func systemCosts(_ node: XMLElementNode, plan: Plan, diagnostics: DiagnosticCollector)
    -> SystemCosts?
  {
    let fields = ElementFields(
      node, attributes: ["ref", "share", "shared"], children: ["old", "new", "migration"],
      diagnostics: diagnostics)
    guard let id = fields.required("ref") else { return nil }
    guard plan.system(id) != nil else {
      diagnostics.error(
        .unknownSystem, "the plan has no system '\(id)'", at: node.location(of: "ref"))
      return nil
    }
    var costs = SystemCosts(system: id, location: node.location)
    if let text = fields.optional("share") {
      guard let points = basisPoints(text), points > 0, points <= 10_000 else {
        diagnostics.error(
          .badRange, "a share is a percentage above 0 and at most 100, not '\(text)'",
          at: node.location(of: "share"))
        return nil
      }
      costs.shareBasisPoints = points
    }
    if let shared = fields.optional("shared") {
      guard isSharedName(shared) else {
        diagnostics.error(
          .badValue,
          "a shared system's name is 1 to \(sharedNameLength) characters, not blank, with no "
            + "control characters",
          at: node.location(of: "shared"))
        return nil
      }
      costs.sharedSystem = shared
    }
    for name in ["old", "new", "migration"] where node.children(name).count > 1 {
      diagnostics.error(
        .duplicateId, "system '\(id)' has two <\(name)> elements",
        at: node.children(name)[1].location)
    }
    costs.old = node.children("old").first.flatMap { contract($0, diagnostics: diagnostics) }
    costs.new = node.children("new").first.flatMap { contract($0, diagnostics: diagnostics) }
    if let migration = node.children("migration").first {
      let fields = ElementFields(
        migration, attributes: ["yen", "subsidy"], children: [], diagnostics: diagnostics)
      costs.migration = amount(fields, "yen", required: true)
      costs.subsidy = amount(fields, "subsidy", required: false)
      if let subsidy = costs.subsidy, let cost = costs.migration, subsidy > cost {
        diagnostics.error(
          .badRange, "a subsidy of \(subsidy) yen is more than the migration's \(cost) yen",
          at: migration.location(of: "subsidy"))
      }
    }
    return costs
  }

  /// `<old>` or `<new>`: its dates and its annual amounts.
  static func contract(_ node: XMLElementNode, diagnostics: DiagnosticCollector) -> CostContract? {
    let fields = ElementFields(
      node, attributes: ["start", "end"], children: ["cost"], diagnostics: diagnostics)
    var contract = CostContract(
      amounts: [], start: fields.date("start", required: false),
      end: fields.date("end", required: false))
    if let start = contract.start, let end = contract.end, end < start {
      diagnostics.error(
        .badDateOrder, "the contract ends (\(end.iso)) before it starts (\(start.iso))",
        at: node.location(of: "end"))
    }
    for day in [contract.start, contract.end].compactMap({ $0 }) where !day.isSupported {
      diagnostics.error(.dateOutOfRange, CivilDate.supportedText, at: node.location)
    }
    for cost in node.children("cost") {
      let fields = ElementFields(
        cost, attributes: ["item", "yen", "usdCents", "pricedAt"], children: [],
        diagnostics: diagnostics)
      let errors = diagnostics.errorCount
      guard let item = item(fields) else { continue }
      let yen = amount(fields, "yen", required: false)
      let cents = amount(fields, "usdCents", required: false)
      guard diagnostics.errorCount == errors else { continue }
      if item != .cloud && (cents != nil || fields.optional("pricedAt") != nil) {
        diagnostics.error(
          .badValue, "only the cloud fee (cloud) is priced in dollars or at a rate",
          at: cost.location)
        continue
      }
      guard (yen == nil) != (cents == nil) else {
        diagnostics.error(
          .missingAttribute, "a cost gives yen=\"…\" or usdCents=\"…\", one of them",
          at: cost.location)
        continue
      }
      contract.amounts.append(
        CostAmount(
          item: item, yen: yen, usdCents: cents, pricedAt: rate(fields, "pricedAt"),
          location: cost.location))
    }
    return contract
  }

  static func item(_ fields: ElementFields) -> CostItem? {
    guard let text = fields.required("item") else { return nil }
    guard let item = CostItem(rawValue: text) else {
      fields.diagnostics.error(
        .badValue,
        "unknown cost item '\(text)' (\(CostItem.allCases.map(\.rawValue).joined(separator: ", ")))",
        at: fields.node.location(of: "item"))
      return nil
    }
    return item
  }

  /// A whole, non-negative amount of at most `maximumAmount`.
  static func amount(_ fields: ElementFields, _ name: String, required: Bool) -> Int? {
    guard let text = required ? fields.required(name) : fields.optional(name) else { return nil }
    guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !text.isEmpty, text.count <= 14,
      let value = Int(text), value <= maximumAmount
    else {
      fields.diagnostics.error(
        .badNumber,
        "'\(text)' is not an amount (whole yen or cents, 0 to \(NumberStyle.count(maximumAmount)))",
        at: fields.node.location(of: name))
      return nil
    }
    return value
  }

  static func rate(_ fields: ElementFields, _ name: String) -> ExchangeRate? {
    guard let text = fields.optional(name) else { return nil }
    guard let rate = ExchangeRate(text: text) else {
      fields.diagnostics.error(
        .badNumber, "'\(text)' is not a rate (1 to 1000 yen per dollar, at most 4 decimals)",
        at: fields.node.location(of: name))
      return nil
    }
    return rate
  }

  /// The longest name of a shared system (共同利用).
  public static let sharedNameLength = 100

  /// Whether `text` names a shared system: 1 to `sharedNameLength`
  /// characters, none of them a control character, not blank.
  public static func isSharedName(_ text: String) -> Bool {
    !text.trimmingWhitespace().isEmpty && text.count <= sharedNameLength
      && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// `33.33` (percent, at most two decimals) as 3,333 basis points.
  static func basisPoints(_ text: String) -> Int? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int(parts[0]), parts[0].allSatisfy(\.isNumber),
      whole <= 100
    else { return nil }
    guard parts.count == 2 else { return whole * 100 }
    guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber),
      let fraction = Int(parts[1])
    else { return nil }
    return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
  }

  /// Refuses data whose worst year (every amount at once, dollars at
  /// ¥1,000/$, yen cloud fees re-priced from ¥1/$ to ¥1,000/$) or FY2018
  /// total passes `maximumYear`.
  static func refuseUnbounded(
    _ data: CostData, at location: SourceLocation, diagnostics: DiagnosticCollector
  ) {
    var worst = Int128(0)
    for system in data.systems {
      for amount in (system.old?.amounts ?? []) + (system.new?.amounts ?? []) {
        let yen = Int128(amount.yen ?? 0) * (amount.item == .cloud ? 1_000 : 1)
        worst += yen + Int128(amount.usdCents ?? 0) * 10
      }
    }
    let reference = data.reference.reduce(Int128(0)) { $0 + Int128($1.yen) }
    let migration = data.systems.reduce(Int128(0)) { $0 + Int128($1.migration ?? 0) }
    if worst > Int128(maximumYear) || reference > Int128(maximumYear)
      || migration > Int128(maximumYear)
    {
      diagnostics.error(
        .badNumber,
        "the amounts add up past \(NumberStyle.count(maximumYear)) yen a year: no body's costs do",
        at: location)
    }
  }

  /// A body has one share of a shared system: two of its systems naming
  /// the same shared system at different shares is a `contradiction`, at
  /// the second.
  public static func checkOwnShares(_ data: CostData, diagnostics: DiagnosticCollector) {
    var first: [String: SystemCosts] = [:]
    for system in data.systems {
      guard let name = system.sharedSystem else { continue }
      let key = NameKey.normalize(name)
      guard let earlier = first[key] else {
        first[key] = system
        continue
      }
      if earlier.shareBasisPoints != system.shareBasisPoints {
        diagnostics.error(
          .contradiction,
          "'\(system.system)' pays \(CostData.percent(system.shareBasisPoints)) % of the shared "
            + "system '\(name)', '\(earlier.system)' \(CostData.percent(earlier.shareBasisPoints)) %: "
            + "a body has one share of a shared system", at: system.location)
      }
    }
  }

  /// `costs-shares-over` for each shared system (共同利用) whose shares
  /// across `bodies` add up past 100 %, each body counted once: at the
  /// entry that passes it, naming every share. Names match
  /// as `NameKey` matches them (full-width and half-width alike).
  public static func checkShares(
    _ bodies: [(body: String, data: CostData)], diagnostics: DiagnosticCollector
  ) {
    var order: [String] = []
    var shares: [String: [(body: String, system: SystemCosts)]] = [:]
    for (body, data) in bodies {
      // A body counts once per shared system, whichever of its systems
      // name it (at the largest share they give).
      var own: [String: Int] = [:]
      for system in data.systems {
        guard let name = system.sharedSystem else { continue }
        let key = NameKey.normalize(name)
        if shares[key] == nil { order.append(key) }
        if let index = own[key] {
          if system.shareBasisPoints > shares[key, default: []][index].system.shareBasisPoints {
            shares[key, default: []][index].system = system
          }
          continue
        }
        own[key] = shares[key, default: []].count
        shares[key, default: []].append((body, system))
      }
    }
    for key in order {
      let entries = shares[key, default: []]
      let total = entries.map(\.system.shareBasisPoints).reduce(0, +)
      guard total > 10_000 else { continue }
      var running = 0
      let passing = entries.first { entry in
        running += entry.system.shareBasisPoints
        return running > 10_000
      }
      let list = entries.map { "\($0.body) \(CostData.percent($0.system.shareBasisPoints)) %" }
      diagnostics.warning(
        .costsSharesOver,
        "the shares of the shared system '\(entries[0].system.sharedSystem ?? key)' add up to "
          + "\(CostData.percent(total)) % (\(list.joined(separator: ", "))): it is counted more "
          + "than once",
        at: (passing ?? entries[0]).system.location)
    }
  }

  /// `costs-no-reference` for each system with costs but no FY2018 figure.
  static func warnUnreferenced(_ data: CostData, plan: Plan, diagnostics: DiagnosticCollector) {
    var areas: Set<String> = []
    var systems: Set<String> = []
    var body = false
    for figure in data.reference {
      switch figure.scope {
      case .body: body = true
      case .area(let area): areas.insert(area)
      case .system(let system): systems.insert(system)
      }
    }
    guard !body else { return }
    for costs in data.systems where costs.old != nil || costs.new != nil {
      let system = plan.system(costs.system)
      if systems.contains(costs.system) || system?.areas.contains(where: areas.contains) == true {
        continue
      }
      diagnostics.warning(
        .costsNoReference,
        "\(system?.name ?? costs.system) has costs but no FY2018 figure (its own, its areas' "
          + "or the body's): it counts in every year but not in the reference",
        at: costs.location)
    }
  }
}
