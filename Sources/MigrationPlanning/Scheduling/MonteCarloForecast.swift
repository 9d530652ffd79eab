import Dispatch
import Foundation

/// How sure a plan is: a Monte Carlo forecast of every system's go-live.
///
/// The plans are scheduled once (the same search as `schedule` and
/// `portfolio`); each sample then draws
/// - a duration for every step not yet done, from a triangular
///   distribution from `durationLow` to `durationHigh` times its duration,
///   most likely 1 (per step group, from the catalog's `steps.xml`), and
/// - one delay factor per vendor, lognormal with median 1 and σ
///   `vendorDelaySigma`, multiplying every vendor-side step of that vendor
///   in every plan, so delays correlate by vendor as they did;
///
/// and decodes the base schedule's activity order once with those
/// durations (the serial SGS). It does not search again: the forecast says
/// how sure this plan is, not how good a re-plan could be. Recorded facts
/// (steps done or in progress) are not sampled.
///
/// Each sample's draws come from its own generator, seeded from the seed
/// and the sample's number, and every sample writes only its own slots:
/// the same seed gives the same forecast whatever the number of threads.
public struct MonteCarloForecast {
  /// The validated catalog.
  public let catalog: Catalog
  /// The validated plans, in order.
  public let plans: [Plan]
  /// The vendors' spec sheets.
  public let vendors: VendorDirectory
  /// Capacities of vendors shared across the plans, by official name.
  public let sharedCapacities: [String: Int]
  /// The base schedule's search.
  public var settings: SearchSettings
  /// What-ifs on vendors' capacities.
  public var capacityChanges: [CapacityChange]
  /// Threads decoding samples (default: the machine's cores).
  public var threads: Int
  /// Called after each sample, from the worker that drew it, with the
  /// samples drawn so far and the number asked for (a progress line).
  public var progress: (@Sendable (_ drawn: Int, _ of: Int) -> Void)?

  /// The samples a forecast draws when not told: 1,000, fewer for larger
  /// inputs (the work is samples × tasks), at least 100, a multiple of 50.
  /// Shinagawa (680 tasks) draws 1,000; the national portfolio (1.4
  /// million) 100, which take about 15 seconds on two cores.
  public static func defaultSamples(tasks: Int) -> Int {
    let affordable = 150_000_000 / max(tasks, 1)
    return min(1000, max(100, affordable / 50 * 50))
  }

  /// The default sample count of these plans (`defaultSamples(tasks:)`).
  public var defaultSamples: Int {
    Self.defaultSamples(
      tasks: plans.reduce(0) { $0 + $1.systems.count } * catalog.template.steps.count)
  }

  /// A forecast of validated plans.
  public init(
    catalog: Catalog, plans: [Plan], vendors: VendorDirectory = .empty,
    sharedCapacities: [String: Int] = [:], settings: SearchSettings,
    capacityChanges: [CapacityChange] = [],
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.catalog = catalog
    self.plans = plans
    self.vendors = vendors
    // PortfolioScheduler normalises the names.
    self.sharedCapacities = sharedCapacities
    self.settings = settings
    self.capacityChanges = capacityChanges
    self.threads = max(1, threads)
  }

  /// The forecast of `samples` samples from `seed`; nil (with an error)
  /// when the plans cannot be scheduled or a capacity change names no
  /// vendor.
  public func run(samples: Int, seed: UInt64, diagnostics: DiagnosticCollector)
    -> ForecastResult?
  {
    // The base schedule, exactly as `portfolio` and `schedule` find it.
    var scheduler = PortfolioScheduler(
      catalog: catalog, plans: plans, vendors: vendors, sharedCapacities: sharedCapacities,
      settings: settings, includeTasks: false)
    scheduler.capacityChanges = capacityChanges
    guard let (model, base) = scheduler.searched(diagnostics: diagnostics) else { return nil }
    let sampler = Sampler(model: model)
    let systemCount = model.goLiveTask.count
    let count = max(samples, 0)
    // Per sample and system: the go-live's working-day index, and the
    // root cause of a late one (an index into `causeCodes`, or -1).
    // Written in place by the workers, then handed to the result whole
    // (no copy: a national forecast's slots are hundreds of megabytes).
    var goLiveValues = [Int32](repeating: 0, count: count * systemCount)
    var causeValues = [Int16](repeating: -1, count: count * systemCount)
    let causeCodes = CauseTable()
    let deadlines = (0..<systemCount).map { owner -> Int in
      let ref = model.systemRefs[owner]
      let plan = model.plans[ref.plan]
      return plan.deadline(for: plan.systems[ref.index]).dayNumber
    }
    let workers = min(threads, max(count, 1))
    let progress = self.progress
    goLiveValues.withUnsafeMutableBufferPointer { goLiveBuffer in
      causeValues.withUnsafeMutableBufferPointer { causeBuffer in
        let goLives = SlotView(goLiveBuffer)
        let causes = SlotView(causeBuffer)
        let drawn = SampleCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let generator = SerialScheduleGenerator(model.problem)
          var durations = model.problem.durations
          var localCodes: [String: Int16] = [:]
          var sample = worker
          while sample < count {
            var random = Self.generator(seed: seed, sample: sample)
            sampler.draw(into: &durations, random: &random)
            let times = generator.decode(base.order, durations: durations)
            for owner in 0..<systemCount {
              let task = model.goLiveTask[owner]
              let start = times.starts[task]
              goLives[sample * systemCount + owner] = Int32(start)
              guard model.tasks[task].status != .done,
                model.index.date(start).dayNumber > deadlines[owner]
              else { continue }
              let root = model.bindingChain(from: task, times).last?.cause ?? .asOf
              let code = ScheduleReport.rootCode(root)
              let index = localCodes[code] ?? causeCodes.index(of: code)
              localCodes[code] = index
              causes[sample * systemCount + owner] = index
            }
            sample += workers
            if let progress { progress(drawn.add(), count) }
          }
        }
      }
    }
    return ForecastResult(
      model: model, base: base.times, samples: count, seed: seed, goLives: goLiveValues,
      causes: causeValues, causeCodes: causeCodes.codes)
  }
}

extension MonteCarloForecast {
  /// The generator of sample `sample`: seeded by SplitMix64's finalizer of
  /// the seed's and the sample's numbers, so no two samples' streams are
  /// shifts of each other (as seeding with `seed ^ sample × γ` would make
  /// them, γ being the generator's own increment).
  static func generator(seed: UInt64, sample: Int) -> SplitMix64 {
    SplitMix64(seed: mix(mix(seed) &+ UInt64(truncatingIfNeeded: sample)))
  }

  /// SplitMix64's output function: a bijection that scatters its input.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Draws a sample's durations: the catalog's spread per step group, and
/// one delay factor per vendor.
struct Sampler: Sendable {
  /// Per task: the template duration, or -1 for a fixed task.
  let baseDurations: [Int]
  /// Per task: its group's (low, high).
  let spreads: [(Double, Double)]
  /// Per task: the vendor its vendor-side demand holds, or -1.
  let vendorOf: [Int]
  let vendorCount: Int
  let sigma: Double

  init(model: ProblemModel) {
    let groups = Dictionary(
      model.catalog.template.groups.map { ($0.number, ($0.durationLow, $0.durationHigh)) },
      uniquingKeysWith: { a, _ in a })
    var vendorKeys: [String: Int] = [:]
    let vendorOfResource = model.resources.map { resource -> Int in
      guard let key = ResourceKey(id: resource.id)?.vendorId else { return -1 }
      if let index = vendorKeys[key] { return index }
      vendorKeys[key] = vendorKeys.count
      return vendorKeys.count - 1
    }
    vendorCount = vendorKeys.count
    sigma = model.catalog.template.vendorDelaySigma
    baseDurations = model.problem.durations.indices.map { task in
      model.problem.fixedStart[task] == nil ? model.problem.durations[task] : -1
    }
    spreads = model.tasks.map { info in groups[model.steps[info.step].group] ?? (1, 1) }
    vendorOf = model.problem.demands.map { demands in
      demands.lazy.map { vendorOfResource[$0.resource] }.first { $0 >= 0 } ?? -1
    }
  }

  /// Fills `durations` for one sample.
  func draw(into durations: inout [Int], random: inout SplitMix64) {
    var factors = [Double](repeating: 1, count: vendorCount)
    if sigma > 0 {
      for vendor in 0..<vendorCount { factors[vendor] = exp(sigma * Self.normal(&random)) }
    }
    for task in baseDurations.indices {
      let base = baseDurations[task]
      guard base > 0 else { continue }
      let (low, high) = spreads[task]
      var factor = Self.triangular(low: low, mode: 1, high: high, random.unit())
      if vendorOf[task] >= 0 { factor *= factors[vendorOf[task]] }
      // At most 20 times the template's duration, whatever the draw.
      durations[task] = max(1, Int((Double(base) * min(factor, 20)).rounded()))
    }
  }

  /// The inverse of the triangular distribution's CDF at `u`.
  static func triangular(low: Double, mode: Double, high: Double, _ u: Double) -> Double {
    guard high > low else { return mode }
    let cut = (mode - low) / (high - low)
    return u < cut
      ? low + ((high - low) * (mode - low) * u).squareRoot()
      : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
  }

  /// A standard normal draw (Box–Muller).
  static func normal(_ random: inout SplitMix64) -> Double {
    let u = max(random.unit(), 1e-12)
    let v = random.unit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}

/// Slots that concurrent workers write, each its own: no two workers
/// write one slot, and nothing reads until all have finished.
final class SharedSlots<Element>: @unchecked Sendable {
  private let pointer: UnsafeMutableBufferPointer<Element>

  init(count: Int, value: Element) {
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: value)
  }

  deinit {
    // Elements may own memory (arrays): release them before the buffer.
    _ = pointer.deinitialize()
    pointer.deallocate()
  }

  subscript(index: Int) -> Element {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }

  var values: [Element] { Array(pointer) }
}

/// The same slots in an array's own buffer, valid while the array's
/// `withUnsafeMutableBufferPointer` runs: the array is then handed on
/// whole, never copied (a national forecast's are hundreds of megabytes).
struct SlotView<Element>: @unchecked Sendable {
  private let pointer: UnsafeMutableBufferPointer<Element>

  init(_ pointer: UnsafeMutableBufferPointer<Element>) { self.pointer = pointer }

  subscript(index: Int) -> Element {
    get { pointer[index] }
    nonmutating set { pointer[index] = newValue }
  }
}

/// Samples drawn so far, counted across workers (for progress).
final class SampleCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  /// Counts one more sample; the count so far.
  func add() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }
}

/// The root causes met, numbered as threads meet them (the numbers never
/// reach the output: the result keys causes by their codes).
final class CauseTable: @unchecked Sendable {
  private let lock = NSLock()
  private var numbers: [String: Int16] = [:]

  func index(of code: String) -> Int16 {
    lock.lock()
    defer { lock.unlock() }
    if let number = numbers[code] { return number }
    let number = Int16(numbers.count)
    numbers[code] = number
    return number
  }

  /// Code by number.
  var codes: [String] {
    lock.lock()
    defer { lock.unlock() }
    var list = [String](repeating: "", count: numbers.count)
    for (code, number) in numbers { list[Int(number)] = code }
    return list
  }
}
