/// Running costs (運用経費): the other half of the standardization target,
/// kept beside a plan in `costs.xml`. Every amount is integer yen (or
/// integer US cents for a cloud fee priced in dollars); nothing is ever a
/// floating-point number.

/// The cost items of the Digital Agency's verification.
public enum CostItem: String, Sendable, CaseIterable, Comparable {
  // 作業費
  case systemOperation = "system-operation"
  case hardwareMaintenance = "hardware-maintenance"
  case otherOutsourcing = "other-outsourcing"
  // 物品費
  case hardwareSoftware = "hardware-software"
  case dataCenter = "data-center"
  case network
  case cloud

  /// 作業費 (work) or 物品費 (goods).
  public var isWork: Bool {
    self == .systemOperation || self == .hardwareMaintenance || self == .otherOutsourcing
  }

  /// In the verification's order.
  public static func < (a: CostItem, b: CostItem) -> Bool {
    allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
  }
}

/// An exchange rate in yen per dollar, to four decimals (ten-thousandths
/// of a yen): `1390000` is ¥139.0000/$.
public struct ExchangeRate: Hashable, Sendable, CustomStringConvertible {
  /// Yen per dollar × 10,000.
  public var tenThousandths: Int

  /// A rate of `tenThousandths` / 10,000 yen per dollar.
  public init(tenThousandths: Int) { self.tenThousandths = tenThousandths }

  /// The rates accepted: ¥1 to ¥1,000 per dollar (so no product of an
  /// amount and a rate, or of two rates, can leave 64 bits).
  public static let accepted = 10_000...10_000_000

  /// Parses `139`, `139.5` or `139.1234` (at most four decimals, digits
  /// only); nil for anything else or outside `accepted`.
  public init?(text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, !parts[0].isEmpty, parts[0].count <= 5,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(parts[0])
    else { return nil }
    var fraction = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(digits)
      else { return nil }
      fraction = value * [1, 1000, 100, 10, 1][digits.count]
    }
    let total = whole * 10_000 + fraction
    guard Self.accepted.contains(total) else { return nil }
    tenThousandths = total
  }

  /// `139.0000`.
  public var description: String {
    let fraction = String(tenThousandths % 10_000)
    return "\(tenThousandths / 10_000)." + String(repeating: "0", count: 4 - fraction.count)
      + fraction
  }
}

/// An annual amount of one cost item: yen, or US cents (a cloud fee
/// priced in dollars), converted at the plan's rate, or at the rate
/// `--usd-jpy` gives.
public struct CostAmount: Hashable, Sendable {
  /// The item.
  public var item: CostItem
  /// Yen a year, when priced in yen.
  public var yen: Int?
  /// US cents a year, when priced in dollars.
  public var usdCents: Int?
  /// The rate a yen amount of a cloud fee was priced at (so that
  /// `--usd-jpy` can re-price it).
  public var pricedAt: ExchangeRate?
  /// Where the file gives it.
  public var location: SourceLocation

  /// An amount of `yen` (or `usdCents`) a year.
  public init(
    item: CostItem, yen: Int? = nil, usdCents: Int? = nil, pricedAt: ExchangeRate? = nil,
    location: SourceLocation = SourceLocation(file: "")
  ) {
    self.item = item
    self.yen = yen
    self.usdCents = usdCents
    self.pricedAt = pricedAt
    self.location = location
  }
}

/// A contract's annual cost by item, and its dates.
public struct CostContract: Hashable, Sendable {
  /// Annual amounts, by item.
  public var amounts: [CostAmount]
  /// The first day it is paid (the new system: by default its go-live).
  public var start: CivilDate?
  /// The last day it is paid (the old system: it runs on at its rate
  /// until the go-live when that is later).
  public var end: CivilDate?

  /// A contract of `amounts`.
  public init(amounts: [CostAmount], start: CivilDate? = nil, end: CivilDate? = nil) {
    self.amounts = amounts
    self.start = start
    self.end = end
  }
}

/// One system's costs: the old contract, the new one, the body's share of
/// a shared system, and the one-off migration and its subsidy.
public struct SystemCosts: Hashable, Sendable {
  /// The plan's system id.
  public var system: String
  /// The body's share, in basis points (10,000 = all of it; 共同利用: less).
  public var shareBasisPoints: Int
  /// The shared (共同利用) system this is a share of, by the name every
  /// body that shares it gives it: `portfolio` and `costs PATH…` warn when
  /// the bodies' shares of one add up past 100 %.
  public var sharedSystem: String?
  /// The current (old) system's contract.
  public var old: CostContract?
  /// The standard-conforming system's contract.
  public var new: CostContract?
  /// The one-off migration cost (yen), kept apart from running costs.
  public var migration: Int?
  /// The subsidy (デジタル基盤改革支援補助金) towards it (yen).
  public var subsidy: Int?
  /// Where the file declares it.
  public var location: SourceLocation

  /// A system's costs.
  public init(
    system: String, shareBasisPoints: Int = 10_000, sharedSystem: String? = nil,
    old: CostContract? = nil, new: CostContract? = nil, migration: Int? = nil,
    subsidy: Int? = nil, location: SourceLocation = SourceLocation(file: "")
  ) {
    self.system = system
    self.shareBasisPoints = shareBasisPoints
    self.sharedSystem = sharedSystem
    self.old = old
    self.new = new
    self.migration = migration
    self.subsidy = subsidy
    self.location = location
  }
}

/// A FY2018 (基準年度) figure: for the body as a whole, an area or a system
/// (the systems of 2018 rarely map one to one to today's).
public struct ReferenceCost: Hashable, Sendable {
  /// What it covers.
  public enum Scope: Hashable, Sendable {
    case body
    case area(String)
    case system(String)
  }

  /// What it covers.
  public var scope: Scope
  /// The item.
  public var item: CostItem
  /// Yen in FY2018.
  public var yen: Int
  /// Where the file gives it.
  public var location: SourceLocation

  /// A figure of `yen` for `item` over `scope`.
  public init(
    scope: Scope, item: CostItem, yen: Int, location: SourceLocation = SourceLocation(file: "")
  ) {
    self.scope = scope
    self.item = item
    self.yen = yen
    self.location = location
  }
}

/// A plan's cost data (`costs.xml`).
public struct CostData: Hashable, Sendable {
  /// The file beside plan.xml.
  public static let fileName = "costs.xml"
  /// Its namespace.
  public static let namespace = "urn:migplan:costs:1"
  /// The reference year of the target (FY2018, 平成30年度).
  public static let referenceYear = 2018
  /// The last fiscal year costs are shown for (FY2030).
  public static let lastYear = 2030
  /// The most a year may cost in all, at the highest rate (¥1,000/$) and
  /// re-priced from the lowest (¥1/$): 100 quadrillion yen, so that a
  /// year's total, ten times it, and FY2018's seven times, stay inside 64
  /// bits. A file past it is refused, not summed; so are bodies whose sum
  /// passes it.
  public static let maximumYear = 100_000_000_000_000_000

  /// The fiscal year a day's costs are rated on: its own, within
  /// FY2019–FY2030 (as `kpi` and a portfolio's line per body rate them).
  public static func ratedYear(asOf day: CivilDate) -> Int {
    min(max(day.fiscalYear.startYear, referenceYear + 1), lastYear)
  }

  /// 3,333 basis points as `33.33` (a share, in percent).
  public static func percent(_ basisPoints: Int) -> String {
    let fraction = basisPoints % 100
    return "\(basisPoints / 100)"
      + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + "\(fraction)")
  }

  /// Illustrative figures (例示), not the body's own: every output says so.
  public var illustrative: Bool
  /// Where the figures come from, in the file's words.
  public var source: String?
  /// The rate yen cloud fees were priced at, and dollar ones are
  /// converted at unless `--usd-jpy` says otherwise.
  public var rate: ExchangeRate?
  /// FY2018 figures.
  public var reference: [ReferenceCost]
  /// Per system.
  public var systems: [SystemCosts]
  /// Where the file's root is.
  public var location = SourceLocation(file: "")

  /// Cost data.
  public init(
    illustrative: Bool = false, source: String? = nil, rate: ExchangeRate? = nil,
    reference: [ReferenceCost] = [], systems: [SystemCosts] = []
  ) {
    self.illustrative = illustrative
    self.source = source
    self.rate = rate
    self.reference = reference
    self.systems = systems
  }

  /// The first fee given in dollars, old contract or new (it needs a
  /// rate).
  public var firstDollarFee: CostAmount? {
    systems.lazy.flatMap { [$0.old, $0.new].compactMap { $0 }.flatMap(\.amounts) }
      .first { $0.usdCents != nil }
  }

  /// The FY2018 total (yen).
  public var referenceTotal: Int { reference.map(\.yen).reduce(0, +) }
}
