#pragma once

#include "autostartentry.h"

#include <QCoreApplication>
#include <QString>

namespace fermata {

// Start at login through an XDG autostart entry ($XDG_CONFIG_HOME/autostart/fermata.desktop) that
// starts this executable in the tray. Plain file writing, so it builds everywhere (the tests use
// it with a folder of their own); only a build with FERMATA_WITH_LINUX_DESKTOP_FILES chooses it.
class XdgAutostartEntry final : public AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
public:
    // `program` is the absolute path to start (the running executable); `dataDir` is passed as
    // --data-dir when not empty (a non-default profile); `directory` is where autostart entries live.
    XdgAutostartEntry(QString program, QString dataDir = {}, QString directory = defaultDirectory());

    // $XDG_CONFIG_HOME/autostart (~/.config/autostart).
    static QString defaultDirectory();

    QString filePath() const;
    bool isEnabled() const override;
    // Writes the entry atomically (QSaveFile), or removes it.
    Status setEnabled(bool enabled) const override;
    QString location() const override { return filePath(); }

    // The Exec= value: program, --data-dir, the tray option, quoted for a desktop entry.
    QString execLine() const;
    QByteArray contents() const;

private:
    QString m_program;
    QString m_dataDir;
    QString m_directory;
};

} // namespace fermata
