/// The running costs as an SVG chart for the page: a bar per fiscal year
/// (FY2018 to FY2030), stacked by item, with the FY2018 line and the
/// −30 % line, and its legend. The years' table beside it is the text
/// alternative. Amounts scale to the largest bar or the FY2018 line.
enum SVGCostChart {
  static let width = 760
  static let height = 300
  static let left = 70
  static let right = 10
  static let top = 20
  static let bottom = 40

  /// A colour per item (作業費 blues, 物品費 greens and oranges).
  static func colour(_ item: CostItem) -> String {
    switch item {
    case .systemOperation: "#1f5fa8"
    case .hardwareMaintenance: "#5b8fd0"
    case .otherOutsourcing: "#9dbde6"
    case .hardwareSoftware: "#2e8b57"
    case .dataCenter: "#7cc49a"
    case .network: "#c9a227"
    case .cloud: "#d9603b"
    }
  }

  /// The chart and its legend.
  static func figure(years: [CostLedger.Year], reference: Int, words: ReportWords) -> [HTMLNode] {
    let largest = max(years.map(\.total).max() ?? 0, reference, 1)
    let plotHeight = Double(height - top - bottom)
    func y(_ yen: Int) -> Double {
      Double(top) + plotHeight - plotHeight * Double(yen) / Double(largest) / 1.1
    }
    let slot = Double(width - left - right) / Double(max(years.count, 1))
    var nodes: [HTMLNode] = [
      .el("title", text: words.costChartTitle),
      .el(
        "line",
        [
          ("x1", "\(left)"), ("y1", "\(height - bottom)"), ("x2", "\(width - right)"),
          ("y2", "\(height - bottom)"), ("class", "axis"),
        ]),
    ]
    nodes += bars(years, slot: slot, y: y, words: words)
    nodes += lines(reference: reference, y: y, words: words)
    let svg = HTMLNode.el(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("class", "cost-chart"),
        ("viewBox", "0 0 \(width) \(height)"), ("role", "img"),
        ("aria-label", words.costChartTitle),
      ], nodes)
    return [svg, legend(words: words)]
  }

  /// A bar per year, stacked by item, with its rating above it.
  static func bars(
    _ years: [CostLedger.Year], slot: Double, y: (Int) -> Double, words: ReportWords
  ) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for (index, year) in years.enumerated() {
      let x = Double(left) + slot * Double(index) + slot * 0.15
      var base = 0
      for item in CostItem.allCases {
        let yen = year.byItem[item] ?? 0
        guard yen > 0 else { continue }
        let upper = y(base + yen)
        let lower = y(base)
        nodes.append(
          .el(
            "rect",
            [
              ("x", format(x)), ("y", format(upper)), ("width", format(slot * 0.7)),
              ("height", format(max(lower - upper, 0))), ("fill", colour(item)),
            ],
            [
              .el(
                "title",
                text:
                  "\(words.fiscalYear(FiscalYear(year.year))) \(words.costItem(item)) \(NumberStyle.count(yen))"
              )
            ]))
        base += yen
      }
      nodes.append(
        .el(
          "text",
          [
            ("x", format(x + slot * 0.35)), ("y", "\(height - bottom + 16)"),
            ("text-anchor", "middle"), ("class", "tick"),
          ], text: words.fiscalYear(FiscalYear(year.year))))
      if let rating = year.rating {
        nodes.append(
          .el(
            "text",
            [
              ("x", format(x + slot * 0.35)), ("y", format(y(year.total) - 4)),
              ("text-anchor", "middle"), ("class", "rating"),
            ], text: rating.mark))
      }
    }
    return nodes
  }

  /// The FY2018 line and the −30 % line, each with its label.
  static func lines(reference: Int, y: (Int) -> Double, words: ReportWords) -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    if reference > 0 {
      for (yen, label, style) in [
        (reference, words.costReferenceLine, "reference"),
        (reference * 7 / 10, words.costTargetLine, "target"),
      ] {
        nodes.append(
          .el(
            "line",
            [
              ("x1", "\(left)"), ("y1", format(y(yen))), ("x2", "\(width - right)"),
              ("y2", format(y(yen))), ("class", "cost-\(style)"),
            ]))
        nodes.append(
          .el(
            "text",
            [
              ("x", "\(left - 4)"), ("y", format(y(yen) + 4)), ("text-anchor", "end"),
              ("class", "tick"),
            ],
            text: label))
      }
    }
    return nodes
  }

  /// The items' colours and the two lines, named.
  static func legend(words: ReportWords) -> HTMLNode {
    HTMLNode.el(
      "ul", [("class", "legend")],
      CostItem.allCases.map { item in
        .el(
          "li", [],
          [
            .el("span", [("class", "swatch"), ("style", "background:\(colour(item))")], text: " "),
            .text(" " + words.costItem(item)),
          ])
      } + [
        .el("li", [], [.text("── " + words.costReferenceLine + "  ┄┄ " + words.costTargetLine)])
      ])
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
