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

  /// Random sequences of records on random systems and steps: every
  /// record is applied, and after each one every step of the plan read back
  /// is what was recorded last, or what the plan said before when nothing
  /// was recorded for it.
  @Test(arguments: 1...6)
  func randomSequencesHoldEveryChange(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let original = Shipped.inputs.plan
    var inputs = Shipped.inputs
    var source = try PlanSource.read(path: Self.path)
    var expected: [String: StepStatus] = [:]
    let systems = original.systems.map(\.id)
    let steps = ["13.1", "14.1", "15.1", "16.1", "17.1"]
    for _ in 0..<8 {
      let system = systems[Int(generator.next() % UInt64(systems.count))]
      let step = steps[Int(generator.next() % UInt64(steps.count))]
      let status: StepStatus = generator.next() % 2 == 0 ? .notStarted : .notApplicable
      var request = PlanRecording.Request(today: Self.today)
      request.steps = StepRecording(
        system: system, selections: [step], status: status, start: nil, lastDay: nil)
      let diagnostics = DiagnosticCollector()
      let outcome = try PlanRecording.record(
        request, source: source, path: Self.path, inputs: inputs, known: [],
        diagnostics: diagnostics)
      expected[system + " " + step] = status
      source = try #require(PlanSource(bytes: outcome.bytes))
      inputs.plan = outcome.plan
      for old in original.systems {
        let new = try #require(outcome.plan.system(old.id))
        for id in steps {
          let want = expected[old.id + " " + id] ?? old.status(of: id)
          #expect(new.status(of: id) == want, "\(old.id) \(id)")
        }
      }
    }
  }

  /// Plan text the editor must walk through without touching: a DOCTYPE
  /// whose subset holds a comment with quotes and brackets, a comment
  /// holding tags, `>` inside an attribute value, and an element that
  /// resets the default namespace around a `step` of no namespace. The
  /// record lands on the plan's own step; every other byte stays.
  @Test func awkwardTextIsWalkedThroughAndLeftAlone() throws {
    let original = try String(contentsOfFile: Self.path, encoding: .utf8)
    let doctype = "<!DOCTYPE plan [ <!-- it's ] \" > --> ]>\n"
    let comment = "  <!-- <system id=\"koseki\"> <step ref=\"13.1\"/> -->\n"
    let stranger =
      "    <x:note xmlns:x=\"urn:x\" xmlns=\"\" text=\"a > b\"><step ref=\"13.1\" status=\"done\"/></x:note>\n"
    var text = original.replacingOccurrences(
      of: "<plan xmlns=", with: doctype + "<plan xmlns=")
    text = text.replacingOccurrences(
      of: "  <system id=\"koseki\"", with: comment + "  <system id=\"koseki\"")
    let head = "procurement=\"proposal\" procurementStatus=\"planned\">\n"
    let koseki = try #require(text.range(of: "<system id=\"koseki\""))
    let headEnd = try #require(text.range(of: head, range: koseki.upperBound..<text.endIndex))
    text.insert(contentsOf: stranger, at: headEnd.upperBound)
    let bytes = Array(text.utf8)
    let loaded = DiagnosticCollector()
    let plan = try #require(
      PlanLoader.load(bytes: bytes, path: Self.path, catalog: Shipped.catalog, diagnostics: loaded),
      "\(loaded.sorted.map(\.description))")
    var inputs = Shipped.inputs
    inputs.plan = plan
    var request = PlanRecording.Request(today: Self.today)
    request.steps = StepRecording(
      system: "koseki", selections: ["13.1"], status: .done, start: day(2023, 10, 2),
      lastDay: day(2024, 1, 19))
    let source = try #require(PlanSource(bytes: bytes))
    let outcome = try PlanRecording.record(
      request, source: source, path: Self.path, inputs: inputs, known: [],
      diagnostics: DiagnosticCollector())
    let after = String(decoding: outcome.bytes, as: UTF8.self)
    #expect(after.contains(doctype) && after.contains(comment) && after.contains(stranger))
    #expect(outcome.plan.system("koseki")?.record("13.1")?.end == day(2024, 1, 20))
    // Only the new step and the recorded date were added.
    let added = after.count - text.count
    let step = "\n    <step ref=\"13.1\" status=\"done\" start=\"2023-10-02\" end=\"2024-01-20\"/>"
    #expect(added == step.count + " recorded=\"2026-12-02\"".count)
  }
}
