/// Writes a committed schedule as `committed.xml` beside plan.xml
/// (docs/reference/plan-format.md#the-committed-schedule).
public enum CommittedWriter {
  /// The committed schedule as XML text.
  public static func xml(_ committed: CommittedSchedule) -> String {
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    lines.append(
      "<!-- Written by migplan: the schedule last accepted, repaired by every command that "
        + "schedules this plan. Do not edit: migplan optimize with its accept option replaces it. -->"
    )
    lines.append(
      "<committed xmlns=\"\(CommittedSchedule.namespace)\" asOf=\"\(committed.asOf.iso)\" "
        + "plan=\"\(committed.planDigest)\">")
    for task in committed.tasks {
      lines.append(
        "  <task id=\"\(PlanWriter.escape(task.id))\" start=\"\(task.start.iso)\"/>")
    }
    lines.append("</committed>")
    return lines.joined(separator: "\n") + "\n"
  }
}
