#include "trayicon.h"

#include "widgets/themedicon.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace fermata {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent), m_menu(std::make_unique<QMenu>()), m_icon(new QSystemTrayIcon(this))
{
    m_icon->setIcon(ThemedIcon::appIcon());
    m_icon->setToolTip(tr("Fermata"));

    m_menu->addAction(tr("Show Fermata"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu.get());

    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            Q_EMIT showRequested();
    });
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    m_icon->setContextMenu(nullptr);
}

void TrayIcon::setStatusText(const QString &text)
{
    m_icon->setToolTip(text.isEmpty() ? tr("Fermata") : tr("Fermata — %1").arg(text));
}

QString TrayIcon::statusText() const
{
    return m_icon->toolTip();
}

} // namespace fermata
