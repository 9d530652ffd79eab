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
  public static let areaNotInPlan = DiagnosticKind(
    "area-not-in-plan", [.error], .validate, "diagnostics.md#plan")
  public static let areaNotOffered = DiagnosticKind(
    "area-not-offered", [.warning], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit"
  )
  public static let areaWithoutSystem = DiagnosticKind(
    "area-without-system", [.error], .validate, "diagnostics.md#plan")
  public static let asOfBackwards = DiagnosticKind(
    "as-of-backwards", [.error], .usage, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let asOfFuture = DiagnosticKind(
    "as-of-future", [.warning, .error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let badAssumed = DiagnosticKind(
    "bad-assumed", [.error], .validate, "diagnostics.md#plan")
  public static let badBaselineName = DiagnosticKind(
    "bad-baseline-name", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let badCapacity = DiagnosticKind(
    "bad-capacity", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let badDate = DiagnosticKind(
    "bad-date", [.error], .read, "diagnostics.md#structure")
  public static let badDateOrder = DiagnosticKind(
    "bad-date-order", [.error], .validate, "diagnostics.md#plan")
  public static let badIdentifier = DiagnosticKind(
    "bad-identifier", [.error], .read, "diagnostics.md#structure")
  public static let badMilestone = DiagnosticKind(
    "bad-milestone", [.error], .read, "diagnostics.md#structure")
  public static let badMonthDay = DiagnosticKind(
    "bad-month-day", [.error], .read, "diagnostics.md#structure")
  public static let badNumber = DiagnosticKind(
    "bad-number", [.error], .read, "diagnostics.md#structure")
  public static let badRange = DiagnosticKind(
    "bad-range", [.error], .read, "diagnostics.md#structure")
  public static let badStatus = DiagnosticKind(
    "bad-status", [.error], .read, "diagnostics.md#structure")
  public static let badValue = DiagnosticKind(
    "bad-value", [.error], .read, "diagnostics.md#structure")
  public static let baselineMissing = DiagnosticKind(
    "baseline-missing", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let calendarCoverage = DiagnosticKind(
    "calendar-coverage", [.warning], .schedule, "diagnostics.md#scheduling")
  public static let catalogMissing = DiagnosticKind(
    "catalog-missing", [.error], .validate, "diagnostics.md#catalog")
  public static let contradiction = DiagnosticKind(
    "contradiction", [.error], .validate, "import.md#errors")
  public static let csvCellTooLong = DiagnosticKind(
    "csv-cell-too-long", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let csvControlCharacter = DiagnosticKind(
    "csv-control-character", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let csvEmpty = DiagnosticKind("csv-empty", [.error], .validate, "import.md#errors")
  public static let csvEncoding = DiagnosticKind(
    "csv-encoding", [.error], .validate, "import.md#errors")
  public static let csvSyntax = DiagnosticKind(
    "csv-syntax", [.error], .validate, "import.md#errors")
  public static let csvTooManyCells = DiagnosticKind(
    "csv-too-many-cells", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let dataMissing = DiagnosticKind(
    "data-missing", [.error], .write, "diagnostics.md#data-and-outputs")
  public static let dataUnreadable = DiagnosticKind(
    "data-unreadable", [.error], .write, "diagnostics.md#data-and-outputs")
  public static let dateAfterAsOf = DiagnosticKind(
    "date-after-as-of", [.error], .validate, "diagnostics.md#plan")
  public static let dateNotAllowed = DiagnosticKind(
    "date-not-allowed", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  public static let dateOutOfRange = DiagnosticKind(
    "date-out-of-range", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let dateRequired = DiagnosticKind(
    "date-required", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  public static let deferredFunctions = DiagnosticKind(
    "deferred-functions", [.note], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  public static let duplicateAlias = DiagnosticKind(
    "duplicate-alias", [.error], .validate, "diagnostics.md#catalog")
  public static let duplicateElement = DiagnosticKind(
    "duplicate-element", [.error], .read, "diagnostics.md#structure")
  public static let duplicateId = DiagnosticKind(
    "duplicate-id", [.error], .validate, "diagnostics.md#catalog")
  public static let duplicateVendor = DiagnosticKind(
    "duplicate-vendor", [.warning], .validate, "diagnostics.md#plan")
  public static let emptyText = DiagnosticKind(
    "empty-text", [.error], .read, "diagnostics.md#structure")
  public static let fileIsDirectory = DiagnosticKind(
    "file-is-directory", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let fileMissing = DiagnosticKind(
    "file-missing", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let fileNotRegular = DiagnosticKind(
    "file-not-regular", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let fileTooLarge = DiagnosticKind(
    "file-too-large", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let fileUnreadable = DiagnosticKind(
    "file-unreadable", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let goliveCycle = DiagnosticKind(
    "golive-cycle", [.error], .validate, "diagnostics.md#plan")
  public static let holidayOutOfRange = DiagnosticKind(
    "holiday-out-of-range", [.error], .validate, "diagnostics.md#catalog")
  public static let `internal` = DiagnosticKind(
    "internal", [.error], .write, "diagnostics.md#data-and-outputs")
  public static let kpiSource = DiagnosticKind(
    "kpi-source", [.error], .validate, "diagnostics.md#plan")
  public static let mandatoryAfterDeadline = DiagnosticKind(
    "mandatory-after-deadline", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  public static let mandatoryNotReady = DiagnosticKind(
    "mandatory-not-ready", [.warning], .fit,
    "diagnostics.md#vendors-products-against-the-plan-specfit")
  public static let misplacedElement = DiagnosticKind(
    "misplaced-element", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  public static let missingAttribute = DiagnosticKind(
    "missing-attribute", [.error], .read, "diagnostics.md#structure")
  public static let missingCapacity = DiagnosticKind(
    "missing-capacity", [.warning], .validate, "diagnostics.md#plan")
  public static let missingColumn = DiagnosticKind(
    "missing-column", [.error], .validate, "import.md#errors")
  public static let missingDate = DiagnosticKind(
    "missing-date", [.error], .validate, "diagnostics.md#plan")
  public static let missingElement = DiagnosticKind(
    "missing-element", [.error], .read, "diagnostics.md#structure")
  public static let noRows = DiagnosticKind("no-rows", [.error], .validate, "import.md#errors")
  public static let noSpecSheet = DiagnosticKind(
    "no-spec-sheet", [.warning], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  public static let noVendor = DiagnosticKind(
    "no-vendor", [.warning], .validate, "diagnostics.md#plan")
  public static let notWorkingDay = DiagnosticKind(
    "not-working-day", [.warning], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let nothingToRepeat = DiagnosticKind(
    "nothing-to-repeat", [.error], .validate, "import.md#errors")
  public static let oldSpecVersion = DiagnosticKind(
    "old-spec-version", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  public static let outputExists = DiagnosticKind(
    "output-exists", [.error], .write, "diagnostics.md#data-and-outputs")
  public static let outputNotPlan = DiagnosticKind(
    "output-not-plan", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let outputOwner = DiagnosticKind(
    "output-owner", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let outputReadOnly = DiagnosticKind(
    "output-read-only", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let outputUnsafeLink = DiagnosticKind(
    "output-unsafe-link", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let outputUnwritable = DiagnosticKind(
    "output-unwritable", [.error], .write, "diagnostics.md#data-and-outputs")
  public static let planLock = DiagnosticKind(
    "plan-lock", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let planLocked = DiagnosticKind(
    "plan-locked", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let planMissing = DiagnosticKind(
    "plan-missing", [.error], .validate, "diagnostics.md#plan")
  public static let planNotEditable = DiagnosticKind(
    "plan-not-editable", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let planNotUtf8 = DiagnosticKind(
    "plan-not-utf8", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let planStale = DiagnosticKind(
    "plan-stale", [.warning], .validate, "diagnostics.md#scheduling")
  public static let planTooLarge = DiagnosticKind(
    "plan-too-large", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let portfolioAmbiguous = DiagnosticKind(
    "portfolio-ambiguous", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let portfolioDuplicate = DiagnosticKind(
    "portfolio-duplicate", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let prohibitedImplemented = DiagnosticKind(
    "prohibited-implemented", [.warning], .read, "spec-sheet-format.md#flagged-warnings")
  public static let psplibCycle = DiagnosticKind(
    "psplib-cycle", [.error], .read, "diagnostics.md#psplib")
  public static let psplibEncoding = DiagnosticKind(
    "psplib-encoding", [.error], .read, "diagnostics.md#psplib")
  public static let psplibSyntax = DiagnosticKind(
    "psplib-syntax", [.error], .read, "diagnostics.md#psplib")
  public static let recordDates = DiagnosticKind(
    "record-dates", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let recordNotApplied = DiagnosticKind(
    "record-not-applied", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let requirementsNotCovered = DiagnosticKind(
    "requirements-not-covered", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  public static let scheduleHorizon = DiagnosticKind(
    "schedule-horizon", [.error], .schedule, "diagnostics.md#scheduling")
  public static let schemaInvalid = DiagnosticKind(
    "schema-invalid", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let schemaUnusable = DiagnosticKind(
    "schema-unusable", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let sheetColumnIgnored = DiagnosticKind(
    "sheet-column-ignored", [.warning], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetDisagreement = DiagnosticKind(
    "sheet-disagreement", [.warning], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetDuplicateArea = DiagnosticKind(
    "sheet-duplicate-area", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetDuplicateColumn = DiagnosticKind(
    "sheet-duplicate-column", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetEmpty = DiagnosticKind(
    "sheet-empty", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetMissingArea = DiagnosticKind(
    "sheet-missing-area", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines"
  )
  public static let sheetMissingColumn = DiagnosticKind(
    "sheet-missing-column", [.error], .record,
    "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetOtherBody = DiagnosticKind(
    "sheet-other-body", [.error], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let sheetSetsBack = DiagnosticKind(
    "sheet-sets-back", [.warning], .record, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let statusOrder = DiagnosticKind(
    "status-order", [.warning], .validate, "diagnostics.md#plan")
  public static let systemWithoutArea = DiagnosticKind(
    "system-without-area", [.error], .validate, "diagnostics.md#plan")
  public static let templateCycle = DiagnosticKind(
    "template-cycle", [.error], .validate, "diagnostics.md#catalog")
  public static let templateRole = DiagnosticKind(
    "template-role", [.error], .validate, "diagnostics.md#catalog")
  public static let tj3Range = DiagnosticKind(
    "tj3-range", [.error], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let tokuteiBeforeDeadline = DiagnosticKind(
    "tokutei-before-deadline", [.warning], .validate, "diagnostics.md#plan")
  public static let unexpectedDate = DiagnosticKind(
    "unexpected-date", [.error], .validate, "diagnostics.md#plan")
  public static let unexpectedText = DiagnosticKind(
    "unexpected-text", [.error], .read, "spec-sheet-format.md#refused-errors-exit-65")
  public static let unknownArea = DiagnosticKind(
    "unknown-area", [.warning, .error], .validate, "diagnostics.md#catalog")
  public static let unknownAttribute = DiagnosticKind(
    "unknown-attribute", [.error], .read, "diagnostics.md#structure")
  public static let unknownElement = DiagnosticKind(
    "unknown-element", [.error], .read, "diagnostics.md#structure")
  public static let unknownProcurement = DiagnosticKind(
    "unknown-procurement", [.error], .validate, "import.md#errors")
  public static let unknownProduct = DiagnosticKind(
    "unknown-product", [.error], .fit, "diagnostics.md#vendors-products-against-the-plan-specfit")
  public static let unknownStep = DiagnosticKind(
    "unknown-step", [.error], .validate, "diagnostics.md#catalog")
  public static let unknownSystem = DiagnosticKind(
    "unknown-system", [.error], .validate, "diagnostics.md#plan")
  public static let unknownVendor = DiagnosticKind(
    "unknown-vendor", [.error], .validate, "diagnostics.md#plan")
  public static let usage = DiagnosticKind(
    "usage", [.error], .usage, "diagnostics.md#recording-migplan-record-and-baselines")
  public static let wrongRoot = DiagnosticKind(
    "wrong-root", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let xlsxCellCut = DiagnosticKind(
    "xlsx-cell-cut", [.warning], .write, "diagnostics.md#writing-and-the-plans-lock")
  public static let xmlDoctype = DiagnosticKind(
    "xml-doctype", [.error], .read, "diagnostics.md#reading-any-xml-file")
  public static let xmlEmpty = DiagnosticKind(
    "xml-empty", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  public static let xmlEncoding = DiagnosticKind(
    "xml-encoding", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  public static let xmlEntity = DiagnosticKind(
    "xml-entity", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")
  public static let xmlMalformed = DiagnosticKind(
    "xml-malformed", [.warning, .error], .read, "diagnostics.md#reading-any-xml-file")

  public static let unknownColumn = DiagnosticKind(
    "unknown-column", [.warning], .validate, "import.md#the-table")
  public static let unmatchedVendor = DiagnosticKind(
    "unmatched-vendor", [.warning], .validate, "import.md#the-table")
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
    contradiction,
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
    wrongRoot,
    xlsxCellCut,
    xmlDoctype,
    xmlEmpty,
    xmlEncoding,
    xmlEntity,
    xmlMalformed,
  ]
}
