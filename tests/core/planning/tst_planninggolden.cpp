// Golden files: tests/data/planning/NAME.request.json must plan to NAME.expected.json.
// One ctest case per pair (the pair's NAME is the argument). FERMATA_UPDATE_GOLDEN=1
// rewrites the expected file and then fails, so a run that rewrote files is never green:
// review the diff by hand and run again without it.
// A pair may have NAME.learning.json (issue 17): the tasks' tags and finished tasks' times;
// the request's tasks are then planned with their learnt times, as PlanningService does
// when "Learn from my estimates" is on.
#include "testsupport.h"

#include "planning/planjson.h"
#include "tasks/estimatelearning.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace fermata;

namespace {

// {"tags": {"<task id>": ["writing"]}, "finished": [{"tags": [...], "estimateMinutes": 60,
//  "actualMinutes": 80, "finishedAt": "2024-02-26T10:00:00Z"}]}
void applyLearning(const QString &path, PlanRequest &request)
{
    if (!QFile::exists(path))
        return;
    const QJsonObject root = QJsonDocument::fromJson(fermata::test::fileBytes(path)).object();
    const QJsonObject tags = root.value(QStringLiteral("tags")).toObject();
    for (Task &task : request.tasks) {
        for (const QJsonValue tag : tags.value(QString::number(task.id)).toArray())
            task.tags.append(tag.toString());
    }
    QList<EstimateSample> samples;
    for (const QJsonValue v : root.value(QStringLiteral("finished")).toArray()) {
        const QJsonObject o = v.toObject();
        EstimateSample s;
        s.taskId = samples.size() + 1;
        for (const QJsonValue tag : o.value(QStringLiteral("tags")).toArray())
            s.tags.append(tag.toString());
        s.estimateMinutes = o.value(QStringLiteral("estimateMinutes")).toInt();
        s.actualMinutes = o.value(QStringLiteral("actualMinutes")).toInt();
        s.finishedMs = QDateTime::fromString(o.value(QStringLiteral("finishedAt")).toString(), Qt::ISODate)
                           .toMSecsSinceEpoch();
        samples.append(s);
    }
    EstimateLearning(samples).apply(request.tasks);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    fermata::test::pinEnvironment();
    QTextStream err(stderr);
    if (argc != 2) {
        err << "usage: tst_planninggolden NAME\n";
        return 2;
    }
    const QString base = qEnvironmentVariable("FERMATA_TEST_DATA") + QStringLiteral("/planning/") + QString::fromLocal8Bit(argv[1]);
    Result<PlanRequest> request = interop::readPlanRequest(fermata::test::fileBytes(base + QStringLiteral(".request.json")));
    if (!request) {
        err << request.error().message << "\n";
        return 1;
    }
    applyLearning(base + QStringLiteral(".learning.json"), request.value());
    const QByteArray actual = interop::writePlan(Planner::plan(*request), *request);
    const QString expectedPath = base + QStringLiteral(".expected.json");
    if (qEnvironmentVariableIntValue("FERMATA_UPDATE_GOLDEN")) {
        QFile f(expectedPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(actual) != actual.size() || !f.flush()) {
            err << "cannot rewrite " << expectedPath << ": " << f.errorString() << "\n";
            return 1;
        }
        err << "FERMATA_UPDATE_GOLDEN is set: rewrote " << expectedPath
            << "; review the diff, then run again without FERMATA_UPDATE_GOLDEN\n";
        return 1;
    }
    if (actual != fermata::test::fileBytes(expectedPath)) {
        err << "plan differs from " << expectedPath << ":\n" << actual;
        return 1;
    }
    return 0;
}
