/// `migplan export xlsx`: the workbook's sheets as typed tables, from the
/// reports the other commands use. 事務別 and システム別 are `export csv`'s
/// tables (with `--baseline`, its baseline columns), 工程 every scheduled
/// step, 調達 `proposals --format csv`'s rows, KPI the `kpi` table.
public enum WorkbookReport {
  /// One sheet: its name and its table.
  public struct Sheet: Sendable {
    /// The sheet's tab name.
    public var name: String
    /// Its header and rows.
    public var table: ReportTable
  }

  /// The five sheets of a plan's workbook, named in the language of
  /// `words`; with `costs`, a sixth, 運用経費 (typed yen), and the
  /// running-cost KPI.
  public static func sheets(
    plan: Plan, catalog: Catalog, schedule: MigrationSchedule, baseline: Baseline?,
    costs: CostReport? = nil, words: ReportWords
  ) -> [Sheet] {
    func status(_ unit: MigrationStatusReport.Unit) -> ReportTable {
      let report = MigrationStatusReport(
        plan: plan, catalog: catalog, schedule: schedule, unit: unit, baseline: baseline)
      return ReportTable(key: "rows", columns: report.columns, rows: report.cells)
    }
    let proposals = ProposalReport(
      plan: plan, catalog: catalog, schedule: schedule, includeNegotiated: false)
    var kpi = KPIReport(plan: plan, catalog: catalog, schedule: schedule, words: words)
    if let costs { kpi.addRunningCosts(costs, words: words) }
    let kpiTable =
      ReportRenderer.tables(kpi.document(words: words).blocks).first {
        $0.formats.contains(.csv)
      } ?? ReportTable(key: "initiatives", columns: [], rows: [])
    return [
      Sheet(name: words.sheetName(.byArea), table: status(.area)),
      Sheet(name: words.sheetName(.bySystem), table: status(.system)),
      Sheet(name: words.sheetName(.steps), table: tasks(plan: plan, catalog: catalog, schedule)),
      Sheet(name: words.sheetName(.procurement), table: proposals.milestoneRows),
      Sheet(name: "KPI", table: kpiTable),
    ] + (costs.map { [Sheet(name: words.costsHeading, table: $0.longTable(words: words))] } ?? [])
  }

  /// Every scheduled step: system, step, its name, first and last day,
  /// status, vendor and what bound its start.
  static func tasks(plan: Plan, catalog: Catalog, _ schedule: MigrationSchedule) -> ReportTable {
    let names = Dictionary(plan.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let vendors = Dictionary(
      plan.systems.map { system in
        (system.id, system.expectedVendor.map { plan.vendor($0)?.name ?? $0 } ?? "")
      }, uniquingKeysWith: { a, _ in a })
    return ReportTable(
      key: "tasks",
      columns: [
        .init("system_id", "システムID", en: "System ID"),
        .init("system_name", "システム", en: "System"), .init("step", "工程", en: "Step"),
        .init("step_name", "工程名", en: "Step name"), .init("start", "開始", en: "Start"),
        .init("finish", "終了", en: "Finish"), .init("status", "状態", en: "Status"),
        .init("vendor", "ベンダ", en: "Vendor"), .init("cause", "律速", en: "Bound by"),
      ],
      rows: schedule.tasks.map { task in
        [
          .text(task.system), .text(names[task.system] ?? task.system), .text(task.step),
          .text(catalog.template.step(task.step)?.name ?? task.step), .date(task.start),
          .date(task.end > task.start ? task.end.adding(days: -1) : task.start),
          .term(.taskStatus(task.status)), .text(vendors[task.system] ?? ""),
          .term(.cause(ScheduleReport.rootCode(task.cause))),
        ]
      })
  }
}
