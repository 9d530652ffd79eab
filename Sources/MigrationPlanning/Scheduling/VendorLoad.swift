/// How many systems a vendor resource serves at once, per fiscal quarter:
/// the average, over the quarter's working days, of the systems whose
/// vendor-side steps run.
public struct VendorLoad: Sendable {
  /// The resource's id (`vendor:ID`, or `vendor:SHEET/PRODUCT`).
  public var resource: String
  /// Systems the vendor can migrate at once.
  public var capacity: Int
  /// Systems that use the resource.
  public var systems: Int
  /// Per fiscal quarter from the first release: its first day and the average
  /// number of systems served at once.
  public var quarters: [(start: CivilDate, average: Double)]
}
extension ProblemModel {
  /// Each vendor resource's load per fiscal quarter, from the first release.
  /// - Complexity: O(tasks + resources × days).
  func vendorLoads(_ times: TaskTimes) -> [VendorLoad] {
    let staff = Set(planResources.compactMap(\.first))
    var perResource: [Int: [Int: [Range<Int>]]] = [:]
    for task in 0..<tasks.count where times.finishes[task] > times.starts[task] {
      for demand in problem.demands[task] where !staff.contains(demand.resource) {
        perResource[demand.resource, default: [:]][tasks[task].system, default: []].append(
          times.starts[task]..<times.finishes[task])
      }
    }
    var loads: [VendorLoad] = []
    let end = max(times.makespan, 1)
    for resource in resources.indices where !staff.contains(resource) {
      let owners = perResource[resource] ?? [:]
      var difference = Array(repeating: 0, count: end + 1)
      for ranges in owners.values {
        var held = HeldDays()
        for range in ranges { _ = held.add(range) }
        for range in held.ranges {
          difference[range.lowerBound] += 1
          difference[min(range.upperBound, end)] -= 1
        }
      }
      var quarters: [(start: CivilDate, average: Double)] = []
      var running = 0
      var sum = 0
      var days = 0
      var currentQuarter: CivilDate?
      let firstRelease = releases.min() ?? 0
      for day in 0..<end {
        running += difference[day]
        guard day >= firstRelease else { continue }
        let date = index.date(day)
        let quarter = FiscalQuarter(containing: date).firstDay
        if quarter != currentQuarter {
          if let currentQuarter, days > 0 {
            quarters.append((currentQuarter, Double(sum) / Double(days)))
          }
          currentQuarter = quarter
          sum = 0
          days = 0
        }
        sum += running
        days += 1
      }
      if let currentQuarter, days > 0 {
        quarters.append((currentQuarter, Double(sum) / Double(days)))
      }
      loads.append(
        VendorLoad(
          resource: resources[resource].id, capacity: resources[resource].capacity,
          systems: owners.count, quarters: quarters))
    }
    return loads
  }
}
