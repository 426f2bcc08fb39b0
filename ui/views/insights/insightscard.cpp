#include "views/insights/insightscard.h"

#include "widgets/palettecolors.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace fermata {

InsightsCard::InsightsCard(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_takeaway(new QLabel(this))
    , m_view(new QChartView(this))
    , m_note(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_takeaway->setWordWrap(true);
    m_takeaway->setObjectName(QStringLiteral("takeaway"));
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumSize(280, 220);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setAccessibleName(title);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_takeaway);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    setAccessibleName(title);
}

QString InsightsCard::title() const
{
    return m_title->text();
}

QString InsightsCard::takeaway() const
{
    return m_takeaway->text();
}

void InsightsCard::setTakeaway(const QString &text)
{
    m_takeaway->setText(text);
    m_view->setAccessibleDescription(text);
}

QString InsightsCard::note() const
{
    return m_note->text();
}

void InsightsCard::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QChart *InsightsCard::chart() const
{
    return m_view->chart();
}

void InsightsCard::setChart(QChart *chart)
{
    QChart *old = m_view->chart();
    m_view->setChart(chart); // the view takes ownership of the new chart, not the old
    if (old != chart)
        delete old;
    m_view->setBackgroundBrush(palette().color(QPalette::Base));
}

void InsightsCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(PaletteColors::neutralOutline(palette()));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

} // namespace fermata
