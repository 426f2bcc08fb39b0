// Test helper for tst_crashsafety: adds tasks to the database given as the only argument,
// forever, and prints each id on its own line only after add() returned success. The test
// kills it at a random moment; every printed id must then be in the file.
#include "storage/database.h"
#include "storage/repositories.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: fermata_crashwriter DATABASE\n");
        return 2;
    }
    auto db = fermata::Database::open(args.at(1));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    fermata::TaskRepository tasks(**db);
    for (qint64 i = 0;; ++i) {
        fermata::Task task;
        task.title = QStringLiteral("Crash test task %1").arg(i);
        task.tags = {QStringLiteral("crash"), QString::number(i)};
        const auto id = tasks.add(task);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(id.error().message));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
}
