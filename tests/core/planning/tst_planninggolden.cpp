// Golden files: tests/data/planning/NAME.request.json must plan to NAME.expected.json.
// One ctest case per pair (the pair's NAME is the argument). FERMATA_UPDATE_GOLDEN=1
// rewrites the expected file and then fails, so a run that rewrote files is never green:
// review the diff by hand and run again without it.
#include "testsupport.h"

#include "planning/planjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace fermata;

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
    const Result<PlanRequest> request = interop::readPlanRequest(fermata::test::fileBytes(base + QStringLiteral(".request.json")));
    if (!request) {
        err << request.error().message << "\n";
        return 1;
    }
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
