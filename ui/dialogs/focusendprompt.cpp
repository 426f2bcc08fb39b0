#include "dialogs/focusendprompt.h"

#include "widgets/palettecolors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fermata {

FocusEndPrompt::FocusEndPrompt(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_done(new QPushButton(tr("&Done"), this))
    , m_more(new QPushButton(tr("&%1 More Minutes").arg(ExtraMinutes), this))
    , m_stop(new QPushButton(tr("&Stop"), this))
{
    setObjectName(QStringLiteral("focusEndPrompt"));
    setWindowTitle(tr("Focus time is up"));
    m_done->setObjectName(QStringLiteral("focusDoneButton"));
    m_more->setObjectName(QStringLiteral("focusMoreButton"));
    m_stop->setObjectName(QStringLiteral("focusStopButton"));
    m_done->setToolTip(tr("The work is done: end the session"));
    m_more->setToolTip(tr("Keep focusing for %1 more minutes; notifications keep waiting").arg(ExtraMinutes));
    m_stop->setToolTip(tr("End the session without marking the work done"));
    m_done->setDefault(true);

    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_title->setText(tr("Focus time is up"));
    m_text->setWordWrap(true);
    m_text->setMinimumWidth(320);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_done, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_more, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addSpacing(6);
    layout->addWidget(buttons);

    connect(m_done, &QPushButton::clicked, this, [this] { choose(Choice::Done); });
    connect(m_more, &QPushButton::clicked, this, [this] { choose(Choice::MoreTime); });
    connect(m_stop, &QPushButton::clicked, this, [this] { choose(Choice::Stop); });
}

void FocusEndPrompt::setSession(const QString &taskTitle, int heldCount)
{
    QString text = taskTitle.isEmpty() ? tr("Your focus session has reached its planned end.")
                                       : tr("Your focus session on “%1” has reached its planned end.").arg(taskTitle);
    if (heldCount == 1)
        text += QLatin1Char(' ') + tr("1 notification is waiting for your next check-in.");
    else if (heldCount > 1)
        text += QLatin1Char(' ') + tr("%n notifications are waiting for your next check-in.", nullptr, heldCount);
    m_text->setText(text);
    setAccessibleDescription(text);
}

QString FocusEndPrompt::message() const
{
    return m_text->text();
}

void FocusEndPrompt::choose(Choice choice)
{
    Q_EMIT chosen(choice);
    // Escape and the close button mean "not now": only a choice closes it for good.
    done(choice == Choice::Stop ? QDialog::Rejected : QDialog::Accepted);
}

} // namespace fermata
