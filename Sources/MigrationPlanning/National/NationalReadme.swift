/// The README.md written beside a generated national portfolio.
extension GeneratedReadme {
  /// The README.md of a portfolio that `migplan generate national` writes.
  public static func national(_ generated: NationalPortfolio.Generated) -> String {
    let model = generated.model
    func number(_ value: Double) -> String { JSONValue.decimalText(value, digits: 3) }
    let sources =
      model.readsTokuteiList
      ? "`pmo-progress-2026-01.json` and `\(generated.tokuteiListFile ?? NationalFigures.tokuteiFile)`. As of \(generated.asOf.iso), deadline\n"
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
      generated.tokuteiListFile.map { "--tokutei-list \($0)" },
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
