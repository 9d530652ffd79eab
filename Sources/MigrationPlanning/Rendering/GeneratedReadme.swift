/// The README.md written beside a generated plan or portfolio, and the
/// summary of what an import assumed: the text that says where generated
/// data comes from.
public enum GeneratedReadme {
  /// Every value the import chose by default, one line each.
  public static func importAssumptions(
    _ plan: Plan, words: ReportWords = ReportWords(.en)
  ) -> String {
    var lines: [String] = []
    if plan.staffCapacityAssumed {
      lines.append(
        words.pick(
          "  職員の容量 \(plan.staffCapacity) (1システム1案件として; --staff で指定、または後で record --staff)",
          "  staff capacity \(plan.staffCapacity) (one project per system; give --staff, or record --staff later)"
        ))
    }
    for vendor in plan.vendors where vendor.capacityAssumed {
      lines.append(
        words.pick(
          "  \(vendor.name): 容量 \(vendor.capacity ?? 1) (仕様書なし; ここで担うシステムの数)",
          "  \(vendor.name): capacity \(vendor.capacity ?? 1) (no spec sheet; the systems it serves here)"
        ))
    }
    let dated = plan.systems.reduce(0) { $0 + $1.steps.filter(\.datesAssumed).count }
    if dated > 0 {
      lines.append(
        words.pick(
          "  完了済み \(dated)工程の日付 (\(plan.asOf.iso) に終わるよう順に配置)",
          "  dates of \(dated) done steps (laid back to back, ending on \(plan.asOf.iso))"))
    }
    guard !lines.isEmpty else { return "" }
    return words.pick(
      "仮定した値 (plan.xml では assumed=\"…\" の印):\n", "assumed (marked assumed=\"…\" in plan.xml):\n")
      + lines.joined(separator: "\n") + "\n"
  }

  /// The README.md of a plan directory that `migplan import` writes.
  public static func imported(_ plan: Plan, tableName: String) -> String {
    """
    # \(plan.municipality)

    Imported by `migplan import` from `\(tableName)` as of \(plan.asOf.iso):
    \(plan.areas.count) areas, \(plan.systems.count) systems, \(plan.vendors.count) vendors.

    ## What comes from the table

    - The areas (業務名, by catalog name or alias), the systems (業務システム名) that
      serve them, the RFI respondents (RFI回答事業者) and the procurement (調達方針),
      read with the merged-cell rule: a blank cell repeats the value above, and rows
      naming the same system describe one system.
    - Vendors are matched to the spec sheets in `catalog/vendors/` by official name;
      a vendor without a sheet is recorded all the same (check warns).

    ## What the table does not say

    Step statuses follow from the table: the RFI steps (groups 5 RFI準備 and 6
    RFI実施) are done where respondents are listed, RFP and selection (groups 9 and
    10) done where a proposal is done, and so is every step the template puts before
    them (an RFI is not done before its preparation); everything else is 未着手 (not
    started). The dates of the done steps are assumed: laid back to back, in template
    order, ending on the as-of date. Correct the statuses and dates as you learn them
    (`migplan record`).

    Also assumed: the staff capacity (`<staff capacity>`, \(plan.staffCapacity) projects at
    once), no budget dates (the contract waits for 1 April after the budget request),
    the expected vendor of a system with several respondents (the first), and the
    deadline \(plan.deadline.iso) except where the table gives a 特定移行支援 date.

    """
  }

  /// The README.md of a portfolio that `migplan generate national` writes.
  public static func national(_ generated: NationalPortfolio.Generated) -> String {
    let model = generated.model
    func number(_ value: Double) -> String { JSONValue.decimalText(value, digits: 3) }
    let sources =
      model.readsTokuteiList
      ? "`pmo-progress-2026-01.json` and `tokutei-2025-12.json`. As of \(generated.asOf.iso), deadline\n"
        + "\(generated.deadline.iso); areas on the 特定移行支援 list get 2031-03-31."
      : "`pmo-progress-2026-01.json` only: the 特定移行支援 list was not read (`--without-tokutei`).\n"
        + "As of \(generated.asOf.iso), deadline \(generated.deadline.iso) for every area."
    let staff =
      model.staffBinds
      ? "A municipality's staff: 2 + one per two unfinished areas, at most 12."
      : "A municipality's staff: one per unfinished area (it never binds)."
    let modelName =
      model.presetName.map { "the \($0) model: docs/reference/portfolio.md" }
      ?? "a model changed by options"
    // Every value of the model, so that the options below rewrite the file.
    var pace =
      "- The remaining steps' durations and lags × \(number(model.durationScale))"
      + (model.bodyPace == 0
        ? " (`--duration-scale \(number(model.durationScale))`).\n"
        : ", times 1 + \(number(model.bodyPace)) × (national mean rate − the body's) / national mean (at least a third) (`--duration-scale \(number(model.durationScale)) --body-pace \(number(model.bodyPace))`).\n")
    pace +=
      model.budgetFromAsOf
      ? "- Every migration's budget is available from \(generated.asOf.iso) (`--budget-now`).\n"
      : "- Budgets follow each municipality's cycle: a budget request not yet done is for the next fiscal year.\n"
    pace +=
      model.blackoutsHold
      ? "- The catalog's go-live blackouts hold.\n"
      : "- The go-live blackouts do not hold (`blackouts=\"ignore\"`, `--without-blackouts`).\n"
    let options = [
      "--model \(model.presetName ?? "first")",
      generated.fraction < 1 ? "--fraction \(number(generated.fraction))" : nil,
      model.readsTokuteiList ? nil : "--without-tokutei",
      "--main-vendor-share \(number(model.mainVendorShare))",
      "--vendor-capacity-ratio \(number(model.vendorCapacityRatio))",
      "--duration-scale \(number(model.durationScale))", "--body-pace \(number(model.bodyPace))",
      model.budgetFromAsOf ? "--budget-now" : nil, model.staffBinds ? nil : "--staff-unbound",
      model.blackoutsHold ? nil : "--without-blackouts",
    ].compactMap { $0 }
    pace +=
      "\nThe same file again: `migplan generate national --seed \(generated.seed) \(options.joined(separator: " "))`.\n"
    var text = """
      # National portfolio (generated)

      Written by `migplan generate national --seed \(generated.seed)` (\(modelName)) from
      \(sources)

      - Steps done: the PMO rate × 40, rounded, the first steps of the template.
      - Vendors (the data has none) by a seeded model: each municipality draws a main vendor by
        national share; each area keeps it with probability \(number(model.mainVendorShare)), else draws one by share.
      - A vendor's capacity (shared by every municipality): \(number(model.vendorCapacityRatio)) × its unfinished
        migrations, at least 2 (`--vendor-capacity-ratio`). \(staff)

      """
    text += pace
    text += """

      | vendor | share | capacity |
      |---|---|---|

      """
    for vendor in NationalPortfolio.vendorShares {
      text +=
        "| \(vendor.name) | \(Int(vendor.share * 100))% | \(generated.capacities[vendor.id] ?? 0) |\n"
    }
    return text
  }
}
