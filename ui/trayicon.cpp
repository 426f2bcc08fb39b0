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

    m_countdown = m_menu->addAction(QString());
    m_countdown->setEnabled(false);
    m_countdown->setVisible(false);
    m_menu->addAction(tr("Show Fermata"), this, &TrayIcon::showRequested)
        ->setObjectName(QStringLiteral("trayShowAction"));
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested)->setObjectName(QStringLiteral("trayQuitAction"));
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
    m_status = text;
    QString tip = text.isEmpty() ? tr("Fermata") : tr("Fermata — %1").arg(text);
    if (m_countdown->isVisible())
        tip += QLatin1Char('\n') + m_countdown->text();
    m_icon->setToolTip(tip);
}

void TrayIcon::addFocusActions(const QList<QAction *> &actions)
{
    QAction *before = m_menu->actions().value(1); // after the countdown line
    m_menu->insertActions(before, actions);
    m_menu->insertSeparator(before);
}

void TrayIcon::setCountdownText(const QString &text)
{
    m_countdown->setText(text);
    m_countdown->setVisible(!text.isEmpty());
    setStatusText(m_status);
}

void TrayIcon::showNotice(const QString &title, const QString &text)
{
    m_icon->showMessage(title, text, ThemedIcon::appIcon());
    Q_EMIT noticeShown(title, text);
}

QString TrayIcon::statusText() const
{
    return m_icon->toolTip();
}

} // namespace fermata
