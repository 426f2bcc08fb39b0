#pragma once

#include <QObject>

#include <memory>

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

Q_SIGNALS:
    void showRequested();
    void quitRequested();

private:
    std::unique_ptr<QMenu> m_menu; // a top-level menu: nobody else would delete it
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace fermata
