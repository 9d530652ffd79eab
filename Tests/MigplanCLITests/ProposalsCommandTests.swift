import Foundation
import Testing

@Suite struct ProposalsCommandTests {
  @Test func listsTheKosekiProposalAndNotKokuho() throws {
    let run = try CLI.run(["proposals", "--format", "json"])
    #expect(run.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let proposals = try #require(json["proposals"] as? [[String: Any]])
    #expect(proposals.compactMap { $0["system"] as? String } == ["koseki"])
    let koseki = proposals[0]
    #expect(koseki["areas"] as? [String] == ["koseki", "koseki-fuhyo"])
    #expect(koseki["respondents"] as? [String] == ["株式会社両毛システムズ", "富士通Japan株式会社"])
    let milestones = try #require(koseki["milestones"] as? [[String: Any]])
    #expect(
      milestones.compactMap { $0["kind"] as? String } == [
        "公告", "質問受付期限", "質問回答", "参加申込期限", "参加資格確認通知", "提案書提出期限", "プレゼンテーション",
        "評価委員会", "審査結果通知", "契約",
      ])
    let dates = milestones.compactMap { $0["date"] as? String }
    #expect(dates == dates.sorted())
    let next = try #require(koseki["next"] as? [String: Any])
    #expect(next["kind"] as? String == "公告")
    #expect((next["workingDaysLeft"] as? Int ?? -1) > 0)
    #expect(koseki["contractInTime"] as? Bool == true)
    let text = try CLI.run(["proposals"])
    #expect(text.stdout.contains("戸籍情報システム") && !text.stdout.contains("国民健康保険システム"))
  }

  @Test func allAddsNegotiatedContractsNotYetSigned() throws {
    let run = try CLI.run(["proposals", "--all", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let systems = (json["proposals"] as? [[String: Any]] ?? []).compactMap {
      $0["system"] as? String
    }
    #expect(systems.contains("koseki") && systems.contains("senkyo"))
    #expect(!systems.contains("jumin") && !systems.contains("kokuho"))
  }

  @Test func asOfReplansTheMilestonesFromThatDay() throws {
    // --as-of re-plans: nothing of the proposal is recorded, so its first
    // milestone, 公告, moves to that day or later.
    let run = try CLI.run(["proposals", "--as-of", "2024-03-20", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let koseki = try #require((json["proposals"] as? [[String: Any]])?.first)
    let next = try #require(koseki["next"] as? [String: Any])
    #expect(next["kind"] as? String == "公告")
    #expect((next["date"] as? String ?? "") >= "2024-03-20")
    #expect(json["asOf"] as? String == "2024-03-20")
  }

  @Test func iCalendarIsStrictlyValidAndStable() throws {
    let run = try CLI.run(["proposals", "--all", "--format", "ics"])
    #expect(run.status == 0)
    #expect(iCalendarProblems(run.stdout) == [])
    #expect(run.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 >= 10)
    #expect(run.stdout.contains("UID:131091-koseki-notice@migplan"))
    // A later look keeps the UIDs and raises the sequence, so calendars update.
    let later = try CLI.run(["proposals", "--all", "--format", "ics", "--as-of", "2024-03-01"])
    let uids = { (text: String) in
      text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }
    #expect(Set(uids(run.stdout)) == Set(uids(later.stdout)))
  }

  @Test func iCalendarCheckerCatchesBadInput() {
    #expect(!iCalendarProblems("BEGIN:VCALENDAR\nEND:VCALENDAR\n").isEmpty)
    #expect(
      !iCalendarProblems(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nSUMMARY:a,b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
      ).isEmpty)
  }
}
