import MigrationPlanningTestSupport
import Testing

@testable import MigrationPlanning

/// Re-planning repairs the committed schedule (issue #25). Properties on
/// Shinagawa and on generated plans, over random sequences of recordings
/// that leave the as-of date unchanged; after each recording the result is
/// committed, as `migplan record` does.
@Suite struct CommittedScheduleTests {
  /// A plan with its inputs, scheduled and committed as `import` would.
  struct Subject {
    var plan: Plan
    var catalog: Catalog
    var vendors: VendorDirectory
    var settings: SearchSettings

    func schedule(method: SchedulingMethod = .repair) -> MigrationSchedule? {
      var scheduler = MigrationScheduler(
        catalog: catalog, plan: plan, vendors: vendors, settings: settings)
      scheduler.method = method
      return scheduler.schedule(diagnostics: DiagnosticCollector())
    }

    /// Schedules and commits, as `record` does; returns what it committed.
    mutating func commit() throws -> MigrationSchedule {
      let schedule = try #require(self.schedule())
      plan.committed = CommittedSchedule(schedule: schedule, planDigest: "0000000000000000")
      return schedule
    }
  }

  static func shinagawa() -> Subject {
    Subject(
      plan: Shipped.inputs.plan, catalog: Shipped.catalog, vendors: Shipped.inputs.vendors,
      settings: MigrationScheduler.defaultSettings)
  }

  static func generated(_ seed: Int) -> Subject {
    Subject(
      plan: GeneratedPlans.plan(seed: UInt64(seed), catalog: Shipped.catalog),
      catalog: Shipped.catalog, vendors: .empty,
      settings: SearchSettings(scheduleBudget: 8, populationSize: 4, seed: UInt64(seed)))
  }

  static var subjects: [(String, () -> Subject)] {
    [("shinagawa", shinagawa)] + (1...24).map { seed in ("generated \(seed)", { generated(seed) }) }
  }

  /// Planned tasks (not facts, not milestones of no length) of a schedule.
  static func planned(_ schedule: MigrationSchedule) -> [ScheduledTask] {
    schedule.tasks.filter { $0.status == .planned && $0.end > $0.start }
  }

  /// A piece of good news for `subject`, chosen by `random`: a planned
  /// step recorded done before the as-of date, a capacity raised, or a
  /// deadline relaxed. Returns what it did.
  static func goodNews(
    _ subject: inout Subject, _ schedule: MigrationSchedule, _ random: inout SplitMix64
  ) -> String {
    let plan = subject.plan
    let calendar = subject.catalog.calendar
    switch random.below(4) {
    case 0, 1:
      let candidates = planned(schedule)
      guard !candidates.isEmpty else { return "nothing planned" }
      let task = candidates[random.below(candidates.count)]
      let end = calendar.workingDay(onOrBefore: plan.asOf)
      let start = calendar.workingDay(onOrBefore: end.adding(days: -(1 + random.below(20))))
      record(&subject.plan, task, .done, start: start, end: end)
      return "\(task.id) done \(start.iso)–\(end.iso)"
    case 2:
      // A vendor the plan gives a capacity (others take their spec sheet's).
      let given = plan.vendors.indices.filter { plan.vendors[$0].capacity != nil }
      if !given.isEmpty && random.below(2) == 0 {
        let index = given[random.below(given.count)]
        subject.plan.vendors[index].capacity = (plan.vendors[index].capacity ?? 0) + 1
        return "vendor \(plan.vendors[index].id) +1"
      }
      subject.plan.staffCapacity += 1
      return "staff +1"
    default:
      let index = random.below(plan.systems.count)
      let later = plan.deadline(for: plan.systems[index]).adding(days: 365)
      subject.plan.systems[index].tokuteiDeadline = later
      return "\(plan.systems[index].id) deadline \(later.iso)"
    }
  }

  static func record(
    _ plan: inout Plan, _ task: ScheduledTask, _ status: StepStatus, start: CivilDate,
    end: CivilDate?
  ) {
    guard let system = plan.systems.firstIndex(where: { $0.id == task.system }) else { return }
    let record = StepRecord(
      step: task.step, status: status, start: start, end: end, location: plan.location)
    if let existing = plan.systems[system].steps.firstIndex(where: { $0.step == task.step }) {
      plan.systems[system].steps[existing] = record
    } else {
      plan.systems[system].steps.append(record)
    }
  }

  /// Property 1: good news never delays any system.
  @Test(arguments: 0..<25)
  func goodNewsNeverDelaysAnySystem(subjectIndex: Int) throws {
    var subject = Self.subjects[subjectIndex].1()
    var random = SplitMix64(seed: UInt64(subjectIndex) &* 31 &+ 7)
    var before = try subject.commit()
    for round in 0..<6 {
      let news = Self.goodNews(&subject, before, &random)
      let after = try #require(subject.schedule())
      for outcome in after.systems {
        let old = try #require(before.outcome(outcome.id))
        #expect(
          outcome.goLive <= old.goLive,
          "\(Self.subjects[subjectIndex].0) round \(round) (\(news)): \(outcome.id) \(old.goLive.iso) → \(outcome.goLive.iso)"
        )
      }
      before = try subject.commit()
    }
  }

  /// Property 3, and nothing moves when nothing changed: the same facts
  /// and committed schedule give the same schedule, which is the one
  /// committed.
  @Test(arguments: 0..<25)
  func nothingChangedNothingMoves(subjectIndex: Int) throws {
    var subject = Self.subjects[subjectIndex].1()
    let committed = try subject.commit()
    let first = try #require(subject.schedule())
    let second = try #require(subject.schedule())
    #expect(first.tasks.map(\.start) == committed.tasks.map(\.start))
    #expect(first.tasks.map(\.start) == second.tasks.map(\.start))
    #expect(first.placementOrder == second.placementOrder)
  }

  /// Property 2: bad news moves only what it reaches. A step due to start
  /// now is recorded in progress past its committed end; a system moves
  /// later only when it is reached from that step through links, its own
  /// later steps, or a resource it shares with a reached task whose new
  /// dates overlap its committed dates (transitively).
  @Test(arguments: 0..<25)
  func badNewsMovesOnlyWhatItReaches(subjectIndex: Int) throws {
    var subject = Self.subjects[subjectIndex].1()
    var random = SplitMix64(seed: UInt64(subjectIndex) &* 131 &+ 3)
    for round in 0..<4 {
      let before = try subject.commit()
      let release = before.tasks.filter { $0.status == .planned }.map(\.start).min()
      let starting = Self.planned(before).filter { $0.start == release }
      guard !starting.isEmpty else { return }
      let task = starting[random.below(starting.count)]
      let end = task.end.adding(days: 20 + random.below(60))
      Self.record(&subject.plan, task, .inProgress, start: subject.plan.asOf, end: end)
      let after = try #require(subject.schedule())
      let reached = Self.reached(from: task.id, before: before, after: after)
      for outcome in after.systems {
        let old = try #require(before.outcome(outcome.id))
        if outcome.goLive > old.goLive {
          #expect(
            reached.contains(outcome.id),
            "\(Self.subjects[subjectIndex].0) round \(round) (\(task.id) to \(end.iso)): \(outcome.id) moved \(old.goLive.iso) → \(outcome.goLive.iso) unreached"
          )
        }
      }
    }
  }

  /// The systems reached from `root`: through links, a system's later
  /// steps, and shared resources whose new dates overlap committed ones.
  static func reached(from root: String, before: MigrationSchedule, after: MigrationSchedule)
    -> Set<String>
  {
    let old = Dictionary(before.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var reached: Set<String> = [root]
    var changed = true
    while changed {
      changed = false
      for task in after.tasks where !reached.contains(task.id) {
        guard let committed = old[task.id] else { continue }
        let byLink = task.predecessors.contains { reached.contains($0.task) }
        let bySystem = after.tasks.contains { other in
          other.system == task.system && reached.contains(other.id)
            && (old[other.id]?.start ?? other.start) <= committed.start
        }
        let resources = Set(task.resources.map(\.resource))
        let byResource = after.tasks.contains { other in
          reached.contains(other.id) && other.end > committed.start
            && other.start < max(committed.end, committed.start.adding(days: 1))
            && other.resources.contains { resources.contains($0.resource) }
        }
        if byLink || bySystem || byResource {
          reached.insert(task.id)
          changed = true
        }
      }
    }
    return Set(after.tasks.filter { reached.contains($0.id) }.map(\.system))
  }

  /// The example of issue #25 on Shinagawa: a step recorded done early
  /// moves no system later.
  @Test func theIssuesExampleMovesNothingLater() throws {
    var subject = Self.shinagawa()
    subject.plan.asOf = day(2026, 12, 2)
    let before = try subject.commit()
    let task = try #require(before.task("koseki/13.1"))
    Self.record(
      &subject.plan, task, .done, start: day(2026, 10, 1), end: day(2026, 12, 2))
    let after = try #require(subject.schedule())
    for outcome in after.systems {
      let old = try #require(before.outcome(outcome.id))
      #expect(
        outcome.goLive <= old.goLive, "\(outcome.id) \(old.goLive.iso) → \(outcome.goLive.iso)")
    }
    let koseki = try #require(after.outcome("koseki"))
    let committedKoseki = try #require(before.outcome("koseki"))
    #expect(koseki.goLive < committedKoseki.goLive)
  }

  /// Optimising never does worse than the repair, by the search's measure.
  @Test(arguments: 0..<10)
  func optimizingIsNeverWorse(subjectIndex: Int) throws {
    var subject = Self.subjects[subjectIndex].1()
    var random = SplitMix64(seed: UInt64(subjectIndex) &+ 99)
    var schedule = try subject.commit()
    for _ in 0..<3 {
      _ = Self.goodNews(&subject, schedule, &random)
      schedule = try subject.commit()
    }
    let repaired = try #require(subject.schedule())
    let optimized = try #require(subject.schedule(method: .optimize))
    let late = { (s: MigrationSchedule) in s.systems.map(\.daysLate).reduce(0, +) }
    #expect(late(optimized) <= late(repaired))
  }

  /// A committed schedule round-trips through its file.
  @Test func theFileRoundTrips() throws {
    var subject = Self.shinagawa()
    let schedule = try subject.commit()
    let committed = CommittedSchedule(schedule: schedule, planDigest: "0123456789abcdef")
    let diagnostics = DiagnosticCollector()
    let read = CommittedLoader.load(
      bytes: Array(CommittedWriter.xml(committed).utf8), path: "committed.xml",
      diagnostics: diagnostics)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted)")
    #expect(read == committed)
  }

  /// Hostile or broken committed files are refused with located errors;
  /// the loader never trusts them.
  @Test(arguments: [
    (
      "<committed xmlns=\"urn:migplan:committed:1\" asOf=\"2026-12-02\" plan=\"zz\"/>",
      "bad-identifier"
    ),
    (
      "<committed xmlns=\"urn:migplan:committed:1\" asOf=\"2026-13-02\" plan=\"0123456789abcdef\"/>",
      "bad-date"
    ),
    (
      "<committed xmlns=\"urn:migplan:committed:1\" asOf=\"2026-12-02\" plan=\"0123456789abcdef\"><task id=\"a\" start=\"2027-01-01\"/></committed>",
      "bad-identifier"
    ),
    (
      "<committed xmlns=\"urn:migplan:committed:1\" asOf=\"2026-12-02\" plan=\"0123456789abcdef\"><task id=\"a/1\" start=\"2027-01-01\"/><task id=\"a/1\" start=\"2027-01-02\"/></committed>",
      "duplicate-id"
    ),
    (
      "<!DOCTYPE committed [<!ENTITY x \"y\">]><committed xmlns=\"urn:migplan:committed:1\"/>",
      "xml-doctype"
    ),
    ("<baseline xmlns=\"urn:migplan:baseline:1\"/>", "wrong-root"),
  ])
  func brokenFilesAreRefused(text: String, id: String) {
    let diagnostics = DiagnosticCollector()
    let read = CommittedLoader.load(
      bytes: Array(text.utf8), path: "committed.xml", diagnostics: diagnostics)
    #expect(read == nil)
    #expect(diagnostics.sorted.contains { $0.id == id }, "\(diagnostics.sorted.map(\.description))")
  }

  /// A committed schedule naming tasks the plan no longer has is repaired
  /// with a warning that names them; the rest is kept.
  @Test func aStaleCommittedScheduleIsRepaired() throws {
    var subject = Self.shinagawa()
    let schedule = try subject.commit()
    var committed = CommittedSchedule(schedule: schedule, planDigest: "0123456789abcdef")
    committed.tasks.append(.init(id: "gone/9.1", start: day(2027, 1, 4)))
    let diagnostics = DiagnosticCollector()
    let fitted = CommittedLoader.fitted(
      committed, to: subject.plan, template: subject.catalog.template, edited: true,
      file: "committed.xml", diagnostics: diagnostics)
    #expect(fitted.tasks.count == committed.tasks.count - 1)
    let warning = try #require(diagnostics.sorted.first)
    #expect(warning.id == "committed-repaired")
    #expect(warning.message.contains("gone/9.1"))
    #expect(warning.message.contains("plan.xml was changed"))
  }
}

/// A proposal's steps from its notice to its contract run back to back
/// (issue #25): resource contention never inserts months between the
/// notice and the questions.
@Suite struct ProposalBlockTests {
  static let block = ["9.1", "9.2", "9.3", "10.1", "10.2"]

  /// Steps that do not follow on the next working day (from a step not
  /// done nor skipped: a block whose notice is long done, or not applicable,
  /// starts again when the staff are free).
  static func check(_ schedule: MigrationSchedule, plan: Plan) -> [String] {
    let calendar = Shipped.catalog.calendar
    var gaps: [String] = []
    for system in plan.systems where system.procurement != .negotiated {
      let tasks = schedule.tasks(of: system.id)
      for (before, after) in zip(block, block.dropFirst()) {
        guard let first = tasks.first(where: { $0.step == before }),
          let second = tasks.first(where: { $0.step == after }),
          first.status == .planned || first.status == .inProgress, second.status == .planned
        else { continue }
        if second.start != calendar.workingDay(onOrAfter: first.end) {
          gaps.append(
            "\(system.id): \(before) ends \(first.end.iso), \(after) starts \(second.start.iso)")
        }
      }
    }
    return gaps
  }

  @Test(arguments: 0..<25)
  func theNoticeAndTheQuestionsStayTogether(subjectIndex: Int) throws {
    var subject = CommittedScheduleTests.subjects[subjectIndex].1()
    for asOf in [subject.plan.asOf, day(2026, 12, 2)] where asOf >= subject.plan.asOf {
      subject.plan = subject.plan.replanned(from: asOf)
      let schedule = try #require(subject.schedule())
      let gaps = Self.check(schedule, plan: subject.plan)
      #expect(
        gaps.isEmpty,
        "\(CommittedScheduleTests.subjects[subjectIndex].0) as of \(asOf.iso): \(gaps.prefix(3))")
    }
  }

  /// The issue's case: Shinagawa as of 2026-12-02, 戸籍's notice and its
  /// question deadline are days apart, not six months.
  @Test func shinagawaAsOfTodayKeepsItsCalendar() throws {
    let inputs = Shipped.inputs
    let plan = inputs.plan.replanned(from: day(2026, 12, 2))
    let schedule = try #require(
      MigrationScheduler(catalog: inputs.catalog, plan: plan, vendors: inputs.vendors)
        .schedule(diagnostics: DiagnosticCollector()))
    let report = ProposalReport(
      plan: plan, catalog: inputs.catalog, schedule: schedule, includeNegotiated: false)
    let koseki = try #require(report.entries.first { $0.system == "koseki" })
    let notice = try #require(koseki.milestones.first { $0.kind == .notice })
    let questions = try #require(koseki.milestones.first { $0.kind == .questionDeadline })
    #expect(
      notice.date.days(to: questions.date) <= 14, "\(notice.date.iso) → \(questions.date.iso)")
  }
}
