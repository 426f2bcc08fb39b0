#pragma once

#include "result.h"

#include <QString>

#include <memory>

namespace fermata {

// "Start Fermata when I log in", one implementation per system (ui/CMakeLists.txt picks the
// file): an XDG autostart entry on Linux (xdgautostartentry.h), the Run key on Windows, a
// LaunchAgent on macOS. Whatever the system keeps is the setting; there is no second copy of it
// in Fermata's own settings to drift apart. Qt Core only.
class AutostartEntry
{
public:
    // The option Fermata is started with at login: no window, only the tray (app/main.cpp reads it).
    static constexpr char16_t trayOption[] = u"--tray";

    virtual ~AutostartEntry() = default;

    // This system's way to start `program` (the running executable) at login, with --data-dir
    // `dataDir` when not empty (a non-default profile); nullptr when this build has none, and
    // then Preferences does not offer it.
    static std::unique_ptr<AutostartEntry> create(const QString &program, const QString &dataDir);

    virtual bool isEnabled() const = 0;
    // Writes the entry (replacing it whole), or removes it.
    virtual Status setEnabled(bool enabled) const = 0;
    // Where the system keeps it, for a person to find: a file path or a registry value.
    virtual QString location() const = 0;
};

} // namespace fermata
