extension ProposalReport {
  /// The report as a document. Text: per proposal, its method, expected
  /// bidders, next milestone and milestone table, and whether the contract
  /// comes in time. CSV: one row per proposal × milestone. JSON: every
  /// proposal with its milestones. iCalendar: one all-day event per
  /// milestone (see `calendar`).
  public func document(plan: Plan, words: ReportWords = ReportWords(.ja)) -> ReportDocument {
    var blocks: [ReportBlock] = [
      .line("\(municipality)  \(words.proposalsTitle)  \(words.asOfLine(asOf))"),
      .value("municipality", .text(municipality)), .value("asOf", .date(asOf)),
    ]
    if entries.isEmpty { blocks.append(.line(words.noProposals)) }
    for entry in entries {
      blocks += textBlocks(entry, words: words)
    }
    blocks.append(.table(proposalsTable))
    blocks.append(.table(milestoneRows))
    blocks.append(.events(calendar(plan: plan, words: words)))
    return ReportDocument(blocks)
  }

  func textBlocks(_ entry: Entry, words: ReportWords) -> [ReportBlock] {
    let selected =
      entry.procurementStatus == .done ? " (\(words.term(.procurement(.done))))" : ""
    let respondents = Self.counterparts(entry, none: "-", words: words)
    let next = words.nextMilestone(
      entry.next.flatMap { next in entry.workingDaysLeft.map { (next, $0) } })
    let milestones = ReportTable(
      key: "milestones",
      columns: [
        .init("kind", "マイルストーン", en: "Milestone", importance: .high),
        .init("date", "日付", en: "Date", importance: .high),
        .init("source", "出所", en: "Source", importance: .low), .init("mark", "", en: ""),
      ],
      rows: entry.milestones.map { milestone in
        [
          .term(.milestone(milestone.kind)), .date(milestone.date),
          .term(.source(milestone.source)),
          .text(
            milestone.date < asOf
              ? words.milestonePast
              : (milestone.kind == entry.next?.kind ? words.milestoneNext : "")),
        ]
      }, formats: [.text])
    return [
      .line(""),
      .line(
        "\(entry.name) [\(entry.system)]  "
          + entry.areaNames.map { words.term(.area($0)) }.joined(
            separator: words.listSeparator) + "  "
          + "\(words.term(.method(entry.method)))\(selected)"),
      .indented(
        "  ",
        [
          .line(respondents), .line(next), .table(milestones),
          .line(words.contractVerdict(entry)),
        ]),
    ]
  }

  /// Who the contract is with: a negotiated contract's partner, or the
  /// expected bidders (`none` when there are none).
  static func counterparts(
    _ entry: Entry, none: String, words: ReportWords = ReportWords(.ja)
  ) -> String {
    entry.method == .negotiated
      ? "\(words.partner): \(entry.partner ?? "-")"
      : "\(words.expectedBidders): "
        + (entry.respondents.isEmpty ? none : entry.respondents.joined(separator: ", "))
  }

  /// Every proposal with its milestones (JSON).
  var proposalsTable: ReportTable {
    ReportTable(
      key: "proposals",
      columns: [
        .init("system", "システムID"), .init("name", "システム"), .init("areas", "事務"),
        .init("method", "調達方法"), .init("procurementStatus", "調達状況"),
        .init("respondents", "応募見込み"), .init("partner", "相手方"),
        .init("milestones", "マイルストーン"), .init("next", "次"),
        .init("contract", "契約"), .init("goLive", "運用開始"), .init("deadline", "期限"),
        .init("status", "状態"), .init("contractInTime", "契約は間に合う"),
      ],
      rows: entries.map { entry in
        [
          .text(entry.system), .text(entry.name), .texts(entry.areas),
          .term(.method(entry.method)), .text(entry.procurementStatus.rawValue),
          .texts(entry.respondents),
          .optional(entry.partner),
          .list(
            entry.milestones.map {
              .record([
                ("kind", .text($0.kind.rawValue)), ("key", .text(Self.key($0.kind))),
                ("date", .date($0.date)), ("source", .text($0.source.rawValue)),
              ])
            }),
          entry.next.map {
            .record([
              ("kind", .text($0.kind.rawValue)), ("date", .date($0.date)),
              ("workingDaysLeft", .integer(entry.workingDaysLeft ?? 0)),
            ])
          } ?? .null,
          .optional(entry.contract), .date(entry.goLive), .date(entry.deadline),
          .status(entry.status), .flag(entry.contractInTime),
        ]
      }, formats: [.json])
  }

  /// One row per proposal × milestone (CSV).
  var milestoneRows: ReportTable {
    ReportTable(
      key: "milestones",
      columns: [
        .init("system_id", "システムID"), .init("system_name", "システム"), .init("areas", "事務"),
        .init("procurement_method", "調達方法"), .init("respondents", "応募見込み"),
        .init("milestone", "マイルストーン"), .init("milestone_key", "マイルストーンキー"),
        .init("date", "日付"), .init("source", "出所"), .init("is_next", "次"),
        .init("working_days_left", "残り営業日"), .init("contract_in_time", "契約は間に合う"),
        .init("planned_go_live", "運用開始予定日"), .init("deadline", "期限"), .init("status", "状態"),
        .init("partner", "相手方"),
      ],
      rows: entries.flatMap { entry in
        entry.milestones.map { milestone in
          let isNext = milestone.kind == entry.next?.kind
          return [
            .text(entry.system), .text(entry.name), .texts(entry.areas),
            .term(.method(entry.method)), .texts(entry.respondents),
            .text(milestone.kind.rawValue), .text(Self.key(milestone.kind)), .date(milestone.date),
            .term(.source(milestone.source)), .flag(isNext),
            isNext ? entry.workingDaysLeft.map(ReportValue.integer) ?? .null : .null,
            .flag(entry.contractInTime), .date(entry.goLive), .date(entry.deadline),
            .status(entry.status), .optional(entry.partner),
          ]
        }
      }, formats: [.csv])
  }

  /// One all-day event per milestone; UIDs from the municipality, system and
  /// milestone, so loading a newer file updates the same events.
  func calendar(plan: Plan, words: ReportWords = ReportWords(.ja)) -> ReportCalendar {
    let owner =
      plan.code
      ?? String(
        NameKey.normalize(plan.municipality).unicodeScalars.map { String($0.value, radix: 16) }
          .joined().prefix(24))
    var events: [ICalendarWriter.Event] = []
    for entry in entries {
      let areas = entry.areaNames.map { words.term(.area($0)) }
        .joined(separator: words.listSeparator)
      let method = words.term(.method(entry.method))
      let counterparts = Self.counterparts(entry, none: "", words: words)
      for milestone in entry.milestones {
        let source =
          milestone.source == .recorded
          ? words.eventDateRecorded : words.eventDatePlanned
        let description: String = method + ": " + areas + "\n" + counterparts + "\n" + source
        events.append(
          ICalendarWriter.Event(
            uid: "\(owner)-\(entry.system)-\(Self.key(milestone.kind))@migplan",
            date: milestone.date,
            summary: "【\(entry.name)】\(words.term(.milestone(milestone.kind)))",
            description: description,
            categories: [words.procurementCategory, method]))
      }
    }
    return ReportCalendar(
      name: "\(plan.municipality) " + words.procurementCalendar,
      productId: "-//migplan//proposals//" + words.language.rawValue.uppercased(),
      stamp: asOf, events: events)
  }
}

extension ProposalReport {
  /// One row per pending proposal with its next milestone (the reviewer's
  /// page).
  public func pendingTable(words: ReportWords) -> ReportTable {
    var table = ReportTable(
      key: "pending",
      columns: [
        words.pageColumn("system", .system), words.pageColumn("areas", .areas),
        words.pageColumn("method", .method), words.pageColumn("next", .nextMilestone),
        words.pageColumn("date", .date),
        words.pageColumn("workingDaysLeft", .workingDaysLeft, numeric: true),
        words.pageColumn("goLive", .goLive), words.pageColumn("status", .status),
        words.pageColumn("contract", .contract),
      ],
      rows: entries.map { entry in
        [
          .text(entry.name), .list(entry.areaNames.map { .term(.area($0)) }),
          .term(.method(entry.method)),
          entry.next.map { .term(.milestone($0.kind)) } ?? .text("-"),
          entry.next.map { .date($0.date) } ?? .text("-"),
          entry.workingDaysLeft.map(ReportValue.integer) ?? .text("-"), .date(entry.goLive),
          .status(entry.status),
          .text(words.page(entry.contractInTime ? .inTime : .tooLate)),
        ]
      }, formats: [.html])
    table.empty = words.page(.noPendingProposals)
    return table
  }
}
