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
        words.assumedStaffCapacity(plan.staffCapacity))
    }
    for vendor in plan.vendors where vendor.capacityAssumed {
      lines.append(
        words.assumedVendorCapacity(vendor.name, vendor.capacity ?? 1))
    }
    let dated = plan.systems.reduce(0) { $0 + $1.steps.filter(\.datesAssumed).count }
    if dated > 0 {
      lines.append(
        words.assumedStepDates(dated, endingOn: plan.asOf))
    }
    guard !lines.isEmpty else { return "" }
    return words.assumedHeading + "\n" + lines.joined(separator: "\n") + "\n"
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
}
