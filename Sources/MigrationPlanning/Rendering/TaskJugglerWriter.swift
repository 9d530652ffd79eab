/// A TaskJuggler 3 project (`.tjp`) of one plan's or a portfolio's
/// schedule, which `tj3` schedules itself: the working-day calendar
/// (Monday to Friday, the catalog's holidays and the New Year closure as
/// `leaves holiday`), a task per step under a task per system under a task
/// per municipality, the links with their types and gaps, the staff of
/// each municipality and each vendor resource as a group of as many
/// members as its capacity, and the recorded facts as fixed dates.
///
/// The nearest equivalent of what TaskJuggler cannot say
/// (docs/reference/export-tjp.md):
/// - migplan's capacity counts systems: a system holds one unit of a
///   resource from its first step to its go-live. TaskJuggler allocates
///   per task: each step not yet done takes one member of each group it
///   needs for its length (`effort` of days × groups, every allocation
///   `mandatory`, so the members work together), so parallel steps of one
///   system take two units where migplan takes one, and a system holds no
///   unit between its steps.
/// - budgets, a vendor's earliest start and go-live blackouts are not
///   exported: TaskJuggler would need them as fixed-date predecessors and
///   has no window a task may not end in.
/// - a start-to-start link to a step still to schedule waits for that
///   step's end: tj3 refuses a start-to-start link to a task whose start
///   its resources move ("could not be met"). Links to recorded facts keep
///   their type.
/// - steps done, and steps in progress, keep their dates (`start`, `end`);
///   steps not started may not start before the as-of date (a milestone
///   they depend on).
public enum TaskJugglerWriter {
  /// One municipality's plan and its schedule.
  public struct Member: Sendable {
    /// The plan.
    public var plan: Plan
    /// Its schedule (with tasks).
    public var schedule: MigrationSchedule

    /// A member of the project.
    public init(plan: Plan, schedule: MigrationSchedule) {
      self.plan = plan
      self.schedule = schedule
    }
  }

  /// The days tj3 accepts in a project (its calendar runs 1970 to 2035).
  public static let acceptedDays: ClosedRange<CivilDate> =
    CivilDate(dayNumber: 0)...CivilDate(dayNumber: 24_105)

  /// The first date of the schedules that tj3 would refuse, if any.
  public static func outOfRange(_ members: [Member]) -> CivilDate? {
    var dates: [CivilDate] = []
    for member in members {
      dates.append(member.schedule.asOf)
      for task in member.schedule.tasks { dates += [task.start, task.end] }
    }
    return dates.filter { !acceptedDays.contains($0) }.min()
  }

  /// The project's text. `report`, when given, names a CSV report of every
  /// task's id, start and end that `tj3` writes.
  public static func project(_ members: [Member], catalog: Catalog, report: String? = "tasks")
    -> String
  {
    let asOf = members.map(\.schedule.asOf).max() ?? CivilDate(dayNumber: 0)
    let tasks = members.flatMap(\.schedule.tasks)
    let first = tasks.map(\.start).min() ?? asOf
    let last = max(tasks.map(\.end).max() ?? asOf, asOf)
    // Room to schedule later than migplan did, within the years tj3
    // knows (to 2035).
    let end = CivilDate(year: min(last.year + 10, 2035), month: 12, day: 31) ?? last
    let title =
      members.count == 1
      ? ProjectWords.projectName(members[0].plan.municipality)
      : ProjectWords.portfolioName(members.count)
    var out = """
      project migplan \(quote(title)) \(first.iso) - \(end.iso) {
        timezone "UTC"
        timeformat "%Y-%m-%d"
        dailyworkinghours 8
        workinghours mon - fri 9:00 - 12:00, 13:00 - 18:00
        workinghours sat, sun off
        now \(asOf.iso)
      }

      """
    // Holidays and closures: every weekday the catalog's calendar does not work.
    for (from, to) in MSPDIWriter.closedRuns(catalog.calendar, from: first, to: end) {
      let name = catalog.calendar.holidays[from.dayNumber] ?? ProjectWords.dayOff
      out += "leaves holiday \(quote(name)) \(from.iso) +\(from.days(to: to) + 1)d\n"
    }
    out += "\n"
    let groups = resourceGroups(members)
    out += groups.text
    out += """
      task asof "\(ProjectWords.afterAsOf)" {
        start \(asOf.adding(days: 1).iso)
        milestone
      }

      """
    for (index, member) in members.enumerated() {
      out += memberTask(member, number: index, groups: groups.ids, catalog: catalog)
    }
    if let report {
      out += """
        taskreport \(identifier(report)) \(quote(report)) {
          formats csv
          columns id, start, end
        }

        """
    }
    return out
  }

  /// The resource groups: one per municipality's staff and per vendor
  /// resource, keyed `INDEX:staff…` and `shared:vendor:…`, and their text.
  static func resourceGroups(_ members: [Member]) -> (
    ids: [String: (id: String, size: Int)], text: String
  ) {
    var out = ""
    var vendorCapacity: [(String, Int)] = []
    for member in members {
      for resource in member.schedule.resources where !ResourceKey.isStaff(resource.id) {
        if !vendorCapacity.contains(where: { $0.0 == resource.id }) {
          vendorCapacity.append((resource.id, resource.capacity))
        }
      }
    }
    var groups: [String: (id: String, size: Int)] = [:]
    for (index, member) in members.enumerated() {
      for resource in member.schedule.resources where ResourceKey.isStaff(resource.id) {
        let id = "m\(index + 1)_" + identifier(resource.id)
        groups["\(index):\(resource.id)"] = (id, resource.capacity)
        out += group(
          id, name: ProjectWords.staff(member.plan.municipality), size: resource.capacity)
      }
    }
    for (number, (resource, capacity)) in vendorCapacity.enumerated() {
      let id = "v\(number + 1)"
      groups["shared:\(resource)"] = (id, capacity)
      out += group(id, name: resource, size: capacity)
    }
    return (groups, out)
  }

  /// One municipality's task: a task per system, a task per step.
  static func memberTask(
    _ member: Member, number index: Int, groups: [String: (id: String, size: Int)],
    catalog: Catalog
  ) -> String {
    let municipality = "m\(index + 1)"
    let systemIndex = Dictionary(
      member.plan.systems.enumerated().map { ($0.element.id, $0.offset + 1) },
      uniquingKeysWith: { a, _ in a })
    func path(_ task: String) -> String {
      let parts = task.split(separator: "/", maxSplits: 1).map(String.init)
      guard parts.count == 2, let system = systemIndex[parts[0]] else { return "asof" }
      return "\(municipality).s\(system).\(stepIdentifier(parts[1]))"
    }
    var out = "task \(municipality) \(quote(member.plan.municipality)) {\n"
    let fixed = Set(member.schedule.tasks.filter { $0.status != .planned }.map(\.id))
    let byTask = Dictionary(grouping: member.schedule.tasks, by: \.system)
    for system in member.plan.systems {
      guard let number = systemIndex[system.id], let steps = byTask[system.id] else {
        continue
      }
      out += "  task s\(number) \(quote(system.name)) {\n"
      // What migplan scheduled, for comparison with tj3's schedule.
      if let outcome = member.schedule.outcome(system.id) {
        let lastDay = (steps.map(\.end).max() ?? outcome.goLive).adding(days: -1)
        out += "    # migplan: last day \(lastDay.iso), deadline \(outcome.deadline.iso)\n"
      }
      for task in steps {
        out += "    task \(stepIdentifier(task.step)) \(quote(task.step)) {\n"
        out += stepBody(
          task,
          days: MSPDIWriter.workingDays(
            from: task.start, to: task.end, calendar: catalog.calendar),
          fixed: fixed, path: path
        ) { use in
          let key =
            ResourceKey.isStaff(use.resource)
            ? "\(index):\(use.resource)" : "shared:\(use.resource)"
          guard let group = groups[key], group.size > 0 else { return nil }
          return allocation(group.id, size: group.size)
        }
        out += "    }\n"
      }
      out += "  }\n"
    }
    return out + "}\n\n"
  }

  /// A step's lines: a recorded fact's fixed dates; a planned step's
  /// links, and its effort on its resources (`allocation` of each use).
  static func stepBody(
    _ task: ScheduledTask, days: Int, fixed: Set<String>, path: (String) -> String,
    allocation: (ResourceUse) -> String?
  ) -> String {
    var out = ""
    switch task.status {
    case .done, .notApplicable, .inProgress:
      // A recorded fact: fixed dates.
      out += "      start \(task.start.iso)\n"
      if days == 0 {
        out += "      milestone\n"
      } else {
        out += "      end \(task.end.iso)\n"
      }
      if task.status != .inProgress { out += "      complete 100\n" }
    case .planned:
      var depends = ["asof"]
      for link in task.predecessors {
        var options: [String] = []
        // tj3 cannot hold a start-to-start link to a task whose start
        // its resources move ("could not be met"): such a link waits
        // for the predecessor's end; one to a fixed fact keeps its type.
        if link.type == .startToStart && fixed.contains(link.task) {
          options.append("onstart")
        }
        if link.lagDays > 0 { options.append("gaplength \(link.lagDays)d") }
        depends.append(
          path(link.task) + (options.isEmpty ? "" : " { \(options.joined(separator: " ")) }"))
      }
      out += "      depends \(depends.joined(separator: ", "))\n"
      if days == 0 {
        out += "      milestone\n"
      } else {
        // Effort, so the resources bind: k mandatory members work
        // each day, so k × days of effort take `days`.
        let allocations = task.resources.compactMap(allocation)
        if allocations.isEmpty {
          out += "      length \(days)d\n"
        } else {
          out += "      effort \(days * allocations.count)d\n"
          for line in allocations { out += "      \(line)\n" }
        }
      }
    }
    return out
  }

  /// A resource group of `size` members.
  static func group(_ id: String, name: String, size: Int) -> String {
    var text = "resource \(id) \(quote(name)) {\n"
    for member in 1...max(size, 1) {
      text += "  resource \(id)_\(member) \(quote("\(name) \(member)"))\n"
    }
    return text + "}\n"
  }

  /// One member of a group, whichever is free, kept for the whole task.
  static func allocation(_ id: String, size: Int) -> String {
    let alternatives =
      size > 1
      ? "alternative " + (2...size).map { "\(id)_\($0)" }.joined(separator: ", ") + " " : ""
    return "allocate \(id)_1 { \(alternatives)select minloaded persistent mandatory }"
  }

  /// `t1_1` for step `1.1`.
  static func stepIdentifier(_ step: String) -> String { "t" + identifier(step) }

  /// Letters, digits and `_` only.
  static func identifier(_ text: String) -> String {
    String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
  }

  /// A TaskJuggler string: in double quotes, with `"` and `\` escaped,
  /// line breaks made spaces, and `${` written `$ {` (tj3 would expand it
  /// as a macro).
  static func quote(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n", "\r", "\r\n", "\t": escaped += " "
      default: escaped.append(character)
      }
    }
    // tj3 expands `${name}` inside strings as a macro: break the pair.
    return "\"\(escaped.replacingOccurrences(of: "${", with: "$ {"))\""
  }
}
