#include "uitestfixture.h"
#include "views/taskdetailspanel.h"

#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QTest>

using namespace fermata;
using test::UiServices;

// The details panel's "Waits for": the task this one depends on (quick-add's `after "…"`),
// shown, changed and cleared.
class TestTaskDetailsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment("Europe/Berlin"); }

    void init()
    {
        m_dir = std::make_unique<test::TempDataDir>();
        m_services = std::make_unique<UiServices>(*m_dir, test::utc(2026, 12, 2, 9));
        m_draft = add(QStringLiteral("Draft"));
        m_report = add(QStringLiteral("Write report"), {m_draft});
        m_review = add(QStringLiteral("Review"), {m_report});
        m_panel = std::make_unique<TaskDetailsPanel>(m_services->context);
        m_panel->resize(400, 720);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_services.reset();
        m_dir.reset();
    }

    void showsWhatTheTaskWaitsFor()
    {
        m_panel->showTask(m_report);
        QComboBox *box = m_panel->waitsForBox();
        QCOMPARE(box->currentData().toLongLong(), m_draft);
        QCOMPARE(box->currentText(), QStringLiteral("Draft"));
        QVERIFY(!m_panel->isModified());
        // Neither itself nor a task waiting for it can be chosen (that would be a circle).
        QCOMPARE(box->findData(m_report), -1);
        QCOMPARE(box->findData(m_review), -1);
        grab(QStringLiteral("details-waits-for.png"));

        m_panel->showTask(m_draft);
        QCOMPARE(box->currentData().toLongLong(), qint64(0));
        QCOMPARE(box->findData(m_report), -1); // waits for Draft
        QCOMPARE(box->findData(m_review), -1); // waits for Draft through Write report
    }

    void pickAnotherAndClear()
    {
        m_panel->showTask(m_report);
        QComboBox *box = m_panel->waitsForBox();
        const qint64 research = add(QStringLiteral("Research")); // the choices follow the service
        const int index = box->findData(research);
        QVERIFY(index > 0);
        QCOMPARE(box->currentData().toLongLong(), m_draft); // the pick survives the refresh
        box->setCurrentIndex(index);
        QVERIFY(m_panel->isModified());
        QVERIFY(m_panel->applyButton()->isEnabled());
        QVERIFY(m_panel->apply());
        QCOMPARE(m_services->tasks.task(m_report)->dependsOn, QList<qint64>{research});

        box->setCurrentIndex(box->findData(qint64(0)));
        QVERIFY(m_panel->apply());
        QVERIFY(m_services->tasks.task(m_report)->dependsOn.isEmpty());
        QCOMPARE(box->currentData().toLongLong(), qint64(0));
    }

    void removedDependencyIsCleared()
    {
        m_panel->showTask(m_report);
        QVERIFY(m_services->tasks.remove(m_draft).isOk());
        QCOMPARE(m_panel->waitsForBox()->currentData().toLongLong(), qint64(0));
        QCOMPARE(m_panel->waitsForBox()->findData(m_draft), -1);
        QVERIFY(!m_panel->isModified());
    }

private:
    qint64 add(const QString &title, const QList<qint64> &dependsOn = {})
    {
        Task task;
        task.title = title;
        task.dependsOn = dependsOn;
        const auto added = m_services->tasks.add(task);
        if (!added)
            qFatal("%s", qPrintable(added.error().message));
        return added->id;
    }

    void grab(const QString &name)
    {
        if (const QByteArray dir = qgetenv("FERMATA_SHOTS"); !dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            QTest::qWait(100); // the scroll area settles its scroll bar first
            m_panel->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name);
        }
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<TaskDetailsPanel> m_panel;
    qint64 m_draft = 0;
    qint64 m_report = 0;
    qint64 m_review = 0;
};

QTEST_MAIN(TestTaskDetailsPanel)
#include "tst_taskdetailspanel.moc"
