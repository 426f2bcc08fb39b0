#include "views/messagecomposer.h"
#include "models/whentext.h"

#include "models/commitmentsmodel.h"
#include "models/outboxmodel.h"
#include "widgets/palettecolors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTimer>

#include <algorithm>

namespace fermata {

MessageComposer::MessageComposer(TeamSync *team, QWidget *parent)
    : QWidget(parent)
    , m_team(team)
    , m_recipient(new QComboBox(this))
    , m_subject(new QLineEdit(this))
    , m_about(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_preview(new QLabel(this))
    , m_urgentCount(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_outcomeTimer(new QTimer(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_sendUrgent(new QPushButton(tr("Send &now (urgent)…"), this))
{
    setObjectName(QStringLiteral("messageComposer"));
    m_recipient->setObjectName(QStringLiteral("composerRecipient"));
    m_recipient->setAccessibleName(tr("Recipient"));
    m_subject->setObjectName(QStringLiteral("composerSubject"));
    m_subject->setPlaceholderText(tr("What is it about?"));
    m_about->setObjectName(QStringLiteral("composerAbout"));
    m_about->setAccessibleName(tr("About a commitment"));
    m_about->setToolTip(tr("Refer to a task someone on your team shared: the message starts by saying which"));
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_body->setAccessibleName(tr("Message"));
    m_body->setPlaceholderText(tr("Write it once, calmly: they read it at their next check-in."));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(110);
    m_preview->setObjectName(QStringLiteral("composerPreview"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);
    m_urgentCount->setObjectName(QStringLiteral("composerUrgentCount"));
    QPalette muted = m_urgentCount->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_urgentCount->setPalette(muted);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Holds the message until their next check-in window (Ctrl+Return)"));
    m_sendUrgent->setObjectName(QStringLiteral("composerSendUrgent"));
    m_sendUrgent->setToolTip(tr("Delivers at once and interrupts them; counted"));

    auto *form = new QFormLayout;
    form->addRow(tr("&To:"), m_recipient);
    form->addRow(tr("S&ubject:"), m_subject);
    form->addRow(tr("Ab&out:"), m_about);
    form->addRow(tr("&Message:"), m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_preview, 1);
    buttons->addWidget(m_urgentCount);
    buttons->addWidget(m_sendUrgent);
    buttons->addWidget(m_send);
    m_outcome->setObjectName(QStringLiteral("composerOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Its line is always there: a confirmation appearing never moves the fields above.
    m_outcome->setMinimumHeight(m_outcome->fontMetrics().lineSpacing() + 4);
    m_outcomeTimer->setSingleShot(true);
    m_outcomeTimer->setInterval(10 * 1000);
    connect(m_outcomeTimer, &QTimer::timeout, m_outcome, &QLabel::clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_outcome);

    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &MessageComposer::send);
    connect(m_send, &QPushButton::clicked, this, &MessageComposer::send);
    connect(m_sendUrgent, &QPushButton::clicked, this, &MessageComposer::sendUrgent);
    connect(m_recipient, &QComboBox::currentIndexChanged, this, &MessageComposer::requestPreview);
    connect(m_subject, &QLineEdit::textChanged, this, &MessageComposer::updateButtons);
    connect(m_body, &QPlainTextEdit::textChanged, this, &MessageComposer::updateButtons);
    if (m_team) {
        connect(m_team, &TeamSync::directoryChanged, this, &MessageComposer::reloadRecipients);
        connect(m_team, &TeamSync::commitmentsChanged, this, &MessageComposer::reloadCommitments);
        connect(m_team, &TeamSync::outboxChanged, this, &MessageComposer::updateUrgentCount);
        connect(m_team, &TeamSync::previewReady, this, &MessageComposer::showPreview);
        connect(m_team, &TeamSync::previewFailed, this, &MessageComposer::showPreviewError);
        connect(m_team, &TeamSync::finished, this,
                [this](TeamSync::Operation op, bool ok, const QString &message) { handleFinished(op, ok, message); });
    }
    reloadRecipients();
    reloadCommitments();
    updateUrgentCount();
}

QString MessageComposer::previewText() const
{
    return m_preview->text();
}

QString MessageComposer::outcomeText() const
{
    return m_outcome->text();
}

QString MessageComposer::selectedRecipient() const
{
    return m_recipient->currentData().toString();
}

QString MessageComposer::replySubject(const QString &subject)
{
    static const QRegularExpression replies(QStringLiteral("^\\s*(re\\s*:\\s*)+"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString rest = subject;
    rest.remove(replies);
    return tr("Re: %1").arg(rest.trimmed());
}

void MessageComposer::replyTo(const QString &role, const QString &subject)
{
    // No teammate by that login (they left the team): nobody is chosen rather than someone else.
    m_recipient->setCurrentIndex(m_recipient->findData(role));
    m_subject->setText(replySubject(subject));
    m_outcome->clear();
    m_body->setFocus(Qt::OtherFocusReason);
}

void MessageComposer::reloadRecipients()
{
    const QString selected = selectedRecipient();
    {
        const QSignalBlocker blocker(m_recipient);
        m_recipient->clear();
        if (m_team) {
            for (const HubMember &m : m_team->snapshot().teammates())
                m_recipient->addItem(tr("%1 (%2)").arg(m.name, QString::fromUtf8(m.timeZoneId)), m.role);
        }
        const int index = m_recipient->findData(selected);
        m_recipient->setCurrentIndex(index >= 0 ? index : (m_recipient->count() > 0 ? 0 : -1));
    }
    requestPreview(); // their windows may have changed too
}

QUuid MessageComposer::selectedCommitment() const
{
    return m_about->currentData().toUuid();
}

void MessageComposer::setAboutCommitment(const QUuid &uuid)
{
    const int index = m_about->findData(uuid);
    m_about->setCurrentIndex(index >= 0 ? index : 0);
}

QString MessageComposer::referenceLine(const TeammateCommitment &commitment)
{
    const Commitment &c = commitment.commitment;
    const QTimeZone owners = commitment.ownerZoneId.isEmpty() ? QTimeZone::systemTimeZone()
                                                              : QTimeZone(commitment.ownerZoneId);
    const QLocale locale;
    const QString dayFormat = WhenText::dayFormat(WhenText::DayStyle::WeekdayDayMonth, locale);
    QStringList facts;
    if (c.due.isValid())
        facts.append(tr("due %1").arg(locale.toString(c.due.toTimeZone(owners).date(), dayFormat)));
    if (CommitmentsModel::isClosed(c))
        facts.append(commitmentStatusText(c.status));
    else if (c.finishDay.isValid())
        facts.append(tr("planned to finish %1").arg(locale.toString(c.finishDay, dayFormat)));
    else
        facts.append(tr("not planned yet"));
    return tr("About %1's '%2' (%3)").arg(commitment.displayName(), c.title, facts.join(QStringLiteral(", ")));
}

QString MessageComposer::bodyToSend() const
{
    const QString body = m_body->toPlainText();
    const QUuid about = selectedCommitment();
    if (about.isNull())
        return body;
    for (const TeammateCommitment &c : m_commitments) {
        if (c.commitment.uuid == about) {
            const QString line = referenceLine(c);
            return body.trimmed().isEmpty() ? line : line + QStringLiteral("\n\n") + body;
        }
    }
    return body;
}

void MessageComposer::reloadCommitments()
{
    setCommitments(m_team ? m_team->snapshot().commitments : QList<TeammateCommitment>());
}

void MessageComposer::setCommitments(const QList<TeammateCommitment> &commitments)
{
    const QUuid selected = selectedCommitment();
    // The chosen one stays chosen (and its reference stays right) even once it is done.
    QList<TeammateCommitment> offered;
    for (const TeammateCommitment &c : commitments) {
        if (!CommitmentsModel::isClosed(c.commitment) || c.commitment.uuid == selected)
            offered.append(c);
    }
    std::stable_sort(offered.begin(), offered.end(), &CommitmentsModel::isListedBefore);
    m_commitments = offered;
    const QSignalBlocker blocker(m_about);
    m_about->clear();
    m_about->addItem(tr("Nothing in particular"), QUuid());
    for (const TeammateCommitment &c : std::as_const(m_commitments)) {
        m_about->addItem(tr("%1: %2").arg(c.displayName(), c.commitment.title), c.commitment.uuid);
        m_about->setItemData(m_about->count() - 1, referenceLine(c), Qt::ToolTipRole);
    }
    setAboutCommitment(selected);
}

void MessageComposer::requestPreview()
{
    const QString role = selectedRecipient();
    updateButtons();
    if (!m_team || role.isEmpty()) {
        m_preview->clear();
        return;
    }
    m_preview->setText(tr("Working out when they will read it…"));
    m_team->requestPreview(role);
}

void MessageComposer::showPreview(const QString &recipient, const OutboxService::ReleasePreview &preview)
{
    if (recipient != selectedRecipient())
        return; // an answer for an earlier choice
    m_preview->setText(preview.fromHub ? preview.text
                                       : tr("%1 (from their last known windows)").arg(preview.text));
}

void MessageComposer::showPreviewError(const QString &recipient, const QString &message)
{
    if (recipient == selectedRecipient())
        m_preview->setText(message);
}

void MessageComposer::updateButtons()
{
    const bool ready = m_team && !m_sending && !selectedRecipient().isEmpty()
        && !m_subject->text().trimmed().isEmpty();
    m_send->setEnabled(ready);
    m_sendUrgent->setEnabled(ready);
}

void MessageComposer::updateUrgentCount()
{
    const int count = m_team ? m_team->snapshot().urgentThisWeek : 0;
    m_urgentCount->setText(count > 0 ? tr("%n urgent this week", nullptr, count) : QString());
}

void MessageComposer::send()
{
    if (!m_send->isEnabled())
        return;
    m_sending = true;
    updateButtons();
    m_team->send(selectedRecipient(), m_subject->text().trimmed(), bodyToSend());
}

void MessageComposer::sendUrgent()
{
    if (!m_sendUrgent->isEnabled() || !confirmUrgent(m_recipient->currentText()))
        return;
    m_sending = true;
    updateButtons();
    m_team->send(selectedRecipient(), m_subject->text().trimmed(), bodyToSend(), true);
}

bool MessageComposer::confirmUrgent(const QString &name)
{
    if (m_confirmUrgent)
        return m_confirmUrgent(name);
    QMessageBox box(QMessageBox::Question, tr("Send now?"),
                    tr("Send this to %1 now, outside their check-in window?").arg(name),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("It interrupts them at once. Urgent messages are counted, so you "
                              "can see how often you break through."));
    QPushButton *sendNow = box.addButton(tr("Interrupt and Send"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == sendNow;
}

void MessageComposer::handleFinished(TeamSync::Operation operation, bool ok, const QString &message)
{
    if (operation != TeamSync::Operation::Send || !m_sending)
        return;
    m_sending = false;
    if (ok) { // kept on failure, so nothing typed is lost
        m_subject->clear();
        m_body->clear();
        setAboutCommitment({});
    }
    if (!ok) {
        showOutcome(tr("Not sent: %1").arg(message), true);
    } else if (m_outbox && m_outbox->rowCount() > 0) {
        // The newest row is the one just sent: say exactly what it says.
        const OutboxService::OutgoingMessage &sent = m_outbox->message(0);
        const QString state = m_outbox->stateText(sent);
        const QString when = m_outbox->releaseText(sent);
        // "Released 00:03 — …" already says "Released": once is enough.
        showOutcome(when.startsWith(state) ? tr("Sent to %1 · %2").arg(sent.recipientName, when)
                                           : tr("Sent to %1 · %2 · %3").arg(sent.recipientName, state, when),
                    false);
    } else {
        showOutcome(message, false);
    }
    updateButtons();
    requestPreview();
}

void MessageComposer::showOutcome(const QString &text, bool error)
{
    QPalette palette = m_outcome->palette();
    palette.setColor(QPalette::WindowText, error ? this->palette().color(QPalette::Text)
                                                 : PaletteColors::mutedText(this->palette()));
    m_outcome->setPalette(palette);
    m_outcome->setText(text);
    m_outcome->setAccessibleDescription(text);
    if (error)
        m_outcomeTimer->stop(); // an error stays until the next send
    else
        m_outcomeTimer->start();
}

} // namespace fermata
