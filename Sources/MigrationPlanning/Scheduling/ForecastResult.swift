/// What a Monte Carlo forecast gives: per system, its go-live's
/// percentiles, the probability it meets its deadline and what binds it
/// when late; per area and for the whole portfolio, how many are late.
public struct ForecastResult: Sendable {
  /// One system's forecast.
  public struct System: Sendable {
    /// The plan's municipality.
    public var municipality: String
    /// The system's id and name.
    public var id: String
    /// The system's name.
    public var name: String
    /// The areas it serves.
    public var areas: [String]
    /// The vendor's official name, or nil.
    public var vendor: String?
    /// Its deadline.
    public var deadline: CivilDate
    /// The go-live of the base schedule (no sampling).
    public var planned: CivilDate
    /// Whether it has gone live (nothing is sampled).
    public var done: Bool
    /// Go-live percentiles (nearest rank).
    public var p50: CivilDate
    /// 80th percentile.
    public var p80: CivilDate
    /// 90th percentile.
    public var p90: CivilDate
    /// Share of samples in which it goes live by its deadline.
    public var onTimeProbability: Double
    /// Among the samples in which it is late: the share of each root
    /// cause (`resource:vendor:…`, `resource:staff`, `blackout` …), the
    /// largest first.
    public var causes: [(cause: String, share: Double)]
    /// Every sample's go-live as a day number, in sample order: four
    /// bytes a sample, not a date's 24 (a national forecast keeps 35
    /// million).
    var goLiveDays: [Int32]

    /// Every sample's go-live, in sample order.
    public var goLives: [CivilDate] { goLiveDays.map { CivilDate(dayNumber: Int($0)) } }

    /// The cause of most of its late samples, or nil when never late.
    public var mainCause: String? { causes.first?.cause }
  }

  /// How many are late: the mean over the samples, and the 10th and 90th
  /// percentiles.
  public struct LateCount: Sendable {
    /// What is counted (an area's id, or `areas`/`systems`).
    public var key: String
    /// How many there are in all.
    public var total: Int
    /// The mean number late.
    public var expected: Double
    /// 10th percentile.
    public var p10: Int
    /// 90th percentile.
    public var p90: Int
    /// The base schedule's number late.
    public var planned: Int
  }

  /// The latest as-of date of the plans.
  public var asOf: CivilDate
  /// Samples drawn.
  public var samples: Int
  /// The seed.
  public var seed: UInt64
  /// Every system, in plan order.
  public var systems: [System]
  /// Per catalog area (body × area migrations of that area), in catalog order.
  public var areas: [LateCount]
  /// All area migrations, and all systems.
  public var totals: [LateCount]
  /// The vendor resources' capacities the forecast ran with.
  public var capacities: [ScheduleResource]
  /// The catalog's areas by id, for their names.
  public var areaNames: [String: AreaName]
  /// Vendors' official names by id (the first plan's declaration), for
  /// the causes' words.
  public var vendorNames: [String: String] = [:]

  init(
    model: ProblemModel, base: TaskTimes, samples: Int, seed: UInt64, goLives: [Int32],
    causes: [Int16], causeCodes: [String]
  ) {
    self.samples = samples
    self.seed = seed
    asOf = model.plans.map(\.asOf).max() ?? CivilDate(dayNumber: 0)
    capacities = model.resources
    vendorNames = ReportWords.vendorNames(in: model.plans)
    areaNames = Dictionary(
      model.catalog.areas.map { ($0.id, AreaName($0.id, catalog: model.catalog)) },
      uniquingKeysWith: { a, _ in a })
    let systemCount = model.goLiveTask.count
    var systems: [System] = []
    // Per sample and system: late or not (done systems never are).
    var late = [Bool](repeating: false, count: samples * systemCount)
    for owner in 0..<systemCount {
      let ref = model.systemRefs[owner]
      let plan = model.plans[ref.plan]
      let local = plan.systems[ref.index]
      let task = model.goLiveTask[owner]
      let done = model.tasks[task].status == .done
      let deadline = plan.deadline(for: local)
      let recorded =
        model.tasks[task].status == .done || model.tasks[task].status == .inProgress
        ? local.record(model.steps[model.tasks[task].step].id)?.start : nil
      let planned = recorded ?? model.index.date(base.starts[task])
      var dates: [Int32] = []
      dates.reserveCapacity(samples)
      var causeCounts: [String: Int] = [:]
      var lateCount = 0
      for sample in 0..<samples {
        let slot = sample * systemCount + owner
        let date = done ? planned : recorded ?? model.index.date(Int(goLives[slot]))
        dates.append(Int32(date.dayNumber))
        if !done && date > deadline {
          late[slot] = true
          lateCount += 1
          let cause = causes[slot] >= 0 ? causeCodes[Int(causes[slot])] : "as-of"
          causeCounts[cause, default: 0] += 1
        }
      }
      let sorted = dates.sorted()
      func percentile(_ p: Int) -> CivilDate {
        guard !sorted.isEmpty else { return planned }
        let rank = max(1, (p * sorted.count + 99) / 100)
        return CivilDate(dayNumber: Int(sorted[min(rank, sorted.count) - 1]))
      }
      systems.append(
        System(
          municipality: plan.municipality, id: local.id, name: local.name, areas: local.areas,
          vendor: local.expectedVendor.map { plan.vendor($0)?.name ?? $0 }, deadline: deadline,
          planned: planned, done: done, p50: percentile(50), p80: percentile(80),
          p90: percentile(90),
          onTimeProbability: samples == 0 ? 1 : Double(samples - lateCount) / Double(samples),
          causes: causeCounts.map { ($0.key, Double($0.value) / Double(max(lateCount, 1))) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.cause < $1.cause },
          goLiveDays: dates))
    }
    self.systems = systems

    let migrations = Self.areaMigrations(model.plans)
    func count(_ key: String, _ members: [[Int]]) -> LateCount {
      Self.lateCount(
        key, members, late: late, samples: samples, systemCount: systemCount, systems: systems)
    }
    let byArea = Dictionary(grouping: migrations, by: \.area)
    areas = model.catalog.areas.compactMap { area in
      byArea[area.id].map { count(area.id, $0.map(\.owners)) }
    }
    totals = [
      count("areas", migrations.map(\.owners)),
      count("systems", (0..<systemCount).map { [$0] }),
    ]
  }

  /// How many of `members` (each a set of systems, late together) are
  /// late: per sample, as planned, expected, P10 and P90.
  static func lateCount(
    _ key: String, _ members: [[Int]], late: [Bool], samples: Int, systemCount: Int,
    systems: [System]
  ) -> LateCount {
    var perSample: [Int] = []
    for sample in 0..<samples {
      perSample.append(
        members.filter { owners in owners.contains { late[sample * systemCount + $0] } }.count)
    }
    let planned = members.filter { owners in
      owners.contains { !systems[$0].done && systems[$0].planned > systems[$0].deadline }
    }.count
    let sorted = perSample.sorted()
    func percentile(_ p: Int) -> Int {
      guard !sorted.isEmpty else { return planned }
      let rank = max(1, (p * sorted.count + 99) / 100)
      return sorted[min(rank, sorted.count) - 1]
    }
    return LateCount(
      key: key, total: members.count,
      expected: samples == 0 ? Double(planned) : Double(perSample.reduce(0, +)) / Double(samples),
      p10: percentile(10), p90: percentile(90), planned: planned)
  }

  /// Area migrations: each plan's areas with the systems (numbered across
  /// plans) that serve them. An area of a plan is late in a sample when
  /// any of its systems is.
  static func areaMigrations(_ plans: [Plan]) -> [(area: String, owners: [Int])] {
    var migrations: [(area: String, owners: [Int])] = []
    var owner = 0
    for plan in plans {
      let first = owner
      owner += plan.systems.count
      for area in plan.areas {
        let owners = plan.systems.indices.filter { plan.systems[$0].areas.contains(area) }
          .map { first + $0 }
        if !owners.isEmpty { migrations.append((area, owners)) }
      }
    }
    return migrations
  }
}
