#include "models/tasktablemodel.h"
#include "testsupport.h"
#include "views/opentaskdelegate.h"
#include "widgets/focusringstyle.h"
#include "widgets/navigationlist.h"
#include "widgets/palettecolors.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTest>
#include <QToolButton>

#include <functional>
#include <memory>

using namespace fermata;

namespace {

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35), QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::WindowText, Qt::white);
    palette.setColor(QPalette::Base, QColor(0x23, 0x23, 0x23));
    palette.setColor(QPalette::Text, Qt::white);
    palette.setColor(QPalette::ButtonText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

bool near(QRgb pixel, const QColor &colour)
{
    constexpr int tolerance = 40; // colour rounding only: the straight sides are solid
    return qAbs(qRed(pixel) - colour.red()) <= tolerance && qAbs(qGreen(pixel) - colour.green()) <= tolerance
        && qAbs(qBlue(pixel) - colour.blue()) <= tolerance;
}

// The share (0..1) of pixels where the ring belongs, the 2 px band `inset` inside `area`,
// that have the ring's colour. The corners are left out: the ring is rounded there.
qreal ringShare(const QImage &image, const QRect &area, int inset, const QColor &colour)
{
    const QRect outer = area.adjusted(inset, inset, -inset, -inset);
    const QRect inner = outer.adjusted(FocusRingStyle::ringWidth, FocusRingStyle::ringWidth,
                                       -FocusRingStyle::ringWidth, -FocusRingStyle::ringWidth);
    const QRect straight = outer.adjusted(4, 4, -4, -4);
    int band = 0;
    int matching = 0;
    for (int y = outer.top(); y <= outer.bottom(); ++y) {
        for (int x = outer.left(); x <= outer.right(); ++x) {
            const bool inBand = !inner.contains(x, y);
            const bool corner = (x < straight.left() || x > straight.right())
                && (y < straight.top() || y > straight.bottom());
            if (!inBand || corner)
                continue;
            ++band;
            matching += near(image.pixel(x, y), colour) ? 1 : 0;
        }
    }
    return band ? qreal(matching) / band : 0.0;
}

// A list and a line edit in one window: focus on the list, then on the edit.
struct Scene
{
    QWidget window;
    QListView *list = nullptr;
    QLineEdit *elsewhere = nullptr;
};

using ListFactory = std::function<QListView *(QWidget *parent)>;

QListView *plainList(QWidget *parent)
{
    auto *list = new QListView(parent);
    list->setModel(new QStringListModel({QStringLiteral("Write report"), QStringLiteral("Call Ann"),
                                         QStringLiteral("Book trip"), QStringLiteral("Review PR")},
                                        list));
    return list;
}

QListView *openTaskList(QWidget *parent)
{
    auto *model = new QStandardItemModel(0, TaskTableModel::ColumnCount);
    const auto addTask = [model](const QString &title, const QString &priority, const QString &estimate) {
        QList<QStandardItem *> row;
        for (int column = 0; column < TaskTableModel::ColumnCount; ++column)
            row.append(new QStandardItem);
        row[TaskTableModel::Title]->setText(title);
        row[TaskTableModel::Priority]->setText(priority);
        row[TaskTableModel::Estimate]->setText(estimate);
        model->appendRow(row);
    };
    addTask(QStringLiteral("Write report"), QStringLiteral("P1"), QStringLiteral("3 h"));
    addTask(QStringLiteral("Call Ann"), QStringLiteral("P2"), QStringLiteral("30 min"));
    addTask(QStringLiteral("Book trip"), QStringLiteral("P3"), QStringLiteral("1 h"));
    auto *list = new QListView(parent);
    model->setParent(list);
    list->setModel(model);
    list->setItemDelegate(new OpenTaskDelegate(list));
    return list;
}

QListView *navigationList(QWidget *parent)
{
    auto *list = new NavigationList(parent);
    list->addEntry(QIcon(), QStringLiteral("Today"), QKeySequence(QStringLiteral("Ctrl+1")));
    list->addEntry(QIcon(), QStringLiteral("Inbox"), QKeySequence(QStringLiteral("Ctrl+2")));
    list->addEntry(QIcon(), QStringLiteral("Tasks"), QKeySequence(QStringLiteral("Ctrl+3")));
    list->setBadge(1, 12); // the badge is painted on the row that gets the ring
    return list;
}

using ControlFactory = std::function<QWidget *(QWidget *parent)>;

QWidget *pushButton(QWidget *parent)
{
    return new QPushButton(QStringLiteral("Plan"), parent);
}

QWidget *toolButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(QStringLiteral("Today"));
    return button;
}

QWidget *comboBox(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItems({QStringLiteral("Any time"), QStringLiteral("Mornings")});
    return combo;
}

} // namespace

Q_DECLARE_METATYPE(ListFactory)
Q_DECLARE_METATYPE(ControlFactory)

// With FocusRingStyle installed, keyboard focus is plain to see in light and dark palettes:
// on the current item of a list (plain, the Today list's OpenTaskDelegate, the navigation
// list's badge delegate) only while the list has focus, and round a tabbed-to control.
class TestFocusRing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::pinEnvironment();
        FocusRingStyle::install(*qApp); // as runGuiApp does
        QVERIFY(qobject_cast<FocusRingStyle *>(QApplication::style()));
    }
    void currentItemShowsRingOnlyWhileFocused_data();
    void currentItemShowsRingOnlyWhileFocused();
    void selectedCurrentItemRingStandsOutOnHighlight_data();
    void selectedCurrentItemRingStandsOutOnHighlight();
    void controlShowsRingWhenTabbedTo_data();
    void controlShowsRingWhenTabbedTo();

private:
    static std::unique_ptr<Scene> show(const ListFactory &makeList, const QPalette &palette);
    static void addRows();
    // The share of ring-coloured pixels round `current`: with the list focused, then with
    // focus on the other widget (-1 when focus did not get there).
    static std::pair<qreal, qreal> ringShareFocusedThenNot(Scene &scene, const QModelIndex &current,
                                                           const QColor &ring);
};

void TestFocusRing::addRows()
{
    QTest::addColumn<ListFactory>("makeList");
    QTest::addColumn<QPalette>("palette");
    const std::pair<const char *, ListFactory> lists[] = {
        {"plain", plainList}, {"open tasks", openTaskList}, {"navigation", navigationList}};
    for (const auto &[name, factory] : lists) {
        QTest::addRow("%s, light", name) << factory << lightPalette();
        QTest::addRow("%s, dark", name) << factory << darkPalette();
    }
}

std::pair<qreal, qreal> TestFocusRing::ringShareFocusedThenNot(Scene &scene, const QModelIndex &current,
                                                                const QColor &ring)
{
    const QRect item = scene.list->visualRect(current);
    const auto share = [&] {
        return ringShare(scene.list->viewport()->grab().toImage(), item, FocusRingStyle::itemInset, ring);
    };
    scene.list->setFocus();
    if (!QTest::qWaitFor([&] { return scene.list->hasFocus(); }))
        return {-1, -1};
    const qreal focused = share();
    scene.elsewhere->setFocus();
    if (!QTest::qWaitFor([&] { return scene.elsewhere->hasFocus(); }))
        return {-1, -1};
    return {focused, share()};
}

std::unique_ptr<Scene> TestFocusRing::show(const ListFactory &makeList, const QPalette &palette)
{
    auto scene = std::make_unique<Scene>();
    scene->window.setPalette(palette);
    auto *layout = new QHBoxLayout(&scene->window);
    scene->list = makeList(&scene->window);
    scene->elsewhere = new QLineEdit(&scene->window);
    layout->addWidget(scene->list);
    layout->addWidget(scene->elsewhere);
    scene->window.resize(480, 260);
    scene->window.show();
    QApplication::setActiveWindow(&scene->window);
    if (!QTest::qWaitForWindowActive(&scene->window))
        return nullptr;
    return scene;
}

void TestFocusRing::currentItemShowsRingOnlyWhileFocused_data()
{
    addRows();
}

void TestFocusRing::currentItemShowsRingOnlyWhileFocused()
{
    QFETCH(ListFactory, makeList);
    QFETCH(QPalette, palette);
    const auto scene = show(makeList, palette);
    QVERIFY(scene);
    const QModelIndex current = scene->list->model()->index(1, 0);
    scene->list->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate); // not selected

    const QColor ring = PaletteColors::focusRing(palette);
    const auto [focused, unfocused] = ringShareFocusedThenNot(*scene, current, ring);
    QVERIFY2(focused > 0.9, qPrintable(QStringLiteral("ring pixels: %1").arg(focused)));
    QVERIFY2(unfocused < 0.05, qPrintable(QStringLiteral("ring pixels: %1").arg(unfocused)));
}

void TestFocusRing::selectedCurrentItemRingStandsOutOnHighlight_data()
{
    addRows();
}

// A selected row is filled with the accent the ring would have: there the ring takes the
// highlighted-text colour instead.
void TestFocusRing::selectedCurrentItemRingStandsOutOnHighlight()
{
    QFETCH(ListFactory, makeList);
    QFETCH(QPalette, palette);
    const auto scene = show(makeList, palette);
    QVERIFY(scene);
    const QModelIndex current = scene->list->model()->index(1, 0);
    scene->list->setCurrentIndex(current);
    QVERIFY(scene->list->selectionModel()->isSelected(current));

    const QColor ring = palette.color(QPalette::HighlightedText);
    QVERIFY(PaletteColors::contrast(ring, palette.color(QPalette::Highlight)) >= 3.0);
    const auto [focused, unfocused] = ringShareFocusedThenNot(*scene, current, ring);
    QVERIFY2(focused > 0.9, qPrintable(QStringLiteral("ring pixels: %1").arg(focused)));
    QVERIFY2(unfocused < 0.05, qPrintable(QStringLiteral("ring pixels: %1").arg(unfocused)));
}

void TestFocusRing::controlShowsRingWhenTabbedTo_data()
{
    QTest::addColumn<ControlFactory>("makeControl");
    QTest::addColumn<QPalette>("palette");
    const std::pair<const char *, ControlFactory> controls[] = {
        {"push button", pushButton}, {"tool button", toolButton}, {"combo box", comboBox}};
    for (const auto &[name, factory] : controls) {
        QTest::addRow("%s, light", name) << factory << lightPalette();
        QTest::addRow("%s, dark", name) << factory << darkPalette();
    }
}

// Fusion marks these with a faint 1 px outline (or rings only a tool button's text): the
// ring goes around the whole control once the keyboard brings focus there.
void TestFocusRing::controlShowsRingWhenTabbedTo()
{
    QFETCH(ControlFactory, makeControl);
    QFETCH(QPalette, palette);
    QWidget window;
    window.setPalette(palette);
    auto *layout = new QHBoxLayout(&window);
    auto *before = new QLineEdit(&window);
    QWidget *control = makeControl(&window);
    control->setFocusPolicy(Qt::StrongFocus); // a tool button takes no Tab focus by default
    auto *after = new QLineEdit(&window);
    layout->addWidget(before);
    layout->addWidget(control);
    layout->addWidget(after);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    before->setFocus();
    QTRY_VERIFY(before->hasFocus());

    const QColor ring = PaletteColors::focusRing(palette);
    QTest::keyClick(before, Qt::Key_Tab);
    QTRY_VERIFY(control->hasFocus());
    const qreal focused = ringShare(control->grab().toImage(), control->rect(), 0, ring);
    QVERIFY2(focused > 0.9, qPrintable(QStringLiteral("ring pixels: %1").arg(focused)));

    QTest::keyClick(control, Qt::Key_Tab);
    QTRY_VERIFY(after->hasFocus());
    const qreal unfocused = ringShare(control->grab().toImage(), control->rect(), 0, ring);
    QVERIFY2(unfocused < 0.05, qPrintable(QStringLiteral("ring pixels: %1").arg(unfocused)));
}

QTEST_MAIN(TestFocusRing)
#include "tst_focusring.moc"
