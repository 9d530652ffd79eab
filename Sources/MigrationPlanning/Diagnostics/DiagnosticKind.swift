/// The kind of a diagnostic: its stable id, the severities it is raised
/// with, the pipeline stage that raises it, and the page of docs/reference/
/// (with its section) that explains it. Every id migplan prints is one of
/// `DiagnosticKind.all`; nothing else spells one, so an id cannot be
/// misspelt, left undocumented, or invented by the command line.
public struct DiagnosticKind: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The pipeline stage that raises a kind.
  public enum Stage: String, Sendable, CaseIterable {
    /// Reading a file: XML, CSV, spec sheets, PSPLIB instances.
    case read
    /// Validating the catalog, a plan or a table against each other, and a
    /// plan against a later as-of date (`plan-stale`).
    case validate
    /// Checking vendors' products against the plan (`SpecFit`).
    case fit
    /// A finished schedule (raised only once one is built, so `check`,
    /// which does not build one, never raises it).
    case schedule
    /// Recording facts and saving baselines.
    case record
    /// Writing outputs and plans, and the plan's lock.
    case write
    /// The command line itself (exit 64).
    case usage
  }

  /// The stable id (`unknown-area`), printed in brackets.
  public let id: String
  /// The severities this kind is raised with (most have one).
  public let severities: [Diagnostic.Severity]
  /// The stage that raises it.
  public let stage: Stage
  /// The page under docs/reference/ and its section: `diagnostics.md#plan`.
  public let reference: String

  private init(
    _ id: String, _ severities: [Diagnostic.Severity], _ stage: Stage, _ reference: String
  ) {
    self.id = id
    self.severities = severities
    self.stage = stage
    self.reference = reference
  }

  /// The kind with this id, if it is one.
  public init?(id: String) {
    guard let kind = Self.byId[id] else { return nil }
    self = kind
  }

  /// The id.
  public var description: String { id }

  /// Kinds are the same when their ids are.
  public static func == (a: DiagnosticKind, b: DiagnosticKind) -> Bool { a.id == b.id }
  /// By id.
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
  /// By id.
  public static func < (a: DiagnosticKind, b: DiagnosticKind) -> Bool { a.id < b.id }

  private static let byId: [String: DiagnosticKind] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.id, $0) })
}

// The registry: one line per id, in id order.
extension DiagnosticKind {
  /// `area-not-in-plan`.
  public static let areaNotInPlan = DiagnosticKind(
    "area-not-in-plan", [.error], .validate, "diagnostics.md#plan")
  /// `area-not-offered`.
  public static let areaNotOffered = DiagnosticKind(
    "area-not-offered", [.warning], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit"
  )
  /// `area-without-system`.
  public static let areaWithoutSystem = DiagnosticKind(
    "area-without-system", [.error], .validate, "diagnostics.md#plan")
  /// `as-of-backwards`.
  public static let asOfBackwards = DiagnosticKind(
    "as-of-backwards", [.error], .usage, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `as-of-future`.
  public static let asOfFuture = DiagnosticKind(
    "as-of-future", [.warning, .error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `bad-assumed`.
  public static let badAssumed = DiagnosticKind(
    "bad-assumed", [.error], .validate, "diagnostics.md#plan")
  /// `bad-baseline-name`.
  public static let badBaselineName = DiagnosticKind(
    "bad-baseline-name", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `bad-capacity`.
  public static let badCapacity = DiagnosticKind(
    "bad-capacity", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `bad-date`.
  public static let badDate = DiagnosticKind(
    "bad-date", [.error], .read, "diagnostics.md#structure")
  /// `bad-date-order`.
  public static let badDateOrder = DiagnosticKind(
    "bad-date-order", [.error], .validate, "diagnostics.md#plan")
  /// `bad-identifier`.
  public static let badIdentifier = DiagnosticKind(
    "bad-identifier", [.error], .read, "diagnostics.md#structure")
  /// `bad-milestone`.
  public static let badMilestone = DiagnosticKind(
    "bad-milestone", [.error], .read, "diagnostics.md#structure")
  /// `bad-month-day`.
  public static let badMonthDay = DiagnosticKind(
    "bad-month-day", [.error], .read, "diagnostics.md#structure")
  /// `bad-number`.
  public static let badNumber = DiagnosticKind(
    "bad-number", [.error], .read, "diagnostics.md#structure")
  /// `bad-range`.
  public static let badRange = DiagnosticKind(
    "bad-range", [.error], .read, "diagnostics.md#structure")
  /// `bad-status`.
  public static let badStatus = DiagnosticKind(
    "bad-status", [.error], .read, "diagnostics.md#structure")
  /// `bad-value`.
  public static let badValue = DiagnosticKind(
    "bad-value", [.error], .read, "diagnostics.md#structure")
  /// `baseline-missing`.
  public static let baselineMissing = DiagnosticKind(
    "baseline-missing", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `calendar-coverage`.
  public static let calendarCoverage = DiagnosticKind(
    "calendar-coverage", [.warning], .schedule, "diagnostics.md#scheduling")
  /// `catalog-missing`.
  public static let catalogMissing = DiagnosticKind(
    "catalog-missing", [.error], .validate, "diagnostics.md#catalog")
  /// `contradiction`.
  public static let contradiction = DiagnosticKind(
    "contradiction", [.error], .validate, "import.md#errors")
  /// `csv-cell-too-long`.
  public static let csvCellTooLong = DiagnosticKind(
    "csv-cell-too-long", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `csv-control-character`.
  public static let csvControlCharacter = DiagnosticKind(
    "csv-control-character", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `csv-empty`.
  public static let csvEmpty = DiagnosticKind("csv-empty", [.error], .validate, "import.md#errors")
  /// `csv-encoding`.
  public static let csvEncoding = DiagnosticKind(
    "csv-encoding", [.error], .validate, "import.md#errors")
  /// `csv-syntax`.
  public static let csvSyntax = DiagnosticKind(
    "csv-syntax", [.error], .validate, "import.md#errors")
  /// `csv-too-many-cells`.
  public static let csvTooManyCells = DiagnosticKind(
    "csv-too-many-cells", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `data-missing`.
  public static let dataMissing = DiagnosticKind(
    "data-missing", [.error], .write, "diagnostics.md#data-and-outputs")
  /// `committed-repaired`.
  public static let committedRepaired = DiagnosticKind(
    "committed-repaired", [.warning], .validate, "diagnostics.md#scheduling")
  /// `committed-unusable`.
  public static let committedUnusable = DiagnosticKind(
    "committed-unusable", [.warning], .validate, "diagnostics.md#scheduling")
  /// `data-unreadable`.
  public static let dataUnreadable = DiagnosticKind(
    "data-unreadable", [.error], .write, "diagnostics.md#data-and-outputs")
  /// `date-after-as-of`.
  public static let dateAfterAsOf = DiagnosticKind(
    "date-after-as-of", [.error], .validate, "diagnostics.md#plan")
  /// `date-not-allowed`.
  public static let dateNotAllowed = DiagnosticKind(
    "date-not-allowed", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  /// `date-out-of-range`.
  public static let dateOutOfRange = DiagnosticKind(
    "date-out-of-range", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `date-required`.
  public static let dateRequired = DiagnosticKind(
    "date-required", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  /// `deferred-functions`.
  public static let deferredFunctions = DiagnosticKind(
    "deferred-functions", [.note], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  /// `duplicate-alias`.
  public static let duplicateAlias = DiagnosticKind(
    "duplicate-alias", [.error], .validate, "diagnostics.md#catalog")
  /// `duplicate-element`.
  public static let duplicateElement = DiagnosticKind(
    "duplicate-element", [.error], .read, "diagnostics.md#structure")
  /// `duplicate-id`.
  public static let duplicateId = DiagnosticKind(
    "duplicate-id", [.error], .validate, "diagnostics.md#catalog")
  /// `duplicate-vendor`.
  public static let duplicateVendor = DiagnosticKind(
    "duplicate-vendor", [.warning], .validate, "diagnostics.md#plan")
  /// `empty-text`.
  public static let emptyText = DiagnosticKind(
    "empty-text", [.error], .read, "diagnostics.md#structure")
  /// `file-is-directory`.
  public static let fileIsDirectory = DiagnosticKind(
    "file-is-directory", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `file-missing`.
  public static let fileMissing = DiagnosticKind(
    "file-missing", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `file-not-regular`.
  public static let fileNotRegular = DiagnosticKind(
    "file-not-regular", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `file-too-large`.
  public static let fileTooLarge = DiagnosticKind(
    "file-too-large", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `file-unreadable`.
  public static let fileUnreadable = DiagnosticKind(
    "file-unreadable", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `golive-cycle`.
  public static let goliveCycle = DiagnosticKind(
    "golive-cycle", [.error], .validate, "diagnostics.md#plan")
  /// `holiday-out-of-range`.
  public static let holidayOutOfRange = DiagnosticKind(
    "holiday-out-of-range", [.error], .validate, "diagnostics.md#catalog")
  /// `internal`.
  public static let `internal` = DiagnosticKind(
    "internal", [.error], .write, "diagnostics.md#data-and-outputs")
  /// `kpi-source`.
  public static let kpiSource = DiagnosticKind(
    "kpi-source", [.error], .validate, "diagnostics.md#plan")
  /// `mandatory-after-deadline`.
  public static let mandatoryAfterDeadline = DiagnosticKind(
    "mandatory-after-deadline", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  /// `mandatory-not-ready`.
  public static let mandatoryNotReady = DiagnosticKind(
    "mandatory-not-ready", [.warning], .fit,
    "diagnostics.md#vendors-products-against-the-plan-specfit")
  /// `misplaced-element`.
  public static let misplacedElement = DiagnosticKind(
    "misplaced-element", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  /// `missing-attribute`.
  public static let missingAttribute = DiagnosticKind(
    "missing-attribute", [.error], .read, "diagnostics.md#structure")
  /// `missing-capacity`.
  public static let missingCapacity = DiagnosticKind(
    "missing-capacity", [.warning], .validate, "diagnostics.md#plan")
  /// `missing-column`.
  public static let missingColumn = DiagnosticKind(
    "missing-column", [.error], .validate, "import.md#errors")
  /// `missing-date`.
  public static let missingDate = DiagnosticKind(
    "missing-date", [.error], .validate, "diagnostics.md#plan")
  /// `missing-element`.
  public static let missingElement = DiagnosticKind(
    "missing-element", [.error], .read, "diagnostics.md#structure")
  /// `no-rows`.
  public static let noRows = DiagnosticKind("no-rows", [.error], .validate, "import.md#errors")
  /// `no-spec-sheet`.
  public static let noSpecSheet = DiagnosticKind(
    "no-spec-sheet", [.warning], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  /// `no-vendor`.
  public static let noVendor = DiagnosticKind(
    "no-vendor", [.warning], .validate, "diagnostics.md#plan")
  /// `not-working-day`.
  public static let notWorkingDay = DiagnosticKind(
    "not-working-day", [.warning], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `nothing-to-repeat`.
  public static let nothingToRepeat = DiagnosticKind(
    "nothing-to-repeat", [.error], .validate, "import.md#errors")
  /// `old-spec-version`.
  public static let oldSpecVersion = DiagnosticKind(
    "old-spec-version", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  /// `output-exists`.
  public static let outputExists = DiagnosticKind(
    "output-exists", [.error], .write, "diagnostics.md#data-and-outputs")
  /// `output-not-plan`.
  public static let outputNotPlan = DiagnosticKind(
    "output-not-plan", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `output-owner`.
  public static let outputOwner = DiagnosticKind(
    "output-owner", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `output-read-only`.
  public static let outputReadOnly = DiagnosticKind(
    "output-read-only", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `output-unsafe-link`.
  public static let outputUnsafeLink = DiagnosticKind(
    "output-unsafe-link", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `output-unwritable`.
  public static let outputUnwritable = DiagnosticKind(
    "output-unwritable", [.error], .write, "diagnostics.md#data-and-outputs")
  /// `plan-lock`.
  public static let planLock = DiagnosticKind(
    "plan-lock", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `plan-locked`.
  public static let planLocked = DiagnosticKind(
    "plan-locked", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `plan-missing`.
  public static let planMissing = DiagnosticKind(
    "plan-missing", [.error], .validate, "diagnostics.md#plan")
  /// `plan-not-editable`.
  public static let planNotEditable = DiagnosticKind(
    "plan-not-editable", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `plan-not-utf8`.
  public static let planNotUtf8 = DiagnosticKind(
    "plan-not-utf8", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `plan-behind-today`.
  public static let planBehindToday = DiagnosticKind(
    "plan-behind-today", [.warning], .validate, "diagnostics.md#scheduling")
  /// `plan-stale`.
  public static let planStale = DiagnosticKind(
    "plan-stale", [.warning], .validate, "diagnostics.md#scheduling")
  /// `plan-too-large`.
  public static let planTooLarge = DiagnosticKind(
    "plan-too-large", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `portfolio-ambiguous`.
  public static let portfolioAmbiguous = DiagnosticKind(
    "portfolio-ambiguous", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `portfolio-duplicate`.
  public static let portfolioDuplicate = DiagnosticKind(
    "portfolio-duplicate", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `prohibited-implemented`.
  public static let prohibitedImplemented = DiagnosticKind(
    "prohibited-implemented", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  /// `psplib-cycle`.
  public static let psplibCycle = DiagnosticKind(
    "psplib-cycle", [.error], .read, "diagnostics.md#psplib")
  /// `psplib-encoding`.
  public static let psplibEncoding = DiagnosticKind(
    "psplib-encoding", [.error], .read, "diagnostics.md#psplib")
  /// `psplib-syntax`.
  public static let psplibSyntax = DiagnosticKind(
    "psplib-syntax", [.error], .read, "diagnostics.md#psplib")
  /// `record-dates`.
  public static let recordDates = DiagnosticKind(
    "record-dates", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `record-not-applied`.
  public static let recordNotApplied = DiagnosticKind(
    "record-not-applied", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `requirements-not-covered`.
  public static let requirementsNotCovered = DiagnosticKind(
    "requirements-not-covered", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  /// `schedule-horizon`.
  public static let scheduleHorizon = DiagnosticKind(
    "schedule-horizon", [.error], .schedule, "diagnostics.md#scheduling")
  /// `schema-invalid`.
  public static let schemaInvalid = DiagnosticKind(
    "schema-invalid", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `schema-unusable`.
  public static let schemaUnusable = DiagnosticKind(
    "schema-unusable", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `sheet-column-ignored`.
  public static let sheetColumnIgnored = DiagnosticKind(
    "sheet-column-ignored", [.warning], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-disagreement`.
  public static let sheetDisagreement = DiagnosticKind(
    "sheet-disagreement", [.warning], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-duplicate-area`.
  public static let sheetDuplicateArea = DiagnosticKind(
    "sheet-duplicate-area", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-duplicate-column`.
  public static let sheetDuplicateColumn = DiagnosticKind(
    "sheet-duplicate-column", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-empty`.
  public static let sheetEmpty = DiagnosticKind(
    "sheet-empty", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-missing-area`.
  public static let sheetMissingArea = DiagnosticKind(
    "sheet-missing-area", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines"
  )
  /// `sheet-missing-column`.
  public static let sheetMissingColumn = DiagnosticKind(
    "sheet-missing-column", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-other-body`.
  public static let sheetOtherBody = DiagnosticKind(
    "sheet-other-body", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `sheet-sets-back`.
  public static let sheetSetsBack = DiagnosticKind(
    "sheet-sets-back", [.warning], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `status-order`.
  public static let statusOrder = DiagnosticKind(
    "status-order", [.warning], .validate, "diagnostics.md#plan")
  /// `system-without-area`.
  public static let systemWithoutArea = DiagnosticKind(
    "system-without-area", [.error], .validate, "diagnostics.md#plan")
  /// `template-cycle`.
  public static let templateCycle = DiagnosticKind(
    "template-cycle", [.error], .validate, "diagnostics.md#catalog")
  /// `template-role`.
  public static let templateRole = DiagnosticKind(
    "template-role", [.error], .validate, "diagnostics.md#catalog")
  /// `tj3-range`.
  public static let tj3Range = DiagnosticKind(
    "tj3-range", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `tokutei-before-deadline`.
  public static let tokuteiBeforeDeadline = DiagnosticKind(
    "tokutei-before-deadline", [.warning], .validate, "diagnostics.md#plan")
  /// `unexpected-date`.
  public static let unexpectedDate = DiagnosticKind(
    "unexpected-date", [.error], .validate, "diagnostics.md#plan")
  /// `unexpected-text`.
  public static let unexpectedText = DiagnosticKind(
    "unexpected-text", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  /// `unknown-area`.
  public static let unknownArea = DiagnosticKind(
    "unknown-area", [.warning, .error], .validate, "diagnostics.md#catalog")
  /// `unknown-attribute`.
  public static let unknownAttribute = DiagnosticKind(
    "unknown-attribute", [.error], .read, "diagnostics.md#structure")
  /// `unknown-element`.
  public static let unknownElement = DiagnosticKind(
    "unknown-element", [.error], .read, "diagnostics.md#structure")
  /// `unknown-procurement`.
  public static let unknownProcurement = DiagnosticKind(
    "unknown-procurement", [.error], .validate, "import.md#errors")
  /// `unknown-product`.
  public static let unknownProduct = DiagnosticKind(
    "unknown-product", [.error], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  /// `unknown-step`.
  public static let unknownStep = DiagnosticKind(
    "unknown-step", [.error], .validate, "diagnostics.md#catalog")
  /// `unknown-system`.
  public static let unknownSystem = DiagnosticKind(
    "unknown-system", [.error], .validate, "diagnostics.md#plan")
  /// `unknown-vendor`.
  public static let unknownVendor = DiagnosticKind(
    "unknown-vendor", [.error], .validate, "diagnostics.md#plan")
  /// `usage`.
  public static let usage = DiagnosticKind(
    "usage", [.error], .usage, "diagnostics.md#recording-migplan-record-and-baselines")
  /// `wrong-root`.
  public static let wrongRoot = DiagnosticKind(
    "wrong-root", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `xlsx-cell-cut`.
  public static let xlsxCellCut = DiagnosticKind(
    "xlsx-cell-cut", [.warning], .write, "diagnostics.md#writing-and-the-plans-lock")
  /// `xml-doctype`.
  public static let xmlDoctype = DiagnosticKind(
    "xml-doctype", [.error], .read, "diagnostics.md#reading-any-xml-file")
  /// `xml-empty`.
  public static let xmlEmpty = DiagnosticKind(
    "xml-empty", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  /// `xml-encoding`.
  public static let xmlEncoding = DiagnosticKind(
    "xml-encoding", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  /// `xml-entity`.
  public static let xmlEntity = DiagnosticKind(
    "xml-entity", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  /// `xml-malformed`.
  public static let xmlMalformed = DiagnosticKind(
    "xml-malformed", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")

  /// `unknown-column`.
  public static let unknownColumn = DiagnosticKind(
    "unknown-column", [.warning], .validate, "import.md#the-table")
  /// `unmatched-vendor`.
  public static let unmatchedVendor = DiagnosticKind(
    "unmatched-vendor", [.warning], .validate, "import.md#the-table")
  /// `cell-error`.
  public static let cellError = DiagnosticKind(
    "cell-error", [.error], .read, "workbooks.md#errors")
  /// `hidden-cells`.
  public static let hiddenCells = DiagnosticKind(
    "hidden-cells", [.warning], .read, "workbooks.md#errors")
  /// `workbook-encrypted`.
  public static let workbookEncrypted = DiagnosticKind(
    "workbook-encrypted", [.error], .read, "workbooks.md#errors")
  /// `workbook-legacy`.
  public static let workbookLegacy = DiagnosticKind(
    "workbook-legacy", [.error], .read, "workbooks.md#errors")
  /// `workbook-limit`.
  public static let workbookLimit = DiagnosticKind(
    "workbook-limit", [.error], .read, "workbooks.md#errors")
  /// `workbook-unreadable`.
  public static let workbookUnreadable = DiagnosticKind(
    "workbook-unreadable", [.error], .read, "workbooks.md#errors")
  /// `workbook-unsafe-name`.
  public static let workbookUnsafeName = DiagnosticKind(
    "workbook-unsafe-name", [.error], .read, "workbooks.md#errors")
  /// `worksheet-missing`.
  public static let worksheetMissing = DiagnosticKind(
    "worksheet-missing", [.error], .read, "workbooks.md#errors")
  /// `tokutei-listed`.
  public static let tokuteiListed = DiagnosticKind(
    "tokutei-listed", [.warning], .record, "record.md#the-official-list---tokutei-list")
  /// `tokutei-deadline-assumed`.
  public static let tokuteiDeadlineAssumed = DiagnosticKind(
    "tokutei-deadline-assumed", [.warning], .validate, "diagnostics.md#plan")
  /// `costs-no-reference`.
  public static let costsNoReference = DiagnosticKind(
    "costs-no-reference", [.warning], .validate, "costs.md#errors")
  /// `costs-shares-over`.
  public static let costsSharesOver = DiagnosticKind(
    "costs-shares-over", [.warning], .validate, "costs.md#errors")
  /// Every kind, in id order.
  public static let all: [DiagnosticKind] = [
    areaNotInPlan,
    areaNotOffered,
    areaWithoutSystem,
    asOfBackwards,
    asOfFuture,
    badAssumed,
    badBaselineName,
    badCapacity,
    badDate,
    badDateOrder,
    badIdentifier,
    badMilestone,
    badMonthDay,
    badNumber,
    badRange,
    badStatus,
    badValue,
    baselineMissing,
    calendarCoverage,
    catalogMissing,
    cellError,
    committedRepaired,
    committedUnusable,
    contradiction,
    costsNoReference,
    costsSharesOver,
    csvCellTooLong,
    csvControlCharacter,
    csvEmpty,
    csvEncoding,
    csvSyntax,
    csvTooManyCells,
    dataMissing,
    dataUnreadable,
    dateAfterAsOf,
    dateNotAllowed,
    dateOutOfRange,
    dateRequired,
    deferredFunctions,
    duplicateAlias,
    duplicateElement,
    duplicateId,
    duplicateVendor,
    emptyText,
    fileIsDirectory,
    fileMissing,
    fileNotRegular,
    fileTooLarge,
    fileUnreadable,
    goliveCycle,
    hiddenCells,
    holidayOutOfRange,
    `internal`,
    kpiSource,
    mandatoryAfterDeadline,
    mandatoryNotReady,
    misplacedElement,
    missingAttribute,
    missingCapacity,
    missingColumn,
    missingDate,
    missingElement,
    noRows,
    noSpecSheet,
    noVendor,
    notWorkingDay,
    nothingToRepeat,
    oldSpecVersion,
    outputExists,
    outputNotPlan,
    outputOwner,
    outputReadOnly,
    outputUnsafeLink,
    outputUnwritable,
    planBehindToday,
    planLock,
    planLocked,
    planMissing,
    planNotEditable,
    planNotUtf8,
    planStale,
    planTooLarge,
    portfolioAmbiguous,
    portfolioDuplicate,
    prohibitedImplemented,
    psplibCycle,
    psplibEncoding,
    psplibSyntax,
    recordDates,
    recordNotApplied,
    requirementsNotCovered,
    scheduleHorizon,
    schemaInvalid,
    schemaUnusable,
    sheetColumnIgnored,
    sheetDisagreement,
    sheetDuplicateArea,
    sheetDuplicateColumn,
    sheetEmpty,
    sheetMissingArea,
    sheetMissingColumn,
    sheetOtherBody,
    sheetSetsBack,
    statusOrder,
    systemWithoutArea,
    templateCycle,
    templateRole,
    tj3Range,
    tokuteiBeforeDeadline,
    tokuteiDeadlineAssumed,
    tokuteiListed,
    unexpectedDate,
    unexpectedText,
    unknownArea,
    unknownAttribute,
    unknownColumn,
    unknownElement,
    unknownProcurement,
    unknownProduct,
    unknownStep,
    unknownSystem,
    unknownVendor,
    unmatchedVendor,
    usage,
    workbookEncrypted,
    workbookLegacy,
    workbookLimit,
    workbookUnreadable,
    workbookUnsafeName,
    worksheetMissing,
    wrongRoot,
    xlsxCellCut,
    xmlDoctype,
    xmlEmpty,
    xmlEncoding,
    xmlEntity,
    xmlMalformed,
  ]
}
