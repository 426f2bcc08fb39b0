#include "dialogs/httpintakebox.h"

#include "attention/attentionservice.h"
#include "attention/dndcontroller.h"
#include "widgets/palettecolors.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace fermata {

HttpIntakeBox::HttpIntakeBox(const AttentionService &attention, const DndController *dnd, QWidget *parent)
    : QGroupBox(tr("Other apps"), parent), m_attention(attention)
{
    setObjectName(QStringLiteral("httpIntakeBox"));
    m_enable = new QCheckBox(tr("Accept notifications over &HTTP from programs on this computer"), this);
    m_enable->setObjectName(QStringLiteral("httpEnabled"));
    m_enable->setToolTip(tr("POST /v1/notifications on 127.0.0.1 only, with the token below"));
    m_enable->setChecked(attention.isHttpEnabled());
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("httpPort"));
    m_port->setRange(1024, 65535);
    m_port->setValue(attention.httpPort());
    m_port->setAccessibleName(tr("HTTP port"));
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("httpToken"));
    m_token->setReadOnly(true);
    m_token->setAccessibleName(tr("Bearer token"));
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyToken"));
    m_copy->setToolTip(tr("Copy the token to the clipboard"));
    m_tokenNote = new QLabel(this);
    m_tokenNote->setWordWrap(true);
    QPalette muted = m_tokenNote->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_tokenNote->setPalette(muted);
    m_dnd = new QLabel(dndText(dnd), this);
    m_dnd->setObjectName(QStringLiteral("dndAdapter"));
    m_dnd->setWordWrap(true);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copy);
    auto *form = new QFormLayout;
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Token:"), tokenRow);
    form->addRow(QString(), m_tokenNote);
    form->addRow(tr("Do Not Disturb:"), m_dnd);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enable);
    layout->addLayout(form);

    connect(m_enable, &QCheckBox::toggled, this, [this] {
        updateState();
        Q_EMIT edited();
    });
    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        updateState();
        Q_EMIT edited();
    });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_token->text()); });
    updateState();
}

QString HttpIntakeBox::dndText(const DndController *dnd)
{
    if (dnd && !dnd->unavailableReason().isEmpty())
        return dnd->unavailableReason(); // this system or build cannot switch it at all: say why
    if (!dnd || !dnd->isActive())
        return tr("None found — Fermata holds its own sources only");
    return tr("%1 (switched on during focus, restored afterwards)").arg(dnd->adapterName());
}

bool HttpIntakeBox::isEnabledChecked() const
{
    return m_enable->isChecked();
}

quint16 HttpIntakeBox::port() const
{
    return quint16(m_port->value());
}

void HttpIntakeBox::updateState()
{
    const bool on = m_enable->isChecked();
    // The token exists once HTTP was first enabled; it is kept when HTTP is turned off.
    const QByteArray token = m_attention.httpToken();
    const bool showToken = on && m_attention.isHttpEnabled() && !token.isEmpty();
    m_port->setEnabled(on);
    m_token->setText(showToken ? QString::fromLatin1(token) : QString());
    m_token->setEnabled(showToken);
    m_copy->setEnabled(showToken);
    if (!on)
        m_tokenNote->setText(tr("Off: nothing listens for HTTP notifications."));
    else if (!showToken)
        m_tokenNote->setText(tr("A token is made when you press OK; open Preferences again to copy it."));
    else
        m_tokenNote->setText(tr("Send: curl -H \"Authorization: Bearer TOKEN\" -d '{\"title\":\"Deploy done\"}' "
                                "http://127.0.0.1:%1/v1/notifications")
                                 .arg(m_port->value()));
    m_tokenNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace fermata
