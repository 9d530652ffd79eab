import Foundation
import MigrationPlanning

/// `migplan-bench costs BODIES [--systems N]`: the running costs of BODIES
/// generated bodies of N systems each (old and new contracts of every
/// item, a cloud fee in dollars and one in yen, a FY2018 figure per body),
/// each body's ledger FY2018–FY2030 and their sum, as `costs PATH…` and
/// `portfolio` compute them; prints the time of the ledgers and of the
/// sum, and checks the sum against the bodies' totals.
func benchCosts(_ arguments: [String]) {
  guard let bodies = arguments.first.flatMap(Int.init), bodies > 0 else {
    fail("costs needs BODIES")
  }
  let systems = option("--systems", in: arguments).flatMap(Int.init) ?? 20
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  func draw(_ bound: Int) -> Int {
    // SplitMix64: the same bodies every run.
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
  let start = CivilDate(iso: "2024-04-01") ?? CivilDate(dayNumber: 0)
  var data: [(CostData, [String: CivilDate])] = []
  for _ in 0..<bodies {
    var costs: [SystemCosts] = []
    var goLives: [String: CivilDate] = [:]
    for index in 0..<systems {
      let id = "s\(index)"
      goLives[id] = start.adding(days: draw(1_500))
      let old = CostContract(
        amounts: CostItem.allCases.filter { $0 != .cloud }.map {
          CostAmount(item: $0, yen: 1_000_000 + draw(50_000_000))
        }, end: CivilDate(iso: "2025-03-31"))
      let new = CostContract(
        amounts: [
          CostAmount(item: .systemOperation, yen: 1_000_000 + draw(50_000_000)),
          CostAmount(item: .cloud, usdCents: 100_000 + draw(50_000_000)),
          CostAmount(
            item: .cloud, yen: draw(10_000_000), pricedAt: ExchangeRate(tenThousandths: 1_400_000)),
        ])
      costs.append(
        SystemCosts(system: id, shareBasisPoints: 5_000 + draw(5_001), old: old, new: new))
    }
    let reference = [ReferenceCost(scope: .body, item: .network, yen: 1 + draw(2_000_000_000))]
    data.append(
      (
        CostData(
          rate: ExchangeRate(tenThousandths: 1_500_000), reference: reference, systems: costs),
        goLives
      ))
  }
  let begin = monotonicSeconds()
  let ledgers = data.map { CostLedger(costs: $0.0, goLives: $0.1) }
  let ledgered = monotonicSeconds()
  guard let sum = try? CostLedger.sum(ledgers) else {
    fail("the generated bodies passed the bound")
  }
  let summed = monotonicSeconds()
  for (index, year) in sum.years.enumerated()
  where year.total != ledgers.map({ $0.years[index].total }).reduce(0, +) {
    fail("FY\(year.year): the sum is not the bodies' total")
  }
  print(
    String(
      format:
        "%d bodies x %d systems: ledgers (FY2018-FY2030) %.3f s, sum %.4f s; FY2030 total %@ yen",
      bodies, systems, ledgered - begin, summed - ledgered,
      NumberStyle.count(sum.years.last?.total ?? 0)))
}
