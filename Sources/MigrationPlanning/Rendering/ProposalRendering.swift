/// `migplan proposals` in text, CSV, JSON and iCalendar.
public enum ProposalRendering {
  public static func text(_ report: ProposalReport) -> String {
    var output =
      "\(report.municipality)  未契約の調達  基準日 \(report.asOf.iso) (\(report.asOf.fiscalYear.japaneseLabel))\n"
    if report.entries.isEmpty { return output + "未契約の調達はありません。\n" }
    for entry in report.entries {
      output += "\n\(entry.name) [\(entry.system)]  \(entry.areaNames.joined(separator: "・"))  "
      output += "\(entry.method.japaneseName)\(entry.procurementStatus == .done ? " (選定済み)" : "")\n"
      output +=
        "  応募見込み: \(entry.respondents.isEmpty ? "-" : entry.respondents.joined(separator: ", "))\n"
      if let next = entry.next, let left = entry.workingDaysLeft {
        output += "  次: \(next.kind.rawValue) \(next.date.iso) (あと \(left) 営業日)\n"
      } else {
        output += "  次: なし\n"
      }
      let rows = entry.milestones.map { milestone in
        [
          milestone.kind.rawValue, milestone.date.iso,
          milestone.source == .recorded ? "記録" : "予定",
          milestone.date < report.asOf ? "済" : (milestone.kind == entry.next?.kind ? "← 次" : ""),
        ]
      }
      let table = TextTable(header: ["マイルストーン", "日付", "出所", ""], rows: rows)
      output += table.rendered().split(separator: "\n").map { "  " + $0 + "\n" }.joined()
      output += "  運用開始 \(entry.goLive.iso) / 期限 \(entry.deadline.iso): "
      output += entry.contractInTime ? "契約は間に合う" : "契約が遅い: 期限に間に合わない"
      output += " (\(entry.status.rawValue))\n"
    }
    return output
  }

  public static let csvHeader = [
    "system_id", "system_name", "areas", "procurement_method", "respondents", "milestone",
    "milestone_key", "date", "source", "is_next", "working_days_left", "contract_in_time",
    "planned_go_live", "deadline", "status",
  ]

  /// One row per system × milestone.
  public static func csvRows(_ report: ProposalReport) -> [[String]] {
    report.entries.flatMap { entry in
      entry.milestones.map { milestone in
        let isNext = milestone.kind == entry.next?.kind
        return [
          entry.system, entry.name, entry.areas.joined(separator: ";"), entry.method.rawValue,
          entry.respondents.joined(separator: ";"), milestone.kind.rawValue,
          ProposalReport.key(milestone.kind), milestone.date.iso, milestone.source.rawValue,
          isNext ? "true" : "false", isNext ? entry.workingDaysLeft.map(String.init) ?? "" : "",
          entry.contractInTime ? "true" : "false", entry.goLive.iso, entry.deadline.iso,
          entry.status.rawValue,
        ]
      }
    }
  }

  public static func json(_ report: ProposalReport) -> JSONValue {
    .object([
      ("municipality", .string(report.municipality)),
      ("asOf", .string(report.asOf.iso)),
      (
        "proposals",
        .array(
          report.entries.map { entry in
            .object([
              ("system", .string(entry.system)),
              ("name", .string(entry.name)),
              ("areas", .array(entry.areas.map { .string($0) })),
              ("method", .string(entry.method.rawValue)),
              ("procurementStatus", .string(entry.procurementStatus.rawValue)),
              ("respondents", .array(entry.respondents.map { .string($0) })),
              (
                "milestones",
                .array(
                  entry.milestones.map {
                    .object([
                      ("kind", .string($0.kind.rawValue)),
                      ("key", .string(ProposalReport.key($0.kind))),
                      ("date", .string($0.date.iso)), ("source", .string($0.source.rawValue)),
                    ])
                  })
              ),
              (
                "next",
                entry.next.map {
                  .object([
                    ("kind", .string($0.kind.rawValue)), ("date", .string($0.date.iso)),
                    ("workingDaysLeft", .int(entry.workingDaysLeft ?? 0)),
                  ])
                } ?? .null
              ),
              ("contract", entry.contract.map { .string($0.iso) } ?? .null),
              ("goLive", .string(entry.goLive.iso)),
              ("deadline", .string(entry.deadline.iso)),
              ("status", .string(entry.status.rawValue)),
              ("contractInTime", .bool(entry.contractInTime)),
            ])
          })
      ),
    ])
  }

  /// One all-day event per milestone; UIDs from the municipality, system and
  /// milestone, so loading a newer file updates the same events.
  public static func iCalendar(_ report: ProposalReport, plan: Plan) -> String {
    let owner =
      plan.code
      ?? String(
        NameKey.normalize(plan.municipality).unicodeScalars.map { String($0.value, radix: 16) }
          .joined().prefix(24))
    let writer = ICalendarWriter(productId: "-//migplan//proposals//JA", stamp: report.asOf)
    let events = report.entries.flatMap { entry in
      entry.milestones.map { milestone in
        ICalendarWriter.Event(
          uid: "\(owner)-\(entry.system)-\(ProposalReport.key(milestone.kind))@migplan",
          date: milestone.date,
          summary: "【\(entry.name)】\(milestone.kind.rawValue)",
          description:
            "\(entry.method.japaneseName): \(entry.areaNames.joined(separator: "・"))\n"
            + "応募見込み: \(entry.respondents.joined(separator: ", "))\n"
            + (milestone.source == .recorded ? "計画に記録された日付" : "スケジュール上の予定日"),
          categories: ["調達", entry.method.japaneseName])
      }
    }
    return writer.render(name: "\(plan.municipality) 調達マイルストーン", events: events)
  }
}
