#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads what `migplan portfolio` schedules together: plan directories
/// (`plan.xml`) and portfolio directories (`portfolio.xml`, a compact form
/// for many municipalities at once: one `<migration>` per area, its PMO
/// progress as the number of steps done in template order).
public enum PortfolioLoader {
  /// The namespace of `portfolio.xml`.
  public static let namespace = "urn:migplan:portfolio:1"
  /// The file a portfolio directory holds.
  public static let fileName = "portfolio.xml"

  /// Plans and the vendor capacities a portfolio file shares among them.
  public struct Loaded: Sendable {
    /// Every plan, in the order of the paths and the files.
    public var plans: [Plan]
    /// Per plan: whether it comes from a plan directory (`plan.xml`), whose
    /// systems name their products and respondents, rather than from a
    /// portfolio file, which describes migrations in the aggregate.
    public var fromPlanDirectory: [Bool] = []
    /// Per plan: its directory when it comes from one (where its
    /// costs.xml is), nil for a plan of a portfolio file.
    public var directories: [String?] = []
    /// By official name.
    public var sharedCapacities: [String: Int]
  }

  /// Reads every plan or portfolio directory in `paths`; nil when any has
  /// errors (all reported).
  public static func load(paths: [String], catalog: Catalog, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> Loaded?
  {
    var plans: [Plan] = []
    var fromPlanDirectory: [Bool] = []
    var directories: [String?] = []
    var capacities: [String: Int] = [:]
    let errorsBefore = diagnostics.errorCount
    var seen: [String: String] = [:]
    for given in paths {
      // A path names a directory, or the file in it to read.
      let namesPortfolio = given == fileName || given.hasSuffix("/" + fileName)
      let path =
        namesPortfolio
        ? (given == fileName ? "." : String(given.dropLast(fileName.count + 1)))
        : PlanLoader.directory(of: given)
      let hasPortfolio = FileCheck.exists(path + "/" + fileName)
      let hasPlan = FileCheck.exists(path + "/" + PlanLoader.fileName)
      let namesOne = namesPortfolio || given != path
      if hasPortfolio && hasPlan && !namesOne {
        diagnostics.error(
          .portfolioAmbiguous,
          "holds both \(fileName) and \(PlanLoader.fileName): pass "
            + "\(path)/\(fileName) for the portfolio or \(path)/\(PlanLoader.fileName) for the plan",
          at: SourceLocation(file: given))
        continue
      }
      // Each file counts once, however its path is spelled or linked.
      let readsPortfolio = hasPortfolio && (namesPortfolio || !hasPlan)
      let key = resolved(path + "/" + (readsPortfolio ? fileName : PlanLoader.fileName))
      if let first = seen[key] {
        diagnostics.error(
          .portfolioDuplicate,
          "given twice (also as '\(first)'): each plan counts once; leave one out",
          at: SourceLocation(file: given))
        continue
      }
      seen[key] = given
      if readsPortfolio {
        if let loaded = try loadPortfolio(
          path + "/" + fileName, catalog: catalog, diagnostics: diagnostics)
        {
          plans += loaded.plans
          fromPlanDirectory += loaded.plans.map { _ in false }
          directories += loaded.plans.map { _ in nil }
          capacities.merge(loaded.sharedCapacities) { a, _ in a }
        }
      } else if let plan = try PlanLoader.load(
        directory: path, catalog: catalog, diagnostics: diagnostics)
      {
        plans.append(plan)
        fromPlanDirectory.append(true)
        directories.append(path)
      }
    }
    guard diagnostics.errorCount == errorsBefore else { return nil }
    var loaded = Loaded(plans: plans, sharedCapacities: capacities)
    loaded.fromPlanDirectory = fromPlanDirectory
    loaded.directories = directories
    return loaded
  }

  /// The path with every symbolic link and `.` resolved, to know a
  /// directory given twice; the path itself when it does not exist.
  static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  static func loadPortfolio(_ path: String, catalog: Catalog, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> Loaded?
  {
    guard
      let root = try XMLDocumentReader.read(
        path: path, rootName: "portfolio", namespace: namespace, diagnostics: diagnostics)
    else { return nil }
    return read(root, path: path, catalog: catalog, diagnostics: diagnostics)
  }

  /// Reads a portfolio file held in memory; `path` names it in diagnostics.
  /// Nil when it has errors.
  public static func load(
    bytes: [UInt8], path: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) -> Loaded? {
    let errorsBefore = diagnostics.errorCount
    guard
      let root = XMLDocumentReader.read(
        bytes: bytes, path: path, rootName: "portfolio", namespace: namespace,
        diagnostics: diagnostics)
    else { return nil }
    let loaded = read(root, path: path, catalog: catalog, diagnostics: diagnostics)
    return diagnostics.errorCount == errorsBefore ? loaded : nil
  }

  /// `blackouts` on `<portfolio>`: whether the catalog's go-live
  /// blackouts hold.
  enum Blackouts: String, CaseIterable {
    case keep, ignore
  }

  /// The portfolio's vendors by id, and their shared capacities by name.
  static func readVendors(
    _ root: XMLElementNode, location: SourceLocation, _ diagnostics: DiagnosticCollector
  ) -> (vendors: [String: PlanVendor], capacities: [String: Int]) {
    var vendors: [String: PlanVendor] = [:]
    var capacities: [String: Int] = [:]
    var vendorIds = DuplicateCheck("vendor")
    for node in root.children("vendor") {
      let vendor = ElementFields(
        node, attributes: ["id", "name", "capacity"], children: [], diagnostics: diagnostics)
      guard let id = vendor.identifier("id"), let name = vendor.required("name"),
        let capacity = vendor.integer("capacity", in: 1...1_000_000),
        vendorIds.insert(id, at: node.location(of: "id"), diagnostics: diagnostics)
      else { continue }
      vendors[id] = PlanVendor(id: id, name: name, capacity: nil, location: location)
      capacities[name] = capacity
    }
    return (vendors, capacities)
  }

  /// One migration as a system of its own: the steps its PMO rate implies
  /// (`done`, in template order), facts of the day before the as-of date;
  /// its budget from `budgetFrom`, or requested last fiscal year when the
  /// request step is done.
  static func system(
    area: String, vendor: String, done: Int, tokutei: CivilDate?, at location: SourceLocation,
    file: SourceLocation, dates: (asOf: CivilDate, budgetFrom: CivilDate?, budgetRequest: Int),
    catalog: Catalog
  ) -> LocalSystem {
    let (asOf, budgetFrom, budgetRequest) = dates
    let records = catalog.template.steps.prefix(done).map {
      StepRecord(
        step: $0.id, status: .done, start: asOf.adding(days: -1), end: asOf,
        location: SourceLocation(file: ""))
    }
    return LocalSystem(
      id: area, name: catalog.area(area)?.name ?? area, areas: [area], respondents: [vendor],
      vendor: vendor, product: nil, procurement: .negotiated, procurementStatus: .planned,
      tokuteiDeadline: tokutei,
      // A budget request already done was for the current fiscal year.
      budget: budgetFrom.map { BudgetRecord(requestedIn: nil, supplementary: $0, location: file) }
        ?? (done > budgetRequest
          ? BudgetRecord(
            requestedIn: FiscalYear(asOf.fiscalYear.startYear - 1), supplementary: nil,
            location: file) : nil),
      steps: Array(records), milestones: [], location: location)
  }

  static func read(
    _ root: XMLElementNode, path: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) -> Loaded? {
    let attributes: Set<String> = [
      "name", "asOf", "deadline", "seed", "atRiskDays", "durationScale", "budgetFrom", "blackouts",
    ]
    let fields = ElementFields(
      root, attributes: attributes, children: ["vendor", "municipality"], diagnostics: diagnostics)
    guard let asOf = fields.date("asOf"), let deadline = fields.date("deadline") else { return nil }
    let atRiskDays = fields.integer("atRiskDays", in: 0...3650, required: false) ?? 60
    let durationScale = fields.decimal("durationScale", in: 0.001...10) ?? 1
    // Every migration's budget available from this day (a national
    // subsidy), instead of each municipality's budget cycle.
    let budgetFrom = fields.date("budgetFrom", required: false)
    // The catalog's go-live blackouts, kept unless a model says otherwise.
    let blackouts = fields.choice("blackouts", as: Blackouts.self, required: false) ?? .keep
    let location = SourceLocation(file: path)
    let (vendors, capacities) = readVendors(root, location: location, diagnostics)
    let steps = catalog.template.steps
    let budgetRequest = steps.firstIndex { $0.role == .budgetRequest } ?? steps.count
    var plans: [Plan] = []
    var codes = DuplicateCheck("municipality")
    for node in root.children("municipality") {
      let municipality = ElementFields(
        node, attributes: ["code", "name", "prefecture", "staff", "durationScale"],
        children: ["migration"],
        diagnostics: diagnostics)
      guard let code = municipality.identifier("code"), let name = municipality.required("name"),
        let staff = municipality.integer("staff", in: 1...1000),
        codes.insert(code, at: node.location(of: "code"), diagnostics: diagnostics)
      else { continue }
      var systems: [LocalSystem] = []
      var areas: [String] = []
      var used: [PlanVendor] = []
      for migration in node.children("migration") {
        let row = ElementFields(
          migration, attributes: ["area", "vendor", "done", "tokutei"], children: [],
          diagnostics: diagnostics)
        guard let areaText = row.required("area"), let vendorId = row.identifier("vendor"),
          let done = row.integer("done", in: 0...steps.count)
        else { continue }
        guard let area = catalog.resolveArea(areaText)?.id else {
          diagnostics.error(
            .unknownArea, "unknown area '\(areaText)'", at: migration.location(of: "area"))
          continue
        }
        guard let vendor = vendors[vendorId] else {
          diagnostics.error(
            .unknownVendor, "unknown vendor '\(vendorId)'", at: migration.location(of: "vendor"))
          continue
        }
        if areas.contains(area) {
          diagnostics.error(
            .duplicateId, "area '\(area)' appears twice", at: migration.location(of: "area"))
          continue
        }
        areas.append(area)
        if !used.contains(where: { $0.id == vendor.id }) { used.append(vendor) }
        systems.append(
          system(
            area: area, vendor: vendor.id, done: done,
            tokutei: row.date("tokutei", required: false),
            at: migration.location, file: location,
            dates: (asOf: asOf, budgetFrom: budgetFrom, budgetRequest: budgetRequest),
            catalog: catalog))
      }
      var plan = Plan(
        municipality: name, prefecture: municipality.optional("prefecture"), code: code,
        asOf: asOf,
        deadline: deadline, atRiskDays: atRiskDays, staffCapacity: staff, areas: areas,
        vendors: used,
        systems: systems, goLiveLinks: [], location: node.location)
      plan.durationScale = municipality.decimal("durationScale", in: 0.001...10) ?? durationScale
      plan.blackoutsHold = blackouts == .keep
      PlanGraphCheck.check(plan, catalog: catalog, diagnostics: diagnostics)
      plans.append(plan)
    }
    return Loaded(plans: plans, sharedCapacities: capacities)
  }
}
