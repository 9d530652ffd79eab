/// Microsoft Project XML (MSPDI) of a schedule, written with libxml2's
/// writer: a summary task per system and per step group, a leaf task per
/// step with its dates and duration on a working-day calendar that carries
/// the catalog's holidays and the New Year closure, the links with their
/// types (FS, SS) and lags, the staff and each vendor as resources with
/// their capacity as maximum units, and their assignments. Done steps are
/// 100 % complete with their actual dates; a step in progress is as
/// complete as the share of its working days before the as-of date. A
/// baseline's dates go into baseline 0.
///
/// One working day is 8 hours, 09:00–12:00 and 13:00–18:00; MSPDI counts
/// lags in tenths of a minute (4,800 a day).
public enum MSPDIWriter {
  /// The project file of `schedule`: the project's header and calendar,
  /// its outline of tasks, the resources and their assignments.
  public static func project(
    _ schedule: MigrationSchedule, plan: Plan, catalog: Catalog, baseline: Baseline?
  ) -> [UInt8] {
    let calendar = catalog.calendar
    let (rows, leafUID) = outline(schedule, plan: plan, catalog: catalog, baseline: baseline)
    let first = rows.map(\.start).min() ?? schedule.asOf
    let last = rows.map(\.end).max() ?? schedule.asOf

    let xml = XMLDocumentWriter(indent: true)
    xml.start("Project", ["xmlns": "http://schemas.microsoft.com/project"])
    xml.element("SaveVersion", text: "14")
    xml.element("Name", text: ProjectWords.projectName(plan.municipality))
    xml.element("Title", text: ProjectWords.projectName(plan.municipality))
    xml.element("ScheduleFromStart", text: "1")
    xml.element("StartDate", text: start(first))
    xml.element("FinishDate", text: finish(last, calendar: calendar))
    xml.element("CalendarUID", text: "1")
    xml.element("DefaultStartTime", text: "09:00:00")
    xml.element("DefaultFinishTime", text: "18:00:00")
    xml.element("MinutesPerDay", text: "480")
    xml.element("MinutesPerWeek", text: "2400")
    xml.element("DaysPerMonth", text: "20")
    xml.element("StatusDate", text: start(schedule.asOf))
    xml.element("CurrentDate", text: start(schedule.asOf))
    writeCalendar(xml, calendar, from: first, to: last)
    xml.start("Tasks")
    // Task 0: the project's summary.
    xml.start("Task")
    xml.element("UID", text: "0")
    xml.element("ID", text: "0")
    xml.element("Name", text: plan.municipality)
    xml.element("OutlineNumber", text: "0")
    xml.element("OutlineLevel", text: "0")
    xml.element("Summary", text: "1")
    xml.element("Start", text: start(first))
    xml.element("Finish", text: finish(last, calendar: calendar))
    xml.end()
    var outline = [0, 0, 0]
    for row in rows {
      outline[row.level - 1] += 1
      for deeper in row.level..<outline.count { outline[deeper] = 0 }
      writeTask(
        xml, row, number: outline.prefix(row.level).map(String.init).joined(separator: "."),
        leafUID: leafUID, asOf: schedule.asOf, calendar: calendar)
    }
    xml.end()
    writeResources(xml, rows: rows, resources: schedule.resources, plan: plan)
    xml.end()
    return xml.finish()
  }

  /// The outline: systems in plan order, groups in template order, steps;
  /// each row with its baseline dates (a summary's span its steps'), and
  /// each step's row id.
  static func outline(
    _ schedule: MigrationSchedule, plan: Plan, catalog: Catalog, baseline: Baseline?
  ) -> (rows: [Row], leafUID: [String: Int]) {
    let stepNames = Dictionary(
      catalog.template.steps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let systemNames = Dictionary(
      plan.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let baselineTasks: [String: (start: CivilDate, end: CivilDate)] = Dictionary(
      (baseline?.systems ?? []).flatMap { system in
        system.tasks.map { ("\(system.id)/\($0.step)", (start: $0.start, end: $0.end)) }
      }, uniquingKeysWith: { a, _ in a })
    // A summary's baseline spans its steps' baselines.
    func kept(_ members: [ScheduledTask]) -> (start: CivilDate, end: CivilDate)? {
      let dates = members.compactMap { baselineTasks[$0.id] }
      guard let start = dates.map(\.start).min(), let end = dates.map(\.end).max() else {
        return nil
      }
      return (start, end)
    }
    var rows: [Row] = []
    var leafUID: [String: Int] = [:]
    let byTask = Dictionary(grouping: schedule.tasks, by: \.system)
    for outcome in schedule.systems {
      let tasks = byTask[outcome.id] ?? []
      guard !tasks.isEmpty else { continue }
      var systemRow = Row(
        uid: rows.count + 1, name: systemNames[outcome.id] ?? outcome.id, level: 1, summary: true,
        start: tasks.map(\.start).min() ?? outcome.goLive,
        end: tasks.map(\.end).max() ?? outcome.goLive)
      systemRow.baseline = kept(tasks)
      rows.append(systemRow)
      let groups = Dictionary(grouping: tasks) { stepNames[$0.step]?.group ?? 0 }
      for number in groups.keys.sorted() {
        let members = groups[number] ?? []
        var groupRow = Row(
          uid: rows.count + 1,
          name: "\(number) " + (catalog.template.group(number)?.name ?? ""), level: 2,
          summary: true, start: members.map(\.start).min() ?? outcome.goLive,
          end: members.map(\.end).max() ?? outcome.goLive)
        groupRow.baseline = kept(members)
        rows.append(groupRow)
        for task in members {
          leafUID[task.id] = rows.count + 1
          var row = Row(
            uid: rows.count + 1, name: "\(task.step) " + (stepNames[task.step]?.name ?? ""),
            level: 3, summary: false, start: task.start, end: task.end)
          row.task = task
          row.baseline = baselineTasks[task.id]
          rows.append(row)
        }
      }
    }
    return (rows, leafUID)
  }

  /// One task: its outline place, dates and duration; a step's progress,
  /// actual dates, constraint and links; baseline 0.
  static func writeTask(
    _ xml: XMLDocumentWriter, _ row: Row, number: String, leafUID: [String: Int],
    asOf: CivilDate, calendar: WorkingCalendar
  ) {
    let days = workingDays(from: row.start, to: row.end, calendar: calendar)
    xml.start("Task")
    xml.element("UID", text: String(row.uid))
    xml.element("ID", text: String(row.uid))
    xml.element("Name", text: row.name)
    xml.element("Type", text: "1")
    xml.element("OutlineNumber", text: number)
    xml.element("OutlineLevel", text: String(row.level))
    xml.element("Start", text: start(row.start))
    xml.element("Finish", text: days == 0 ? start(row.start) : finish(row.end, calendar: calendar))
    xml.element("Duration", text: duration(days))
    xml.element("DurationFormat", text: "7")
    xml.element("Milestone", text: days == 0 && !row.summary ? "1" : "0")
    xml.element("Summary", text: row.summary ? "1" : "0")
    if let task = row.task {
      let complete = percentComplete(task, asOf: asOf, days: days, calendar: calendar)
      xml.element("PercentComplete", text: String(complete))
      if task.status != .planned {
        xml.element("ActualStart", text: start(task.start))
      }
      if task.status == .done || task.status == .notApplicable {
        xml.element(
          "ActualFinish",
          text: days == 0 ? start(task.start) : finish(task.end, calendar: calendar))
      }
      // Steps not yet done start as soon as their links allow.
      xml.element("ConstraintType", text: task.status == .planned ? "0" : "2")
      if task.status != .planned { xml.element("ConstraintDate", text: start(task.start)) }
      for link in task.predecessors {
        guard let predecessor = leafUID[link.task] else { continue }
        xml.start("PredecessorLink")
        xml.element("PredecessorUID", text: String(predecessor))
        xml.element("Type", text: link.type == .startToStart ? "3" : "1")
        xml.element("CrossProject", text: "0")
        xml.element("LinkLag", text: String(link.lagDays * 4800))
        xml.element("LagFormat", text: "7")
        xml.end()
      }
    }
    // Baseline 0: a step's kept dates; a summary's span of its steps'.
    if let kept = row.baseline {
      let keptDays = workingDays(from: kept.start, to: kept.end, calendar: calendar)
      xml.start("Baseline")
      xml.element("Number", text: "0")
      xml.element("Start", text: start(kept.start))
      xml.element(
        "Finish", text: keptDays == 0 ? start(kept.start) : finish(kept.end, calendar: calendar))
      xml.element("Duration", text: duration(keptDays))
      xml.element("DurationFormat", text: "7")
      xml.end()
    }
    xml.end()
  }

  /// Resources (the staff and each vendor's shared resource, their
  /// capacity as maximum units) and each step's assignments.
  static func writeResources(
    _ xml: XMLDocumentWriter, rows: [Row], resources: [ScheduleResource], plan: Plan
  ) {
    let resourceUID = Dictionary(
      resources.enumerated().map { ($0.element.id, $0.offset + 1) },
      uniquingKeysWith: { a, _ in a })
    xml.start("Resources")
    for (index, resource) in resources.enumerated() {
      xml.start("Resource")
      xml.element("UID", text: String(index + 1))
      xml.element("ID", text: String(index + 1))
      xml.element("Name", text: resourceName(resource.id, plan: plan))
      xml.element("Type", text: "1")
      xml.element("Initials", text: resource.id)
      xml.element("MaxUnits", text: JSONValue.decimalText(Double(resource.capacity), digits: 2))
      xml.element("CalendarUID", text: "1")
      xml.end()
    }
    xml.end()
    xml.start("Assignments")
    var assignment = 1
    for row in rows {
      guard let task = row.task else { continue }
      for use in task.resources {
        guard let resource = resourceUID[use.resource] else { continue }
        xml.start("Assignment")
        xml.element("UID", text: String(assignment))
        xml.element("TaskUID", text: String(row.uid))
        xml.element("ResourceUID", text: String(resource))
        xml.element("Units", text: JSONValue.decimalText(Double(use.units), digits: 2))
        xml.end()
        assignment += 1
      }
    }
    xml.end()
  }

  struct Row {
    var uid: Int
    var name: String
    var level: Int
    var summary: Bool
    var start: CivilDate
    var end: CivilDate
    var task: ScheduledTask?
    var baseline: (start: CivilDate, end: CivilDate)?
  }

  /// The staff, or the vendor's official name (its resource id when the
  /// plan does not know it).
  static func resourceName(_ id: String, plan: Plan) -> String {
    let key = ResourceKey(id: id)
    if key?.isStaff == true { return ProjectWords.staff(plan.municipality) }
    guard let name = key?.vendorId.flatMap({ plan.vendor($0)?.name }) else { return id }
    return key?.productId.map { "\(name) (\($0))" } ?? name
  }

  static func start(_ date: CivilDate) -> String { date.iso + "T09:00:00" }

  /// The end of the last working day before `end` (exclusive).
  static func finish(_ end: CivilDate, calendar: WorkingCalendar) -> String {
    calendar.workingDay(onOrBefore: end.adding(days: -1)).iso + "T18:00:00"
  }

  static func workingDays(from start: CivilDate, to end: CivilDate, calendar: WorkingCalendar)
    -> Int
  {
    var count = 0
    var day = start
    while day < end {
      if calendar.isWorkingDay(day) { count += 1 }
      day = day.adding(days: 1)
    }
    return count
  }

  static func duration(_ days: Int) -> String { "PT\(days * 8)H0M0S" }

  /// Done 100; planned 0; in progress, the share of its working days
  /// before the as-of date.
  static func percentComplete(
    _ task: ScheduledTask, asOf: CivilDate, days: Int, calendar: WorkingCalendar
  ) -> Int {
    switch task.status {
    case .done, .notApplicable: return 100
    case .planned: return 0
    case .inProgress:
      guard days > 0 else { return 0 }
      let elapsed = workingDays(
        from: task.start, to: min(asOf.adding(days: 1), task.end), calendar: calendar)
      return min(99, elapsed * 100 / days)
    }
  }

  /// The standard calendar: Monday to Friday, 8 hours, and each run of
  /// weekdays the catalog's calendar does not work (holidays, 12/29–1/3)
  /// as an exception.
  static func writeCalendar(
    _ xml: XMLDocumentWriter, _ calendar: WorkingCalendar, from first: CivilDate,
    to last: CivilDate
  ) {
    xml.start("Calendars")
    xml.start("Calendar")
    xml.element("UID", text: "1")
    xml.element("Name", text: ProjectWords.calendarName)
    xml.element("IsBaseCalendar", text: "1")
    xml.element("BaseCalendarUID", text: "-1")
    xml.start("WeekDays")
    for day in 1...7 {
      xml.start("WeekDay")
      xml.element("DayType", text: String(day))
      let working = day != 1 && day != 7
      xml.element("DayWorking", text: working ? "1" : "0")
      if working {
        xml.start("WorkingTimes")
        for (from, to) in [("09:00:00", "12:00:00"), ("13:00:00", "18:00:00")] {
          xml.start("WorkingTime")
          xml.element("FromTime", text: from)
          xml.element("ToTime", text: to)
          xml.end()
        }
        xml.end()
      }
      xml.end()
    }
    for (from, to) in closedRuns(calendar, from: first, to: last) {
      xml.start("WeekDay")
      xml.element("DayType", text: "0")
      xml.element("DayWorking", text: "0")
      xml.start("TimePeriod")
      xml.element("FromDate", text: from.iso + "T00:00:00")
      xml.element("ToDate", text: to.iso + "T23:59:00")
      xml.end()
      xml.end()
    }
    xml.end()
    xml.end()
    xml.end()
  }

  /// Runs of weekdays the calendar does not work, first and last day each,
  /// from the start of `first`'s year to the end of `last`'s.
  static func closedRuns(_ calendar: WorkingCalendar, from first: CivilDate, to last: CivilDate)
    -> [(CivilDate, CivilDate)]
  {
    var runs: [(CivilDate, CivilDate)] = []
    guard let begin = CivilDate(year: first.year, month: 1, day: 1),
      let end = CivilDate(year: last.year + 1, month: 1, day: 1)
    else { return runs }
    var day = begin
    while day < end {
      if !day.isWeekend && !calendar.isWorkingDay(day) {
        if let run = runs.last, run.1.adding(days: 1) == day {
          runs[runs.count - 1].1 = day
        } else {
          runs.append((day, day))
        }
      }
      day = day.adding(days: 1)
    }
    return runs
  }
}
