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
