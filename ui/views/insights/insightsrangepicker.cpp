#include "views/insights/insightsrangepicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace fermata {

InsightsRangePicker::InsightsRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_box(new QComboBox(this))
    , m_fromLabel(new QLabel(tr("&From"), this))
    , m_firstEdit(new QDateEdit(this))
    , m_toLabel(new QLabel(tr("&to"), this))
    , m_lastEdit(new QDateEdit(this))
{
    m_box->setObjectName(QStringLiteral("insightsRange"));
    m_box->setAccessibleName(tr("Insights range"));
    m_box->addItem(tr("This week"), int(Range::ThisWeek));
    m_box->addItem(tr("Last 4 weeks"), int(Range::LastFourWeeks));
    m_box->addItem(tr("Quarter"), int(Range::Quarter));
    m_box->addItem(tr("Custom…"), int(Range::Custom));
    m_box->setCurrentIndex(int(Range::LastFourWeeks));
    for (QDateEdit *edit : {m_firstEdit, m_lastEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_firstEdit->setObjectName(QStringLiteral("insightsFirst"));
    m_lastEdit->setObjectName(QStringLiteral("insightsLast"));
    m_firstEdit->setAccessibleName(tr("First day"));
    m_lastEdit->setAccessibleName(tr("Last day"));
    m_fromLabel->setBuddy(m_firstEdit);
    m_toLabel->setBuddy(m_lastEdit);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);
    layout->addSpacing(8);
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_firstEdit);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_lastEdit);
    layout->addStretch(1);

    connect(m_box, &QComboBox::currentIndexChanged, this, &InsightsRangePicker::update);
    const auto edited = [this] {
        if (range() == Range::Custom)
            setDays(m_firstEdit->date(), m_lastEdit->date());
    };
    connect(m_firstEdit, &QDateEdit::dateChanged, this, edited);
    connect(m_lastEdit, &QDateEdit::dateChanged, this, edited);
    update();
}

void InsightsRangePicker::setToday(QDate today)
{
    if (today == m_today || !today.isValid())
        return;
    m_today = today;
    update();
}

InsightsRangePicker::Range InsightsRangePicker::range() const
{
    return Range(m_box->currentData().toInt());
}

void InsightsRangePicker::setRange(Range range)
{
    m_box->setCurrentIndex(m_box->findData(int(range)));
}

void InsightsRangePicker::setCustomRange(QDate first, QDate last)
{
    if (last < first)
        std::swap(first, last);
    const QSignalBlocker blockFirst(m_firstEdit);
    const QSignalBlocker blockLast(m_lastEdit);
    m_firstEdit->setDate(first);
    m_lastEdit->setDate(last);
    if (range() != Range::Custom)
        setRange(Range::Custom); // update() reads the edits
    else
        setDays(first, last);
}

void InsightsRangePicker::update()
{
    const bool custom = range() == Range::Custom;
    for (QWidget *widget : {static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_firstEdit),
                            static_cast<QWidget *>(m_toLabel), static_cast<QWidget *>(m_lastEdit)})
        widget->setVisible(custom);
    QDate first;
    switch (range()) {
    case Range::ThisWeek:
        first = m_today.addDays(1 - m_today.dayOfWeek());
        break;
    case Range::LastFourWeeks:
        first = m_today.addDays(-27);
        break;
    case Range::Quarter:
        first = QDate(m_today.year(), (m_today.month() - 1) / 3 * 3 + 1, 1);
        break;
    case Range::Custom:
        setDays(m_firstEdit->date(), m_lastEdit->date());
        return;
    }
    // Custom starts from the last preset shown.
    const QSignalBlocker blockFirst(m_firstEdit);
    const QSignalBlocker blockLast(m_lastEdit);
    m_firstEdit->setDate(first);
    m_lastEdit->setDate(m_today);
    setDays(first, m_today);
}

void InsightsRangePicker::setDays(QDate first, QDate last)
{
    if (last < first)
        std::swap(first, last);
    if (first == m_first && last == m_last)
        return;
    m_first = first;
    m_last = last;
    Q_EMIT rangeChanged(first, last);
}

} // namespace fermata
