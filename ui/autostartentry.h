#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

namespace fermata {

// "Start Fermata when I log in": an XDG autostart entry ($XDG_CONFIG_HOME/autostart/fermata.desktop)
// that starts this executable in the tray. The file existing is the setting; there is no second
// copy of it in Fermata's own settings to drift apart. Qt Core only.
class AutostartEntry final
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
public:
    // The option the entry starts Fermata with: no window, only the tray (app/main.cpp reads it).
    static constexpr char16_t trayOption[] = u"--tray";

    // `program` is the absolute path to start (the running executable); `dataDir` is passed as
    // --data-dir when not empty (a non-default profile); `directory` is where autostart entries live.
    AutostartEntry(QString program, QString dataDir = {}, QString directory = defaultDirectory());

    // $XDG_CONFIG_HOME/autostart (~/.config/autostart).
    static QString defaultDirectory();

    QString filePath() const;
    bool isEnabled() const;
    // Writes the entry atomically (QSaveFile), or removes it.
    Status setEnabled(bool enabled) const;

    // The Exec= value: program, --data-dir, the tray option, quoted for a desktop entry.
    QString execLine() const;
    QByteArray contents() const;

private:
    QString m_program;
    QString m_dataDir;
    QString m_directory;
};

} // namespace fermata
