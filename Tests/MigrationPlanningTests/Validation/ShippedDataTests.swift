import Foundation
import Testing

@testable import MigrationPlanning

@Suite struct ShippedDataTests {
  @Test func catalogHoldsTwentyAreasAndFortySteps() throws {
    let catalog = Shipped.catalog
    #expect(catalog.areas.count == 20)
    #expect(catalog.template.steps.count == 40)
    #expect(catalog.template.groups.count == 18)
    #expect(catalog.template.groups.map(\.number) == Array(1...18))
    #expect(catalog.template.group(12)?.name == "PIA")
    #expect(catalog.template.step("18.1")?.role == .goLive)
    #expect(catalog.area("jumin-kiroku")?.specVersion == "4.0")
  }

  @Test func aliasesResolveTheSeedsShortNames() {
    let catalog = Shipped.catalog
    let seed = [
      "住基": "jumin-kiroku", "印鑑": "inkan-toroku", "年金": "kokumin-nenkin", "国保": "kokuho",
      "介護": "kaigo", "後期高齢": "koki-koreisha", "就学支援": "shugaku", "選挙人名簿": "senkyo",
      "子ども子育て支援(保育)": "kodomo-kosodate", "障害者": "shogaisha", "戸籍附票": "koseki-fuhyo",
      "軽自動車税": "kei-jidoshazei", "個人住民税": "kojin-juminzei",
      "子ども子育て支援（保育）": "kodomo-kosodate",
    ]
    for (name, id) in seed {
      #expect(catalog.resolveArea(name)?.id == id, "\(name)")
    }
    #expect(catalog.resolveArea("固定資産税")?.id == "kotei-shisanzei")
    #expect(catalog.resolveArea("存在しない事務") == nil)
  }

  @Test func shinagawaHoldsEighteenAreasAndSeventeenSystems() throws {
    let plan = Shipped.inputs.plan
    #expect(plan.areas.count == 18)
    #expect(plan.systems.count == 17)
    #expect(!plan.areas.contains("kotei-shisanzei"))
    #expect(!plan.areas.contains("hojin-juminzei"))
    #expect(plan.asOf == CivilDate(year: 2024, month: 1, day: 31))
    #expect(plan.deadline == CivilDate(year: 2026, month: 3, day: 31))
    let koseki = try #require(plan.system("koseki"))
    #expect(koseki.areas == ["koseki", "koseki-fuhyo"])
    #expect(koseki.respondents == ["ryomo-systems", "fujitsu-japan"])
    #expect(koseki.procurement == .proposal && koseki.procurementStatus == .planned)
    let kokuho = try #require(plan.system("kokuho"))
    #expect(kokuho.procurement == .proposal && kokuho.procurementStatus == .done)
    // 健康管理 needs two systems; 障害者 too.
    #expect(plan.systems(serving: "kenko-kanri").count == 2)
    #expect(plan.systems(serving: "shogaisha").count == 2)
    // Every area is served.
    for area in plan.areas { #expect(!plan.systems(serving: area).isEmpty) }
  }

  @Test func shippedDataChecksClean() throws {
    let diagnostics = DiagnosticCollector()
    let inputs = try InputStage.load(
      catalog: .directory(Paths.catalog), planDirectory: Paths.shinagawa, diagnostics: diagnostics)
    #expect(inputs != nil)
    // The same load as check: no error, no warning; the notes are the
    // transitional measures the sheets declare (one per system using one).
    let problems = diagnostics.sorted.filter { $0.severity != .note }
    #expect(problems.isEmpty, "\(problems.map(\.description))")
    #expect(diagnostics.sorted.allSatisfy { $0.id == "deferred-functions" })
    #expect(diagnostics.sorted.count == 17)
  }
}
