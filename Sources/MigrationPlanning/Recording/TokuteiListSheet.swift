/// The Digital Agency's list of 特定移行支援システム as it publishes it
/// (a workbook whose sheet 結果一覧 has a title, a blank row, then its
/// header: 団体コード, 自治体名 with the prefecture, 自治体区分, one column
/// per 業務 in the Act's order, 共通機能), read from .xlsx or CSV. A ● marks
/// a listed 業務. The list gives no dates.
///
/// Diagnostic ids: `sheet-missing-column`, `unknown-column` and
/// `tokutei-listed` (warnings), `bad-status` (a mark that is none), `unknown-area`.
public struct TokuteiListSheet: Sendable {
  /// One body's row.
  public struct Row: Sendable {
    /// 団体コード as the list writes it (5 or 6 digits).
    public var code: String
    /// 自治体名, the prefecture included (北海道札幌市).
    public var name: String
    /// 自治体区分 (指定都市, 中核市 …), when given.
    public var kind: String
    /// The catalog areas marked, in the list's order.
    public var areas: [String]
    /// Each marked area's cell, for messages.
    public var markCells: [String: CSVCell] = [:]
    /// The 共通機能 cell, when marked.
    public var common: CSVCell?
    /// The row's first cell, for messages.
    public var cell: CSVCell
  }

  /// The rows, in the list's order.
  public var rows: [Row]
  /// The list's title (its first non-blank cell above the header), which
  /// names its date: 特定移行支援システムの該当見込み一覧（令和7年12月末時点）.
  public var title: String
  /// The file read.
  public var path: String

  /// The list's sheet, read when a workbook has it.
  public static let sheetName = "結果一覧"

  /// The header must stand in the first rows (the official one is row 3).
  static let headerSearchRows = 20

  /// Marks that list a 業務, and those that leave it unlisted.
  static let marked: Set<String> = ["●", "○", "〇", "◯", "✓", "✔"]
  static let unmarked: Set<String> = ["", "-", "－", "ー", "―", "×", "✕"]

  /// Reads the list from `records`; nil with errors when it has no header
  /// or a mark that is none.
  public static func read<Records: Sequence<[CSVCell]>>(
    _ records: Records, path: String, catalog: Catalog, diagnostics: DiagnosticCollector
  ) -> TokuteiListSheet? {
    let errors = diagnostics.errorCount
    var iterator = records.makeIterator()
    var title = ""
    var header: [CSVCell]?
    for _ in 0..<headerSearchRows {
      guard let record = iterator.next() else { break }
      let texts = record.map { NameKey.normalize($0.text) }
      if texts.contains("団体コード") && texts.contains("自治体名") {
        header = record
        break
      }
      if title.isEmpty, let first = record.first(where: { !$0.text.trimmingWhitespace().isEmpty }) {
        title = first.text.trimmingWhitespace()
      }
    }
    guard let header else {
      if diagnostics.errorCount == errors {
        diagnostics.error(
          .sheetMissingColumn,
          "no header row with 団体コード and 自治体名 in the first \(headerSearchRows) rows: is "
            + "this the 特定移行支援 list (sheet 結果一覧)?",
          at: SourceLocation(file: path, line: 1, column: 1))
      }
      return nil
    }
    let columns = Columns(header, catalog: catalog, path: path, diagnostics: diagnostics)
    var list = TokuteiListSheet(rows: [], title: title, path: path)
    while let record = iterator.next() {
      if let row = columns.row(record, path: path, diagnostics: diagnostics) {
        list.rows.append(row)
      }
    }
    return diagnostics.errorCount == errors ? list : nil
  }

  /// Where the list's columns are.
  struct Columns {
    var code: Int?
    var name: Int?
    var kind: Int?
    var areas: [(column: Int, area: String)] = []
    var common: Int?

    init(_ header: [CSVCell], catalog: Catalog, path: String, diagnostics: DiagnosticCollector) {
      for (index, cell) in header.enumerated() {
        let text = NameKey.normalize(cell.text)
        let at = SourceLocation(file: path, line: cell.line, column: cell.column)
        switch text {
        case "": continue
        case "団体コード": code = index
        case "自治体名": name = index
        case "自治体区分": kind = index
        case "共通機能":
          common = index
        default:
          if let area = catalog.resolveArea(cell.text) {
            areas.append((index, area.id))
          } else {
            diagnostics.warning(
              .unknownColumn,
              "column '\(cell.text)' is not a 業務 of the catalog: ignored \(cell.tag)", at: at)
          }
        }
      }
      if areas.isEmpty {
        diagnostics.error(
          .sheetMissingColumn, "the list's header names no 業務 (住民基本台帳 … 子ども・子育て支援)",
          at: SourceLocation(
            file: path, line: header.first?.line ?? 1, column: header.first?.column ?? 1))
      }
    }

    /// A body's row, or nil for a blank one (a bad mark is an error).
    func row(_ record: [CSVCell], path: String, diagnostics: DiagnosticCollector) -> Row? {
      func text(_ index: Int?) -> String {
        guard let index, index < record.count else { return "" }
        return record[index].text.trimmingWhitespace()
      }
      let code = text(code)
      let name = text(name)
      guard !code.isEmpty || !name.isEmpty, let first = record.first else { return nil }
      func isMarked(_ index: Int) -> Bool {
        guard index < record.count else { return false }
        let mark = text(index)
        if TokuteiListSheet.marked.contains(mark) { return true }
        if !TokuteiListSheet.unmarked.contains(mark) {
          let at = SourceLocation(
            file: path, line: record[index].line, column: record[index].column)
          diagnostics.error(
            .badStatus,
            "'\(mark.prefix(40))' is not a mark of the list (● or blank) "
              + record[index].tag, at: at)
        }
        return false
      }
      let marked = areas.filter { isMarked($0.column) }
      return Row(
        code: code, name: name, kind: text(kind), areas: marked.map(\.area),
        markCells: Dictionary(
          marked.map { ($0.area, record[$0.column]) }, uniquingKeysWith: { first, _ in first }),
        common: common.flatMap { isMarked($0) ? record[$0] : nil }, cell: first)
    }
  }

  /// The first five digits of a code as the list writes it: 6 digits
  /// with the check digit, 5 without, and a code typed as a number, which
  /// lost its leading zero (011002 → 11002, 01100 → 1100).
  static func codeKeys(_ code: String) -> Set<String> {
    let digits = code.trimmingWhitespace()
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
    switch digits.count {
    case 6: return [String(digits.prefix(5))]
    case 5: return [digits, String(("0" + digits).prefix(5))]
    case 4: return ["0" + digits]
    default: return []
    }
  }

  /// The row of the plan's body, or why there is none. By 団体コード when
  /// the plan has a code (any of `codeKeys`), and then only by it; else by
  /// the name with its prefecture (東京都品川区), or, without a
  /// prefecture, a name only one row ends with.
  public func match(_ plan: Plan) -> Result<Row, Unmatched> {
    if let code = plan.code {
      // The plan's own code as written (6 digits, or 5 without the check
      // digit): only the list's cells may have lost a leading zero.
      let digits = code.trimmingWhitespace()
      guard digits.count >= 5 else {
        return .failure(Unmatched(reason: "its code \(code) is not 5 or 6 digits"))
      }
      let own = String(digits.prefix(5))
      let found = rows.filter { Self.codeKeys($0.code).contains(own) }
      // A row written with its 5 or 6 digits beats one that lost a zero.
      let exact = found.filter { $0.code.trimmingWhitespace().prefix(5) == own }
      let chosen = exact.isEmpty ? found : exact
      if chosen.count == 1, let row = chosen.first { return .success(row) }
      return .failure(
        Unmatched(
          reason: chosen.isEmpty
            ? "no row has its code \(code)"
            : "\(chosen.count) rows have its code \(code) ("
              + chosen.prefix(3).map(\.name).joined(separator: ", ") + ")"))
    }
    let full = NameKey.normalize((plan.prefecture ?? "") + plan.municipality)
    if let row = rows.first(where: { NameKey.normalize($0.name) == full }) { return .success(row) }
    guard plan.prefecture == nil else {
      return .failure(
        Unmatched(reason: "no row is named \(plan.prefecture ?? "")\(plan.municipality)"))
    }
    let own = NameKey.normalize(plan.municipality)
    let matches = rows.filter { NameKey.normalize($0.name).hasSuffix(own) }
    if matches.count == 1, let row = matches.first { return .success(row) }
    return .failure(
      Unmatched(
        reason: matches.isEmpty
          ? "no row ends with \(plan.municipality)"
          : "\(matches.count) rows end with \(plan.municipality) ("
            + matches.prefix(3).map(\.name).joined(separator: ", ")
            + "): give the plan its prefecture or code"))
  }

  /// Why a plan has no row.
  public struct Unmatched: Error, Sendable {
    /// In words.
    public var reason: String
  }
}

/// What the 特定移行支援 list changes in a plan: each system serving a
/// marked 業務 is marked (no deadline: the list gives none); a system
/// marked before that serves none is kept, with a warning, unless
/// `clearUnlisted`. A body with no row changes nothing, with a warning
/// that names the list.
struct TokuteiMarks {
  var changes: [PlanChange] = []
  var marked: [String] = []
  var unlisted: [String] = []

  init() {}

  /// `explicit`: the system whose deadline the same record sets, which
  /// the list leaves alone.
  init(
    _ list: TokuteiListSheet, plan: Plan, catalog: Catalog, clearUnlisted: Bool,
    explicit: String? = nil, diagnostics: DiagnosticCollector
  ) {
    let body = (plan.prefecture ?? "") + plan.municipality
    let row: TokuteiListSheet.Row
    switch list.match(plan) {
    case .success(let found): row = found
    case .failure(let unmatched):
      diagnostics.warning(
        .tokuteiListed,
        "\(body)\(plan.code.map { " (\($0))" } ?? "") has no row in the list"
          + (list.title.isEmpty ? "" : " '\(list.title)'") + " (\(unmatched.reason)): nothing "
          + "changed", at: SourceLocation(file: list.path, line: 1, column: 1))
      return
    }
    func location(_ cell: CSVCell) -> SourceLocation {
      SourceLocation(file: list.path, line: cell.line, column: cell.column)
    }
    if let common = row.common {
      diagnostics.warning(
        .tokuteiListed,
        "共通機能 is marked for \(row.name); it is not a 業務 of the catalog: ignored "
          + common.tag, at: location(common))
    }
    for area in row.areas where !plan.areas.contains(area) {
      let cell = row.markCells[area] ?? row.cell
      diagnostics.warning(
        .tokuteiListed,
        "the list marks \(catalog.area(area)?.name ?? area) for \(row.name), which the plan "
          + "does not have: ignored " + cell.tag, at: location(cell))
    }
    let at = location(row.cell)
    for system in plan.systems where system.id != explicit {
      let onList = system.areas.contains { row.areas.contains($0) }
      if onList && !system.isTokutei {
        marked.append(system.id)
        changes.append(.tokuteiListed(system: system.id, true))
      } else if !onList && system.isTokutei {
        unlisted.append(system.id)
        if clearUnlisted {
          changes.append(.tokuteiListed(system: system.id, false))
        } else {
          diagnostics.warning(
            .tokuteiListed,
            "\(system.name) is 特定移行支援, but the list marks none of its 業務 for "
              + "\(row.name): kept (--clear-unlisted unmarks it)", at: at)
        }
      }
    }
  }
}
