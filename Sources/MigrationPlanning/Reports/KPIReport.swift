/// The standardization figures computed from a plan and its schedule.
public struct StandardizationFigures: Sendable {
  /// How far one step group of an area has come.
  public struct GroupProgress: Sendable {
    /// The group's number (1–18 in the PMO tool).
    public var number: Int
    /// Steps of the group complete (done or not applicable) in every system.
    public var complete: Int
    /// Steps under way in some system.
    public var inProgress: Int
    /// Steps in the group.
    public var total: Int
  }

  /// One area's progress on the PMO tool's 40 steps.
  public struct AreaProgress: Sendable {
    /// The area's catalog id.
    public var area: String
    /// The area's Japanese name.
    public var name: String
    /// The area's names, for `ReportWords` to choose from.
    public var names: AreaName
    /// Per step group, in template order.
    public var groups: [GroupProgress]
    /// Steps done or not applicable for every system serving the area.
    public var complete: Int
    /// Steps in the template (40).
    public var total: Int
    /// The ministry's rate: complete / 40.
    public var officialRate: Double
    /// Done work weighted by each step's planned duration (working days),
    /// over all the work the area's systems plan; not-applicable steps carry
    /// no work.
    public var effortWeightedRate: Double
    /// Whether every system serving the area has gone live.
    public var migrated: Bool
  }

  /// Per area of the plan, in plan order.
  public var areas: [AreaProgress]
  /// Systems live.
  public var systemsDone: Int
  /// Systems on track.
  public var onTrack: Int
  /// Systems at risk.
  public var atRisk: Int
  /// Systems late.
  public var late: Int
  /// Every system of the plan.
  public var systemCount: Int { systemsDone + onTrack + atRisk + late }
  /// Areas whose systems have all gone live.
  public var areasMigrated: Int { areas.filter(\.migrated).count }
  /// The ministry's rate over every area: (done + not applicable) / steps.
  public var officialRate: Double {
    let total = areas.map(\.total).reduce(0, +)
    return total == 0 ? 0 : Double(areas.map(\.complete).reduce(0, +)) / Double(total)
  }
  /// Done steps' planned effort over all steps' planned effort.
  public var effortWeightedRate: Double
  /// ○ when nothing is late or at risk, △ when something is at risk, × when
  /// something is late.
  public var evaluation: KPIEvaluation {
    late > 0 ? .farBehind : atRisk > 0 ? .behind : .onPlan
  }

  /// The figures of a plan and its schedule.
  public init(plan: Plan, catalog: Catalog, schedule: MigrationSchedule) {
    let template = catalog.template
    var doneWork = 0
    var allWork = 0
    areas = plan.areas.map { area in
      let systems = plan.systems(serving: area)
      let groups = template.groups.map { group in
        let steps = template.steps.filter { $0.group == group.number }
        return GroupProgress(
          number: group.number,
          complete: steps.filter { step in
            systems.allSatisfy { $0.status(of: step.id).countsAsComplete }
          }.count,
          inProgress: steps.filter { step in
            systems.contains { $0.status(of: step.id) == .inProgress }
          }.count,
          total: steps.count)
      }
      var areaDone = 0
      var areaAll = 0
      for system in systems {
        for step in template.steps where system.status(of: step.id) != .notApplicable {
          let work = step.duration(for: system.procurement)
          areaAll += work
          if system.status(of: step.id) == .done { areaDone += work }
        }
      }
      let complete = groups.map(\.complete).reduce(0, +)
      let migrated = systems.allSatisfy { schedule.outcome($0.id)?.status == .done }
      return AreaProgress(
        area: area, name: catalog.area(area)?.name ?? area,
        names: AreaName(area, catalog: catalog), groups: groups, complete: complete,
        total: template.steps.count,
        officialRate: template.steps.isEmpty ? 0 : Double(complete) / Double(template.steps.count),
        effortWeightedRate: areaAll == 0 ? 0 : Double(areaDone) / Double(areaAll),
        migrated: migrated)
    }
    for system in plan.systems {
      for step in template.steps where system.status(of: step.id) != .notApplicable {
        let work = step.duration(for: system.procurement)
        allWork += work
        if system.status(of: step.id) == .done { doneWork += work }
      }
    }
    effortWeightedRate = allWork == 0 ? 0 : Double(doneWork) / Double(allWork)
    let statuses = schedule.systems.map(\.status)
    systemsDone = statuses.filter { $0 == .done }.count
    onTrack = statuses.filter { $0 == .onTrack }.count
    atRisk = statuses.filter { $0 == .atRisk }.count
    late = statuses.filter { $0 == .late }.count
  }
}

/// The KPI table of the ward's report: every initiative, each indicator
/// evaluated ○/△/× with its reason. Format-neutral.
public struct KPIReport: Sendable {
  /// One indicator, measured and evaluated.
  public struct IndicatorResult: Sendable {
    /// The indicator's id in the plan.
    public var id: String
    /// Its name.
    public var name: String
    /// The target, as the report states it.
    public var target: String
    /// The progress, as the report states it.
    public var progress: String
    /// ○, △ or ×.
    public var evaluation: KPIEvaluation
    /// Why: the measure against the target and its pro-rata point.
    public var reason: String
    /// Numeric indicators: the value compared and the achievement.
    public var value: Double?
    /// The value as a share of the target (1 = reached), when measurable.
    public var achievement: Double?
    /// When it was measured: its latest measurement's date, the schedule's
    /// as-of date for figures from the schedule, and for statements the
    /// date of the plan's latest measurement (the report they come from).
    public var measuredOn: CivilDate? = nil
  }

  /// One DX initiative and its indicators.
  public struct Row: Sendable {
    /// Its number in the report.
    public var number: Int
    /// Its name.
    public var name: String
    /// The report's policy for it (今後の方針).
    public var policy: String
    /// Its indicators, evaluated.
    public var indicators: [IndicatorResult]
    /// The worst of its indicators.
    public var evaluation: KPIEvaluation { indicators.map(\.evaluation).max() ?? .onPlan }
    /// When it was measured: the latest of its indicators.
    public var measuredOn: CivilDate? { indicators.compactMap(\.measuredOn).max() }
  }

  /// The municipality's name.
  public var municipality: String
  /// The date the indicators are evaluated at.
  public var asOf: CivilDate
  /// Per initiative, in plan order; the standardisation first.
  public var rows: [Row]
  /// The migration's own figures (the 標準化 initiative).
  public var standardization: StandardizationFigures

  /// Evaluates every initiative of the plan at `asOf` (default: the
  /// schedule's status date). The progress migplan writes itself (the
  /// standardisation's) is in the language of `words`.
  public init(
    plan: Plan, catalog: Catalog, schedule: MigrationSchedule, asOf: CivilDate? = nil,
    words: ReportWords = ReportWords(.ja)
  ) {
    municipality = plan.municipality
    let day = asOf ?? plan.asOf
    self.asOf = day
    let figures = StandardizationFigures(plan: plan, catalog: catalog, schedule: schedule)
    standardization = figures
    // Statements carry no date: they are as of the report the plan's
    // measurements come from.
    let reportDate = plan.kpis.flatMap(\.indicators).compactMap { indicator -> CivilDate? in
      guard case .measured(_, let measurements) = indicator.source else { return nil }
      return measurements.filter { $0.date <= day }.map(\.date).max()
    }.max()
    rows = plan.kpis.map { initiative in
      Row(
        number: initiative.number, name: initiative.name, policy: initiative.policy,
        indicators: initiative.indicators.map {
          var result = Self.evaluate($0, on: day, figures: figures, words: words)
          switch $0.source {
          case .measured: break
          case .standardization: result.measuredOn = schedule.asOf
          case .recorded: result.measuredOn = reportDate
          }
          return result
        })
    }
  }

  static func evaluate(
    _ indicator: KPIIndicator, on day: CivilDate, figures: StandardizationFigures,
    words: ReportWords = ReportWords(.ja)
  )
    -> IndicatorResult
  {
    switch indicator.source {
    case .recorded(let evaluation, let reason, let progress):
      return IndicatorResult(
        id: indicator.id, name: indicator.name, target: indicator.targetText, progress: progress,
        evaluation: evaluation, reason: "recorded: " + reason, value: nil, achievement: nil)
    case .standardization:
      let progress = words.standardizationProgress(figures)
      let reason: String
      switch figures.evaluation {
      case .onPlan: reason = "from the schedule: every system meets its deadline"
      case .behind: reason = "from the schedule: \(figures.atRisk) system(s) at risk, none late"
      case .farBehind: reason = "from the schedule: \(figures.late) system(s) late"
      }
      return IndicatorResult(
        id: indicator.id, name: indicator.name, target: indicator.targetText, progress: progress,
        evaluation: figures.evaluation, reason: reason, value: figures.officialRate,
        achievement: nil)
    case .measured(let rule, let measurements):
      let known = measurements.filter { $0.date <= day }
      guard let latest = known.last else {
        return IndicatorResult(
          id: indicator.id, name: indicator.name, target: indicator.targetText,
          progress: ProjectWords.noMeasurement, evaluation: .farBehind,
          reason: "no measurement on or before \(day.iso)", value: nil, achievement: nil)
      }
      var value = latest.value
      var how = "latest measurement \(NumberStyle.number(latest.value)) on \(latest.date.iso)"
      if rule.projected, known.count >= 2 {
        value = project(known, to: rule.targetDate)
        how =
          "projected to \(rule.targetDate.iso) from \(known.count) measurements: \(NumberStyle.number(value))"
      }
      let total = Double(rule.start.days(to: rule.targetDate))
      let elapsed = min(max(Double(rule.start.days(to: day)) / total, 0), 1)
      let fraction = rule.proRata && !rule.projected ? elapsed : 1
      let expected = rule.baseline + (rule.target - rule.baseline) * fraction
      let achievement =
        expected == rule.baseline ? 1 : (value - rule.baseline) / (expected - rule.baseline)
      let evaluation: KPIEvaluation =
        achievement >= rule.onPlan ? .onPlan : achievement >= rule.behind ? .behind : .farBehind
      var progress =
        indicator.unit == "%"
        ? NumberStyle.percent(latest.value / 100)
        : NumberStyle.number(latest.value) + indicator.unit
      if let note = latest.note { progress += " (\(note))" }
      let reason =
        "\(how) against \(NumberStyle.number(expected))\(indicator.unit) expected"
        + (fraction < 1
          ? " (target \(NumberStyle.number(rule.target)) pro rata, \(NumberStyle.percent(fraction)) of the period elapsed)"
          : "")
        + ": achievement \(NumberStyle.percent(achievement)); ○ from \(NumberStyle.percent(rule.onPlan)), △ from \(NumberStyle.percent(rule.behind))"
      return IndicatorResult(
        id: indicator.id, name: indicator.name, target: indicator.targetText, progress: progress,
        evaluation: evaluation, reason: reason, value: value, achievement: achievement,
        measuredOn: latest.date)
    }
  }

  /// Least-squares line through the measurements, read on `date`.
  static func project(_ measurements: [KPIMeasurement], to date: CivilDate) -> Double {
    let xs = measurements.map { Double($0.date.dayNumber) }
    let ys = measurements.map(\.value)
    let n = Double(xs.count)
    let meanX = xs.reduce(0, +) / n
    let meanY = ys.reduce(0, +) / n
    let sxx = zip(xs, xs).map { ($0 - meanX) * ($1 - meanX) }.reduce(0, +)
    guard sxx > 0 else { return ys.last ?? 0 }
    let sxy = zip(xs, ys).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
    return meanY + sxy / sxx * (Double(date.dayNumber) - meanX)
  }
}
