import Foundation
import Testing

/// `migplan forecast` (#15): Monte Carlo go-live ranges.
@Suite struct ForecastTests {
  struct Forecast: Decodable {
    struct System: Decodable {
      var id: String
      var deadline: String
      var planned: String
      var p50: String
      var p80: String
      var p90: String
      var onTimeProbability: Double
      var mainCause: String?
    }
    struct Count: Decodable {
      var total: Int
      var expectedLate: Double
      var p10: Int
      var p90: Int
    }
    var asOf: String
    var samples: Int
    var seed: Int
    var systems: [System]
    var areas: [Count]
    var totals: [Count]
  }

  static func forecast(_ arguments: [String]) throws -> (Forecast, String) {
    let run = try CLI.run(["forecast", "--format", "json"] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return (try JSONDecoder().decode(Forecast.self, from: Data(run.stdout.utf8)), run.stdout)
  }

  @Test func aThousandSamplesOfShinagawa() throws {
    let (forecast, bytes) = try Self.forecast(["--samples", "1000", "--seed", "1"])
    #expect(forecast.samples == 1000 && forecast.seed == 1 && forecast.asOf == "2024-01-31")
    #expect(forecast.systems.count == 17)
    for system in forecast.systems {
      #expect(system.p50 <= system.p80 && system.p80 <= system.p90, "\(system.id)")
      #expect((0...1).contains(system.onTimeProbability))
      // A system late in some samples names what bound it.
      #expect((system.onTimeProbability < 1) == (system.mainCause != nil), "\(system.id)")
    }
    // Uncertainty: some systems are sure, some are not.
    #expect(forecast.systems.contains { $0.onTimeProbability == 1 })
    #expect(forecast.systems.contains { $0.onTimeProbability < 0.5 })
    let totals = try #require(forecast.totals.first)
    #expect(totals.total == 18)
    #expect(Double(totals.p10) <= totals.expectedLate && totals.expectedLate <= Double(totals.p90))
    // The same seed gives the same bytes, on one thread or two.
    let (_, again) = try Self.forecast(["--samples", "1000", "--seed", "1", "--threads", "1"])
    #expect(again == bytes)
    let (_, other) = try Self.forecast(["--samples", "1000", "--seed", "2"])
    #expect(other != bytes)
  }

  /// With no spread and no vendor delay every sample is the schedule itself:
  /// decoding the base order again reproduces it.
  @Test func withoutUncertaintyEverySampleIsTheSchedule() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.copyItem(
      atPath: CLI.repository + "/catalog", toPath: directory + "/catalog")
    let steps = directory + "/catalog/steps.xml"
    let text = try String(contentsOfFile: steps, encoding: .utf8)
      .replacingOccurrences(
        of: #" durationLow="[0-9.]+" durationHigh="[0-9.]+""#, with: "", options: .regularExpression
      )
      .replacingOccurrences(
        of: #" vendorDelaySigma="[0-9.]+""#, with: "", options: .regularExpression)
    try text.write(toFile: steps, atomically: true, encoding: .utf8)
    let (forecast, _) = try Self.forecast(["--catalog", directory + "/catalog", "--samples", "20"])
    let schedule = try CLI.run(["schedule", "--format", "json"])
    let planned = try #require(
      try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])
    let goLives = (planned["systems"] as? [[String: Any]] ?? []).map { $0["goLive"] as? String }
    #expect(forecast.systems.map(\.p50) == goLives.compactMap { $0 })
    #expect(forecast.systems.allSatisfy { $0.p50 == $0.p90 && $0.p50 == $0.planned })
  }

  /// Recorded facts are not sampled: a system gone live stays where it went live.
  @Test func doneSystemsAreNotSampled() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try CLI.run(["record", "--plan", plan, "--set-as-of", "2024-10-31"]).status == 0)
    let record = try CLI.run([
      "record", "--plan", plan, "juminzei", "1.1-18.1", "--status", "done", "--start",
      "2024-02-01", "--end", "2024-09-30",
    ])
    #expect(record.status == 0, "\(record.stderr)")
    let (forecast, _) = try Self.forecast(["--plan", plan, "--samples", "200"])
    let done = try #require(forecast.systems.first { $0.id == "juminzei" })
    #expect(done.p50 == "2024-09-30" && done.p90 == "2024-09-30" && done.planned == "2024-09-30")
    #expect(done.onTimeProbability == 1 && done.mainCause == nil)
    #expect(forecast.systems.contains { $0.p50 < $0.p90 })
  }

  @Test func csvColumnsAndTextWidth() throws {
    let csv = try CLI.run(["forecast", "--samples", "100", "--format", "csv"])
    #expect(csv.status == 0)
    let rows = parseCSV(csv.stdout)
    #expect(
      rows.first == [
        "system_id", "system_name", "deadline", "p50", "p80", "p90", "on_time_probability",
        "main_cause",
      ])
    #expect(rows.count == 18)
    for width in [80, 100] {
      let text = try CLI.run(["forecast", "--samples", "100", "--width", String(width)])
      #expect(text.status == 0)
      #expect(text.stdout.split(separator: "\n").allSatisfy { displayWidth($0) <= width })
    }
    let english = try CLI.run(["forecast", "--samples", "100", "--lang", "en"])
    #expect(english.stdout.contains("On time") && english.stdout.contains("staff capacity"))
  }

  @Test func vendorCapacityWhatIf() throws {
    let run = try CLI.run([
      "forecast", "--samples", "200", "--vendor-capacity", "fujitsu-japan=+3", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let base = try #require(object?["base"] as? [String: Any])
    // On Shinagawa the staff binds, not Fujitsu: three more teams change
    // nothing on the same samples.
    let difference = try #require(base["difference"] as? Double)
    #expect(difference == 0)
    // Fewer teams: each run searches its own base plan, and the expected
    // number late follows that plan's robustness to delay, so its sign is
    // not fixed; the difference is reported against the same samples.
    let fewer = try CLI.run([
      "forecast", "--samples", "200", "--vendor-capacity", "fujitsu-japan=1", "--format", "json",
    ])
    #expect(fewer.status == 0, "\(fewer.stderr)")
    let fewerBase =
      try JSONSerialization.jsonObject(with: Data(fewer.stdout.utf8)) as? [String: Any]
    #expect((fewerBase?["base"] as? [String: Any])?["difference"] is Double)
    let text = try CLI.run([
      "forecast", "--samples", "200", "--vendor-capacity", "富士通Japan株式会社=1",
    ])
    #expect(text.stdout.contains("仮定 富士通Japan株式会社=1: 遅延する事務の期待値"))
    let unknown = try CLI.run(["forecast", "--vendor-capacity", "nobody=3"])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("[unknown-vendor]"))
    let bad = try CLI.run(["forecast", "--vendor-capacity", "fujitsu-japan"])
    #expect(bad.status == 64)
    // A capacity of 0 would leave the vendor's steps nowhere to go.
    let zero = try CLI.run(["forecast", "--vendor-capacity", "fujitsu-japan=0"])
    #expect(zero.status == 64)
    let portfolio = try CLI.run([
      "portfolio", "plans/shinagawa", "--vendor-capacity", "fujitsu-japan=1",
    ])
    #expect(portfolio.status == 0, "\(portfolio.stderr)")
    // The schedule itself: one team for 富士通Japan makes migrations late.
    let line = try #require(
      portfolio.stdout.split(separator: "\n").first { $0.contains("仮定 fujitsu-japan=1: 遅延する事務") })
    let counts = line.split(separator: "、")[0].split(separator: " ").compactMap { Int($0) }
    #expect(counts.count == 2 && counts[1] > counts[0], "\(line)")
  }
}
