#include "closetotray.h"

#include "trayicon.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace fermata {

namespace {
const QString noticeKey = QStringLiteral("tray/closeNoticeShown");
} // namespace

CloseToTray::CloseToTray(QWidget &window, TrayIcon &tray, const QString &settingsFile)
    : QObject(&window)
    , m_window(window)
    , m_tray(tray)
    , m_settings(settingsFile, QSettings::IniFormat)
{
    QApplication::setQuitOnLastWindowClosed(false);
    m_window.installEventFilter(this);
    qApp->installEventFilter(this); // Quit closes every window, and arrives just before it does
}

CloseToTray::~CloseToTray()
{
    QApplication::setQuitOnLastWindowClosed(true);
}

bool CloseToTray::wasNoticeShown() const
{
    return m_settings.value(noticeKey, false).toBool();
}

bool CloseToTray::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::Quit)
        m_quitting = true;
    else if (watched == &m_window && event->type() == QEvent::Close && !m_quitting)
        QTimer::singleShot(0, this, &CloseToTray::windowClosed); // once the window has taken it
    return false;
}

void CloseToTray::windowClosed()
{
    if (m_quitting || m_window.isVisible() || wasNoticeShown())
        return;
    m_tray.showNotice(tr("Fermata is still running"),
        tr("It keeps holding notifications until your next check-in. Click the tray icon "
           "to open the window. To quit, choose Quit from the tray icon's menu, or press "
           "Ctrl+Q in the window."));
    m_settings.setValue(noticeKey, true);
    m_settings.sync();
}

} // namespace fermata
