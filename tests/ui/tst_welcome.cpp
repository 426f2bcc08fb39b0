// The first-run welcome: shown on an empty first run only, its steps checked off by doing
// them (Preferences accepted, a calendar brought events, a task added), gone for good once
// finished or skipped, and never shown to someone who already has data.
#include "mainwindow.h"
#include "uitestfixture.h"
#include "views/tasksview.h"
#include "views/welcomepanel.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QTimer>
#include <QPushButton>
#include <QTest>

using namespace fermata;
using test::UiServices;

#define VERIFY_OK(expr) \
    do { \
        const auto &result_ = (expr); \
        QVERIFY2(result_.isOk(), result_.isOk() ? "" : qPrintable(result_.error().message)); \
    } while (false)

namespace {

const QDateTime s_now = test::utc(2026, 12, 7, 9, 0);

Task taskNamed(const QString &title)
{
    Task task;
    task.title = title;
    task.estimateMinutes = 60;
    return task;
}

} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        test::pinEnvironment();
        m_dir = std::make_unique<test::TempDataDir>();
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_dir.reset();
    }

    void firstRunShowsItAndSkipHidesItForGood()
    {
        open();
        WelcomePanel *welcome = m_window->welcomePanel();
        QVERIFY(welcome->isVisibleTo(m_window.get()));
        QVERIFY(!m_services->preferences.welcomeFinished());
        auto *skip = welcome->findChild<QPushButton *>(QStringLiteral("welcomeSkip"));
        QVERIFY(skip);
        QTest::mouseClick(skip, Qt::LeftButton);
        QVERIFY(!welcome->isVisibleTo(m_window.get()));
        QVERIFY(m_services->preferences.welcomeFinished());

        // A new window on the same profile, still empty: it does not come back.
        reopen();
        QVERIFY(!m_window->welcomePanel()->isVisibleTo(m_window.get()));
    }

    void doingTheThreeStepsFinishesIt()
    {
        open();
        WelcomePanel *welcome = m_window->welcomePanel();
        QVERIFY(!welcome->isDone(WelcomePanel::Step::Tasks));

        // An example goes into quick-add on the Tasks view, unsent.
        auto *example = welcome->findChild<QPushButton *>(QStringLiteral("welcomeExample"));
        QVERIFY(example);
        QTest::mouseClick(example, Qt::LeftButton);
        QCOMPARE(m_window->currentViewName(), QStringLiteral("tasksView"));
        QCOMPARE(m_window->tasksView()->quickAdd()->text(), WelcomePanel::examples().constFirst());
        QVERIFY(m_services->tasks.tasks().isEmpty());

        VERIFY_OK(m_services->tasks.add(taskNamed(QStringLiteral("First task"))));
        QVERIFY(welcome->isDone(WelcomePanel::Step::Tasks));
        QVERIFY(welcome->isVisibleTo(m_window.get()));

        CalendarEvent meeting;
        meeting.source = QStringLiteral("work.ics");
        meeting.title = QStringLiteral("Standup");
        meeting.start = s_now.addDays(1);
        meeting.end = meeting.start.addSecs(900);
        VERIFY_OK(m_services->calendar.addEvent(meeting));
        QVERIFY(welcome->isDone(WelcomePanel::Step::Calendar));
        QVERIFY(welcome->isVisibleTo(m_window.get()));
        QVERIFY(!m_services->preferences.welcomeFinished());

        // Preferences accepted: the last step; the welcome is finished.
        QTimer::singleShot(0, this, [] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
                    dialog->accept();
            }
        });
        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeHours")), Qt::LeftButton);
        QVERIFY(!welcome->isVisibleTo(m_window.get()));
        QVERIFY(m_services->preferences.welcomeFinished());
    }

    void someoneWithDataNeverSeesIt()
    {
        m_services = std::make_unique<UiServices>(*m_dir, s_now, UiServices::Welcome::FirstRun);
        VERIFY_OK(m_services->tasks.add(taskNamed(QStringLiteral("Already here"))));
        m_window = std::make_unique<MainWindow>(m_services->context);
        m_window->show();
        QVERIFY(!m_window->welcomePanel()->isVisibleTo(m_window.get()));
        QVERIFY(m_services->preferences.welcomeFinished());
    }

    // It fits the smallest window without pushing the views out of reach.
    void fitsAt1024By640()
    {
        open();
        m_window->resize(1024, 640);
        QTest::qWait(50);
        WelcomePanel *welcome = m_window->welcomePanel();
        QVERIFY2(welcome->height() <= 200, qPrintable(QString::number(welcome->height())));
        const QImage shot = m_window->grab().toImage();
        if (qEnvironmentVariableIsSet("FERMATA_SCREENSHOTS"))
            shot.save(qEnvironmentVariable("FERMATA_SCREENSHOTS") + QStringLiteral("/welcome.png"));
        for (QPushButton *button : welcome->findChildren<QPushButton *>())
            QVERIFY2(!button->accessibleName().isEmpty() || !button->text().isEmpty(), qPrintable(button->objectName()));
    }

private:
    void open()
    {
        m_services = std::make_unique<UiServices>(*m_dir, s_now, UiServices::Welcome::FirstRun);
        m_window = std::make_unique<MainWindow>(m_services->context);
        m_window->show();
    }

    void reopen()
    {
        m_window.reset();
        m_services.reset();
        m_services = std::make_unique<UiServices>(*m_dir, s_now, UiServices::Welcome::FirstRun);
        m_window = std::make_unique<MainWindow>(m_services->context);
        m_window->show();
    }

    std::unique_ptr<test::TempDataDir> m_dir;
    std::unique_ptr<UiServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
