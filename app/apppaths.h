#pragma once

#include <QString>

namespace fermata {

// Where one profile keeps its data: the database and the settings file. The default is the
// user's data and config folders; --data-dir DIR puts both in DIR (tests, benchmarks,
// people with several profiles).
class AppPaths
{
public:
    static AppPaths standard();
    static AppPaths inDirectory(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const { return m_databasePath; }
    QString settingsPath() const { return m_settingsPath; }
    // The single-instance socket's full path, unique to this profile, in the user's private
    // socket folder ($XDG_RUNTIME_DIR or a 0700 <temp>/fermata-<uid>; see PrivateSocket).
    QString instanceKey() const;

private:
    QString m_dataDir;
    QString m_databasePath;
    QString m_settingsPath;
};

} // namespace fermata
