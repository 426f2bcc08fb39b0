// The window and the command line at the same time: what `fermata` commands (separate
// processes) write shows in the open window within a second, without restarting it. The window
// is built as the app builds it (AppCore, followOtherProcesses) on a real data folder.
#include "appcore.h"
#include "mainwindow.h"
#include "models/inboxmodel.h"
#include "models/tasktablemodel.h"
#include "testsupport.h"
#include "uicontext.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace fermata;

namespace {

const QString s_fermata = QStringLiteral(FERMATA_EXECUTABLE);

int command(const QString &dataDir, QStringList arguments)
{
    arguments.prepend(dataDir);
    arguments.prepend(QStringLiteral("--data-dir"));
    QProcess p;
    p.start(s_fermata, arguments);
    if (!p.waitForFinished(30000))
        return -1;
    if (p.exitCode() != 0)
        qWarning("%s", p.readAllStandardError().constData());
    return p.exitCode();
}

// The row of `title` in any task table the window shows, or -1.
int rowOf(const QWidget &window, const QString &title)
{
    for (const TaskTableModel *model : window.findChildren<TaskTableModel *>()) {
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (model->data(model->index(row, column)).toString() == title)
                    return row;
            }
        }
    }
    return -1;
}

bool contains(const QAbstractItemModel &model, const QModelIndex &parent, const QString &text)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (model.data(index).toString().contains(text) || contains(model, index, text))
            return true;
    }
    return false;
}

// Whether the Inbox lists `title`, as a row of its own or inside a group.
bool inboxShows(const QWidget &window, const QString &title)
{
    for (const InboxModel *model : window.findChildren<InboxModel *>()) {
        if (contains(*model, {}, title))
            return true;
    }
    return false;
}

} // namespace

class TestOtherProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }

    void windowShowsWhatCommandsWrite()
    {
        test::TempDataDir dir;
        auto core = AppCore::open(AppPaths::inDirectory(dir.path()));
        QVERIFY2(core, qPrintable(core ? QString() : core.error().message));
        AppCore &app = **core;
        UiContext context{app.tasks(), app.calendar(), app.preferences(), app.clock(), app.planning()};
        context.attention = &app.attention();
        MainWindow window(context);
        window.show();
        app.followOtherProcesses();

        QCOMPARE(command(dir.path(), {QStringLiteral("tasks"), QStringLiteral("add"), QStringLiteral("Written elsewhere")}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(window, QStringLiteral("Written elsewhere")) >= 0, 1000);
        const auto added = std::find_if(app.tasks().tasks().cbegin(), app.tasks().tasks().cend(),
                                        [](const Task &t) { return t.title == u"Written elsewhere"; });
        QVERIFY(added != app.tasks().tasks().cend());
        QVERIFY(!added->done);

        // Finished from the command line: the same row changes, nothing is reset.
        QSignalSpy reset(&app.tasks(), &TaskService::tasksReset);
        QCOMPARE(command(dir.path(), {QStringLiteral("tasks"), QStringLiteral("done"), QString::number(added->id)}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(app.tasks().task(added->id)->done, 1000);
        QCOMPARE(reset.count(), 0);

        // A notification stored by `fermata notify` itself (no engine listens here).
        QSignalSpy held(&app.attention(), &AttentionService::heldCountChanged);
        QCOMPARE(command(dir.path(), {QStringLiteral("notify"), QStringLiteral("--source"), QStringLiteral("ci"),
                                      QStringLiteral("--title"), QStringLiteral("Build broke")}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 1000);
        QTRY_VERIFY_WITH_TIMEOUT(inboxShows(window, QStringLiteral("Build broke")), 1000);
    }
};

QTEST_MAIN(TestOtherProcesses)
#include "tst_otherprocesses.moc"
