#include "widgets/messagebar.h"

#include "widgets/palettecolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace fermata {

namespace {
constexpr int infoVisibleMs = 6000;
}

namespace {
// Space around the painted bar, inside the widget: a hidden bar then leaves no empty strip.
const QMargins outerMargins(10, 4, 10, 10);
} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
    , m_autoHide(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        const bool offer = m_action->isVisibleTo(this);
        dismiss();
        if (offer)
            Q_EMIT actionDeclined(m_label->text(), m_action->text());
    });

    m_action->setObjectName(QStringLiteral("messageAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT actionTriggered();
    });

    m_autoHide->setSingleShot(true);
    connect(m_autoHide, &QTimer::timeout, this, &MessageBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(QMargins(14, 8, 8, 8) + outerMargins);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_action->hide();
    m_label->setText(text);
    setAccessibleDescription(text);
    if (kind == Kind::Info)
        m_autoHide->start(infoVisibleMs);
    else
        m_autoHide->stop();
    show();
    update();
}

void MessageBar::showAction(const QString &text, const QString &actionText)
{
    showMessage(Kind::Info, text);
    m_autoHide->stop();
    m_action->setText(actionText);
    m_action->show();
}

void MessageBar::dismiss()
{
    m_autoHide->stop();
    hide();
}

QString MessageBar::text() const
{
    return m_label->text();
}

void MessageBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor fill = m_kind == Kind::Error ? PaletteColors::warningFill(palette())
                                              : PaletteColors::accentTint(palette(), 0.14);
    const QColor edge = PaletteColors::mix(fill, palette().color(QPalette::Text), 0.2);
    painter.setPen(QPen(edge, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect().marginsRemoved(outerMargins)).adjusted(0.5, 0.5, -0.5, -0.5),
                            6, 6);
}

} // namespace fermata
