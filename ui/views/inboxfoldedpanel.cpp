#include "views/inboxfoldedpanel.h"

#include "attention/heldtally.h"
#include "attention/inboxgrouping.h"
#include "widgets/palettecolors.h"
#include "widgets/themedicon.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fermata {

InboxFoldedPanel::InboxFoldedPanel(QWidget *parent)
    : QWidget(parent)
    , m_column(new QWidget(this))
    , m_summary(new QLabel(this))
    , m_next(new QLabel(this))
    , m_sources(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_peek(new QPushButton(tr("&Peek early…"), this))
{
    setObjectName(QStringLiteral("inboxFolded"));
    m_summary->setObjectName(QStringLiteral("inboxFoldedSummary"));
    m_peek->setObjectName(QStringLiteral("peekEarlyButton"));
    m_peek->setToolTip(tr("Show what is held before your next check-in. Each peek is counted."));

    auto *icon = new QLabel(this);
    icon->setPixmap(ThemedIcon::fromResource(QStringLiteral("inbox")).pixmap(QSize(40, 40), QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);

    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setWeight(QFont::DemiBold);
    m_summary->setFont(big);
    m_next->setObjectName(QStringLiteral("inboxFoldedNext"));
    for (QLabel *label : {m_summary, m_next, m_sources, m_hint}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
    }
    QPalette muted = m_hint->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_hint->setPalette(muted);
    m_hint->setText(tr("Held items stay folded until your next check-in window, so they cannot pull "
                       "you away from what you are doing."));
    m_sources->setTextFormat(Qt::PlainText);

    auto *columnLayout = new QVBoxLayout(m_column);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(icon);
    columnLayout->addWidget(m_summary);
    columnLayout->addWidget(m_next);
    columnLayout->addWidget(m_sources);
    columnLayout->addWidget(m_hint);
    columnLayout->addSpacing(6);
    columnLayout->addWidget(m_peek, 0, Qt::AlignHCenter);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_column, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    connect(m_peek, &QPushButton::clicked, this, &InboxFoldedPanel::peekRequested);
}

void InboxFoldedPanel::setSummary(const HeldTally &held, const QString &nextCheckIn, const QString &splitSource,
                                  const QList<std::pair<QString, int>> &bySender)
{
    const int count = held.total();
    QList<std::pair<QString, int>> sources;
    for (const auto &entry : held.sources()) {
        if (entry.first == splitSource && !bySender.isEmpty())
            sources.append(bySender);
        else
            sources.append(entry);
    }
    std::stable_sort(sources.begin(), sources.end(), [](const auto &a, const auto &b) {
        return inboxgrouping::listedBefore({a.first, {}}, a.second, {b.first, {}}, b.second);
    });
    QString summary = tr("%n held from %1", nullptr, count)
                          .arg(sources.size() == 1 ? tr("1 source") : tr("%n sources", nullptr, int(sources.size())));
    if (count == 0)
        summary = tr("Nothing held");
    m_summary->setText(summary);
    const QString next = nextCheckIn.isEmpty() ? tr("No check-in window set")
                                               : tr("Next check-in %1").arg(nextCheckIn);
    m_next->setText(next);
    m_summaryText = nextCheckIn.isEmpty() ? tr("%1 · no check-in window set").arg(summary)
                                          : tr("%1 · next check-in %2").arg(summary, nextCheckIn);
    setAccessibleDescription(m_summaryText);

    QStringList perSource;
    for (const auto &[source, n] : sources)
        perSource.append(tr("%1 %2").arg(source).arg(n));
    m_sources->setText(perSource.join(QStringLiteral("  ·  ")));
    m_sources->setVisible(!perSource.isEmpty());
    m_peek->setEnabled(count > 0);
}

QString InboxFoldedPanel::groupsText() const
{
    return m_sources->text();
}

QString InboxFoldedPanel::summaryText() const
{
    return m_summaryText;
}

void InboxFoldedPanel::resizeEvent(QResizeEvent *event)
{
    // A fixed measure lets the wrapped labels take the height they need.
    m_column->setFixedWidth(qMax(160, qMin(460, width() - 48)));
    QWidget::resizeEvent(event);
}

} // namespace fermata
