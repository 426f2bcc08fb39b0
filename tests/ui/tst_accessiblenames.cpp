#include "attentiontestfixture.h"
#include "calendar/calendarinteropservice.h"
#include "dialogs/editmessagedialog.h"
#include "dialogs/exportcalendardialog.h"
#include "dialogs/focusendprompt.h"
#include "dialogs/focusstartdialog.h"
#include "dialogs/preferencesdialog.h"
#include "mainwindow.h"
#include "widgets/daytimeline.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace fermata;
using test::AttentionUiServices;
using test::utc;

// Every focusable, visible control says what it is: an accessible name, a buddy label or
// its own visible text. Walks every view of the window, every Preferences page and every
// dialog.
class TestAccessibleNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::pinEnvironment(); }
    void everyControlIsNamed();

private:
    void collect(QWidget *top, const QString &where);
    QStringList m_unnamed;
};

namespace {
bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const DayTimeline *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QTextEdit *>(widget);
}

// Parts of a composite control (a spin box's or combo box's line edit, an item view's editor).
bool isInnerPart(const QWidget *widget)
{
    for (const QWidget *parent = widget->parentWidget(); parent && !parent->isWindow(); parent = parent->parentWidget()) {
        if (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent)
            || qobject_cast<const QAbstractItemView *>(parent))
            return true;
    }
    return false;
}

QString visibleText(const QWidget *widget)
{
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text();
    return {};
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        path.prepend(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') + w->objectName());
        if (w->isWindow())
            break;
    }
    return path.join(QStringLiteral(" > "));
}
} // namespace

void TestAccessibleNames::collect(QWidget *top, const QString &where)
{
    QSet<const QWidget *> buddied;
    for (const QLabel *label : top->findChildren<QLabel *>()) {
        if (label->buddy() && !label->text().isEmpty())
            buddied.insert(label->buddy());
    }
    const QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!isControl(widget) || widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() || isInnerPart(widget))
            continue;
        if (!widget->accessibleName().trimmed().isEmpty() || buddied.contains(widget)
            || !visibleText(widget).remove(QLatin1Char('&')).trimmed().isEmpty())
            continue;
        const QString entry = where + QStringLiteral(": ") + describe(widget);
        if (!m_unnamed.contains(entry))
            m_unnamed.append(entry);
    }
}

void TestAccessibleNames::everyControlIsNamed()
{
    test::TempDataDir dir;
    QVERIFY(dir.isValid());
    AttentionUiServices services(dir, utc(2024, 5, 13, 8, 30));
    services.notify(QStringLiteral("mail"), QStringLiteral("Lunch?"), QStringLiteral("Ana"));
    MainWindow window(services.context);
    window.resize(1200, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The walk does find an unnamed control (guards the check itself).
    {
        auto *probe = new QLineEdit(&window);
        probe->show();
        collect(&window, QStringLiteral("probe"));
        QCOMPARE(m_unnamed.size(), 1);
        m_unnamed.clear();
        delete probe;
    }

    const QList<std::pair<MainWindow::View, QString>> views = {
        {MainWindow::View::Today, QStringLiteral("Today")},   {MainWindow::View::Week, QStringLiteral("Week")},
        {MainWindow::View::Tasks, QStringLiteral("Tasks")},   {MainWindow::View::Inbox, QStringLiteral("Inbox")},
        {MainWindow::View::Outbox, QStringLiteral("Outbox")}, {MainWindow::View::Team, QStringLiteral("Team")},
        {MainWindow::View::Insights, QStringLiteral("Insights")}};
    for (const auto &[view, name] : views) {
        window.showView(view);
        QCoreApplication::processEvents();
        collect(&window, name);
    }

    bool sawPreferences = false;
    QTimer::singleShot(0, qApp, [this, &sawPreferences] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawPreferences = true;
        for (int i = 0; i < dialog->tabs()->count(); ++i) {
            dialog->tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            collect(dialog, QStringLiteral("Preferences/") + dialog->tabs()->tabText(i).remove(QLatin1Char('&')));
        }
        dialog->reject();
    });
    for (QAction *action : window.menuBar()->actions().constFirst()->menu()->actions()) {
        if (action->text() == u"&Preferences…")
            action->trigger();
    }
    QVERIFY(sawPreferences);

    FocusStartDialog start(services.tasks.tasks(), 0, 25, &window);
    start.show();
    QVERIFY(QTest::qWaitForWindowExposed(&start));
    collect(&start, QStringLiteral("Start focus"));
    start.hide();
    FocusEndPrompt end(&window);
    end.show();
    QVERIFY(QTest::qWaitForWindowExposed(&end));
    collect(&end, QStringLiteral("Focus ended"));
    end.hide();
    EditMessageDialog edit(QStringLiteral("Ada"), QStringLiteral("Draft"), QStringLiteral("Body"), &window);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    collect(&edit, QStringLiteral("Edit message"));
    edit.hide();
    CalendarInteropService interop(*services.database, services.clock);
    ExportCalendarDialog exportDialog(interop, QDate(2024, 5, 13), QTimeZone::utc(), &window);
    exportDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&exportDialog));
    collect(&exportDialog, QStringLiteral("Export calendar"));
    exportDialog.hide();

    QVERIFY2(m_unnamed.isEmpty(), qPrintable(QStringLiteral("Unnamed controls:\n") + m_unnamed.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibleNames)
#include "tst_accessiblenames.moc"
