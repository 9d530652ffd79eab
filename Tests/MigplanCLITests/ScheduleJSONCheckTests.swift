import Foundation
import Testing

@Suite struct ScheduleJSONCheckTests {
  @Test func shinagawaScheduleJSONPassesTheIndependentCheck() throws {
    let run = try CLI.run(["schedule", "--format", "json"])
    #expect(run.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect((json["tasks"] as? [Any])?.count == 17 * 40)
    #expect(IndependentScheduleCheck.problems(json) == [])
  }

  @Test func theIndependentCheckCatchesABrokenSchedule() throws {
    let run = try CLI.run(["schedule", "--format", "json"])
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    var tasks = try #require(json["tasks"] as? [[String: Any]])
    let index = try #require(tasks.firstIndex { $0["id"] as? String == "koseki/18.1" })
    tasks[index]["start"] = "2024-06-03"
    tasks[index]["end"] = "2024-06-04"
    json["tasks"] = tasks
    let problems = IndependentScheduleCheck.problems(json)
    #expect(problems.contains { $0.contains("koseki/18.1: breaks its link") })
    #expect(problems.contains { $0.contains("koseki: no task starts on its goLive") })
  }
}
