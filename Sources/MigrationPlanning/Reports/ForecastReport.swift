/// `migplan forecast`: how sure each go-live is. Text: a table of the
/// systems (one plan) or of the riskiest ones (a portfolio) with their
/// P50/P80/P90 go-lives, the probability of meeting the deadline, the main
/// cause when late and a histogram row; then the areas and the totals
/// late. JSON and CSV: docs/reference/forecast.md.
public enum ForecastReport {
  /// Systems shown in the text of a portfolio: the least likely to make it.
  public static let riskiest = 20

  /// The report as a document; `base`, when given, is the same forecast
  /// without the capacity what-ifs, shown as a difference.
  public static func document(
    _ result: ForecastResult, base: ForecastResult? = nil, changes: [CapacityChange] = [],
    words: ReportWords = ReportWords(.ja), histogramWidth: Int = 16
  ) -> ReportDocument {
    let plans = Set(result.systems.map(\.municipality)).count
    let shown = plans == 1 ? result.systems : riskiest(result.systems)
    let histogram = Histogram(shown, asOf: result.asOf, width: histogramWidth)
    var blocks: [ReportBlock] = [
      .line(
        words.forecastTitle(samples: result.samples, seed: result.seed)
          + words.asOfLine(result.asOf)),
      .value("asOf", .date(result.asOf)), .value("samples", .integer(result.samples)),
      .value(
        "seed",
        result.seed <= UInt64(Int.max) ? .integer(Int(result.seed)) : .text(String(result.seed))),
    ]
    if plans > 1 {
      blocks.append(.line(words.forecastLeastLikely(shown.count, of: result.systems.count)))
    }
    let totals = Dictionary(result.totals.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    if let base, let after = totals["areas"],
      let before = base.totals.first(where: { $0.key == "areas" })
    {
      blocks += whatIf(before: before, after: after, changes: changes, words: words)
    }
    blocks += [
      .table(systemsTable(shown, plans: plans, histogram: histogram, formats: [.text])),
      .table(systemsTable(result.systems, plans: plans, histogram: histogram, formats: [.json])),
      .table(csvTable(result)), .line(""),
      .line(words.forecastLateByArea),
      .table(
        lateTable("areas", result.areas, title: ("事務", "Area"), result: result, words: words)),
      .table(
        lateTable("totals", result.totals, title: ("対象", "Of"), result: result, words: words)),
    ]
    if let areas = totals["areas"] { blocks.append(.line(words.forecastLateAreas(areas))) }
    blocks.append(.line(words.forecastNote))
    return ReportDocument(blocks)
  }

  /// The systems a portfolio's text shows: the least likely to make it,
  /// the latest P90 first among equals.
  static func riskiest(_ systems: [ForecastResult.System]) -> [ForecastResult.System] {
    Array(
      systems.filter { !$0.done }.sorted {
        $0.onTimeProbability != $1.onTimeProbability
          ? $0.onTimeProbability < $1.onTimeProbability : $0.p90 > $1.p90
      }.prefix(riskiest))
  }

  /// One time axis for every histogram row: from the earliest to the
  /// latest sampled go-live of the systems shown.
  struct Histogram {
    let first: CivilDate
    let last: CivilDate
    let width: Int

    init(_ shown: [ForecastResult.System], asOf: CivilDate, width: Int) {
      let dates = shown.filter { !$0.done }.flatMap(\.goLives)
      first = dates.min() ?? asOf
      last = dates.max() ?? asOf
      self.width = width
    }

    /// A system's sampled go-lives as a row of bars (`┃` its deadline).
    func row(_ system: ForecastResult.System) -> String {
      guard !system.done, !system.goLives.isEmpty else { return "" }
      let span = max(first.days(to: last), 1)
      var bins = [Int](repeating: 0, count: width)
      for date in system.goLives {
        let bin = first.days(to: date) * width / (span + 1)
        bins[min(width - 1, max(0, bin))] += 1
      }
      let peak = max(bins.max() ?? 1, 1)
      let deadlineBin =
        system.deadline < first || system.deadline > last
        ? -1 : first.days(to: system.deadline) * width / (span + 1)
      let bars = Array(" ▁▂▃▄▅▆▇█")
      return String(
        bins.enumerated().map { bin, count in
          if count == 0 { return bin == deadlineBin ? "┃" : "·" }
          return bars[max(1, (count * 8 + peak - 1) / peak)]
        })
    }
  }

  /// The systems with their quantiles, odds, causes and histogram.
  static func systemsTable(
    _ systems: [ForecastResult.System], plans: Int, histogram: Histogram,
    formats: Set<ReportFormat>
  ) -> ReportTable {
    let (first, last) = (histogram.first, histogram.last)
    return ReportTable(
      key: "systems",
      columns: [
        .init(
          "municipality", "団体", en: "Municipality",
          formats: plans == 1 ? [.json] : [.text, .json]),
        .init("id", "ID", formats: [.json]),
        .init("name", "システム", en: "System", formats: [.text, .json], importance: .high),
        .init("deadline", "期限", en: "Deadline"),
        .init("planned", "計画", en: "Planned", formats: [.text, .json]),
        .init("p50", "P50"), .init("p80", "P80", importance: .low),
        .init("p90", "P90", importance: .low),
        .init(
          "onTimeProbability", "期限内確率", en: "On time", numeric: true, importance: .high),
        .init("mainCause", "遅れの主因", en: "Main cause when late", importance: .high),
        .init("causes", "", formats: [.json]),
        .init(
          "histogram", "分布 (\(first.iso)〜\(last.iso))",
          en: "Spread (\(first.iso) to \(last.iso))",
          formats: [.text], whole: true, importance: .low),
      ],
      rows: systems.map { system in
        [
          .text(system.municipality), .text(system.id), .text(system.name),
          .date(system.deadline),
          .date(system.planned), .date(system.p50), .date(system.p80), .date(system.p90),
          .percentage(system.onTimeProbability),
          system.mainCause.map { .term(.cause($0)) } ?? .null,
          .list(
            system.causes.map {
              .record([("cause", .text($0.cause)), ("share", .decimal($0.share, digits: 4))])
            }),
          .text(histogram.row(system)),
        ]
      }, formats: formats)
  }

  /// Every system, one row each (CSV).
  static func csvTable(_ result: ForecastResult) -> ReportTable {
    ReportTable(
      key: "csv",
      columns: [
        .init("system_id", "システムID"), .init("system_name", "システム"), .init("deadline", "期限"),
        .init("p50", "P50"), .init("p80", "P80"), .init("p90", "P90"),
        .init("on_time_probability", "期限内確率"), .init("main_cause", "遅れの主因"),
      ],
      rows: result.systems.map { system in
        [
          .text(system.id), .text(system.name), .date(system.deadline), .date(system.p50),
          .date(system.p80), .date(system.p90), .percentage(system.onTimeProbability),
          system.mainCause.map { .term(.cause($0)) } ?? .null,
        ]
      }, formats: [.csv])
  }

  /// Late counts per area, or in total (`areas` and `systems`).
  static func lateTable(
    _ key: String, _ counts: [ForecastResult.LateCount], title: (String, String),
    result: ForecastResult, words: ReportWords
  ) -> ReportTable {
    ReportTable(
      key: key,
      columns: [
        .init(key == "areas" ? "area" : "of", title.0, en: title.1, importance: .high),
        .init("total", "件数", en: "Count", numeric: true),
        .init("planned", "計画で遅延", en: "Late as planned", numeric: true),
        .init("expectedLate", "遅延の期待値", en: "Expected late", numeric: true, importance: .high),
        .init("p10", "P10", numeric: true), .init("p90", "P90", numeric: true),
      ],
      rows: counts.map { count in
        [
          .text(
            key == "areas"
              ? words.term(
                .area(
                  result.areaNames[count.key]
                    ?? AreaName(id: count.key, name: count.key, englishName: "")))
              : words.forecastUnit(areas: count.key == "areas")),
          .integer(count.total), .integer(count.planned),
          .decimal(count.expected, digits: 2), .integer(count.p10), .integer(count.p90),
        ]
      }, formats: [.text, .json])
  }

  /// A capacity what-if against the forecast without it: a line, and the
  /// base and the changes in the JSON.
  static func whatIf(
    before: ForecastResult.LateCount, after: ForecastResult.LateCount,
    changes: [CapacityChange], words: ReportWords
  ) -> [ReportBlock] {
    let change = changes.map(\.argument).joined(separator: ", ")
    let difference = after.expected - before.expected
    return [
      .line(words.forecastWhatIf(change, before: before.expected, after: after.expected)),
      .value(
        "base",
        .record([
          ("expectedLateAreas", .decimal(before.expected, digits: 4)),
          ("p10", .integer(before.p10)), ("p90", .integer(before.p90)),
          ("difference", .decimal(difference, digits: 4)),
        ])),
      .value("vendorCapacity", .capacityChanges(changes)),
    ]
  }
}
