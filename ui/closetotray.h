#pragma once

#include <QObject>
#include <QSettings>

class QWidget;

namespace fermata {

class TrayIcon;

// Closing the main window while a tray icon is shown hides the window and keeps the engine
// running (check-in windows, holding, Do-Not-Disturb, intake); only Quit ends the app. The first
// time, the tray says so and how to quit; the profile's settings remember that it did.
// Without a tray nothing changes: closing the window quits, or the user could not get back.
class CloseToTray final : public QObject
{
    Q_OBJECT
public:
    // Watches `window` (and parents itself to it); `settingsFile` is the profile's settings.
    CloseToTray(QWidget &window, TrayIcon &tray, const QString &settingsFile);
    ~CloseToTray() override;

    bool wasNoticeShown() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void windowClosed();

    QWidget &m_window;
    TrayIcon &m_tray;
    QSettings m_settings;
    bool m_quitting = false; // Quit closes every window: that close is an ending, not a hide
};

} // namespace fermata
