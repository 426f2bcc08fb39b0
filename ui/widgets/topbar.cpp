#include "widgets/topbar.h"
#include "models/whentext.h"

#include "widgets/palettecolors.h"
#include "widgets/statuschip.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>

namespace fermata {

namespace {

QString withShortcut(const QString &text, const QKeySequence &shortcut)
{
    return TopBar::tr("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

} // namespace

TopBar::TopBar(QAction *planAction, QWidget *parent)
    : QWidget(parent)
    , m_todayButton(new QPushButton(tr("Today"), this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_dateLabel(new QLabel(this))
    , m_status(new StatusChip(this))
{
    setObjectName(QStringLiteral("topBar"));
    const QKeySequence todayKey(Qt::ALT | Qt::Key_Home);
    const QKeySequence previousKey(Qt::ALT | Qt::Key_Left);
    const QKeySequence nextKey(Qt::ALT | Qt::Key_Right);
    m_todayButton->setShortcut(todayKey);
    m_todayButton->setToolTip(withShortcut(tr("Go to today"), todayKey));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setShortcut(previousKey);
    m_previous->setAccessibleName(tr("Previous"));
    m_previous->setToolTip(withShortcut(tr("Previous"), previousKey));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setShortcut(nextKey);
    m_next->setAccessibleName(tr("Next"));
    m_next->setToolTip(withShortcut(tr("Next"), nextKey));

    QFont dateFont = m_dateLabel->font();
    dateFont.setPointSizeF(dateFont.pointSizeF() * 1.15);
    dateFont.setWeight(QFont::DemiBold);
    m_dateLabel->setFont(dateFont);
    m_dateLabel->setObjectName(QStringLiteral("shownDate"));

    // A push button like "Today", so the bar's buttons share one look; it mirrors the action.
    auto *plan = m_plan = new QPushButton(this);
    plan->setObjectName(QStringLiteral("planButton"));
    const auto syncPlan = [plan, planAction] {
        plan->setText(planAction->text());
        plan->setEnabled(planAction->isEnabled());
        plan->setToolTip(planAction->toolTip());
    };
    syncPlan();
    connect(planAction, &QAction::changed, plan, syncPlan);
    connect(plan, &QPushButton::clicked, planAction, &QAction::trigger);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);
    layout->addWidget(m_todayButton);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addSpacing(8);
    layout->addWidget(m_dateLabel);
    layout->addStretch(1);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(plan);

    connect(m_todayButton, &QPushButton::clicked, this, [this] { setDate(m_today); });
    connect(m_previous, &QToolButton::clicked, this, [this] { setDate(m_date.addDays(-m_stepDays)); });
    connect(m_next, &QToolButton::clicked, this, [this] { setDate(m_date.addDays(m_stepDays)); });
}

void TopBar::setDate(QDate date)
{
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    updateLabel();
    Q_EMIT dateChanged(date);
}

void TopBar::setToday(QDate today)
{
    m_today = today;
    updateLabel();
}

void TopBar::setStepDays(int days)
{
    m_stepDays = qMax(1, days);
    updateLabel();
}

void TopBar::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void TopBar::setDateNavigationVisible(bool visible)
{
    for (QWidget *part : {static_cast<QWidget *>(m_todayButton), static_cast<QWidget *>(m_previous),
                          static_cast<QWidget *>(m_next), static_cast<QWidget *>(m_dateLabel)})
        part->setVisible(visible);
}

void TopBar::setPlanVisible(bool visible)
{
    m_plan->setVisible(visible);
}

void TopBar::updateLabel()
{
    const QLocale locale;
    if (m_stepDays == 7) {
        const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
        m_dateLabel->setText(tr("%1 – %2").arg(WhenText::day(monday, WhenText::DayStyle::DayMonth, locale),
                                               WhenText::day(monday.addDays(6), WhenText::DayStyle::DayMonthYear, locale)));
    } else {
        m_dateLabel->setText(WhenText::day(m_date, WhenText::DayStyle::Full, locale));
    }
    m_todayButton->setEnabled(m_today.isValid());
}

void TopBar::paintEvent(QPaintEvent *)
{
    // A hairline under the bar separates it from the views without a heavy frame.
    QPainter painter(this);
    const QColor line = PaletteColors::mix(palette().color(QPalette::Window),
                                           palette().color(QPalette::WindowText), 0.15);
    painter.fillRect(QRect(0, height() - 1, width(), 1), line);
}

} // namespace fermata
