extension KPIReport {
  /// The KPI table as a document. Text and CSV: one row per initiative,
  /// its indicators' targets, progress and evaluations joined with ` / `
  /// (CSV with the Japanese headers). JSON: every initiative with its
  /// indicators, their reasons and measured values, and the
  /// standardisation figures.
  public func document(words: ReportWords = ReportWords(.ja)) -> ReportDocument {
    func joined(_ row: Row, _ part: (IndicatorResult) -> String) -> ReportValue {
      .text(row.indicators.map(part).joined(separator: " / "))
    }
    let table = ReportTable(
      key: "initiatives",
      columns: [
        .init("number", "No", en: "No"),
        .init("name", "取り組み", en: "Initiative", importance: .high),
        .init("target", "目標", en: "Target"), .init("progress", "進捗", en: "Progress"),
        .init("evaluation", "評価", en: "Rating", importance: .high),
        .init("measured", "測定時点", en: "Measured"),
        .init("policy", "今後の方針", en: "Next", importance: .low),
      ],
      rows: rows.map { row in
        [
          .integer(row.number), .text(row.name), joined(row) { $0.target },
          joined(row) { $0.progress }, joined(row) { $0.evaluation.rawValue },
          .text(row.measuredOn.map { words.measuredIn($0) } ?? "-"), .text(row.policy),
        ]
      }, formats: [.text, .csv])
    let detail = ReportTable(
      key: "initiatives",
      columns: [
        .init("number", "No"), .init("name", "取り組み"), .init("evaluation", "評価"),
        .init("policy", "今後の方針"), .init("indicators", "指標"),
      ],
      rows: rows.map { row in
        [
          .integer(row.number), .text(row.name), .text(row.evaluation.rawValue),
          .text(row.policy),
          .list(
            row.indicators.map { indicator in
              .record([
                ("id", .text(indicator.id)), ("name", .text(indicator.name)),
                ("target", .text(indicator.target)), ("progress", .text(indicator.progress)),
                ("evaluation", .text(indicator.evaluation.rawValue)),
                ("evaluationWord", .text(indicator.evaluation.word)),
                ("reason", .text(indicator.reason)),
                ("value", indicator.value.map { .decimal($0, digits: 4) } ?? .null),
                ("achievement", indicator.achievement.map { .decimal($0, digits: 4) } ?? .null),
                ("measuredOn", .optional(indicator.measuredOn)),
              ])
            }),
        ]
      }, formats: [.json])
    return ReportDocument([
      .line(
        "\(municipality)  \(words.kpiTitle)  \(words.asOfLine(asOf))"),
      .value("municipality", .text(municipality)), .value("asOf", .date(asOf)),
      .table(table), .table(detail),
      .value("standardization", standardization.record),
      .line(
        words.kpiRatingLegend),
    ])
  }

  /// The per-area PMO view (`kpi --pmo`) as a document. Text and CSV:
  /// each group as ● (all complete), ◐ (partly, or under way), ・ (not
  /// started), and the official and effort-weighted rates. JSON: the
  /// standardisation figures.
  public func pmoDocument(words: ReportWords = ReportWords(.ja)) -> ReportDocument {
    let figures = standardization
    let groups = figures.areas.first?.groups.map(\.number) ?? []
    let table = ReportTable(
      key: "areas",
      columns: [.init("area", "事務", en: "Area")]
        + groups.map { .init("group\($0)", String($0), en: String($0)) } + [
          .init("complete", "完了", en: "Complete", numeric: true),
          .init("official", "公式", en: "Official", numeric: true),
          .init("effortWeighted", "工数加重", en: "Effort-weighted", numeric: true),
        ],
      rows: figures.areas.map { area in
        [.text(words.term(.area(area.names)))]
          + area.groups.map { group -> ReportValue in
            if group.complete == group.total { return .text("●") }
            if group.complete > 0 || group.inProgress > 0 { return .text("◐") }
            return .text("・")
          }
          + [
            .text("\(area.complete)/\(area.total)"), .text(NumberStyle.percent(area.officialRate)),
            .text(NumberStyle.percent(area.effortWeightedRate)),
          ]
      }, formats: [.text, .csv])
    guard case .record(let members) = figures.record else { return ReportDocument([]) }
    return ReportDocument(
      [
        .line(
          "\(municipality)  \(words.pmoTitle)  "
            + words.asOfLine(asOf)),
        .table(table),
        .line(
          words.pmoOverall(
            official: figures.officialRate, effortWeighted: figures.effortWeightedRate)),
        .line(
          words.pmoLegend),
      ] + members.map { .value($0.0, $0.1) })
  }
}

extension StandardizationFigures {
  /// The figures as a JSON record (`kpi --format json`'s `standardization`).
  var record: ReportValue {
    .record([
      ("areasMigrated", .integer(areasMigrated)), ("areasTotal", .integer(areas.count)),
      ("systemsDone", .integer(systemsDone)), ("systemsOnTrack", .integer(onTrack)),
      ("systemsAtRisk", .integer(atRisk)), ("systemsLate", .integer(late)),
      ("officialRate", .percentage(officialRate)),
      ("effortWeightedRate", .percentage(effortWeightedRate)),
      ("evaluation", .text(evaluation.rawValue)),
      (
        "areas",
        .list(
          areas.map { area in
            .record([
              ("id", .text(area.area)), ("name", .text(area.name)),
              ("complete", .integer(area.complete)), ("total", .integer(area.total)),
              ("officialRate", .percentage(area.officialRate)),
              ("effortWeightedRate", .percentage(area.effortWeightedRate)),
              ("migrated", .flag(area.migrated)),
              (
                "groups",
                .list(
                  area.groups.map {
                    .record([
                      ("group", .integer($0.number)), ("complete", .integer($0.complete)),
                      ("inProgress", .integer($0.inProgress)), ("total", .integer($0.total)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}
