import Foundation
import Testing

@testable import MigrationPlanning

/// Running costs (#28): exact yen, tied to the go-lives.
@Suite struct CostLedgerTests {
  static func day(_ text: String) -> CivilDate { CivilDate(iso: text) ?? CivilDate(dayNumber: 0) }

  /// One system: an old contract ending early, a new one from its go-live.
  static func data(old: Int, new: Int, cloudCents: Int = 0, share: Int = 10_000) -> CostData {
    CostData(
      rate: ExchangeRate(tenThousandths: 1_390_000),
      reference: [ReferenceCost(scope: .body, item: .systemOperation, yen: 1_000_000)],
      systems: [
        SystemCosts(
          system: "s", shareBasisPoints: share,
          old: CostContract(
            amounts: [CostAmount(item: .hardwareSoftware, yen: old)], end: day("2024-03-31")),
          new: CostContract(
            amounts: [CostAmount(item: .systemOperation, yen: new)]
              + (cloudCents > 0 ? [CostAmount(item: .cloud, usdCents: cloudCents)] : [])))
      ])
  }

  /// Random cost data of 1 to 8 systems, with their go-lives; a FY2018
  /// figure when `reference`.
  static func randomCosts(seed: Int, reference: Bool = false) -> (CostData, [String: CivilDate]) {
    var random = SplitMix64(seed: UInt64(seed) + 1)
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    var systems: [SystemCosts] = []
    var goLives: [String: CivilDate] = [:]
    for index in 0..<(1 + draw(8)) {
      let items = CostItem.allCases
      func contract(start: CivilDate?, end: CivilDate?) -> CostContract {
        CostContract(
          amounts: (0..<(1 + draw(4))).map { _ in
            let item = items[draw(items.count)]
            return item == .cloud && draw(2) == 0
              ? CostAmount(item: .cloud, usdCents: draw(100_000_000))
              : CostAmount(item: item, yen: draw(500_000_000))
          }, start: start, end: end)
      }
      let id = "s\(index)"
      goLives[id] = day("2019-04-01").adding(days: draw(4_000))
      systems.append(
        SystemCosts(
          system: id, shareBasisPoints: 1 + draw(10_000),
          old: contract(start: nil, end: day("2020-01-01").adding(days: draw(3_000))),
          new: contract(
            start: draw(2) == 0 ? nil : day("2021-01-01").adding(days: draw(2_000)), end: nil))
      )
    }
    let rate = ExchangeRate(tenThousandths: 1_000_000 + draw(1_000_000))
    let figures =
      reference ? [ReferenceCost(scope: .body, item: .network, yen: 1 + draw(3_000_000_000))] : []
    return (CostData(rate: rate, reference: figures, systems: systems), goLives)
  }

  static func entry(_ ledger: CostLedger, _ year: Int) -> CostLedger.Entry? {
    ledger.entries.first { $0.year == year }
  }

  /// Moved 30 days later within FY2026 (365 days), the new contract
  /// starting at the go-live: exactly 30 days more of the old system and
  /// 30 days less of the new one (amounts a whole number of yen a day).
  @Test func aSlipWithinAYearCostsItsDays() throws {
    let costs = Self.data(old: 365 * 1_000, new: 365 * 3_000)
    let before = CostLedger(costs: costs, goLives: ["s": Self.day("2026-06-01")])
    let after = CostLedger(costs: costs, goLives: ["s": Self.day("2026-07-01")])
    let was = try #require(Self.entry(before, 2026))
    let now = try #require(Self.entry(after, 2026))
    #expect(now.oldTotal - was.oldTotal == 30 * 1_000)
    #expect(was.newTotal - now.newTotal == 30 * 3_000)
    // Every other year is the same.
    for year in 2019...2030 where year != 2026 {
      #expect(Self.entry(before, year) == Self.entry(after, year), "\(year)")
    }
  }

  /// Across a fiscal-year boundary each year gets its days: from
  /// 2027-03-17 to 2027-04-16, 15 days in FY2026 and 15 in FY2027.
  @Test func aSlipAcrossAYearSplitsItsDays() throws {
    let costs = Self.data(old: 365 * 366 * 10, new: 365 * 366 * 20)
    let before = CostLedger(costs: costs, goLives: ["s": Self.day("2027-03-17")])
    let after = CostLedger(costs: costs, goLives: ["s": Self.day("2027-04-16")])
    let days2026 = 365
    let days2027 = 366  // April 2027 to March 2028 holds 2028-02-29
    func old(_ ledger: CostLedger, _ year: Int) -> Int {
      Self.entry(ledger, year)?.oldTotal ?? -1
    }
    func new(_ ledger: CostLedger, _ year: Int) -> Int {
      Self.entry(ledger, year)?.newTotal ?? -1
    }
    #expect(old(after, 2026) - old(before, 2026) == 15 * 365 * 366 * 10 / days2026)
    #expect(old(after, 2027) - old(before, 2027) == 15 * 365 * 366 * 10 / days2027)
    #expect(new(before, 2026) - new(after, 2026) == 15 * 365 * 366 * 20 / days2026)
    #expect(new(before, 2027) - new(after, 2027) == 15 * 365 * 366 * 20 / days2027)
  }

  /// On random data: each year's total is the sum of its items and of its
  /// systems; old and new never overlap but where 並行稼働 says so.
  @Test(arguments: 0..<20) func totalsAreSumsOfItems(seed: Int) {
    let (data, goLives) = Self.randomCosts(seed: seed)
    let ledger = CostLedger(costs: data, goLives: goLives)
    for year in ledger.years where year.year > CostData.referenceYear {
      let entries = ledger.entries.filter { $0.year == year.year }
      #expect(year.total == year.byItem.values.reduce(0, +))
      #expect(year.total == entries.map(\.total).reduce(0, +))
      #expect(year.old + year.new == year.total)
      #expect(year.parallel <= year.old)
      #expect(year.rating == nil)
    }
    for entry in ledger.entries {
      #expect(entry.old.values.allSatisfy { $0 >= 0 } && entry.new.values.allSatisfy { $0 >= 0 })
    }
  }

  /// `--usd-jpy` moves the cloud items only: a dollar fee at the new
  /// rate, a yen fee priced at a rate re-priced; nothing else moves.
  @Test func theRateMovesCloudOnly() throws {
    var costs = Self.data(old: 365_000, new: 730_000, cloudCents: 100_000_00)
    costs.systems[0].new?.amounts.append(
      CostAmount(item: .cloud, yen: 139_000_000, pricedAt: ExchangeRate(tenThousandths: 1_390_000)))
    let goLive = ["s": Self.day("2025-04-01")]
    let at139 = CostLedger(costs: costs, goLives: goLive)
    let at160 = CostLedger(costs: costs, goLives: goLive, rate: ExchangeRate(text: "160"))
    let was = try #require(Self.entry(at139, 2026))
    let now = try #require(Self.entry(at160, 2026))
    #expect(was.old == now.old)
    #expect(was.new[.systemOperation] == now.new[.systemOperation])
    // $100,000 at ¥139 and ¥139,000,000 priced at ¥139: ¥152,900,000 a year;
    // at ¥160: ¥16,000,000 + ¥160,000,000.
    #expect(was.new[.cloud] == 13_900_000 + 139_000_000)
    #expect(now.new[.cloud] == 16_000_000 + 160_000_000)
    #expect(at160.rate?.description == "160.0000")
    // A yen fee priced at another rate than the file's is at the file's
    // rate too: every figure is at the rate named, given or not.
    var other = Self.data(old: 365_000, new: 730_000)
    other.systems[0].new?.amounts.append(
      CostAmount(item: .cloud, yen: 140_000_000, pricedAt: ExchangeRate(tenThousandths: 1_400_000)))
    let plain = try #require(Self.entry(CostLedger(costs: other, goLives: goLive), 2026))
    let named = try #require(
      Self.entry(CostLedger(costs: other, goLives: goLive, rate: ExchangeRate(text: "139")), 2026))
    #expect(plain.new[.cloud] == 139_000_000 && named == plain)
  }

  /// Each item of each year is rounded half-even once.
  @Test func roundingIsHalfEvenPerItem() {
    #expect(CostLedger.halfEven(5, 2) == 2)
    #expect(CostLedger.halfEven(7, 2) == 4)
    #expect(CostLedger.halfEven(9, 4) == 2)
    #expect(CostLedger.halfEven(11, 4) == 3)
    // 1 cent at ¥50.0000/$ for a whole year: ¥0.5 → 0; 3 cents: ¥1.5 → 2.
    let year = 365
    let one = CostAmount(item: .cloud, usdCents: 1)
    let three = CostAmount(item: .cloud, usdCents: 3)
    let rate = ExchangeRate(tenThousandths: 500_000)
    #expect(
      CostLedger.yen(one, share: 10_000, days: year, of: year, rate: rate) == 0)
    #expect(
      CostLedger.yen(three, share: 10_000, days: year, of: year, rate: rate) == 2)
    // A third of a year of ¥1,000: 333.33… → 333; a share of 50 %: 166.66… → 167.
    let yen = CostAmount(item: .network, yen: 1_000)
    #expect(CostLedger.yen(yen, share: 10_000, days: 1, of: 3, rate: nil) == 333)
    #expect(CostLedger.yen(yen, share: 5_000, days: 1, of: 3, rate: nil) == 167)
  }

  @Test func ratingsAtTheirBoundaries() {
    #expect(CostRating(total: 700, reference: 1_000) == .met)  // exactly −30 %
    #expect(CostRating(total: 701, reference: 1_000) == .below)
    #expect(CostRating(total: 1_000, reference: 1_000) == .below)  // exactly FY2018
    #expect(CostRating(total: 1_001, reference: 1_000) == .above)
    #expect(CostRating(total: 0, reference: 0) == .met)
    #expect([CostRating.met, .below, .above].map(\.mark) == ["○", "△", "×"])
  }

  @Test func exchangeRates() {
    #expect(ExchangeRate(text: "139")?.tenThousandths == 1_390_000)
    #expect(ExchangeRate(text: "139.5")?.tenThousandths == 1_395_000)
    #expect(ExchangeRate(text: "139.1234")?.description == "139.1234")
    for bad in [
      "0", "0.0000", "-1", "139.12345", "abc", "", "1e3", ".5", "139.", "+139", "0.5", "1000.0001",
    ] {
      #expect(ExchangeRate(text: bad) == nil, "\(bad)")
    }
  }

  /// Bad cost data is refused at its place; a system without a FY2018
  /// figure at any level is a warning.
  @Test func badCostDataIsLocated() throws {
    let plan = Shipped.inputs.plan
    func load(_ body: String) -> (CostData?, [Diagnostic]) {
      let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <costs xmlns="urn:migplan:costs:1" rate="139">
        \(body)
        </costs>
        """
      let diagnostics = DiagnosticCollector()
      let data = CostLoader.load(
        bytes: Array(text.utf8), path: "costs.xml", plan: plan, diagnostics: diagnostics)
      return (data, diagnostics.sorted)
    }
    let cases: [(String, String, Int)] = [
      (
        "<system ref=\"koseki\"><old><cost item=\"network\" yen=\"-5\"/></old></system>",
        "bad-number", 3
      ),
      (
        "<system ref=\"koseki\"><old><cost item=\"coffee\" yen=\"5\"/></old></system>", "bad-value",
        3
      ),
      (
        "<system ref=\"koseki\"><new start=\"2026-04-01\" end=\"2026-03-01\"/></system>",
        "bad-date-order", 3
      ),
      (
        "<system ref=\"koseki\"><new><cost item=\"cloud\" yen=\"5\" pricedAt=\"0\"/></new></system>",
        "bad-number", 3
      ),
      ("<system ref=\"koseki\" share=\"100.5\"/>", "bad-range", 3),
      ("<system ref=\"koseki\" shared=\"\"/>", "bad-value", 3),
      (
        "<system ref=\"koseki\" share=\"40\" shared=\"共同\"/>"
          + "<system ref=\"kokuho\" share=\"60\" shared=\"共同\"/>", "contradiction", 3
      ),
      ("<system ref=\"koseki\" shared=\"a&#9;b\"/>", "bad-value", 3),
      ("<system ref=\"nothing\"/>", "unknown-system", 3),
      (
        "<reference><cost area=\"nothing\" item=\"network\" yen=\"5\"/></reference>",
        "unknown-area", 3
      ),
      ("<system ref=\"koseki\"><migration yen=\"5\" subsidy=\"6\"/></system>", "bad-range", 3),
      (
        "<system ref=\"koseki\"><old><cost item=\"network\" usdCents=\"5\"/></old></system>",
        "bad-value", 3
      ),
      ("<system ref=\"koseki\"><old/><old/></system>", "duplicate-id", 3),
      (
        "<system ref=\"koseki\"><new>"
          + String(repeating: "<cost item=\"cloud\" yen=\"9999999999999\"/>", count: 20)
          + "</new></system>", "bad-number", 2
      ),
    ]
    for (body, id, line) in cases {
      let (data, diagnostics) = load(body)
      #expect(data == nil, "\(body)")
      #expect(diagnostics.first?.id == id, "\(body): \(diagnostics)")
      #expect(diagnostics.first?.location.line == line, "\(body): \(diagnostics)")
    }
    let (data, warnings) = load(
      "<reference><cost area=\"koseki\" item=\"network\" yen=\"5\"/></reference>"
        + "<system ref=\"koseki\"><old><cost item=\"network\" yen=\"5\"/></old></system>"
        + "<system ref=\"kokuho\"><old><cost item=\"network\" yen=\"5\"/></old></system>")
    #expect(data?.systems.count == 2)
    #expect(warnings.map(\.id) == ["costs-no-reference"])
    // A dollar fee of the old contract needs the rate too.
    let unpriced = DiagnosticCollector()
    let noRate = CostLoader.load(
      bytes: Array(
        """
        <costs xmlns="urn:migplan:costs:1">
        <system ref="koseki"><old><cost item="cloud" usdCents="5"/></old></system>
        </costs>
        """.utf8), path: "costs.xml", plan: plan, diagnostics: unpriced)
    #expect(noRate == nil && unpriced.sorted.map(\.id) == ["missing-attribute"])
    #expect(unpriced.sorted.first?.location.line == 2)
    #expect(warnings.first?.message.contains("国民健康保険システム") == true)
  }

  /// Over several bodies (random ones, some without a FY2018 figure):
  /// each year, and each item of it, is the sum of the bodies'; the
  /// rating follows the rule on the sums.
  @Test(arguments: 0..<10) func bodiesAddUp(seed: Int) throws {
    let ledgers = (0..<(1 + seed % 5)).map { body in
      let (data, goLives) = Self.randomCosts(seed: seed * 10 + body, reference: body % 2 == 0)
      return CostLedger(costs: data, goLives: goLives)
    }
    let sum = try CostLedger.sum(ledgers)
    #expect(sum.reference == ledgers.map(\.reference).reduce(0, +))
    #expect(sum.years.map(\.year) == Array(CostData.referenceYear...CostData.lastYear))
    for (index, year) in sum.years.enumerated() {
      let theirs = ledgers.map { $0.years[index] }
      #expect(year.total == theirs.map(\.total).reduce(0, +))
      #expect(year.parallel == theirs.map(\.parallel).reduce(0, +))
      #expect(year.old + year.new == year.total)
      for item in CostItem.allCases {
        #expect(
          year.byItem[item, default: 0] == theirs.map { $0.byItem[item, default: 0] }.reduce(0, +))
      }
      #expect(year.total == year.byItem.values.reduce(0, +))
      if index > 0 {
        #expect(year.rating == CostRating(total: year.total, reference: sum.reference))
      }
    }
  }

  /// Bodies that add up past what a year may cost are refused, not
  /// summed past 64 bits.
  @Test func bodiesPastTheBoundAreRefused() {
    let huge = CostData(
      reference: [ReferenceCost(scope: .body, item: .network, yen: CostLoader.maximumYear / 2 + 1)])
    let ledger = CostLedger(costs: huge, goLives: [:])
    #expect((try? CostLedger.sum([ledger])) != nil)
    do {
      _ = try CostLedger.sum([ledger, ledger, ledger])
      Issue.record("three bodies past the bound were summed")
    } catch {
      #expect(error.index == 1, "the body whose addition passes it")
    }
  }

  /// The shares of one shared system (共同利用) across bodies: a warning
  /// at the share that passes 100 %, naming every body's share once;
  /// names match full-width and half-width alike; 100 % exactly is fine.
  @Test func sharesOfASharedSystem() {
    func body(_ name: String, _ shares: [(String?, Int)]) -> (String, CostData) {
      let data = CostData(
        systems: shares.enumerated().map { index, share in
          SystemCosts(
            system: "s\(index)", shareBasisPoints: share.1, sharedSystem: share.0,
            location: SourceLocation(file: name + "/costs.xml", line: index + 1, column: 3))
        })
      return (name, data)
    }
    func check(_ bodies: [(String, CostData)]) -> [Diagnostic] {
      let diagnostics = DiagnosticCollector()
      CostLoader.checkShares(bodies, diagnostics: diagnostics)
      return diagnostics.sorted
    }
    #expect(check([body("A", [("共同A", 5_000)]), body("B", [("共同A", 5_000)])]).isEmpty)
    let over = check([
      body("A", [("共同A", 4_000), (nil, 10_000)]), body("B", [(nil, 3_000), ("共同Ａ", 4_000)]),
      body("C", [("共同A", 3_000)]), body("D", [("共同B", 9_000)]),
    ])
    #expect(over.map(\.id) == ["costs-shares-over"], "\(over)")
    // At the share that passes 100 %: C's.
    #expect(over.first?.location.file == "C/costs.xml", "\(over)")
    #expect(over.first?.message.contains("110 % (A 40 %, B 40 %, C 30 %)") == true, "\(over)")
    // A body counts once, whichever of its systems name the shared one
    // (a joint package serves several of its systems at one share).
    #expect(check([body("A", [("共同A", 6_000), ("共同A", 6_000)])]).isEmpty)
    let twice = check([body("A", [("共同A", 4_000), ("共同A", 4_000)]), body("B", [("共同A", 7_000)])])
    #expect(twice.first?.message.contains("110 % (A 40 %, B 70 %)") == true, "\(twice)")
  }
}
