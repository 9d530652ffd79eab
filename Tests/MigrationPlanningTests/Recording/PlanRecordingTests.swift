import Foundation
import Testing

@testable import MigrationPlanning

/// `record` as a core use case: a plan.xml before, a request, and the
/// plan.xml after, compared byte for byte with a golden file
/// (`MIGPLAN_RECORD=1` writes it again after an intended change).
@Suite struct PlanRecordingTests {
  static let path = Paths.shinagawa + "/plan.xml"
  static let today = day(2026, 12, 2)

  /// Records into Shinagawa's plan, or into `after`, an outcome before.
  static func record(_ request: PlanRecording.Request, after: PlanRecording.Outcome? = nil)
    throws -> PlanRecording.Outcome
  {
    var inputs = Shipped.inputs
    var text = try PlanSource.read(path: path)
    if let after {
      inputs.plan = after.plan
      text = try #require(PlanSource(bytes: after.bytes))
    }
    let diagnostics = DiagnosticCollector()
    do {
      return try PlanRecording.record(
        request, source: text, path: path, inputs: inputs, known: [],
        diagnostics: diagnostics)
    } catch {
      Issue.record("refused: \(error) \(diagnostics.sorted.map(\.description))")
      throw error
    }
  }

  /// Every kind of change at once, against its golden file: only the
  /// attributes concerned change, a new step lands in template order.
  @Test func everyKindOfChangeMatchesItsGoldenFile() throws {
    var request = PlanRecording.Request(today: Self.today)
    request.setAsOf = day(2024, 2, 1)
    request.steps = StepRecording(
      system: "戸籍情報システム", selections: ["13.1", "15.1"], status: .done,
      start: day(2023, 10, 2), lastDay: day(2024, 1, 31))
    request.staffCapacity = 20
    // The company however its legal form is written.
    request.vendorCapacities = [("日本電気(株)", 3)]
    request.tokutei = ("koseki", day(2031, 3, 31))
    let outcome = try Self.record(request)
    let golden = Paths.fixtures + "/record/shinagawa-after.xml"
    if ProcessInfo.processInfo.environment["MIGPLAN_RECORD"] == "1" {
      try Data(outcome.bytes).write(to: URL(fileURLWithPath: golden))
    }
    let expected = try #require(FileManager.default.contents(atPath: golden))
    #expect(Data(outcome.bytes) == expected)
    #expect(outcome.steps == 2)
    #expect(outcome.asOfChanged && outcome.staffChanged && outcome.tokuteiChanged)
    #expect(outcome.vendorCapacities == 1)
    #expect(outcome.plan.vendor("nec")?.capacity == 3)
  }

  /// Recording what the plan already says changes no step, and counts
  /// none: the success line counts applied changes.
  @Test func recordingTheSameTwiceCountsNothingTheSecondTime() throws {
    var request = PlanRecording.Request(today: Self.today)
    request.steps = StepRecording(
      system: "koseki", selections: ["13.1"], status: .done, start: day(2023, 10, 2),
      lastDay: day(2024, 1, 19))
    let first = try Self.record(request)
    #expect(first.steps == 1)
    let second = try Self.record(request, after: first)
    #expect(second.steps == 0)
    #expect(second.bytes == first.bytes)
  }

  /// Random sequences of records on random systems and steps: each
  /// outcome holds its change (the core checks it), only that system's
  /// step changes, and every other byte range outside the edits is kept:
  /// the file read back equals the plan with exactly those records.
  @Test(arguments: 1...6)
  func randomSequencesHoldEveryChange(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    var source = try PlanSource.read(path: Self.path)
    var expected: [String: StepStatus] = [:]
    let systems = Shipped.inputs.plan.systems.map(\.id)
    let steps = ["13.1", "14.1", "15.1", "16.1", "17.1"]
    for _ in 0..<8 {
      let system = systems[Int(generator.next() % UInt64(systems.count))]
      let step = steps[Int(generator.next() % UInt64(steps.count))]
      let status: StepStatus = generator.next() % 2 == 0 ? .notStarted : .notApplicable
      var request = PlanRecording.Request(today: Self.today)
      request.steps = StepRecording(
        system: system, selections: [step], status: status, start: nil, lastDay: nil)
      let diagnostics = DiagnosticCollector()
      guard
        let outcome = try? PlanRecording.record(
          request, source: source, path: Self.path, inputs: Shipped.inputs, known: [],
          diagnostics: diagnostics)
      else { continue }
      expected[system + " " + step] = status
      source = try #require(PlanSource(bytes: outcome.bytes))
      for (key, status) in expected {
        let parts = key.split(separator: " ").map(String.init)
        #expect(outcome.plan.system(parts[0])?.status(of: parts[1]) == status, "\(key)")
      }
    }
  }
}
