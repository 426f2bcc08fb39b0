#pragma once

#include "autostartentry.h"

#include <QCoreApplication>

namespace fermata {

// Start at login on macOS (compiled only there): a LaunchAgent property list,
// ~/Library/LaunchAgents/io.fermata.Fermata.plist, with RunAtLoad, which launchd loads at each
// login. Removing the file ends it from the next login on.
class MacLaunchAgent final : public AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
public:
    static constexpr char16_t label[] = u"io.fermata.Fermata";

    MacLaunchAgent(QString program, QString dataDir, QString directory = defaultDirectory());

    // ~/Library/LaunchAgents
    static QString defaultDirectory();

    QString filePath() const;
    bool isEnabled() const override;
    Status setEnabled(bool enabled) const override;
    QString location() const override { return filePath(); }

    QByteArray contents() const;

private:
    QString m_program;
    QString m_dataDir;
    QString m_directory;
};

} // namespace fermata
