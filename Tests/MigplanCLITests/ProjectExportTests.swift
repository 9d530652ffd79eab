import Foundation
import Testing

/// `export mspdi` and `export tjp` (#16), opened by the programs that own
/// the formats: MPXJ (Java, through its Python package) reads the MS
/// Project file, and TaskJuggler's `tj3` schedules the project. Both come
/// with `./test` (scripts/setup.sh --test).
@Suite(.serialized) struct ProjectExportTests {
  static let python = CLI.repository + "/.build/test-venv/bin/python"
  static let reader = CLI.repository + "/Tests/MigplanCLITests/Interchange/read_mspdi.py"

  struct Facts: Decodable {
    struct Link: Decodable {
      var from: String
      var to: String
      var type: String
      var lag: String
    }
    struct Resource: Decodable {
      var name: String
      var maxUnits: Double
    }
    struct Task: Decodable {
      var name: String
      var start: String
      var finish: String
      var percent: Double
      var baselineStart: String?
    }
    var leaves: Int
    var summaries: Int
    var systems: [String]
    var links: [Link]
    var resources: [Resource]
    var assignments: Int
    var exceptions: Int
    var tasks: [Task]
  }

  struct Schedule: Decodable {
    struct Predecessor: Decodable {
      var task: String
      var type: String
      var lagDays: Int
    }
    struct Use: Decodable { var id: String }
    struct Task: Decodable {
      var id: String
      var start: String
      var status: String
      var predecessors: [Predecessor]
      var resources: [Use]
    }
    struct Resource: Decodable {
      var id: String
      var capacity: Int
    }
    var tasks: [Task]
    var resources: [Resource]
  }

  static func schedule(_ arguments: [String] = []) throws -> Schedule {
    let run = try CLI.run(["schedule", "--format", "json"] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONDecoder().decode(Schedule.self, from: Data(run.stdout.utf8))
  }

  static func read(_ path: String) throws -> Facts {
    let run = try CLI.run([reader, path], executable: python)
    #expect(run.status == 0, "MPXJ: \(run.stderr)")
    return try JSONDecoder().decode(Facts.self, from: Data(run.stdout.utf8))
  }

  @Test func mpxjReadsEveryStepLinkAndResource() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let export = try CLI.run(["export", "mspdi", "-o", directory + "/plan.xml"])
    #expect(export.status == 0, "\(export.stderr)")
    let facts = try Self.read(directory + "/plan.xml")
    let schedule = try Self.schedule()
    // Every scheduled step, under its system and step group.
    #expect(facts.leaves == schedule.tasks.count)
    #expect(facts.systems.count == 17)
    #expect(facts.systems.first == "住民税システム")
    #expect(facts.summaries > 17)
    // Every link, with its type and lag.
    let expected = schedule.tasks.flatMap { task in
      task.predecessors.map { "\($0.type) \(Double($0.lagDays))d" }
    }.sorted()
    #expect(facts.links.map { "\($0.type) \($0.lag)" }.sorted() == expected)
    #expect(expected.contains { $0.hasPrefix("SS") })
    #expect(expected.contains { !$0.hasSuffix(" 0.0d") })
    // The staff and each vendor resource, at their capacity.
    #expect(facts.resources.count == schedule.resources.count)
    #expect(
      facts.resources.map(\.maxUnits) == schedule.resources.map { Double($0.capacity * 100) })
    #expect(facts.resources.first?.name == "職員 (品川区)")
    #expect(facts.assignments == schedule.tasks.map(\.resources.count).reduce(0, +))
    // Holidays and the New Year closure are exceptions of the calendar.
    #expect(facts.exceptions > 20)
    // Done steps are complete, at their recorded dates.
    let done = schedule.tasks.filter { $0.status == "done" }
    #expect(facts.tasks.filter { $0.percent == 100 }.count >= done.count)
    let first = try #require(schedule.tasks.first)
    #expect(facts.tasks.first?.start == first.start)
  }

  @Test func aBaselineFillsTheBaselineFields() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try CLI.run(["baseline", "save", "R5-01", "--plan", plan]).status == 0)
    let export = try CLI.run([
      "export", "mspdi", "--plan", plan, "--as-of", "2024-06-30", "--baseline", "R5-01", "-o",
      plan + "/project.xml",
    ])
    #expect(export.status == 0, "\(export.stderr)")
    let facts = try Self.read(plan + "/project.xml")
    #expect(facts.tasks.allSatisfy { $0.baselineStart != nil })
    // In progress at the as-of date: partly complete.
    #expect(facts.tasks.contains { $0.percent > 0 && $0.percent < 100 })
  }

  @Test func tj3SchedulesTheExportedProject() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let export = try CLI.run(["export", "tjp", "-o", directory + "/plan.tjp"])
    #expect(export.status == 0, "\(export.stderr)")
    let run = try CLI.run(
      ["--no-color", "--silent", "-o", directory, directory + "/plan.tjp"],
      directory: directory, executable: "/usr/bin/tj3")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(!run.stderr.contains("Error"), "\(run.stderr)")
    let rows = try String(contentsOfFile: directory + "/tasks.csv", encoding: .utf8)
      .split(separator: "\n")
    let schedule = try Self.schedule()
    // Every step, under its system and municipality, and the as-of milestone.
    #expect(rows.count == 1 + schedule.tasks.count + 17 + 1 + 1)
    // Recorded facts keep their dates.
    let first = try #require(schedule.tasks.first)
    #expect(rows.contains { $0.hasPrefix("\"m1.s1.t1_1\";\"\(first.start)\"") })
  }
}

extension ProjectExportTests {
  /// Names tj3 would misread: quotes, backslashes and `${…}` macros.
  @Test func hostileNamesStayNames() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "name=\"選挙システム\"", with: "name=\"選挙 ${macro} &quot;新&quot; \\ システム\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let export = try CLI.run([
      "export", "tjp", "--plan", plan, "--as-of", "2026-11-27", "-o", plan + "/plan.tjp",
    ])
    #expect(export.status == 0, "\(export.stderr)")
    let text = try String(contentsOfFile: plan + "/plan.tjp", encoding: .utf8)
    #expect(text.contains(#""選挙 $ {macro} \"新\" \\ システム""#))
    let mspdi = try CLI.run(["export", "mspdi", "--plan", plan, "-o", plan + "/plan.xml"])
    #expect(mspdi.status == 0)
    let facts = try Self.read(plan + "/plan.xml")
    #expect(facts.systems.contains("選挙 ${macro} \"新\" \\ システム"))
  }
}
