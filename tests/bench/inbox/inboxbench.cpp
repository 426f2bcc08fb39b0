// inbox_bench: what one arriving notification costs the GUI thread when 10,000 are held.
// The real AttentionService, InboxView (with its InboxModel) and the status chip's
// AttentionStatus run offscreen over a database seeded with 10,000 held notifications. Each
// run ingests one notification through the service, as the local socket does, and then lets
// the GUI thread do everything that follows from it (queued model updates, the view's
// refresh, layout and paint). Prints the median and 90th percentile of the runs, for the
// Inbox folded (outside a window, the usual case) and unfolded (after "Peek early", all groups
// expanded), next to the bare ingest without any view.
//
//   inbox_bench [--held 10000] [--runs 41] [--only bare|folded|unfolded]
#include "attentiontestfixture.h"
#include "attentionstatus.h"
#include "models/inboxmodel.h"
#include "views/inboxfolding.h"
#include "views/inboxview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <memory>
#include <vector>

using namespace fermata;

namespace {

QTextStream out(stdout);

struct Figures
{
    double median = 0;
    double p90 = 0;
    double afterIngestMedian = 0; // the views' share: the GUI thread's time after ingest() returned
};

Figures figures(std::vector<double> ms, std::vector<double> afterIngest)
{
    std::sort(ms.begin(), ms.end());
    std::sort(afterIngest.begin(), afterIngest.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.9))],
            afterIngest[afterIngest.size() / 2]};
}

// 12 sources, 97 senders, 1,500 titles: many groups and many duplicates to collapse.
void seedHeld(test::AttentionUiServices &s, int count)
{
    const QDateTime base = s.clock.now().addSecs(-1800); // after the 09:00 window closed
    for (int start = 0; start < count; start += 5000) {
        QList<InboxItem> items;
        for (int i = start; i < std::min(count, start + 5000); ++i) {
            InboxItem item;
            item.notification.source = QStringLiteral("source%1").arg(i % 12);
            item.notification.sender = QStringLiteral("sender%1").arg(i % 97);
            item.notification.title = QStringLiteral("Title %1").arg(i % 1500);
            item.notification.body = QStringLiteral("A body of ordinary length for a notification.");
            item.notification.receivedAt = base.addMSecs(i * 100);
            item.uuid = QStringLiteral("seed-%1").arg(i);
            items.append(item);
        }
        const Status stored = s.database->inTransaction([&]() -> Status {
            auto ids = s.attention.repository().add(items);
            return ids ? Status() : Status(ids.error());
        });
        if (!stored)
            qFatal("%s", qPrintable(stored.error().message));
    }
}

// Everything the GUI thread has to do after the ingest: posted events (queued updates,
// layout requests, paint) until none are left.
void settle()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}

// One run: a notification from an existing group every other time, from a new one otherwise.
std::pair<double, double> arrive(test::AttentionUiServices &s, int run)
{
    InboxItem item;
    item.notification.source = QStringLiteral("source%1").arg(run % 12);
    item.notification.sender = run % 2 ? QStringLiteral("newcomer%1").arg(run) : QStringLiteral("sender%1").arg(run % 97);
    item.notification.title = QStringLiteral("Arrived %1").arg(run);
    item.notification.body = QStringLiteral("A body of ordinary length for a notification.");
    item.uuid = QStringLiteral("run-%1").arg(run);
    QElapsedTimer timer;
    timer.start();
    auto ids = s.attention.ingest({item});
    const qint64 ingested = timer.nsecsElapsed();
    settle();
    const qint64 total = timer.nsecsElapsed();
    if (!ids)
        qFatal("%s", qPrintable(ids.error().message));
    return {double(total) / 1e6, double(total - ingested) / 1e6};
}

enum class Setup { NoView, Folded, Unfolded };

Figures measure(Setup setup, int held, int runs)
{
    test::TempDataDir dir;
    test::AttentionUiServices s(dir, test::utc(2026, 3, 2, 10, 0)); // Monday, outside the windows
    seedHeld(s, held);
    std::unique_ptr<InboxView> view;
    std::unique_ptr<AttentionStatus> status;
    QString chip;
    if (setup != Setup::NoView) {
        view = std::make_unique<InboxView>(s.context);
        view->resize(1000, 700);
        view->show();
        status = std::make_unique<AttentionStatus>(s.context);
        // As the main window's top bar does: the chip's text follows every change.
        QObject::connect(status.get(), &AttentionStatus::changed, status.get(),
                         [&] { chip = status->text(QString()); });
        if (setup == Setup::Unfolded) {
            if (Status peeked = view->findChild<InboxFolding *>()->peek(); !peeked)
                qFatal("%s", qPrintable(peeked.error().message));
        }
        settle();
        if (view->isFolded() != (setup == Setup::Folded))
            qFatal("The Inbox is not in the state to measure.");
    }
    std::vector<double> ms;
    std::vector<double> afterIngest;
    for (int run = 0; run < runs; ++run) {
        const auto [total, after] = arrive(s, run);
        ms.push_back(total);
        afterIngest.push_back(after);
    }
    if (view && view->heldCount() != held + runs)
        qFatal("The Inbox shows %d held, expected %d.", view->heldCount(), held + runs);
    if (setup == Setup::Unfolded && view->model()->itemCount() < held + runs)
        qFatal("The Inbox lists %d items, expected %d.", view->model()->itemCount(), held + runs);
    return figures(ms, afterIngest);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    test::pinEnvironment();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("held"), QStringLiteral("Held notifications in the database."),
                        QStringLiteral("n"), QStringLiteral("10000")},
                       {QStringLiteral("runs"), QStringLiteral("Notifications timed per figure."),
                        QStringLiteral("n"), QStringLiteral("41")},
                       {QStringLiteral("only"), QStringLiteral("Measure one case: bare, folded or unfolded."),
                        QStringLiteral("case")}});
    parser.process(app);
    const int held = std::max(0, parser.value(QStringLiteral("held")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    out << "inbox_bench: one notification arriving with " << held << " held, GUI thread time "
           "(ingest + model update + view refresh + paint), median and p90 of " << runs << " runs\n";
    const struct
    {
        Setup setup;
        const char *key;
        const char *name;
    } cases[] = {{Setup::NoView, "bare", "ingest only, no view"},
                 {Setup::Folded, "folded", "Inbox folded (outside a window)"},
                 {Setup::Unfolded, "unfolded", "Inbox unfolded (peeking, groups expanded)"}};
    const QString only = parser.value(QStringLiteral("only"));
    for (const auto &c : cases) {
        if (!only.isEmpty() && only != QLatin1String(c.key))
            continue;
        const Figures f = measure(c.setup, held, runs);
        out << QStringLiteral("%1: median %2 ms, p90 %3 ms%4; after ingest() returned: median %5 ms\n")
                   .arg(QLatin1String(c.name))
                   .arg(f.median, 0, 'f', 2)
                   .arg(f.p90, 0, 'f', 2)
                   .arg(c.setup == Setup::NoView ? QString() : QStringLiteral(" (target <= 2)"))
                   .arg(f.afterIngestMedian, 0, 'f', 2);
        out.flush();
    }
    return 0;
}
