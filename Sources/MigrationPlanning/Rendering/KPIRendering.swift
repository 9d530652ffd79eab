/// `migplan kpi` and `migplan kpi --pmo` in text, CSV and JSON.
public enum KPIRendering {
  public static let header = ["No", "取り組み", "目標", "進捗", "評価", "今後の方針"]

  public static func cells(_ report: KPIReport) -> [[String]] {
    report.rows.map { row in
      [
        String(row.number), row.name, row.indicators.map(\.target).joined(separator: " / "),
        row.indicators.map(\.progress).joined(separator: " / "),
        row.indicators.map(\.evaluation.rawValue).joined(separator: " / "), row.policy,
      ]
    }
  }

  public static func text(_ report: KPIReport) -> String {
    "\(report.municipality)  DX推進の取り組み  基準日 \(report.asOf.iso) (\(report.asOf.fiscalYear.japaneseLabel))\n"
      + TextTable(header: header, rows: cells(report)).rendered()
      + "評価: ○ 計画どおり  △ 計画より遅れ  × 大幅な遅れ (理由: --format json)\n"
  }

  public static func json(_ report: KPIReport) -> JSONValue {
    .object([
      ("municipality", .string(report.municipality)),
      ("asOf", .string(report.asOf.iso)),
      (
        "initiatives",
        .array(
          report.rows.map { row in
            .object([
              ("number", .int(row.number)),
              ("name", .string(row.name)),
              ("evaluation", .string(row.evaluation.rawValue)),
              ("policy", .string(row.policy)),
              (
                "indicators",
                .array(
                  row.indicators.map { indicator in
                    .object([
                      ("id", .string(indicator.id)),
                      ("name", .string(indicator.name)),
                      ("target", .string(indicator.target)),
                      ("progress", .string(indicator.progress)),
                      ("evaluation", .string(indicator.evaluation.rawValue)),
                      ("evaluationWord", .string(indicator.evaluation.word)),
                      ("reason", .string(indicator.reason)),
                      ("value", indicator.value.map { .decimal($0, digits: 4) } ?? .null),
                      (
                        "achievement",
                        indicator.achievement.map { .decimal($0, digits: 4) } ?? .null
                      ),
                    ])
                  })
              ),
            ])
          })
      ),
      ("standardization", standardizationJSON(report.standardization)),
    ])
  }

  public static func standardizationJSON(_ figures: StandardizationFigures) -> JSONValue {
    .object([
      ("areasMigrated", .int(figures.areasMigrated)),
      ("areasTotal", .int(figures.areas.count)),
      ("systemsDone", .int(figures.systemsDone)),
      ("systemsOnTrack", .int(figures.onTrack)),
      ("systemsAtRisk", .int(figures.atRisk)),
      ("systemsLate", .int(figures.late)),
      ("officialRate", .decimal(figures.officialRate, digits: 4)),
      ("effortWeightedRate", .decimal(figures.effortWeightedRate, digits: 4)),
      ("evaluation", .string(figures.evaluation.rawValue)),
      (
        "areas",
        .array(
          figures.areas.map { area in
            .object([
              ("id", .string(area.area)),
              ("name", .string(area.name)),
              ("complete", .int(area.complete)),
              ("total", .int(area.total)),
              ("officialRate", .decimal(area.officialRate, digits: 4)),
              ("effortWeightedRate", .decimal(area.effortWeightedRate, digits: 4)),
              ("migrated", .bool(area.migrated)),
              (
                "groups",
                .array(
                  area.groups.map {
                    .object([
                      ("group", .int($0.number)), ("complete", .int($0.complete)),
                      ("inProgress", .int($0.inProgress)), ("total", .int($0.total)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  /// The per-area PMO view: each group as ● (all complete), ◐ (partly, or
  /// under way), ・ (not started); the official and effort-weighted rates.
  public static func pmoHeader(_ figures: StandardizationFigures) -> [String] {
    ["事務"] + (figures.areas.first?.groups.map { String($0.number) } ?? []) + ["完了", "公式", "工数加重"]
  }

  public static func pmoCells(_ figures: StandardizationFigures, ascii: Bool = false) -> [[String]]
  {
    figures.areas.map { area in
      [area.name]
        + area.groups.map { group in
          if group.complete == group.total { return ascii ? "#" : "●" }
          if group.complete > 0 || group.inProgress > 0 { return ascii ? "+" : "◐" }
          return ascii ? "." : "・"
        }
        + [
          "\(area.complete)/\(area.total)", KPIReport.percent(area.officialRate),
          KPIReport.percent(area.effortWeightedRate),
        ]
    }
  }

  public static func pmoText(
    _ figures: StandardizationFigures, municipality: String, asOf: CivilDate
  ) -> String {
    let columns = pmoHeader(figures).count
    let right = Set((columns - 3)..<columns)
    return "\(municipality)  PMOツール 40項目の進捗 (事務別)  基準日 \(asOf.iso)\n"
      + TextTable(header: pmoHeader(figures), rows: pmoCells(figures), rightAligned: right)
      .rendered()
      + "全体: 公式 \(KPIReport.percent(figures.officialRate))  工数加重 \(KPIReport.percent(figures.effortWeightedRate))\n"
      + "● 完了済み・対象外  ◐ 一部完了・作業中  ・ 未着手。公式 = (完了済み + 対象外) / 40、"
      + "工数加重 = 完了済みの計画工数 / 全計画工数\n"
  }
}
