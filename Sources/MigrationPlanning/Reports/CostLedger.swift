/// Running costs per fiscal year, tied to the schedule: each system's old
/// contract runs until the later of its contract end and its go-live (an
/// old contract that ends first is extended at its rate), the new one from
/// its contract start (by default the go-live); where both run, the old
/// one's cost is 並行稼働 (parallel running). FY2018 is the reference year.
///
/// Exact yen: each item of each contract in each fiscal year is computed
/// as one fraction (annual amount × the body's share × the days it runs in
/// the year ÷ the year's days, × the rate for a dollar fee) and rounded
/// half-even to the yen once; every total is a sum of rounded items.
public struct CostLedger: Sendable {
  /// One system's costs in one fiscal year.
  public struct Entry: Sendable, Equatable {
    /// The system's id.
    public var system: String
    /// The fiscal year (its April's calendar year).
    public var year: Int
    /// The old contract's cost, by item.
    public var old: [CostItem: Int]
    /// The new contract's cost, by item.
    public var new: [CostItem: Int]
    /// The part of `old` paid while the new system also runs (並行稼働).
    public var parallel: Int
    /// Days both ran.
    public var parallelDays: Int

    /// The old contract's cost in the year.
    public var oldTotal: Int { old.values.reduce(0, +) }
    /// The new contract's cost in the year.
    public var newTotal: Int { new.values.reduce(0, +) }
    /// The year's running cost of the system.
    public var total: Int { oldTotal + newTotal }
  }

  /// A fiscal year's totals.
  public struct Year: Sendable, Equatable {
    /// The fiscal year (its April's calendar year).
    public var year: Int
    /// By item, old and new together.
    public var byItem: [CostItem: Int]
    /// The old contracts' cost (FY2018: the reference figures).
    public var old: Int
    /// The new contracts' cost.
    public var new: Int
    /// The part of `old` paid while the new systems also run.
    public var parallel: Int
    /// The year's running cost.
    public var total: Int
    /// Against FY2018: met (○, −30 % or better), below (△, at most FY2018)
    /// or above (×); nil without a FY2018 figure.
    public var rating: CostRating?
  }

  /// Every system's entries, in the cost data's order, each FY2019–FY2030.
  public var entries: [Entry]
  /// FY2018 (the reference figures) to FY2030.
  public var years: [Year]
  /// The FY2018 total.
  public var reference: Int
  /// The rate dollar fees were converted at (`CostLoader` refuses a
  /// dollar fee without one).
  public var rate: ExchangeRate?

  /// The ledger of `costs` with the go-lives of `goLives` (system id →
  /// day), at `rate` (else the data's): dollar fees converted at it, yen
  /// cloud fees re-priced to it from the rate they were priced at (their
  /// own, else the data's), so every figure is at the one rate named.
  public init(costs: CostData, goLives: [String: CivilDate], rate override: ExchangeRate? = nil) {
    let rate = override ?? costs.rate
    self.rate = rate
    reference = costs.referenceTotal
    var entries: [Entry] = []
    for system in costs.systems {
      guard let goLive = goLives[system.system] else { continue }
      for year in (CostData.referenceYear + 1)...CostData.lastYear {
        entries.append(
          Self.entry(
            system, year: FiscalYear(year), goLive: goLive, rate: rate, fileRate: costs.rate))
      }
    }
    self.entries = entries
    var years: [Year] = []
    var referenceItems: [CostItem: Int] = [:]
    for figure in costs.reference { referenceItems[figure.item, default: 0] += figure.yen }
    years.append(
      Year(
        year: CostData.referenceYear, byItem: referenceItems, old: reference, new: 0,
        parallel: 0, total: reference, rating: nil))
    for year in (CostData.referenceYear + 1)...CostData.lastYear {
      var byItem: [CostItem: Int] = [:]
      var old = 0
      var new = 0
      var parallel = 0
      for entry in entries where entry.year == year {
        for (item, yen) in entry.old { byItem[item, default: 0] += yen }
        for (item, yen) in entry.new { byItem[item, default: 0] += yen }
        old += entry.oldTotal
        new += entry.newTotal
        parallel += entry.parallel
      }
      years.append(
        Year(
          year: year, byItem: byItem, old: old, new: new, parallel: parallel, total: old + new,
          rating: costs.reference.isEmpty ? nil : CostRating(total: old + new, reference: reference)
        ))
    }
    self.years = years
  }

  /// Bodies whose costs add up past `CostData.maximumYear` a year: the
  /// index of the first whose addition passes it.
  public struct PastBound: Error, Sendable {
    /// The ledger (body) whose addition passed the bound.
    public var index: Int
  }

  /// The years of several bodies' ledgers added up, FY2018 to FY2030,
  /// rated against the sum of their FY2018 figures (when any has one),
  /// and that sum. Each body's year stays under `CostData.maximumYear`;
  /// thousands of bodies could add up past what the ratings compute in,
  /// and are refused (`PastBound`).
  public static func sum(_ ledgers: [CostLedger]) throws(PastBound) -> (
    years: [Year], reference: Int
  ) {
    var reference = 0
    var years: [Year] = []
    for year in CostData.referenceYear...CostData.lastYear {
      years.append(
        Year(year: year, byItem: [:], old: 0, new: 0, parallel: 0, total: 0, rating: nil))
    }
    for (body, ledger) in ledgers.enumerated() {
      reference += ledger.reference
      guard reference <= CostData.maximumYear else { throw PastBound(index: body) }
      for (index, year) in ledger.years.enumerated() where index < years.count {
        years[index].old += year.old
        years[index].new += year.new
        years[index].parallel += year.parallel
        years[index].total += year.total
        for (item, yen) in year.byItem { years[index].byItem[item, default: 0] += yen }
        guard years[index].total <= CostData.maximumYear else { throw PastBound(index: body) }
      }
    }
    let rated = ledgers.contains { $0.years.dropFirst().contains { $0.rating != nil } }
    for index in years.indices.dropFirst() where rated {
      years[index].rating = CostRating(total: years[index].total, reference: reference)
    }
    return (years, reference)
  }

  /// One system's entry for `year`.
  static func entry(
    _ system: SystemCosts, year: FiscalYear, goLive: CivilDate, rate: ExchangeRate?,
    fileRate: ExchangeRate?
  ) -> Entry {
    let yearDays = year.firstDay.days(to: year.lastDay) + 1
    // The old contract: from before FY2018 to the later of its end and
    // the day before the go-live.
    let dayBefore = goLive.adding(days: -1)
    let oldEnd = system.old?.end.map { max($0, dayBefore) } ?? dayBefore
    let oldStart = system.old?.start
    let oldDays = Self.days(in: year, from: oldStart, through: oldEnd)
    // The new contract runs on at its rate (its end is a renewal).
    let newStart = system.new?.start ?? goLive
    let newDays = Self.days(in: year, from: newStart, through: nil)
    let parallelDays = Self.days(
      in: year, from: max(newStart, oldStart ?? newStart, year.firstDay), through: oldEnd)
    func cost(_ contract: CostContract?, days: Int) -> [CostItem: Int] {
      var byItem: [CostItem: Int] = [:]
      guard days > 0 else { return byItem }
      for amount in contract?.amounts ?? [] {
        let yen = Self.yen(
          amount, share: system.shareBasisPoints, days: days, of: yearDays, rate: rate,
          pricedAt: amount.pricedAt ?? fileRate)
        byItem[amount.item, default: 0] += yen
      }
      return byItem
    }
    let old = cost(system.old, days: oldDays)
    let parallel =
      parallelDays > 0 && system.new != nil
      ? cost(system.old, days: parallelDays).values.reduce(0, +) : 0
    return Entry(
      system: system.system, year: year.startYear, old: old, new: cost(system.new, days: newDays),
      parallel: parallel, parallelDays: system.new != nil ? parallelDays : 0)
  }

  /// The days of `year` from `first` (nil: its start) through `last`
  /// (nil: its end), inclusive; 0 when they miss it.
  static func days(in year: FiscalYear, from first: CivilDate?, through last: CivilDate?) -> Int {
    let start = max(first ?? year.firstDay, year.firstDay)
    let end = min(last ?? year.lastDay, year.lastDay)
    return end < start ? 0 : start.days(to: end) + 1
  }

  /// One item's yen for `days` of a year of `yearDays`: one fraction,
  /// rounded half-even. A dollar fee is converted at `rate` (nothing
  /// without one); a yen cloud fee priced at `pricedAt` (its own, else the
  /// file's rate) is re-priced to `rate` (× rate ÷ pricedAt).
  static func yen(
    _ amount: CostAmount, share: Int, days: Int, of yearDays: Int, rate: ExchangeRate?,
    pricedAt: ExchangeRate? = nil
  ) -> Int {
    var numerator = Int128(share) * Int128(days)
    var denominator = Int128(10_000) * Int128(yearDays)
    if let cents = amount.usdCents {
      guard let rate else { return 0 }
      numerator *= Int128(cents) * Int128(rate.tenThousandths)
      denominator *= 1_000_000
    } else {
      numerator *= Int128(amount.yen ?? 0)
      if let rate, let priced = pricedAt ?? amount.pricedAt, amount.item == .cloud {
        numerator *= Int128(rate.tenThousandths)
        denominator *= Int128(priced.tenThousandths)
      }
    }
    return Int(Self.halfEven(numerator, denominator))
  }

  /// `numerator / denominator` rounded half to even (both positive).
  static func halfEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
    let quotient = numerator / denominator
    let twice = (numerator % denominator) * 2
    if twice > denominator || (twice == denominator && quotient % 2 == 1) { return quotient + 1 }
    return quotient
  }
}

/// A year's running cost against FY2018: ○ when 10 × total ≤ 7 × FY2018
/// (30 % below or better), △ when total ≤ FY2018, × otherwise.
public enum CostRating: String, Sendable, CaseIterable {
  case met, below, above

  /// The rating of `total` against `reference`.
  public init(total: Int, reference: Int) {
    if 10 * Int128(total) <= 7 * Int128(reference) {
      self = .met
    } else if total <= reference {
      self = .below
    } else {
      self = .above
    }
  }

  /// ○, △ or ×.
  public var mark: String {
    switch self {
    case .met: "○"
    case .below: "△"
    case .above: "×"
    }
  }
}
