// Writes a year of realistic data into a fresh Fermata database: 5,000 tasks and 10,000
// calendar events, through the same repositories the app uses.
// Usage: seed_year_database DATA_DIR [TASKS] [EVENTS]
#include "storage/database.h"
#include "storage/repositories.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

using namespace fermata;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: seed_year_database DATA_DIR [TASKS] [EVENTS]\n");
        return 2;
    }
    const int taskCount = args.value(2, QStringLiteral("5000")).toInt();
    const int eventCount = args.value(3, QStringLiteral("10000")).toInt();
    QDir().mkpath(args.at(1));
    auto opened = Database::open(QDir(args.at(1)).filePath(QStringLiteral("fermata.sqlite")));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Database &db = *opened.value();
    // Seeding only: skip the per-commit fsync the app relies on, or 15,000 commits take minutes.
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA synchronous=OFF"));

    const QDateTime yearStart(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC);
    quint32 seed = 20260105;
    auto next = [&seed](int bound) {
        seed = seed * 1664525u + 1013904223u;
        return int((seed >> 8) % quint32(bound));
    };

    TaskRepository tasks(db);
    for (int i = 0; i < taskCount; ++i) {
        Task task;
        task.title = QStringLiteral("Task %1: %2").arg(i + 1).arg(
            QStringList{QStringLiteral("write report"), QStringLiteral("review design"),
                        QStringLiteral("prepare talk"), QStringLiteral("fix import bug"),
                        QStringLiteral("plan quarter")}.at(next(5)));
        task.estimateMinutes = 30 + 15 * next(16);
        task.remainingMinutes = task.estimateMinutes;
        task.priority = Priority(1 + next(4));
        task.deadline = yearStart.addDays(next(364)).addSecs(17 * 3600);
        task.done = next(3) == 0;
        task.tags = {QStringLiteral("project-%1").arg(next(20))};
        if (i > 0 && next(10) == 0)
            task.dependsOn = {qint64(1 + next(i))};
        if (auto added = tasks.add(task); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
            return 1;
        }
    }
    CalendarEventRepository events(db);
    for (int i = 0; i < eventCount; ++i) {
        CalendarEvent event;
        event.source = QStringLiteral("work");
        event.title = QStringLiteral("Meeting %1").arg(i + 1);
        event.start = yearStart.addDays(next(364)).addSecs(3600 * (8 + next(9)) + 900 * next(4));
        event.end = event.start.addSecs(1800 * (1 + next(4)));
        event.bufferBeforeMinutes = 5;
        event.bufferAfterMinutes = 5;
        if (auto added = events.add(event); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
            return 1;
        }
    }
    std::printf("seeded %d tasks and %d events into %s\n", taskCount, eventCount, qPrintable(db.path()));
    return 0;
}
