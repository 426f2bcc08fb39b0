#include "dialogs/checkinpage.h"

#include "attention/attentionservice.h"
#include "dialogs/breakthroughbox.h"
#include "dialogs/checkinwindowrow.h"
#include "dialogs/httpintakebox.h"
#include "settings/preferences.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace fermata {

namespace {

// Windows compared by what the person edits, not by their stored ids.
bool sameWindows(const QList<CheckInWindow> &a, const QList<CheckInWindow> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].rule != b[i].rule || a[i].label != b[i].label)
            return false;
    }
    return true;
}

} // namespace

CheckInPage::CheckInPage(AttentionService &attention, const Preferences &preferences,
                         const DndController *dnd, QWidget *parent)
    : PreferencesPage(parent), m_attention(attention), m_preferences(preferences)
{
    setObjectName(QStringLiteral("checkInPage"));
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(buildWindowsGroup());

    m_history = new QSpinBox(content);
    m_history->setObjectName(QStringLiteral("historyDays"));
    m_history->setRange(1, 3650);
    m_history->setValue(attention.historyDays());
    m_history->setSuffix(tr(" days"));
    connect(m_history, &QSpinBox::valueChanged, this, &PreferencesPage::edited);
    m_history->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *historyRow = new QFormLayout;
    historyRow->addRow(tr("Keep Inbox &history for:"), m_history);
    column->addLayout(historyRow);

    m_breakThrough = new BreakThroughBox(attention.rules(), content);
    connect(m_breakThrough, &BreakThroughBox::edited, this, &PreferencesPage::edited);
    column->addWidget(m_breakThrough);
    m_http = new HttpIntakeBox(attention, dnd, content);
    connect(m_http, &HttpIntakeBox::edited, this, &PreferencesPage::edited);
    column->addWidget(m_http);
    column->addStretch(1);

    // Many windows and source rules outgrow the dialog: the page scrolls, the buttons stay.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // labels wrap instead
    scroll->setMinimumWidth(content->minimumSizeHint().width() + 24);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QWidget *CheckInPage::buildWindowsGroup()
{
    auto *group = new QGroupBox(tr("Check-in windows"));
    group->setObjectName(QStringLiteral("checkInWindows"));
    auto *intro = new QLabel(tr("Notifications wait until one of these; each opens the Inbox and brings "
                                "one summary of what was held."), group);
    intro->setWordWrap(true);
    m_rowLayout = new QVBoxLayout;
    m_rowLayout->setSpacing(6);
    m_addWindow = new QPushButton(tr("&Add Window"), group);
    m_addWindow->setObjectName(QStringLiteral("addCheckInWindow"));
    connect(m_addWindow, &QPushButton::clicked, this, &CheckInPage::addWindow);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(intro);
    layout->addLayout(m_rowLayout);
    layout->addWidget(m_addWindow, 0, Qt::AlignLeft);
    for (const CheckInWindow &window : m_attention.personalWindows())
        appendRow()->setWindow(window);
    return group;
}

CheckInWindowRow *CheckInPage::appendRow()
{
    auto *row = new CheckInWindowRow(this);
    row->setObjectName(QStringLiteral("checkInWindowRow"));
    m_rowLayout->addWidget(row);
    m_rows.append(row);
    connect(row, &CheckInWindowRow::edited, this, &PreferencesPage::edited);
    connect(row, &CheckInWindowRow::removeRequested, this, [this, row] {
        m_rows.removeOne(row);
        row->deleteLater();
        Q_EMIT edited();
    });
    return row;
}

void CheckInPage::addWindow()
{
    // A new window starts on weekdays after the last one, so it is valid as it appears.
    CheckInWindow window;
    QTime start(9, 0);
    if (!m_rows.isEmpty()) {
        const CheckInWindow last = m_rows.constLast()->window(m_preferences.timeZoneId());
        start = last.rule.end().addSecs(60 * 60);
    }
    window.rule = WeeklyRule(WeeklyRule::Weekdays, start, start.addSecs(20 * 60), m_preferences.timeZoneId());
    appendRow()->setWindow(window);
    m_rows.constLast()->startEdit()->setFocus();
    Q_EMIT edited();
}

QString CheckInPage::title() const
{
    return tr("&Check-in");
}

QString CheckInPage::validationError() const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (QString problem = m_rows[i]->problem(int(i) + 1); !problem.isEmpty())
            return problem;
    }
    return m_breakThrough->problem();
}

QList<CheckInWindow> CheckInPage::editedWindows() const
{
    // The zone as saved by the General tab a moment ago: windows follow the person.
    const QByteArray zone = m_preferences.timeZoneId();
    QList<CheckInWindow> windows;
    for (const CheckInWindowRow *row : m_rows)
        windows.append(row->window(zone));
    return windows;
}

Status CheckInPage::apply()
{
    if (const QString problem = validationError(); !problem.isEmpty())
        return Status::failure(Error::Code::Invalid, problem);
    const QList<CheckInWindow> windows = editedWindows();
    if (!sameWindows(windows, m_attention.personalWindows())) {
        if (Status s = m_attention.setPersonalWindows(windows); !s)
            return s;
    }
    if (m_history->value() != m_attention.historyDays()) {
        if (Status s = m_attention.setHistoryDays(m_history->value()); !s)
            return s;
    }
    if (const BatchingConfig rules = m_breakThrough->rules(); !(rules == m_attention.rules())) {
        if (Status s = m_attention.setRules(rules); !s)
            return s;
    }
    return applyHttp();
}

Status CheckInPage::applyHttp()
{
    const bool wanted = m_http->isEnabledChecked();
    if (wanted && (!m_attention.isHttpEnabled() || m_http->port() != m_attention.httpPort()))
        return m_attention.enableHttp(m_http->port());
    if (!wanted && m_attention.isHttpEnabled())
        return m_attention.disableHttp();
    return {};
}

} // namespace fermata
