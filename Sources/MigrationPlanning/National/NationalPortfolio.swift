import Foundation

/// Builds a national portfolio from the published figures
/// (`shared/data/national`): for every municipality and area, the steps
/// done that the January 2026 PMO rate implies, the 特定移行支援 deadline
/// where the December 2025 list names the area, and — since the data has no
/// vendors — vendors, capacities, pace and staff by a seeded `Model`
/// (`Model.calibrated` by default; `Model()` is the first model):
///
/// - Vendors: twelve, with national market shares (a planning assumption,
///   in `NationalPortfolio.vendorShares`).
/// - Each municipality draws a main vendor by share; each of its areas keeps
///   the main vendor with the model's probability, else draws one by share.
/// - A vendor's capacity (migrations at once, shared by every municipality)
///   is the model's share of the unfinished migrations assigned to it, at
///   least 2.
///
/// The same data and seed give the same bytes.
public enum NationalPortfolio {
  /// The vendors of the model and their national shares (the data has none).
  public static let vendorShares: [(id: String, name: String, share: Double)] = [
    ("fujitsu-japan", "富士通Japan株式会社", 0.18), ("nec", "日本電気株式会社", 0.12),
    ("hitachi-systems", "株式会社日立システムズ", 0.10), ("tkc", "株式会社TKC", 0.12),
    ("gyosei-system", "行政システム株式会社", 0.06), ("gcc", "株式会社ジーシーシー", 0.06),
    ("ines", "株式会社アイネス", 0.05), ("ryobi-systems", "株式会社両備システムズ", 0.05),
    ("densan", "株式会社電算", 0.06), ("rkkcs", "株式会社RKKCS", 0.04),
    ("ryomo-systems", "株式会社両毛システムズ", 0.08), ("kitanihon-computer", "北日本コンピューターサービス株式会社", 0.08),
  ]

  /// One generated municipality.
  public struct Municipality: Sendable {
    /// Its local government code.
    public var code: String
    /// Its name.
    public var name: String
    /// Its prefecture.
    public var prefecture: String
    /// Projects it can run at once.
    public var staff: Int
    /// Its own pace (see `Model.bodyPace`).
    public var durationScale: Double = 1
    /// (area id, vendor id, steps done, 特定移行支援 deadline)
    public var migrations: [(area: String, vendor: String, done: Int, tokutei: CivilDate?)]
  }

  /// The model's parameters: what the data does not say. The defaults
  /// are the first model's; `generate national` takes each as an option,
  /// for calibration on aggregate published figures only — never on the
  /// list's per-municipality entries (docs/reference/portfolio.md).
  public struct Model: Sendable {
    /// Share of a municipality's areas its main vendor serves (a package
    /// suite); the rest draw a vendor by national share.
    public var mainVendorShare = 0.7
    /// A vendor's capacity: this share of the unfinished migrations
    /// assigned to it, at least 2.
    public var vendorCapacityRatio = 0.25
    /// The pace of the remaining steps (and their lags) against the
    /// template's durations.
    public var durationScale = 1.0
    /// How much a municipality's own pace follows its own progress: its
    /// scale is `durationScale × (1 + bodyPace × (mean − its mean) / mean)`
    /// (at least a third of it), the means of the January rates of its
    /// areas and of the whole country. A slow body stays slow.
    public var bodyPace = 0.0
    /// Every migration's budget is available at the as-of date: the
    /// national subsidy (デジタル基盤改革支援補助金) funds them, so none
    /// waits for its municipality's next fiscal year.
    public var budgetFromAsOf = false
    /// Staff capacity 2 + one per two unfinished areas, at most 12; off,
    /// every unfinished area at once (the staff was not what held
    /// migrations back: 95 % of 特定移行支援 was the vendors').
    public var staffBinds = true
    /// The catalog's go-live blackouts hold; off, a migration may go live
    /// any working day (the deadline overrode the windows: 95 % of
    /// 特定移行支援 was the vendors', not the calendar's).
    public var blackoutsHold = true
    /// Read the December 2025 list for later deadlines and codes; off
    /// (`--without-tokutei`), every area has the common deadline and the
    /// list is not read at all.
    public var readsTokuteiList = true

    /// The first model (the defaults above).
    public init() {}

    /// Which preset these values are, for the README a portfolio comes
    /// with: "calibrated", "first", or nil when an option changed one.
    public var presetName: String? {
      let first = Model()
      let calibrated = Model.calibrated
      func same(_ other: Model) -> Bool {
        mainVendorShare == other.mainVendorShare
          && vendorCapacityRatio == other.vendorCapacityRatio
          && durationScale == other.durationScale && bodyPace == other.bodyPace
          && budgetFromAsOf == other.budgetFromAsOf && staffBinds == other.staffBinds
          && blackoutsHold == other.blackoutsHold
      }
      return same(calibrated) ? "calibrated" : same(first) ? "first" : nil
    }

    /// The model calibrated on aggregate published figures only
    /// (docs/benchmarks.md, `migplan-bench calibrate` re-derives the two
    /// fitted values):
    ///
    /// - a municipality's main vendor serves 0.9 of its areas (a suite: a
    ///   vendor's slip takes the suite with it; 0.7–1.0 move the back-test
    ///   by 0.003 of F1);
    /// - the national subsidy funds every migration now (`budgetFromAsOf`);
    /// - the staff and the go-live blackouts do not bind: 95 % of
    ///   特定移行支援 was the vendors';
    /// - `durationScale`: with vendors unlimited, the share late is 5 % of
    ///   25.9 % (the late that were not the vendors');
    /// - `vendorCapacityRatio`: the share late is 25.9 % (8,956 of 34,592
    ///   systems expected 特定移行支援 in December 2025).
    public static let calibrated: Model = {
      var model = Model()
      model.mainVendorShare = 0.9
      model.budgetFromAsOf = true
      model.staffBinds = false
      model.blackoutsHold = false
      model.durationScale = 0.087
      model.vendorCapacityRatio = 0.26
      return model
    }()
  }

  /// A generated portfolio, to be written as `portfolio.xml`.
  public struct Generated: Sendable {
    /// In the data's order.
    public var municipalities: [Municipality]
    /// Each vendor's shared capacity, by vendor id.
    public var capacities: [String: Int]
    /// The status date of the data (the PMO figures' month end).
    public var asOf: CivilDate
    /// The common deadline.
    public var deadline: CivilDate
    /// The vendor model's seed.
    public var seed: UInt64
    /// The model it was generated with.
    public var model: Model = Model()
    /// The share of the municipalities kept (1: all).
    public var fraction: Double = 1
    /// The official list's file, when it was read in place of the JSON.
    public var tokuteiListFile: String?
  }

  /// `fraction` keeps an even spread of the municipalities (1 = all).
  /// `officialList`, the Digital Agency's list as published (`record
  /// --tokutei-list` reads the same), is read in place of the data's JSON.
  public static func generate(
    dataDirectory: String, catalog: Catalog, seed: UInt64, fraction: Double = 1,
    model: Model = .calibrated, officialList: TokuteiListSheet? = nil
  ) throws(InputFailure) -> Generated {
    try requireDirectory(dataDirectory)
    let progress = try NationalFigures.progress(in: dataDirectory)
    // Without the list, it is not even opened: nothing can depend on it.
    let tokuteiList =
      model.readsTokuteiList && officialList == nil
      ? try NationalFigures.tokuteiList(in: dataDirectory) : nil
    // Area names resolved once per distinct name (the data uses a few dozen).
    var resolved: [String: String?] = [:]
    func areaId(_ name: String) -> String? {
      if let known = resolved[name] { return known }
      let id = catalog.resolveArea(name)?.id
      resolved[name] = .some(id)
      return id
    }
    let tokutei = listed(
      json: tokuteiList, official: model.readsTokuteiList ? officialList : nil,
      progress: progress, areaId: areaId)
    var random = SplitMix64(seed: seed)
    let asOf = CivilDate(year: 2026, month: 1, day: 31) ?? CivilDate(dayNumber: 0)
    let deadline = FiscalYear.standardizationDeadline
    let later = CivilDate(year: 2031, month: 3, day: 31)
    func drawVendor() -> String { Self.drawVendor(&random) }
    var municipalities: [Municipality] = []
    var unfinished: [String: Int] = [:]
    let steps = catalog.template.steps.count
    for (index, row) in progress.municipalities.enumerated() {
      // Every municipality draws, kept or not, so a fraction is a sample of the whole.
      let main = drawVendor()
      let prefecture = row.prefecture
      let city = row.city
      let listed = tokutei[prefecture + "/" + city]
      var rateOf: [String: Double] = [:]
      // In name order: two names of one area give the same rate whatever the hash seed.
      for (name, rate) in row.businessRates.sorted(by: { $0.key < $1.key }) {
        if let id = areaId(name) { rateOf[id] = rate }
      }
      var migrations: [(area: String, vendor: String, done: Int, tokutei: CivilDate?)] = []
      for area in catalog.areas {
        guard let rate = rateOf[area.id] else { continue }
        let vendor = random.unit() < model.mainVendorShare ? main : drawVendor()
        let done = min(steps, max(0, Int((rate * Double(steps)).rounded())))
        migrations.append(
          (area.id, vendor, done, listed?.areas.contains(area.id) == true ? later : nil))
      }
      let keep = fraction >= 1 || Int(Double(index + 1) * fraction) > Int(Double(index) * fraction)
      guard keep else { continue }
      for migration in migrations where migration.done < steps {
        unfinished[migration.vendor, default: 0] += 1
      }
      let open = migrations.filter { $0.done < steps }.count
      municipalities.append(
        Municipality(
          code: listed?.code.isEmpty == false
            ? listed?.code ?? "" : String(format: "m%04d", index + 1),
          name: city, prefecture: prefecture,
          staff: model.staffBinds ? min(12, 2 + open / 2) : max(1, open), migrations: migrations))
    }
    setPaces(&municipalities, steps: steps, model: model)
    var capacities: [String: Int] = [:]
    for vendor in vendorShares {
      capacities[vendor.id] = max(
        2, Int(Double(unfinished[vendor.id] ?? 0) * model.vendorCapacityRatio))
    }
    return Generated(
      municipalities: municipalities, capacities: capacities, asOf: asOf, deadline: deadline,
      seed: seed, model: model, fraction: fraction,
      tokuteiListFile: model.readsTokuteiList
        ? officialList.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
        : nil)
  }

  /// The listed areas and code of each body (`prefecture/city`), from the
  /// data's JSON or the official list (which names a body with its
  /// prefecture: 北海道札幌市).
  static func listed(
    json: NationalFigures.TokuteiList?, official: TokuteiListSheet?,
    progress: NationalFigures.Progress, areaId: (String) -> String?
  ) -> [String: (code: String, areas: Set<String>)] {
    var tokutei: [String: (code: String, areas: Set<String>)] = [:]
    for entry in json?.municipalities ?? [] {
      tokutei[entry.bodyKey] = (
        entry.code ?? "", Set(entry.applicableBusinesses.compactMap(areaId))
      )
    }
    guard let official else { return tokutei }
    let byName = Dictionary(
      official.rows.map { (NameKey.normalize($0.name), $0) }, uniquingKeysWith: { a, _ in a })
    for row in progress.municipalities {
      guard let listed = byName[NameKey.normalize(row.prefecture + row.city)] else { continue }
      // A code typed as a number lost its leading zero (011002 → 11002).
      let code = listed.code.count == 5 ? "0" + listed.code : listed.code
      tokutei[row.prefecture + "/" + row.city] = (code, Set(listed.areas))
    }
    return tokutei
  }

  /// The vendors' shares, added up.
  static let totalVendorShare = vendorShares.map(\.share).reduce(0, +)

  /// A vendor drawn by its share of the market.
  static func drawVendor(_ random: inout SplitMix64) -> String {
    var draw = random.unit() * totalVendorShare
    for vendor in vendorShares {
      draw -= vendor.share
      if draw < 0 { return vendor.id }
    }
    return vendorShares[vendorShares.count - 1].id
  }

  /// The national figures' directory must be there (`data-missing`).
  static func requireDirectory(_ dataDirectory: String) throws(InputFailure) {
    guard FileCheck.isDirectory(dataDirectory) else {
      throw InputFailure(
        .missing,
        Diagnostic(
          .error, .dataMissing,
          "the directory of the national figures is not there (give it with --data DIR)",
          at: SourceLocation(file: dataDirectory)))
    }
  }

  /// Each body's pace from its own progress against the country's.
  static func setPaces(_ municipalities: inout [Municipality], steps: Int, model: Model) {
    let rates = municipalities.map { body in
      Double(body.migrations.map(\.done).reduce(0, +))
        / Double(max(body.migrations.count, 1) * steps)
    }
    let mean = rates.reduce(0, +) / Double(max(rates.count, 1))
    for index in municipalities.indices {
      let relative = mean == 0 ? 0 : (mean - rates[index]) / mean
      municipalities[index].durationScale =
        model.durationScale * max(1.0 / 3, 1 + model.bodyPace * relative)
    }
  }

  /// `portfolio.xml`.
  public static func xml(_ generated: Generated) -> String {
    let modelName = generated.model.presetName.map { "the \($0) model" } ?? "a changed model"
    // One pace for every body: said once, on the root.
    let uniformPace = generated.model.bodyPace == 0 && generated.model.durationScale != 1
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<!-- Generated by migplan generate national (seed \(generated.seed)) from the January 2026 PMO",
      generated.model.readsTokuteiList
        ? "     rates and the \(generated.tokuteiListFile.map { "特定移行支援 list \($0)" } ?? "December 2025 特定移行支援 list"). Vendors and capacities are a seeded model (\(modelName)): see README.md. -->"
        : "     rates only (without the 特定移行支援 list: it was not read). Vendors and capacities are a seeded model (\(modelName)): see README.md. -->",
      "<portfolio xmlns=\"urn:migplan:portfolio:1\" name=\"全国\" asOf=\"\(generated.asOf.iso)\" deadline=\"\(generated.deadline.iso)\" seed=\"\(generated.seed)\"\(generated.model.budgetFromAsOf ? " budgetFrom=\"\(generated.asOf.iso)\"" : "")\(generated.model.blackoutsHold ? "" : " blackouts=\"ignore\"")\(uniformPace ? " durationScale=\"\(JSONValue.decimalText(generated.model.durationScale, digits: 4))\"" : "")>",
    ]
    for vendor in vendorShares {
      lines.append(
        "  <vendor id=\"\(vendor.id)\" name=\"\(PlanWriter.escape(vendor.name))\" capacity=\"\(generated.capacities[vendor.id] ?? 2)\"/>"
      )
    }
    for municipality in generated.municipalities {
      lines.append(
        "  <municipality code=\"\(municipality.code)\" name=\"\(PlanWriter.escape(municipality.name))\" prefecture=\"\(PlanWriter.escape(municipality.prefecture))\" staff=\"\(municipality.staff)\"\(municipality.durationScale == 1 || uniformPace ? "" : " durationScale=\"\(JSONValue.decimalText(municipality.durationScale, digits: 4))\"")>"
      )
      for migration in municipality.migrations {
        var line =
          "    <migration area=\"\(migration.area)\" vendor=\"\(migration.vendor)\" done=\"\(migration.done)\""
        if let tokutei = migration.tokutei { line += " tokutei=\"\(tokutei.iso)\"" }
        lines.append(line + "/>")
      }
      lines.append("  </municipality>")
    }
    lines.append("</portfolio>")
    return lines.joined(separator: "\n") + "\n"
  }
}
