#pragma once

#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace fermata {

// The tray entry: the app icon, the day status as its tooltip, and Show Fermata / Quit.
// Create it only where QSystemTrayIcon::isSystemTrayAvailable().
class TrayIcon final : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setStatusText(const QString &text);
    QString statusText() const;
    // Focus mode: actions listed above "Show Fermata", and a countdown ("Focus · 24 min left")
    // shown at the top of the menu and in the tooltip; empty hides it.
    void addFocusActions(const QList<QAction *> &actions);
    void setCountdownText(const QString &text);
    QMenu *menu() const { return m_menu.get(); }
    // A one-off message from the tray icon (a balloon, or a desktop notification).
    void showNotice(const QString &title, const QString &text);

Q_SIGNALS:
    void showRequested();
    void quitRequested();
    void noticeShown(const QString &title, const QString &text);

private:
    std::unique_ptr<QMenu> m_menu; // a top-level menu: nobody else would delete it
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_countdown = nullptr; // disabled: a line of text, not a command
    QString m_status;
};

} // namespace fermata
