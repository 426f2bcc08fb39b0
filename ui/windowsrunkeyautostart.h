#pragma once

#include "autostartentry.h"

#include <QCoreApplication>

namespace fermata {

// Start at login on Windows (compiled only there): a value named "Fermata" under the current
// user's Run key, HKCU\Software\Microsoft\Windows\CurrentVersion\Run, which Windows reads at each
// sign-in. Written through QSettings' native (registry) format; no administrator rights needed.
class WindowsRunKeyAutostart final : public AutostartEntry
{
    Q_DECLARE_TR_FUNCTIONS(AutostartEntry)
public:
    WindowsRunKeyAutostart(QString program, QString dataDir);

    bool isEnabled() const override;
    Status setEnabled(bool enabled) const override;
    QString location() const override;

    // The command line Windows runs: every argument quoted, backslashes native.
    QString commandLine() const;

private:
    QString m_program;
    QString m_dataDir;
};

} // namespace fermata
