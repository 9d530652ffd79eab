import Foundation
import Testing

/// A checker of `migplan schedule --format json` written from the JSON and
/// its documentation alone (docs/reference/schedule.md): it imports nothing
/// of migplan's and knows no calendar, so it checks what the JSON itself
/// implies (a lag of N working days is at least N calendar days).
enum IndependentScheduleCheck {
  static func day(_ text: Any?) -> Int? {
    guard let text = text as? String else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    // Days from civil (Hinnant), written again here on purpose.
    let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
    let era = y / 400
    let yoe = y - era * 400
    let doy = (153 * ((parts[1] + 9) % 12) + 2) / 5 + parts[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func problems(_ json: [String: Any]) -> [String] {
    var problems: [String] = []
    guard let asOf = day(json["asOf"]), let tasks = json["tasks"] as? [[String: Any]],
      let resources = json["resources"] as? [[String: Any]],
      let systems = json["systems"] as? [[String: Any]]
    else { return ["missing top-level fields"] }
    var byId: [String: [String: Any]] = [:]
    for task in tasks {
      guard let id = task["id"] as? String else { return ["task without id"] }
      byId[id] = task
    }
    for task in tasks {
      let id = task["id"] as? String ?? "?"
      guard let start = day(task["start"]), let end = day(task["end"]),
        let status = task["status"] as? String
      else {
        problems.append("\(id): bad dates or status")
        continue
      }
      if end < start { problems.append("\(id): ends before it starts") }
      guard status == "planned" || status == "not-applicable" else { continue }
      if start <= asOf && end > start { problems.append("\(id): planned on or before asOf") }
      for link in task["predecessors"] as? [[String: Any]] ?? [] {
        guard let other = byId[link["task"] as? String ?? ""], let lag = link["lagDays"] as? Int,
          let otherStart = day(other["start"]), let otherEnd = day(other["end"])
        else {
          problems.append("\(id): bad predecessor")
          continue
        }
        let reference = link["type"] as? String == "SS" ? otherStart : otherEnd
        if start < reference + lag {
          problems.append("\(id): breaks its link to \(link["task"] ?? "")")
        }
      }
    }
    // Capacity: distinct systems per resource per day.
    var capacity: [String: Int] = [:]
    for resource in resources {
      if let id = resource["id"] as? String, let value = resource["capacity"] as? Int {
        capacity[id] = value
      }
    }
    var load: [String: [Int: Set<String>]] = [:]
    var facts: [String: [Int: Set<String>]] = [:]
    for task in tasks {
      guard let start = day(task["start"]), let end = day(task["end"]),
        let system = task["system"] as? String
      else { continue }
      let isFact = ["done", "in-progress"].contains(task["status"] as? String ?? "")
      for use in task["resources"] as? [[String: Any]] ?? [] {
        guard let resource = use["id"] as? String else { continue }
        if capacity[resource] == nil { problems.append("unknown resource \(resource)") }
        for moment in stride(from: start, to: end, by: 1) {
          load[resource, default: [:]][moment, default: []].insert(system)
          if isFact { facts[resource, default: [:]][moment, default: []].insert(system) }
        }
      }
    }
    for (resource, days) in load {
      for (moment, holders) in days
      where holders.count > max(capacity[resource] ?? 0, facts[resource]?[moment]?.count ?? 0) {
        problems.append("\(resource) over capacity on day \(moment)")
      }
    }
    for system in systems {
      let id = system["id"] as? String ?? "?"
      guard let goLive = day(system["goLive"]), let deadline = day(system["deadline"]),
        let slack = system["slackDays"] as? Int, let status = system["status"] as? String
      else {
        problems.append("\(id): bad system fields")
        continue
      }
      if slack != deadline - goLive { problems.append("\(id): slackDays is not deadline − goLive") }
      let expected =
        slack < 0
        ? ["late", "done"]
        : slack < (json["atRiskDays"] as? Int ?? 60) ? ["at-risk", "done"] : ["on-track", "done"]
      if !expected.contains(status) {
        problems.append("\(id): status \(status) does not follow from slack \(slack)")
      }
      if !tasks.contains(where: { $0["system"] as? String == id && day($0["start"]) == goLive }) {
        problems.append("\(id): no task starts on its goLive")
      }
    }
    return problems
  }
}
