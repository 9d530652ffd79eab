extension ReportRenderer {
  /// A document as one self-contained HTML page: inline CSS (and the
  /// SVG of its figures), no script, font, image or link fetched from
  /// anywhere; the same bytes from run to run. The blocks before the first
  /// section form the page's header under its title; each section is a
  /// `<section>` with its heading; tables shown in HTML are `<table>`s
  /// whose first cell is the row's header, numbers to the right,
  /// statuses marked for the style sheet.
  static func html(_ document: ReportDocument, words: ReportWords) -> String {
    let title = document.title ?? ""
    let lead = document.blocks.prefix { if case .section = $0 { false } else { true } }
    var body: [HTMLNode] = [.el("header", [], [.el("h1", text: title)] + html(lead, words: words))]
    body += html(Array(document.blocks.dropFirst(lead.count)), words: words)
    if let footer = document.footer { body.append(.el("footer", [], [.el("p", text: footer)])) }
    return "<!DOCTYPE html>\n"
      + HTMLNode.el(
        "html", [("lang", words.language.rawValue)],
        [
          .el(
            "head", [],
            [
              .el("meta", [("charset", "utf-8")]),
              .el(
                "meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
              .el("title", text: title),
              .el("style", [], [.styleSheet(pageStyle)]),
            ]),
          .el("body", [], body),
        ]
      ).rendered
  }

  static func html(_ blocks: some Collection<ReportBlock>, words: ReportWords) -> [HTMLNode] {
    blocks.flatMap { block -> [HTMLNode] in
      switch block {
      case .line(let line): [.el("p", text: line)]
      case .note(let note): [.el("p", [("class", "note")], text: note)]
      case .facts(let facts):
        [
          .el(
            "dl", [("class", "facts")],
            facts.flatMap { [.el("dt", text: $0.0), .el("dd", text: $0.1)] })
        ]
      case .figure(let nodes): nodes
      case .section(let id, let heading, let inner):
        [.el("section", [("id", id)], [.el("h2", text: heading)] + html(inner, words: words))]
      case .indented(_, let inner): html(inner, words: words)
      case .table(let table) where table.formats.contains(.html): [html(table, words: words)]
      case .table, .value, .events: []
      }
    }
  }

  /// A table: its header row (when it shows one), then a row per row,
  /// the first cell the row's header.
  static func html(_ table: ReportTable, words: ReportWords) -> HTMLNode {
    if table.rows.isEmpty, let empty = table.empty { return .el("p", text: empty) }
    let shown = table.columns.indices.filter { table.columns[$0].formats.contains(.html) }
    let separator = words.cellSeparator
    var children: [HTMLNode] = []
    if table.showsHeader {
      let header = shown.map { column in
        HTMLNode.el(
          "th", [("scope", "col")] + (table.columns[column].numeric ? [("class", "num")] : []),
          text: words.header(table.columns[column]))
      }
      children.append(.el("thead", [], [.el("tr", [], header)]))
    }
    children.append(
      .el(
        "tbody", [],
        table.rows.map { row in
          .el(
            "tr", [],
            shown.enumerated().map { position, column in
              position == 0
                ? .el(
                  "th", [("scope", "row")],
                  text: text(row[column], words: words, separator: separator))
                : htmlCell(row[column], words: words, separator: separator)
            })
        }))
    return .el("table", table.htmlClass.map { [("class", $0)] } ?? [], children)
  }

  /// A cell of a typed value: statuses in words and marked for styling,
  /// numbers to the right, dates whole, a flag はい or nothing.
  static func htmlCell(_ value: ReportValue, words: ReportWords, separator: String) -> HTMLNode {
    switch value {
    case .status(let status):
      .el("td", [("class", "status " + status.rawValue)], text: words.status(status))
    case .integer, .year, .decimal, .percentage: .el("td", [("class", "num")], text: text(value))
    case .flag(let flag): .el("td", text: flag ? words.flag(true) : "")
    case .date(let date): .el("td", [("class", "date")], text: date.iso)
    default: .el("td", text: text(value, words: words, separator: separator))
    }
  }

  /// The page's style: A4 landscape print, contrast that holds in grey.
  static let pageStyle: StaticString = """
    @page { size: A4 landscape; margin: 10mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
      color: #111; background: #fff; margin: 0 auto; max-width: 1400px; padding: 12px 16px; font-size: 12px; line-height: 1.45; }
    h1 { font-size: 19px; margin: 0 0 6px; }
    h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 2px solid #111; padding-bottom: 2px; break-after: avoid; }
    h2 + .note { break-after: avoid; page-break-after: avoid; }
    #costs > table:first-of-type { break-inside: avoid; page-break-inside: avoid; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0 0 0 4px; }
    table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
    th, td { border: 1px solid #777; padding: 2px 5px; text-align: left; vertical-align: top; }
    thead th { background: #e6e6e6; }
    tbody th { font-weight: normal; background: #f5f5f5; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.date, td.status { white-space: nowrap; }
    td.status.late { font-weight: bold; text-decoration: underline; }
    td.status.at-risk { font-style: italic; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
    p.legend { margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    p.legend .key { white-space: nowrap; }
    p.legend svg { vertical-align: middle; overflow: visible; }
    .gantt-charts figure + figure { margin-top: 6px; }
    svg.gantt, svg.load-chart, svg.cost-chart { width: 100%; height: auto; display: block; }
    svg.cost-chart .axis { stroke: #555; }
    svg.cost-chart .cost-reference { stroke: #111; stroke-width: 1.5; }
    svg.cost-chart .cost-target { stroke: #111; stroke-width: 1.5; stroke-dasharray: 5 3; }
    svg.cost-chart .tick { font-size: 10px; fill: #111; }
    svg.cost-chart .rating { font-size: 12px; fill: #111; }
    ul.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
    ul.legend .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle; }
    svg text { font-family: inherit; }
    svg .label { font-size: 10.5px; text-anchor: end; fill: #111; }
    svg.load-chart .label { font-size: 9px; }
    svg .year { font-size: 11px; font-weight: bold; text-anchor: middle; fill: #111; }
    svg .year-left { font-size: 10px; font-weight: bold; fill: #111; }
    svg .quarter { font-size: 9px; text-anchor: middle; fill: #333; }
    svg .year-rule { stroke: #444; stroke-width: 0.8; }
    svg .quarter-rule { stroke: #bbb; stroke-width: 0.4; }
    .bar { stroke: #111; stroke-width: 0.6; }
    .bar.done { fill: #08306b; }
    .bar.progress { fill: url(#p-progress); }
    .bar.planned { fill: url(#p-planned); }
    .bar.assumed { fill: url(#p-assumed); }
    .beyond polygon, polygon.beyond { fill: #a50f15; }
    text.beyond {
      font-size: 9px; text-anchor: end; fill: #a50f15;
      paint-order: stroke; stroke: #fff; stroke-width: 3px;
    }
    .golive { fill: #111; stroke: #fff; stroke-width: 0.8; }
    .golive.late { fill: #a50f15; stroke: #111; }
    .baseline { fill: #fff; stroke: #111; stroke-width: 1.2; stroke-dasharray: 2 1; }
    .asof { stroke: #111; stroke-width: 1.2; stroke-dasharray: 4 3; }
    .deadline { stroke: #a50f15; stroke-width: 2; }
    .tokutei { stroke: #a50f15; stroke-width: 2; stroke-dasharray: 2 2; }
    .load { fill: #6baed6; stroke: #111; stroke-width: 0.3; }
    .load.over { fill: #08306b; }
    .capacity { stroke: #a50f15; stroke-width: 1; stroke-dasharray: 3 2; }
    p.note { margin: 6px 0 2px; color: #333; }
    footer { margin-top: 16px; color: #333; font-size: 11px; }
    @media print { body { max-width: none; padding: 0; font-size: 10.5px; } h2 { margin-top: 10px; } }
    """
}
