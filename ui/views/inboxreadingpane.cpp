#include "views/inboxreadingpane.h"

#include "model/inboxitem.h"
#include "models/inboxmodel.h"
#include "models/whentext.h"
#include "widgets/palettecolors.h"

#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fermata {

namespace {

// Untrusted text goes into a label only as plain text.
QLabel *plainLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void setMuted(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, PaletteColors::mutedText(palette));
    label->setPalette(palette);
}

} // namespace

InboxReadingPane::InboxReadingPane(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(new QLabel(this))
    , m_item(new QWidget(this))
{
    setObjectName(QStringLiteral("inboxReadingPane"));
    setAccessibleName(tr("Reading pane"));
    m_placeholder->setObjectName(QStringLiteral("inboxReadingPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText); // it names sources and senders
    setMuted(m_placeholder);

    m_title = plainLabel(QStringLiteral("inboxReadingTitle"), tr("Title"), m_item);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_from = plainLabel(QStringLiteral("inboxReadingFrom"), tr("From"), m_item);
    m_times = plainLabel(QStringLiteral("inboxReadingTimes"), tr("Received"), m_item);
    setMuted(m_from);
    setMuted(m_times);
    m_reason = plainLabel(QStringLiteral("inboxReadingReason"), tr("Why it was held or shown"), m_item);
    m_reason->setMargin(6);
    m_reason->setAutoFillBackground(true);
    QPalette reasonPalette = m_reason->palette();
    reasonPalette.setColor(QPalette::Window, PaletteColors::accentTint(reasonPalette, 0.10));
    m_reason->setPalette(reasonPalette);

    m_body = new QPlainTextEdit(m_item);
    m_body->setObjectName(QStringLiteral("inboxReadingBody"));
    m_body->setAccessibleName(tr("Message body"));
    m_body->setReadOnly(true);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setTabChangesFocus(true);
    m_body->viewport()->setAutoFillBackground(false);

    auto *itemLayout = new QVBoxLayout(m_item);
    itemLayout->setContentsMargins(0, 0, 0, 0);
    itemLayout->setSpacing(6);
    itemLayout->addWidget(m_title);
    itemLayout->addWidget(m_from);
    itemLayout->addWidget(m_times);
    itemLayout->addWidget(m_reason);
    itemLayout->addSpacing(4);
    itemLayout->addWidget(m_body, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 4, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_item, 1);
    showNothing();
}

void InboxReadingPane::setItemVisible(bool visible)
{
    m_item->setVisible(visible);
    m_placeholder->setVisible(!visible);
}

void InboxReadingPane::showItem(const InboxItem &item, int count, const QTimeZone &zone, const QDateTime &now)
{
    const Notification &n = item.notification;
    QString title = n.title;
    if (InboxModel::isUrgentTeamMessage(item))
        title = tr("Urgent: %1").arg(n.title);
    else if (InboxModel::isCritical(item))
        title = tr("Critical: %1").arg(n.title);
    m_title->setText(title);

    QString from = n.sender.isEmpty() ? tr("From %1").arg(n.source) : tr("From %1 via %2").arg(n.sender, n.source);
    if (count > 1)
        from = tr("%1 · the newest of %2 with this title").arg(from).arg(count);
    m_from->setText(from);

    const QString received = WhenText::format(n.receivedAt, zone, now);
    QString times;
    if (item.state == ItemState::Held)
        times = tr("Received %1 · still held").arg(received);
    else if (n.releasedAt.isValid() && n.releasedAt != n.receivedAt)
        times = tr("Received %1 · shown %2").arg(received, WhenText::format(n.releasedAt, zone, now));
    else
        times = tr("Received %1").arg(received);
    if (item.state == ItemState::Done)
        times = tr("%1 · done").arg(times);
    m_times->setText(times);

    const QString heldCritical = InboxModel::heldCriticalReason(item);
    m_reason->setText(heldCritical.isEmpty() ? InboxModel::reasonText(item.decision) : heldCritical);
    QPalette reasonPalette = m_reason->palette();
    reasonPalette.setColor(QPalette::Window, heldCritical.isEmpty() ? PaletteColors::accentTint(palette(), 0.10)
                                                                    : PaletteColors::warningFill(palette()));
    m_reason->setPalette(reasonPalette);

    m_body->setPlainText(n.body.isEmpty() ? QString() : n.body);
    m_body->setPlaceholderText(tr("No text beyond the title."));
    setItemVisible(true);
}

void InboxReadingPane::showGroup(const QString &source, const QString &sender, int count)
{
    const QString who = sender.isEmpty() ? source : tr("%1 in %2").arg(sender, source);
    const QString items = count == 1 ? tr("1 item from %1.").arg(who) : tr("%n items from %1.", nullptr, count).arg(who);
    m_placeholder->setText(items + QLatin1Char('\n') + tr("Select one to read it; Done and Archive act on all of them."));
    setItemVisible(false);
}

void InboxReadingPane::showNothing(int selectedRows)
{
    m_placeholder->setText(selectedRows > 1 ? tr("%n rows selected.", nullptr, selectedRows)
                                            : tr("Select an item to read it.\n↑ ↓ move · D done · Delete archive · T make a task"));
    setItemVisible(false);
}

QString InboxReadingPane::titleText() const { return m_title->text(); }
QString InboxReadingPane::fromText() const { return m_from->text(); }
QString InboxReadingPane::timesText() const { return m_times->text(); }
QString InboxReadingPane::reasonText() const { return m_reason->text(); }
QString InboxReadingPane::bodyText() const { return m_body->toPlainText(); }
QString InboxReadingPane::placeholderText() const { return m_placeholder->text(); }
bool InboxReadingPane::isShowingItem() const { return !m_item->isHidden(); }

} // namespace fermata
