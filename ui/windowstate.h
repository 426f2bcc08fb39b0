#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringView>

namespace fermata {

// Where the main window was and how its panes were split, kept per profile in the same settings
// file as the Preferences (under its own group), so a --data-dir profile remembers its own layout.
class WindowState final
{
    Q_DISABLE_COPY_MOVE(WindowState)
public:
    explicit WindowState(const QString &settingsFile);

    // QWidget::saveGeometry() bytes; empty when never saved.
    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    // QSplitter::saveState() bytes for the named splitter; empty when never saved.
    QByteArray splitterState(QStringView name) const;
    void setSplitterState(QStringView name, const QByteArray &state);
    void sync();

private:
    QSettings m_settings;
};

} // namespace fermata
