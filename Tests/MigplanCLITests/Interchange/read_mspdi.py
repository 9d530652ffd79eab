"""Reads an MS Project file with MPXJ (Java, through JPype) and prints what
the tests check, as JSON: the leaf and summary tasks, the links with their
types and lags, the resources with their maximum units, the assignments,
the calendar's exceptions, and per leaf task its dates and % complete."""
import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader  # noqa: E402

project = UniversalProjectReader().read(sys.argv[1])
tasks = [t for t in project.getTasks() if t.getUniqueID() is not None and int(str(t.getUniqueID())) != 0]
leaves = [t for t in tasks if not t.getSummary()]
summaries = [t for t in tasks if t.getSummary()]
links = []
for task in leaves:
    for relation in task.getPredecessors():
        links.append({
            "from": str(relation.getPredecessorTask().getName()),
            "to": str(task.getName()),
            "type": str(relation.getType()),
            "lag": str(relation.getLag()),
        })
calendar = project.getDefaultCalendar()
facts = {
    "leaves": len(leaves),
    "summaries": len(summaries),
    "systems": [str(t.getName()) for t in summaries if int(str(t.getOutlineLevel())) == 1],
    "links": links,
    "resources": [
        {"name": str(r.getName()), "maxUnits": float(str(r.getMaxUnits()))}
        for r in project.getResources() if r.getName() is not None
    ],
    "assignments": len(list(project.getResourceAssignments())),
    "exceptions": len(list(calendar.getCalendarExceptions())) if calendar is not None else 0,
    "tasks": [
        {
            "name": str(t.getName()),
            "start": str(t.getStart())[:10],
            "finish": str(t.getFinish())[:10],
            "percent": float(str(t.getPercentageComplete())),
            "baselineStart": str(t.getBaselineStart())[:10] if t.getBaselineStart() is not None else None,
        }
        for t in leaves
    ],
}
print(json.dumps(facts, ensure_ascii=False))
