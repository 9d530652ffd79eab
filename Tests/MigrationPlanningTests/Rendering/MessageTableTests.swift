import Foundation
import Testing

@testable import MigrationPlanning

/// The message table (`ReportWords`): every coded word has a word in each
/// language, the two differ, and numbers read one way (#13).
@Suite struct MessageTableTests {
  /// Every coded word a report can show.
  static var everyTerm: [ReportTerm] {
    ProcurementMethod.allCases.map(ReportTerm.method)
      + ProcurementState.allCases.map(ReportTerm.procurement)
      + ProposalMilestone.allCases.map(ReportTerm.milestone)
      + [ReportTerm.source(.recorded), .source(.planned)]
      + causeCodes.map(ReportTerm.cause)
      + RequirementKind.allCases.map(ReportTerm.requirementKind)
      + RequirementClass.allCases.map(ReportTerm.requirementClass)
      + [TaskStatus.done, .inProgress, .planned, .notApplicable].map(ReportTerm.taskStatus)
  }

  /// The code of every kind of binding cause.
  static var causeCodes: [String] {
    let causes: [BindingCause] = [
      .asOf, .recorded, .predecessor("a/1.1", .finishToStart),
      .budget(availableFrom: CivilDate(dayNumber: 19814)),
      .vendorStart(CivilDate(dayNumber: 19814)), .resource("staff"),
      .resource("fujitsu-japan"), .blackout("x 1/1–6/30"),
    ]
    return causes.map(ScheduleReport.rootCode)
  }

  static func isJapanese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) }
  }

  @Test func everyTermHasAWordInEachLanguage() {
    let ja = ReportWords(.ja)
    let en = ReportWords(.en)
    for term in Self.everyTerm {
      let japanese = ja.term(term)
      let english = en.term(term)
      #expect(Self.isJapanese(japanese), "\(term): \(japanese)")
      #expect(!english.isEmpty && !Self.isJapanese(english), "\(term): \(english)")
      // A cause never falls through to a bare code (`resource:…`, `as-of`).
      if case .cause(let code) = term, code.contains(":") || code.contains("-") {
        #expect(english != code, "\(code)")
      }
    }
    for status in MigrationStatus.allCases {
      #expect(Self.isJapanese(ja.status(status)))
      #expect(!Self.isJapanese(en.status(status)))
    }
    #expect(ja.flag(true) == "はい" && en.flag(false) == "no")
  }

  @Test func oneNumberStyle() {
    #expect(NumberStyle.percent(0.71) == "71.0%")
    #expect(NumberStyle.percent(0.714) == "71.4%")
    #expect(NumberStyle.percent(0.825) == "82.5%")
    #expect(NumberStyle.percent(1) == "100.0%")
    #expect(NumberStyle.percent(12.3456) == "1,234.6%")
    #expect(NumberStyle.percent(-0.05) == "-5.0%")
    #expect(NumberStyle.count(3580) == "3,580")
    #expect(NumberStyle.count(551) == "551")
    #expect(NumberStyle.count(-1295) == "-1,295")
    #expect(ReportRenderer.text(.integer(1741)) == "1,741")
    #expect(ReportRenderer.text(.percentage(0.55)) == "55.0%")
  }
}

/// The forecast's draws (#15).
@Suite struct ForecastSamplingTests {
  @Test func triangularDrawsStayWithinTheSpread() {
    var random = SplitMix64(seed: 7)
    var sum = 0.0
    for _ in 0..<10_000 {
      let value = Sampler.triangular(low: 0.9, mode: 1, high: 2, random.unit())
      #expect(value >= 0.9 && value <= 2)
      sum += value
    }
    // The mean of a triangular distribution is (low + mode + high) / 3.
    #expect(abs(sum / 10_000 - 3.9 / 3) < 0.01)
    #expect(Sampler.triangular(low: 1, mode: 1, high: 1, 0.3) == 1)
  }

  @Test func normalDrawsHaveMeanZeroAndUnitSpread() {
    var random = SplitMix64(seed: 11)
    let draws = (0..<20_000).map { _ in Sampler.normal(&random) }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
    #expect(abs(mean) < 0.03)
    #expect(abs(variance - 1) < 0.05)
  }

  /// No two samples' streams overlap: each sample's draws are its own.
  @Test func samplesDrawIndependentStreams() {
    for seed: UInt64 in [0, 1, 42] {
      var seen: [UInt64: Int] = [:]
      for sample in 0..<64 {
        var random = MonteCarloForecast.generator(seed: seed, sample: sample)
        for _ in 0..<500 {
          let draw = random.next()
          #expect(
            seen[draw] == nil,
            "seed \(seed): samples \(seen[draw] ?? -1) and \(sample) share a draw")
          seen[draw] = sample
        }
      }
    }
  }

  @Test func capacityChangesParse() {
    #expect(
      CapacityChange(argument: "fujitsu-japan=3")
        == CapacityChange(vendor: "fujitsu-japan", value: 3, relative: false))
    #expect(CapacityChange(argument: "富士通Japan株式会社=+2")?.relative == true)
    #expect(CapacityChange(argument: "fujitsu-japan") == nil)
    #expect(CapacityChange(argument: "=3") == nil)
    #expect(CapacityChange(argument: "x=-1") == nil)
    #expect(CapacityChange(argument: "x=0") == nil)
    #expect(CapacityChange(argument: "x=+0")?.value == 0)
  }
}

/// Words live in the message table only (#23 point 4): no `pick(` outside
/// `ReportWords.swift`, and no Japanese word in a string literal anywhere
/// in Sources/ (nor a choice by `language` in Reports/ and Rendering/, the
/// stages that make words). Allowed: files of data (`data`, each with its
/// reason), English sentences naming a Japanese term outside those stages
/// (diagnostics and help stay English), comments,
/// a column's declared headers (`.init("key", "見出し", en: "Header")`, a
/// `("見出し", "Header")` pair: the output formats' documented headers,
/// declared with their keys) and punctuation (`・`, `〜`, `【】`).
@Suite struct WordsLiveInTheTableTests {
  static let sources = URL(fileURLWithPath: Paths.repository + "/Sources")

  static func swiftFiles(under folder: String) -> [String] {
    let root = folder.isEmpty ? sources.path : sources.appendingPathComponent(folder).path
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix(".swift") && !$0.hasSuffix("ReportWords.swift") }.sorted()
      .map { root + "/" + $0 }
  }

  /// Whether `literal` holds a Japanese letter (kana or kanji), not only
  /// punctuation.
  static func isWord(_ literal: Substring) -> Bool {
    literal.unicodeScalars.contains {
      (0x3041...0x309F).contains($0.value) || (0x30A1...0x30FA).contains($0.value)
        || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  /// The Japanese words of one line that are not declared headers.
  static func words(in line: Substring) -> [Substring] {
    let trimmed = line.drop { $0 == " " }
    if trimmed.hasPrefix("//") { return [] }
    let literals = line.matches(of: /"((?:[^"\\]|\\.)*)"/)
    var found: [Substring] = []
    for (index, literal) in literals.enumerated() where isWord(literal.output.1) {
      // `"key", "見出し"`: a column's header after its key.
      let afterKey =
        index > 0 && literals[index - 1].output.1.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_]*/) != nil
        && line[literals[index - 1].range.upperBound..<literal.range.lowerBound]
          .wholeMatch(of: /,\s*/) != nil
      // `"見出し", en: "Header"` or `("見出し", "Header")`: a header and its
      // English.
      let beforeEnglish =
        index + 1 < literals.count && !isWord(literals[index + 1].output.1)
        && line[literal.range.upperBound..<literals[index + 1].range.lowerBound]
          .wholeMatch(of: /,\s*(en:\s*)?/) != nil
      if !afterKey && !beforeEnglish { found.append(literal.output.1) }
    }
    return found
  }

  @Test func noPickOutsideTheTable() throws {
    var offenders: [String] = []
    for file in Self.swiftFiles(under: "") {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated() where line.contains("pick(")
      {
        offenders.append("\(file):\(number + 1)")
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }

  /// Files whose Japanese literals are data, not words, each with why.
  static let data: [String: String] = [
    "MigrationPlanning/Model/Plan.swift": "the PMO statuses and milestones as plans store them",
    "MigrationPlanning/Model/Catalog.swift": "the procurement methods' official names, as input",
    "MigrationPlanning/Model/NameKey.swift": "company names' legal forms, for matching",
    "MigrationPlanning/Calendar/CivilDate.swift": "the era's fiscal-year labels (R7年度, 令和7年度)",
    "MigrationPlanning/Validation/TableImporter.swift": "the table's column names, as input",
    "MigrationPlanning/Validation/TableImporter+Drafts.swift": "the procurement words, as input",
    "MigrationPlanning/Recording/ProgressSheet.swift": "the PMO sheet's headers, as input",
    "MigrationPlanning/Reading/CSVReader.swift": "a cell's name in diagnostics ([セル B8])",
    "MigrationPlanning/Calendar/TableDate.swift": "the eras' names, as dates are typed",
    "MigrationPlanning/Recording/CostSheet.swift": "the cost sheet's headers and kinds, as input",
    "MigrationPlanning/Recording/TokuteiListSheet.swift":
      "the official 特定移行支援 list's headers, sheet and marks, as input",
    "MigrationPlanning/National/NationalPortfolio.swift": "the vendors' official names",
    "migplan-bench/main.swift": "the bench's generated data",
  ]

  /// An English sentence that names a Japanese term (a diagnostic, a
  /// command's help): diagnostics stay English.
  static func isEnglishSentence(_ literal: Substring) -> Bool {
    literal.contains(/[A-Za-z]{3,} [A-Za-z]{2,}/)
  }

  @Test func noJapaneseWordOutsideTheTable() throws {
    var offenders: [String] = []
    for file in Self.swiftFiles(under: "") {
      let relative = String(file.dropFirst(Self.sources.path.count + 1))
      if Self.data[relative] != nil { continue }
      let wordsStage =
        relative.hasPrefix("MigrationPlanning/Reports/")
        || relative.hasPrefix("MigrationPlanning/Rendering/")
      let text = try String(contentsOfFile: file, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        for word in Self.words(in: line) where wordsStage || !Self.isEnglishSentence(word) {
          offenders.append("\(relative):\(number + 1): \(word)")
        }
        // A choice of words by language is the table's job too.
        if wordsStage && (line.contains("language == .") || line.contains("language != .")) {
          offenders.append("\(relative):\(number + 1): chooses by language")
        }
      }
    }
    #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
  }

  /// Every file the allow-list names is there (a renamed one would
  /// escape the scan silently).
  @Test func theDataFilesExist() {
    for file in Self.data.keys {
      #expect(FileManager.default.fileExists(atPath: Self.sources.path + "/" + file), "\(file)")
    }
  }

  /// The scanner finds a word, and lets a declared header and punctuation
  /// be.
  @Test func theScannerTellsWordsFromHeaders() {
    #expect(Self.words(in: #"  .line("合計 \(n)")"#) == ["合計 \\(n)"])
    #expect(Self.words(in: #"  .init("total", "合計", en: "Total"),"#).isEmpty)
    #expect(Self.words(in: #"  case .done: ("完了", "Done")"#).isEmpty)
    #expect(Self.words(in: #"  .joined(separator: "・")"#).isEmpty)
    #expect(Self.words(in: #"  // 合計"#).isEmpty)
  }
}
